"""Write a simple office table on a sheet: a merged title row, one header row, data rows, 注 lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sanqu_cli.render.xlsx import set_value

# Columns kept as text so that Excel never turns an 18-digit ID into 5.40102E+17.
TEXT_HEADERS = ("身份证号", "联系电话")


def write_titled_table(sheet: Any, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]],
                       *, notes: Sequence[str] = (), widths: Sequence[int] = ()) -> None:
    """Fill an openpyxl worksheet: title in row 1, headers in row 2, data from row 3, then the notes."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    last = get_column_letter(len(headers))
    sheet["A1"] = title
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.merge_cells(f"A1:{last}1")
    for column, header in enumerate(headers, start=1):
        sheet.cell(row=2, column=column, value=header).font = Font(bold=True)

    text_columns = {index for index, header in enumerate(headers, start=1) if header in TEXT_HEADERS}
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=3 + offset, column=column)
            set_value(cell, value)
            if column in text_columns:
                cell.number_format = "@"
            elif isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"

    for offset, note in enumerate(notes):
        sheet.cell(row=3 + len(rows) + offset, column=1, value=note)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A3"
