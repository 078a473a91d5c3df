"""Build 附件2 score sheets for tests: the official form (from the shipped builder) and flat tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from builders import make_id, write_rows

from sanqu_cli.render.score_form import build_form, fill_worksheet, grid_of, locate_fields
from sanqu_cli.rules import load_rules

RULES = load_rules()
NAMES = [indicator.name for indicator in RULES.appraisal.indicators]

# 5+10+5+5+10+10+10+10+5+10+5+5+10 = 100: every item at its maximum.
FULL = {indicator.number: indicator.max_points for indicator in RULES.appraisal.indicators}


def points_for(total: int) -> dict[int, int]:
    """Return item points summing to `total` (60..100) by lowering the judged item 10 and item 5 first."""
    points = dict(FULL)
    deficit = 100 - total
    for number in (10, 5, 7, 8):
        take = min(deficit, points[number])
        points[number] -= take
        deficit -= take
    assert deficit == 0
    return points


def write_form(path: Path, serial: int = 1, *, points: dict[int, Any] | None = None, counts: dict[int, Any] | None = None,
               total: Any = "sum", grade: Any = None, unit: str = "西藏自治区农牧科学院", name: str | None = None,
               id_number: str | None = "auto", with_counts: bool = False, date: Any = None, year: Any = 2024,
               title: str = "2024年度“三区”科技人才选派工作绩效考核评分表") -> Path:
    """Write one official-layout form; `total="sum"` writes the sum of the points into 合计."""
    workbook = build_form(RULES, with_counts=with_counts, title=title)
    sheet = workbook.active
    positions = locate_fields(grid_of(sheet), RULES)
    points = dict(FULL if points is None else points)
    if total == "sum":
        total = sum(int(value) for value in points.values() if isinstance(value, int))
    values = {"name": name or f"测试{serial}", "id_number": make_id(serial) if id_number == "auto" else id_number,
              "work_unit": unit, "dispatching_unit": unit, "total": total, "grade": grade, "appraised_on": date,
              "year": year, "host_unit": "林周县农业农村局"}
    fill_worksheet(sheet, positions, values, points, counts or {})
    workbook.save(path)
    return path


def write_unit(folder: Path, totals: list[int], unit: str = "西藏自治区农牧科学院", start: int = 1) -> list[Path]:
    """Write one form per total into folder, people numbered from `start`."""
    folder.mkdir(parents=True, exist_ok=True)
    return [write_form(folder / f"{start + index:03d}.xlsx", start + index, points=points_for(total), unit=unit)
            for index, total in enumerate(totals)]


def write_table(path: Path, people: list[dict[str, Any]], headers: list[str]) -> Path:
    """Write a flat score table: a title row, the header, one row per person (header → value)."""
    rows = [["2024年度“三区”科技人才绩效考核评分汇总表"], headers]
    rows += [[person.get(header) for header in headers] for person in people]
    return write_rows(path, rows, sheet="评分表")
