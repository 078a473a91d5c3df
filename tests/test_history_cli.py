"""`sanqu validate --history` and `sanqu honours`, in-process and as a subprocess."""

from __future__ import annotations

import re

from openpyxl import load_workbook

from builders import make_id
from history_builders import this_year_roster, write_disqualifications, write_summary

FULL_ID = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")


def history_set(tmp_path):
    """2022 and 2023 results: person 1 合格 both years, person 2 不合格 in 2022, person 3 disqualified 2023."""
    folder = tmp_path / "历年"
    folder.mkdir()
    write_summary(folder / "考核汇总-2022.xlsx", 2022, [(1, "合格"), (2, "不合格"), (3, "合格")])
    write_summary(folder / "考核汇总-2023.xlsx", 2023, [(1, "合格"), (3, "合格")])
    write_disqualifications(folder / "处理记录.xlsx", [(3, 2023, "第二十八条（三）弄虚作假")])
    return folder


def test_validate_history_json(cli, tmp_path):
    folder = history_set(tmp_path)
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1, 2, 3], grades={1: "合格", 2: "合格", 3: "优秀"})

    result = cli("validate", roster, "--history", folder, "--format", "json")

    assert result.exit_code == 1
    data = result.json()
    roster_file = data["files"][0]
    codes = sorted((finding["code"], finding["cell"]) for finding in roster_file["findings"] if finding["code"] != "P152")
    assert codes == [("P150", "C4"), ("P150", "C5"), ("P151", "C3")]
    assert [file["kind"] for file in data["files"][1:]] == ["disqualifications", "appraisal_summary", "appraisal_summary"]
    assert not FULL_ID.search(result.stdout)


def test_validate_without_history_unchanged(cli, tmp_path):
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1], grades={1: "合格"})

    result = cli("validate", roster, "--format", "json")

    assert result.exit_code == 0
    assert len(result.json()["files"]) == 1


def test_validate_history_not_found(cli, tmp_path):
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1])

    result = cli("validate", roster, "--history", tmp_path / "nothing" / "*.xlsx")

    assert result.exit_code == 2
    assert "--history" in result.stderr


def test_honours_writes_masked_list(cli, tmp_path):
    folder = history_set(tmp_path)
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1, 2, 3, 4], grades={1: "合格", 2: "合格", 3: "合格", 4: "优秀"})

    result = cli("honours", "--roster", roster, "--history", folder, "--out", tmp_path / "out")

    assert result.exit_code == 0
    assert "获得荣誉证书 2 人" in result.stdout
    workbook = load_workbook(tmp_path / "out" / "荣誉证书名单.xlsx")
    rows = list(workbook["荣誉证书名单"].iter_rows(min_row=3, values_only=True))
    names = [row[2] for row in rows if isinstance(row[0], int)]
    assert names == ["测试1", "测试4"]
    ids = [row[3] for row in rows if isinstance(row[0], int)]
    assert all("********" in value for value in ids)
    assert rows[0][4] == "2022–2024 年度连续 3 年考核合格及以上"


def test_honours_gap_goes_to_pending_sheet(cli, tmp_path):
    folder = tmp_path / "历年"
    folder.mkdir()
    write_summary(folder / "考核汇总-2022.xlsx", 2022, [(1, "合格")])
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1], grades={1: "合格"})

    result = cli("honours", "--roster", roster, "--history", folder, "--out", tmp_path / "out", "--format", "json")

    assert result.exit_code == 0
    data = result.json()
    assert data["honours"] == []
    assert data["pending"][0]["notes"][0] == "2023 年度考核结果未提供"
    assert data["pending"][0]["grades"] == {"2022": "合格", "2023": None, "2024": "合格"}
    sheet = load_workbook(tmp_path / "out" / "荣誉证书名单.xlsx")["待核实"]
    assert "2023 年度考核结果未提供" in sheet["F3"].value


def test_honours_scores_file_and_show_pii(cli, tmp_path):
    folder = history_set(tmp_path)
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1, 5])
    scores = write_summary(tmp_path / "考核汇总.xlsx", 2024, [(1, "合格"), (5, "优秀")])

    result = cli("honours", "--roster", roster, "--history", folder, "--scores", scores, "--out", tmp_path / "out",
                 "--show-pii", "--format", "json")

    assert result.exit_code == 0
    data = result.json()
    assert [(item["name"], item["basis"]) for item in data["honours"]] == [("测试1", "consecutive"), ("测试5", "excellent")]
    assert data["honours"][0]["id_number"] == make_id(1)
    sheet = load_workbook(tmp_path / "out" / "荣誉证书名单.xlsx")["荣誉证书名单"]
    assert sheet["D3"].value == make_id(1)
    assert sheet["D3"].number_format == "@"


def test_honours_masked_scores_reported(cli, tmp_path):
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1])
    masked = make_id(1)[:6] + "********" + make_id(1)[-4:]
    scores = write_summary(tmp_path / "考核汇总.xlsx", 2024, [(1, "优秀")], ids={1: masked})

    result = cli("honours", "--roster", roster, "--scores", scores, "--out", tmp_path / "out", "--format", "json")

    # An honours list written from unusable grades would be empty and look final, so the run stops.
    assert result.exit_code == 2
    assert "--show-pii" in result.stderr
    assert not (tmp_path / "out").exists()


def test_honours_keeps_existing_output(cli, tmp_path):
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1], grades={1: "优秀"})
    out = tmp_path / "out"

    assert cli("honours", "--roster", roster, "--out", out).exit_code == 0
    again = cli("honours", "--roster", roster, "--out", out)
    forced = cli("honours", "--roster", roster, "--out", out, "--force")

    assert again.exit_code == 2
    assert "--force" in again.stderr
    assert forced.exit_code == 0


def test_honours_without_grades_exit_2(cli, tmp_path):
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1])

    result = cli("honours", "--roster", roster, "--out", tmp_path / "out")

    assert result.exit_code == 2
    assert "考核等次" in result.stderr
    assert not (tmp_path / "out" / "荣誉证书名单.xlsx").exists()


def test_honours_positional_history_files(cli, tmp_path):
    folder = history_set(tmp_path)
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1], grades={1: "合格"})

    result = cli("honours", "--roster", roster, "--history", folder / "考核汇总-2022.xlsx", folder / "考核汇总-2023.xlsx",
                 "--out", tmp_path / "out", "--format", "json")

    assert result.exit_code == 0
    assert [item["name"] for item in result.json()["honours"]] == ["测试1"]


def test_validate_history_subprocess(sanqu, tmp_path):
    folder = history_set(tmp_path)
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1, 2], grades={1: "合格", 2: "合格"})

    result = sanqu("validate", roster, "--history", folder)

    assert result.exit_code == 1
    assert "P150" in result.stdout
    assert "第三十四条(二)" in result.stdout
    assert not FULL_ID.search(result.stdout)


def test_honours_subprocess(sanqu, tmp_path):
    folder = history_set(tmp_path)
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1], grades={1: "合格"})
    inputs = {path: path.read_bytes() for path in [roster, *folder.iterdir()]}

    result = sanqu("honours", "--roster", roster, "--history", folder, "--out", tmp_path / "out")

    assert {path: path.read_bytes() for path in inputs} == inputs
    assert result.exit_code == 0, result.stderr
    assert "获得荣誉证书 1 人" in result.stdout
    assert (tmp_path / "out" / "荣誉证书名单.xlsx").is_file()


def test_honours_empty_grade_column_exit_2(cli, tmp_path):
    from builders import ROSTER_HEADERS, person, write_roster

    roster = write_roster(tmp_path / "roster-2024.xlsx", [person(1), person(2)], headers=ROSTER_HEADERS + ["考核等次"])

    result = cli("honours", "--roster", roster, "--out", tmp_path / "out")

    assert result.exit_code == 2
    assert "考核等次" in result.stderr
