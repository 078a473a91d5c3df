"""选派人员花名册 (roster): one row per dispatched person per year."""

from __future__ import annotations

from sanqu_cli.schema.spec import ColumnSpec, TableSpec

CATEGORY_CHOICES = {
    "区内专业技术人员": "in_region",
    "区内": "in_region",
    "区内专技人员": "in_region",
    "区内科技人员": "in_region",
    "区外专业技术人员": "out_of_region",
    "区外": "out_of_region",
    "区外专技人员": "out_of_region",
    "区外科技人员": "out_of_region",
    "乡土人才": "local_expert",
    "乡土": "local_expert",
}
CATEGORY_LABELS = {"in_region": "区内专业技术人员", "out_of_region": "区外专业技术人员", "local_expert": "乡土人才"}

# 服务区类别: 二类区/三类区/四类区, also written 二类, 2, 二 (normalised to 2, 3, 4).
AREA_CLASS_CHOICES = {
    f"{spelling}{suffix}": number
    for number, spellings in {"2": ("二", "2", "Ⅱ"), "3": ("三", "3", "Ⅲ"), "4": ("四", "4", "Ⅳ")}.items()
    for spelling in spellings
    for suffix in ("类区", "类", "", "类地区")
}

TEAM_ROLE_CHOICES = {"团长": "leader", "负责人": "leader", "团队负责人": "leader", "是": "leader",
                     "成员": "member", "团员": "member", "队员": "member", "否": "member"}

TITLE_LEVEL_CHOICES = {
    "正高级": "senior", "正高": "senior",
    "副高级": "deputy_senior", "副高": "deputy_senior",
    "中级": "intermediate",
    "初级": "junior", "员级": "junior", "助理级": "junior",
    "无": "none", "无职称": "none",
}

ROSTER = TableSpec(
    kind="roster",
    label="选派人员花名册",
    sheet_names=("花名册", "选派人员花名册", "名单", "人员名单"),
    markers=("id_number", "service_days", "area_class", "dispatching_unit", "host_unit", "agreement_signed"),
    record_fields=("name", "id_number", "work_unit", "dispatching_unit", "host_unit", "county"),
    columns=(
        ColumnSpec("serial", "序号", ("编号",)),
        ColumnSpec("name", "姓名", required=True),
        ColumnSpec("id_number", "身份证号", ("身份证号码", "公民身份号码", "证件号码", "身份证"), required=True, kind="id_number"),
        ColumnSpec("gender", "性别"),
        ColumnSpec("ethnicity", "民族"),
        ColumnSpec("phone", "联系电话", ("联系方式", "手机", "手机号码", "电话", "手机号"), kind="phone"),
        ColumnSpec("work_unit", "工作单位", ("所在单位", "单位"), required=True),
        ColumnSpec("specialty", "专业", ("从事专业", "专业领域")),
        ColumnSpec("title", "技术职称", ("职称", "专业技术职称"), required=True,
                   note="乡土人才可以不填"),
        ColumnSpec("title_level", "职称级别", ("职称等级", "技术职称级别"), kind="choice", choices=TITLE_LEVEL_CHOICES),
        ColumnSpec("category", "人员类别", ("类别", "选派类别", "人员类型"), required=True, kind="choice",
                   choices=CATEGORY_CHOICES),
        ColumnSpec("dispatching_unit", "选派单位", ("派出单位",), required=True),
        ColumnSpec("team", "科技特派团", ("特派团", "所在特派团", "科技特派团名称")),
        ColumnSpec("team_role", "团内职务", ("团队职务", "是否团长"), kind="choice", choices=TEAM_ROLE_CHOICES),
        ColumnSpec("host_unit", "受援单位", ("服务单位",), required=True),
        ColumnSpec("county", "受援县(区)", ("服务县区", "所在区县", "受援地", "县(区)", "受援县区", "服务县(区)"),
                   required=True),
        ColumnSpec("prefecture", "所属市(地)", ("市(地)", "地市", "所属市地")),
        ColumnSpec("area_class", "服务区类别", ("类别区", "地区类别", "服务地区类别"), required=True, kind="choice",
                   choices=AREA_CLASS_CHOICES, invalid_code="P130"),
        ColumnSpec("service_start", "服务开始日期", ("开始日期", "服务期/开始", "服务期/开始日期", "服务期/起",
                                                  "服务期/起始日期", "服务开始时间", "开始时间"), kind="date"),
        ColumnSpec("service_end", "服务结束日期", ("结束日期", "服务期/结束", "服务期/结束日期", "服务期/止",
                                                "服务期/截止日期", "服务结束时间", "结束时间"), kind="date"),
        ColumnSpec("service_period", "服务期", ("服务起止日期", "服务起止时间"), kind="period"),
        ColumnSpec("service_days", "服务天数", ("服务时间", "实际服务天数", "年度服务天数"), required=True, kind="whole"),
        ColumnSpec("village_resident", "是否驻村", ("驻村",), kind="yes_no"),
        ColumnSpec("agreement_signed", "三方协议", ("是否签订三方协议", "签订三方协议", "三方协议签订"),
                   required=True, kind="yes_no"),
        ColumnSpec("work_subsidy", "工作补助", ("工作补助(元)",), kind="decimal"),
        ColumnSpec("travel", "交通差旅", ("交通差旅费", "交通差旅(元)"), kind="decimal"),
        ColumnSpec("insurance", "保险", ("保险费",), kind="decimal"),
        ColumnSpec("training", "培训", ("培训费",), kind="decimal"),
        ColumnSpec("materials", "生产资料", ("生产资料费",), kind="decimal"),
        ColumnSpec("score", "考核得分", ("得分",), kind="decimal"),
        ColumnSpec("grade", "考核等次", ("等次",), kind="choice",
                   choices={"优秀": "excellent", "合格": "pass", "称职": "pass", "不合格": "fail", "不称职": "fail"}),
        ColumnSpec("remarks", "备注"),
    ),
)

TABLE_SPECS = [ROSTER]
