"""Build earlier years' result files for the history tests: 考核汇总, 处理记录, rosters with 考核等次."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from builders import ROSTER_HEADERS, make_id, person, write_roster, write_rows

SUMMARY_HEADERS = ["序号", "选派单位", "姓名", "身份证号", "考核得分", "考核等次"]
DISQUALIFICATION_HEADERS = ["序号", "姓名", "身份证号", "年度", "情形", "文号"]
GRADE_POINTS = {"优秀": 95, "合格": 75, "不合格": 40}


def write_summary(path: Path, year: int | None, people: list[tuple[int, str]], *, ids: dict[int, Any] | None = None) -> Path:
    """Write a 考核汇总 of (serial, 等次) pairs; `ids` replaces the ID cell of some serials."""
    ids = ids or {}
    rows: list[list[Any]] = [[f"{year}年度“三区”科技人才绩效考核结果汇总" if year else "绩效考核结果汇总"], SUMMARY_HEADERS]
    for index, (serial, grade) in enumerate(people, start=1):
        rows.append([index, "西藏自治区农牧科学院", f"测试{serial}", ids.get(serial, make_id(serial)),
                     GRADE_POINTS[grade], grade])
    return write_rows(path, rows, sheet="考核汇总")


def write_disqualifications(path: Path, entries: list[tuple[int, int, str]]) -> Path:
    """Write a 处理记录 of (serial, 年度, 情形) rows."""
    rows: list[list[Any]] = [["“三区”科技人才取消资格处理记录"], DISQUALIFICATION_HEADERS]
    for index, (serial, year, case) in enumerate(entries, start=1):
        rows.append([index, f"测试{serial}", make_id(serial), year, case, f"藏科人〔{year}〕{index}号"])
    return write_rows(path, rows, sheet="处理记录")


def this_year_roster(path: Path, year: int, serials: list[int], grades: dict[int, str] | None = None,
                     ids: dict[int, Any] | None = None) -> Path:
    """Write a roster of `year` (year in the title); with `grades`, a 考核等次 column is added."""
    people = []
    for serial in serials:
        row = person(serial, 服务开始日期=dt.date(year, 3, 1), 服务结束日期=dt.date(year, 11, 30))
        if ids and serial in ids:
            row["身份证号"] = ids[serial]
        if grades is not None:
            row["考核等次"] = grades.get(serial)
        people.append(row)
    headers = ROSTER_HEADERS + (["考核等次"] if grades is not None else [])
    return write_roster(path, people, headers=headers, preamble=[[f"{year}年度“三区”科技人才选派人员花名册"]])
