"""Read the optional inputs of the 附件3 summary by their official column headers.

附件4, 附件5 and the 补助测算 workbook are outputs of other commands. They are read with local
specs built from the headers printed on those tables, so the summary finds the same columns
whatever code names the writing commands use. These specs are not in `schema.KINDS`, so
`sanqu validate` never detects them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sanqu_cli.rules import RuleSet
from sanqu_cli.schema.read import read_table
from sanqu_cli.schema.spec import ColumnSpec, TableSpec

# 附件4 受援效果 and the count of people who passed. The 服务情况 county, township and village
# counts are left out because the table's note forbids adding them up across units.
DISPATCH_RESULTS = {
    "passed": "考核合格数",
    "households": "服务带动农户数量",
    "organisations": "服务企业、合作社、农民协会等机构",
    "founded": "创办领办企业、合作社、农民协会等机构",
    "new_varieties": "引进新品种",
    "new_technologies": "推广新技术",
    "demo_bases": "建立示范基地",
    "projects": "为受援地引进项目",
    "funds_wan": "为受援地引进资金",
    "backbones": "培养技术骨干",
    "training_sessions": "举办培训场次",
    "farmers_trained": "培训农民",
    "income_increase": "帮助受援对象增收",
}

TRAINING_RESULTS = {
    "trainees": "受培人数",
    "institutions": "培训机构数",
    "passed": "培训合格人数",
    "type_leaders": "涉农企业、农业合作社、农民协会等机构负责人",
    "type_demo_households": "科技示范户",
    "type_service_staff": "农村科技服务人员",
    "type_managers": "基层科技管理人员",
    "type_migrant_workers": "返乡农民工",
    "type_village_officials": "大学生村官",
    "type_other": "其他",
    "experts": "参与培训专家人数",
    "teaching_days": "培训集中授课",
    "courseware": "编写培训课件",
    "site_visits": "现场观摩",
    "classes": "累计举办培训班次",
}

FUND_TOTALS = {
    "work_subsidy": "工作补助",
    "travel": "交通差旅",
    "insurance": "保险",
    "training": "培训",
    "materials": "生产资料",
    "total": "合计",
}
# Headers of other funds workbooks than the 单位汇总 sheet of `sanqu funds`; a column none of
# them matches leaves its amount （待填写）.
_FUND_ALIASES = {
    "work_subsidy": ("工作补助测算", "测算工作补助", "应发工作补助", "工作补助金额"),
    "travel": ("交通差旅费",),
    "insurance": ("保险费",),
    "training": ("培训费",),
    "materials": ("生产资料费",),
    "total": ("合计支出", "经费合计", "合计金额", "总计", "小计"),
}


@dataclass
class OptionalInput:
    """Column totals read from one optional input, or the reason it gave none."""

    label: str
    path: Path | None
    totals: dict[str, Decimal] = field(default_factory=dict)
    rows: int = 0
    problem: str | None = None

    @property
    def usable(self) -> bool:
        return self.path is not None and self.problem is None


def _spec(kind: str, label: str, headers: dict[str, str], aliases: dict[str, tuple[str, ...]] | None = None) -> TableSpec:
    columns = [ColumnSpec("unit", "单位", ("选派单位", "培训单位", "姓名", "单位名称"))]
    columns += [ColumnSpec(name, header, (aliases or {}).get(name, ()), kind="decimal") for name, header in headers.items()]
    return TableSpec(kind=kind, label=label, columns=tuple(columns), markers=tuple(headers), record_fields=tuple(headers))


SPECS = {
    "dispatch_results": _spec("summary_dispatch_results", "选派工作成效统计表（附件4）", DISPATCH_RESULTS),
    "training_results": _spec("summary_training_results", "集中培训工作成效统计表（附件5）", TRAINING_RESULTS),
    "funds": _spec("summary_funds", "补助测算表", FUND_TOTALS, _FUND_ALIASES),
}


def read_totals(path: Path | None, name: str, rules: RuleSet) -> OptionalInput:
    """Sum every numeric column of an optional input. A missing or unreadable file gives a reason, not an error."""
    spec = SPECS[name]
    result = OptionalInput(label=spec.label, path=path)
    if path is None:
        result.problem = "未提供"
        return result
    if not path.is_file():
        result.problem = f"找不到文件 {path}"
        return result

    read = read_table(path, rules, [spec], forced=True)
    if name == "funds":
        # The 单位汇总 sheet of `sanqu funds` also counts rows paid for a unit as a whole (such as
        # group insurance), which the per-person sheet leaves out.
        by_unit = read_table(path, rules, [spec], forced=True, sheet="单位汇总")
        if by_unit.readable and by_unit.records:
            read = by_unit
    if not read.readable or read.spec is None or not read.records:
        examples = "、".join(f"“{column.header}”" for column in spec.columns[1:4])
        result.problem = f"{path.name} 中没有找到{spec.label}的表头（如{examples}）或数据行"
        return result

    result.rows = len(read.records)
    numeric = {column.field for column in spec.columns if column.kind == "decimal"}
    for field_name in sorted(read.present & numeric):
        result.totals[field_name] = sum((record.get(field_name, Decimal(0)) for record in read.records), Decimal(0))
    if not result.totals:
        result.problem = f"{path} 中没有找到{spec.label}的数字列"
    return result
