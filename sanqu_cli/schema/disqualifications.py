"""处理记录 (disqualifications): people whose 三区 status was withdrawn under 第二十八条.

第二十八条 withdraws the status for misused funds, faked records and similar cases. It also bars
a new application for three years, so `--history` reads this sheet to find such people on a
later roster. 年度 is the plan year of the withdrawal, and 情形 names the case (e.g.
“（一）套取工作经费”).
"""

from __future__ import annotations

from sanqu_cli.schema.spec import ColumnSpec, TableSpec

DISQUALIFICATIONS = TableSpec(
    kind="disqualifications",
    label="处理记录",
    sheet_names=("处理记录", "取消资格记录", "违规处理记录"),
    markers=("case",),
    record_fields=("name", "id_number", "case"),
    columns=(
        ColumnSpec("serial", "序号"),
        ColumnSpec("name", "姓名"),
        ColumnSpec("id_number", "身份证号", ("身份证号码", "公民身份号码", "证件号码"), required=True, kind="id_number"),
        ColumnSpec("dispatching_unit", "选派单位", ("派出单位",)),
        ColumnSpec("year", "年度", ("处理年度", "考核年度"), required=True, kind="whole"),
        ColumnSpec("case", "情形", ("处理情形", "违规情形", "取消资格情形", "处理原因"), required=True),
        ColumnSpec("date", "处理日期", ("处理时间",), kind="date"),
        ColumnSpec("document", "文号", ("处理文号", "处理决定文号")),
        ColumnSpec("remarks", "备注"),
    ),
)

TABLE_SPECS = [DISQUALIFICATIONS]
