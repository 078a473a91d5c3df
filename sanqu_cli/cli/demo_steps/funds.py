"""Demo step: compute 工作补助 and check the example ledger against the example roster."""

from __future__ import annotations

from sanqu_cli.cli.commands.demo import DemoRun

ORDER = 30
TITLE = "测算工作补助、检查经费使用（sanqu funds）"


def run(demo: DemoRun) -> None:
    from sanqu_cli.cli.commands.funds import print_text, write_workbook
    from sanqu_cli.funds import run_funds

    roster, ledger = demo.examples / "roster-2024.xlsx", demo.examples / "ledger-2024.xlsx"
    demo.show_command(f"sanqu funds {roster} --ledger {ledger} --out {demo.out}")
    result = run_funds(roster, ledger, demo.session.rules)
    output = write_workbook(demo.session, result, demo.out, demo.force)
    print_text(demo.session, result, output)
    demo.remember("funds", result)
