"""Write the example 附件2 batch under examples/score-sheets-2024/ (run from the repository root).

    python tools/make_score_sheets.py

The people are those of two units of examples/roster-2024.xlsx, read through sanqu's own
reader so the sheets agree with the roster. 西藏自治区农牧科学院 sends one file per person in
the official layout (every other file with the 数量 column offices add); 西藏农牧学院 sends one
workbook with one sheet per person. Totals are chosen so that both quotas (30 people → 6 优秀)
bind, and three people share 95 points for the last two places of the first unit. Planted
mistakes are listed in PLANTED and asserted by the tests.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sanqu_cli.render.score_form import build_form, fill_worksheet, grid_of, locate_fields  # noqa: E402
from sanqu_cli.rules import load_rules  # noqa: E402
from sanqu_cli.schema import KINDS  # noqa: E402
from sanqu_cli.schema.read import read_table  # noqa: E402

YEAR = 2024
OUT = ROOT / "examples" / "score-sheets-2024"
UNIT_FILES = "西藏自治区农牧科学院"
UNIT_BOOK = "西藏农牧学院"
TITLE = f"{YEAR}年度“三区”科技人才选派工作绩效考核评分表"

# Totals by position in the unit (the rest are drawn at random below 90).
TOTALS_FILES = [100, 98, 97, 96, 95, 95, 95, 92, 88, 85, 83, 80, 79, 77, 75, 74, 72, 70, 68, 66, 65, 64, 63, 62, 61,
                86, 81, 78, 58, 55]
TOTALS_BOOK = [99, 97, 94, 93, 92, 91, 90, 90, 89, 87, 86, 84, 82, 81, 80, 79, 78, 76, 73, 71, 69, 67, 66, 64, 62,
               60, 85, 83, 59, 57]
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

# Planted mistakes: (unit, position in unit) → what is wrong; the tests assert the codes.
PLANTED = {
    (UNIT_FILES, 8): "A303: 合计 written 2 points higher than the items",
    (UNIT_FILES, 9): "A301: item 6 entered as 7",
    (UNIT_FILES, 10): "A302: item 8 count 23 people but 5 points entered",
    (UNIT_FILES, 12): "A310: 身份证号 left blank, linked by 姓名 + 选派单位",
    (UNIT_FILES, 13): "A308: appraisal dated 2025-01-10",
    (UNIT_BOOK, 10): "A305: 等次 优秀 entered for 87 points",
    (UNIT_BOOK, 11): "A302: item 2 entered as 0 while the roster has enough service days",
}


def split_points(rules, total: int, rng: random.Random) -> dict[int, int]:
    """Return reachable item points summing to `total`: start from full marks, take points off at random."""
    points = {indicator.number: indicator.max_points for indicator in rules.appraisal.indicators}
    fixed = {i.number for i in rules.appraisal.indicators if i.rule in ("binary", "min_days") and i.section == "硬性条件"}
    others = [i for i in rules.appraisal.indicators if i.number not in fixed]
    deficit = sum(points.values()) - total
    while deficit > 0:
        indicator = rng.choice(others)
        step = indicator.points_each or (indicator.max_points if indicator.rule == "binary" else 1)
        if step <= deficit and points[indicator.number] >= step:
            points[indicator.number] -= step
            deficit -= step
    return points


def counts_for(rules, points: dict[int, int], days: int, rng: random.Random) -> dict[int, object]:
    counts: dict[int, object] = {}
    for indicator in rules.appraisal.indicators:
        value = points[indicator.number]
        if indicator.rule == "binary":
            counts[indicator.number] = "是" if value else "否"
        elif indicator.rule == "min_days":
            counts[indicator.number] = days
        elif indicator.rule == "per_count":
            counts[indicator.number] = value // indicator.points_each + (rng.randrange(3) if value == indicator.max_points
                                                                          else 0)
        elif indicator.rule == "per_group":
            counts[indicator.number] = value * indicator.group_size + (rng.randrange(indicator.group_size))
    return counts


def person_values(record, unit: str) -> dict[str, object]:
    return {
        "name": record.get("name"), "work_unit": record.get("work_unit"), "specialty": record.get("specialty"),
        "title": record.get("title"), "id_number": record.get("id_number"), "phone": record.get("phone"),
        "team": record.get("team") or "无", "host_unit": record.get("host_unit"), "dispatching_unit": unit,
        "year": YEAR, "appraised_on": f"{YEAR}-12-{20 + record.row % 8:02d}",
    }


def grade_for(rules, total: int) -> str:
    if total >= rules.appraisal.excellent_min_points:
        return "优秀"
    if total >= rules.appraisal.pass_min_points:
        return "合格"
    return "不合格"


def fill(sheet, rules, record, unit: str, position: int, total: int, with_counts: bool, rng: random.Random) -> None:
    positions = locate_fields(grid_of(sheet), rules)
    points = split_points(rules, total, rng)
    values = person_values(record, unit)
    entered: dict[int, object] = dict(points)
    counts = counts_for(rules, points, record.get("service_days"), rng) if with_counts else {}
    written_total: object = total
    values["grade"] = grade_for(rules, total)

    planted = PLANTED.get((unit, position), "")
    if planted.startswith("A303"):
        written_total = total + 2
    elif planted.startswith("A301"):
        entered[6] = 7
    elif planted.startswith("A302: item 8"):
        counts[8], entered[8] = 23, 5
    elif planted.startswith("A310"):
        values["id_number"] = None
    elif planted.startswith("A308"):
        values["appraised_on"] = f"{YEAR + 1}-01-10"
    elif planted.startswith("A305"):
        values["grade"] = "优秀"
    elif planted.startswith("A302: item 2"):
        entered[2] = 0
    if not planted.startswith("A303"):
        written_total = sum(int(value) for value in entered.values())
    # Offices type some points with full-width digits or a unit; the reader must take them.
    if position % 4 == 1:
        entered[5] = str(entered[5]).translate(FULL_WIDTH)
        written_total = str(written_total).translate(FULL_WIDTH)
    if position % 5 == 2:
        entered[13] = f"{entered[13]}分"
    values["total"] = written_total
    fill_worksheet(sheet, positions, values, entered, counts)


def main() -> None:
    rules = load_rules()
    roster = read_table(ROOT / "examples" / "roster-2024.xlsx", rules, [KINDS["roster"]], forced=True)
    rng = random.Random(93)
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.rglob("*.xlsx"):
        old.unlink()

    members = [r for r in roster.records if r.get("dispatching_unit") == UNIT_FILES]
    folder = OUT / UNIT_FILES
    folder.mkdir(exist_ok=True)
    for position, (record, total) in enumerate(zip(members, TOTALS_FILES)):
        workbook = build_form(rules, with_counts=position % 2 == 0, title=TITLE)
        fill(workbook.active, rules, record, UNIT_FILES, position, total, position % 2 == 0, rng)
        workbook.save(folder / f"{position + 1:02d}-{record.get('name')}.xlsx")

    members = [r for r in roster.records if r.get("dispatching_unit") == UNIT_BOOK]
    workbook = build_form(rules, title=TITLE)
    first = workbook.active
    for position, (record, total) in enumerate(zip(members, TOTALS_BOOK)):
        sheet = workbook.copy_worksheet(first)
        sheet.title = f"{position + 1:02d}{record.get('name')}"
        fill(sheet, rules, record, UNIT_BOOK, position, total, False, rng)
    workbook.remove(first)
    workbook.save(OUT / f"{UNIT_BOOK}-评分表.xlsx")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
