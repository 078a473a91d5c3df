"""B601 and B602: 工作补助 against service days × day rate, and spending against the budget.

These checks read the figures of `compute.funds`; they add findings to the roster's context
(roster cells) and to the ledger's context (ledger cells).
"""

from __future__ import annotations

from decimal import Decimal

from sanqu_cli.checks.context import CheckContext
from sanqu_cli.compute.funds import AREA_LABELS, WORK_SUBSIDY, FundsResult, PersonFunds, UnitFunds



def yuan(amount: Decimal) -> str:
    """Format an amount for a message: 9,000.00 元."""
    return f"{amount:,.2f} 元"


def _basis(person: PersonFunds) -> str:
    area = AREA_LABELS.get(person.area_class or "", person.area_class)
    return f"{person.days} 天 × {person.rate:,.0f} 元/天（{area}）= {yuan(person.work_subsidy)}"


def check_roster_subsidy(ctx: CheckContext, person: PersonFunds) -> None:
    """B601 at the roster's 工作补助 cell, citing the 服务天数 and 服务区类别 cells."""
    recorded, computed = person.recorded_work_subsidy, person.work_subsidy
    if recorded is None or computed is None or recorded == computed:
        return
    record = person.record
    ctx.add("B601", f"工作补助填写为 {yuan(recorded)}，按实际服务天数应为 {_basis(person)}，"
                    f"相差 {yuan(recorded - computed)}。请核对服务天数、服务区类别或补助金额。",
            record, "work_subsidy", related=[record.ref("service_days"), record.ref("area_class")])


def check_ledger_subsidy(ctx: CheckContext, person: PersonFunds, roster_file: str) -> None:
    """B601 at the last ledger row of 工作补助 when the person's 工作补助 rows do not add up."""
    rows = [match for match in person.ledger_of(WORK_SUBSIDY) if match.amount is not None]
    computed = person.work_subsidy
    if not rows or computed is None:
        return
    paid = sum((match.amount for match in rows), Decimal(0))
    if paid == computed:
        return
    record = person.record
    cells = "、".join(match.record.ref("amount") for match in rows)
    ctx.add("B601", f"{person.name}的工作补助在支出明细中共 {yuan(paid)}（{cells}），按实际服务天数应为 "
                    f"{_basis(person)}，相差 {yuan(paid - computed)}。",
            rows[-1].record, "amount",
            related=[f"{roster_file}!{record.ref('service_days')}", f"{roster_file}!{record.ref('area_class')}"])


def check_person_budget(ctx: CheckContext, person: PersonFunds, per_person: Decimal) -> None:
    """B602 for one person: at 服务天数 when 工作补助 alone is over, else at 姓名."""
    total = person.total
    if total <= per_person:
        return
    parts = "，".join(f"{kind} {yuan(amount)}" for kind, amount in person.spent.items() if amount)
    name = "service_days" if (person.work_subsidy or 0) > per_person else "name"
    ctx.add("B602", f"{person.name}本年度选派工作经费共 {yuan(total)}（{parts}），超过每人每年 {yuan(per_person)}"
                    f" {yuan(total - per_person)}。", person.record, name)


def check_unit_budget(ctx: CheckContext, unit: UnitFunds) -> None:
    """B602 for a 选派单位, at the 选派单位 cell of its first person."""
    if unit.total <= unit.budget:
        return
    ctx.add("B602", f"选派单位“{unit.name}”本年度选派工作经费共支出 {yuan(unit.total)}，超过 {unit.headcount} 人 × "
                    f"{yuan(unit.budget_each)} = {yuan(unit.budget)}，超出 {yuan(unit.total - unit.budget)}。",
            unit.first, "dispatching_unit")


def check_funds(roster_ctx: CheckContext, ledger_ctx: CheckContext | None, result: FundsResult,
                roster_file: str) -> None:
    """Run B601 and B602 over every person and unit."""
    for person in result.people:
        check_roster_subsidy(roster_ctx, person)
        if ledger_ctx is not None:
            check_ledger_subsidy(ledger_ctx, person, roster_file)
        check_person_budget(roster_ctx, person, result.per_person)
    for unit in result.units:
        check_unit_budget(roster_ctx, unit)
