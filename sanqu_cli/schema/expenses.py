"""经费支出明细 (expense ledger): one row per payment from a person's dispatch funds."""

from __future__ import annotations

from decimal import Decimal

from sanqu_cli.rules import RuleSet
from sanqu_cli.schema.records import Record
from sanqu_cli.schema.spec import ColumnSpec, TableSpec
from sanqu_cli.workbook.cells import header_key

# Kinds are read as typed (not restricted to the five allowed ones): an entry such as
# 管理费 or 驻村补助 must reach the fund checks, which report it (B603, B605, B606).
EXPENSE_LEDGER = TableSpec(
    kind="expense_ledger",
    label="经费支出明细",
    sheet_names=("经费支出明细", "支出明细", "经费明细", "经费支出台账"),
    markers=("kind", "amount", "payee"),
    record_fields=("name", "id_number", "amount"),
    columns=(
        ColumnSpec("serial", "序号", ("编号",)),
        ColumnSpec("date", "日期", ("支出日期", "报销日期", "付款日期", "发放日期", "记账日期"), required=True,
                   kind="date"),
        ColumnSpec("name", "姓名", ("选派人员", "选派人员姓名", "人员姓名"), required=True),
        ColumnSpec("id_number", "身份证号", ("身份证号码", "公民身份号码", "证件号码", "身份证"), kind="id_number"),
        ColumnSpec("dispatching_unit", "选派单位", ("派出单位",)),
        ColumnSpec("kind", "支出类别", ("支出类型", "费用类别", "经费类别", "支出项目", "费用类型"),
                   required=True, note="工作补助、交通差旅、保险、培训、生产资料之一"),
        ColumnSpec("amount", "金额(元)", ("金额", "支出金额", "报销金额", "付款金额", "发放金额"), required=True,
                   kind="decimal"),
        ColumnSpec("payee", "收款人", ("收款单位", "收款方", "领款人", "收款人(单位)", "收款人或单位")),
        ColumnSpec("purpose", "用途", ("事由", "支出用途", "摘要", "支出事由")),
        ColumnSpec("remarks", "备注"),
    ),
)

TABLE_SPECS = [EXPENSE_LEDGER]


def expense_kind(text: str | None, rules: RuleSet) -> str | None:
    """Return the allowed expense kind (第二十三条) that a 支出类别 text names, or None.

    "差旅费" and "交通差旅" both give 交通差旅; the spellings come from the rule set's
    fund_checks.kind_aliases, so a revised rule set can add local ones.
    """
    if not text:
        return None
    key = header_key(text)
    for kind in rules.funds.expense_kinds:
        spellings = [kind, *rules.fund_checks.kind_aliases.get(kind, [])]
        if key in {header_key(spelling) for spelling in spellings}:
            return kind
    return None


def money(record: Record, name: str) -> Decimal | None:
    """Return a money field as Decimal; a number cell is read at Excel's 15 significant digits.

    Excel shows and sums at most 15 significant digits, so a cached 0.30000000000000004 from a
    formula such as =0.1+0.2 is read as the 0.3 that Excel displays.
    """
    cell = record.cell(name)
    if cell is not None and isinstance(cell.raw, float):
        return Decimal(format(cell.raw, ".15g"))
    value = record.get(name)
    return value if isinstance(value, Decimal) else None
