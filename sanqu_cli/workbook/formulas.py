"""Find formula cells saved without a computed value.

Files written by some web systems and scripts hold formulas that no spreadsheet program has
computed, so the cell has no cached value and a fast reader sees it as blank. Reading it as
0 or as "missing" would be wrong: the clerk has to open and save the file in Excel or WPS.
"""

from __future__ import annotations

import zipfile
from pathlib import Path


def _has_formulas(path: Path) -> bool:
    """Tell cheaply whether any worksheet part contains a formula element."""
    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    with archive.open(name) as part:
                        while chunk := part.read(1 << 20):
                            if b"<f>" in chunk or b"<f " in chunk or b"<x:f" in chunk:
                                return True
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError):
        return False
    return False


def formula_cells(path: Path, sheet_name: str) -> dict[tuple[int, int], str]:
    """Return the formulas of one xlsx sheet by 0-based (row, column)."""
    if not _has_formulas(path):
        return {}

    import openpyxl  # only files that contain formulas pay for the import

    formulas: dict[tuple[int, int], str] = {}
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 - calamine already read the file; this is a best-effort detail
        return formulas
    try:
        if sheet_name not in workbook.sheetnames:
            return formulas
        for row in workbook[sheet_name].iter_rows():
            for cell in row:
                value = getattr(cell, "value", None)
                if isinstance(value, str) and value.startswith("="):
                    formulas[(cell.row - 1, cell.column - 1)] = value
    finally:
        workbook.close()
    return formulas
