"""Build real workbooks for tests: rosters in the layouts offices send, with valid invented IDs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from stdnum.cn import ric

ROSTER_HEADERS = ["序号", "姓名", "身份证号", "联系电话", "工作单位", "技术职称", "人员类别", "选派单位", "科技特派团",
                  "团内职务", "受援单位", "受援县(区)", "服务区类别", "服务开始日期", "服务结束日期", "服务天数", "三方协议"]


def make_id(serial: int, area: str = "540102", check_x: bool = False) -> str:
    """Return a valid 身份证号; the serial picks the birth date, so different serials never collide."""
    birth = dt.date(1980, 1, 1) + dt.timedelta(days=serial)
    for order in range(100, 1000):
        body = f"{area}{birth:%Y%m%d}{order:03d}"
        number = body + ric.calc_check_digit(body + "0")
        if number.endswith("X") == check_x:
            return number
    raise AssertionError("no ID with that check digit")


def person(serial: int = 1, **fields: Any) -> dict[str, Any]:
    """Return a roster row (header → value) that passes every check, with `fields` overriding."""
    row = {
        "序号": serial,
        "姓名": f"测试{serial}",
        "身份证号": make_id(serial),
        "联系电话": f"139{serial:08d}",
        "工作单位": "西藏自治区农牧科学院",
        "技术职称": "农艺师",
        "人员类别": "区内专业技术人员",
        "选派单位": "西藏自治区农牧科学院",
        "科技特派团": None,
        "团内职务": None,
        "受援单位": "林周县农业农村局",
        "受援县(区)": "林周县",
        "服务区类别": "二类区",
        "服务开始日期": dt.date(2024, 3, 1),
        "服务结束日期": dt.date(2024, 11, 30),
        "服务天数": 45,
        "三方协议": "是",
    }
    row.update(fields)
    return row


def write_rows(path: Path, rows: list[list[Any]], *, sheet: str = "花名册", merges: list[str] = (),
               text_columns: tuple[int, ...] = (), extra_sheets: dict[str, list[list[Any]]] | None = None,
               hidden: tuple[str, ...] = ()) -> Path:
    """Write rows (lists of values, top-left at A1) to an xlsx file."""
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for row in rows:
        worksheet.append(list(row))
    for merged in merges:
        worksheet.merge_cells(merged)
    for column in text_columns:
        for cells in worksheet.iter_cols(min_col=column, max_col=column):
            for cell in cells:
                cell.number_format = "@"
    for name, sheet_rows in (extra_sheets or {}).items():
        other = workbook.create_sheet(name)
        for row in sheet_rows:
            other.append(list(row))
    for name in hidden:
        workbook[name].sheet_state = "hidden"
    workbook.save(path)
    return path


def write_roster(path: Path, people: list[dict[str, Any]], *, headers: list[str] | None = None,
                 preamble: list[list[Any]] = (), notes: list[list[Any]] = (), sheet: str = "花名册") -> Path:
    """Write a one-row-header roster: preamble rows, the header, one row per person, note rows."""
    headers = headers or ROSTER_HEADERS
    rows = [list(row) for row in preamble]
    rows.append(headers)
    rows.extend([p.get(h) for h in headers] for p in people)
    rows.extend(list(row) for row in notes)
    return write_rows(path, rows, sheet=sheet)


def hide_all_sheets(path: Path) -> Path:
    """Mark every sheet hidden by editing xl/workbook.xml, which Excel allows but openpyxl refuses to write."""
    import re
    import zipfile

    temp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                text = data.decode("utf-8")
                text = re.sub(r'state="visible"', 'state="hidden"', text)
                text = re.sub(r'<sheet (?![^>]*state=)', '<sheet state="hidden" ', text)
                data = text.encode("utf-8")
            target.writestr(item, data)
    temp.replace(path)
    return path
