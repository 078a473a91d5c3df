"""S404: a 合计 row of 附件4 whose county, township or village count is the sum of the unit rows.

Those figures are distinct counts (附件4 注1: 以县为单位，不可累加): two units serving 墨竹工卡县
serve one county, not two. The reader skips 合计 rows, so this check reopens the sheet to see them.
A total row labelled as deduplicated (e.g. "合计（按明细去重）") is trusted.
"""

from __future__ import annotations

from sanqu_cli.checks.context import CheckContext
from sanqu_cli.compute.submitted import FigureProblem, SubmittedRow, parse_count_cell
from sanqu_cli.rules import RuleSet
from sanqu_cli.schema.read import limits_from
from sanqu_cli.schema.records import TableRead
from sanqu_cli.schema.results_tables import DISPATCH_FIGURES
from sanqu_cli.workbook.cells import clean_text
from sanqu_cli.workbook.grid import open_book
from sanqu_cli.workbook.sniff import WorkbookError
from sanqu_cli.workbook.table import _TOTAL_LINE

DEDUPLICATED_WORDS = ("去重",)


def _total_rows(read: TableRead, rules: RuleSet) -> list[tuple[int, list]]:
    """Return (1-based row, cells) of every 合计 row under the table's header."""
    try:
        book = open_book(read.path, limits_from(rules))
    except WorkbookError:
        return []
    grid = next((grid for grid in book.sheets if grid.name == read.sheet), None)
    if grid is None or read.layout is None:
        return []
    rows = []
    for index in range(read.layout.header_rows[-1], len(grid.rows)):
        cells = grid.rows[index]
        first = next((clean_text(value) for value in cells if clean_text(value)), None)
        if first and _TOTAL_LINE.match(first.replace(" ", "")) and not any(w in first for w in DEDUPLICATED_WORDS):
            rows.append((index + 1, cells))
    return rows


def check_summed_totals(ctx: CheckContext, read: TableRead, rows: list[SubmittedRow]) -> None:
    if len(rows) < 2 or read.layout is None:
        return
    columns = read.layout.fields
    for row_number, cells in _total_rows(read, ctx.rules):
        for figure in DISPATCH_FIGURES:
            column = columns.get(figure.field)
            if figure.additive or column is None or column.index >= len(cells):
                continue
            try:
                total = parse_count_cell(cells[column.index])
            except FigureProblem:
                continue
            parts = [row.values.get(figure.field) for row in rows]
            numbers = [value for value in parts if isinstance(value, int) and value > 0]
            if not isinstance(total, int) or len(numbers) < 2 or total != sum(numbers) or total <= max(numbers):
                continue
            ctx.add("S404", f"合计行的{figure.header}为 {total}，正好是各单位之和：这是去重计数，不可累加"
                            f"（两个单位都服务墨竹工卡县只算 1 个县）。请按服务日志去重统计，或填“不可累加”；"
                            f"如已去重，请在合计行注明“去重”。", sheet=read.sheet, row=row_number,
                    column_letter=column.letter, header=column.header, value=cells[column.index])
