"""补助测算.xlsx: per-person sheet, per-unit sheet and a 说明 sheet with the rule set and rates.

Money cells hold numbers (never text) with two decimals in an 元 number format, so that a
clerk can sum and filter them in Excel or WPS.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sanqu_cli.compute.funds import AREA_LABELS, OTHER, WORK_SUBSIDY, FundsResult, PersonFunds, to_cents
from sanqu_cli.findings import Report, Severity
from sanqu_cli.outputs import atomic_output
from sanqu_cli.pii import Masker
from sanqu_cli.render.xlsx import set_value
from sanqu_cli.rules import RuleSet
from sanqu_cli.schema.roster import CATEGORY_LABELS

FILE_NAME = "补助测算.xlsx"
MONEY_FORMAT = '#,##0.00"元"'
OTHER_HEADER = f"{OTHER}(不属于五类)"
_BOLD = Font(bold=True)


def _write_row(sheet: Worksheet, row: int, values: list[Any], bold: bool = False) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column)
        if isinstance(value, Decimal):
            cell.value = to_cents(value)
            cell.number_format = MONEY_FORMAT
        else:
            set_value(cell, value)
        if bold:
            cell.font = _BOLD


def _header(sheet: Worksheet, headers: list[str], widths: list[int]) -> None:
    _write_row(sheet, 1, headers, bold=True)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "C2"


def _sources(person: PersonFunds) -> str:
    parts = [f"{kind}取自{source}" for kind, source in person.source.items() if source]
    if person.work_subsidy is None:
        parts.insert(0, "缺少服务天数或服务区类别，工作补助未测算")
    return "；".join(parts)


def _people_sheet(sheet: Worksheet, result: FundsResult, masker: Masker) -> None:
    kinds = [kind for kind in result.kinds if kind != WORK_SUBSIDY]
    headers = ["序号", "姓名", "身份证号", "人员类别", "选派单位", "服务区类别", "服务天数", "日补助标准(元/天)",
               "工作补助(测算)", "花名册填写的工作补助", *kinds, OTHER_HEADER, "合计", "剩余", "花名册行号", "数据来源"]
    _header(sheet, headers, [6, 10, 20, 16, 22, 10, 9, 16, 16, 18, *[14] * len(kinds), 16, 16, 16, 10, 40])

    for index, person in enumerate(result.people, start=1):
        values = [index, person.name, masker.id_number(person.id_number), CATEGORY_LABELS.get(person.category or "", ""),
                  person.unit, AREA_LABELS.get(person.area_class or "", ""), person.days, person.rate,
                  person.work_subsidy, person.recorded_work_subsidy,
                  *[person.spent[kind] for kind in kinds], person.spent[OTHER],
                  person.total, result.remaining(person), person.record.row, _sources(person)]
        _write_row(sheet, index + 1, values)
        # The day rate is money too, but per day: keep the 元 format with the rate's own header.
        if person.rate is not None:
            sheet.cell(row=index + 1, column=8).number_format = MONEY_FORMAT


def _units_sheet(sheet: Worksheet, result: FundsResult) -> None:
    kinds = [*result.kinds, OTHER]
    headers = ["选派单位", "人数", "经费总额", *[kind if kind != OTHER else OTHER_HEADER for kind in kinds],
               "合计支出", "剩余"]
    _header(sheet, headers, [24, 8, 16, *[16] * len(kinds), 16, 16])

    row = 2
    for unit in result.units:
        _write_row(sheet, row, [unit.name, unit.headcount, unit.budget, *[unit.spent[kind] for kind in kinds],
                                unit.total, unit.remaining])
        row += 1

    totals = [sum((unit.spent[kind] for unit in result.units), Decimal(0)) for kind in kinds]
    budget = sum((unit.budget for unit in result.units), Decimal(0))
    spent = sum(totals, Decimal(0))
    _write_row(sheet, row, ["合计", sum(unit.headcount for unit in result.units), budget, *totals, spent,
                            budget - spent], bold=True)


def _notes_sheet(sheet: Worksheet, result: FundsResult, rules: RuleSet, sources: dict[str, str],
                 report: Report) -> None:
    sheet.column_dimensions["A"].width = 26
    sheet.column_dimensions["B"].width = 90
    lines: list[list[Any]] = [
        ["选派工作经费补助测算说明"],
        [],
        ["规则集", f"{rules.name}（{rules.id}）"],
        ["每人每年选派工作经费", result.per_person],
        *[[f"{AREA_LABELS.get(area, area)}工作补助标准（元/天）", rate] for area, rate in result.rates.items()],
        ["允许的支出类别", "、".join(result.kinds)],
        ["工作补助", "按实际服务天数 × 服务区类别的日补助标准测算（第二十三条(一)）；花名册或支出明细中填写的金额"
                     "与测算不符时报 B601，合计按测算金额计算。缺少服务天数或服务区类别时，按填写的金额计算。"],
        ["其他四类支出", "支出明细中有该人该类支出时按明细合计，否则按花名册中同名列的金额，都没有时为 0。"],
        [OTHER_HEADER, "支出明细中不属于五类的支出（如管理费），照实计入合计，并报 B603。"],
        ["单位经费总额", "人数 × 每人每年选派工作经费。支出明细中只填选派单位、没有填人员的支出计入该单位。"],
        ["未计入的支出", "支出明细中人员不在花名册上的行（B610）不计入任何人或单位，请核对后重新测算。"],
        ["金额", "所有金额按元精确到分计算，没有四舍五入误差。"],
        [],
        *[[label, path] for label, path in sources.items()],
        ["问题数", f"错误 {sum(1 for f in report.findings if f.severity == Severity.error)} 条，"
                   f"警告 {sum(1 for f in report.findings if f.severity == Severity.warning)} 条（详见 sanqu funds 的输出）"],
        ["生成时间", dt.datetime.now().strftime("%Y-%m-%d %H:%M")],
    ]
    for row, values in enumerate(lines, start=1):
        _write_row(sheet, row, values, bold=row == 1)
        sheet.cell(row=row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    sheet["A1"].font = Font(bold=True, size=14)


def write_funds_workbook(folder: Path, result: FundsResult, rules: RuleSet, sources: dict[str, str],
                         report: Report, masker: Masker, force: bool = False) -> Path:
    """Write 补助测算.xlsx into `folder` atomically; `sources` labels the input files for 说明."""
    workbook = Workbook()
    people = workbook.active
    people.title = "个人测算"
    _people_sheet(people, result, masker)
    _units_sheet(workbook.create_sheet("单位汇总"), result)
    _notes_sheet(workbook.create_sheet("说明"), result, rules, sources, report)

    target = folder / FILE_NAME
    with atomic_output(target, force) as temp:
        workbook.save(temp)
    return target
