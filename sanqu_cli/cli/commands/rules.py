"""`sanqu rules`: every rule code with its severity, article and title."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from sanqu_cli.cli.options import DebugOption, OutputFormat, RulesOption
from sanqu_cli.cli.runtime import guard, start

ORDER = 80

FAMILIES = {"F": "文件与版式", "P": "选派人员", "T": "科技特派团", "A": "绩效考核（附件2）",
            "S": "成效统计表（附件4、附件5）", "B": "经费（第二十三条至第二十八条）"}


def rules_command(
    output_format: Annotated[OutputFormat, typer.Option("--format", help="输出格式：text 或 json。")] = OutputFormat.text,
    rules: RulesOption = None,
    debug: DebugOption = False,
) -> None:
    """列出全部规则代码、级别、依据条款和说明。"""
    session = start(rules, False, 0, debug)
    with guard(debug):
        from sanqu_cli.findings import Severity

        rule_set = session.rules
        if output_format == OutputFormat.json:
            from sanqu_cli.report.json_report import dumps

            codes = [{"code": code, "family": FAMILIES.get(code[0], ""), **entry.model_dump()}
                     for code, entry in rule_set.codes.items()]
            typer.echo(dumps({"rule_set": rule_set.id, "name": rule_set.name, "codes": codes}))
            return

        session.out.print(f"规则集：{rule_set.name}（{rule_set.id}）", markup=False)
        table = Table(header_style="bold")
        for title in ("代码", "类别", "级别", "依据", "说明"):
            table.add_column(title)
        for code, entry in rule_set.codes.items():
            table.add_row(code, FAMILIES.get(code[0], ""), Severity(entry.severity).label, entry.article or "—",
                          entry.title)
        session.out.print(table)


def register(app: typer.Typer) -> None:
    app.command("rules")(rules_command)
