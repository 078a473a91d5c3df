"""Checks: one module per rule family, run over the records of one table kind.

Each module of this package may define `CHECKERS`, a dict from table kind to a function
`(CheckContext, TableRead) -> None`. All are collected into `CHECKERS` here, so the checks of
a new kind are a new module and no list needs editing.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

from sanqu_cli.checks.context import CheckContext
from sanqu_cli.schema.records import TableRead

Checker = Callable[[CheckContext, TableRead], None]


def _collect() -> dict[str, list[Checker]]:
    checkers: dict[str, list[Checker]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for kind, checker in getattr(module, "CHECKERS", {}).items():
            checkers.setdefault(kind, []).append(checker)
    return checkers


# The checks of each table kind, by kind code name.
CHECKERS: dict[str, list[Checker]] = _collect()

__all__ = ["CHECKERS", "CheckContext", "Checker"]
