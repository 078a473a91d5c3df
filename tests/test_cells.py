"""Normalisation of single cell values: numbers with units, dates, full-width digits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from sanqu_cli.workbook.cells import clean_text, header_key, parse_date, parse_decimal, parse_period, parse_whole


@pytest.mark.parametrize("raw", ["３０", "30天", "30 天", 30, 30.0, " 30 ", "30\u00a0"])
def test_whole_number_with_units(raw):
    assert parse_whole(raw) == 30
    assert isinstance(parse_whole(raw), int)


@pytest.mark.parametrize("raw, expected", [
    ("1.5万元", Decimal("15000")),
    ("15,000.00", Decimal("15000.00")),
    ("12人", Decimal("12")),
    (0.1, Decimal("0.1")),
    ("-3", Decimal("-3")),
])
def test_decimal_with_units(raw, expected):
    assert parse_decimal(raw) == expected


@pytest.mark.parametrize("raw", ["三十天", "30.5.1", "abc", "1,2,3"])
def test_decimal_rejects_text(raw):
    with pytest.raises(ValueError):
        parse_decimal(raw)


def test_whole_rejects_fraction():
    with pytest.raises(ValueError):
        parse_whole("45.5")


@pytest.mark.parametrize("raw", ["2022.4.29", "2022年4月29日", 20220429, "20220429", "2022-04-29", "2022/4/29",
                                 dt.datetime(2022, 4, 29, 0, 0), 44680, "2022-04-29 00:00:00"])
def test_date_forms(raw):
    assert parse_date(raw) == dt.date(2022, 4, 29)


def test_date_1904_serial():
    assert parse_date(43218, date1904=True) == dt.date(2022, 4, 29)


@pytest.mark.parametrize("raw", ["2022.4", "2022年4月", "2022-13-01", "明年", "2022.2.30"])
def test_partial_or_bad_date_is_error(raw):
    with pytest.raises(ValueError):
        parse_date(raw)


def test_blank_is_none():
    assert parse_date("") is None
    assert parse_whole(None) is None
    assert clean_text(" \u3000\u200b") is None


def test_clean_text_strips_spaces_and_width():
    assert clean_text("李四 ") == "李四"
    assert clean_text("\ufeff王五\u3000") == "王五"
    assert clean_text("ＡＢＣ１２３") == "ABC123"


def test_header_key_removes_all_spaces():
    assert header_key("姓\u3000名") == "姓名"
    assert header_key("服务天数\u00a0") == "服务天数"
    assert header_key("受援县（区）") == "受援县(区)"


def test_service_period_in_one_cell():
    assert parse_period("2024.3.1-2024.12.31") == (dt.date(2024, 3, 1), dt.date(2024, 12, 31))
    assert parse_period("2024年3月1日至2024年12月31日") == (dt.date(2024, 3, 1), dt.date(2024, 12, 31))
    assert parse_period("2024-03-01-2024-12-31") == (dt.date(2024, 3, 1), dt.date(2024, 12, 31))
