"""Compute and check dispatch funds: the library entry point behind `sanqu funds`.

Reads the roster and, when given, the expense ledger; computes every person's and unit's
figures (compute.funds); runs B601–B610 (checks.funds, checks.ledger). It prints and writes
nothing: the command renders the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sanqu_cli.checks.context import CheckContext
from sanqu_cli.checks.funds import check_funds
from sanqu_cli.checks.ledger import check_ledger_people, check_ledger_rows
from sanqu_cli.compute.funds import FundsResult, compute_funds
from sanqu_cli.findings import Report
from sanqu_cli.rules import RuleSet
from sanqu_cli.schema.expenses import EXPENSE_LEDGER
from sanqu_cli.schema.read import read_table
from sanqu_cli.schema.roster import ROSTER
from sanqu_cli.validate import add_checked, report_for


@dataclass
class FundsRun:
    """The figures (None when the roster or the given ledger could not be read), the findings, the year."""

    result: FundsResult | None
    report: Report
    year: int | None
    roster: Path
    ledger: Path | None


def run_funds(roster_path: Path, ledger_path: Path | None, rules: RuleSet, year: int | None = None) -> FundsRun:
    """Read, compute and check; problems in the data become findings of the report."""
    roster = read_table(roster_path, rules, [ROSTER], forced=True, year=year)
    roster_report = report_for(roster)
    run = FundsRun(result=None, report=Report(files=[roster_report]), year=roster.year, roster=roster_path,
                   ledger=ledger_path)
    if not roster.readable or roster.spec is None:
        return run

    ledger = None
    if ledger_path is not None:
        ledger = read_table(ledger_path, rules, [EXPENSE_LEDGER], forced=True, year=year)
        run.report.files.append(report_for(ledger))
        # Figures without the ledger the user gave would look complete but leave out its payments.
        if not ledger.readable or ledger.spec is None:
            return run
    ledger_records = ledger.records if ledger is not None else []
    run.result = compute_funds(roster.records, ledger_records, rules)

    # The ledger belongs to the roster's year, so its dates are checked against that year.
    roster_ctx = CheckContext(rules=rules, file=str(roster_path), year=roster.year)
    ledger_ctx = CheckContext(rules=rules, file=str(ledger_path), year=roster.year) if ledger else None
    if ledger_ctx is not None:
        check_ledger_rows(ledger_ctx, ledger_records)
        check_ledger_people(ledger_ctx, run.result.ledger, roster_path.name)
    check_funds(roster_ctx, ledger_ctx, run.result, roster_path.name)

    add_checked(roster_report, roster_ctx)
    if ledger_ctx is not None:
        add_checked(run.report.files[1], ledger_ctx)
    return run
