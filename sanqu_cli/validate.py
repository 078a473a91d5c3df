"""Validate workbooks: read each file as its kind, run the checks of that kind, collect a report.

This is the library entry point behind `sanqu validate`; it prints nothing.
"""

from __future__ import annotations

import glob
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sanqu_cli.checks import CHECKERS, CheckContext
from sanqu_cli.checks.ids import check_id
from sanqu_cli.findings import FileReport, Report, make_finding
from sanqu_cli.rules import RuleSet, load_rules
from sanqu_cli.schema import KINDS
from sanqu_cli.schema.read import read_table
from sanqu_cli.schema.records import TableRead

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".csv", ".ods"}


@dataclass
class ValidateOptions:
    rules: RuleSet = field(default_factory=load_rules)
    kind: str | None = None
    sheet: str | None = None
    year: int | None = None
    plan: bool = False


def expand_paths(arguments: list[str]) -> list[Path]:
    """Expand folders (recursively, workbook files only) and glob patterns; keep plain paths as given.

    Excel's lock files (~$name.xlsx) are left out: they are not workbooks.
    """
    paths: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in WORKBOOK_SUFFIXES)
            paths.extend(p for p in found if not p.name.startswith("~$"))
        elif any(char in argument for char in "*?[") and not path.exists():
            found = sorted(Path(p) for p in glob.glob(argument, recursive=True) if Path(p).is_file())
            paths.extend(p for p in found if not p.name.startswith("~$"))
        else:
            paths.append(path)
    return list(dict.fromkeys(paths))


def read_file(path: Path, options: ValidateOptions) -> TableRead:
    """Read one file as the forced kind, or as whichever known kind fits."""
    # 附件2 in the official layout is a form, not a table: its own reader detects it first.
    if options.kind in (None, "score_sheet"):
        from sanqu_cli.schema.score_sheet import read_official

        official = read_official(path, options.rules, sheet=options.sheet, year=options.year)
        if official is not None:
            return official

    specs = [KINDS[options.kind]] if options.kind else list(KINDS.values())
    return read_table(path, options.rules, specs, sheet=options.sheet, forced=bool(options.kind), year=options.year)


def check_read(read: TableRead, options: ValidateOptions) -> FileReport:
    """Run the checks of the read table's kind and build the file's report."""
    report = FileReport(path=str(read.path), readable=read.readable, findings=list(read.findings),
                        notes=list(read.notes))
    if read.spec is None:
        return report

    report.kind = read.spec.kind
    report.sheet = read.sheet
    report.header_row = read.header_row
    report.records = len(read.records)
    report.year, report.year_source = read.year, read.year_source

    ctx = CheckContext(rules=options.rules, file=str(read.path), year=read.year, plan=options.plan)
    for checker in CHECKERS.get(read.spec.kind, []):
        checker(ctx, read)
    report.findings.extend(ctx.findings)
    report.skipped_checks = ctx.skipped
    report.findings.sort(key=lambda f: (f.sheet or "", f.row or 0, f.cell or "", f.code))
    return report


def _cross_roster_duplicates(reads: list[TableRead], reports: list[FileReport], rules: RuleSet) -> None:
    """P103 across files: one person on the rosters of two dispatching units in the same year."""
    seen: dict[tuple[int | None, str], tuple[TableRead, object]] = {}
    for read, report in zip(reads, reports):
        if read.spec is None or read.spec.kind != "roster":
            continue
        for record in read.records:
            cell = record.cell("id_number")
            if cell is None or cell.raw is None:
                continue
            number = check_id(cell.raw).number
            if not number:
                continue
            key = (read.year, number)
            if key in seen and seen[key][0] is not read:
                other_read, other = seen[key]
                message = (f"同一人（身份证号）也在 {other_read.path.name} 的 {other.ref('id_number')} "
                           f"（{other.get('dispatching_unit', '')}），同一年度只能由一个选派单位选派。")
                report.findings.append(make_finding(rules, "P103", message, file=str(read.path), at=cell,
                                                    related=[f"{other_read.path.name}!{other.ref('id_number')}"]))
            else:
                seen.setdefault(key, (read, record))


def validate_paths(paths: list[Path], options: ValidateOptions) -> Report:
    """Validate many files; one unreadable file never stops the others."""
    reads = [read_file(path, options) for path in paths]
    reports = [check_read(read, options) for read in reads]
    by_year: dict[int | None, int] = defaultdict(int)
    for read in reads:
        if read.spec is not None and read.spec.kind == "roster":
            by_year[read.year] += 1
    if any(count > 1 for count in by_year.values()):
        _cross_roster_duplicates(reads, reports, options.rules)
    return Report(files=reports)
