"""Measure the used range of each .ods sheet before calamine loads it.

OpenDocument compresses a run of equal cells or rows into one element with
table:number-columns-repeated or table:number-rows-repeated. LibreOffice writes such runs for
the empty cells up to the last column and the empty rows down to the last row, and calamine
skips those. A run of cells with a value is expanded into a dense range, so a 2 KB file with one
value repeated 1,000 × 90,000 times would fill 90 million cells. calamine 0.37 refuses only
ranges over 100 million cells; this scan applies the [limits] settings first.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

from sanqu_cli.workbook.sniff import WorkbookError

_CHUNK = 1 << 20
_TAG = re.compile(rb"<(/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(/?)>")
_NAME = re.compile(rb'table:name="([^"]*)"')
_COLUMNS_REPEATED = re.compile(rb'table:number-columns-repeated="([0-9]+)"')
_ROWS_REPEATED = re.compile(rb'table:number-rows-repeated="([0-9]+)"')


@dataclass
class _Sheet:
    name: str = ""
    row: int = 0  # rows before the current row element
    row_repeat: int = 1
    column: int = 0  # columns before the current cell in the current row
    row_has_value: bool = False
    max_row: int = 0
    max_column: int = 0


def _repeat(pattern: re.Pattern, attributes: bytes) -> int:
    found = pattern.search(attributes)
    return max(1, int(found.group(1))) if found else 1


def _check(sheet: _Sheet, limits) -> None:
    if sheet.max_row > limits.max_rows or sheet.max_row * sheet.max_column > limits.max_cells:
        raise WorkbookError(
            "F009",
            f"工作表“{sheet.name}”中重复的单元格使表格范围达到 {sheet.max_row} 行 × {sheet.max_column} 列，"
            f"超过上限（{limits.max_rows} 行、{limits.max_cells} 个单元格），未读取。"
            "请删除多余的内容后另存再提交。",
            sheet=sheet.name,
        )


def _handle(match: re.Match, sheet: _Sheet, limits) -> _Sheet:
    closing, element, attributes, self_closed = match.groups()
    if element == b"table" and not closing:
        name = _NAME.search(attributes)
        return _Sheet(name=name.group(1).decode("utf-8", errors="replace") if name else "")
    if element == b"table-row":
        if closing or self_closed:
            if sheet.row_has_value:
                sheet.max_row = max(sheet.max_row, sheet.row + sheet.row_repeat)
                _check(sheet, limits)
            sheet.row += sheet.row_repeat
            sheet.row_repeat, sheet.column, sheet.row_has_value = 1, 0, False
        else:
            sheet.row_repeat = _repeat(_ROWS_REPEATED, attributes)
        return sheet
    if element in (b"table-cell", b"covered-table-cell") and not closing:
        repeat = _repeat(_COLUMNS_REPEATED, attributes)
        if b"office:value-type=" in attributes or not self_closed:
            sheet.row_has_value = True
            sheet.max_column = max(sheet.max_column, sheet.column + repeat)
        sheet.column += repeat
    return sheet


def check_ods_extent(path, limits) -> None:
    """Stream content.xml of an .ods file and raise F009 when a sheet's used range exceeds the limits."""
    sheet = _Sheet()
    carry = b""
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as stream:
            while chunk := stream.read(_CHUNK):
                buffer = carry + chunk
                end = buffer.rfind(b">") + 1
                for match in _TAG.finditer(buffer, 0, end):
                    sheet = _handle(match, sheet, limits)
                carry = buffer[end:]
    except KeyError:
        return  # no content.xml: calamine reports the damaged file
