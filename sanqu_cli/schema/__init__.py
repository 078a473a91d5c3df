"""Table kinds: one spec per input workbook kind, and the reader that turns a file into records.

Each module of this package may define `TABLE_SPECS`, a list of `TableSpec`. All of them are
collected into `KINDS`, so a new kind is a new module and no list needs editing.
"""

from __future__ import annotations

import importlib
import pkgutil

from sanqu_cli.schema.records import Record, TableRead
from sanqu_cli.schema.roster import ROSTER
from sanqu_cli.schema.spec import ColumnSpec, TableSpec


def _collect() -> dict[str, TableSpec]:
    kinds: dict[str, TableSpec] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for spec in getattr(module, "TABLE_SPECS", ()):
            kinds[spec.kind] = spec
    return kinds


# Every table kind `sanqu validate` can detect, by code name (roster first).
KINDS: dict[str, TableSpec] = {ROSTER.kind: ROSTER, **_collect()}

KIND_LABELS: dict[str, str] = {name: spec.label for name, spec in KINDS.items()}

__all__ = ["KINDS", "KIND_LABELS", "ColumnSpec", "ROSTER", "Record", "TableRead", "TableSpec"]
