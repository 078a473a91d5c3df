"""`sanqu template KIND --out FILE`: a blank input workbook with dropdowns and text ID columns."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from sanqu_cli.cli.options import DebugOption, ForceOption, RulesOption, VerboseOption
from sanqu_cli.cli.runtime import CannotRun, guard, start

ORDER = 5


def template(
    kind: Annotated[str, typer.Argument(
        help="模板类型：roster（花名册）、score-sheet（附件2 评分表）、service-log（服务日志）、"
             "training（集中培训：培训班与学员名单）、expenses（经费支出明细）、dispatch-results（附件4）、"
             "training-results（附件5），也可用表格类型代码。",
        metavar="类型", show_default=False)],
    out: Annotated[Path, typer.Option("--out", help="输出文件（.xlsx）。", metavar="文件")],
    force: ForceOption = False,
    rules: RulesOption = None,
    verbose: VerboseOption = 0,
    debug: DebugOption = False,
) -> None:
    """生成空白的录入表格：标准表头、填表说明、下拉列表，身份证号和电话列为文本格式。"""
    session = start(rules, False, verbose, debug)
    with guard(debug):
        import shutil

        from sanqu_cli.outputs import atomic_output
        from sanqu_cli.render.input_template import COPIED_TEMPLATES, write_input_template
        from sanqu_cli.resources import templates_dir

        if out.suffix.lower() != ".xlsx":
            raise CannotRun(f"输出文件 {out} 的扩展名应为 .xlsx。")

        if kind in COPIED_TEMPLATES:
            file_name = COPIED_TEMPLATES[kind][0]
            source = templates_dir() / file_name
            if not source.is_file():
                raise CannotRun(f"本版本没有附带模板 {file_name}（应在 {templates_dir()} 中），安装可能不完整。"
                                "请重新安装 sanqu，或使用本单位的表格。")
            with atomic_output(out, force) as temp:
                shutil.copyfile(source, temp)
            session.out.print(f"已生成{file_name.removesuffix('.xlsx')}模板：{escape(str(out))}")
        else:
            with atomic_output(out, force) as temp:
                sheets = write_input_template(kind, temp, session.rules)
            session.out.print(f"已生成空白表格：{escape(str(out))}（工作表：{escape('、'.join(sheets))}；"
                              "填写要求见“填表说明”工作表）")
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    app.command("template")(template)
