"""Masking of 身份证号 and phone numbers in everything printed, logged or written as JSON.

个人信息保护法 treats both as personal information, and validation reports travel by chat
and e-mail between offices, so they are masked unless the user passes `--show-pii`.
"""

from __future__ import annotations

import re

# An 18-character ID is 17 digits and a digit or X. Reports write an ID whose last digits
# Excel dropped as "540102199001011???". A mobile number is 11 digits starting with 1.
_ID_PATTERN = re.compile(r"(?<![0-9])([1-9][0-9]{5})([0-9]{8})([0-9?]{3}[0-9Xx?])(?![0-9])")
_MOBILE_PATTERN = re.compile(r"(?<![0-9])(1[3-9][0-9])([0-9]{4})([0-9]{4})(?![0-9])")
_LANDLINE_PATTERN = re.compile(r"(?<![0-9])(0[0-9]{2,3}-?)([0-9]{3,4})([0-9]{4})(?![0-9])")


# Fields whose values are personal information wherever they appear, valid or not.
PERSONAL_FIELDS = frozenset({"id_number", "phone"})


def mask_any(text: str) -> str:
    """Mask a personal value of any shape (a malformed ID or phone is still personal)."""
    compact = text.strip()
    if len(compact) >= 15:
        return mask_id(compact)
    if len(compact) == 11:
        return mask_phone(compact)
    if len(compact) >= 7:
        return compact[:3] + "*" * (len(compact) - 5) + compact[-2:]
    return "*" * len(compact)


def mask_id(text: str) -> str:
    """Mask the middle of an ID number, keeping the area code and the last four: 540102********123X."""
    if len(text) <= 10:
        return "*" * len(text)
    return text[:6] + "*" * (len(text) - 10) + text[-4:]


def mask_phone(text: str) -> str:
    """Mask the middle four digits of a phone number: 138****5678."""
    digits = len(text)
    if digits < 7:
        return "*" * digits
    return text[:3] + "*" * (digits - 7) + text[-4:]


def scrub(text: str) -> str:
    """Mask every ID number and phone number found in free text."""
    text = _ID_PATTERN.sub(lambda m: m.group(1) + "*" * 8 + m.group(3), text)
    text = _MOBILE_PATTERN.sub(lambda m: m.group(1) + "****" + m.group(3), text)
    return _LANDLINE_PATTERN.sub(lambda m: m.group(1) + "****" + m.group(3), text)


class Masker:
    """Applies or skips masking according to `--show-pii`, so callers need not branch."""

    def __init__(self, show_pii: bool = False) -> None:
        self.show_pii = show_pii

    def text(self, text: str | None) -> str | None:
        if text is None or self.show_pii:
            return text
        return scrub(text)

    def value(self, text: str | None, personal: bool) -> str | None:
        """Mask a finding's or record's value: fully when it comes from a personal field, else by pattern."""
        if text is None or self.show_pii:
            return text
        return mask_any(text) if personal else scrub(text)

    def id_number(self, text: str | None) -> str | None:
        if text is None or self.show_pii:
            return text
        return mask_id(text)
