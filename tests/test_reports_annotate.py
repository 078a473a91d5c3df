"""Annotated copies (`sanqu validate --annotate DIR`): marked cells, comments, the 校验结果 sheet."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from openpyxl import load_workbook

from builders import ROSTER_HEADERS, person, write_roster

RED = "FFC7CE"
YELLOW = "FFEB9C"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _comments(book) -> dict[tuple[str, str], str]:
    return {(sheet.title, cell.coordinate): cell.comment.text
            for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.comment}


def test_errors_example_one_comment_per_finding(cli, examples, tmp_path):
    source = tmp_path / "roster-2024-errors.xlsx"
    shutil.copy(examples / "roster-2024-errors.xlsx", source)
    before = _digest(source)
    findings = cli("validate", source, "--format", "json").json()["files"][0]["findings"]

    result = cli("validate", source, "--annotate", tmp_path / "标注")
    copy = tmp_path / "标注" / "roster-2024-errors-校验标注.xlsx"
    book = load_workbook(copy)
    comments = _comments(book)

    assert result.exit_code == 1
    assert _digest(source) == before
    placed = [finding for finding in findings if finding["cell"]]
    assert len(placed) == len(findings)
    assert set(comments) == {(finding["sheet"], finding["cell"]) for finding in placed}
    assert len(comments) == len(placed)
    for finding in placed:
        assert finding["code"] in comments[(finding["sheet"], finding["cell"])]


def test_errors_example_fills_and_results_sheet(cli, examples, tmp_path):
    cli("validate", examples / "roster-2024-errors.xlsx", "--annotate", tmp_path)
    book = load_workbook(tmp_path / "roster-2024-errors-校验标注.xlsx")
    roster = book["花名册"]

    assert book.sheetnames[0] == "校验结果"
    assert roster["C5"].fill.fgColor.rgb.endswith(RED)  # P102, an error
    assert roster["F23"].fill.fgColor.rgb.endswith(YELLOW)  # P104, a warning
    assert "P102" in roster["C5"].comment.text
    assert "身份证号被存成了数字" in roster["C5"].comment.text

    results = book["校验结果"]
    assert [cell.value for cell in results[1]] == ["序号", "位置", "代码", "级别", "列", "值", "说明"]
    first = results["B2"]
    assert first.value == "花名册!C5"
    assert first.hyperlink.location == "'花名册'!C5"
    assert results["C2"].value == "P102"
    assert results.max_row == 1 + 23


def test_annotate_keeps_formulas_merges_formats_widths(cli, tmp_path):
    path = write_roster(tmp_path / "layout.xlsx", [person(1), person(2, 身份证号="540102198001011234")],
                        preamble=[["2024年度选派人员花名册"]])
    book = load_workbook(path)
    sheet = book.active
    sheet.merge_cells("A1:Q1")
    sheet.column_dimensions["B"].width = 21.5
    sheet["N3"].number_format = "yyyy\"年\"m\"月\"d\"日\""
    sheet["S3"] = "=P3+P4"
    book.save(path)

    result = cli("validate", path, "--annotate", tmp_path / "out")
    copy = load_workbook(tmp_path / "out" / "layout-校验标注.xlsx")
    annotated = copy["花名册"]

    assert result.exit_code == 1
    assert "A1:Q1" in {str(merged) for merged in annotated.merged_cells.ranges}
    assert annotated.column_dimensions["B"].width == 21.5
    assert annotated["N3"].number_format == "yyyy\"年\"m\"月\"d\"日\""
    assert annotated["S3"].value == "=P3+P4"
    assert "P101" in annotated["C4"].comment.text


def test_several_findings_one_cell_one_comment(cli, tmp_path):
    # A 区外 person with a 初级 title who also leads a team: P110 on the title and T202 on the same cell.
    people = [person(1, 人员类别="区外专业技术人员", 技术职称="助理农艺师", 科技特派团="林周县青稞科技特派团", 团内职务="团长")]
    people += [person(n, 科技特派团="林周县青稞科技特派团", 团内职务="成员") for n in range(2, 6)]
    path = write_roster(tmp_path / "team.xlsx", people)
    findings = cli("validate", path, "--format", "json").json()["files"][0]["findings"]
    on_title = [finding["code"] for finding in findings if finding["cell"] == "F2"]

    cli("validate", path, "--annotate", tmp_path / "out")
    comments = _comments(load_workbook(tmp_path / "out" / "team-校验标注.xlsx"))

    assert len(on_title) >= 2
    assert len([key for key in comments if key == ("花名册", "F2")]) == 1
    for code in on_title:
        assert code in comments[("花名册", "F2")]


def test_finding_without_cell_only_in_results(cli, tmp_path):
    headers = [header for header in ROSTER_HEADERS if header != "三方协议"]
    path = write_roster(tmp_path / "no-column.xlsx", [person(1)], headers=headers)

    cli("validate", path, "--annotate", tmp_path / "out")
    book = load_workbook(tmp_path / "out" / "no-column-校验标注.xlsx")
    results = book["校验结果"]
    codes = [results.cell(row=row, column=3).value for row in range(2, results.max_row + 1)]

    assert "F005" in codes
    assert _comments(book) == {}


def test_csv_input_gets_xlsx_copy(cli, tmp_path):
    path = tmp_path / "花名册.csv"
    rows = [ROSTER_HEADERS, [person(1, 身份证号="540102198001011234").get(h) for h in ROSTER_HEADERS]]
    path.write_text("\n".join(",".join("" if v is None else str(v) for v in row) for row in rows), encoding="utf-8")

    result = cli("validate", path, "--annotate", tmp_path / "out")
    copy = tmp_path / "out" / "花名册-校验标注.xlsx"
    book = load_workbook(copy)

    assert result.exit_code == 1
    assert "只保留了单元格的值" in result.stderr
    assert "不是 .xlsx 格式" in book["校验结果"]["A1"].value
    assert "P101" in book["花名册"]["C2"].comment.text


def test_clean_file_gets_no_copy(cli, tmp_path):
    path = write_roster(tmp_path / "ok.xlsx", [person(1)])

    result = cli("validate", path, "--annotate", tmp_path / "out")

    assert result.exit_code == 0
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_existing_copy_kept_without_force(cli, examples, tmp_path):
    target = tmp_path / "roster-2024-errors-校验标注.xlsx"
    target.write_bytes(b"earlier copy")

    refused = cli("validate", examples / "roster-2024-errors.xlsx", "--annotate", tmp_path)
    assert refused.exit_code == 2
    assert "--force" in refused.stderr
    assert target.read_bytes() == b"earlier copy"

    forced = cli("validate", examples / "roster-2024-errors.xlsx", "--annotate", tmp_path, "--force")
    assert forced.exit_code == 1
    assert load_workbook(target).sheetnames[0] == "校验结果"


def test_same_name_in_two_folders_two_copies(cli, tmp_path):
    for unit in ("甲单位", "乙单位"):
        (tmp_path / unit).mkdir()
        write_roster(tmp_path / unit / "花名册.xlsx", [person(1, 身份证号="540102198001011234")])

    cli("validate", tmp_path / "甲单位", tmp_path / "乙单位", "--annotate", tmp_path / "out")

    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["花名册-校验标注-2.xlsx", "花名册-校验标注.xlsx"]


def test_subprocess_annotate(sanqu, examples, tmp_path):
    before = _digest(examples / "roster-2024-errors.xlsx")

    result = sanqu("validate", examples / "roster-2024-errors.xlsx", "--annotate", tmp_path)

    assert result.exit_code == 1
    assert "已写入标注副本" in result.stderr
    assert _digest(examples / "roster-2024-errors.xlsx") == before
    assert (tmp_path / "roster-2024-errors-校验标注.xlsx").is_file()


def test_clerk_comment_kept_below_ours(cli, tmp_path):
    from openpyxl.comments import Comment

    path = write_roster(tmp_path / "commented.xlsx", [person(1, 身份证号="540102198001011234")])
    book = load_workbook(path)
    book.active["C2"].comment = Comment("已电话核实", "填表人")
    book.save(path)

    cli("validate", path, "--annotate", tmp_path / "out")
    text = load_workbook(tmp_path / "out" / "commented-校验标注.xlsx")["花名册"]["C2"].comment.text

    assert text.startswith("P101")
    assert text.endswith("——原批注：已电话核实")


def test_annotate_target_is_a_file(cli, examples, tmp_path):
    occupied = tmp_path / "标注"
    occupied.write_text("not a folder", encoding="utf-8")

    result = cli("validate", examples / "roster-2024-errors.xlsx", "--annotate", occupied)

    assert result.exit_code == 2
    assert "应是文件夹" in result.stderr


def test_rerun_never_overwrites_input(cli, examples, tmp_path):
    folder = tmp_path / "提交"
    folder.mkdir()
    shutil.copy(examples / "roster-2024-errors.xlsx", folder / "a.xlsx")
    cli("validate", folder, "--annotate", folder)
    first_copy = folder / "a-校验标注.xlsx"
    before = _digest(first_copy)

    cli("validate", folder, "--annotate", folder, "--force")

    assert _digest(first_copy) == before
    assert (folder / "a-校验标注-2.xlsx").is_file()
    assert (folder / "a-校验标注-校验标注.xlsx").is_file()
