"""Reports of `sanqu honours`: a Chinese summary for the terminal, and one JSON document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from sanqu_cli import __version__
from sanqu_cli.compute.history import OUTCOME_LABELS
from sanqu_cli.compute.honours import HonourDecision
from sanqu_cli.honours import HonoursResult
from sanqu_cli.pii import Masker
from sanqu_cli.report.json_report import dumps, finding_dict
from sanqu_cli.report.terminal import _findings_table
from sanqu_cli.rules import RuleSet


def _person_dict(decision: HonourDecision, masker: Masker) -> dict[str, Any]:
    person = decision.person
    return {
        "name": person.name,
        "id_number": masker.id_number(person.id_number),
        "dispatching_unit": person.unit,
        "row": person.record.row,
        "basis": decision.basis,
        "basis_text": decision.basis_text if decision.honoured else None,
        "grades": {str(year): OUTCOME_LABELS[grade] if grade else None for year, grade in sorted(decision.grades.items())},
        "notes": decision.notes,
    }


def honours_dict(result: HonoursResult, target: Path, rules: RuleSet, masker: Masker) -> dict[str, Any]:
    return {
        "tool": "sanqu",
        "version": __version__,
        "rule_set": rules.id,
        "year": result.year,
        "output": str(target),
        "summary": result.counts(),
        "honours": [_person_dict(decision, masker) for decision in result.honoured],
        "pending": [_person_dict(decision, masker) for decision in result.pending],
        "findings": [finding_dict(finding, masker) for finding in result.findings],
    }


def print_honours(console: Console, result: HonoursResult, target: Path, masker: Masker,
                  show_findings: bool = True) -> None:
    counts = result.counts()
    console.print(f"{result.year} 年度花名册 {counts['people']} 人：获得荣誉证书 {counts['honours']} 人"
                  f"（本年度优秀 {counts['excellent']} 人，连续合格 {counts['consecutive']} 人），"
                  f"因缺少某年度考核结果暂未列入 {counts['pending']} 人。")
    if result.pending:
        table = Table(title="待核实", header_style="bold")
        for title in ("行", "选派单位", "姓名", "身份证号", "说明"):
            table.add_column(title)
        for decision in result.pending:
            person = decision.person
            table.add_row(str(person.record.row), escape(person.unit), escape(person.name),
                          escape(masker.id_number(person.id_number) or ""), escape("；".join(decision.notes)))
        console.print(table)
    if result.findings and show_findings:
        console.print("读取和比对中发现的问题：")
        console.print(_findings_table(result.findings, masker))
    console.print(f"已写出：{escape(str(target))}")


__all__ = ["dumps", "honours_dict", "print_honours"]
