"""Score a batch of 附件2 sheets: read, link to the roster, score, grade within each unit's quota.

This is the library entry point behind `sanqu score`; it prints nothing and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sanqu_cli.checks.appraisal import add_finding, score_person
from sanqu_cli.checks.appraisal_grades import check_grades
from sanqu_cli.compute.grading import UnitQuota, grade_all
from sanqu_cli.compute.scoring import PersonScore, ScoreSheet
from sanqu_cli.errors import CannotRun
from sanqu_cli.findings import FileReport, Finding, Report
from sanqu_cli.rules import RuleSet
from sanqu_cli.schema.read import read_table
from sanqu_cli.schema.records import Record, TableRead
from sanqu_cli.schema.score_sheet import read_official
from sanqu_cli.schema.score_table import SCORE_TABLE, sheets_from_table
from sanqu_cli.workbook.cells import clean_text

NO_UNIT = "（未填选派单位）"


@dataclass
class RosterIndex:
    """The roster by 身份证号 and by 姓名 + 选派单位, with each unit's headcount."""

    path: Path
    by_id: dict[str, Record] = field(default_factory=dict)
    by_name_unit: dict[tuple[str, str], list[Record]] = field(default_factory=dict)
    headcounts: dict[str, int] = field(default_factory=dict)
    year: int | None = None
    read: TableRead | None = None


@dataclass
class ScoreResult:
    people: list[PersonScore]
    units: list[UnitQuota]
    report: Report
    roster: RosterIndex | None = None


def normal_id(text: Any) -> str | None:
    cleaned = clean_text(text)
    return cleaned.replace(" ", "").upper() if cleaned else None


def load_roster(path: Path, rules: RuleSet, year: int | None = None) -> RosterIndex:
    """Read the roster; a roster that cannot be read stops the run (CannotRun) with the reason."""
    from sanqu_cli.schema import KINDS

    read = read_table(path, rules, [KINDS["roster"]], forced=True, year=year)
    if not read.readable or read.spec is None:
        reasons = "；".join(finding.message for finding in read.findings) or "未找到花名册"
        raise CannotRun(f"花名册 {path} 无法读取：{reasons}")
    index = RosterIndex(path=path, year=read.year, read=read)
    for record in read.records:
        unit = record.get("dispatching_unit", NO_UNIT)
        index.headcounts[unit] = index.headcounts.get(unit, 0) + 1
        number = normal_id(record.get("id_number"))
        if number:
            index.by_id.setdefault(number, record)
        name = record.get("name")
        if name:
            index.by_name_unit.setdefault((name, unit), []).append(record)
    return index


def read_sheets(path: Path, rules: RuleSet, year: int | None, sheet: str | None = None) -> tuple[list[ScoreSheet], TableRead]:
    """Read one file of the batch in whichever shape it has: the official form first, then a flat table."""
    official = read_official(path, rules, sheet=sheet, year=year, check_first=False)
    if official is not None:
        return official.sheets, official
    read = read_table(path, rules, [SCORE_TABLE], sheet=sheet, forced=True, year=year)
    if not read.readable or read.spec is None:
        return [], read
    return sheets_from_table(read, rules), read


def _link(sheet: ScoreSheet, roster: RosterIndex, rules: RuleSet, findings: list[Finding]) -> Record | None:
    """Find the sheet's person on the roster: by 身份证号, else by 姓名 + 选派单位 (A310), else A309."""
    number = normal_id(sheet.text("id_number"))
    if number and number in roster.by_id:
        return roster.by_id[number]

    name = sheet.text("name")
    unit = sheet.text("dispatching_unit") or sheet.text("work_unit")
    matches = roster.by_name_unit.get((name, unit), []) if name and unit else []
    if len(matches) == 1:
        record = matches[0]
        reason = "身份证号为空" if not number else "身份证号在花名册中找不到"
        add_finding(findings, rules, "A310", f"{reason}，按姓名“{name}”和选派单位“{unit}”对应到花名册 "
                    f"{roster.path.name} 第 {record.row} 行。请核对身份证号。", sheet, at=sheet.person.get("id_number"),
                    related=[f"{roster.path.name}!{record.ref('id_number')}"])
        return record
    add_finding(findings, rules, "A309", f"“{sheet.label}”在花名册 {roster.path.name} 中找不到（按身份证号，"
                f"以及姓名 + 选派单位）。本单位人数按花名册计，此人仍参加评分，请核对。", sheet,
                at=sheet.person.get("id_number") or sheet.person.get("name"))
    return None


def _unit_of(person: PersonScore) -> str:
    if person.roster is not None:
        return person.roster.get("dispatching_unit", NO_UNIT)
    return person.sheet.text("dispatching_unit") or person.sheet.text("work_unit") or NO_UNIT


def _duplicates(people: list[PersonScore], rules: RuleSet) -> list[Finding]:
    """P103: one person (身份证号) with two or more sheets in the batch; every copy is named."""
    by_id: dict[str, list[PersonScore]] = {}
    for person in people:
        number = normal_id(person.roster.get("id_number") if person.roster is not None else person.sheet.text("id_number"))
        if number:
            by_id.setdefault(number, []).append(person)

    findings: list[Finding] = []
    for copies in by_id.values():
        if len(copies) < 2:
            continue
        places = "、".join(copy.sheet.place for copy in sorted(copies, key=lambda copy: copy.sheet.sort_key))
        for copy in copies:
            message = (f"“{copy.sheet.label}”在这批评分表中有 {len(copies)} 份（{places}），会被重复计入名额。"
                       "请只保留一份。")
            copy.findings.append(add_finding(findings, rules, "P103", message, copy.sheet,
                                             at=copy.sheet.person.get("id_number")))
    return findings


# NOTE: 1,000 single-sheet files take about 2.8 s on 2 cores against a goal of 1.5 s
# (benchmarks/score_bench.py): every file opens its zip three times and gets a form written.
def score_paths(paths: list[Path], rules: RuleSet, *, roster: RosterIndex | None = None, year: int | None = None,
                sheet: str | None = None, progress: Callable[[Path], None] | None = None) -> ScoreResult:
    """Score every sheet of every file; a broken file becomes a finding and the batch goes on."""
    fallback_year = year or (roster.year if roster else None)
    people: list[PersonScore] = []
    files: list[FileReport] = []
    by_file: dict[Path, FileReport] = {}

    for path in paths:
        sheets, read = read_sheets(path, rules, year, sheet)
        report = FileReport(path=str(path), readable=read.readable,
                            findings=list(read.findings), notes=list(read.notes), year=read.year,
                            year_source=read.year_source)
        report.kind = read.spec.kind if read.spec else None
        report.sheet = read.sheet if read.spec and read.spec.kind == "score_table" else None
        report.header_row = read.header_row
        report.records = len(sheets)
        files.append(report)
        by_file[path] = report

        for one in sheets:
            one.year = one.year or fallback_year
            findings: list[Finding] = []
            record = _link(one, roster, rules, findings) if roster is not None else None
            person, item_findings = score_person(one, rules, record, roster.path.name if roster else "花名册")
            person.unit = _unit_of(person)
            person.findings = findings + item_findings
            people.append(person)
            report.findings.extend(person.findings)
        if progress is not None:
            progress(path)

    units = grade_all(people, roster.headcounts if roster else None, rules)
    for finding in check_grades(people, units, rules) + _duplicates(people, rules):
        by_file[Path(finding.file)].findings.append(finding)
    for report in files:
        report.findings.sort(key=lambda f: (f.sheet or "", f.row or 0, f.cell or "", f.code))
    return ScoreResult(people=people, units=units, report=Report(files=files), roster=roster)


def check_file_read(read: TableRead, rules: RuleSet) -> tuple[list[Finding], int]:
    """Score and grade the sheets of one file for `sanqu validate`; return the findings and the people count.

    Without a roster the headcount comes from the file, so the quota is checked only when the
    file has more than one person.
    """
    sheets = getattr(read, "sheets", None)
    if sheets is None:
        sheets = sheets_from_table(read, rules)
    people: list[PersonScore] = []
    findings: list[Finding] = []
    for one in sheets:
        one.year = one.year or read.year
        person, item_findings = score_person(one, rules)
        person.unit = _unit_of(person)
        people.append(person)
        findings.extend(item_findings)
    units = grade_all(people, None, rules)
    return findings + check_grades(people, units, rules, quota=len(people) > 1), len(people)
