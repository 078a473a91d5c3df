"""`sanqu inspect FILE`: show how a workbook was read, so a clerk can see why a column was missed."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.table import Table

from sanqu_cli.cli.options import DebugOption, OutputFormat, RulesOption, SheetOption, ShowPiiOption, VerboseOption, YearOption
from sanqu_cli.cli.runtime import CannotRun, guard, start

ORDER = 20

_ROW_KINDS = {"blank": "空行", "total": "合计行", "note": "注释行", "form": "填表人等说明行", "repeated_header": "重复的表头"}


def inspect(
    file: Annotated[str, typer.Argument(help="要查看的表格文件。", metavar="文件", show_default=False)],
    kind: Annotated[Optional[str], typer.Option("--kind", help="按这种表格类型读取（默认自动识别）。", metavar="类型")] = None,
    sheet: SheetOption = None,
    year: YearOption = None,
    limit: Annotated[int, typer.Option("--limit", help="终端中最多显示多少条记录（JSON 输出全部记录）。", min=0)] = 10,
    output_format: Annotated[OutputFormat, typer.Option("--format", help="输出格式：text 或 json。")] = OutputFormat.text,
    rules: RulesOption = None,
    show_pii: ShowPiiOption = False,
    verbose: VerboseOption = 0,
    debug: DebugOption = False,
) -> None:
    """查看文件是怎样读取的：用了哪个工作表、表头在哪一行、每列对应哪个字段、读出的记录。"""
    session = start(rules, show_pii, verbose, debug)
    with guard(debug):
        from pathlib import Path

        from sanqu_cli.inspection import describe_read
        from sanqu_cli.schema import KINDS
        from sanqu_cli.validate import ValidateOptions, read_file

        if kind is not None and kind not in KINDS:
            raise CannotRun(f"未知的表格类型“{kind}”。可用的类型：{'、'.join(KINDS)}。")
        read = read_file(Path(file), ValidateOptions(rules=session.rules, kind=kind, sheet=sheet, year=year))

        if output_format == OutputFormat.json:
            from sanqu_cli.report.json_report import dumps, finding_dict

            data = describe_read(read, session.masker)
            data["findings"] = [finding_dict(finding, session.masker) for finding in read.findings]
            typer.echo(dumps(data))
        else:
            _print(session, describe_read(read, session.masker, limit), read)
    raise typer.Exit(0 if read.readable else 2)


def _print(session, data: dict, read) -> None:
    out = session.out
    out.print(f"[bold]{escape(data['path'])}[/]")
    if not data["readable"]:
        for finding in read.findings:
            out.print(f"[red]{finding.code}[/] {escape(session.masker.text(finding.message))}")
        return

    out.print(f"类型：{data['kind_label']}（{data['kind']}）  工作表：{escape(data['sheet'] or '')}  "
              f"表头行：{'、'.join(str(row) for row in data['header_rows'])}")
    if data["year"]:
        out.print(f"年度：{data['year']}（取自{data['year_source']}）")
    for note in data["notes"]:
        out.print(f"[dim]{escape(note)}[/]")

    table = Table(title="表头与字段的对应", header_style="bold")
    for title in ("列", "表头", "读作", "字段代码"):
        table.add_column(title)
    for column in data["columns"]:
        label = column["field_label"] or "[yellow]未识别，已忽略[/]"
        table.add_row(column["column"], escape(column["header"]), label, column["field"] or "")
    out.print(table)
    if data["missing_labels"]:
        out.print(f"表中没有这些列：{'、'.join(data['missing_labels'])}")
    skipped = "，".join(f"{_ROW_KINDS.get(kind, kind)} {count} 行" for kind, count in data["skipped_rows"].items())
    out.print(f"数据记录 {data['records_total']} 条" + (f"；跳过 {skipped}" if skipped else ""))

    # Problems met while reading (F007 formulas without values, F005 missing columns) explain gaps above.
    for finding in read.findings:
        place = f"{finding.sheet}!{finding.cell}" if finding.cell else (finding.sheet or "")
        out.print(f"[yellow]{finding.code}[/] {escape(place)} {escape(session.masker.text(finding.message) or '')}")

    # One line per record reads at any terminal width, unlike a table of twenty columns.
    if data["records"]:
        from sanqu_cli.inspection import display_value, field_label

        columns = {column.field: column for column in read.spec.columns}
        out.print(f"前 {len(data['records'])} 条记录：")
        for record in data["records"]:
            parts = []
            for name, value in record["values"].items():
                parts.append(f"{field_label(read, name)}={display_value(columns.get(name), value)}")
            out.print(f"  第 {record['row']} 行：" + escape("；".join(parts)), soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("inspect")(inspect)
