"""Table specs: the columns of each input kind, their aliases, and how each value is read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sanqu_cli.workbook.cells import header_key, strip_unit


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a table kind.

    `kind` names the parser in `schema.parse`; `choices` maps accepted spellings to the
    normalised value for choice columns; `invalid_code` overrides the rule code used when a
    value cannot be read.
    """

    field: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    kind: str = "text"
    choices: dict[str, str] = field(default_factory=dict)
    invalid_code: str | None = None
    note: str = ""


@dataclass(frozen=True)
class TableSpec:
    """A table kind: its name, columns, and the sheet names it usually lives on."""

    kind: str
    label: str
    columns: tuple[ColumnSpec, ...]
    sheet_names: tuple[str, ...] = ()
    # Columns whose presence marks this kind (a table with none of them is not this kind).
    markers: tuple[str, ...] = ()
    # Fields that make a row a record; a row with all of them blank is skipped (e.g. a 序号 alone).
    record_fields: tuple[str, ...] = ()

    def column(self, name: str) -> ColumnSpec:
        for column in self.columns:
            if column.field == name:
                return column
        raise KeyError(name)

    @property
    def required(self) -> list[ColumnSpec]:
        return [column for column in self.columns if column.required]

    def matcher(self):
        """Return a function mapping candidate header keys to a field name of this kind."""
        index: dict[str, str] = {}
        for column in self.columns:
            for name in (column.header, *column.aliases):
                index.setdefault(header_key(name), column.field)

        def match(keys: Sequence[str]) -> str | None:
            for key in keys:
                if key in index:
                    return index[key]
            for key in keys:
                bare = strip_unit(key)
                if bare in index:
                    return index[bare]
            return None

        return match
