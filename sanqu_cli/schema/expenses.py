"""经费支出明细 (expense ledger): one row per payment from a person's dispatch funds."""

from __future__ import annotations

from sanqu_cli.schema.spec import ColumnSpec, TableSpec

# Kinds are read as typed (not restricted to the five allowed ones): an entry such as
# 管理费 or 驻村补助 must reach the fund checks, which report it (B603, B605, B606).
EXPENSE_LEDGER = TableSpec(
    kind="expense_ledger",
    label="经费支出明细",
    sheet_names=("经费支出明细", "支出明细", "经费明细"),
    markers=("kind", "amount", "payee"),
    record_fields=("name", "id_number", "amount"),
    columns=(
        ColumnSpec("serial", "序号"),
        ColumnSpec("date", "日期", ("支出日期", "报销日期"), required=True, kind="date"),
        ColumnSpec("name", "姓名", required=True),
        ColumnSpec("id_number", "身份证号", ("身份证号码", "公民身份号码", "证件号码"), kind="id_number"),
        ColumnSpec("dispatching_unit", "选派单位", ("派出单位",)),
        ColumnSpec("kind", "支出类别", ("支出类型", "费用类别", "经费类别"), required=True),
        ColumnSpec("amount", "金额(元)", ("金额", "支出金额"), required=True, kind="decimal"),
        ColumnSpec("payee", "收款人", ("收款单位", "收款方")),
        ColumnSpec("purpose", "用途", ("事由", "支出用途")),
        ColumnSpec("remarks", "备注"),
    ),
)

TABLE_SPECS = [EXPENSE_LEDGER]
