"""Read the tables of an HTML page that a web system saved under an .xls name.

Many government web systems "export to Excel" by sending an HTML table with an .xls
extension; Excel opens it with a warning, and offices pass it on as it is.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from sanqu_cli.workbook.sniff import WorkbookError

Range = tuple[tuple[int, int], tuple[int, int]]


def _span(value: str | None, limit: int) -> int:
    text = (value or "1").strip()
    return int(text) if text.isdigit() and 0 < int(text) < limit else 1


class _TableParser(HTMLParser):
    def __init__(self, max_cells: int) -> None:
        super().__init__(convert_charrefs=True)
        self._max_cells = max_cells
        self._cells_left = max_cells
        self.tables: list[tuple[list[list[Any]], list[Range]]] = []
        self._rows: list[list[Any]] | None = None
        self._merged: list[Range] = []
        self._row: list[Any] | None = None
        self._cell: list[str] | None = None
        self._colspan = 1
        self._rowspan = 1
        # Columns covered by a rowspan from a row above: column → rows still covered.
        self._covered: dict[int, int] = {}
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                self._rows, self._merged, self._covered = [], [], {}
        elif tag == "tr" and self._rows is not None and self._depth == 1:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
            self._colspan = _span(dict(attrs).get("colspan"), 1000)
            self._rowspan = _span(dict(attrs).get("rowspan"), 100_000)
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None and self._rows is not None:
            self._skip_covered()
            start = len(self._row)
            self._append("".join(self._cell).strip())
            for _ in range(self._colspan - 1):
                self._append("")
            row_index = len(self._rows)
            if self._colspan > 1 or self._rowspan > 1:
                self._merged.append(((row_index, start), (row_index + self._rowspan - 1, start + self._colspan - 1)))
            if self._rowspan > 1:
                for column in range(start, start + self._colspan):
                    self._covered[column] = self._rowspan - 1
            self._cell = None
        elif tag == "tr" and self._row is not None and self._rows is not None:
            # Columns still covered from above at the end of the row become blank cells too.
            while self._covered and len(self._row) <= max(self._covered):
                if len(self._row) in self._covered:
                    self._skip_covered()
                else:
                    self._append("")
            self._rows.append(self._row)
            self._row = None
        elif tag == "table":
            if self._depth == 1 and self._rows is not None:
                self.tables.append((self._rows, self._merged))
                self._rows = None
            self._depth = max(0, self._depth - 1)

    def _append(self, value: str) -> None:
        # colspan and rowspan multiply cells, so a small page could otherwise fill memory.
        self._cells_left -= 1
        if self._cells_left < 0:
            raise WorkbookError("F009", f"网页中的表格超过 {self._max_cells} 个单元格的上限，未读取。请拆分后提交。")
        if self._row is not None:
            self._row.append(value)

    def _skip_covered(self) -> None:
        """Fill the columns that a rowspan from a row above covers at the current position."""
        while self._row is not None and len(self._row) in self._covered:
            column = len(self._row)
            self._append("")
            self._covered[column] -= 1
            if self._covered[column] == 0:
                del self._covered[column]

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def read_html_tables(path: Path, max_cells: int = 2_000_000) -> list[tuple[str, list[list[Any]], list[Range]]]:
    """Return (sheet name, rows, merged ranges) for each top-level table of an HTML file."""
    data = path.read_bytes()
    text = None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        text = data.decode("utf-8", errors="replace")

    parser = _TableParser(max_cells)
    parser.feed(text)
    parser.close()
    return [(f"表{index + 1}", rows, merged) for index, (rows, merged) in enumerate(parser.tables)]
