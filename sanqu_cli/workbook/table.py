"""Find the table on a sheet: its header row(s), its columns and its data rows.

Offices put a title row ("2024年度……"), 填表人/联系电话/单位(盖章) lines, one- or two-row
headers with merged group cells ("服务期" over "开始"/"结束"), a 合计 row and "注：" lines
around the data, and leave blank rows in the middle. The caller supplies the header
matcher, so this module depends on no table kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sanqu_cli.workbook.cells import clean_text, column_letter, header_key, is_blank
from sanqu_cli.workbook.grid import SheetGrid

# A matcher maps candidate header keys (most specific first) to a field name, or None.
Matcher = Callable[[Sequence[str]], "str | None"]

# Lines that stand above or below a table but are not data.
_FORM_LINE = re.compile(r"^(填表人|填报人|制表人|联系电话|联系人|审核人|负责人|选派单位\(盖章\)|培训单位\(盖章\)|单位\(盖章\)|单位名称\(盖章\)|盖章|日期|填表日期|填报日期)")
_TOTAL_LINE = re.compile(r"^(合\s*计|总\s*计|小\s*计|累\s*计)")
_NOTE_LINE = re.compile(r"^(注|备注|说明|填表说明)\s*[:：0-9.、]")


@dataclass
class Column:
    index: int
    letter: str
    header: str
    field: str | None


@dataclass
class TableLayout:
    sheet: str
    header_rows: list[int]  # 1-based
    columns: list[Column]
    data_rows: list[int]  # 0-based indices into the sheet grid
    preamble: list[str] = field(default_factory=list)
    skipped_rows: dict[str, int] = field(default_factory=dict)
    duplicates: list[tuple[Column, Column]] = field(default_factory=list)

    @property
    def fields(self) -> dict[str, Column]:
        """Map each matched field to its first column."""
        mapped: dict[str, Column] = {}
        for column in self.columns:
            if column.field and column.field not in mapped:
                mapped[column.field] = column
        return mapped


def _merged_value(grid: SheetGrid, row: int, col: int) -> Any:
    """Return the value shown in a cell, looking through merged ranges to their top-left cell."""
    value = grid.rows[row][col] if col < len(grid.rows[row]) else ""
    if value not in ("", None):
        return value
    for (r0, c0), (r1, c1) in grid.merged:
        if r0 <= row <= r1 and c0 <= col <= c1:
            return grid.rows[r0][c0] if c0 < len(grid.rows[r0]) else ""
    return value


def _is_vertical_merge(grid: SheetGrid, row: int, col: int) -> bool:
    """Tell whether the cell is covered by a range that also covers the row above."""
    return any(r0 < row <= r1 and c0 <= col <= c1 for (r0, c0), (r1, c1) in grid.merged)


def _row_headers(grid: SheetGrid, row: int, width: int, two_rows: bool) -> list[tuple[str, list[str]]]:
    """Return (display header, candidate keys) per column for a one- or two-row header."""
    headers = []
    for col in range(width):
        parent = clean_text(_merged_value(grid, row, col)) or ""
        if not two_rows:
            headers.append((parent, [header_key(parent)] if parent else []))
            continue

        child_raw = grid.rows[row + 1][col] if col < len(grid.rows[row + 1]) else ""
        child = "" if _is_vertical_merge(grid, row + 1, col) else (clean_text(child_raw) or "")
        if parent and child and parent != child:
            display = f"{parent}/{child}"
            keys = [header_key(display), header_key(parent + child), header_key(child), header_key(parent)]
        else:
            display = parent or child
            keys = [header_key(display)] if display else []
        headers.append((display, keys))
    return headers


def _match_columns(headers: list[tuple[str, list[str]]], match: Matcher) -> list[Column]:
    return [
        Column(index=col, letter=column_letter(col), header=display, field=match(keys) if keys else None)
        for col, (display, keys) in enumerate(headers)
    ]


def _score(columns: list[Column]) -> int:
    return len({column.field for column in columns if column.field})


def find_header(grid: SheetGrid, match: Matcher, search_rows: int = 20) -> tuple[int, bool, list[Column]] | None:
    """Find the header within the first `search_rows` rows: (0-based row, two-row?, columns)."""
    rows = grid.rows
    width = max((len(row) for row in rows[: search_rows + 1]), default=0)
    best: tuple[int, int, bool, list[Column]] | None = None

    for row in range(min(search_rows, len(rows))):
        one_row = _match_columns(_row_headers(grid, row, width, two_rows=False), match)
        score = _score(one_row)
        if score == 0:
            continue
        candidate = (score, row, False, one_row)
        if row + 1 < len(rows):
            two_row = _match_columns(_row_headers(grid, row, width, two_rows=True), match)
            if _score(two_row) > score:
                candidate = (_score(two_row), row, True, two_row)
        if best is None or candidate[0] > best[0]:
            best = candidate

    if best is None:
        return None
    _, row, two_rows, columns = best
    return row, two_rows, columns


def _row_kind(values: list[Any], header_texts: set[str]) -> str | None:
    """Classify a row below the header as blank, a total, a note, a form line, a repeated header, or data (None).

    Only the first few filled cells are read, because this runs once per row and every
    marker it looks for is at the start of the row.
    """
    first = None
    filled = 0
    for value in values:
        if is_blank(value):
            continue
        filled += 1
        if first is None:
            first = value
        if filled > 4:
            break

    if first is None:
        return "blank"
    if not isinstance(first, str):
        return None
    key = header_key(first)
    if _TOTAL_LINE.match(key):
        return "total"
    if _NOTE_LINE.match(key):
        return "note"
    if _FORM_LINE.match(key) and filled <= 4:
        return "form"
    if key in header_texts:
        texts = [header_key(value) for value in values if isinstance(value, str) and value.strip()]
        if len(texts) >= 3 and sum(1 for text in texts if text in header_texts) >= len(texts) * 0.6:
            return "repeated_header"
    return None


def locate_table(grid: SheetGrid, match: Matcher, search_rows: int = 20) -> TableLayout | None:
    """Find the header and the data rows of a table on one sheet, or None when no header matches."""
    found = find_header(grid, match, search_rows)
    if found is None:
        return None
    header_row, two_rows, columns = found

    preamble = [text for row in grid.rows[:header_row] for text in (clean_text(v) for v in row) if text]
    header_texts = {header_key(column.header) for column in columns if column.header}
    header_texts |= {header_key(part) for column in columns for part in column.header.split("/")}

    first_data = header_row + (2 if two_rows else 1)
    data_rows: list[int] = []
    skipped: dict[str, int] = {}
    for index in range(first_data, len(grid.rows)):
        kind = _row_kind(grid.rows[index], header_texts)
        if kind is None:
            data_rows.append(index)
        else:
            skipped[kind] = skipped.get(kind, 0) + 1

    seen: dict[str, Column] = {}
    duplicates = []
    for column in columns:
        if column.field is None:
            continue
        if column.field in seen:
            duplicates.append((seen[column.field], column))
        else:
            seen[column.field] = column

    header_rows = [header_row + 1, header_row + 2] if two_rows else [header_row + 1]
    return TableLayout(
        sheet=grid.name,
        header_rows=header_rows,
        columns=columns,
        data_rows=data_rows,
        preamble=preamble,
        skipped_rows=skipped,
        duplicates=duplicates,
    )
