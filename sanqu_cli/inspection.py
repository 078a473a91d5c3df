"""Description of how a workbook was read: the library side of `sanqu inspect`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sanqu_cli.pii import Masker
from sanqu_cli.schema.records import TableRead

_PERSONAL_FIELDS = {"id_number", "phone"}


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
    mapped_records = []
    for record in records:
        values = {}
        for name, value in record.values.items():
            value = plain_value(value)
            if name in _PERSONAL_FIELDS and isinstance(value, str):
                value = masker.id_number(value) if name == "id_number" else masker.text(value)
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
            {"column": column.letter, "header": column.header, "field": column.field}
            for column in (layout.columns if layout else [])
            if column.header or column.field
        ],
        "missing": [column.field for column in (read.spec.columns if read.spec else [])
                    if layout and column.field not in layout.fields],
        "skipped_rows": layout.skipped_rows if layout else {},
        "records_total": len(read.records),
        "records": mapped_records,
        "notes": read.notes,
    }
