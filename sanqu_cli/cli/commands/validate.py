"""`sanqu validate FILE…`: check workbooks against the rule set and pick the exit code."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from sanqu_cli.cli.options import (
    DebugOption,
    FailOn,
    FailOnOption,
    ForceOption,
    HistoryOption,
    RulesOption,
    SheetOption,
    ShowPiiOption,
    VerboseOption,
    YearOption,
)
from sanqu_cli.cli.runtime import CannotRun, guard, start

if TYPE_CHECKING:
    from sanqu_cli.findings import Severity

ORDER = 10


# --- reports: output formats, --output and --annotate (begin) ---
class ValidateFormat(str, Enum):
    text = "text"
    json = "json"
    junit = "junit"


OUTPUT_SUFFIXES = {".json": ValidateFormat.json, ".xml": ValidateFormat.junit}

FormatOption = Annotated[
    Optional[ValidateFormat],
    typer.Option("--format", help="输出格式：text（默认）、json 或 junit（JUnit XML，供 CI 使用）。 "
                                  "给了 --output 时可省略，按扩展名 .json / .xml 选择。", show_default=False),
]
OutputOption = Annotated[
    Optional[Path],
    typer.Option("--output", help="把 json 或 junit 报告写入这个文件，终端仍显示中文表格。",
                 metavar="文件", show_default=False),
]
AnnotateOption = Annotated[
    Optional[Path],
    typer.Option("--annotate", help="在这个文件夹中为有问题的文件写标注副本。", metavar="文件夹", show_default=False),
]


def _machine_format(output_format: ValidateFormat | None, output: Path | None, force: bool) -> ValidateFormat:
    """Pick the format of the machine report (text when none is asked for); reject an --output that exists."""
    from sanqu_cli.errors import CannotRun
    from sanqu_cli.outputs import check_writable

    if output is None:
        return output_format or ValidateFormat.text
    if output_format is None:
        guessed = OUTPUT_SUFFIXES.get(output.suffix.lower())
        if guessed is None:
            raise CannotRun(f"无法从 {output.name} 的扩展名判断报告格式，请加 --format json 或 --format junit。")
        output_format = guessed
    if output_format == ValidateFormat.text:
        raise CannotRun("--output 只写 json 或 junit 报告，请加 --format json 或 --format junit。")
    check_writable(output, force)
    return output_format


def _emit_reports(session, report, output_format: ValidateFormat, output: Path | None, fail_on: Severity,
                  annotate: Path | None, force: bool) -> None:
    """Print the report and write the requested files; annotated copies are planned before anything is written."""
    from sanqu_cli.outputs import atomic_output

    plan = []
    if annotate is not None:
        from sanqu_cli.report.annotate import plan_targets

        plan = plan_targets(report.files, annotate, force)

    if output_format == ValidateFormat.text or output is not None:
        from sanqu_cli.report.terminal import print_report

        print_report(session.out, report, session.masker)
    if output_format != ValidateFormat.text:
        text = _render_machine(session, report, output_format, fail_on)
        if output is None:
            typer.echo(text, nl=False)
        else:
            with atomic_output(output, force) as temp:
                temp.write_text(text, encoding="utf-8")
            session.err.print(f"已写入 {output_format.value} 报告：{output}", markup=False)

    if plan:
        from sanqu_cli.report.annotate import annotate_all, describe_copy
        from sanqu_cli.schema.read import limits_from

        for done in annotate_all(plan, session.masker, limits_from(session.rules), force):
            session.err.print(describe_copy(done), markup=False)


def _render_machine(session, report, output_format: ValidateFormat, fail_on: Severity) -> str:
    if output_format == ValidateFormat.junit:
        from sanqu_cli.report.junit import junit_xml

        return junit_xml(report, session.rules, session.masker, fail_on)
    from sanqu_cli.report.json_report import dumps, report_dict

    return dumps(report_dict(report, session.rules, session.masker)) + "\n"
# --- reports (end) ---


def validate(
    files: Annotated[list[str], typer.Argument(help="要检查的文件、文件夹（递归查找表格文件）或通配符，如 提交/*.xlsx。",
                                                metavar="文件", show_default=False)],
    kind: Annotated[Optional[str], typer.Option("--kind", help="强制按这种表格类型检查（默认自动识别），如 roster。",
                                                metavar="类型")] = None,
    sheet: SheetOption = None,
    year: YearOption = None,
    plan: Annotated[bool, typer.Option("--plan", help="按年初计划检查：服务天数不足只作警告（默认按年末实绩，作错误）。")] = False,
    output_format: FormatOption = None,
    fail_on: FailOnOption = FailOn.error,
    output: OutputOption = None,
    annotate: AnnotateOption = None,
    force: ForceOption = False,
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

        machine_format = _machine_format(output_format, output, force)
        if output is not None and output.resolve() in {path.resolve() for path in paths}:
            raise CannotRun(f"--output {output} 是要检查的文件之一，输入文件不会被覆盖。请换一个报告文件名。")

        details = {name: path for name, path in (("roster", roster), ("service_log", service_log),
                                                  ("training", training)) if path is not None}
        options = ValidateOptions(rules=session.rules, kind=kind, sheet=sheet, year=year, plan=plan, details=details,
                                  debug=debug)
        if history:
            options.history = expand_paths(history)
            if not options.history:
                raise CannotRun(f"--history 没有找到表格文件：{'、'.join(history)}。请检查路径或通配符。")
        report = validate_paths(paths, options)

        _emit_reports(session, report, machine_format, output, Severity(fail_on.value), annotate, force)

        # stderr, so that the reason for exit code 2 is visible whatever goes to stdout.
        unreadable = [file.path for file in report.files if not file.readable]
        if unreadable:
            session.err.print(f"无法读取或无法识别的文件（退出码 2）：{'、'.join(unreadable)}", markup=False)
        code = report.exit_code(Severity(fail_on.value))
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)
