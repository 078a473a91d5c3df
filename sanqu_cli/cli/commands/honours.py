"""`sanqu honours --roster FILE --history PATH… --out DIR`: the 荣誉证书名单 of the year."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from sanqu_cli.cli.options import (
    DebugOption,
    ForceOption,
    HistoryOption,
    OutDirOption,
    OutputFormat,
    RulesOption,
    ShowPiiOption,
    VerboseOption,
    YearOption,
)
from sanqu_cli.cli.runtime import CannotRun, guard, print_read_findings, start

ORDER = 50


def honours(
    roster: Annotated[Path, typer.Option("--roster", help="本年度花名册。", metavar="文件", show_default=False)],
    out: OutDirOption,
    more_history: Annotated[Optional[list[str]], typer.Argument(
        help="更多历年结果文件（与 --history 相同，便于写 --history 历年/*.xlsx）。", metavar="历年文件",
        show_default=False)] = None,
    history: HistoryOption = None,
    scores: Annotated[Optional[Path], typer.Option(
        "--scores", help="本年度考核汇总（sanqu score 生成的 考核汇总.xlsx，需带 --show-pii 生成）；"
                         "不给时用花名册的“考核等次”列。", metavar="文件")] = None,
    year: YearOption = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", help="输出格式：text（默认）或 json。")]
    = OutputFormat.text,
    force: ForceOption = False,
    rules: RulesOption = None,
    show_pii: ShowPiiOption = False,
    verbose: VerboseOption = 0,
    debug: DebugOption = False,
) -> None:
    """生成本年度荣誉证书名单（《办法》第三十四条(一)）：本年度优秀，或连续三年合格及以上。

    写出 荣誉证书名单.xlsx：第一个工作表是名单，“待核实”工作表列出因缺少某年度考核结果而暂未列入的人员。
    退出码：0 已写出；1 已写出，但有单元格无法读取；2 无法运行（文件无法读取、没有本年度考核等次、输出文件已存在等）。
    """
    session = start(rules, show_pii, verbose, debug)
    with guard(debug):
        from sanqu_cli.honours import build_honours
        from sanqu_cli.render.honours import HONOURS_FILE, write_honours
        from sanqu_cli.validate import expand_paths

        given = [*(history or []), *(more_history or [])]
        history_paths = expand_paths(given)
        missing = [str(path) for path in history_paths if not path.exists()]
        if missing:
            raise CannotRun(f"找不到历年结果文件：{'、'.join(missing)}。请检查 --history 后的路径。")

        result = build_honours(roster, history_paths, session.rules, scores_path=scores, year=year)
        target = write_honours(out / HONOURS_FILE, result.year, result.honoured, result.pending, session.rules,
                               session.masker, force)

        if output_format == OutputFormat.json:
            from sanqu_cli.report.honours import dumps, honours_dict

            typer.echo(dumps(honours_dict(result, target, session.rules, session.masker)))
        else:
            from sanqu_cli.report.honours import print_honours

            print_honours(session.out, result, target, session.masker)
        # Reading errors (a formula without its value, a damaged roster cell) leave people out.
        reading = [finding for finding in result.findings if finding.code.startswith("F")]
        code = print_read_findings(session, reading)
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command("honours")(honours)
