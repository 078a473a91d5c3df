"""Validate workbooks: read each file as its kind, run the checks of that kind, collect a report.

This is the library entry point behind `sanqu validate`; it prints nothing.
"""

from __future__ import annotations

import glob
import logging
import time
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

logger = logging.getLogger(__name__)


@dataclass
class ValidateOptions:
    rules: RuleSet = field(default_factory=load_rules)
    kind: str | None = None
    sheet: str | None = None
    year: int | None = None
    plan: bool = False
    # Earlier years' results (--history): P150–P154 are checked on this year's rosters.
    history: list[Path] = field(default_factory=list)
    # --- results tables: detail files for the S403 cross-checks (see checks/results.py) ---
    details: dict[str, Path] = field(default_factory=dict)
    # Re-raise a defect met while reading or checking one file (--debug) instead of reporting it as F001.
    debug: bool = False


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
    started = time.perf_counter()
    read = read_table(path, options.rules, specs, sheet=options.sheet, forced=bool(options.kind), year=options.year)
    if read.spec is None:
        logger.info("%s：无法读取（%s）", path, "、".join(finding.code for finding in read.findings))
    else:
        logger.info("%s：按“%s”读取工作表“%s”，表头在第 %s 行，记录 %d 条，用时 %.2f 秒", path, read.spec.label,
                    read.sheet, read.header_row, len(read.records), time.perf_counter() - started)
        if read.layout is not None:
            logger.debug("%s：表头与字段 %s", path, {c.header: c.field for c in read.layout.columns if c.header})
    return read


def report_for(read: TableRead) -> FileReport:
    """Start a file's report from how it was read: kind, sheet, header row, records, year, read findings."""
    report = FileReport(path=str(read.path), readable=read.readable, findings=list(read.findings),
                        notes=list(read.notes))
    if read.spec is None:
        return report

    report.kind = read.spec.kind
    report.sheet = read.sheet
    report.header_row = read.header_row
    report.records = len(read.records)
    report.year, report.year_source = read.year, read.year_source
    return report


def add_checked(report: FileReport, ctx: CheckContext) -> FileReport:
    """Add a check context's findings and skipped checks to a report, in sheet and cell order."""
    report.findings.extend(ctx.findings)
    report.skipped_checks.extend(ctx.skipped)
    report.findings.sort(key=lambda f: (f.sheet or "", f.row or 0, f.cell or "", f.code))
    return report


def check_read(read: TableRead, options: ValidateOptions) -> FileReport:
    """Run the checks of the read table's kind and build the file's report."""
    report = report_for(read)
    if read.spec is None:
        return report

    ctx = CheckContext(rules=options.rules, file=str(read.path), year=read.year, plan=options.plan,
                       details=options.details)
    for checker in CHECKERS.get(read.spec.kind, []):
        checker(ctx, read)
    add_checked(report, ctx)
    logger.info("%s：检查完成，发现问题 %d 条", read.path, len(report.findings))
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
                unit, other_unit = record.get("dispatching_unit", ""), other.get("dispatching_unit", "")
                if unit and unit == other_unit:
                    message = (f"同一人（身份证号）也在 {other_read.path.name} 的 {other.ref('id_number')}，"
                               f"{unit}同一年度的花名册中只能出现一次，请删除重复的一行。")
                else:
                    message = (f"同一人（身份证号）也在 {other_read.path.name} 的 {other.ref('id_number')} "
                               f"（{other_unit}），同一年度只能由一个选派单位选派。")
                report.findings.append(make_finding(rules, "P103", message, file=str(read.path), at=cell,
                                                    related=[f"{other_read.path.name}!{other.ref('id_number')}"]))
            else:
                seen.setdefault(key, (read, record))


def _crashed(path: Path, error: Exception, options: ValidateOptions) -> tuple[TableRead, FileReport]:
    """Report a defect of sanqu met on one file as an unreadable file, so the other files are still checked."""
    logger.error("%s: %s: %s", path, type(error).__name__, error, exc_info=logger.isEnabledFor(logging.DEBUG))
    message = (f"读取或检查该文件时 sanqu 内部出错（{type(error).__name__}: {error}），其他文件照常检查。"
               "这是 sanqu 的缺陷，不一定是文件的问题；请加 --debug 重新运行，并把输出发给维护人员。")
    finding = make_finding(options.rules, "F001", message, file=str(path))
    read = TableRead(path=path, readable=False, findings=[finding])
    return read, FileReport(path=str(path), readable=False, findings=[finding])


def _read_and_check(path: Path, options: ValidateOptions) -> tuple[TableRead, FileReport]:
    try:
        read = read_file(path, options)
        return read, check_read(read, options)
    except Exception as error:  # noqa: BLE001 - one file's defect must not stop the run
        if options.debug:
            raise
        return _crashed(path, error, options)


# NOTE: a 10,000-row roster takes about 0.95 s against 0.2 s for a bare calamine read (goal 3x).
# Most of the gap is 0.4 s of start-up imports. At 100,000 rows the ratio is 3.3x (benchmarks/).
def validate_paths(paths: list[Path], options: ValidateOptions) -> Report:
    """Validate many files; one unreadable file, or a defect met on one file, never stops the others."""
    pairs = [_read_and_check(path, options) for path in paths]
    reads = [read for read, _ in pairs]
    reports = [report for _, report in pairs]
    by_year: dict[int | None, int] = defaultdict(int)
    for read in reads:
        if read.spec is not None and read.spec.kind == "roster":
            by_year[read.year] += 1
    if any(count > 1 for count in by_year.values()):
        _cross_roster_duplicates(reads, reports, options.rules)
    if options.history:
        reports.extend(_check_history(reads, reports, options))
    return Report(files=reports)


def _check_history(reads: list[TableRead], reports: list[FileReport], options: ValidateOptions) -> list[FileReport]:
    """P150–P154 on this year's rosters; returns the reports of the history files themselves."""
    from sanqu_cli.checks.history import apply_history

    rosters = [read for read in reads if read.spec is not None and read.spec.kind == "roster"]
    return apply_history(rosters, reports, options.rules, options.history, year=options.year)
