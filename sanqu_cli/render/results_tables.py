"""Write 附件4 / 附件5 in the official layout, from the templates in templates/.

The template contains one sheet: the title with ××年度, the 单位(盖章) / 填表人 / 联系电话 line, the
two-row header with merged group cells, one styled data row and the 注 lines. Rows are found
by their text, so an office may restyle or move things in its own copy (`--template FILE`).
Each output sheet is a copy of that sheet with as many data rows as it needs.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sanqu_cli.compute.results_common import NOT_ADDITIVE, ResultsTable, UnitFigures, plain_number
from sanqu_cli.errors import CannotRun
from sanqu_cli.outputs import atomic_output
from sanqu_cli.render.xlsx import set_value
from sanqu_cli.resources import templates_dir

TEMPLATE_NAMES = {
    "dispatch_results": "附件4-选派工作成效统计表.xlsx",
    "training_results": "附件5-集中培训工作成效统计表.xlsx",
}
OUTPUT_NAMES = {
    "dispatch_results": "附件4-选派工作成效统计表-{year}.xlsx",
    "training_results": "附件5-集中培训工作成效统计表-{year}.xlsx",
}
YEAR_PLACEHOLDER = "××"
UNIT_LINE = re.compile(r"^(选派|培训)单位\s*[(（]盖章[)）]")
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


@dataclass
class _Layout:
    """Positions of the title, the 盖章 line and the data row on the template sheet (1-based rows)."""

    title: tuple[int, int]
    unit_line: tuple[int, int] | None
    data_row: int
    width: int


@dataclass
class SheetPlan:
    """One output sheet: its name, the words after ××年度 in the title, the unit on the 盖章 line, its rows."""

    name: str
    rows: list[UnitFigures]
    unit_line: str = ""
    title_suffix: str = ""


def template_path(kind: str, template: Path | None = None) -> Path:
    path = template or templates_dir() / TEMPLATE_NAMES[kind]
    if not path.is_file():
        raise CannotRun(f"找不到模板文件 {path}。请检查 --template 后的路径，或重新安装 sanqu。")
    return path


def _find_layout(sheet, first_group: str) -> _Layout:
    title = unit_line = header = None
    for row in sheet.iter_rows():
        for cell in row:
            text = str(cell.value or "")
            if title is None and YEAR_PLACEHOLDER in text:
                title = (cell.row, cell.column)
            elif unit_line is None and UNIT_LINE.match(text.replace(" ", "")):
                unit_line = (cell.row, cell.column)
            elif header is None and text.replace(" ", "") == first_group:
                header = cell.row
    if title is None or header is None:
        raise CannotRun(f"模板工作表“{sheet.title}”中找不到标题（含“{YEAR_PLACEHOLDER}年度”）或表头（“{first_group}”），"
                        "请用随软件附带的模板。")
    return _Layout(title=title, unit_line=unit_line, data_row=header + 2, width=sheet.max_column)


def _safe_sheet_name(name: str, taken: set[str]) -> str:
    base = _SHEET_NAME_BAD.sub("_", name)[:31] or "Sheet"
    candidate, number = base, 2
    while candidate in taken:
        suffix = f"({number})"
        candidate, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(candidate)
    return candidate


def _cell_value(value: Any) -> Any:
    if value == NOT_ADDITIVE or value is None:
        return value
    if isinstance(value, Decimal):
        return plain_number(value)
    return value


def _fill_sheet(sheet, layout: _Layout, plan: SheetPlan, table: ResultsTable) -> None:
    # Keep the data row's style and the note rows below it, then rebuild them for the real row count.
    row_styles = [copy.copy(sheet.cell(layout.data_row, col)._style) for col in range(1, layout.width + 1)]
    row_height = sheet.row_dimensions[layout.data_row].height
    tail_start = layout.data_row + 1
    tail = [[(cell.value, copy.copy(cell._style)) for cell in row]
            for row in sheet.iter_rows(min_row=tail_start, max_row=max(sheet.max_row, tail_start))]
    for merged in [m for m in sheet.merged_cells.ranges if m.min_row >= layout.data_row]:
        sheet.unmerge_cells(str(merged))
    sheet.delete_rows(layout.data_row, sheet.max_row - layout.data_row + 1)

    year = str(table.year) if table.year else YEAR_PLACEHOLDER
    title_cell = sheet.cell(*layout.title)
    set_value(title_cell, str(title_cell.value).replace(YEAR_PLACEHOLDER, year) + plan.title_suffix)
    if layout.unit_line and plan.unit_line:
        unit_cell = sheet.cell(*layout.unit_line)
        set_value(unit_cell, f"{unit_cell.value}{plan.unit_line}")

    for offset, figures in enumerate(plan.rows):
        row = layout.data_row + offset
        values = [figures.unit, *(_cell_value(figures.values.get(f.field)) for f in table.figures)]
        for col in range(1, layout.width + 1):
            cell = sheet.cell(row, col)
            cell._style = copy.copy(row_styles[col - 1])
            if col <= len(values):
                set_value(cell, values[col - 1])
        sheet.row_dimensions[row].height = row_height

    first_note = layout.data_row + len(plan.rows)
    for offset, cells in enumerate(tail):
        row = first_note + offset
        for col, (value, style) in enumerate(cells, start=1):
            cell = sheet.cell(row, col)
            cell.value, cell._style = value, style
        if cells and cells[0][0]:
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=layout.width)


def write_sheets(kind: str, table: ResultsTable, plans: list[SheetPlan], target: Path, force: bool,
                 template: Path | None = None) -> Path:
    """Write one sheet per plan, each a copy of the template sheet, into `target` (atomically)."""
    from openpyxl import load_workbook

    from sanqu_cli.schema.results_tables import DISPATCH_GROUPS, TRAINING_GROUPS

    source = template_path(kind, template)
    try:
        workbook = load_workbook(source)
    except Exception as error:  # noqa: BLE001 - any failure to read the template means the same to the user
        raise CannotRun(f"模板文件 {source} 无法打开：{error}。请用随软件附带的模板。") from None
    base = workbook.worksheets[0]
    first_group = (DISPATCH_GROUPS if kind == "dispatch_results" else TRAINING_GROUPS)[0]
    layout = _find_layout(base, first_group)

    taken: set[str] = set()
    for plan in plans:
        sheet = workbook.copy_worksheet(base)
        sheet.title = _safe_sheet_name(plan.name, taken)
        sheet.sheet_view.tabSelected = False
        _fill_sheet(sheet, layout, plan, table)
        sheet.print_options.horizontalCentered = True
        sheet.page_setup.orientation = base.page_setup.orientation
        sheet.page_setup.fitToWidth = base.page_setup.fitToWidth
        sheet.sheet_properties.pageSetUpPr = copy.copy(base.sheet_properties.pageSetUpPr)
    workbook.remove(base)
    workbook.active = 0
    workbook.worksheets[0].sheet_view.tabSelected = True

    with atomic_output(target, force) as temp:
        workbook.save(temp)
    return target


def unit_sheet_plans(table: ResultsTable, summary_name: str = "汇总") -> list[SheetPlan]:
    """Return the plans of a computed table: a summary sheet (every unit and the total), then one sheet per unit."""
    rows = list(table.units) + ([table.total] if table.total else [])
    plans = [SheetPlan(name=summary_name, rows=rows, title_suffix="（汇总）")]
    plans += [SheetPlan(name=unit.unit, rows=[unit], unit_line=unit.unit) for unit in table.units]
    return plans


def write_results(table: ResultsTable, folder: Path, force: bool = False, template: Path | None = None) -> Path:
    """Write a computed 附件4 or 附件5 into `folder` with the standard file name; return its path."""
    target = folder / OUTPUT_NAMES[table.kind].format(year=table.year or "")
    return write_sheets(table.kind, table, unit_sheet_plans(table), target, force, template)


def merged_sheet_plans(region_rows: list[UnitFigures], groups: dict[str, list[UnitFigures]]) -> list[SheetPlan]:
    """Return the plans of a merged table: the region sheet (one row per 市(地)), then one sheet per 市(地)."""
    plans = [SheetPlan(name="全区", rows=region_rows, title_suffix="（全区汇总）")]
    plans += [SheetPlan(name=name, rows=members, title_suffix=f"（{name}汇总）") for name, members in groups.items()]
    return plans
