"""The output of `sanqu score`: the per-unit quota table and findings (terminal), or one JSON document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from sanqu_cli.compute.grading import GRADE_LABELS
from sanqu_cli.findings import Severity
from sanqu_cli.pii import Masker
from sanqu_cli.render.score_outputs import number, ordered, person_id
from sanqu_cli.report.json_report import finding_dict, report_dict
from sanqu_cli.report.terminal import summary_line
from sanqu_cli.rules import RuleSet
from sanqu_cli.score import ScoreResult


def units_table(result: ScoreResult, rules: RuleSet) -> Table:
    table = Table(title=f"各选派单位优秀名额（人数 × {rules.appraisal.excellent_quota_percent}%，向下取整）",
                  header_style="bold")
    for title in ("选派单位", "人数", "人数来源", "评分表", "优秀名额", "优秀", "合格", "不合格", "同分待定"):
        table.add_column(title)
    for unit in result.units:
        tied = "、".join(person.sheet.label for person in unit.tied) or "—"
        table.add_row(escape(unit.unit), str(unit.headcount), unit.headcount_source, str(unit.sheets), str(unit.quota),
                      str(unit.counts["excellent"]), str(unit.counts["pass"]), str(unit.counts["fail"]), escape(tied))
    return table


def findings_table(result: ScoreResult, masker: Masker) -> Table:
    """Return every finding of the batch in one table (one table per file is slow for a thousand files)."""
    table = Table(title="发现的问题", header_style="bold", expand=False, pad_edge=False)
    for title in ("文件", "工作表", "单元格", "代码", "级别", "说明"):
        table.add_column(title, overflow="fold", ratio=1 if title == "说明" else None)
    for file in result.report.files:
        for finding in file.findings:
            style = "bold red" if finding.severity == Severity.error else "yellow"
            table.add_row(escape(Path(file.path).name), escape(finding.sheet or ""),
                          finding.cell or (f"第{finding.row}行" if finding.row else "—"), finding.code,
                          f"[{style}]{finding.severity.label}[/]", escape(masker.text(finding.message) or ""))
    return table


def print_score(console: Console, result: ScoreResult, rules: RuleSet, masker: Masker) -> None:
    """Print the quota table, then all findings in one table, then the summary line."""
    console.print(units_table(result, rules))
    if result.report.findings:
        console.print(findings_table(result, masker))
    console.print(f"共 {len(result.people)} 人参加评分。" + summary_line(result.report))


def score_dict(result: ScoreResult, rules: RuleSet, masker: Masker, outputs: dict[str, Any] | None) -> dict[str, Any]:
    """Return the JSON document: people, per-unit quotas, the files with their findings, and the summary."""
    data = report_dict(result.report, rules, masker)
    people = []
    for person in ordered(result):
        people.append({
            "file": str(person.sheet.path),
            "sheet": person.sheet.sheet,
            "row": person.sheet.row,
            "name": person.sheet.text("name"),
            "id_number": masker.id_number(person_id(person)),
            "dispatching_unit": person.unit,
            "roster_row": person.roster.row if person.roster is not None else None,
            "items": {str(item.indicator.number): {"name": item.indicator.name, "points": number(item.points),
                                                   "source": item.source} for item in person.items},
            "sections": {name: number(value) for name, value in person.sections.items()},
            "total": number(person.total),
            "grade": person.grade,
            "grade_label": GRADE_LABELS[person.grade],
            "rank": person.rank,
            "tied": person.tied,
            "hard_failures": person.hard_failures,
            "findings": [finding_dict(finding, masker) for finding in person.findings],
        })
    units = [{
        "dispatching_unit": unit.unit,
        "headcount": unit.headcount,
        "headcount_source": unit.headcount_source,
        "sheets": unit.sheets,
        "quota": unit.quota,
        "excellent": unit.counts["excellent"],
        "pass": unit.counts["pass"],
        "fail": unit.counts["fail"],
        "tied": [person.sheet.label for person in unit.tied],
    } for unit in result.units]
    data["roster"] = str(result.roster.path) if result.roster else None
    data["units"] = units
    data["people"] = people
    data["outputs"] = outputs
    data["summary"]["people"] = len(people)
    return data


def exit_code(result: ScoreResult) -> int:
    return result.report.exit_code(Severity.error)
