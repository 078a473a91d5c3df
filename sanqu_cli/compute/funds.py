"""选派工作经费 per person and per 选派单位: 工作补助 by service days, and spending by kind.

第二十三条 gives each person 20,000 元 a year (funds.per_person_yuan) and pays 工作补助 by
actual service days at the day rate of the area class (funds.day_rate_yuan). Money is
`Decimal` throughout and every sum is exact to the 分.

Which figure counts as spent, per person and kind:
- 工作补助: days × rate whenever both are known, because that is what the person is owed. An
  amount recorded on the roster or in the ledger that differs is B601. When days or the area
  class are missing, the recorded amount counts.
- the other kinds: the ledger sum when the ledger has rows of that kind for the person,
  else the roster column, else 0.
- ledger rows of a kind outside the five go to OTHER (they are spent, and also B603).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sanqu_cli.rules import RuleSet
from sanqu_cli.schema.expenses import expense_kind, money
from sanqu_cli.schema.records import Record
from sanqu_cli.schema.roster import ROSTER
from sanqu_cli.workbook.cells import clean_text, header_key

CENT = Decimal("0.01")
AREA_LABELS = {"2": "二类区", "3": "三类区", "4": "四类区"}
OTHER = "其他"
SOURCE_COMPUTED = "测算"
SOURCE_ROSTER = "花名册"
SOURCE_LEDGER = "支出明细"

# Roster columns named after an expense kind (工作补助, 交通差旅, 保险, 培训, 生产资料).
ROSTER_FIELD_BY_KIND = {ROSTER.column(name).header: name
                        for name in ("work_subsidy", "travel", "insurance", "training", "materials")}
WORK_SUBSIDY = ROSTER.column("work_subsidy").header


def _booked(amount: Decimal | None) -> Decimal | None:
    """Round a ledger amount to the 分 before it is summed (B608 reports the extra decimals).

    Summing the typed amounts and rounding the totals would let 合计支出 + 剩余 miss the budget
    by a 分, because each total would round on its own.
    """
    return None if amount is None else to_cents(amount)


def to_cents(value: Decimal) -> Decimal:
    """Return an amount with exactly two decimals, for display and output.

    Only an amount typed with more than two decimals (B608) needs rounding; it is rounded half
    up (四舍五入), as accounts are.
    """
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class PersonFunds:
    """One person's figures. `spent` contains every kind of the rule set plus OTHER."""

    record: Record
    name: str
    id_number: str | None
    category: str | None
    unit: str
    area_class: str | None
    days: int | None
    rate: Decimal | None
    work_subsidy: Decimal | None
    recorded_work_subsidy: Decimal | None
    spent: dict[str, Decimal]
    source: dict[str, str] = field(default_factory=dict)
    ledger: list[LedgerMatch] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum(self.spent.values(), Decimal(0))

    def ledger_of(self, kind: str) -> list[LedgerMatch]:
        return [match for match in self.ledger if match.kind == kind]


@dataclass
class UnitFunds:
    """One 选派单位: its people, budget (headcount × per-person amount) and spending by kind."""

    name: str
    first: Record
    budget_each: Decimal
    spent: dict[str, Decimal]
    headcount: int = 0
    # Ledger rows of the unit that name no person (e.g. insurance bought for a whole team).
    ledger: list[LedgerMatch] = field(default_factory=list)

    @property
    def budget(self) -> Decimal:
        return self.budget_each * self.headcount

    @property
    def total(self) -> Decimal:
        return sum(self.spent.values(), Decimal(0))

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.total


@dataclass
class LedgerMatch:
    """A ledger row's booking: its kind, amount, person or unit, and the problem when it has neither."""

    record: Record
    kind: str
    amount: Decimal | None
    person: PersonFunds | None = None
    unit: UnitFunds | None = None
    problem: str | None = None
    name_differs: bool = False


@dataclass
class FundsResult:
    per_person: Decimal
    rates: dict[str, Decimal]
    kinds: list[str]
    people: list[PersonFunds]
    units: list[UnitFunds]
    ledger: list[LedgerMatch] = field(default_factory=list)

    def remaining(self, person: PersonFunds) -> Decimal:
        return self.per_person - person.total


def day_rates(rules: RuleSet) -> dict[str, Decimal]:
    """Return the day rate by area class "2"/"3"/"4", as the roster normalises 服务区类别."""
    return {str(area): Decimal(rate) for area, rate in sorted(rules.funds.day_rate_yuan.items())}


def _id_key(value: Any) -> str | None:
    text = clean_text(value)
    return text.replace(" ", "").upper() if text else None


def name_key(value: Any) -> str:
    """Return a name for matching: NFKC and no spaces, so "扎西 卓玛" and "扎西卓玛" are one name."""
    return header_key(value or "")


def _person(record: Record, rates: dict[str, Decimal], kinds: list[str]) -> PersonFunds:
    area = record.get("area_class")
    days = record.get("service_days")
    rate = rates.get(area) if area else None
    computed = to_cents(rate * days) if rate is not None and days is not None else None
    recorded = money(record, "work_subsidy")

    person = PersonFunds(
        record=record, name=record.get("name", ""), id_number=_id_key(record.get("id_number")),
        category=record.get("category"), unit=record.get("dispatching_unit", ""), area_class=area, days=days,
        rate=rate, work_subsidy=computed, recorded_work_subsidy=recorded,
        spent={kind: Decimal(0) for kind in [*kinds, OTHER]},
    )
    for kind in kinds:
        field_name = ROSTER_FIELD_BY_KIND.get(kind)
        amount = money(record, field_name) if field_name else None
        if amount is not None:
            person.spent[kind], person.source[kind] = amount, SOURCE_ROSTER
    if computed is not None and WORK_SUBSIDY in person.spent:
        person.spent[WORK_SUBSIDY], person.source[WORK_SUBSIDY] = computed, SOURCE_COMPUTED
    return person


def _match(match: LedgerMatch, by_id: dict[str, PersonFunds], by_name: dict[str, list[PersonFunds]],
           units: dict[str, UnitFunds]) -> None:
    """Book a ledger row to a person by 身份证号, else by a name unique on the roster, else to a unit."""
    record = match.record
    number, name = _id_key(record.get("id_number")), record.get("name")
    if number:
        match.person = by_id.get(number)
        if match.person is None:
            match.problem = f"身份证号不在花名册中（姓名“{name or ''}”）"
        else:
            match.name_differs = bool(name) and name_key(name) != name_key(match.person.name)
        return
    if name:
        found = by_name.get(name_key(name), [])
        if len(found) == 1:
            match.person = found[0]
        elif found:
            rows = "、".join(person.record.ref("name") for person in found)
            match.problem = f"花名册中有 {len(found)} 人叫“{name}”（{rows}），请填写身份证号"
        else:
            match.problem = f"花名册中没有“{name}”"
        return
    match.unit = units.get(record.get("dispatching_unit") or "")
    if match.unit is None:
        match.problem = "没有填写姓名或身份证号，也没有可对应的选派单位"


def _book_ledger(result: FundsResult, ledger: list[Record], rules: RuleSet) -> None:
    by_id = {person.id_number: person for person in result.people if person.id_number}
    by_name: dict[str, list[PersonFunds]] = {}
    for person in result.people:
        by_name.setdefault(name_key(person.name), []).append(person)
    units = {unit.name: unit for unit in result.units}

    # Sum each person's ledger rows by kind first: a kind found in the ledger replaces the
    # roster column of that kind instead of adding to it.
    sums: dict[int, Counter] = {}
    for record in ledger:
        match = LedgerMatch(record, kind=expense_kind(record.get("kind"), rules) or OTHER,
                            amount=_booked(money(record, "amount")))
        _match(match, by_id, by_name, units)
        result.ledger.append(match)
        owner = match.person or match.unit
        if owner is None:
            continue
        owner.ledger.append(match)
        if match.amount is None:
            continue
        if match.person is not None:
            sums.setdefault(id(match.person), Counter())[match.kind] += match.amount
        else:
            match.unit.spent[match.kind] += match.amount

    for person in result.people:
        for kind, amount in sums.get(id(person), Counter()).items():
            if kind == WORK_SUBSIDY and person.source.get(kind) == SOURCE_COMPUTED:
                continue
            person.spent[kind], person.source[kind] = amount, SOURCE_LEDGER


def compute_funds(roster: list[Record], ledger: list[Record], rules: RuleSet) -> FundsResult:
    """Compute every person's and every unit's figures from roster records and ledger records."""
    kinds = list(rules.funds.expense_kinds)
    rates = day_rates(rules)
    per_person = Decimal(rules.funds.per_person_yuan)
    people = [_person(record, rates, kinds) for record in roster]

    units: dict[str, UnitFunds] = {}
    for person in people:
        if person.unit not in units:
            units[person.unit] = UnitFunds(person.unit, person.record, per_person,
                                           {kind: Decimal(0) for kind in [*kinds, OTHER]})
        units[person.unit].headcount += 1
    result = FundsResult(per_person=per_person, rates=rates, kinds=kinds, people=people, units=list(units.values()))

    _book_ledger(result, ledger, rules)
    for person in people:
        unit = units[person.unit]
        for kind, amount in person.spent.items():
            unit.spent[kind] += amount
    return result
