"""Merge units' 附件4 (or 附件5) into one table per 市(地) and one for the region.

Additive figures are summed. County, township and village counts are distinct counts (附件4
注1: 不可累加), because a sum would count 墨竹工卡县 twice when two units both served it. With
the service log they are recomputed for the merged units. Without it they are written as
不可累加 and reported as S404.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sanqu_cli.compute.results_common import FIGURES, NOT_ADDITIVE, REGION, ResultsTable, UnitFigures
from sanqu_cli.compute.submitted import SubmittedRow, submitted_rows
from sanqu_cli.errors import CannotRun
from sanqu_cli.findings import Finding, make_finding
from sanqu_cli.rules import RuleSet
from sanqu_cli.schema.records import TableRead

DEDUPLICATED_TOTAL = "合计（{name}，按明细去重）"
PLAIN_TOTAL = "合计（{name}）"


@dataclass
class MergedTables:
    """The merge result: the region's rows (one per 市(地)), each 市(地)'s unit rows, and findings."""

    table: ResultsTable
    region_rows: list[UnitFigures]
    groups: dict[str, list[UnitFigures]]
    findings: list[Finding] = field(default_factory=list)


def _sum(values: list[Any]) -> Any:
    numbers = [value for value in values if value is not None and value != NOT_ADDITIVE]
    if not numbers:
        return None
    total = sum((Decimal(str(value)) for value in numbers), Decimal(0))
    return int(total) if total == total.to_integral_value() else total


def _collect_rows(reads: list[TableRead]) -> tuple[str, list[SubmittedRow]]:
    kinds = {read.spec.kind for read in reads if read.spec is not None}
    if len(kinds) != 1:
        names = "、".join(sorted(kinds)) or "无"
        raise CannotRun(f"要合并的文件须都是附件4或都是附件5，读到的类型有：{names}。")
    rows: list[SubmittedRow] = []
    seen: dict[str, TableRead] = {}
    for read in reads:
        for row in submitted_rows(read):
            if row.unit in seen:
                raise CannotRun(f"单位“{row.unit}”在 {seen[row.unit].path.name} 和 {read.path.name} 中都有，"
                                "同一单位只能合并一次。请去掉重复的文件。")
            seen[row.unit] = read
            rows.append(row)
    return kinds.pop(), rows


def merge_tables(reads: list[TableRead], rules: RuleSet, distinct=None) -> MergedTables:
    """Merge submitted tables; `distinct(units)` recomputes the distinct counts of a set of units, when detail is given."""
    kind, rows = _collect_rows(reads)
    figures = FIGURES[kind]
    year = next((read.year for read in reads if read.year), None)
    # A figure the reader could not parse is left out of the sums, so its finding travels with the result.
    findings: list[Finding] = [finding for read in reads for finding in read.findings]

    def total_of(name: str, members: list[UnitFigures]) -> UnitFigures:
        values: dict[str, Any] = {}
        recomputed = distinct([member.unit for member in members]) if distinct and kind == "dispatch_results" else None
        for figure in figures:
            parts = [member.values.get(figure.field) for member in members]
            # NOTE: 附件5 培训机构数 is summed as well, so an institution that trained for two units
            # counts twice in a merged 附件5; the training records would be needed to deduplicate it.
            if figure.additive or len(members) == 1:
                values[figure.field] = _sum(parts)
            elif recomputed is not None:
                values[figure.field] = recomputed[figure.field]
            else:
                values[figure.field] = NOT_ADDITIVE
                findings.append(make_finding(rules, "S404", f"{name}的{figure.header}是去重计数，各单位之和"
                                             f"（{_sum(parts)}）会重复计算同一县、乡镇、村，已标为“{NOT_ADDITIVE}”。"
                                             "请加 --service-log 按服务日志重新统计。", sheet=name,
                                             header=figure.header))
        label = (DEDUPLICATED_TOTAL if recomputed is not None else PLAIN_TOTAL).format(name=name)
        return UnitFigures(unit=label, values=values, prefecture=name)

    groups: dict[str, list[UnitFigures]] = {}
    for row in rows:
        unit = UnitFigures(unit=row.unit, values=row.values, prefecture=row.prefecture)
        groups.setdefault(row.prefecture, []).append(unit)

    region_rows = []
    for name, members in groups.items():
        group_total = total_of(name, members)
        members.append(group_total)
        region_rows.append(UnitFigures(unit=name, values=group_total.values, prefecture=name))
    all_units = [member for members in groups.values() for member in members[:-1]]
    region_total = total_of(REGION, all_units)

    table = ResultsTable(kind=kind, year=year, units=all_units, total=region_total)
    return MergedTables(table=table, region_rows=region_rows + [region_total], groups=groups, findings=findings)
