"""`sanqu funds ROSTER`: 工作补助 per person and per 选派单位, and the fund checks B601–B610."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from sanqu_cli.cli.options import (
    DebugOption,
    FailOn,
    FailOnOption,
    ForceOption,
    FormatOption,
    OutDirOption,
    OutputFormat,
    RulesOption,
    ShowPiiOption,
    VerboseOption,
    YearOption,
)
from sanqu_cli.cli.runtime import Session, guard, start

if TYPE_CHECKING:
    from sanqu_cli.funds import FundsRun

ORDER = 30


def funds(
    roster: Annotated[Path, typer.Argument(help="选派人员花名册（xlsx、xls 或 csv）。", metavar="花名册",
                                           show_default=False)],
    out: OutDirOption,
    ledger: Annotated[Optional[Path], typer.Option("--ledger", help="经费支出明细表，按明细检查每笔支出并计入各类支出。",
                                                   metavar="文件")] = None,
    force: ForceOption = False,
    output_format: FormatOption = OutputFormat.text,
    fail_on: FailOnOption = FailOn.error,
    year: YearOption = None,
    rules: RulesOption = None,
    show_pii: ShowPiiOption = False,
    verbose: VerboseOption = 0,
    debug: DebugOption = False,
) -> None:
    """测算每人的工作补助和各类支出、各选派单位的经费使用情况，检查第二十三条至第二十八条（B601–B610）。

    在输出文件夹写出 补助测算.xlsx（个人测算、单位汇总、说明三个工作表）。
    退出码：0 没有问题；1 有达到 --fail-on 级别的问题；2 文件无法读取或无法运行。
    """
    session = start(rules, show_pii, verbose, debug)
    with guard(debug):
        from sanqu_cli.funds import run_funds

        run = run_funds(roster, ledger, session.rules, year)
        output = write_workbook(session, run, out, force)
        if output_format == OutputFormat.json:
            from sanqu_cli.report.funds_report import funds_dict
            from sanqu_cli.report.json_report import dumps

            typer.echo(dumps(funds_dict(run.result, run.report, session.rules.id, run.year,
                                        str(output) if output else None, session.masker)))
        else:
            print_text(session, run, output)
        from sanqu_cli.findings import Severity

        code = run.report.exit_code(Severity(fail_on.value))
    raise typer.Exit(code)


def write_workbook(session: Session, run: FundsRun, out: Path, force: bool) -> Path | None:
    """Write 补助测算.xlsx into `out`; nothing is written when an input could not be read."""
    from sanqu_cli.outputs import ensure_dir
    from sanqu_cli.render.funds_workbook import write_funds_workbook

    if run.result is None:
        return None
    sources = {"花名册": str(run.roster), **({"经费支出明细": str(run.ledger)} if run.ledger else {})}
    return write_funds_workbook(ensure_dir(out), run.result, session.rules, sources, run.report, session.masker,
                                force)


def print_text(session: Session, run: FundsRun, output: Path | None) -> None:
    """Print the per-unit table, the findings of both files, and where the workbook went."""
    from sanqu_cli.report.funds_report import print_units
    from sanqu_cli.report.terminal import print_report

    if run.result is not None:
        print_units(session.out, run.result)
        session.out.print()
    print_report(session.out, run.report, session.masker)
    if output is not None:
        session.out.print(f"已写出：{output}", markup=False)
    else:
        unreadable = "、".join(file.path for file in run.report.files if not file.readable or file.kind is None)
        session.err.print(f"无法读取 {unreadable}，没有写出补助测算表。请按上面的提示修正后重新运行。", markup=False)


def register(app: typer.Typer) -> None:
    app.command("funds")(funds)
