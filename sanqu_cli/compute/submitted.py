"""Rows of a submitted 附件4 / 附件5: which unit each row is, and its figures as numbers.

Offices fill the tables by hand: numbers typed as text, full-width digits ("１２"), units
("12人"), and in merged tables the mark 不可累加 in a distinct-count column. The reader parses
most figure columns already; the distinct counts are read here because of that mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sanqu_cli.compute.results_common import FIGURES, NOT_ADDITIVE, prefecture_of_unit
from sanqu_cli.schema.records import Record, TableRead
from sanqu_cli.workbook.cells import clean_text, parse_whole

_UNIT_LINE = re.compile(r"(?:选派|培训)?单位(?:名称)?\(盖章\)[:：]?\s*(.*)")
_FORM_WORDS = re.compile(r"\s*(填表人|联系电话|填报人|日期)[:：].*$")


class FigureProblem(Exception):
    """A figure cell that is not a count; the message is Chinese."""


@dataclass
class SubmittedRow:
    """One data row of a submitted table, with the unit it belongs to and its parsed figures."""

    unit: str
    prefecture: str
    record: Record
    values: dict[str, Any]


def unit_from_preamble(read: TableRead) -> str | None:
    """Return the unit written after 选派单位(盖章) / 培训单位(盖章) above the table, if any."""
    if read.layout is None:
        return None
    for text in read.layout.preamble:
        match = _UNIT_LINE.match(text.replace(" ", ""))
        if match:
            unit = _FORM_WORDS.sub("", match.group(1)).strip()
            if unit:
                return unit
    return None


def parse_count_cell(raw: Any) -> Any:
    """Read a distinct-count cell: a whole number, NOT_ADDITIVE, or None when blank; else FigureProblem."""
    text = clean_text(raw)
    if text is None:
        return None
    if text.replace(" ", "") == NOT_ADDITIVE:
        return NOT_ADDITIVE
    try:
        number = parse_whole(raw)
    except ValueError:
        raise FigureProblem(f"“{text}”不是整数，请填写阿拉伯数字，合并表中无法去重时可写“{NOT_ADDITIVE}”") from None
    if number is not None and number < 0:
        raise FigureProblem(f"{number} 是负数，请填写 0 或正整数")
    return number


def figure_values(read: TableRead, record: Record) -> dict[str, Any]:
    """Return every figure of a row; a cell that cannot be read is left out because a finding already reports it."""
    kind = read.spec.kind if read.spec else "dispatch_results"
    values: dict[str, Any] = {}
    for figure in FIGURES[kind]:
        value = record.get(figure.field)
        if isinstance(value, str):
            try:
                value = parse_count_cell(value)
            except FigureProblem:
                continue
        if figure.field not in record.unread:
            values[figure.field] = value
    return values


def submitted_rows(read: TableRead) -> list[SubmittedRow]:
    """Return the data rows of a submitted table with their units (the row's unit cell, else the 盖章 line)."""
    default_unit = unit_from_preamble(read) or read.path.stem
    rows = []
    for record in read.records:
        unit = record.get("unit") or default_unit
        prefecture = record.get("prefecture") or prefecture_of_unit(unit)
        rows.append(SubmittedRow(unit=unit, prefecture=prefecture, record=record, values=figure_values(read, record)))
    return rows
