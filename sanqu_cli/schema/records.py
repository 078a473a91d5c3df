"""Records read from a table, and the result of reading one file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sanqu_cli.findings import Finding
from sanqu_cli.schema.spec import TableSpec
from sanqu_cli.workbook.cells import Cell
from sanqu_cli.workbook.table import Column, TableLayout


@dataclass(slots=True)
class Record:
    """One data row: normalised values by field, plus what is needed to place each value.

    Cells are built on demand from the shared layout and the raw row, because a roster of
    100,000 rows would otherwise hold millions of small objects.
    """

    row: int  # 1-based row number on the sheet
    values: dict[str, Any]
    raw_row: list[Any]
    sheet: str
    columns: dict[str, Column]
    # Fields whose cell content could not be read. A finding explains why, and no check
    # reports them as blank as well.
    unread: set[str] = field(default_factory=set)

    def get(self, name: str, default: Any = None) -> Any:
        value = self.values.get(name)
        return default if value is None else value

    def has_column(self, name: str) -> bool:
        return name in self.columns

    def cell(self, name: str) -> Cell | None:
        """Return the cell of a field with its place, or None when the table has no such column."""
        column = self.columns.get(name)
        if column is None:
            return None
        raw = self.raw_row[column.index] if column.index < len(self.raw_row) else None
        return Cell(
            value=self.values.get(name),
            raw=None if raw == "" else raw,
            sheet=self.sheet,
            row=self.row,
            column=column.letter,
            header=column.header,
        )

    def ref(self, name: str) -> str:
        """Return 工作表!单元格 of a field, or the row alone when the column is missing."""
        column = self.columns.get(name)
        if column is None:
            return f"{self.sheet}!第{self.row}行"
        return f"{self.sheet}!{column.letter}{self.row}"


@dataclass
class TableRead:
    """The result of reading one file as one table kind."""

    path: Path
    spec: TableSpec | None = None
    layout: TableLayout | None = None
    records: list[Record] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    readable: bool = True
    year: int | None = None
    year_source: str | None = None
    date1904: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def present(self) -> set[str]:
        return set(self.layout.fields) if self.layout else set()

    @property
    def sheet(self) -> str | None:
        return self.layout.sheet if self.layout else None

    @property
    def header_row(self) -> int | None:
        return self.layout.header_rows[0] if self.layout else None
