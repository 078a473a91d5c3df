"""`sanqu validate FILE…`: check workbooks against the rule set and pick the exit code."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from sanqu_cli.cli.options import (
    DebugOption,
    FailOn,
    FailOnOption,
    FormatOption,
    HistoryOption,
    OutputFormat,
    RulesOption,
    SheetOption,
    ShowPiiOption,
    VerboseOption,
    YearOption,
)
from sanqu_cli.cli.runtime import CannotRun, guard, start

ORDER = 10


def validate(
    files: Annotated[list[str], typer.Argument(help="要检查的文件、文件夹（递归查找表格文件）或通配符，如 提交/*.xlsx。",
                                                metavar="文件", show_default=False)],
    kind: Annotated[Optional[str], typer.Option("--kind", help="强制按这种表格类型检查（默认自动识别），如 roster。",
                                                metavar="类型")] = None,
    sheet: SheetOption = None,
    year: YearOption = None,
    plan: Annotated[bool, typer.Option("--plan", help="按年初计划检查：服务天数不足只作警告（默认按年末实绩，作错误）。")] = False,
    output_format: FormatOption = OutputFormat.text,
    fail_on: FailOnOption = FailOn.error,
    history: HistoryOption = None,
    # --- results tables: detail files for cross-checking submitted 附件4/附件5 (S403) ---
    roster: Annotated[Optional[Path], typer.Option("--roster", help="花名册文件：与提交的附件4核对选派人数、特派团数、三方协议数等。",
                                                   metavar="文件")] = None,
    service_log: Annotated[Optional[Path], typer.Option("--service-log", help="服务日志文件：与提交的附件4核对服务情况和受援效果。",
                                                        metavar="文件")] = None,
    training: Annotated[Optional[Path], typer.Option("--training", help="培训记录文件（培训班、学员名单两个工作表）：与提交的附件5核对。",
                                                     metavar="文件")] = None,
    rules: RulesOption = None,
    show_pii: ShowPiiOption = False,
    verbose: VerboseOption = 0,
    debug: DebugOption = False,
) -> None:
    """检查表格文件（花名册等），列出每个问题所在的单元格。

    退出码：0 没有问题；1 有达到 --fail-on 级别的问题；2 有文件无法读取或无法运行。
    """
    session = start(rules, show_pii, verbose, debug)
    with guard(debug):
        from sanqu_cli.findings import Severity
        from sanqu_cli.schema import KINDS
        from sanqu_cli.validate import ValidateOptions, expand_paths, validate_paths

        if kind is not None and kind not in KINDS:
            known = "、".join(f"{name}（{spec.label}）" for name, spec in KINDS.items())
            raise CannotRun(f"未知的表格类型“{kind}”。可用的类型：{known}。")
        paths = expand_paths(files)
        if not paths:
            raise CannotRun(f"没有找到要检查的表格文件：{'、'.join(files)}。请检查路径或通配符。")

        details = {name: path for name, path in (("roster", roster), ("service_log", service_log),
                                                  ("training", training)) if path is not None}
        options = ValidateOptions(rules=session.rules, kind=kind, sheet=sheet, year=year, plan=plan, details=details)
        if history:
            options.history = expand_paths(history)
            if not options.history:
                raise CannotRun(f"--history 没有找到表格文件：{'、'.join(history)}。请检查路径或通配符。")
        report = validate_paths(paths, options)

        if output_format == OutputFormat.json:
            from sanqu_cli.report.json_report import dumps, report_dict

            typer.echo(dumps(report_dict(report, session.rules, session.masker)))
        else:
            from sanqu_cli.report.terminal import print_report

            print_report(session.out, report, session.masker)

        unreadable = [file.path for file in report.files if not file.readable]
        if unreadable and output_format == OutputFormat.text:
            session.err.print(f"无法读取或无法识别的文件：{'、'.join(unreadable)}", markup=False)
        code = report.exit_code(Severity(fail_on.value))
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)
