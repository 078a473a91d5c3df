"""附件2 评分表 scoring: one person's sheet as read, and the points each indicator earns.

Both sheet shapes (the official form and the flat table) are read into `ScoreSheet`, so the
scoring, the checks and the outputs never ask which shape a person came from. Points are
computed from counts by the indicator rules of the rule set. Entered points are kept as
typed, so that the checks can compare the two.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sanqu_cli.rules import RuleSet
from sanqu_cli.rules.model import Indicator
from sanqu_cli.workbook.cells import Cell, clean_text, parse_decimal

ZERO = Decimal(0)

# Personal fields of a sheet, by code name, with the Chinese label used in messages.
PERSON_FIELDS = {
    "name": "姓名",
    "id_number": "身份证号",
    "work_unit": "工作单位",
    "dispatching_unit": "选派单位",
    "specialty": "专业",
    "title": "技术职称",
    "phone": "联系方式",
    "team": "科技特派团",
    "host_unit": "受援单位",
}


@dataclass
class ItemEntry:
    """One indicator row as entered: the points cell and, when the office added one, the count cell."""

    points: Cell | None = None
    count: Cell | None = None


@dataclass
class ScoreSheet:
    """One person's 附件2 as read from either shape; every value keeps its cell for the findings."""

    path: Path
    sheet: str
    shape: str  # "official" (附件2 form) or "table" (one row per person)
    row: int  # the row a finding about the whole sheet points at
    person: dict[str, Cell] = field(default_factory=dict)
    items: dict[int, ItemEntry] = field(default_factory=dict)
    subtotals: dict[str, Cell] = field(default_factory=dict)
    total: Cell | None = None
    grade: Cell | None = None
    appraised_on: Cell | None = None
    year_cell: Cell | None = None
    year: int | None = None

    def text(self, name: str) -> str | None:
        cell = self.person.get(name)
        return clean_text(cell.raw) if cell is not None else None

    @property
    def label(self) -> str:
        """Return how messages name the sheet: the person's name, else file and sheet."""
        return self.text("name") or f"{self.path.name}/{self.sheet}"

    @property
    def place(self) -> str:
        """Return where the person is in the batch: the file (and sheet), or the row of a table."""
        if self.shape == "table":
            return f"第{self.row}行"
        return self.path.name if self.sheet == "评分表" else f"{self.path.name}/{self.sheet}"

    @property
    def sort_key(self) -> tuple[str, str, str]:
        """Return an order that does not depend on the order of the input: name, ID, place."""
        return (self.text("name") or "", self.text("id_number") or "", f"{self.path}/{self.sheet}/{self.row:06d}")


@dataclass
class ItemScore:
    """The points one indicator counts for, and where they came from."""

    indicator: Indicator
    points: Decimal
    entered: Decimal | None = None
    computed: Decimal | None = None
    source: str = "blank"  # "count", "entered", "roster" or "blank"


@dataclass
class PersonScore:
    """A scored sheet: item points, section subtotals, total, and the grade once graded."""

    sheet: ScoreSheet
    items: list[ItemScore]
    sections: dict[str, Decimal]
    total: Decimal
    hard_failures: list[str] = field(default_factory=list)
    unit: str = ""
    roster: Any = None  # the roster Record this sheet was linked to
    roster_file: str = ""
    grade: str | None = None  # excellent / pass / fail
    rank: int | None = None
    tied: bool = False
    remarks: list[str] = field(default_factory=list)
    findings: list[Any] = field(default_factory=list)  # the Findings about this person, for the 备注 column

    def item(self, number: int) -> ItemScore:
        return next(item for item in self.items if item.indicator.number == number)


class EntryProblem(ValueError):
    """A cell that cannot be read as points or a count; the message is Chinese."""


def read_number(cell: Cell | None) -> Decimal | None:
    """Read a points or count cell ("５", "23人", "10分"); raise EntryProblem for text."""
    if cell is None or cell.raw is None:
        return None
    try:
        return parse_decimal(cell.raw)
    except ValueError:
        raise EntryProblem(f"“{clean_text(cell.raw)}”不是数字") from None


def read_count(indicator: Indicator, cell: Cell | None) -> Decimal | None:
    """Read a count; for a binary item 是/否 (已签, 有, √ …) counts as 1 or 0."""
    if cell is None or cell.raw is None:
        return None
    if indicator.rule == "binary":
        # Imported here: the schema package imports this module while it collects its kinds.
        from sanqu_cli.schema.parse import NO, YES

        text = (clean_text(cell.raw) or "").lower()
        if text in YES:
            return Decimal(1)
        if text in NO:
            return ZERO
    number = read_number(cell)
    if number is not None and number < 0:
        raise EntryProblem(f"数量 {number} 是负数")
    return number


def points_from_count(indicator: Indicator, count: Decimal, rules: RuleSet) -> Decimal | None:
    """Return the points a count earns under the indicator's rule, or None for an assessor-judged item."""
    top = Decimal(indicator.max_points)
    if indicator.rule == "binary":
        return top if count > 0 else ZERO
    if indicator.rule == "min_days":
        return top if count >= rules.service.min_days else ZERO
    if indicator.rule == "per_count":
        return min(top, (count // 1) * (indicator.points_each or 1))
    if indicator.rule == "per_group":
        # 每5人得1分: whole groups only, so 23 people are 4 points.
        return min(top, count // (indicator.group_size or 1))
    return None


def reachable_points(indicator: Indicator) -> list[Decimal] | None:
    """Return every point value the rule can give, or None when any value in 0..max is allowed (judged)."""
    top = indicator.max_points
    if indicator.rule in ("binary", "min_days"):
        return [ZERO, Decimal(top)]
    if indicator.rule == "per_count":
        step = indicator.points_each or 1
        values = {min(top, step * count) for count in range(top // step + 2)}
        return sorted(Decimal(value) for value in values)
    if indicator.rule == "per_group":
        return [Decimal(value) for value in range(top + 1)]
    return None


def nearest_below(indicator: Indicator, points: Decimal) -> Decimal:
    """Return the highest reachable value not above `points` (0..max when judged)."""
    clipped = min(max(points, ZERO), Decimal(indicator.max_points))
    values = reachable_points(indicator)
    if values is None:
        return clipped
    return max(value for value in values if value <= clipped)


def is_blank_sheet(sheet: ScoreSheet) -> bool:
    """Return True for an unfilled form: no name, no ID and no entry in any indicator row."""
    if sheet.text("name") or sheet.text("id_number"):
        return False
    return all((entry.points is None or entry.points.raw is None) and (entry.count is None or entry.count.raw is None)
               for entry in sheet.items.values())


def section_totals(rules: RuleSet, items: list[ItemScore]) -> dict[str, Decimal]:
    totals = {section.name: ZERO for section in rules.appraisal.sections}
    for item in items:
        totals[item.indicator.section] = totals.get(item.indicator.section, ZERO) + item.points
    return totals


def deadline(rules: RuleSet, year: int) -> dt.date:
    return dt.date(year, rules.appraisal.deadline_month, rules.appraisal.deadline_day)
