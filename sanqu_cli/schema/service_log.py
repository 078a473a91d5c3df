"""服务日志 (service log): one row per service activity, the detail behind 附件4."""

from __future__ import annotations

from sanqu_cli.schema.spec import ColumnSpec, TableSpec

ACTIVITY_CHOICES = {name: name for name in ("技术指导", "技术服务", "培训", "科普宣传", "需求调研", "创办领办协办", "其他")}
ORGANISATION_TYPE_CHOICES = {name: name for name in ("企业", "合作社", "农民协会", "家庭农场")}
ORGANISATION_TYPE_CHOICES.update({"农牧民专业合作社": "合作社", "农民专业合作社": "合作社", "专业合作社": "合作社",
                                  "公司": "企业", "协会": "农民协会", "专业技术协会": "农民协会"})

SERVICE_LOG = TableSpec(
    kind="service_log",
    label="服务日志",
    sheet_names=("服务日志", "服务记录", "工作日志"),
    markers=("activity", "households", "township", "village", "organisation"),
    record_fields=("date", "name", "id_number", "activity"),
    columns=(
        ColumnSpec("serial", "序号"),
        ColumnSpec("date", "日期", ("服务日期", "时间"), required=True, kind="date"),
        ColumnSpec("name", "姓名", required=True),
        ColumnSpec("id_number", "身份证号", ("身份证号码", "公民身份号码", "证件号码"), kind="id_number"),
        ColumnSpec("dispatching_unit", "选派单位", ("派出单位",)),
        ColumnSpec("county", "县(区)", ("服务县区", "受援县(区)", "县区"), required=True),
        ColumnSpec("township", "乡镇", ("服务乡镇", "乡(镇)")),
        ColumnSpec("village", "村", ("服务村", "村(居)", "行政村")),
        ColumnSpec("activity", "服务方式", ("服务类型", "服务内容类型"), required=True, kind="choice",
                   choices=ACTIVITY_CHOICES),
        ColumnSpec("organisation", "服务机构", ("服务对象机构", "服务企业合作社")),
        ColumnSpec("organisation_type", "机构类型", kind="choice", choices=ORGANISATION_TYPE_CHOICES),
        ColumnSpec("founded", "是否创办领办", ("创办领办", "是否创办领办协办"), kind="yes_no"),
        ColumnSpec("households", "带动农户数", ("服务带动农户数", "带动农户(户)"), kind="whole"),
        ColumnSpec("trainees", "培训人数", ("培训农民人数", "培训人次"), kind="whole"),
        ColumnSpec("new_varieties", "引进新品种", ("引进新品种数",), kind="whole"),
        ColumnSpec("new_technologies", "推广新技术", ("推广新技术数",), kind="whole"),
        ColumnSpec("demo_bases", "建立示范基地", ("示范基地",), kind="whole"),
        ColumnSpec("projects", "引进项目", ("为受援地引进项目",), kind="whole"),
        ColumnSpec("funds_wan", "引进资金(万元)", ("引进资金", "为受援地引进资金"), kind="decimal"),
        ColumnSpec("backbones", "培养技术骨干", ("培养技术骨干数",), kind="whole"),
        ColumnSpec("income_increase", "帮助增收(元)", ("帮助增收", "帮助受援对象增收"), kind="decimal"),
        ColumnSpec("briefings", "简报", ("报送简报", "简报信息"), kind="whole"),
        ColumnSpec("remarks", "备注"),
    ),
)

TABLE_SPECS = [SERVICE_LOG]
