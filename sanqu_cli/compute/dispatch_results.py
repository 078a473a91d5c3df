"""附件4 figures per 选派单位, from the roster, the appraisal results and the service log.

选派情况 comes from the roster (考核合格数 from the appraisal summary, or from the roster's own
考核等次 column); 服务情况 and 受援效果 come from the service log. County, township and village
counts are distinct counts (附件4 注1), so two people of one unit serving 林周县 count once.
pandas is imported inside the functions, so commands that never build tables start fast.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sanqu_cli.compute.results_common import ResultsTable, UnitFigures, distinct_values, prefecture_of_unit
from sanqu_cli.reference import match_county
from sanqu_cli.schema.records import TableRead

TOTAL_LABEL = "合计（按明细去重）"
PASSING_GRADES = ("pass", "excellent")
TRAINING_ACTIVITY = "培训"
# The 选派情况 figures, which come from the roster (and the appraisal results).
PEOPLE_FIGURES = ("dispatched", "teams", "agreements", "passed")
# The column each figure is counted from, when a table may leave it out.
ROSTER_SOURCES = {"teams": "team"}
LOG_SOURCES = {"townships": "township", "villages": "village", "organisations_served": "organisation",
               "organisations_founded": "founded", "households": "households", "new_varieties": "new_varieties",
               "new_technologies": "new_technologies", "demo_bases": "demo_bases", "projects": "projects",
               "funds_wan": "funds_wan", "backbones": "backbones", "farmers_trained": "trainees",
               "income_increase": "income_increase"}
# Service-log columns summed as they are, by 附件4 figure.
SUMMED = {
    "households": "households",
    "new_varieties": "new_varieties",
    "new_technologies": "new_technologies",
    "demo_bases": "demo_bases",
    "projects": "projects",
    "funds_wan": "funds_wan",
    "backbones": "backbones",
    "farmers_trained": "trainees",
    "income_increase": "income_increase",
}


def _county_name(text: str | None) -> str | None:
    """Return the current name of a county (林芝县 → 巴宜区), so old and new names count once."""
    if not text:
        return None
    match = match_county(text)
    return match.county.name if match.county else text


def roster_frame(roster: TableRead | None):
    """Return one row per roster person: unit, person key, team, agreement, grade, and their cells."""
    import pandas as pd

    rows = []
    for record in roster.records if roster else []:
        unit = record.get("dispatching_unit")
        if not unit:
            continue
        rows.append({
            "unit": unit,
            "person": record.get("id_number") or record.get("name"),
            "name": record.get("name"),
            "team": record.get("team"),
            "agreement": record.get("agreement_signed") is True,
            "grade": record.get("grade"),
            "ref_person": record.ref("name"),
            "ref_team": record.ref("team"),
            "ref_agreement": record.ref("agreement_signed"),
            "ref_grade": record.ref("grade") if record.has_column("grade") else None,
        })
    columns = ["unit", "person", "name", "team", "agreement", "grade", "ref_person", "ref_team", "ref_agreement",
               "ref_grade"]
    return pd.DataFrame(rows, columns=columns).drop_duplicates("person")


def apply_grades(people, appraisal: TableRead) -> None:
    """Replace the roster's 考核等次 by the appraisal summary's, matched on 身份证号, else 姓名 + 选派单位.

    `sanqu score` masks IDs in 考核汇总.xlsx by default (540102********123X); such an ID cannot
    be matched, so those rows fall back to name and unit.
    """
    by_id: dict[str, tuple[str, str]] = {}
    by_name: dict[tuple[str, str | None], tuple[str, str]] = {}
    for record in appraisal.records:
        grade = record.get("grade")
        if not grade:
            continue
        entry = (grade, record.ref("grade"))
        number = record.get("id_number")
        if number and "*" not in number:
            by_id[number] = entry
        if record.get("name"):
            by_name[(record.get("name"), record.get("dispatching_unit"))] = entry

    found = []
    for person, name, unit in zip(people["person"], people["name"], people["unit"]):
        found.append(by_id.get(person) or by_name.get((name, unit)) or (None, None))
    people["grade"] = [grade for grade, _ in found]
    people["ref_grade"] = [ref for _, ref in found]


def log_frame(service_log: TableRead | None, people, year: int | None, notes: list[str]):
    """Return one row per service-log activity of the year, with the unit it counts for.

    The unit is the log's 选派单位 column, else the person's roster unit (by 身份证号, then by 姓名).
    Rows of another year and rows whose unit cannot be found are left out and noted.
    """
    import pandas as pd

    by_person = dict(zip(people["person"], people["unit"]))
    names = people.drop_duplicates("name", keep=False)
    by_name = dict(zip(names["name"], names["unit"]))

    rows, other_year, no_unit = [], [], []
    for record in service_log.records if service_log else []:
        date = record.get("date")
        if year and date is not None and date.year != year:
            other_year.append(record.ref("date"))
            continue
        unit = (record.get("dispatching_unit") or by_person.get(record.get("id_number"))
                or by_name.get(record.get("name")))
        if not unit:
            no_unit.append(record.ref("name"))
            continue
        county = _county_name(record.get("county"))
        township = record.get("township")
        village = record.get("village")
        row = {
            "unit": unit,
            "county": county,
            "township": f"{county}/{township}" if township else None,
            "village": f"{county}/{township or ''}/{village}" if village else None,
            "organisation": record.get("organisation"),
            "founded": record.get("founded") is True,
            "training": record.get("activity") == TRAINING_ACTIVITY,
            "ref_county": record.ref("county"),
            "ref_township": record.ref("township"),
            "ref_village": record.ref("village"),
            "ref_organisation": record.ref("organisation"),
            "ref_founded": record.ref("founded"),
            "ref_activity": record.ref("activity"),
        }
        for column in SUMMED.values():
            row[column] = record.get(column, 0)
            row[f"ref_{column}"] = record.ref(column)
        rows.append(row)

    if other_year:
        notes.append(f"服务日志中有 {len(other_year)} 行的日期不在 {year} 年度内，未计入（如 {other_year[0]}）。")
    if no_unit:
        notes.append(f"服务日志中有 {len(no_unit)} 行找不到选派单位（没有“选派单位”列，且人员不在花名册中），"
                     f"未计入（如 {no_unit[0]}）。")
    columns = ["unit", "county", "township", "village", "organisation", "founded", "training", "ref_county",
               "ref_township", "ref_village", "ref_organisation", "ref_founded", "ref_activity"]
    columns += [name for column in SUMMED.values() for name in (column, f"ref_{column}")]
    return pd.DataFrame(rows, columns=columns)


def _rows_where(frame, mask, ref_column: str) -> tuple[int, list[str]]:
    # An empty frame's column has dtype object, which pandas would take as column labels.
    chosen = frame[mask.astype(bool)]
    return len(chosen), list(chosen[ref_column])


def _sum(frame, column: str) -> tuple[Any, list[str]]:
    values = [value for value in frame[column] if value]
    refs = [ref for value, ref in zip(frame[column], frame[f"ref_{column}"]) if value]
    total = sum(values, 0)
    return (total if isinstance(total, Decimal) else int(total)), refs


def people_figures(people, grades_known: bool) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """Return the 选派情况 figures of a group of roster people."""
    values: dict[str, Any] = {}
    sources: dict[str, list[str]] = {}
    values["dispatched"], sources["dispatched"] = len(people), list(people["ref_person"])
    values["teams"], sources["teams"] = distinct_values(people, "team")
    values["agreements"], sources["agreements"] = _rows_where(people, people["agreement"], "ref_agreement")
    # A unit none of whose people has a grade was not appraised in the files given: its
    # 考核合格数 is unknown, not 0.
    if grades_known and people["grade"].notna().any():
        values["passed"], sources["passed"] = _rows_where(people, people["grade"].isin(PASSING_GRADES), "ref_grade")
    else:
        values["passed"], sources["passed"] = None, []
    return values, sources


def log_figures(log) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """Return the 服务情况 and 受援效果 figures of a group of service-log rows."""
    values: dict[str, Any] = {}
    sources: dict[str, list[str]] = {}
    for figure, column in (("counties", "county"), ("townships", "township"), ("villages", "village"),
                           ("organisations_served", "organisation")):
        values[figure], sources[figure] = distinct_values(log, column)
    founded = log[log["founded"].astype(bool)]
    values["organisations_founded"], sources["organisations_founded"] = distinct_values(founded, "organisation")
    values["training_sessions"], sources["training_sessions"] = _rows_where(log, log["training"], "ref_activity")
    for figure, column in SUMMED.items():
        values[figure], sources[figure] = _sum(log, column)
    return values, sources


def missing_columns(roster: TableRead | None, service_log: TableRead | None, notes: list[str]) -> list[str]:
    """Return the figures whose source column the roster or the service log lacks; a blank beats a false 0."""
    unknown = []
    for read, sources in ((roster, ROSTER_SOURCES), (service_log, LOG_SOURCES)):
        if read is None:
            continue
        for figure, column in sources.items():
            if column not in read.present:
                unknown.append(figure)
                header = read.spec.column(column).header if read.spec else column
                notes.append(f"{read.path.name} 没有“{header}”列，{figure_header(figure)}未填。")
    return unknown


def figure_header(name: str) -> str:
    from sanqu_cli.schema.results_tables import DISPATCH_FIGURES

    return next(figure.header for figure in DISPATCH_FIGURES if figure.field == name)


def compute_dispatch(roster: TableRead | None, service_log: TableRead | None, appraisal: TableRead | None = None,
                     year: int | None = None) -> ResultsTable:
    """Build 附件4: one row per 选派单位 (in roster order) and a total row with distinct counts over all units.

    Without a roster the 选派情况 figures are None; without a service log the other figures are.
    """
    from sanqu_cli.schema.results_tables import DISPATCH_FIGURES

    if year is None and roster is not None:
        year = roster.year
    if year is None and service_log is not None:
        year = service_log.year
    notes: list[str] = []
    people = roster_frame(roster)
    if appraisal is not None:
        apply_grades(people, appraisal)
    grades_known = appraisal is not None or (roster is not None and "grade" in roster.present)
    if roster is not None and not grades_known:
        notes.append("没有考核结果（--scores 考核汇总，或花名册的“考核等次”列），考核合格数未填。")
    log = log_frame(service_log, people, year, notes)

    unknown = missing_columns(roster, service_log, notes)
    order = list(dict.fromkeys([*people["unit"], *log["unit"]]))
    people_groups = dict(tuple(people.groupby("unit", sort=False)))
    log_groups = dict(tuple(log.groupby("unit", sort=False)))

    def figures_of(label: str, group_people, group_log) -> UnitFigures:
        values, sources = people_figures(group_people, grades_known)
        more_values, more_sources = log_figures(group_log)
        values.update(more_values)
        sources.update(more_sources)
        if roster is None:
            values.update(dict.fromkeys(PEOPLE_FIGURES))
        if service_log is None:
            values.update(dict.fromkeys(more_values))
        values.update(dict.fromkeys(unknown))
        ordered = {figure.field: values[figure.field] for figure in DISPATCH_FIGURES}
        return UnitFigures(unit=label, values=ordered, sources=sources, prefecture=prefecture_of_unit(label))

    units = [figures_of(unit, people_groups.get(unit, people.iloc[0:0]), log_groups.get(unit, log.iloc[0:0]))
             for unit in order]
    total = figures_of(TOTAL_LABEL, people, log)
    total.prefecture = None
    ungraded = [unit.unit for unit in units if unit.values["passed"] is None and unit.values["dispatched"]]
    if grades_known and ungraded:
        # A total over the graded units only would read as the whole; it stays blank too.
        total.values["passed"] = None
        notes.append(f"以下选派单位没有考核结果，考核合格数未填：{'、'.join(ungraded)}。")
    return ResultsTable(kind="dispatch_results", year=year, units=units, total=total, notes=notes)


def distinct_counter(roster: TableRead | None, service_log: TableRead, year: int | None):
    """Return a function that recomputes the county/township/village counts of a set of units (for merging)."""
    from sanqu_cli.schema.results_tables import NON_ADDITIVE

    log = log_frame(service_log, roster_frame(roster), year, [])

    def count(units: list[str]) -> dict[str, Any]:
        values, _ = log_figures(log[log["unit"].isin(units)])
        return {name: values[name] for name in NON_ADDITIVE}

    return count
