"""`sanqu rules`: every rule code with its severity, article and title."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer
from rich.table import Table

from sanqu_cli.cli.options import DebugOption, RulesOption
from sanqu_cli.cli.runtime import guard, start

ORDER = 80


class RulesFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


def _family_label(code: str) -> str:
    from sanqu_cli.report.rule_docs import FAMILY_BY_LETTER

    family = FAMILY_BY_LETTER.get(code[0])
    return family.label if family else ""


def rules_command(
    output_format: Annotated[RulesFormat, typer.Option(
        "--format", help="输出格式：text（中文表格）、json，或 markdown（即 docs/rules.md 的内容）。")] = RulesFormat.text,
    rules: RulesOption = None,
    debug: DebugOption = False,
) -> None:
    """列出全部规则代码、级别、依据条款和说明。"""
    session = start(rules, False, 0, debug)
    with guard(debug):
        from sanqu_cli.findings import Severity

        rule_set = session.rules
        if output_format == RulesFormat.markdown:
            from sanqu_cli.report.rule_docs import rules_markdown

            typer.echo(rules_markdown(rule_set), nl=False)
            return
        if output_format == RulesFormat.json:
            from sanqu_cli.report.json_report import dumps

            codes = [{"code": code, "family": _family_label(code), **entry.model_dump()}
                     for code, entry in rule_set.codes.items()]
            typer.echo(dumps({"rule_set": rule_set.id, "name": rule_set.name, "codes": codes}))
            return

        session.out.print(f"规则集：{rule_set.name}（{rule_set.id}）", markup=False)
        table = Table(header_style="bold")
        for title in ("代码", "类别", "级别", "依据", "说明"):
            table.add_column(title)
        for code, entry in rule_set.codes.items():
            table.add_row(code, _family_label(code), Severity(entry.severity).label, entry.article or "—",
                          entry.title)
        session.out.print(table)


def register(app: typer.Typer) -> None:
    app.command("rules")(rules_command)
