"""Reading workbooks: open safely, find the table, normalise cells, keep each cell's place.

This package uses nothing else of sanqu, so other programs can reuse it as it is.
"""

from sanqu_cli.workbook.cells import Cell, clean_text, column_letter, header_key, parse_date, parse_decimal, parse_whole
from sanqu_cli.workbook.grid import Book, ReadLimits, SheetGrid, open_book
from sanqu_cli.workbook.sniff import FileType, WorkbookError

__all__ = [
    "Book",
    "Cell",
    "FileType",
    "ReadLimits",
    "SheetGrid",
    "WorkbookError",
    "clean_text",
    "column_letter",
    "header_key",
    "open_book",
    "parse_date",
    "parse_decimal",
    "parse_whole",
]
