"""附件4 / 附件5: computed from detail data, written, checked when submitted, and merged."""

from __future__ import annotations

import datetime as dt

from builders import make_id, person, write_roster
from openpyxl import load_workbook
from results_builders import dispatch_row, log_row, training_row, write_log, write_submitted, write_training

from sanqu_cli.compute.submitted import submitted_rows
from sanqu_cli.rules import load_rules
from sanqu_cli.schema import KINDS
from sanqu_cli.schema.read import read_table
from sanqu_cli.validate import ValidateOptions, validate_paths

UNIT = "西藏自治区农牧科学院"


def _findings(path, **details):
    report = validate_paths([path], ValidateOptions(details=details))
    return report.files[0]


def test_same_county_counts_once(cli, sanqu, tmp_path):
    roster = write_roster(tmp_path / "roster-2024.xlsx", [person(1), person(2)])
    log = write_log(tmp_path / "log.xlsx", [log_row("测试1", make_id(1), UNIT, "林周县"),
                                            log_row("测试2", make_id(2), UNIT, "林周县", 乡镇="江热夏乡")])

    for run in (cli, sanqu):
        result = run("results", "dispatch", "--roster", roster, "--service-log", log, "--out", tmp_path / "out",
                     "--force", "--format", "json")
        assert result.exit_code == 0, result.stderr
        figures = result.json()["units"][0]["figures"]
        assert figures["counties"] == 1
        assert figures["townships"] == 2
        assert figures["dispatched"] == 2


def test_former_county_name_counts_once(cli, tmp_path):
    roster = write_roster(tmp_path / "roster-2024.xlsx", [person(1), person(2)])
    log = write_log(tmp_path / "log.xlsx", [log_row("测试1", make_id(1), UNIT, "林芝县"),
                                            log_row("测试2", make_id(2), UNIT, "巴宜区")])

    result = cli("results", "dispatch", "--roster", roster, "--service-log", log, "--out", tmp_path, "--format", "json")

    assert result.json()["units"][0]["figures"]["counties"] == 1


def test_explain_lists_source_cells(cli, tmp_path):
    roster = write_roster(tmp_path / "roster-2024.xlsx", [person(1), person(2)])
    log = write_log(tmp_path / "log.xlsx", [log_row("测试1", make_id(1), UNIT, "林周县")])

    result = cli("results", "dispatch", "--roster", roster, "--service-log", log, "--out", tmp_path, "--explain",
                 "--format", "json")
    sources = result.json()["units"][0]["sources"]

    assert sources["counties"] == ["林周县：服务日志!E3"]
    assert sources["dispatched"] == ["花名册!B2", "花名册!B3"]


def test_dispatch_output_reads_back(cli, tmp_path):
    roster = write_roster(tmp_path / "roster-2024.xlsx", [person(1), person(2, 三方协议="否")])
    log = write_log(tmp_path / "log.xlsx", [log_row("测试1", make_id(1), UNIT, "林周县")])
    cli("results", "dispatch", "--roster", roster, "--service-log", log, "--out", tmp_path / "out")
    output = tmp_path / "out" / "附件4-选派工作成效统计表-2024.xlsx"

    book = load_workbook(output)
    assert book.sheetnames == ["汇总", UNIT]
    sheet = book[UNIT]
    assert sheet["A2"].value == "2024年度“三区”科技人才选派工作成效统计表"
    assert sheet["A3"].value == f"选派单位(盖章)：{UNIT}"
    assert sheet["B4"].value == "选派情况"
    assert "B4:E4" in {str(merged) for merged in sheet.merged_cells.ranges}
    assert [sheet.cell(6, col).value for col in (1, 2, 4, 6)] == [UNIT, 2, 1, 1]
    assert str(sheet["A7"].value).startswith("注：1.")

    read = read_table(output, load_rules(), [KINDS["dispatch_results"]], sheet=UNIT)
    assert submitted_rows(read)[0].unit == UNIT
    assert submitted_rows(read)[0].values["agreements"] == 1


def test_agreements_above_dispatched_s401(cli, sanqu, tmp_path):
    path = write_submitted(tmp_path / "附件4.xlsx", "dispatch_results",
                           [dispatch_row(UNIT, dispatched=10, agreements=11, passed=9)])

    file = _findings(path)
    s401 = [finding for finding in file.findings if finding.code == "S401"]
    assert file.kind == "dispatch_results"
    assert [finding.cell for finding in s401] == ["D6"]

    for run in (cli, sanqu):
        result = run("validate", path, "--format", "json")
        assert result.exit_code == 1
        assert [(f["code"], f["cell"]) for f in result.json()["files"][0]["findings"]] == [("S401", "D6")]


def test_trainee_mix_98_of_100_s501(cli, tmp_path):
    path = write_submitted(tmp_path / "附件5.xlsx", "training_results",
                           [training_row("西藏农牧学院", trainees=100, passed=90, mix_heads=50, mix_other=48, classes=2)])

    result = cli("validate", path, "--format", "json")
    findings = result.json()["files"][0]["findings"]

    assert result.exit_code == 1
    assert [(f["code"], f["cell"]) for f in findings] == [("S501", "B6")]
    assert "98" in findings[0]["message"]
    assert "100" in findings[0]["message"]


def test_full_width_and_unit_text_read_as_12(tmp_path):
    path = write_submitted(tmp_path / "附件4.xlsx", "dispatch_results",
                           [dispatch_row(UNIT, dispatched="１２", agreements="12人", passed="12", counties="３")])

    read = read_table(path, load_rules(), list(KINDS.values()))
    row = submitted_rows(read)[0]

    assert row.values["dispatched"] == 12
    assert row.values["agreements"] == 12
    assert row.values["counties"] == 3
    assert _findings(path).findings == []


def test_unit_taken_from_stamp_line(tmp_path):
    path = write_submitted(tmp_path / "附件4.xlsx", "dispatch_results", [dispatch_row(None, dispatched=3)],
                           unit_line="拉萨市科学技术局")

    row = submitted_rows(read_table(path, load_rules(), [KINDS["dispatch_results"]]))[0]

    assert row.unit == "拉萨市科学技术局"
    assert row.prefecture == "拉萨市"


def test_blank_and_negative_figures(tmp_path):
    path = write_submitted(tmp_path / "附件4.xlsx", "dispatch_results",
                           [dispatch_row(UNIT, dispatched=5, teams=None, townships="很多", funds_wan=-1.5)])

    found = sorted((finding.code, finding.cell) for finding in _findings(path).findings)

    assert found == [("S402", "C6"), ("S402", "G6"), ("S402", "P6")]


def test_cross_check_with_roster_s403(tmp_path):
    roster = write_roster(tmp_path / "roster-2024.xlsx", [person(1), person(2)])
    path = write_submitted(tmp_path / "附件4.xlsx", "dispatch_results",
                           [dispatch_row(UNIT, dispatched=3, agreements=2, passed=0)])

    findings = [f for f in _findings(path, roster=roster).findings if f.code == "S403"]

    assert [finding.cell for finding in findings] == ["B6"]
    assert "填的是 3" in findings[0].message
    assert "应为 2" in findings[0].message
    assert findings[0].related[0] == "roster-2024.xlsx：花名册!B2"


def test_cross_check_cli_options(cli, tmp_path):
    roster = write_roster(tmp_path / "roster-2024.xlsx", [person(1), person(2)])
    log = write_log(tmp_path / "log.xlsx", [log_row("测试1", make_id(1), UNIT, "林周县")])
    path = write_submitted(tmp_path / "附件4.xlsx", "dispatch_results",
                           [dispatch_row(UNIT, dispatched=2, agreements=2, counties=2, households=3, villages=1,
                                         townships=1)])

    result = cli("validate", path, "--roster", roster, "--service-log", log, "--format", "json")
    findings = result.json()["files"][0]["findings"]

    assert [(f["code"], f["cell"]) for f in findings] == [("S403", "F6")]
    assert findings[0]["related"] == ["log.xlsx：林周县：服务日志!E3"]


def test_summed_county_total_s404(tmp_path):
    path = write_submitted(tmp_path / "附件4.xlsx", "dispatch_results",
                           [dispatch_row("拉萨市农业农村局", dispatched=2, agreements=2, counties=3),
                            dispatch_row("拉萨市科学技术局", dispatched=2, agreements=2, counties=2)],
                           total=dispatch_row("合计", dispatched=4, agreements=4, counties=5))

    found = [(finding.code, finding.cell) for finding in _findings(path).findings]

    assert found == [("S404", "F8")]


def test_merge_same_county_not_additive(cli, sanqu, tmp_path):
    first = write_submitted(tmp_path / "a.xlsx", "dispatch_results",
                            [dispatch_row("拉萨市农业农村局", dispatched=3, agreements=3, counties=1, households=10)])
    second = write_submitted(tmp_path / "b.xlsx", "dispatch_results",
                             [dispatch_row("拉萨市科学技术局", dispatched=2, agreements=2, counties=1, households=5)])

    for run in (cli, sanqu):
        result = run("results", "merge", first, second, "--out", tmp_path / "merged.xlsx", "--force",
                     "--format", "json")
        assert result.exit_code == 0, result.stderr
        data = result.json()
        assert data["total"]["figures"]["counties"] == "不可累加"
        assert data["total"]["figures"]["households"] == 15
        assert data["total"]["figures"]["dispatched"] == 5
        assert {f["code"] for f in data["findings"]} == {"S404"}

    sheet = load_workbook(tmp_path / "merged.xlsx")["拉萨市"]
    assert [sheet.cell(row, 1).value for row in (6, 7, 8)] == ["拉萨市农业农村局", "拉萨市科学技术局", "合计（拉萨市）"]
    assert sheet["F8"].value == "不可累加"


def test_merge_with_service_log_recounts(cli, tmp_path):
    log = write_log(tmp_path / "log.xlsx", [log_row("甲", make_id(1), "拉萨市农业农村局", "墨竹工卡县"),
                                            log_row("乙", make_id(2), "拉萨市科学技术局", "墨竹工卡县")])
    first = write_submitted(tmp_path / "a.xlsx", "dispatch_results",
                            [dispatch_row("拉萨市农业农村局", dispatched=1, agreements=1, counties=1)])
    second = write_submitted(tmp_path / "b.xlsx", "dispatch_results",
                             [dispatch_row("拉萨市科学技术局", dispatched=1, agreements=1, counties=1)])

    result = cli("results", "merge", first, second, "--service-log", log, "--out", tmp_path / "m.xlsx",
                 "--format", "json")

    assert result.json()["total"]["figures"]["counties"] == 1
    assert result.json()["findings"] == []


def test_training_counts_person_once(cli, sanqu, tmp_path):
    classes = [["西藏农牧学院", "甲班", "学院", dt.date(2024, 5, 1), dt.date(2024, 5, 3), 3, 4, 2, 1],
               ["西藏农牧学院", "乙班", "学院", dt.date(2024, 6, 1), dt.date(2024, 6, 2), 2, 3, 1, 0]]
    trainees = [["甲班", "张三", make_id(10), "科技示范户", "否"], ["乙班", "张三", make_id(10), "科技示范户", "是"],
                ["甲班", "李四", make_id(11), "返乡农民工", "是"]]
    path = write_training(tmp_path / "training.xlsx", classes, trainees)

    for run in (cli, sanqu):
        result = run("results", "training", "--training", path, "--out", tmp_path / "out", "--force", "--format", "json")
        assert result.exit_code == 0, result.stderr
        figures = result.json()["units"][0]["figures"]
        assert figures["trainees"] == 2
        assert figures["passed"] == 2
        assert figures["mix_demo_households"] == 1
        assert figures["mix_migrant_workers"] == 1
        assert figures["teaching_days"] == 5
        assert figures["classes"] == 2
        assert figures["institutions"] == 1


def test_output_exists_needs_force(cli, tmp_path):
    roster = write_roster(tmp_path / "roster-2024.xlsx", [person(1)])
    log = write_log(tmp_path / "log.xlsx", [log_row("测试1", make_id(1), UNIT, "林周县")])
    arguments = ("results", "dispatch", "--roster", roster, "--service-log", log, "--out", tmp_path / "out")

    assert cli(*arguments).exit_code == 0
    again = cli(*arguments)
    assert again.exit_code == 2
    assert "--force" in again.stderr


def test_scores_give_passed_count(cli, tmp_path):
    from builders import write_rows

    roster = write_roster(tmp_path / "roster-2024.xlsx", [person(1), person(2), person(3)])
    log = write_log(tmp_path / "log.xlsx", [log_row("测试1", make_id(1), UNIT, "林周县")])
    scores = write_rows(tmp_path / "考核汇总.xlsx", [
        ["选派单位", "姓名", "身份证号", "考核得分", "考核等次"],
        [UNIT, "测试1", make_id(1), 95, "优秀"],
        [UNIT, "测试2", make_id(2), 70, "合格"],
        [UNIT, "测试3", make_id(3), 40, "不合格"],
    ], sheet="考核汇总", text_columns=(3,))

    result = cli("results", "dispatch", "--roster", roster, "--service-log", log, "--scores", scores,
                 "--out", tmp_path, "--format", "json", "--explain")
    unit = result.json()["units"][0]

    assert unit["figures"]["passed"] == 2
    assert unit["sources"]["passed"] == ["考核汇总!E2", "考核汇总!E3"]
    assert not any("考核合格数" in note for note in result.json()["notes"])


def test_log_rows_of_other_year_left_out(cli, tmp_path):
    roster = write_roster(tmp_path / "roster-2024.xlsx", [person(1)])
    log = write_log(tmp_path / "log.xlsx", [log_row("测试1", make_id(1), UNIT, "林周县"),
                                            log_row("测试1", make_id(1), UNIT, "当雄县", 日期=dt.date(2023, 6, 1))])

    result = cli("results", "dispatch", "--roster", roster, "--service-log", log, "--out", tmp_path,
                 "--year", "2024", "--format", "json")

    assert result.json()["units"][0]["figures"]["counties"] == 1
    assert any("服务日志!A4" in note for note in result.json()["notes"])


def test_merge_groups_by_prefecture(cli, tmp_path):
    path = write_submitted(tmp_path / "all.xlsx", "dispatch_results", [
        dispatch_row("拉萨市农业农村局", dispatched=3, agreements=3, counties=2),
        dispatch_row("山南市科学技术局", dispatched=4, agreements=4, counties=1),
        dispatch_row("西藏农牧学院", dispatched=5, agreements=5, counties=3),
    ])

    result = cli("results", "merge", path, "--out", tmp_path / "merged.xlsx", "--format", "json")
    book = load_workbook(tmp_path / "merged.xlsx")
    region = book["全区"]

    assert result.exit_code == 0
    assert book.sheetnames == ["全区", "拉萨市", "山南市", "区直单位"]
    assert [region.cell(row, 1).value for row in range(6, 10)] == ["拉萨市", "山南市", "区直单位", "合计（全区）"]
    assert [region.cell(row, 2).value for row in range(6, 10)] == [3, 4, 5, 12]
    assert region["F6"].value == 2
    assert region["F9"].value == "不可累加"
    assert region["A2"].value == "2024年度“三区”科技人才选派工作成效统计表（全区汇总）"


def test_merge_training_tables_sums(cli, tmp_path):
    first = write_submitted(tmp_path / "a.xlsx", "training_results",
                            [training_row("西藏农牧学院", trainees=10, passed=9, mix_other=10, classes=1)])
    second = write_submitted(tmp_path / "b.xlsx", "training_results",
                             [training_row("拉萨市科学技术局", trainees=5, passed=5, mix_heads=5, classes=2)])

    result = cli("results", "merge", first, second, "--out", tmp_path / "merged.xlsx", "--format", "json")
    total = result.json()["total"]["figures"]

    assert result.json()["kind"] == "training_results"
    assert total["trainees"] == 15
    assert total["mix_other"] + total["mix_heads"] == 15
    assert total["classes"] == 3
    assert result.json()["findings"] == []


def test_merge_mixed_kinds_rejected(cli, tmp_path):
    first = write_submitted(tmp_path / "a.xlsx", "training_results", [training_row("西藏农牧学院", trainees=1, mix_other=1)])
    second = write_submitted(tmp_path / "b.xlsx", "dispatch_results", [dispatch_row(UNIT, dispatched=1)])

    result = cli("results", "merge", first, second, "--out", tmp_path / "merged.xlsx")

    assert result.exit_code == 2
    assert "都是附件4或都是附件5" in result.stderr


def test_merge_reports_unreadable_figure(cli, tmp_path):
    first = write_submitted(tmp_path / "a.xlsx", "dispatch_results",
                            [dispatch_row("拉萨市农业农村局", dispatched=3, agreements=3, households="许多")])
    second = write_submitted(tmp_path / "b.xlsx", "dispatch_results",
                             [dispatch_row("拉萨市科学技术局", dispatched=2, agreements=2, households=5)])

    result = cli("results", "merge", first, second, "--out", tmp_path / "merged.xlsx")

    assert result.exit_code == 1
    assert "S402" in result.stdout
    assert "I6" in result.stdout


def test_submitted_blank_rows_and_text_numbers(tmp_path):
    blank = [None] * 20
    text_row = [str(value) if isinstance(value, int) else value
                for value in dispatch_row(UNIT, dispatched=10, agreements=9, passed=8, counties=2)]
    path = write_submitted(tmp_path / "附件4.xlsx", "dispatch_results", [blank, text_row, blank])

    file = _findings(path)
    row = submitted_rows(read_table(path, load_rules(), [KINDS["dispatch_results"]]))[0]

    assert file.findings == []
    assert file.records == 1
    assert row.values["agreements"] == 9
    assert row.values["counties"] == 2


def test_missing_log_column_left_blank(cli, tmp_path):
    roster = write_roster(tmp_path / "roster-2024.xlsx", [person(1)])
    log = write_log(tmp_path / "log.xlsx", [log_row("测试1", make_id(1), UNIT, "林周县")])

    result = cli("results", "dispatch", "--roster", roster, "--service-log", log, "--out", tmp_path, "--format", "json")
    figures = result.json()["units"][0]["figures"]

    assert figures["new_varieties"] is None
    assert figures["households"] == 3
    assert any("引进新品种" in note for note in result.json()["notes"])


def test_training_cross_check_s403(cli, tmp_path):
    classes = [["西藏农牧学院", "甲班", "学院", dt.date(2024, 5, 1), dt.date(2024, 5, 3), 3, 4, 2, 1]]
    trainees = [["甲班", "张三", make_id(10), "科技示范户", "是"], ["甲班", "李四", make_id(11), "返乡农民工", "是"]]
    training = write_training(tmp_path / "training.xlsx", classes, trainees)
    path = write_submitted(tmp_path / "附件5.xlsx", "training_results", [training_row(
        "西藏农牧学院", trainees=3, institutions=1, passed=2, mix_demo_households=2, mix_migrant_workers=1, experts=4,
        teaching_days=3, courseware=2, site_visits=1, classes=1)])

    result = cli("validate", path, "--training", training, "--format", "json")
    findings = result.json()["files"][0]["findings"]

    assert [(f["code"], f["cell"]) for f in findings] == [("S403", "B6"), ("S403", "F6")]
    assert findings[0]["related"] == ["training.xlsx：学员名单!B2", "training.xlsx：学员名单!B3"]
