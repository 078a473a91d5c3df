"""P150–P154: bars and honours from earlier years' results, through the library as validate runs it."""

from __future__ import annotations

import pytest

from builders import make_id
from history_builders import this_year_roster, write_disqualifications, write_summary
from sanqu_cli.validate import ValidateOptions, validate_paths


def run(tmp_path, roster, history):
    report = validate_paths([roster], ValidateOptions(history=history))
    return report.files[0], report.files[1:]


def found(file_report, code):
    return [finding for finding in file_report.findings if finding.code == code]


@pytest.mark.parametrize("year", [2022, 2023, 2024])
def test_fail_bars_three_plan_years(tmp_path, year):
    history = [write_summary(tmp_path / "考核汇总-2021.xlsx", 2021, [(1, "不合格"), (2, "合格")])]
    roster = this_year_roster(tmp_path / f"roster-{year}.xlsx", year, [1, 2])

    report, _ = run(tmp_path, roster, history)

    bars = found(report, "P150")
    assert [finding.cell for finding in bars] == ["C3"]
    assert "2021 年度考核不合格" in bars[0].message
    assert "考核汇总-2021.xlsx" in bars[0].message
    assert "第三十四条(二)" in bars[0].message
    assert bars[0].related == ["考核汇总-2021.xlsx!考核汇总!D3"]
    assert bars[0].severity == "error"


@pytest.mark.parametrize("year", [2021, 2025])
def test_fail_outside_window_no_bar(tmp_path, year):
    history = [write_summary(tmp_path / "考核汇总-2021.xlsx", 2021, [(1, "不合格")])]
    roster = this_year_roster(tmp_path / f"roster-{year}.xlsx", year, [1])

    report, _ = run(tmp_path, roster, history)

    assert found(report, "P150") == []


def test_disqualified_2023_bars_2024(tmp_path):
    history = [write_disqualifications(tmp_path / "处理记录.xlsx", [(1, 2023, "第二十八条（一）套取工作经费")]),
               write_summary(tmp_path / "考核汇总-2023.xlsx", 2023, [(1, "合格")])]
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1])

    report, _ = run(tmp_path, roster, history)

    bars = found(report, "P150")
    assert len(bars) == 1
    assert "第二十八条）" in bars[0].message
    assert "第三十四条" not in bars[0].message
    assert "套取工作经费" in bars[0].message
    assert bars[0].cell == "C3"
    assert bars[0].related == ["处理记录.xlsx!处理记录!C3"]


def test_honour_three_pass_years(tmp_path):
    history = [write_summary(tmp_path / "考核汇总-2022.xlsx", 2022, [(1, "合格")]),
               write_summary(tmp_path / "考核汇总-2023.xlsx", 2023, [(1, "合格")])]
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1], grades={1: "合格"})

    report, _ = run(tmp_path, roster, history)

    honours = found(report, "P151")
    assert [finding.cell for finding in honours] == ["C3"]
    assert "2022–2024" in honours[0].message
    assert [finding for finding in found(report, "P152") if finding.cell] == []


def test_missing_year_file_no_honour_with_note(tmp_path):
    history = [write_summary(tmp_path / "考核汇总-2022.xlsx", 2022, [(1, "合格")])]
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1], grades={1: "合格"})

    report, _ = run(tmp_path, roster, history)

    assert found(report, "P151") == []
    notes = [finding for finding in found(report, "P152") if finding.cell == "C3"]
    assert len(notes) == 1
    assert "2023 年度考核结果未提供" in notes[0].message
    assert "2022" not in notes[0].message


def test_missing_year_reported_for_bar_window(tmp_path):
    history = [write_summary(tmp_path / "考核汇总-2022.xlsx", 2022, [(1, "合格")])]
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1])

    report, _ = run(tmp_path, roster, history)

    file_level = [finding.message for finding in found(report, "P152") if finding.cell is None]
    assert len(file_level) == 2
    assert file_level[0].startswith("2021 年度考核结果未提供")
    assert file_level[1].startswith("2023 年度考核结果未提供")


def test_person_absent_from_given_year(tmp_path):
    history = [write_summary(tmp_path / "考核汇总-2022.xlsx", 2022, [(1, "合格"), (2, "合格")]),
               write_summary(tmp_path / "考核汇总-2023.xlsx", 2023, [(2, "合格")])]
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1, 2, 3], grades={1: "合格", 2: "合格", 3: "合格"})

    report, _ = run(tmp_path, roster, history)

    assert [finding.cell for finding in found(report, "P151")] == ["C4"]
    notes = {finding.cell: finding.message for finding in found(report, "P152") if finding.cell}
    assert list(notes) == ["C3"]
    assert "2023 年度考核结果中没有此人" in notes["C3"]


def test_excellent_this_year_needs_no_history(tmp_path):
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1], grades={1: "优秀"})
    history = [write_disqualifications(tmp_path / "处理记录.xlsx", [(9, 2023, "第二十八条（三）弄虚作假")])]

    report, _ = run(tmp_path, roster, history)

    honours = found(report, "P151")
    assert len(honours) == 1
    assert "2024 年度考核优秀" in honours[0].message


def test_fail_in_window_breaks_run(tmp_path):
    history = [write_summary(tmp_path / "考核汇总-2022.xlsx", 2022, [(1, "合格")]),
               write_summary(tmp_path / "考核汇总-2023.xlsx", 2023, [(1, "不合格")])]
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1], grades={1: "合格"})

    report, _ = run(tmp_path, roster, history)

    assert found(report, "P151") == []
    assert [finding.cell for finding in found(report, "P150")] == ["C3"]
    assert [finding for finding in found(report, "P152") if finding.cell] == []


def test_this_year_grades_from_history_file(tmp_path):
    history = [write_summary(tmp_path / "考核汇总-2022.xlsx", 2022, [(1, "合格")]),
               write_summary(tmp_path / "考核汇总-2023.xlsx", 2023, [(1, "优秀")]),
               write_summary(tmp_path / "考核汇总-2024.xlsx", 2024, [(1, "合格")])]
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1])

    report, _ = run(tmp_path, roster, history)

    assert len(found(report, "P151")) == 1
    assert "2023 优秀" in found(report, "P151")[0].message


def test_no_this_year_grades_skips_honours(tmp_path):
    history = [write_summary(tmp_path / "考核汇总-2023.xlsx", 2023, [(1, "合格")])]
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1])

    report, _ = run(tmp_path, roster, history)

    assert found(report, "P151") == []
    assert any(item.startswith("P151") for item in report.skipped_checks)


def test_lower_case_x_flagged_and_matched(tmp_path):
    number = make_id(1, check_x=True)
    history = [write_summary(tmp_path / "考核汇总-2023.xlsx", 2023, [(1, "不合格")], ids={1: number[:-1] + "x"})]
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1], ids={1: number})

    report, _ = run(tmp_path, roster, history)

    near = found(report, "P153")
    assert [finding.cell for finding in near] == ["C3"]
    assert "大小写 x" in near[0].message
    assert near[0].severity == "warning"
    assert [finding.cell for finding in found(report, "P150")] == ["C3"]


def test_history_id_stored_as_number_not_matched(tmp_path):
    number = make_id(1)
    lossy = float(number[:15] + "000")
    history = [write_summary(tmp_path / "考核汇总-2023.xlsx", 2023, [(1, "不合格")], ids={1: lossy})]
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1])

    report, _ = run(tmp_path, roster, history)

    assert found(report, "P150") == []
    near = found(report, "P153")
    assert [finding.cell for finding in near] == ["C3"]
    assert "前 15 位" in near[0].message
    assert near[0].related == ["考核汇总-2023.xlsx!考核汇总!D3"]


def test_roster_id_stored_as_number_flagged(tmp_path):
    number = make_id(1)
    history = [write_summary(tmp_path / "考核汇总-2023.xlsx", 2023, [(1, "不合格")])]
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1], ids={1: float(number[:15] + "000")})

    report, _ = run(tmp_path, roster, history)

    assert found(report, "P150") == []
    assert [finding.cell for finding in found(report, "P153")] == ["C3"]


def test_masked_history_ids_reported_once(tmp_path):
    masked = {serial: make_id(serial)[:6] + "********" + make_id(serial)[-4:] for serial in (1, 2, 3)}
    history = [write_summary(tmp_path / "考核汇总-2023.xlsx", 2023, [(1, "不合格"), (2, "合格"), (3, "合格")], ids=masked)]
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1])

    report, history_reports = run(tmp_path, roster, history)

    assert found(report, "P150") == []
    problems = found(history_reports[0], "P154")
    assert len(problems) == 1
    assert "3 个身份证号被遮盖" in problems[0].message
    assert "--show-pii" in problems[0].message


def test_history_roster_without_grades_reported(tmp_path):
    history = [this_year_roster(tmp_path / "roster-2023.xlsx", 2023, [1])]
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1])

    report, history_reports = run(tmp_path, roster, history)

    assert "考核等次" in found(history_reports[0], "P154")[0].message
    assert "2023 年度考核结果未提供" in " ".join(finding.message for finding in found(report, "P152"))


def test_history_roster_with_grades_bars(tmp_path):
    history = [this_year_roster(tmp_path / "roster-2022.xlsx", 2022, [1, 2], grades={1: "合格", 2: "不合格"})]
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1, 2])

    report, history_reports = run(tmp_path, roster, history)

    assert [finding.cell for finding in found(report, "P150")] == ["C4"]
    assert history_reports[0].kind == "roster"
    assert history_reports[0].year == 2022


def test_year_column_wins_over_title(tmp_path):
    path = write_summary(tmp_path / "考核汇总-2020.xlsx", 2020, [(1, "不合格")])
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook["考核汇总"]
    sheet.cell(row=2, column=7, value="年度")
    sheet.cell(row=3, column=7, value=2023)
    workbook.save(path)
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1])

    report, _ = run(tmp_path, roster, [path])

    bars = found(report, "P150")
    assert len(bars) == 1
    assert bars[0].message.startswith("2023 年度考核不合格")


def test_history_without_year_reported(tmp_path):
    path = write_summary(tmp_path / "results.xlsx", None, [(1, "不合格")])
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1])

    report, history_reports = run(tmp_path, roster, [path])

    assert found(report, "P150") == []
    assert "无法确定年度" in found(history_reports[0], "P154")[0].message


def test_unreadable_history_file(tmp_path):
    broken = tmp_path / "考核汇总-2023.xlsx"
    broken.write_bytes(b"PK\x03\x04broken")
    roster = this_year_roster(tmp_path / "roster-2024.xlsx", 2024, [1])

    report, history_reports = run(tmp_path, roster, [broken])

    assert history_reports[0].readable is False
    assert history_reports[0].findings[0].code == "F001"
    assert "2023 年度考核结果未提供" in " ".join(finding.message for finding in found(report, "P152"))


def test_apply_history_with_scored_grades(tmp_path):
    from sanqu_cli.checks.history import apply_history
    from sanqu_cli.findings import FileReport
    from sanqu_cli.rules import load_rules
    from sanqu_cli.schema import KINDS
    from sanqu_cli.schema.read import read_table

    rules = load_rules()
    history = [write_summary(tmp_path / "考核汇总-2022.xlsx", 2022, [(1, "合格"), (2, "不合格")]),
               write_summary(tmp_path / "考核汇总-2023.xlsx", 2023, [(1, "合格")])]
    summary = write_summary(tmp_path / "考核汇总.xlsx", 2024, [(1, "不合格"), (2, "合格")])
    read = read_table(summary, rules, [KINDS["appraisal_summary"]], forced=True)
    reports = [FileReport(path=str(summary), kind="appraisal_summary")]

    history_reports = apply_history([read], reports, rules, history, grades={make_id(1): "pass"})

    codes = sorted((finding.code, finding.cell) for finding in reports[0].findings if finding.cell)
    assert codes == [("P150", "D4"), ("P151", "D3")]
    assert [report.year for report in history_reports] == [2022, 2023]
