"""Helpers for the bad-input corpus: the valid roster every case starts from, and zip rewriting."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable
from pathlib import Path

import xlsxwriter

from builders import ROSTER_HEADERS, person

DATA = Path(__file__).resolve().parent / "data"
PEOPLE = 3


def _text(value) -> str:
    if isinstance(value, dt.date):
        return f"{value:%Y-%m-%d}"
    return "" if value is None else str(value)


def roster_rows(every_cell_filled: bool = False) -> list[list[str]]:
    """Return the header and PEOPLE valid rows, every value as text; optionally only columns with a value in every row."""
    people = [person(serial) for serial in range(1, PEOPLE + 1)]
    headers = [h for h in ROSTER_HEADERS if not every_cell_filled or all(p[h] is not None for p in people)]
    return [headers] + [[_text(p[h]) for h in headers] for p in people]


def shared_strings_roster(path: Path, every_cell_filled: bool = False) -> Path:
    """Write the roster with xlsxwriter, which stores text in xl/sharedStrings.xml as Excel does."""
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("花名册")
    for index, row in enumerate(roster_rows(every_cell_filled)):
        sheet.write_row(index, 0, row)
    workbook.close()
    return path


def rewrite_zip(source: Path, target: Path, edit: Callable[[str, bytes], tuple[str, bytes] | bytes | None]) -> Path:
    """Copy a zip member by member through `edit`, which returns new bytes, (new name, bytes) or None to drop."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            result = edit(item.filename, old.read(item.filename))
            if result is None:
                continue
            name, data = result if isinstance(result, tuple) else (item.filename, result)
            new.writestr(name, data)
    return target


def edit_part(folder: Path, name: str, part: str, change: Callable[[bytes], bytes]) -> Path:
    base = shared_strings_roster(folder / f"base-{name}.xlsx")
    return rewrite_zip(base, folder / name, lambda member, data: change(data) if member == part else data)
