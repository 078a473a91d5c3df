"""Table kinds: one spec per input workbook kind, and the reader that turns a file into records."""

from __future__ import annotations

from sanqu_cli.schema.records import Record, TableRead
from sanqu_cli.schema.roster import ROSTER
from sanqu_cli.schema.spec import ColumnSpec, TableSpec

# Every table kind `sanqu validate` can detect, by code name. Later kinds register here.
KINDS: dict[str, TableSpec] = {
    ROSTER.kind: ROSTER,
}

KIND_LABELS: dict[str, str] = {name: spec.label for name, spec in KINDS.items()}

__all__ = ["KINDS", "KIND_LABELS", "ColumnSpec", "ROSTER", "Record", "TableRead", "TableSpec"]
