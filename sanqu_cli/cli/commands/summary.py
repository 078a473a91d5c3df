"""`sanqu summary`: the 附件3 年度工作总结 draft with the figures from the workbooks written in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from sanqu_cli.cli.options import DebugOption, ForceOption, RulesOption, VerboseOption, YearOption
from sanqu_cli.cli.runtime import CannotRun, guard, print_read_findings, start

ORDER = 65



def summary(
    roster: Annotated[Path, typer.Option("--roster", help="选派人员花名册（必需）。", metavar="文件")],
    out: Annotated[Path, typer.Option("--out", help="输出的 Word 文件（.docx）。", metavar="文件")],
    scores: Annotated[Optional[Path], typer.Option("--scores", help="考核汇总表（sanqu score 生成的 考核汇总.xlsx），"
                                                   "用于考核结果分布。", metavar="文件")] = None,
    results: Annotated[Optional[Path], typer.Option("--results", help="选派工作成效统计表（附件4），用于服务成效数字。",
                                                    metavar="文件")] = None,
    training: Annotated[Optional[Path], typer.Option("--training", help="集中培训工作成效统计表（附件5），用于培训数字。",
                                                     metavar="文件")] = None,
    funds: Annotated[Optional[Path], typer.Option("--funds", help="补助测算表（sanqu funds 生成），用于经费数字；"
                                                  "不给时用花名册中的经费列。", metavar="文件")] = None,
    year: YearOption = None,
    force: ForceOption = False,
    rules: RulesOption = None,
    verbose: VerboseOption = 0,
    debug: DebugOption = False,
) -> None:
    """按附件3《工作总结编写提纲》生成年度工作总结初稿（Word），表格能给出的数字已填好。

    需要补写文字的地方标黄为“【请填写：…】”，表格中没有的数字写作“（待填写）”。
    总结字数控制在 3000 字左右，并附 1-2 个典型案例（各 1000 字左右）。
    """
    session = start(rules, False, verbose, debug)
    with guard(debug):
        from sanqu_cli.compute.annual_summary import collect_figures
        from sanqu_cli.outputs import atomic_output
        from sanqu_cli.render.summary_docx import write_summary

        if out.suffix.lower() != ".docx":
            raise CannotRun(f"输出文件 {out} 的扩展名应为 .docx。")
        figures = collect_figures(session.rules, roster, scores=scores, results=results, training=training,
                                  funds=funds, year=year)
        with atomic_output(out, force) as temp:
            write_summary(figures, temp)

        grades = figures.grades or {}
        session.out.print(f"已生成年度工作总结初稿：{escape(str(out))}")
        session.out.print(f"选派人数 {figures.people}，科技特派团 {figures.teams} 个，三方协议 {figures.agreements} 份"
                          + (f"，优秀 {grades['excellent']} 人" if grades else ""))
        for note in figures.missing:
            session.err.print(f"未填的数字：{escape(note)}")
        code = print_read_findings(session, figures.roster_findings, roster)
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command("summary")(summary)
