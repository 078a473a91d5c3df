"""Parsers that turn one raw cell into a normalised value for a column kind.

Each parser returns the value or raises `ValueProblem` with a Chinese explanation; the
reader turns the problem into a finding at the cell. A blank cell is always None.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sanqu_cli.workbook.cells import clean_text, is_blank, parse_date, parse_decimal, parse_period, parse_whole


class ValueProblem(Exception):
    """A value that cannot be read as its column's kind; `code` is the default rule code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


YES = {"是", "已签", "已签订", "签订", "有", "√", "✓", "✔", "y", "yes", "1", "true", "已完成", "已制定", "已建立"}
NO = {"否", "未签", "未签订", "没有", "无", "×", "✗", "n", "no", "0", "false", "未完成", "未制定", "未建立"}


def _text(value: Any, date1904: bool, choices: dict[str, str]) -> Any:
    return clean_text(value)


def _whole(value: Any, date1904: bool, choices: dict[str, str]) -> Any:
    try:
        number = parse_whole(value)
    except ValueError:
        raise ValueProblem("P105", f"“{clean_text(value)}”不是整数，请填写阿拉伯数字（可带单位，如“45天”）") from None
    if number is not None and number < 0:
        raise ValueProblem("P105", f"{number} 是负数，请填写 0 或正整数")
    return number


def _decimal(value: Any, date1904: bool, choices: dict[str, str]) -> Any:
    try:
        return parse_decimal(value)
    except ValueError:
        raise ValueProblem("P105", f"“{clean_text(value)}”不是数字，请填写阿拉伯数字（可带单位，如“1.5万元”）") from None


def _date(value: Any, date1904: bool, choices: dict[str, str]) -> Any:
    try:
        return parse_date(value, date1904)
    except ValueError:
        raise ValueProblem(
            "P123",
            f"日期“{clean_text(value)}”无法识别，请写完整的年月日，如 2024-03-01、2024.3.1 或 2024年3月1日",
        ) from None


def _period(value: Any, date1904: bool, choices: dict[str, str]) -> Any:
    try:
        return parse_period(value)
    except ValueError:
        raise ValueProblem(
            "P123",
            f"服务期“{clean_text(value)}”无法识别，请写成“2024.3.1-2024.12.31”的形式，起止日期都写完整",
        ) from None


def _yes_no(value: Any, date1904: bool, choices: dict[str, str]) -> Any:
    if isinstance(value, bool):
        return value
    text = clean_text(value)
    if text is None:
        return None
    key = text.lower()
    if key in YES:
        return True
    if key in NO:
        return False
    raise ValueProblem("P106", f"“{text}”不是“是”或“否”，请填写“是”或“否”")


def _choice(value: Any, date1904: bool, choices: dict[str, str]) -> Any:
    text = clean_text(value)
    if text is None:
        return None
    key = text.replace(" ", "")
    if key in choices:
        return choices[key]
    # The first spelling listed for each value is the standard one (区内专业技术人员, 二类区).
    standard: dict[str, str] = {}
    for spelling, normalised in choices.items():
        standard.setdefault(normalised, spelling)
    allowed = "、".join(standard.values())
    raise ValueProblem("P106", f"“{text}”不是允许的取值，请填写以下之一：{allowed}")


def _raw_text_keep(value: Any, date1904: bool, choices: dict[str, str]) -> Any:
    """ID numbers and phones keep their raw text; the checks look at the raw cell as well."""
    if value is None or value == "":
        return None
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    text = clean_text(value)
    if not text:
        return None
    # A leading apostrophe is Excel's way of typing a number as text; exports sometimes keep it.
    return text.lstrip("'‘’`").replace(" ", "").upper() or None


PARSERS: dict[str, Callable[[Any, bool, dict[str, str]], Any]] = {
    "text": _text,
    "whole": _whole,
    "decimal": _decimal,
    "date": _date,
    "period": _period,
    "yes_no": _yes_no,
    "choice": _choice,
    "id_number": _raw_text_keep,
    "phone": _raw_text_keep,
}


def parse_value(kind: str, value: Any, date1904: bool = False, choices: dict[str, str] | None = None) -> Any:
    """Parse one raw value as a column kind; raises ValueProblem."""
    return PARSERS[kind](value, date1904, choices or {})


__all__ = ["PARSERS", "ValueProblem", "is_blank", "parse_value"]
