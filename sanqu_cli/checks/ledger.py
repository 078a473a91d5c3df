"""B rules on each row of an expense ledger (经费支出明细), with or without the roster.

Alone (`sanqu validate`): the amount (B608), the date (B609), the kind (B603), fees (B606)
and 误工费 (B607). With the roster (`sanqu funds`): also whether the person is on it (B610),
whether the funds were paid to a 区内 person or a 乡土人才 (B604), and 驻村 spending of a
驻村 person (B605).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from sanqu_cli.checks.context import CheckContext
from sanqu_cli.checks.people import check_id_number
from sanqu_cli.schema.expenses import expense_kind, money
from sanqu_cli.schema.records import Record, TableRead
from sanqu_cli.schema.roster import CATEGORY_LABELS
from sanqu_cli.workbook.cells import header_key

if TYPE_CHECKING:
    from sanqu_cli.compute.funds import LedgerMatch

CENT = Decimal("0.01")
# Fields whose text can show what a payment was for.
_TEXT_FIELDS = ("kind", "purpose")
# 第二十四条 bans paying the funds straight to these categories.
_NO_DIRECT_PAYMENT = ("in_region", "local_expert")


def _mentioning(record: Record, words: Iterable[str]) -> tuple[str, str] | None:
    """Return (field, word) for the first of 支出类别/用途 containing one of `words`."""
    for name in _TEXT_FIELDS:
        text = header_key(record.get(name) or "")
        for word in words:
            if word and header_key(word) in text:
                return name, word
    return None


def check_amount(ctx: CheckContext, record: Record, amount: Decimal | None) -> None:
    if amount is None:
        cell = record.cell("amount")
        if cell is not None and cell.raw is None:
            ctx.add("B608", "支出金额为空。请填写实际支付的金额（元）。", record, "amount")
        return
    if amount <= 0:
        ctx.add("B608", f"支出金额 {amount} 元不是正数。冲减或退回请在原支出行中更正，不要填负数或 0。",
                record, "amount")
    elif amount != amount.quantize(CENT):
        ctx.add("B608", f"支出金额 {amount} 元超过两位小数（金额精确到分）。请按实际支付金额填写。", record, "amount")


def check_date(ctx: CheckContext, record: Record) -> None:
    date = record.get("date")
    if date is not None and ctx.year and date.year != ctx.year:
        ctx.add("B609", f"支出日期 {date.isoformat()} 不在 {ctx.year} 年度内。请核对日期，"
                        "或把这笔支出记入所属年度的明细。", record, "date")


def check_kind(ctx: CheckContext, record: Record) -> None:
    """B603 for a kind outside the five, B606 for a fee, B607 for 误工费."""
    rules = ctx.rules
    allowed = "、".join(rules.funds.expense_kinds)
    text = record.get("kind")
    if text is None and "kind" not in record.unread:
        ctx.add("B603", f"支出类别为空。请填写{allowed}之一。", record, "kind")
    elif text is not None and expense_kind(text, rules) is None:
        ctx.add("B603", f"支出类别“{text}”不属于选派工作经费允许的五类支出（{allowed}）。"
                        "请改为其中一类，或不从选派工作经费中列支。", record, "kind")

    fee = _mentioning(record, rules.fund_checks.fee_words)
    if fee:
        ctx.add("B606", f"这笔支出是“{fee[1]}”类费用。不得以任何名义从“三区”科技人才工作经费中收取管理费等费用，"
                        "请退回并更正。", record, fee[0])

    lost_work = _mentioning(record, rules.fund_checks.lost_work_words)
    if lost_work:
        ctx.add("B607", "这笔支出含误工费。集中培训工作经费不得支出误工费，请核实后从其他渠道列支。",
                record, lost_work[0])


def check_ledger_rows(ctx: CheckContext, records: list[Record]) -> None:
    """Check every row on its own, without the roster."""
    if not ctx.year:
        ctx.skip("B609", "不知道年度，请用 --year 指定")
    for record in records:
        check_id_number(ctx, record)
        check_amount(ctx, record, money(record, "amount"))
        check_date(ctx, record)
        check_kind(ctx, record)


def _is_person(payee: str, match: LedgerMatch, words: list[str]) -> bool:
    """Tell whether a 收款人 is the person: their name (with a note such as "(本人)"), ID or 本人."""
    person = match.person
    key = header_key(payee)
    name = header_key(person.name)
    if key in {header_key(word) for word in words}:
        return True
    if person.id_number and key.upper() == person.id_number:
        return True
    return bool(name) and (key == name or key.startswith(name + "("))


def check_paid_to_person(ctx: CheckContext, match: LedgerMatch, roster_file: str) -> None:
    """B604: 第二十四条 bans paying the funds straight to a 区内 person or a 乡土人才.

    Interpretation: a row of any kind whose 收款人 is the person is a direct payment, 工作补助
    included; only the kinds in fund_checks.reimbursed_to_person (交通差旅: travel costs
    reimbursed to the traveller under the travel-expense rules) are exempt. For 区外 people
    the article asks only that the five kinds be kept (B603), so no B604 is raised for them.
    """
    person, record = match.person, match.record
    payee = record.get("payee")
    if person is None or not payee or person.category not in _NO_DIRECT_PAYMENT:
        return
    rules = ctx.rules.fund_checks
    if match.kind in rules.reimbursed_to_person or not _is_person(payee, match, rules.self_payee_words):
        return
    label = CATEGORY_LABELS[person.category]
    ctx.add("B604", f"{match.kind}支付给了选派对象本人（{person.name}，{label}）。对区内科研人员和乡土人才，"
                    "严禁直接将选派工作经费发放给本人，请改由选派单位或受援单位按支出范围统一支付。",
            record, "payee", related=[f"{roster_file}!{person.record.ref('category')}"])


def check_village_spending(ctx: CheckContext, match: LedgerMatch, roster_file: str) -> None:
    """B605: a 驻村 person's funds spent on 驻村 general costs or 驻村补助."""
    person = match.person
    if person is None or person.record.get("village_resident") is not True:
        return
    found = _mentioning(match.record, ctx.rules.fund_checks.village_words)
    if found:
        ctx.add("B605", f"{person.name}是驻村人员，这笔支出用于驻村开支或驻村补助。驻村科技人员的选派经费不得用于"
                        "驻村一般性支出和驻村补助，请从驻村经费中列支。", match.record, found[0],
                related=[f"{roster_file}!{person.record.ref('village_resident')}"])


def check_on_roster(ctx: CheckContext, match: LedgerMatch, roster_file: str) -> None:
    """B610: the row's person is not on the roster, or its name and 身份证号 disagree."""
    record = match.record
    if match.problem:
        name = "id_number" if record.get("id_number") else "name"
        ctx.add("B610", f"{match.problem}，这笔支出无法计入任何人的经费。请核对姓名和身份证号。", record, name)
    elif match.name_differs:
        person = match.person
        ctx.add("B610", f"身份证号属于花名册中的{person.name}（{person.record.ref('name')}），但这里的姓名是"
                        f"“{record.get('name')}”。请核对。", record, "name",
                related=[f"{roster_file}!{person.record.ref('name')}"])


def check_ledger_people(ctx: CheckContext, matches: list[LedgerMatch], roster_file: str) -> None:
    """Check each row against the roster person it was booked to."""
    for match in matches:
        check_on_roster(ctx, match, roster_file)
        check_paid_to_person(ctx, match, roster_file)
        check_village_spending(ctx, match, roster_file)


def _check_ledger_read(ctx: CheckContext, read: TableRead) -> None:
    # NOTE: `sanqu validate` checks each file alone, so a roster passed in the same run is not
    # used here; the roster-based checks run only in `sanqu funds`.
    ctx.skip("B604、B605、B610", "需要花名册，请用 sanqu funds 花名册 --ledger 明细 检查")
    check_ledger_rows(ctx, read.records)


CHECKERS = {"expense_ledger": _check_ledger_read}
