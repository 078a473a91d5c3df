"""Description of how a workbook was read: the library side of `sanqu inspect`."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from sanqu_cli.pii import PERSONAL_FIELDS, Masker
from sanqu_cli.schema.records import TableRead
from sanqu_cli.schema.spec import ColumnSpec


def plain_value(value: Any) -> Any:
    """Return a JSON-ready value: ISO dates, whole numbers as integers, Decimal as a number."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, tuple):
        return [plain_value(item) for item in value]
    return value


def describe_read(read: TableRead, masker: Masker, limit: int | None = None) -> dict[str, Any]:
    """Return kind, sheet, header rows, header → field mapping and the records of one read."""
    layout = read.layout
    records = read.records if limit is None else read.records[:limit]
    fields = list(layout.fields) if layout else []
    mapped_records = []
    for record in records:
        values = {}
        # Every mapped field appears, blank ones as null, so a missing value is visible.
        for name in fields:
            value = plain_value(record.values.get(name))
            if name in PERSONAL_FIELDS and isinstance(value, str):
                value = masker.value(value, personal=True)
            values[name] = value
        mapped_records.append({"row": record.row, "values": values})

    return {
        "path": str(read.path),
        "readable": read.readable,
        "kind": read.spec.kind if read.spec else None,
        "kind_label": read.spec.label if read.spec else None,
        "sheet": read.sheet,
        "header_rows": layout.header_rows if layout else [],
        "year": read.year,
        "year_source": read.year_source,
        "columns": [
            {"column": column.letter, "header": column.header, "field": column.field,
             "field_label": field_label(read, column.field)}
            for column in (layout.columns if layout else [])
            if column.header or column.field
        ],
        "missing": [column.field for column in (read.spec.columns if read.spec else [])
                    if layout and column.field not in layout.fields],
        "missing_labels": [column.header for column in (read.spec.columns if read.spec else [])
                           if layout and column.field not in layout.fields and column.field != "serial"],
        "skipped_rows": layout.skipped_rows if layout else {},
        "records_total": len(read.records),
        "records": mapped_records,
        "notes": read.notes,
    }


def field_label(read: TableRead, name: str | None) -> str | None:
    """Return the standard Chinese header of a field, or the field's code name when its kind has no such column."""
    if not name or read.spec is None:
        return None
    try:
        return read.spec.column(name).header
    except KeyError:
        pass
    # The official 附件2 form has one field per indicator: points_5, count_5 and the like.
    match = re.fullmatch(r"(points|count)_(\d+)", name)
    if match:
        from sanqu_cli.rules import load_rules

        names = {indicator.number: indicator.name for indicator in load_rules().appraisal.indicators}
        suffix = "得分" if match.group(1) == "points" else "数量"
        return f"{names.get(int(match.group(2)), match.group(2))}{suffix}"
    return {"score": "考核得分", "grade": "考核等次", "appraised_on": "考核日期"}.get(name, name)


def display_value(column: ColumnSpec | None, value: Any) -> str:
    """Render a normalised value in the words a clerk typed: 区内专业技术人员, 二类区, 是/否."""
    if value is None:
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if column is not None and column.choices:
        for spelling, normalised in column.choices.items():
            if normalised == value:
                return spelling
    if isinstance(value, list):
        return "至".join(str(item) for item in value)
    return str(value)
