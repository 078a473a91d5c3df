"""`sanqu funds` results for people (a per-unit table) and for machines (JSON).

In JSON every amount is a string with exactly two decimals ("9000.00"), so that no reader
turns it into a binary float. Kinds use the glossary's code names (work_subsidy, travel,
insurance, training, materials) and `other` for spending outside the five kinds.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from sanqu_cli import __version__
from sanqu_cli.compute.funds import OTHER, ROSTER_FIELD_BY_KIND, FundsResult, PersonFunds, UnitFunds, to_cents
from sanqu_cli.findings import Report
from sanqu_cli.pii import Masker
from sanqu_cli.report.json_report import finding_dict


def amount_text(value: Decimal | None) -> str | None:
    """Return an amount as JSON text with two decimals: Decimal("9000") → "9000.00"."""
    return None if value is None else str(to_cents(value))


def kind_key(kind: str) -> str:
    """Return the JSON key of an expense kind: its roster code name, "other", or the kind itself."""
    if kind == OTHER:
        return "other"
    return ROSTER_FIELD_BY_KIND.get(kind, kind)


def _person_dict(person: PersonFunds, result: FundsResult, masker: Masker) -> dict[str, Any]:
    return {
        "row": person.record.row,
        "name": person.name,
        "id_number": masker.id_number(person.id_number),
        "category": person.category,
        "dispatching_unit": person.unit,
        "area_class": person.area_class,
        "service_days": person.days,
        "day_rate": amount_text(person.rate),
        "work_subsidy": amount_text(person.work_subsidy),
        "recorded_work_subsidy": amount_text(person.recorded_work_subsidy),
        "spent": {kind_key(kind): amount_text(amount) for kind, amount in person.spent.items()},
        "sources": {kind_key(kind): source for kind, source in person.source.items()},
        "total": amount_text(person.total),
        "remaining": amount_text(result.remaining(person)),
    }


def _unit_dict(unit: UnitFunds) -> dict[str, Any]:
    return {
        "dispatching_unit": unit.name,
        "headcount": unit.headcount,
        "budget": amount_text(unit.budget),
        "spent": {kind_key(kind): amount_text(amount) for kind, amount in unit.spent.items()},
        "total": amount_text(unit.total),
        "remaining": amount_text(unit.remaining),
    }


def funds_dict(result: FundsResult | None, report: Report, rule_set: str, year: int | None, output: str | None,
               masker: Masker) -> dict[str, Any]:
    """Return the JSON document: figures per person and unit, and the findings of each file."""
    files = [{"path": file.path, "kind": file.kind, "sheet": file.sheet, "records": file.records,
              "readable": file.readable, "skipped_checks": file.skipped_checks,
              "findings": [finding_dict(finding, masker) for finding in file.findings]} for file in report.files]
    data: dict[str, Any] = {"tool": "sanqu", "version": __version__, "rule_set": rule_set, "year": year,
                            "output": output, "files": files, "summary": report.summary()}
    if result is not None:
        data["per_person_yuan"] = amount_text(result.per_person)
        data["day_rates"] = {area: amount_text(rate) for area, rate in result.rates.items()}
        data["people"] = [_person_dict(person, result, masker) for person in result.people]
        data["units"] = [_unit_dict(unit) for unit in result.units]
    return data


def units_table(result: FundsResult) -> Table:
    """Return the per-unit table: headcount, budget, spending by kind, total and remaining."""
    kinds = [*result.kinds, OTHER]
    table = Table(title="各选派单位经费测算（元）", header_style="bold")
    for title in ("选派单位", "人数", "经费总额", *kinds, "合计支出", "剩余"):
        table.add_column(title, justify="left" if title == "选派单位" else "right", no_wrap=True)
    for unit in result.units:
        remaining = f"{unit.remaining:,.2f}"
        if unit.remaining < 0:
            remaining = f"[bold red]{remaining}[/]"
        table.add_row(escape(unit.name), str(unit.headcount), f"{unit.budget:,.2f}",
                      *[f"{unit.spent[kind]:,.2f}" for kind in kinds], f"{unit.total:,.2f}", remaining)
    return table


def print_units(console: Console, result: FundsResult) -> None:
    console.print(units_table(result))
    people = len(result.people)
    total = sum((unit.total for unit in result.units), Decimal(0))
    budget = sum((unit.budget for unit in result.units), Decimal(0))
    console.print(f"共 {len(result.units)} 个选派单位、{people} 人：经费总额 {budget:,.2f} 元，"
                  f"合计支出 {total:,.2f} 元，剩余 {budget - total:,.2f} 元。")
