"""考核汇总 (appraisal summary): one row per person with total points and 等次.

`sanqu score` writes this layout and `--history` reads it back (with earlier years' rosters),
so the headers below are a contract between the two.
"""

from __future__ import annotations

from sanqu_cli.schema.spec import ColumnSpec, TableSpec

GRADE_CHOICES = {"优秀": "excellent", "合格": "pass", "称职": "pass", "基本合格": "pass", "不合格": "fail",
                 "不称职": "fail"}
GRADE_LABELS = {"excellent": "优秀", "pass": "合格", "fail": "不合格"}

APPRAISAL_SUMMARY = TableSpec(
    kind="appraisal_summary",
    label="考核汇总",
    sheet_names=("考核汇总", "考核结果", "考核结果汇总"),
    markers=("grade",),
    record_fields=("name", "id_number", "grade"),
    columns=(
        ColumnSpec("serial", "序号"),
        ColumnSpec("year", "年度", ("考核年度",), kind="whole"),
        ColumnSpec("dispatching_unit", "选派单位", ("派出单位",), required=True),
        ColumnSpec("name", "姓名", required=True),
        ColumnSpec("id_number", "身份证号", ("身份证号码", "公民身份号码", "证件号码"), required=True, kind="id_number"),
        ColumnSpec("score", "考核得分", ("得分", "考核得分合计", "总分"), kind="decimal"),
        ColumnSpec("grade", "考核等次", ("等次", "计算等次", "考核结果"), required=True, kind="choice",
                   choices=GRADE_CHOICES),
        ColumnSpec("rank", "单位内排名", ("排名",), kind="whole"),
        ColumnSpec("remarks", "备注", ("问题",)),
    ),
)

TABLE_SPECS = [APPRAISAL_SUMMARY]
