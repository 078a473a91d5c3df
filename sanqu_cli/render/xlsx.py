"""Helpers for writing xlsx outputs with openpyxl."""

from __future__ import annotations

from typing import Any

from sanqu_cli.outputs import FORMULA_PREFIXES


def set_value(cell: Any, value: Any) -> None:
    """Write a value so that text from an input can never run as a formula in the output.

    openpyxl stores any string starting with "=" as a formula; forcing the cell type to
    string keeps it as the text the clerk typed. Numbers stay numbers.
    """
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        cell.data_type = "s"
