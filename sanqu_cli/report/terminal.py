"""The terminal report: findings grouped by file and sheet, with 单元格 addresses, in Chinese."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from sanqu_cli.findings import FileReport, Finding, Report, Severity
from sanqu_cli.pii import Masker
from sanqu_cli.schema import KIND_LABELS

_STYLE = {Severity.error: "bold red", Severity.warning: "yellow", Severity.info: "cyan"}


def _findings_table(findings: list[Finding], masker: Masker) -> Table:
    table = Table(show_header=True, header_style="bold", expand=False, pad_edge=False)
    table.add_column("单元格", no_wrap=True)
    table.add_column("代码", no_wrap=True)
    table.add_column("级别", no_wrap=True)
    table.add_column("列")
    table.add_column("值")
    table.add_column("说明", ratio=1, overflow="fold")
    for finding in findings:
        table.add_row(
            finding.cell or (f"第{finding.row}行" if finding.row else "—"),
            finding.code,
            f"[{_STYLE[finding.severity]}]{finding.severity.label}[/]",
            escape(finding.column or ""),
            escape(masker.value(finding.value, finding.personal) or ""),
            escape(masker.text(finding.message) or ""),
        )
    return table


def _file_heading(file: FileReport) -> str:
    parts = [f"[bold]{escape(file.path)}[/]"]
    if file.kind:
        parts.append(f"类型：{KIND_LABELS.get(file.kind, file.kind)}")
    if file.sheet:
        parts.append(f"工作表：{escape(file.sheet)}")
    if file.header_row:
        parts.append(f"表头在第 {file.header_row} 行")
    if file.kind:
        parts.append(f"记录 {file.records} 条")
    if file.year:
        parts.append(f"年度 {file.year}（取自{file.year_source}）")
    return "  ".join(parts)


def print_file(console: Console, file: FileReport, masker: Masker) -> None:
    console.print(_file_heading(file))
    for note in file.notes:
        console.print(f"  [dim]{escape(masker.text(note) or '')}[/]")
    for skipped in file.skipped_checks:
        console.print(f"  [dim]未检查 {escape(skipped)}[/]")

    if not file.findings:
        console.print("  [green]未发现问题。[/]")
        return
    # Findings without a sheet (the file itself) first, then each sheet in turn.
    for sheet, group in groupby(file.findings, key=lambda finding: finding.sheet or ""):
        if sheet:
            console.print(f"  工作表“{escape(sheet)}”")
        console.print(_findings_table(list(group), masker))


def summary_line(report: Report) -> str:
    summary = report.summary()
    unreadable = sum(1 for file in report.files if not file.readable)
    line = (f"共检查 {summary['files']} 个文件、{summary['records']} 条记录：错误 {summary['error']} 条，"
            f"警告 {summary['warning']} 条，提示 {summary['info']} 条")
    if unreadable:
        line += f"；{unreadable} 个文件无法读取"
    return line + "。"


def print_report(console: Console, report: Report, masker: Masker) -> None:
    for file in report.files:
        print_file(console, file, masker)
        console.print()
    if len(report.files) > 1:
        table = Table(title="各文件汇总", header_style="bold")
        for title in ("文件", "类型", "记录", "错误", "警告", "提示", "状态"):
            table.add_column(title)
        for file in report.files:
            status = "通过"
            if not file.readable:
                status = "无法读取"
            elif file.count(Severity.error):
                status = "有错误"
            table.add_row(escape(file.path), KIND_LABELS.get(file.kind or "", "—"), str(file.records),
                          str(file.count(Severity.error)), str(file.count(Severity.warning)),
                          str(file.count(Severity.info)), status)
        console.print(table)
    console.print(summary_line(report))
