"""The example 附件4/附件5 figures, recomputed here straight from the example workbooks with openpyxl."""

from __future__ import annotations

from collections import defaultdict

from openpyxl import load_workbook

from sanqu_cli.schema.results_tables import DISPATCH_FIGURES, TRAINING_FIGURES
from sanqu_cli.schema.training import TRAINEE_TYPES


def _rows(path, sheet, header_row):
    worksheet = load_workbook(path, read_only=True)[sheet]
    rows = list(worksheet.iter_rows(values_only=True))
    headers = rows[header_row - 1]
    return [dict(zip(headers, row)) for row in rows[header_row:] if isinstance(row[0], int)]


def _summary(path):
    sheet = load_workbook(path)["汇总"]
    table = {}
    for row in range(6, sheet.max_row + 1):
        unit = sheet.cell(row, 1).value
        if unit and not str(unit).startswith("注"):
            table[unit] = [sheet.cell(row, col).value for col in range(2, sheet.max_column + 1)]
    return table


def test_example_dispatch_figures(cli, examples, tmp_path):
    result = cli("results", "dispatch", "--roster", examples / "roster-2024.xlsx", "--service-log",
                 examples / "service-log-2024.xlsx", "--out", tmp_path)
    assert result.exit_code == 0, result.stderr
    written = _summary(tmp_path / "附件4-选派工作成效统计表-2024.xlsx")

    people = [row for row in _rows(examples / "roster-2024.xlsx", "花名册", 3)]
    log = _rows(examples / "service-log-2024.xlsx", "服务日志", 2)
    expected = defaultdict(dict)
    for unit in {row["选派单位"] for row in people}:
        mine = [row for row in people if row["选派单位"] == unit]
        rows = [row for row in log if row["选派单位"] == unit]
        figures = expected[unit]
        figures["dispatched"] = len(mine)
        figures["teams"] = len({row["科技特派团"] for row in mine if row["科技特派团"]})
        figures["agreements"] = sum(1 for row in mine if row["三方协议"] == "是")
        figures["passed"] = None
        figures["counties"] = len({row["县(区)"] for row in rows})
        figures["townships"] = len({(row["县(区)"], row["乡镇"]) for row in rows})
        figures["villages"] = len({(row["县(区)"], row["乡镇"], row["村"]) for row in rows if row["村"]})
        figures["households"] = sum(row["带动农户数"] for row in rows)
        figures["organisations_served"] = len({row["服务机构"] for row in rows if row["服务机构"]})
        figures["organisations_founded"] = len({row["服务机构"] for row in rows if row["是否创办领办"] == "是"})
        for figure, header in (("new_varieties", "引进新品种"), ("new_technologies", "推广新技术"),
                               ("demo_bases", "建立示范基地"), ("projects", "引进项目"), ("backbones", "培养技术骨干"),
                               ("farmers_trained", "培训人数"), ("income_increase", "帮助增收(元)")):
            figures[figure] = sum(row[header] for row in rows)
        figures["funds_wan"] = round(sum(row["引进资金(万元)"] for row in rows), 2)
        figures["training_sessions"] = sum(1 for row in rows if row["服务方式"] == "培训")

    assert len(expected) == 10
    for unit, figures in expected.items():
        cells = dict(zip((figure.field for figure in DISPATCH_FIGURES), written[unit]))
        cells["funds_wan"] = round(cells["funds_wan"], 2)
        assert cells == figures, unit
    total = dict(zip((figure.field for figure in DISPATCH_FIGURES), written["合计（按明细去重）"]))
    assert total["dispatched"] == len(people)
    assert total["counties"] == len({row["县(区)"] for row in log})


def test_example_training_figures(cli, examples, tmp_path):
    result = cli("results", "training", "--training", examples / "training-2024.xlsx", "--out", tmp_path)
    assert result.exit_code == 0, result.stderr
    written = _summary(tmp_path / "附件5-集中培训工作成效统计表-2024.xlsx")

    classes = _rows(examples / "training-2024.xlsx", "培训班", 2)
    trainees = _rows(examples / "training-2024.xlsx", "学员名单", 1)
    unit_of = {row["班次名称"]: row["培训单位"] for row in classes}
    for unit in {row["培训单位"] for row in classes}:
        mine = [row for row in classes if row["培训单位"] == unit]
        people = {}
        for row in trainees:
            if unit_of[row["班次名称"]] == unit:
                first = people.setdefault(row["身份证号"], {"type": row["人员类型"], "passed": False})
                first["passed"] = first["passed"] or row["是否合格"] == "是"
        expected = [len(people), len({row["承办机构"] for row in mine}),
                    sum(1 for person in people.values() if person["passed"])]
        expected += [sum(1 for person in people.values() if person["type"] == kind) for kind in TRAINEE_TYPES]
        expected += [sum(row[header] for row in mine) for header in ("参与专家人数", "集中授课天数", "编写课件数", "现场观摩次数")]
        expected.append(len(mine))
        assert written[unit] == expected, unit
        assert sum(expected[3:10]) == expected[0]
    assert len(written[list(written)[-1]]) == len(TRAINING_FIGURES)


def test_example_log_matches_roster(examples):
    people = {row["身份证号"]: row for row in _rows(examples / "roster-2024.xlsx", "花名册", 3)}
    worksheet = load_workbook(examples / "roster-2024.xlsx", read_only=True)["花名册"]
    periods = {row[2]: (row[17], row[18]) for row in worksheet.iter_rows(min_row=5, values_only=True)
               if isinstance(row[0], int)}
    log = _rows(examples / "service-log-2024.xlsx", "服务日志", 2)

    assert len(log) > len(people)
    for row in log:
        person = people[row["身份证号"]]
        start, end = periods[row["身份证号"]]
        assert row["姓名"] == person["姓名"]
        assert row["选派单位"] == person["选派单位"]
        assert row["县(区)"] == person["受援县(区)"]
        assert start <= row["日期"] <= end
