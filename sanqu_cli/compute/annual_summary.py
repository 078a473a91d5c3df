"""Figures for the 附件3 年度工作总结: what the roster, the appraisal summary and the results tables give.

A figure the inputs do not give is None, and the document writes （待填写） in its place.
`missing` lists the inputs that were not given or could not be read.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sanqu_cli.compute.summary_inputs import OptionalInput, read_totals
from sanqu_cli.errors import CannotRun
from sanqu_cli.inputs import load_table
from sanqu_cli.reference import match_county
from sanqu_cli.rules import RuleSet
from sanqu_cli.schema.records import Record

FUND_FIELDS = ("work_subsidy", "travel", "insurance", "training", "materials")


@dataclass
class UnitRow:
    """One 选派单位's line in the summary's table."""

    unit: str
    people: int
    agreements: int


@dataclass
class SummaryFigures:
    """Every figure the summary writes, None where no input gives it."""

    year: int | None
    roster_path: Path
    people: int
    categories: dict[str, int]
    teams: int
    team_members: int
    agreements: int
    dispatching_units: list[UnitRow]
    prefectures: int
    counties: int
    village_residents: int
    service_days_total: int
    min_days: int
    reaching_min_days: int
    per_person_yuan: int
    grades: dict[str, int] | None = None
    grade_source: str | None = None
    excellent_quota_percent: int = 0
    roster_funds: dict[str, Decimal] = field(default_factory=dict)
    dispatch: OptionalInput | None = None
    training: OptionalInput | None = None
    funds: OptionalInput | None = None
    missing: list[str] = field(default_factory=list)
    roster_problems: int = 0
    roster_findings: list = field(default_factory=list)

    @property
    def funds_due(self) -> int:
        """Return the 选派工作经费 owed for the year: the per-person amount times the people dispatched."""
        return self.people * self.per_person_yuan


def _count_grades(records: list[Record]) -> dict[str, int] | None:
    grades = Counter(record.get("grade") for record in records if record.get("grade"))
    if not grades:
        return None
    return {grade: grades.get(grade, 0) for grade in ("excellent", "pass", "fail")}


def _units(records: list[Record]) -> list[UnitRow]:
    people: Counter[str] = Counter()
    signed: Counter[str] = Counter()
    for record in records:
        unit = record.get("dispatching_unit", "（未填选派单位）")
        people[unit] += 1
        signed[unit] += 1 if record.get("agreement_signed") is True else 0
    return [UnitRow(unit, count, signed[unit]) for unit, count in people.most_common()]


def _places(records: list[Record]) -> tuple[int, int]:
    counties: set[str] = set()
    prefectures: set[str] = set()
    for record in records:
        found = match_county(record.get("county"))
        if found.county is not None:
            counties.add(found.county.name)
            prefectures.add(found.county.prefecture)
        elif record.get("county"):
            counties.add(record.get("county"))
        if record.get("prefecture") and found.county is None:
            prefectures.add(record.get("prefecture"))
    return len(prefectures), len(counties)


def _roster_figures(records: list[Record], rules: RuleSet, path: Path, year: int | None) -> SummaryFigures:
    teams = {record.get("team") for record in records if record.get("team")}
    days = [record.get("service_days") for record in records if record.get("service_days") is not None]
    prefectures, counties = _places(records)
    funds = {name: sum((Decimal(record.get(name)) for record in records if record.get(name) is not None), Decimal(0))
             for name in FUND_FIELDS if any(record.get(name) is not None for record in records)}
    return SummaryFigures(
        year=year,
        roster_path=path,
        people=len(records),
        categories=dict(Counter(record.get("category") for record in records if record.get("category"))),
        teams=len(teams),
        team_members=sum(1 for record in records if record.get("team")),
        agreements=sum(1 for record in records if record.get("agreement_signed") is True),
        dispatching_units=_units(records),
        prefectures=prefectures,
        counties=counties,
        village_residents=sum(1 for record in records if record.get("village_resident") is True),
        service_days_total=sum(days),
        min_days=rules.service.min_days,
        reaching_min_days=sum(1 for value in days if value >= rules.service.min_days),
        per_person_yuan=rules.funds.per_person_yuan,
        excellent_quota_percent=rules.appraisal.excellent_quota_percent,
        roster_funds=funds,
    )


def collect_figures(rules: RuleSet, roster: Path, *, scores: Path | None = None, results: Path | None = None,
                    training: Path | None = None, funds: Path | None = None, year: int | None = None) -> SummaryFigures:
    """Read the roster (required) and whichever other inputs are given, and return the summary's figures."""
    read = load_table(roster, rules, "roster", label="花名册", year=year)
    figures = _roster_figures(read.records, rules, roster, year or read.year)
    figures.roster_problems = len(read.findings)
    figures.roster_findings = list(read.findings)

    # 考核结果: the appraisal summary written by `sanqu score` wins over a 考核等次 column on the roster.
    # An unreadable appraisal summary leaves the grades to the roster, like the other optional inputs.
    scores_problem = "未提供"
    if scores is not None:
        try:
            graded = load_table(scores, rules, "appraisal_summary", label="考核汇总", year=year)
        except CannotRun as error:
            scores_problem = str(error).rstrip("。")
        else:
            figures.grades, figures.grade_source = _count_grades(graded.records), f"考核汇总 {scores.name}"
    if figures.grades is None:
        figures.grades = _count_grades(read.records)
        figures.grade_source = f"花名册 {roster.name} 的考核等次列" if figures.grades else None
    if figures.grades is None:
        figures.missing.append(f"考核汇总（--scores）：{scores_problem}，考核结果分布待填写")

    figures.dispatch = read_totals(results, "dispatch_results", rules)
    figures.training = read_totals(training, "training_results", rules)
    figures.funds = read_totals(funds, "funds", rules)
    for option, given in (("--results", figures.dispatch), ("--training", figures.training), ("--funds", figures.funds)):
        if given.usable:
            continue
        if option == "--funds" and figures.roster_funds:
            figures.missing.append(f"{given.label}（{option}）：{given.problem}，经费数字取自花名册的经费列，其余待填写")
        else:
            figures.missing.append(f"{given.label}（{option}）：{given.problem}，相关数字待填写")
    return figures
