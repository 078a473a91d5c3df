"""Earlier years' results (`--history`): who was rated what, or disqualified, in which plan year.

Offices keep each year's results in a separate workbook: the year's roster with a 考核等次
column, the 考核汇总 that `sanqu score` writes, and a 处理记录 sheet of 第二十八条
disqualifications. This module reads them into one index keyed by 身份证号, the only key that
is safe: names repeat and are transliterated in many ways. An ID that cannot be used as a key
(masked, stored as a number, invalid) is counted and reported, never guessed at.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sanqu_cli.checks.ids import check_id
from sanqu_cli.findings import Finding, make_finding
from sanqu_cli.rules import RuleSet
from sanqu_cli.schema.appraisal_summary import APPRAISAL_SUMMARY, GRADE_LABELS
from sanqu_cli.schema.disqualifications import DISQUALIFICATIONS
from sanqu_cli.schema.read import read_table
from sanqu_cli.schema.records import Record, TableRead
from sanqu_cli.schema.roster import ROSTER
from sanqu_cli.workbook.cells import clean_text

HISTORY_SPECS = [ROSTER, APPRAISAL_SUMMARY, DISQUALIFICATIONS]

# Outcomes of one person in one plan year: the three 等次, or withdrawn under 第二十八条.
DISQUALIFIED = "disqualified"
OUTCOME_LABELS = {**GRADE_LABELS, DISQUALIFIED: "取消资格"}
PASSING = ("excellent", "pass")


@dataclass(frozen=True)
class HistoryEntry:
    """One person's outcome in one plan year, and the cell it was read from."""

    id_number: str  # normalised: 18 characters, upper-case X
    raw_id: str  # as typed, to tell a lower-case x apart
    name: str
    year: int
    outcome: str  # excellent / pass / fail / disqualified
    file: Path
    ref: str  # 工作表!单元格 of the 身份证号 cell
    case: str = ""  # 情形 of a 第二十八条 disqualification

    @property
    def place(self) -> str:
        return f"{self.file.name}!{self.ref}"

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self.outcome]


@dataclass(frozen=True)
class LossyEntry:
    """A history row whose 身份证号 was stored as a number: only its first 15 digits are known."""

    known_digits: str
    name: str
    year: int | None
    file: Path
    ref: str

    @property
    def place(self) -> str:
        return f"{self.file.name}!{self.ref}"


@dataclass
class HistoryFile:
    """One `--history` file as read: its table, the rows indexed, and the problems that kept rows out."""

    read: TableRead
    entries: int = 0
    years: set[int] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)

    @property
    def kind(self) -> str | None:
        return self.read.spec.kind if self.read.spec else None


@dataclass
class History:
    """Every earlier outcome by 身份证号, and which plan years have 考核等次 at all."""

    files: list[HistoryFile] = field(default_factory=list)
    entries: dict[str, list[HistoryEntry]] = field(default_factory=lambda: defaultdict(list))
    lossy: list[LossyEntry] = field(default_factory=list)
    # Years for which some file gives 考核等次 (rosters, 考核汇总). A 处理记录 lists only the
    # people withdrawn, so it cannot show that a year's results were given.
    graded_years: dict[int, list[Path]] = field(default_factory=lambda: defaultdict(list))

    def of(self, id_number: str) -> list[HistoryEntry]:
        return self.entries.get(id_number, [])

    def lossy_matches(self, id_number: str) -> list[LossyEntry]:
        """Return history rows whose stored-as-number ID keeps the first 15 digits of this ID."""
        return [entry for entry in self.lossy if id_number.startswith(entry.known_digits)]

    def full_ids_starting(self, known_digits: str) -> list[HistoryEntry]:
        """Return entries whose ID starts with the 15 digits a stored-as-number cell still holds."""
        return [entry for number, found in self.entries.items() if number.startswith(known_digits)
                for entry in found]

    @property
    def findings(self) -> list[Finding]:
        return [finding for file in self.files for finding in file.findings]


def _usage_finding(rules: RuleSet, read: TableRead, message: str) -> Finding:
    return make_finding(rules, "P154", message, file=str(read.path), sheet=read.sheet)


def _outcome(record: Record, kind: str) -> str | None:
    if kind == DISQUALIFICATIONS.kind:
        return DISQUALIFIED
    return record.get("grade")


def _add_rows(history: History, item: HistoryFile, rules: RuleSet) -> None:
    """Index the rows of one file; count the rows whose ID or year cannot be used."""
    read = item.read
    kind = item.kind
    masked: list[str] = []
    unusable: list[str] = []
    no_year: list[str] = []

    for record in read.records:
        cell = record.cell("id_number")
        outcome = _outcome(record, kind)
        if cell is None or cell.raw is None or outcome is None:
            continue
        year = record.get("year") or read.year
        raw = clean_text(cell.raw) if isinstance(cell.raw, str) else cell.raw
        if isinstance(raw, str) and "*" in raw:
            masked.append(record.ref("id_number"))
            continue
        if year is None:
            no_year.append(record.ref("id_number"))
            continue

        checked = check_id(cell.raw)
        name = record.get("name", "")
        if checked.status == "stored_as_number" and checked.known_digits:
            history.lossy.append(LossyEntry(checked.known_digits, name, year, read.path, record.ref("id_number")))
            continue
        if not checked.number:
            unusable.append(record.ref("id_number"))
            continue

        entry = HistoryEntry(id_number=checked.number, raw_id=str(raw).replace(" ", ""), name=name, year=year,
                             outcome=outcome, file=read.path, ref=record.ref("id_number"),
                             case=record.get("case", "") if kind == DISQUALIFICATIONS.kind else "")
        history.entries[entry.id_number].append(entry)
        item.entries += 1
        item.years.add(year)
        if kind != DISQUALIFICATIONS.kind and read.path not in history.graded_years[year]:
            history.graded_years[year].append(read.path)

    if masked:
        item.findings.append(_usage_finding(rules, read, (
            f"{len(masked)} 个身份证号被遮盖（如 {masked[0]}），无法与本年度人员比对，这些行未使用。"
            "请用 sanqu score --show-pii 重新生成考核汇总，或改为提供该年度的花名册。")))
    if no_year:
        item.findings.append(_usage_finding(rules, read, (
            f"无法确定年度（如 {no_year[0]}）：标题行、文件名和“年度”列中都没有年度，这些行未使用。"
            "请在标题行或文件名中写明年度（如“2023年度考核结果汇总”），或加“年度”列。")))
    if unusable:
        item.findings.append(_usage_finding(rules, read, (
            f"{len(unusable)} 个身份证号无效（如 {unusable[0]}），无法与本年度人员比对，这些行未使用。"
            "请用 sanqu validate 检查该文件并改正身份证号。")))


def read_history_file(path: Path, rules: RuleSet, year: int | None = None) -> HistoryFile:
    """Read one earlier year's file as a roster, 考核汇总 or 处理记录, whichever fits.

    `year` replaces the year found in the title or file name; a 年度 column still wins per row.
    """
    read = read_table(path, rules, HISTORY_SPECS, year=year)
    item = HistoryFile(read=read)
    item.findings.extend(read.findings)
    if read.spec is ROSTER and "grade" not in read.present:
        item.findings.append(_usage_finding(rules, read, (
            "这份花名册没有“考核等次”列，不能作为历年考核结果使用。"
            "请加上“考核等次”列（优秀/合格/不合格），或改为提供该年度的考核汇总。")))
    return item


def load_history(paths: list[Path], rules: RuleSet, year: int | None = None) -> History:
    """Read every `--history` file into one index; unreadable files become findings, not errors."""
    history = History()
    for path in paths:
        item = read_history_file(path, rules, year)
        history.files.append(item)
        if item.read.readable and item.read.spec is not None:
            _add_rows(history, item, rules)
    return history


__all__ = ["DISQUALIFIED", "HISTORY_SPECS", "History", "HistoryEntry", "HistoryFile", "LossyEntry",
           "OUTCOME_LABELS", "PASSING", "load_history", "read_history_file"]
