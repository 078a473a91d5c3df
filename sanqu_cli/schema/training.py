"""集中培训 records: the 培训班 sheet (one row per class) and the 学员名单 sheet (one row per trainee)."""

from __future__ import annotations

from sanqu_cli.schema.spec import ColumnSpec, TableSpec

# The seven 受培人员结构 columns of 附件5, in the table's order.
TRAINEE_TYPES = (
    "涉农企业、农业合作社、农民协会等机构负责人",
    "科技示范户",
    "农村科技服务人员",
    "基层科技管理人员",
    "返乡农民工",
    "大学生村官",
    "其他",
)
TRAINEE_TYPE_CHOICES = {name: name for name in TRAINEE_TYPES}
TRAINEE_TYPE_CHOICES.update({"机构负责人": TRAINEE_TYPES[0], "合作社负责人": TRAINEE_TYPES[0],
                             "企业负责人": TRAINEE_TYPES[0], "示范户": TRAINEE_TYPES[1],
                             "科技服务人员": TRAINEE_TYPES[2], "科技管理人员": TRAINEE_TYPES[3],
                             "农民工": TRAINEE_TYPES[4], "村官": TRAINEE_TYPES[5]})

TRAINING_CLASSES = TableSpec(
    kind="training_classes",
    label="培训班",
    sheet_names=("培训班", "培训班次"),
    markers=("class_name", "teaching_days", "experts"),
    record_fields=("class_name",),
    columns=(
        ColumnSpec("serial", "序号"),
        ColumnSpec("training_unit", "培训单位", required=True),
        ColumnSpec("class_name", "班次名称", ("培训班名称", "培训名称"), required=True),
        ColumnSpec("institution", "承办机构", ("培训机构",)),
        ColumnSpec("start", "开始日期", kind="date"),
        ColumnSpec("end", "结束日期", kind="date"),
        ColumnSpec("teaching_days", "集中授课天数", ("培训集中授课", "授课天数"), required=True, kind="whole"),
        ColumnSpec("experts", "参与专家人数", ("参与培训专家人数", "专家人数"), kind="whole"),
        ColumnSpec("courseware", "编写课件数", ("编写培训课件", "课件数"), kind="whole"),
        ColumnSpec("site_visits", "现场观摩次数", ("现场观摩",), kind="whole"),
        ColumnSpec("remarks", "备注"),
    ),
)

TRAINEES = TableSpec(
    kind="trainees",
    label="学员名单",
    sheet_names=("学员名单", "学员", "参训人员"),
    markers=("trainee_type", "passed"),
    record_fields=("name", "id_number"),
    columns=(
        ColumnSpec("serial", "序号"),
        ColumnSpec("class_name", "班次名称", ("培训班名称", "培训名称"), required=True),
        ColumnSpec("name", "姓名", required=True),
        ColumnSpec("id_number", "身份证号", ("身份证号码", "公民身份号码", "证件号码"), kind="id_number"),
        ColumnSpec("trainee_type", "人员类型", ("受培人员类型", "学员类型"), required=True, kind="choice",
                   choices=TRAINEE_TYPE_CHOICES),
        ColumnSpec("passed", "是否合格", ("培训合格", "考核合格"), kind="yes_no"),
        ColumnSpec("phone", "联系电话", ("手机", "手机号码"), kind="phone"),
        ColumnSpec("remarks", "备注"),
    ),
)

TABLE_SPECS = [TRAINING_CLASSES, TRAINEES]
