"""评分汇总表 (score table): 附件2 as a flat table, one row per person.

Each indicator may have a points column ("下基层服务", "下基层服务得分", "下基层服务(分)")
and a count column ("下基层服务(次)", "下基层服务次数", or a two-row header 下基层服务 over
次数/得分). The columns are built from the indicator names of the packaged rule set.
"""

from __future__ import annotations

from sanqu_cli.compute.scoring import PERSON_FIELDS, ItemEntry, ScoreSheet
from sanqu_cli.rules import RuleSet, load_rules
from sanqu_cli.schema.records import Record, TableRead
from sanqu_cli.schema.spec import ColumnSpec, TableSpec

# Units written after an indicator name to mark a count column: 下基层服务(次), 农牧民技术培训(人).
COUNT_UNITS = ("次", "项", "人", "个", "家", "天", "篇", "条", "人次", "数量", "次数", "人数")
COUNT_SUFFIXES = ("数量", "次数", "人数", "天数", "项数", "/数量", "/次数", "/人数", "/天数")
POINTS_SUFFIXES = ("得分", "(分)", "分数", "/得分", "/分数")


def points_field(number: int) -> str:
    return f"points_{number}"


def count_field(number: int) -> str:
    return f"count_{number}"


def subtotal_field(index: int) -> str:
    return f"subtotal_{index}"


def build_spec(rules: RuleSet) -> TableSpec:
    """Return the score-table spec for a rule set's indicators and sections."""
    columns = [
        ColumnSpec("serial", "序号"),
        ColumnSpec("year", "年度", ("考核年度",), kind="whole"),
        ColumnSpec("dispatching_unit", "选派单位", ("派出单位",)),
        ColumnSpec("name", "姓名", required=True),
        ColumnSpec("id_number", "身份证号", ("身份证号码", "公民身份号码", "证件号码", "身份证"), required=True,
                   kind="id_number"),
        ColumnSpec("work_unit", "工作单位", ("所在单位",)),
        ColumnSpec("specialty", "专业", ("从事专业",)),
        ColumnSpec("title", "技术职称", ("职称", "专业技术职称")),
        ColumnSpec("phone", "联系方式", ("联系电话", "手机号码"), kind="phone"),
        ColumnSpec("team", "科技特派团", ("特派团",)),
        ColumnSpec("host_unit", "受援单位", ("服务单位",)),
    ]
    for indicator in rules.appraisal.indicators:
        name = indicator.name
        columns.append(ColumnSpec(points_field(indicator.number), name, tuple(name + suffix for suffix in POINTS_SUFFIXES)))
        if indicator.rule != "judged":
            aliases = tuple(f"{name}({unit})" for unit in COUNT_UNITS) + tuple(name + s for s in COUNT_SUFFIXES)
            columns.append(ColumnSpec(count_field(indicator.number), f"{name}(数量)", aliases))
    for index, section in enumerate(rules.appraisal.sections, start=1):
        columns.append(ColumnSpec(subtotal_field(index), section.name, (f"{section.name}小计", f"{section.name}得分")))
    columns += [
        ColumnSpec("score", "考核得分", ("考核得分合计", "得分合计", "合计", "总分")),
        ColumnSpec("grade", "考核等次", ("等次", "考核结果")),
        ColumnSpec("appraised_on", "考核日期", ("考核时间", "评分日期")),
        ColumnSpec("remarks", "备注"),
    ]
    markers = tuple(field for indicator in rules.appraisal.indicators
                    for field in (points_field(indicator.number), count_field(indicator.number)))
    return TableSpec(kind="score_table", label="评分汇总表（附件2，每人一行）", columns=tuple(columns),
                     sheet_names=("评分表", "考核评分", "评分汇总"), markers=markers, record_fields=("name", "id_number"))


# NOTE: the columns come from the packaged rule set, because kinds are registered when the
# package is imported. A `--rules` file that renames indicators needs those names as headers.
SCORE_TABLE = build_spec(load_rules())
TABLE_SPECS = [SCORE_TABLE]


def sheets_from_table(read: TableRead, rules: RuleSet) -> list[ScoreSheet]:
    """Turn each row of a score table into a ScoreSheet, keeping every cell's place."""
    sheets = []
    for record in read.records:
        sheets.append(sheet_from_record(read, record, rules))
    return sheets


def sheet_from_record(read: TableRead, record: Record, rules: RuleSet) -> ScoreSheet:
    sheet = ScoreSheet(path=read.path, sheet=record.sheet, shape="table", row=record.row)
    sheet.person = {name: record.cell(name) for name in PERSON_FIELDS if record.cell(name) is not None}
    for indicator in rules.appraisal.indicators:
        points = record.cell(points_field(indicator.number))
        count = record.cell(count_field(indicator.number))
        if points is not None or count is not None:
            sheet.items[indicator.number] = ItemEntry(points=points, count=count)
    for index, section in enumerate(rules.appraisal.sections, start=1):
        cell = record.cell(subtotal_field(index))
        if cell is not None:
            sheet.subtotals[section.name] = cell
    sheet.total = record.cell("score")
    sheet.grade = record.cell("grade")
    sheet.appraised_on = record.cell("appraised_on")
    sheet.year = record.get("year") or read.year
    return sheet
