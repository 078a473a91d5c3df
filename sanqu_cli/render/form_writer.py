"""Fill the 附件2 template many times fast, by writing values straight into its sheet XML.

Loading and saving the template with openpyxl takes tens of milliseconds per person, which
is minutes for a region's batch. The template's sheet XML is split once around the value
cells. Each filled form is the pieces joined with the person's values, zipped with the
template's other parts unchanged. Values are inline strings or numbers, so text typed by a
clerk can never become a formula.
"""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

_SHEET_PART = "xl/worksheets/sheet1.xml"


class TemplateError(Exception):
    """The template lacks a cell element for a value cell, so the fast path cannot fill it."""


class FormWriter:
    """Write filled copies of one template: cells are (row, column) pairs, 1-based."""

    def __init__(self, template: Path, cells: list[tuple[int, int]]) -> None:
        with zipfile.ZipFile(template) as archive:
            self._parts = [(info, archive.read(info.filename)) for info in archive.infolist()]
        xml = next(data for info, data in self._parts if info.filename == _SHEET_PART).decode("utf-8")

        # Each value cell's element: <c r="F9" s="3"/> or <c r="F9" s="3"></c> (or with an old value).
        spans = []
        for row, column in cells:
            ref = f"{get_column_letter(column)}{row}"
            match = re.search(rf'<c r="{ref}"((?:\s+s="\d+")?)[^>]*?(?:/>|>.*?</c>)', xml)
            if match is None:
                raise TemplateError(ref)
            spans.append((match.start(), match.end(), (row, column), ref, match.group(1)))
        spans.sort()

        self._pieces: list[str] = []
        self._slots: list[tuple[tuple[int, int], str, str]] = []
        position = 0
        for start, end, place, ref, style in spans:
            self._pieces.append(xml[position:start])
            self._slots.append((place, ref, style))
            position = end
        self._pieces.append(xml[position:])

    def _cell_xml(self, ref: str, style: str, value: Any) -> str:
        if value is None or value == "":
            return f'<c r="{ref}"{style}/>'
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return f'<c r="{ref}"{style}><v>{value}</v></c>'
        text = escape(str(value))
        return f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'

    def sheet_xml(self, values: dict[tuple[int, int], Any]) -> bytes:
        out = []
        for piece, (place, ref, style) in zip(self._pieces, self._slots):
            out.append(piece)
            out.append(self._cell_xml(ref, style, values.get(place)))
        out.append(self._pieces[-1])
        return "".join(out).encode("utf-8")

    def write(self, target: Path, values: dict[tuple[int, int], Any]) -> None:
        """Write one filled copy.

        The template's other parts are stored uncompressed because deflating the same bytes for
        every person is slower than writing them. Each form grows by about 12 KB.
        """
        sheet = self.sheet_xml(values)
        with zipfile.ZipFile(target, "w") as archive:
            for info, data in self._parts:
                if info.filename == _SHEET_PART:
                    archive.writestr(info.filename, sheet, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
                else:
                    archive.writestr(info.filename, data, compress_type=zipfile.ZIP_STORED)
