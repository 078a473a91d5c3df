"""身份证号 and 联系电话: validity, and the stored-as-number loss that Excel causes.

Excel keeps 15 significant digits. An 18-digit ID typed into a number cell is shown as
5.40102E+17 and saved as 540102199001011000, so its last three digits are lost. Only
re-entering the ID in a text cell repairs it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from stdnum.cn import ric

from sanqu_cli.workbook.cells import clean_text

_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,5})?$")


_TODAY = dt.date.today()


@dataclass(frozen=True)
class IdCheck:
    """Outcome of checking one ID: `number` is the normalised ID when it is usable as a key."""

    status: str  # "ok", "stored_as_number", "invalid"
    number: str | None = None
    reason: str = ""
    known_digits: str = ""


def _known_digits(raw: Any) -> str:
    """Return the digits an Excel number still contains (at most 15 significant), for the message."""
    try:
        number = float(raw)
    except (TypeError, ValueError):
        return ""
    digits = f"{number:.15g}".replace(".", "")
    digits = re.sub(r"e\+?\d+$", "", digits)
    return digits[:15]


@lru_cache(maxsize=4096)
def _area_ever_existed(area: str) -> bool:
    from stdnum import numdb

    return any("county" in properties for _, properties in numdb.get("cn/loc").info(area))


def check_id(raw: Any) -> IdCheck:
    """Check an ID cell as it was stored: number cells and E+ text are P102, the rest is GB 11643.

    The steps are stdnum's: length, format, check digit (`ric.calc_check_digit`), birth date
    and area code. They are done here because stdnum's own `validate` searches its area table
    on every call, and the cached lookup below is much faster on rosters of 100,000 rows.
    """
    if isinstance(raw, bool):
        return IdCheck("invalid", reason="不是身份证号")
    if isinstance(raw, (int, float)):
        return IdCheck("stored_as_number", known_digits=_known_digits(raw))

    text = (clean_text(raw) or "").replace(" ", "").replace("-", "").lstrip("'‘’`")
    if _SCIENTIFIC.match(text):
        return IdCheck("stored_as_number", known_digits=_known_digits(text))
    number = text.upper()

    if len(number) != 18:
        return IdCheck("invalid", reason=f"长度为 {len(number)} 位，应为 18 位")
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        return IdCheck("invalid", reason="前 17 位应全是数字，最后一位是数字或 X")
    if number[-1] != ric.calc_check_digit(number):
        # Digits 16-18 all zero with a wrong check digit is what a number cell leaves behind.
        if number.endswith("000"):
            return IdCheck("stored_as_number", known_digits=number[:15])
        return IdCheck("invalid", reason="校验位不对（最后一位），可能有数字输错")
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return IdCheck("invalid", reason=f"出生日期 {number[6:14]} 不是有效日期")
    if birth.year < 1900 or birth > _TODAY:
        return IdCheck("invalid", reason=f"出生日期 {number[6:14]} 不可能（早于1900年或晚于今天）")
    # stdnum's validate also wants the area code to have existed in the birth year, but numbers
    # are assigned at registration: a 城关区 (540102, from 1983) ID of someone born in 1980 is
    # real. Any area code that ever existed is accepted.
    if not _area_ever_existed(number[:6]):
        return IdCheck("invalid", reason=f"地区码 {number[:6]} 不存在")
    return IdCheck("ok", number=number)


@dataclass(frozen=True)
class IdProblem:
    """The finding an ID check calls for: its code, Chinese message and the value to report."""

    code: str
    message: str
    value: str | None = None


def id_problem(result: IdCheck) -> IdProblem | None:
    """Return the P101 or P102 finding for a checked ID, or None when the ID is valid.

    For a stored-as-number ID the reported value is the digits Excel kept followed by "?" for
    the lost ones, never the misleading 540102199001011000 or 5.4E+17.
    """
    if result.status == "stored_as_number":
        partial_id = None
        if result.known_digits:
            partial_id = result.known_digits + "?" * (18 - len(result.known_digits))
        message = ("身份证号被存成了数字，Excel 只保留 15 位有效数字，后几位已经丢失，无法恢复。"
                   "请把这一列的单元格格式设为“文本”，再重新录入完整的身份证号。")
        return IdProblem("P102", message, partial_id)
    if result.status == "invalid":
        return IdProblem("P101", f"身份证号无效：{result.reason}。请核对后重新填写。")
    return None


def check_phone(value: str | None) -> bool:
    """Tell whether a phone is an 11-digit mobile or a landline with its area code."""
    if not value or _MOBILE.match(value):
        return True
    text = re.sub(r"[\s()（）]", "", value)
    text = text.replace("—", "-").removeprefix("+86").removeprefix("86-")
    if _MOBILE.match(text) or _MOBILE.match(text.replace("-", "")):
        return True
    if _LANDLINE.match(text):
        return True
    return False
