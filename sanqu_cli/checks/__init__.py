"""Checks: one module per rule family, run over the records of one table kind."""

from __future__ import annotations

from collections.abc import Callable

from sanqu_cli.checks.context import CheckContext
from sanqu_cli.checks.roster import check_roster
from sanqu_cli.schema.records import TableRead


def _roster(ctx: CheckContext, read: TableRead) -> None:
    check_roster(ctx, read.records, read.present)


# The checks of each table kind, by kind code name. Later kinds register here.
CHECKERS: dict[str, Callable[[CheckContext, TableRead], None]] = {
    "roster": _roster,
}

__all__ = ["CHECKERS", "CheckContext"]
