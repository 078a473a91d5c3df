"""Cells and the normalisation of what offices type into them.

Offices type full-width digits, numbers with units ("45天", "1.5万元"), dates as text in half
a dozen forms, and pad everything with ideographic or no-break spaces. These functions turn
such content into plain values, and raise ValueError when they cannot.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

# Characters that Excel and WPS users paste in around values: zero-width space and joiners,
# word joiner and the byte-order mark. NFKC does not remove them.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
SPACES = " \t\r\n\u3000\u00a0" + _INVISIBLE
_ALL_SPACE = re.compile(f"[\\s{_INVISIBLE}]+")


@dataclass(slots=True)
class Cell:
    """A normalised value and the place it came from (1-based row, column letter)."""

    value: Any
    raw: Any
    sheet: str
    row: int
    column: str
    header: str

    @property
    def a1(self) -> str:
        return f"{self.column}{self.row}"

    @property
    def ref(self) -> str:
        return f"{self.sheet}!{self.a1}"


def column_letter(index: int) -> str:
    """Return the Excel column letter of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def is_blank(value: Any) -> bool:
    """Tell whether a raw cell is empty or holds only spaces (including U+3000 and zero-width ones)."""
    if value is None or value == "":
        return True
    return type(value) is str and not value.strip(SPACES)


def clean_text(value: Any) -> str | None:
    """NFKC-normalise a value as text and strip spaces from its ends; blank becomes None."""
    if value is None:
        return None
    if type(value) is str and value.isascii():
        # NFKC leaves ASCII unchanged: only the ends need trimming (the common case for codes).
        return value.strip(" \t\r\n") or None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = value if isinstance(value, str) else str(value)
    # Most cells are already in normal form; checking is much cheaper than normalising.
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = text.strip(SPACES)
    return text or None


def header_key(value: Any) -> str:
    """Normalise a header for matching: NFKC, no spaces at all, （）→(), a trailing unit dropped."""
    text = unicodedata.normalize("NFKC", str(value or ""))
    text = _ALL_SPACE.sub("", text)
    return text


def strip_unit(key: str) -> str:
    """Drop a trailing bracketed unit from a header key: "服务时间(天)" → "服务时间"."""
    return re.sub(r"\([^()]*\)$", "", key) or key


# A number, optionally with thousands separators, followed by an optional unit.
_NUMBER = re.compile(r"^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(万元|万|元|[^\d\s.,+-]{1,3})?$")


def parse_decimal(value: Any) -> Decimal | None:
    """Read a number as typed by offices: 30, "３０", "30 天", "15,000.00", "1.5万元" → 15000.

    Returns None for a blank cell and raises ValueError for anything else that is not a number.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # repr gives the shortest decimal that round-trips, so 0.1 stays 0.1, not 0.1000000000000000055.
        return Decimal(repr(value))

    text = clean_text(value)
    if text is None:
        return None
    match = _NUMBER.match(text)
    if not match:
        raise ValueError(value)
    try:
        number = Decimal(match.group(1).replace(",", ""))
    except InvalidOperation:
        raise ValueError(value) from None
    unit = match.group(2) or ""
    if unit.startswith("万"):
        number *= 10000
    return number


def parse_whole(value: Any) -> int | None:
    """Read a whole number (days, people, counts); raises ValueError for a fraction or text."""
    number = parse_decimal(value)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise ValueError(value)
    return int(number)


_DATE_TEXT = [
    re.compile(r"^(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
]
# Serial numbers Excel can hold for dates from 1900-03-01 to 2199-12-31.
_SERIAL_RANGE = (61, 109573)
_EPOCH_1900 = dt.date(1899, 12, 30)
_EPOCH_1904 = dt.date(1904, 1, 1)


def _date_from_number(number: float, date1904: bool) -> dt.date:
    if float(number).is_integer() and 19000101 <= number <= 21991231:
        return _date_from_text(str(int(number)))
    if _SERIAL_RANGE[0] <= number <= _SERIAL_RANGE[1]:
        epoch = _EPOCH_1904 if date1904 else _EPOCH_1900
        return epoch + dt.timedelta(days=int(number))
    raise ValueError(number)


def _date_from_text(text: str) -> dt.date:
    for pattern in _DATE_TEXT:
        match = pattern.match(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            return dt.date(year, month, day)
    raise ValueError(text)


def parse_date(value: Any, date1904: bool = False) -> dt.date | None:
    """Read a date from a date cell, an Excel serial, or text such as 2024.3.1, 2024年3月1日, 20240301.

    A partial date such as "2024.3" raises ValueError: guessing the day would be wrong.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        return _date_from_number(value, date1904)

    text = clean_text(value)
    if text is None:
        return None
    # Digits alone are a serial number typed as text (45352) or yyyymmdd (20240301). A dotted
    # pair such as "2024.3" is a partial date, so it falls through to the error below.
    if text.isdigit() and len(text) != 8:
        return _date_from_number(int(text), date1904)
    return _date_from_text(text)


_PERIOD_SPLIT = re.compile(r"\s*(?:至|到|~|～|—|–|-{1,2})\s*(?=\d{4})")


def parse_period(value: Any) -> tuple[dt.date, dt.date] | None:
    """Read a one-cell service period such as "2024.3.1-2024.12.31" or "2024年3月1日至2024年12月31日"."""
    text = clean_text(value)
    if text is None:
        return None
    parts = _PERIOD_SPLIT.split(text, maxsplit=1)
    if len(parts) != 2:
        raise ValueError(value)
    return _date_from_text(parts[0]), _date_from_text(parts[1])
