"""Blank input workbooks (`sanqu template KIND`): the headers of a table kind, dropdowns, text ID columns.

The sheets are built from the table specs in `schema.KINDS`, so a kind added there gets a
template without changes here. A template filled with good data reads back clean, because
the header texts are the specs' own headers and the dropdowns offer the standard spellings.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from sanqu_cli.errors import CannotRun
from sanqu_cli.reference import counties
from sanqu_cli.rules import RuleSet
from sanqu_cli.schema import KINDS
from sanqu_cli.schema.spec import ColumnSpec, TableSpec

# The names clerks type, and the table kinds (one sheet each) that make up each workbook.
TEMPLATE_KINDS: dict[str, tuple[str, ...]] = {
    "roster": ("roster",),
    "service-log": ("service_log",),
    "training": ("training_classes", "trainees"),
    "expenses": ("expense_ledger",),
}
SCORE_SHEET = "score-sheet"
SCORE_SHEET_FILE = "附件2-绩效考核评分表.xlsx"
# Official forms handed out as they are in templates/, with the table kinds they stand for.
COPIED_TEMPLATES: dict[str, tuple[str, tuple[str, ...]]] = {
    SCORE_SHEET: (SCORE_SHEET_FILE, ("score_sheet", "score_table")),
    "dispatch-results": ("附件4-选派工作成效统计表.xlsx", ("dispatch_results",)),
    "training-results": ("附件5-集中培训工作成效统计表.xlsx", ("training_results",)),
}

LIST_SHEET = "下拉选项"
GUIDE_SHEET = "填表说明"
# Rows that get dropdowns and text formatting; Excel applies a column's format to rows beyond.
PREPARED_ROWS = 1000
_TEXT_KINDS = ("id_number", "phone")
_KIND_HINTS = {
    "id_number": "18 位身份证号。本列已设为文本格式，直接输入即可，不会变成科学计数法",
    "phone": "手机或座机号码，本列为文本格式",
    "date": "日期，如 2024-03-01",
    "period": "起止日期写在一格，如 2024.3.1-2024.12.31",
    "whole": "整数，只填数字",
    "decimal": "数字，只填数字",
    "yes_no": "从下拉列表选择“是”或“否”",
    "choice": "从下拉列表选择",
    "text": "文字",
}
_HEADER_FILL = "DDEBF7"
_REQUIRED_FILL = "FCE4D6"


def template_kinds() -> dict[str, tuple[str, ...]]:
    """Return every template name: the clerk-facing ones, then any other table kind by its code name."""
    names = dict(TEMPLATE_KINDS)
    covered = {kind for kinds in names.values() for kind in kinds}
    covered |= {kind for _, kinds in COPIED_TEMPLATES.values() for kind in kinds}
    for kind in KINDS:
        if kind not in covered:
            names[kind] = (kind,)
    return {name: kinds for name, kinds in names.items() if all(kind in KINDS for kind in kinds)}


def _standard_spellings(choices: dict[str, str]) -> list[str]:
    # The first spelling listed for each value is the standard one (区内专业技术人员, 二类区).
    standard: dict[str, str] = {}
    for spelling, value in choices.items():
        standard.setdefault(value, spelling)
    return list(standard.values())


def dropdown_values(spec: TableSpec, column: ColumnSpec, rules: RuleSet) -> list[str] | None:
    """Return the values offered in a column's dropdown, or None for a free-typed column."""
    if column.field == "county":
        return [county.name for county in counties()]
    if spec.kind == "expense_ledger" and column.field == "kind":
        return list(rules.funds.expense_kinds)
    if column.kind == "yes_no":
        return ["是", "否"]
    if column.kind == "choice":
        return _standard_spellings(column.choices)
    return None


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _column_width(column: ColumnSpec, values: list[str] | None) -> float:
    texts = [column.header, *(values or [])]
    width = max(_display_width(text) for text in texts) + 3
    minimum = {"id_number": 21, "phone": 14, "date": 12, "period": 24}.get(column.kind, 8)
    return float(min(max(width, minimum), 40))


# Decimal columns that hold money in 元 although their header does not say so.
_MONEY_FIELDS = ("work_subsidy", "travel", "insurance", "training", "materials", "amount")


def _hint(spec: TableSpec, column: ColumnSpec, values: list[str] | None) -> str:
    parts = [_KIND_HINTS.get(column.kind, "")]
    if column.kind == "decimal" and "万元" in column.header:
        parts = ["金额，只填数字（单位：万元）"]
    elif column.kind == "decimal" and ("元" in column.header or column.field in _MONEY_FIELDS):
        parts = ["金额，只填数字（单位：元）"]
    if values and column.kind != "yes_no":
        shown = "、".join(values) if len(values) <= 12 else f"共 {len(values)} 项，见下拉列表"
        parts = [f"从下拉列表选择：{shown}"]
    if column.note:
        parts.append(column.note)
    if column.aliases:
        parts.append(f"表头也可写作：{'、'.join(column.aliases)}")
    return "；".join(part for part in parts if part)


class _ListSheet:
    """The hidden sheet holding long dropdown lists, one column per list, referenced by range."""

    def __init__(self, workbook) -> None:
        self.sheet = workbook.create_sheet(LIST_SHEET)
        self.sheet.sheet_state = "hidden"
        self.ranges: dict[tuple[str, ...], str] = {}

    def range_for(self, title: str, values: list[str]) -> str:
        from openpyxl.utils import get_column_letter, quote_sheetname

        key = tuple(values)
        if key not in self.ranges:
            letter = get_column_letter(len(self.ranges) + 1)
            self.sheet[f"{letter}1"] = title
            for row, value in enumerate(values, start=2):
                self.sheet[f"{letter}{row}"] = value
            self.ranges[key] = f"{quote_sheetname(LIST_SHEET)}!${letter}$2:${letter}${len(values) + 1}"
        return self.ranges[key]


def _data_sheet(workbook, spec: TableSpec, rules: RuleSet, lists: _ListSheet, first: bool) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = spec.sheet_names[0] if spec.sheet_names else spec.label
    thin = Side(style="thin", color="808080")

    for index, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        values = dropdown_values(spec, column, rules)
        cell = sheet.cell(row=1, column=index, value=column.header)
        cell.font = Font(bold=True, color="C00000" if column.required else "000000")
        cell.fill = PatternFill("solid", fgColor=_REQUIRED_FILL if column.required else _HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        sheet.column_dimensions[letter].width = _column_width(column, values)

        # Excel turns a typed 18-digit number into 5.40102E+17 and drops the last 3 digits;
        # a text format on the cells (and the column, for rows beyond) keeps what is typed.
        if column.kind in _TEXT_KINDS:
            sheet.column_dimensions[letter].number_format = "@"
            for row in range(2, PREPARED_ROWS + 2):
                sheet.cell(row=row, column=index).number_format = "@"
        elif column.kind == "date":
            sheet.column_dimensions[letter].number_format = "yyyy-mm-dd"

        if values:
            validation = DataValidation(type="list", formula1=lists.range_for(column.header, values), allow_blank=True,
                                        showErrorMessage=True, errorTitle="取值不在列表中",
                                        error=f"“{column.header}”请从下拉列表中选择。")
            validation.add(f"{letter}2:{letter}{PREPARED_ROWS + 1}")
            sheet.add_data_validation(validation)

    sheet.freeze_panes = "A2"
    sheet.row_dimensions[1].height = 30


def _guide_sheet(workbook, specs: list[TableSpec], rules: RuleSet) -> None:
    from openpyxl.styles import Alignment, Font

    sheet = workbook.create_sheet(GUIDE_SHEET)
    lines = [["填表说明"],
             ["1. 请在各数据工作表的第 1 行表头下逐行填写，一行一条记录；不要合并单元格，不要改动表头文字。"],
             ["2. 红色表头为必填列。带下拉箭头的列请从列表中选择。"],
             ["3. 身份证号、联系电话列已设为文本格式，可直接输入 18 位号码。"],
             ["4. 填好后可运行 sanqu validate 文件名 检查。"],
             []]
    for spec in specs:
        name = spec.sheet_names[0] if spec.sheet_names else spec.label
        lines.append([f"工作表“{name}”（{spec.label}）"])
        lines.append(["列名", "是否必填", "填写要求"])
        for column in spec.columns:
            values = dropdown_values(spec, column, rules)
            lines.append([column.header, "必填" if column.required else "选填", _hint(spec, column, values)])
        lines.append([])

    for row in lines:
        sheet.append(row)
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if cell.column == 1 and isinstance(cell.value, str) and (cell.value.startswith("工作表") or cell.row == 1):
                cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 10
    sheet.column_dimensions["C"].width = 80


def write_input_template(name: str, target: Path, rules: RuleSet) -> list[str]:
    """Write the blank workbook `name` to `target` (a temporary path); return its data sheets' names."""
    from openpyxl import Workbook

    kinds = template_kinds().get(name)
    if kinds is None:
        known = "、".join([*template_kinds(), *COPIED_TEMPLATES])
        raise CannotRun(f"未知的模板类型“{name}”。可用的类型：{known}。")
    specs = [KINDS[kind] for kind in kinds]

    workbook = Workbook()
    lists = _ListSheet(workbook)
    for index, spec in enumerate(specs):
        _data_sheet(workbook, spec, rules, lists, first=index == 0)
    _guide_sheet(workbook, specs, rules)

    # The list sheet was created second; move it last so the data sheets come first in the tab bar.
    workbook.move_sheet(LIST_SHEET, offset=len(workbook.sheetnames) - 1 - workbook.sheetnames.index(LIST_SHEET))
    workbook.active = 0
    workbook.save(target)
    return [sheet for sheet in workbook.sheetnames if sheet not in (LIST_SHEET, GUIDE_SHEET)]


__all__ = ["COPIED_TEMPLATES", "SCORE_SHEET", "SCORE_SHEET_FILE", "TEMPLATE_KINDS", "dropdown_values", "template_kinds",
           "write_input_template"]
