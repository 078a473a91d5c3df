"""Annotated copies of checked workbooks (`sanqu validate --annotate DIR`).

A clerk sends the submitting unit its own workbook back with the faulty cells marked. Each
such cell is filled (red for 错误, yellow for 警告, blue for 提示) and gets a Chinese comment
with code and message. A first sheet 校验结果 lists every finding with a link to its cell.

An .xlsx/.xlsm file is loaded with openpyxl without `data_only`, so formulas, merged cells,
number formats and column widths are saved back as they were. Other inputs (.xls, .csv,
.ods, HTML saved as .xls) are written as a new .xlsx that contains their values only.
The original file is only read, never written.

NOTE: openpyxl (3.1) does not keep images, charts or shapes when it saves a workbook, so a
copy of a workbook that has them (a scanned 公章, say) lacks them. The cell data is unaffected.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from sanqu_cli.errors import CannotRun
from sanqu_cli.findings import FileReport, Finding, Severity
from sanqu_cli.outputs import atomic_output, check_writable
from sanqu_cli.pii import Masker
from sanqu_cli.render.xlsx import set_value
from sanqu_cli.report.junit import place_text
from sanqu_cli.workbook.grid import ReadLimits, open_book
from sanqu_cli.workbook.sniff import FileType, sniff

RESULTS_SHEET = "校验结果"
SUFFIX = "-校验标注"
# The red and yellow of Excel's "Light Red Fill" and "Yellow Fill" conditional-formatting presets, and a
# light blue, so the cell text stays legible.
FILLS = {
    Severity.error: PatternFill("solid", fgColor="FFC7CE"),
    Severity.warning: PatternFill("solid", fgColor="FFEB9C"),
    Severity.info: PatternFill("solid", fgColor="DDEBF7"),
}
RESULTS_HEADERS = ["序号", "位置", "代码", "级别", "列", "值", "说明"]
RESULTS_WIDTHS = [6, 18, 8, 8, 16, 24, 90]
COMMENT_AUTHOR = "sanqu"


@dataclass
class AnnotatedFile:
    """One annotated copy: where it came from, where it went, and what the clerk should know."""

    source: Path
    target: Path
    comments: int
    findings: int
    converted: bool


def describe_copy(copy: AnnotatedFile) -> str:
    """Return the message that reports where an annotated copy was written and what it contains."""
    line = f"已写入标注副本：{copy.target}（批注 {copy.comments} 个单元格，问题 {copy.findings} 条）"
    if copy.converted:
        line += "；原文件不是 .xlsx，副本只保留了单元格的值"
    return line


def target_path(source: Path, folder: Path, reserved: set[Path]) -> Path:
    """Return the copy's path in `folder`: 花名册-校验标注.xlsx (.xlsm kept), numbered when two inputs share a name."""
    suffix = ".xlsm" if source.suffix.lower() == ".xlsm" and sniff(source) == FileType.xlsx else ".xlsx"
    target = folder / f"{source.stem}{SUFFIX}{suffix}"
    number = 2
    while target.resolve() in reserved:
        target = folder / f"{source.stem}{SUFFIX}-{number}{suffix}"
        number += 1
    reserved.add(target.resolve())
    return target


def plan_targets(files: list[FileReport], folder: Path, force: bool) -> list[tuple[FileReport, Path]]:
    """Choose a target for each readable file with findings, and check them all before anything is written."""
    if folder.exists() and not folder.is_dir():
        raise CannotRun(f"--annotate 后面应是文件夹，但 {folder} 是一个文件。请换一个文件夹。")
    # An input never becomes a target, even when an earlier run's copies are checked again.
    reserved = {Path(file.path).resolve() for file in files}
    plan = []
    for file in files:
        if not file.readable or not file.findings:
            continue
        source = Path(file.path)
        target = target_path(source, folder, reserved)
        check_writable(target, force)
        plan.append((file, target))
    return plan


def _comment_text(findings: list[Finding], masker: Masker) -> str:
    lines = [f"{finding.code}（{finding.severity.label}）：{masker.text(finding.message)}" for finding in findings]
    return "\n".join(lines)


def _mark_cells(book: Workbook, findings: list[Finding], masker: Masker) -> int:
    """Fill and comment every cell that findings name; return how many comments were written."""
    by_cell: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.sheet in book.sheetnames and finding.cell:
            by_cell[(finding.sheet, finding.cell)].append(finding)

    for (sheet, coordinate), group in by_cell.items():
        cell = book[sheet][coordinate]
        worst = max(group, key=lambda finding: finding.severity.rank).severity
        cell.fill = FILLS[worst]
        text = _comment_text(group, masker)
        # A comment the clerk wrote is kept below ours, because a cell holds only one comment.
        if cell.comment is not None and cell.comment.author != COMMENT_AUTHOR:
            text += f"\n——原批注：{cell.comment.text}"
        lines = text.count("\n") + 1 + len(text) // 30
        cell.comment = Comment(text, COMMENT_AUTHOR, height=min(40 + 18 * lines, 400), width=320)
    return len(by_cell)


def _write_results_sheet(book: Workbook, findings: list[Finding], masker: Masker, note: str | None) -> None:
    sheet = book.create_sheet(RESULTS_SHEET, 0)
    book.active = 0
    row = 1
    if note:
        sheet.cell(row=1, column=1, value=note).font = Font(bold=True, color="9C0006")
        row = 2

    for column, (title, width) in enumerate(zip(RESULTS_HEADERS, RESULTS_WIDTHS), start=1):
        sheet.cell(row=row, column=column, value=title).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1)

    for number, finding in enumerate(findings, start=1):
        row += 1
        place = sheet.cell(row=row, column=2)
        set_value(place, place_text(finding))
        target = _link_target(book, finding)
        if target:
            place.hyperlink = Hyperlink(ref=place.coordinate, location=target, display=place_text(finding))
            place.font = Font(color="0563C1", underline="single")
        sheet.cell(row=row, column=1, value=number)
        sheet.cell(row=row, column=3, value=finding.code).fill = FILLS[finding.severity]
        sheet.cell(row=row, column=4, value=finding.severity.label)
        set_value(sheet.cell(row=row, column=5), finding.column)
        set_value(sheet.cell(row=row, column=6), masker.text(finding.value))
        set_value(sheet.cell(row=row, column=7), masker.text(finding.message))


def _link_target(book: Workbook, finding: Finding) -> str | None:
    """Return the in-workbook link for a finding: its cell, or column A of its row, or None."""
    if finding.sheet not in book.sheetnames or not finding.row:
        return None
    quoted = "'" + finding.sheet.replace("'", "''") + "'"
    return f"{quoted}!{finding.cell or f'A{finding.row}'}"


def _copy_values(source: Path, limits: ReadLimits) -> Workbook:
    """Build an .xlsx workbook with the values of a non-xlsx input, sheet by sheet, merged ranges kept."""
    book = Workbook()
    book.remove(book.active)
    for grid in open_book(source, limits).sheets:
        sheet = book.create_sheet(grid.name[:31])
        for row_index, row in enumerate(grid.rows, start=1):
            for column_index, value in enumerate(row, start=1):
                if value is not None and value != "":
                    set_value(sheet.cell(row=row_index, column=column_index), value)
        for (first_row, first_col), (last_row, last_col) in grid.merged:
            sheet.merge_cells(start_row=first_row + 1, start_column=first_col + 1,
                              end_row=last_row + 1, end_column=last_col + 1)
        if not grid.visible:
            sheet.sheet_state = "hidden"
    return book


def annotate_file(file: FileReport, target: Path, masker: Masker, limits: ReadLimits,
                  force: bool = False) -> AnnotatedFile:
    """Write the annotated copy of one checked file to `target` (atomically)."""
    source = Path(file.path)
    converted = sniff(source) != FileType.xlsx
    if converted:
        book = _copy_values(source, limits)
        note = (f"原文件 {source.name} 不是 .xlsx 格式，这份标注副本另存为 .xlsx，只保留了单元格的值，"
                "没有保留原文件的格式和公式。请在原文件中修改后重新提交。")
    else:
        book = load_workbook(source, keep_vba=target.suffix == ".xlsm", keep_links=True)
        note = None

    comments = _mark_cells(book, file.findings, masker)
    _write_results_sheet(book, file.findings, masker, note)
    with atomic_output(target, force) as temp:
        book.save(temp)
    return AnnotatedFile(source=source, target=target, comments=comments, findings=len(file.findings),
                         converted=converted)


def annotate_all(plan: list[tuple[FileReport, Path]], masker: Masker, limits: ReadLimits,
                 force: bool = False) -> list[AnnotatedFile]:
    """Write the annotated copies that `plan_targets` planned, in order."""
    return [annotate_file(file, target, masker, limits, force) for file, target in plan]
