"""`sanqu agreement ROSTER`: one 附件1 三方协议书 per person, filled from the roster."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from sanqu_cli.cli.options import DebugOption, ForceOption, OutDirOption, RulesOption, VerboseOption, YearOption
from sanqu_cli.cli.runtime import guard, print_read_findings, start

ORDER = 60

TEMPLATE_NAME = "附件1-三方协议书.docx"

TemplateOption = Annotated[
    Optional[Path],
    typer.Option("--template", help=f"使用本单位修改过的协议书模板（.docx），默认用随软件附带的 {TEMPLATE_NAME}。",
                 metavar="文件"),
]


def agreement(
    roster: Annotated[Path, typer.Argument(help="选派人员花名册（.xlsx/.xls/.csv）。", metavar="花名册", show_default=False)],
    out: OutDirOption,
    combined: Annotated[bool, typer.Option("--combined", help="所有人写进一个文件，每人一页（默认每人一个文件）。")] = False,
    template: TemplateOption = None,
    year: YearOption = None,
    force: ForceOption = False,
    rules: RulesOption = None,
    verbose: VerboseOption = 0,
    debug: DebugOption = False,
) -> None:
    """按花名册为每位选派人员生成《“三区”科技人才选派三方协议书》（附件1，Word 文件）。

    文件名为“序号-姓名-身份证后四位.docx”。协议书用于签字盖章，身份证号和电话完整显示。
    选派单位、受援单位的联系人、责任处室以及服务内容、预期目标花名册中没有，留空待填。
    """
    # 身份证号 stay unmasked in the documents (they are signed); the terminal still masks them.
    session = start(rules, False, verbose, debug)
    with guard(debug):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        from sanqu_cli.inputs import load_table
        from sanqu_cli.render.agreement import AgreementTemplate, id_digits_lost, write_agreements
        from sanqu_cli.resources import templates_dir

        read = load_table(roster, session.rules, "roster", label="花名册", year=year)
        document = AgreementTemplate(template or templates_dir() / TEMPLATE_NAME)
        # Each file takes tens of milliseconds (see benchmarks/documents.py), so a long roster
        # gets a progress bar on stderr.
        with Progress(TextColumn("生成协议书"), BarColumn(), MofNCompleteColumn(), console=session.err,
                      transient=True, disable=combined) as progress:
            task = progress.add_task("", total=len(read.records))
            files = write_agreements(read.records, read.year, document, out, combined=combined, force=force,
                                     on_written=lambda _path: progress.advance(task))

        if combined:
            session.out.print(f"已生成三方协议书 {len(read.records)} 份（合订为一个文件）：{escape(str(files[0]))}")
        else:
            session.out.print(f"已生成三方协议书 {len(files)} 份，保存在：{escape(str(out))}")
        lost = [record.ref("id_number") for record in read.records if id_digits_lost(record)]
        if lost:
            session.err.print(f"注意：{escape('、'.join(lost))} 的身份证号以数字形式保存，后几位已丢失，"
                              "协议书中身份证号一栏留空，请手工填写或改正花名册后重新生成。")
        code = print_read_findings(session, read.findings, roster)
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command("agreement")(agreement)
