"""Honour certificates and the bar on re-dispatch, decided from this year's grade and the history.

第三十四条(一): 优秀 this year, or 合格-or-better in `honour_consecutive_years` plan years running
(this one included), earns a 荣誉证书. 第三十四条(二) and 第二十八条: 不合格 or a
disqualification in any of the previous `barred_years` plan years bars the person this year.
Windows count plan years, so with three years a 2021 不合格 bars 2022–2024 and not 2025.

A year for which no results were given is unknown: it is reported ("2022 年度考核结果未提供")
and never read as a pass or a fail.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sanqu_cli.checks.ids import IdCheck, check_id
from sanqu_cli.compute.history import DISQUALIFIED, OUTCOME_LABELS, PASSING, History, HistoryEntry
from sanqu_cli.rules import RuleSet
from sanqu_cli.schema.records import Record, TableRead

BASIS_EXCELLENT = "excellent"
BASIS_CONSECUTIVE = "consecutive"

# When two files give one person different outcomes for one year, the worst one counts.
_SEVERITY = {DISQUALIFIED: 3, "fail": 2, "pass": 1, "excellent": 0}


@dataclass
class ThisYearPerson:
    """A person on this year's roster (or 考核汇总), with the ID checked and this year's grade."""

    record: Record
    checked: IdCheck
    grade: str | None  # excellent / pass / fail, or None when this year gives none

    @property
    def id_number(self) -> str | None:
        return self.checked.number

    @property
    def name(self) -> str:
        return self.record.get("name", "")

    @property
    def unit(self) -> str:
        return self.record.get("dispatching_unit", "")


@dataclass
class HonourDecision:
    """Whether one person earns a certificate, the grades it rests on, and what is unknown."""

    person: ThisYearPerson
    honoured: bool = False
    basis: str | None = None
    grades: dict[int, str | None] = field(default_factory=dict)  # year → outcome code, None unknown
    notes: list[str] = field(default_factory=list)

    @property
    def basis_text(self) -> str:
        if self.basis == BASIS_EXCELLENT:
            return f"{max(self.grades)} 年度考核优秀"
        years = sorted(self.grades)
        return f"{years[0]}–{years[-1]} 年度连续 {len(years)} 年考核合格及以上"

    @property
    def grades_text(self) -> str:
        return "；".join(f"{year} {OUTCOME_LABELS[grade] if grade else '未知'}"
                        for year, grade in sorted(self.grades.items()))


def worst_outcome(entries: list[HistoryEntry], year: int) -> str | None:
    found = [entry.outcome for entry in entries if entry.year == year]
    return max(found, key=_SEVERITY.__getitem__) if found else None


def barring_entries(entries: list[HistoryEntry], year: int, rules: RuleSet) -> list[HistoryEntry]:
    """Return the 不合格 and disqualifications of the `barred_years` plan years before `year`."""
    first = year - rules.history.barred_years
    return sorted((entry for entry in entries
                   if first <= entry.year < year and entry.outcome in ("fail", DISQUALIFIED)),
                  key=lambda entry: (entry.year, entry.place))


def missing_years(history: History, years: range, this_year_graded: bool = False, year: int | None = None) -> list[int]:
    """Return the years of a window for which no file gives 考核等次."""
    return [item for item in years
            if item not in history.graded_years and not (this_year_graded and item == year)]


def this_year_grade(record: Record, number: str | None, history: History, year: int,
                    grades: dict[str, str] | None) -> str | None:
    """Pick this year's grade: `grades` (from scoring) first, then the 考核等次 cell, then the history."""
    if grades is not None:
        return grades.get(number) if number else None
    if record.get("grade"):
        return record.get("grade")
    if number:
        outcome = worst_outcome(history.of(number), year)
        return outcome if outcome in _SEVERITY and outcome != DISQUALIFIED else None
    return None


def people_of(read: TableRead, history: History, year: int, grades: dict[str, str] | None = None) -> list[ThisYearPerson]:
    """Return every person of this year's table that has a 身份证号, with this year's grade."""
    people = []
    for record in read.records:
        cell = record.cell("id_number")
        if cell is None or cell.raw is None:
            continue
        checked = check_id(cell.raw)
        people.append(ThisYearPerson(record, checked, this_year_grade(record, checked.number, history, year, grades)))
    return people


def this_year_graded(read: TableRead, history: History, year: int, grades: dict[str, str] | None) -> bool:
    """Tell whether this year's grades are given at all (scores, a 考核等次 column, or the history)."""
    # A 考核等次 column left empty (as in a blank template) gives no grades.
    graded_roster = any(record.get("grade") for record in read.records)
    return bool(grades) or graded_roster or year in history.graded_years


def decide_honour(person: ThisYearPerson, history: History, year: int, rules: RuleSet, graded: bool) -> HonourDecision:
    """Decide one person's certificate; unknown years become notes, never passes or fails."""
    decision = HonourDecision(person=person)
    number = person.id_number
    entries = history.of(number) if number else []
    window = range(year - rules.history.honour_consecutive_years + 1, year + 1)

    # A person barred this year (P150) should not be on the roster at all, so no certificate.
    if barring_entries(entries, year, rules):
        return decision

    this = person.grade
    if worst_outcome(entries, year) == DISQUALIFIED:
        this = DISQUALIFIED
    if this == "excellent":
        decision.grades = {year: this}
        decision.honoured, decision.basis = True, BASIS_EXCELLENT
        return decision

    decision.grades = {item: worst_outcome(entries, item) for item in window}
    decision.grades[year] = this
    outcomes = decision.grades.values()
    if any(outcome in ("fail", DISQUALIFIED) for outcome in outcomes):
        return decision
    if all(outcome in PASSING for outcome in outcomes):
        decision.honoured, decision.basis = True, BASIS_CONSECUTIVE
        return decision

    # Some year is unknown. A year without any results file is always worth a note. A year whose
    # file lacks the person is a note only as a hole after an earlier pass: someone absent
    # before their first year is a newcomer, not a gap.
    unknown = [item for item, outcome in decision.grades.items() if outcome is None]
    not_given = set(missing_years(history, window, graded, year))
    for item in unknown:
        earlier_pass = any(decision.grades[before] in PASSING for before in window if before < item)
        if item in not_given:
            decision.notes.append(f"{item} 年度考核结果未提供")
        elif item == year or earlier_pass:
            decision.notes.append(f"{item} 年度考核结果中没有此人")
    if decision.notes:
        decision.notes.append(f"无法确认是否连续 {len(window)} 年考核合格，暂不列入荣誉证书名单")
    return decision


def decide_honours(read: TableRead, history: History, year: int, rules: RuleSet,
                   grades: dict[str, str] | None = None) -> list[HonourDecision]:
    """Decide the certificate of everyone on this year's table."""
    graded = this_year_graded(read, history, year, grades)
    return [decide_honour(person, history, year, rules, graded)
            for person in people_of(read, history, year, grades)]


__all__ = ["BASIS_CONSECUTIVE", "BASIS_EXCELLENT", "HonourDecision", "ThisYearPerson", "barring_entries",
           "decide_honour", "decide_honours", "missing_years", "people_of", "this_year_graded",
           "worst_outcome"]
