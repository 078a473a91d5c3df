"""Read Excel's "XML 表格 2003" (SpreadsheetML) files.

Web systems built on .NET and Java export this format under an .xls name, and Excel and WPS
still save it as "XML 表格 2003". It is plain XML, parsed here with defusedxml, so a file with
a DTD or entity declarations is rejected instead of expanded.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from sanqu_cli.workbook.sniff import WorkbookError

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
_EXCEL = "{urn:schemas-microsoft-com:office:excel}"

Range = tuple[tuple[int, int], tuple[int, int]]


def _index(element: Element, previous: int) -> int:
    """Return the 0-based position of a Row or Cell: its ss:Index when given, else one after the previous."""
    given = element.get(f"{_SS}Index")
    return int(given) - 1 if given and given.isdigit() and int(given) > 0 else previous + 1


def _span(cell: Element, name: str) -> int:
    given = cell.get(f"{_SS}{name}") or ""
    return int(given) if given.isdigit() else 0


def _value(cell: Element) -> Any:
    data = cell.find(f"{_SS}Data")
    if data is None:
        return ""
    text = "".join(data.itertext())
    kind = data.get(f"{_SS}Type")
    try:
        if kind == "Number":
            return float(text)
        if kind == "DateTime":
            return dt.datetime.fromisoformat(text.rstrip("Z")[:19])
        if kind == "Boolean":
            return text.strip() == "1"
    except ValueError:
        return text
    return text


def _read_table(table: Element, sheet: str, max_rows: int, max_cells: int) -> tuple[list[list[Any]], list[Range]]:
    rows: list[list[Any]] = []
    merged: list[Range] = []
    row_index = -1
    for row in table.iter(f"{_SS}Row"):
        row_index = _index(row, row_index)
        column = -1
        values: list[Any] = []
        for cell in row.iter(f"{_SS}Cell"):
            column = _index(cell, column)
            across, down = _span(cell, "MergeAcross"), _span(cell, "MergeDown")
            if row_index >= max_rows or (row_index + 1) * (column + across + 1) > max_cells:
                raise WorkbookError("F009", f"工作表“{sheet}”在第 {row_index + 1} 行、第 {column + 1} 列还有内容，"
                                            f"超过上限（{max_rows} 行、{max_cells} 个单元格），未读取。请拆分后提交。",
                                    sheet=sheet)
            values.extend([""] * (column - len(values)))
            values.append(_value(cell))
            if across or down:
                merged.append(((row_index, column), (row_index + down, column + across)))
            column += across
        rows.extend([] for _ in range(row_index + 1 - len(rows)))
        rows[row_index] = values
    return rows, merged


def read_spreadsheet_xml(path: Path, max_rows: int, max_cells: int) -> list[tuple[str, list[list[Any]], list[Range], bool]]:
    """Return (sheet name, rows, merged ranges, visible) for each worksheet of a SpreadsheetML file."""
    try:
        root = fromstring(path.read_bytes(), forbid_dtd=True)
    except DefusedXmlException:
        raise WorkbookError("F001", "文件含有 XML 实体声明（DTD），Excel 不会写出这种内容，疑似“XML 炸弹”，未读取。") from None
    except (ParseError, ValueError):
        raise WorkbookError("F001", "文件是“XML 表格 2003”格式，但内容不完整或已损坏，无法读取。"
                                    "请用 Excel 或 WPS 打开后另存为 .xlsx 再提交。") from None

    sheets = []
    for number, worksheet in enumerate(root.iter(f"{_SS}Worksheet"), start=1):
        name = worksheet.get(f"{_SS}Name") or f"Sheet{number}"
        table = worksheet.find(f"{_SS}Table")
        rows, merged = _read_table(table, name, max_rows, max_cells) if table is not None else ([], [])
        options = worksheet.find(f"{_EXCEL}WorksheetOptions")
        visible = options is None or options.find(f"{_EXCEL}Visible") is None
        width = max((len(row) for row in rows), default=0)
        sheets.append((name, [row + [""] * (width - len(row)) for row in rows], merged, visible))
    return sheets
