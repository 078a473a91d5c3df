"""附件2 checks on one sheet: item points (A301, A302), subtotals and total (A303), date (A308).

`score_person` scores a sheet and checks it at the same time, because the same comparisons
decide the points and produce the findings. A count wins over entered points, and the roster
wins over the sheet for 三方协议 and 服务天数. An unreachable entry counts as the nearest
reachable value below it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sanqu_cli.checks.context import article_suffix
from sanqu_cli.compute.scoring import (
    ZERO,
    EntryProblem,
    ItemScore,
    PersonScore,
    ScoreSheet,
    deadline,
    nearest_below,
    points_from_count,
    reachable_points,
    read_count,
    read_number,
    section_totals,
)
from sanqu_cli.findings import Finding, make_finding
from sanqu_cli.rules import RuleSet
from sanqu_cli.rules.model import Indicator
from sanqu_cli.workbook.cells import Cell, clean_text, parse_date

# Indicators whose count the roster also records: 三方协议 (yes/no) and, for the min_days
# rule, 服务天数. The roster is the record of both, so it wins over the sheet.
ROSTER_AGREEMENT_ITEM = "三方协议签订"


def add_finding(findings: list[Finding], rules: RuleSet, code: str, message: str, sheet: ScoreSheet,
                at: Cell | None = None, related: list[str] | None = None, value: Any = None) -> Finding:
    """Add a finding at a cell of the sheet (or at its row when no cell is known), with the article."""
    message = message + article_suffix(rules, code)
    if at is not None:
        finding = make_finding(rules, code, message, file=str(sheet.path), at=at, related=related, value=value)
    else:
        finding = make_finding(rules, code, message, file=str(sheet.path), sheet=sheet.sheet, row=sheet.row,
                               related=related, value=value)
    findings.append(finding)
    return finding


def fmt(number: Decimal | None) -> str:
    if number is None:
        return "空"
    return str(int(number)) if number == number.to_integral_value() else str(number.normalize())


def _roster_count(indicator: Indicator, roster: Any, rules: RuleSet) -> tuple[Decimal | None, Cell | None, str]:
    """Return the roster's count for items 1 and 2 (agreement signed, service days), its cell and a phrase."""
    if roster is None:
        return None, None, ""
    if indicator.rule == "min_days":
        days = roster.get("service_days")
        if days is None:
            return None, None, ""
        return Decimal(days), roster.cell("service_days"), f"花名册服务天数为 {days} 天"
    if indicator.name == ROSTER_AGREEMENT_ITEM:
        signed = roster.get("agreement_signed")
        if signed is None:
            return None, None, ""
        return Decimal(1 if signed else 0), roster.cell("agreement_signed"), f"花名册三方协议为“{'是' if signed else '否'}”"
    return None, None, ""


def _rule_text(indicator: Indicator, rules: RuleSet) -> str:
    top = indicator.max_points
    if indicator.rule == "binary":
        return f"达到得 {top} 分，否则 0 分"
    if indicator.rule == "min_days":
        return f"服务不少于 {rules.service.min_days} 天得 {top} 分，否则 0 分"
    if indicator.rule == "per_count":
        return f"每 1 项（次）得 {indicator.points_each} 分，最高 {top} 分"
    if indicator.rule == "per_group":
        return f"每 {indicator.group_size} 人得 1 分（不足 {indicator.group_size} 人不计），最高 {top} 分"
    return f"由考核组评定，0 至 {top} 分"


def _score_item(sheet: ScoreSheet, indicator: Indicator, rules: RuleSet, roster: Any, roster_file: str,
                findings: list[Finding]) -> ItemScore:
    entry = sheet.items.get(indicator.number)
    points_cell = entry.points if entry else None
    count_cell = entry.count if entry else None
    label = f"第{indicator.number}项“{indicator.name}”"
    item = ItemScore(indicator=indicator, points=ZERO)

    try:
        item.entered = read_number(points_cell)
    except EntryProblem as problem:
        add_finding(findings, rules, "A301", f"{label}的得分{problem}，请填写 0 至 {indicator.max_points} 的分数。",
                    sheet, at=points_cell)
    count = None
    try:
        count = read_count(indicator, count_cell)
    except EntryProblem as problem:
        add_finding(findings, rules, "A302", f"{label}的数量{problem}，请填写次数、人数或项数。", sheet, at=count_cell)

    if count is not None:
        item.computed, item.source = points_from_count(indicator, count, rules), "count"

    # The roster is the record of 三方协议 and 服务天数: its value is the count that counts.
    roster_count, roster_cell, roster_phrase = _roster_count(indicator, roster, rules)
    related = [f"{roster_file}!{roster_cell.ref}"] if roster_cell is not None else []
    if roster_count is not None:
        if count is not None and count != roster_count and indicator.rule == "min_days":
            add_finding(findings, rules, "A302", f"{label}填写的天数 {fmt(count)} 与{roster_phrase}不符，以花名册为准。",
                        sheet, at=count_cell, related=related)
        item.computed, item.source = points_from_count(indicator, roster_count, rules), "roster"

    if item.entered is not None:
        reachable = reachable_points(indicator)
        out_of_range = not ZERO <= item.entered <= indicator.max_points
        if out_of_range or (reachable is not None and item.entered not in reachable):
            allowed = "、".join(fmt(value) for value in reachable) if reachable else f"0 至 {indicator.max_points}"
            fallback = nearest_below(indicator, item.entered)
            message = (f"{label}填写了 {fmt(item.entered)} 分，按评分标准（{_rule_text(indicator, rules)}）只能是 {allowed} 分"
                       f"{'' if item.computed is not None else f'，暂按 {fmt(fallback)} 分计'}。请核对后改正。")
            add_finding(findings, rules, "A301", message, sheet, at=points_cell)
            if item.computed is None:
                item.points, item.source = fallback, "entered"
                return item
        if item.computed is not None and item.entered != item.computed:
            basis = roster_phrase if item.source == "roster" else f"填写的数量为 {fmt(count)}"
            message = (f"{label}填写了 {fmt(item.entered)} 分，但{basis}，按评分标准（{_rule_text(indicator, rules)}）"
                       f"应得 {fmt(item.computed)} 分，按 {fmt(item.computed)} 分计。")
            add_finding(findings, rules, "A302", message, sheet, at=points_cell or count_cell, related=related)
        elif item.computed is None:
            item.points, item.source = item.entered, "entered"
            return item

    if item.computed is not None:
        item.points = item.computed
        return item

    add_finding(findings, rules, "A301", f"{label}没有填写得分，按 0 分计。请填写得分（或数量）。", sheet,
                at=points_cell)
    return item


def _shown(item: ItemScore) -> Decimal:
    """Return the points the sheet itself shows for an item: entered, else what its count gives."""
    if item.entered is not None:
        return item.entered
    return item.computed if item.computed is not None else ZERO


def _check_sums(sheet: ScoreSheet, items: list[ItemScore], rules: RuleSet, findings: list[Finding]) -> None:
    """A303: each subtotal and the 合计 against the sum of the items as the sheet shows them."""
    shown = {section.name: ZERO for section in rules.appraisal.sections}
    for item in items:
        shown[item.indicator.section] = shown.get(item.indicator.section, ZERO) + _shown(item)

    for name, cell in sheet.subtotals.items():
        try:
            value = read_number(cell)
        except EntryProblem as problem:
            add_finding(findings, rules, "A303", f"{name}小计{problem}。", sheet, at=cell)
            continue
        if value is not None and value != shown.get(name, ZERO):
            add_finding(findings, rules, "A303", f"{name}小计写的是 {fmt(value)} 分，但该部分各项之和为 "
                        f"{fmt(shown.get(name, ZERO))} 分。", sheet, at=cell)

    try:
        total = read_number(sheet.total)
    except EntryProblem as problem:
        add_finding(findings, rules, "A303", f"考核得分合计{problem}。", sheet, at=sheet.total)
        return
    expected = sum(shown.values(), ZERO)
    if total is not None and total != expected:
        add_finding(findings, rules, "A303", f"考核得分合计写的是 {fmt(total)} 分，但 {len(items)} 项得分之和为 "
                    f"{fmt(expected)} 分。请改正合计或各项得分。", sheet, at=sheet.total)


def _check_date(sheet: ScoreSheet, rules: RuleSet, findings: list[Finding]) -> None:
    cell = sheet.appraised_on
    if cell is None or cell.raw is None or sheet.year is None:
        return
    try:
        date = parse_date(cell.raw)
    except ValueError:
        add_finding(findings, rules, "P123", f"考核日期“{clean_text(cell.raw)}”无法识别，请写完整的年月日，如 2024-12-20。",
                    sheet, at=cell)
        return
    limit = deadline(rules, sheet.year)
    if date is not None and date > limit:
        add_finding(findings, rules, "A308", f"考核日期 {date.isoformat()} 晚于 {limit.isoformat()}，"
                    f"{sheet.year} 年度考核应在当年 {limit.month} 月 {limit.day} 日前完成。", sheet, at=cell)


def _check_id_number(sheet: ScoreSheet, rules: RuleSet, findings: list[Finding]) -> None:
    """P101/P102 for the 身份证号 on the sheet: it links the person to the roster and to later years."""
    from sanqu_cli.checks.ids import check_id, id_problem

    cell = sheet.person.get("id_number")
    if cell is None or cell.raw is None or clean_text(cell.raw) is None:
        return
    problem = id_problem(check_id(cell.raw))
    if problem is not None:
        findings.append(make_finding(rules, problem.code, problem.message, file=str(sheet.path), at=cell,
                                     value=problem.value, personal=True))


def score_person(sheet: ScoreSheet, rules: RuleSet, roster: Any = None,
                 roster_file: str = "花名册") -> tuple[PersonScore, list[Finding]]:
    """Score one sheet and return it with the findings of items, sums and date.

    `roster` is the person's roster Record, if any; `roster_file` names it in `related` cells.
    """
    findings: list[Finding] = []
    items = [_score_item(sheet, indicator, rules, roster, roster_file, findings)
             for indicator in rules.appraisal.indicators]
    _check_sums(sheet, items, rules, findings)
    _check_date(sheet, rules, findings)
    _check_id_number(sheet, rules, findings)

    hard_sections = {section.name for section in rules.appraisal.sections if section.hard}
    failures = [f"{item.indicator.name}得 0 分" for item in items
                if item.indicator.section in hard_sections and item.indicator.rule in ("binary", "min_days")
                and item.points == 0]
    sections = section_totals(rules, items)
    person = PersonScore(sheet=sheet, items=items, sections=sections, total=sum(sections.values(), ZERO),
                         hard_failures=failures, roster=roster, roster_file=roster_file)
    return person, findings
