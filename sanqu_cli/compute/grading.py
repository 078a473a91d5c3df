"""等次 (grades) and the 优秀 quota of each 选派单位 (第三十三条).

A score at or above the 优秀 threshold makes a person a candidate, and the unit's quota is
floor(excellent_quota_percent% × headcount). Candidates are taken from the top. When the
people at the last place share one score and do not all fit, none of them is given 优秀.
They are listed for a human to decide, so the order of the input never decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sanqu_cli.compute.scoring import PersonScore
from sanqu_cli.rules import RuleSet

EXCELLENT, PASS, FAIL = "excellent", "pass", "fail"
GRADE_LABELS = {EXCELLENT: "优秀", PASS: "合格", FAIL: "不合格"}

HEADCOUNT_FROM_ROSTER = "花名册"
HEADCOUNT_FROM_SHEETS = "评分表"


@dataclass
class UnitQuota:
    """One 选派单位: its headcount (and where it came from), 优秀 quota, and the grades given."""

    unit: str
    headcount: int
    headcount_source: str
    quota: int
    sheets: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {EXCELLENT: 0, PASS: 0, FAIL: 0})
    tied: list[PersonScore] = field(default_factory=list)
    tie_places: int = 0  # 优秀 places left for the tied people


def score_grade(person: PersonScore, rules: RuleSet) -> str:
    """Return the grade the score alone gives (before the quota): hard conditions first, then thresholds."""
    settings = rules.appraisal
    if person.hard_failures and settings.hard_condition_fails:
        return FAIL
    if person.total >= Decimal(str(settings.excellent_min_points)):
        return EXCELLENT
    if person.total >= Decimal(str(settings.pass_min_points)):
        return PASS
    return FAIL


def quota_for(headcount: int, rules: RuleSet) -> int:
    """Return floor(percent% × headcount) in whole-number arithmetic, so 20% of 12 is 2, of 4 is 0."""
    return headcount * rules.appraisal.excellent_quota_percent // 100


def _rank(people: list[PersonScore]) -> None:
    """Rank by total, highest first; equal totals share a rank (1, 2, 2, 4)."""
    ordered = sorted(people, key=lambda person: -person.total)
    for index, person in enumerate(ordered):
        if index and person.total == ordered[index - 1].total:
            person.rank = ordered[index - 1].rank
        else:
            person.rank = index + 1


def grade_unit(unit: UnitQuota, people: list[PersonScore], rules: RuleSet) -> None:
    """Grade every person of one unit within its quota and record the counts and any boundary tie."""
    _rank(people)
    candidates = []
    for person in people:
        person.grade = score_grade(person, rules)
        if person.grade == EXCELLENT:
            candidates.append(person)

    candidates.sort(key=lambda person: -person.total)
    if len(candidates) > unit.quota:
        # Everyone strictly above the score at the last place fits; people at that score fit
        # only if all of them do.
        boundary = candidates[unit.quota - 1].total if unit.quota else None
        above = [person for person in candidates if boundary is not None and person.total > boundary]
        at_boundary = [person for person in candidates if boundary is not None and person.total == boundary]
        if len(above) + len(at_boundary) <= unit.quota:
            winners = above + at_boundary
        else:
            winners = above
            unit.tied = sorted(at_boundary, key=lambda person: person.sheet.sort_key)
            unit.tie_places = unit.quota - len(above)
        for person in candidates:
            if person in winners:
                continue
            person.grade = PASS
            if person in unit.tied:
                person.tied = True
                person.remarks.append(f"与同分者争最后 {unit.tie_places} 个优秀名额，需人工决定，暂按合格")
            else:
                person.remarks.append(f"得分达到优秀，但超出本单位优秀名额 {unit.quota} 名，按合格")

    for person in people:
        unit.counts[person.grade] += 1


def grade_all(people: list[PersonScore], headcounts: dict[str, int] | None, rules: RuleSet) -> list[UnitQuota]:
    """Group people by unit, work out each quota and grade them; units come out in name order."""
    by_unit: dict[str, list[PersonScore]] = {}
    for person in people:
        by_unit.setdefault(person.unit, []).append(person)

    units = []
    for name in sorted(by_unit):
        members = by_unit[name]
        if headcounts is not None and headcounts.get(name):
            headcount, source = headcounts[name], HEADCOUNT_FROM_ROSTER
        else:
            headcount, source = len(members), HEADCOUNT_FROM_SHEETS
        unit = UnitQuota(unit=name, headcount=headcount, headcount_source=source, quota=quota_for(headcount, rules),
                         sheets=len(members))
        grade_unit(unit, members, rules)
        units.append(unit)
    return units
