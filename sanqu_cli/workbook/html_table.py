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
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                self._rows, self._merged = [], []
        elif tag == "tr" and self._rows is not None and self._depth == 1:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
            span = dict(attrs).get("colspan") or "1"
            self._colspan = int(span) if span.isdigit() and 0 < int(span) < 1000 else 1
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            start = len(self._row)
            # colspan multiplies cells, so a small page could otherwise fill memory.
            self._cells_left -= self._colspan
            if self._cells_left < 0:
                raise WorkbookError("F009", f"网页中的表格超过 {self._max_cells} 个单元格的上限，未读取。请拆分后提交。")
            self._row.append("".join(self._cell).strip())
            self._row.extend([""] * (self._colspan - 1))
            if self._colspan > 1 and self._rows is not None:
                row_index = len(self._rows)
                self._merged.append(((row_index, start), (row_index, start + self._colspan - 1)))
            self._cell = None
        elif tag == "tr" and self._row is not None and self._rows is not None:
            self._rows.append(self._row)
            self._row = None
        elif tag == "table":
            if self._depth == 1 and self._rows is not None:
                self.tables.append((self._rows, self._merged))
                self._rows = None
            self._depth = max(0, self._depth - 1)

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
