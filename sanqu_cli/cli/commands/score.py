"""`sanqu score FILE…`: score a batch of 附件2 sheets, grade within the 优秀 quota, write the results."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from sanqu_cli.cli.options import (
    DebugOption,
    ForceOption,
    HistoryOption,
    OutputFormat,
    RulesOption,
    SheetOption,
    ShowPiiOption,
    VerboseOption,
    YearOption,
)
from sanqu_cli.cli.runtime import CannotRun, guard, start

ORDER = 20


def score(
    files: Annotated[list[str], typer.Argument(help="评分表文件、文件夹（递归查找）或通配符，如 评分表/*.xlsx；全部作为一批评分。",
                                                metavar="文件", show_default=False)],
    out: Annotated[Path, typer.Option("--out", help="输出文件夹：考核汇总.xlsx、公示名单.xlsx 和每人一份的评分表。",
                                      metavar="文件夹")],
    roster: Annotated[Optional[Path], typer.Option("--roster", help="花名册：按身份证号对应人员，核对三方协议和服务天数，"
                                                   "并按花名册人数计算优秀名额。", metavar="文件")] = None,
    sheet: SheetOption = None,
    year: YearOption = None,
    force: ForceOption = False,
    output_format: Annotated[OutputFormat, typer.Option("--format", help="输出格式：text（默认，中文表格）或 json。")]
    = OutputFormat.text,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="不显示进度条。")] = False,
    history: HistoryOption = None,
    rules: RulesOption = None,
    show_pii: ShowPiiOption = False,
    verbose: VerboseOption = 0,
    debug: DebugOption = False,
) -> None:
    """批量计算附件2绩效考核评分表的得分，按各选派单位的优秀名额（比例见规则集）确定考核等次。

    退出码：0 没有错误；1 有错误（如得分与数量不符）；2 有文件无法读取或无法运行。
    """
    session = start(rules, show_pii, verbose, debug)
    with guard(debug):
        from sanqu_cli.render.score_outputs import TEMPLATE_NAME, write_outputs
        from sanqu_cli.report.score_report import exit_code, print_score, score_dict
        from sanqu_cli.resources import templates_dir
        from sanqu_cli.score import load_roster
        from sanqu_cli.validate import expand_paths

        paths = expand_paths(files)
        if not paths:
            raise CannotRun(f"没有找到评分表文件：{'、'.join(files)}。请检查路径或通配符。")
        missing = [str(path) for path in paths if not path.exists()]
        if len(missing) == len(paths):
            raise CannotRun(f"找不到文件：{'、'.join(missing)}。请检查路径。")
        index = load_roster(roster, session.rules, year) if roster else None

        show_bar = not quiet and sys.stderr.isatty()
        result = _run(paths, session, index, year, sheet, show_bar)
        if not result.people:
            # Say why for each file: a damaged file, a form without a name, a table of another kind.
            reasons = [f"{file.path}：{file.findings[0].code} {file.findings[0].message}"
                       for file in result.report.files if file.findings]
            raise CannotRun("这些文件中没有读到任何评分表（附件2格式或每人一行的评分汇总表）。"
                            + ("\n" + "\n".join(reasons) if reasons else "")
                            + "\n请用 sanqu inspect 查看文件的读取情况。")

        batch_year = year or (index.year if index else None) or next((p.sheet.year for p in result.people
                                                                      if p.sheet.year), None)
        if history:
            _apply_history(result, index, history, session.rules, batch_year)
        written = write_outputs(out, result, session.rules, session.masker, templates_dir() / TEMPLATE_NAME,
                                batch_year, force)
        outputs = {"summary": str(written.summary), "notice": str(written.notice), "forms": len(written.forms),
                   "forms_dir": str(out / "评分表")}
        if output_format == OutputFormat.json:
            from sanqu_cli.report.json_report import dumps

            typer.echo(dumps(score_dict(result, session.rules, session.masker, outputs)))
        else:
            print_score(session.out, result, session.rules, session.masker)
            session.out.print(f"已写出：{written.summary}、{written.notice}，以及 {len(written.forms)} 份评分表"
                              f"（在 {out / '评分表'}）。", markup=False)
        code = exit_code(result)
    raise typer.Exit(code)


def _apply_history(result, index, history: list[str], rules, year: int | None) -> None:
    """P150/P151 for this year's roster, with this batch's computed 等次 as this year's grades."""
    from sanqu_cli.checks.history import apply_history
    from sanqu_cli.score import normal_id
    from sanqu_cli.validate import expand_paths

    if index is None or index.read is None:
        raise CannotRun("--history 需要同时给出 --roster：历年结果按花名册上的身份证号比对。")
    paths = expand_paths(history)
    if not paths:
        raise CannotRun(f"--history 没有找到表格文件：{'、'.join(history)}。请检查路径或通配符。")
    grades = {}
    for person in result.people:
        number = normal_id(person.roster.get("id_number")) if person.roster is not None else None
        if number and person.grade:
            grades[number] = person.grade
    result.report.files.extend(apply_history([index.read], result.report.files, rules, paths, grades=grades, year=year))


def _run(paths, session, index, year, sheet, show_bar):
    from sanqu_cli.score import score_paths

    if not show_bar:
        return score_paths(paths, session.rules, roster=index, year=year, sheet=sheet)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("评分"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=session.err, transient=True) as progress:
        task = progress.add_task("评分", total=len(paths))
        return score_paths(paths, session.rules, roster=index, year=year, sheet=sheet,
                           progress=lambda path: progress.advance(task))


def register(app: typer.Typer) -> None:
    app.command("score")(score)
