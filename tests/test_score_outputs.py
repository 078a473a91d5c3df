"""The files `sanqu score` writes, read back with openpyxl and with sanqu's own readers."""

from __future__ import annotations

import re

from openpyxl import load_workbook

from builders import make_id, person, write_roster
from score_builders import FULL, NAMES, RULES, points_for, write_form, write_unit

from sanqu_cli.resources import templates_dir
from sanqu_cli.schema import KINDS
from sanqu_cli.schema.read import read_table
from sanqu_cli.schema.score_sheet import read_official

SUMMARY_HEADERS = (["序号", "年度", "选派单位", "姓名", "身份证号"] + NAMES
                   + ["硬性条件", "基本条件", "鼓励支持条件", "考核得分", "考核等次", "单位内排名", "备注"])
FULL_ID = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")


def _batch(tmp_path):
    folder = tmp_path / "sheets"
    write_unit(folder, [99, 95, 95, 95, 80, 78, 76, 74, 72, 70])
    write_form(folder / "011.xlsx", 11, points={**points_for(80), 6: 7})
    return folder


def test_summary_layout_and_values(cli, tmp_path):
    cli("score", _batch(tmp_path), "--out", tmp_path / "out", "--quiet")

    workbook = load_workbook(tmp_path / "out" / "考核汇总.xlsx")
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert sheet.title == "考核汇总"
    assert rows[0][0] == "2024年度“三区”科技人才绩效考核汇总"
    assert list(rows[1]) == SUMMARY_HEADERS
    assert len(rows) == 2 + 11
    first = dict(zip(SUMMARY_HEADERS, rows[2]))
    assert (first["姓名"], first["考核得分"], first["考核等次"], first["单位内排名"]) == ("测试1", 99, "优秀", 1)
    assert (first["硬性条件"], first["基本条件"], first["鼓励支持条件"]) == (20, 59, 20)
    assert first["身份证号"] == make_id(1)[:6] + "********" + make_id(1)[-4:]
    tied = [dict(zip(SUMMARY_HEADERS, row)) for row in rows[2:] if row[SUMMARY_HEADERS.index("考核得分")] == 95]
    assert all(row["考核等次"] == "合格" and "A307" in row["备注"] for row in tied)
    wrong = [dict(zip(SUMMARY_HEADERS, row)) for row in rows[2:] if row[3] == "测试11"][0]
    assert wrong["推进成果转化"] == 5
    assert "A301" in wrong["备注"]

    units = list(workbook["各单位名额"].iter_rows(values_only=True))
    assert units[1] == ("选派单位", "人数", "人数来源", "评分表份数", "优秀名额", "优秀", "合格", "不合格", "同分待定")
    assert units[2][:8] == ("西藏自治区农牧科学院", 11, "评分表", 11, 2, 1, 10, 0)
    assert units[2][8] == "测试2、测试3、测试4"


def test_summary_reads_back_as_appraisal_summary(cli, tmp_path):
    cli("score", _batch(tmp_path), "--out", tmp_path / "out", "--quiet", "--show-pii")

    read = read_table(tmp_path / "out" / "考核汇总.xlsx", RULES, [KINDS["appraisal_summary"]], forced=True)

    assert read.readable and not read.findings
    assert len(read.records) == 11
    first = read.records[0]
    assert first.get("id_number") == make_id(1)
    assert first.get("grade") == "excellent"
    assert first.get("year") == 2024
    assert first.get("rank") == 1


def test_notice_masks_ids_even_with_show_pii(cli, tmp_path):
    cli("score", _batch(tmp_path), "--out", tmp_path / "out", "--quiet", "--show-pii")

    rows = list(load_workbook(tmp_path / "out" / "公示名单.xlsx").active.iter_rows(values_only=True))

    assert rows[1] == ("序号", "选派单位", "姓名", "身份证号", "考核等次")
    assert len(rows) == 2 + 11
    assert not any(FULL_ID.search(str(value)) for row in rows for value in row if value)
    grades = {row[2]: row[4] for row in rows[2:]}
    assert grades["测试1"] == "优秀"
    assert grades["测试2"] == "待定（同分）"


def test_filled_forms_read_back(cli, tmp_path):
    roster = write_roster(tmp_path / "roster.xlsx", [person(n) for n in range(1, 12)])
    cli("score", _batch(tmp_path), "--roster", roster, "--out", tmp_path / "out", "--quiet")

    forms = sorted((tmp_path / "out" / "评分表").rglob("*.xlsx"))
    assert len(forms) == 11
    assert forms[0].parent.name == "西藏自治区农牧科学院"
    read = read_official(forms[0], RULES, check_first=False)
    sheet = read.sheets[0]
    assert sheet.text("name") == "测试1"
    assert sheet.text("host_unit") == "林周县农业农村局"
    assert sheet.text("id_number") == make_id(1)[:6] + "********" + make_id(1)[-4:]
    assert sheet.text("dispatching_unit") == "西藏自治区农牧科学院"
    assert [int(sheet.items[number].points.raw) for number in range(1, 14)] == list(points_for(99).values())
    assert sheet.total.raw == 99
    assert sheet.grade.raw == "优秀"
    # The filled form opens in openpyxl too, with the template's merged cells.
    worksheet = load_workbook(forms[0]).active
    assert "A3:A7" in {str(merged) for merged in worksheet.merged_cells.ranges}


def test_template_is_a_blank_form():
    path = templates_dir() / "附件2-绩效考核评分表.xlsx"

    read = read_official(path, RULES, check_first=False)

    assert read is not None and read.sheets == []
    assert read.notes == ["跳过了空白的评分表：评分表"]
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][0] == "“三区”科技人才选派工作绩效考核评分表"
    assert rows[7] == ("考核内容", "序号", "考核指标", "评分标准", "最高分", "考核得分")
    assert [row[2] for row in rows[8:21]] == NAMES


def test_demo_scores_example_batch(cli, tmp_path):
    result = cli("demo", "--out", tmp_path)

    assert result.exit_code == 0
    assert "考核评分与等次" in result.stdout
    rows = list(load_workbook(tmp_path / "score" / "考核汇总.xlsx").active.iter_rows(values_only=True))
    assert len(rows) == 2 + 60
    assert len(list((tmp_path / "score" / "评分表").rglob("*.xlsx"))) == 60
