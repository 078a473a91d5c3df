"""附件2 grade checks over a batch: entered 等次 (A304, A305, A306) and quota-boundary ties (A307)."""

from __future__ import annotations

from sanqu_cli.checks.appraisal import add_finding, fmt
from sanqu_cli.checks.context import CheckContext
from sanqu_cli.compute.grading import EXCELLENT, FAIL, GRADE_LABELS, PASS, UnitQuota, score_grade
from sanqu_cli.compute.scoring import PersonScore
from sanqu_cli.findings import Finding
from sanqu_cli.rules import RuleSet
from sanqu_cli.schema.appraisal_summary import GRADE_CHOICES
from sanqu_cli.schema.records import TableRead
from sanqu_cli.workbook.cells import clean_text


def entered_grade(person: PersonScore) -> str | None:
    """Return the 等次 written on the sheet as excellent/pass/fail, or None when blank or unknown."""
    cell = person.sheet.grade
    text = clean_text(cell.raw) if cell is not None else None
    return GRADE_CHOICES.get(text.replace(" ", "")) if text else None


def _check_entered(person: PersonScore, rules: RuleSet, findings: list[Finding]) -> None:
    sheet, cell = person.sheet, person.sheet.grade
    text = clean_text(cell.raw) if cell is not None else None
    if not text:
        return
    given = entered_grade(person)
    if given is None:
        add_finding(findings, rules, "A305", f"考核等次“{text}”不是优秀、合格、不合格之一。", sheet, at=cell)
        return

    if person.hard_failures and rules.appraisal.hard_condition_fails and given != FAIL:
        reasons = "、".join(person.hard_failures)
        related = [f"{person.roster_file}!{cell.ref}" for cell in _roster_cells(person)]
        add_finding(findings, rules, "A306", f"硬性条件未达到（{reasons}），等次应为不合格，表上写的是“{text}”。",
                    sheet, at=cell, related=related)
        return

    expected = score_grade(person, rules)
    settings = rules.appraisal
    wrong = (given == EXCELLENT and expected != EXCELLENT) or (given == PASS and expected == FAIL) or \
            (given == FAIL and expected != FAIL)
    if wrong:
        add_finding(findings, rules, "A305", f"考核得分 {fmt(person.total)} 分对应的等次是“{GRADE_LABELS[expected]}”"
                    f"（优秀不低于 {settings.excellent_min_points:g} 分，合格不低于 {settings.pass_min_points:g} 分），"
                    f"表上写的是“{text}”。", sheet, at=cell)


def _roster_cells(person: PersonScore) -> list:
    if person.roster is None:
        return []
    cells = [person.roster.cell("agreement_signed"), person.roster.cell("service_days")]
    return [cell for cell in cells if cell is not None]


def check_grades(people: list[PersonScore], units: list[UnitQuota], rules: RuleSet, quota: bool = True) -> list[Finding]:
    """Return A304–A307 findings for graded people of the given units; each is also kept on its person.

    `quota` False leaves out the quota checks (A304, A307), for a file with one person of a unit.
    """
    findings: list[Finding] = []
    for person in people:
        mine: list[Finding] = []
        _check_entered(person, rules, mine)
        person.findings.extend(mine)
        findings.extend(mine)

    if not quota:
        return findings
    by_unit: dict[str, list[PersonScore]] = {}
    for person in people:
        by_unit.setdefault(person.unit, []).append(person)

    for unit in units:
        members = by_unit.get(unit.unit, [])
        entered_excellent = [person for person in members if entered_grade(person) == EXCELLENT]
        if len(entered_excellent) > unit.quota:
            names = "、".join(person.sheet.label for person in entered_excellent)
            for person in entered_excellent:
                person.findings.append(add_finding(findings, rules, "A304", f"{unit.unit}有 {len(entered_excellent)} 人的评分表写了优秀（{names}），"
                            f"而优秀名额为 {unit.quota} 名（{unit.headcount} 人 × "
                            f"{rules.appraisal.excellent_quota_percent}%，向下取整）。", person.sheet,
                            at=person.sheet.grade))

        if unit.tied:
            names = "、".join(f"{person.sheet.label}（{person.sheet.place}）" for person in unit.tied)
            for person in unit.tied:
                person.findings.append(add_finding(findings, rules, "A307", f"{unit.unit}的优秀名额还剩 {unit.tie_places} 个，"
                            f"{len(unit.tied)} 人同为 {fmt(person.total)} 分：{names}。工具不替您决定，"
                            "请考核组确定后在汇总表中改正等次；目前这几人都按合格列出。", person.sheet,
                            at=person.sheet.total, value=fmt(person.total)))
    return findings


def _validate_score_file(ctx: CheckContext, read: TableRead) -> None:
    from sanqu_cli.score import check_file_read

    findings, people = check_file_read(read, ctx.rules)
    ctx.findings.extend(findings)
    ctx.skip("A309、A310", "validate 不读花名册，未核对人员（请用 sanqu score --roster）")
    if people < 2:
        ctx.skip("A304、A307", "文件中只有一人，无法计算本单位优秀名额（请用 sanqu score 对整批评分表计算）")


CHECKERS = {"score_sheet": _validate_score_file, "score_table": _validate_score_file}
