"""附件4 选派工作成效统计表 and 附件5 集中培训工作成效统计表, as offices submit them.

Both tables have a two-row header: group cells (选派情况 / 服务情况 / 受援效果; 培训情况 /
受培人员结构 / 培训方式) merged over the figure columns. The figure lists below are the single
source of the columns, so the computation, the writer and the reader cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from sanqu_cli.schema.spec import ColumnSpec, TableSpec


@dataclass(frozen=True)
class Figure:
    """One figure column: code name, header as printed (with its unit), group, and how it adds up.

    `additive` is False for distinct counts (服务县区/乡镇/村庄数量, 附件4 注1), which must
    never be summed across units.
    """

    field: str
    header: str
    group: str
    aliases: tuple[str, ...] = ()
    additive: bool = True
    decimal: bool = False


DISPATCH_GROUPS = ("选派情况", "服务情况", "受援效果")
DISPATCH_FIGURES = (
    Figure("dispatched", "选派人数(人)", "选派情况", ("选派人数", "选派人员数")),
    Figure("teams", "科技特派团数(个)", "选派情况", ("科技特派团数", "特派团数")),
    Figure("agreements", "三方协议数(个)", "选派情况", ("三方协议数", "签订三方协议数")),
    Figure("passed", "考核合格数(个)", "选派情况", ("考核合格数", "考核合格人数")),
    Figure("counties", "服务县区数量(个)", "服务情况", ("服务县区数量", "服务县(区)数量", "服务县区数"), additive=False),
    Figure("townships", "服务乡镇数量(个)", "服务情况", ("服务乡镇数量", "服务乡镇数"), additive=False),
    Figure("villages", "服务村庄数量(个)", "服务情况", ("服务村庄数量", "服务村庄数", "服务村数量"), additive=False),
    Figure("households", "服务带动农户数量(户)", "服务情况", ("服务带动农户数量", "带动农户数量")),
    Figure("organisations_served", "服务企业、合作社、农民协会等机构(个)", "服务情况",
           ("服务企业、合作社、农民协会等机构", "服务机构数")),
    Figure("organisations_founded", "创办领办企业、合作社、农民协会等机构(个)", "服务情况",
           ("创办领办企业、合作社、农民协会等机构", "创办领办机构数")),
    Figure("new_varieties", "引进新品种(种)", "受援效果", ("引进新品种",)),
    Figure("new_technologies", "推广新技术(个)", "受援效果", ("推广新技术",)),
    Figure("demo_bases", "建立示范基地(个)", "受援效果", ("建立示范基地",)),
    Figure("projects", "为受援地引进项目(个)", "受援效果", ("为受援地引进项目", "引进项目")),
    Figure("funds_wan", "为受援地引进资金(万元)", "受援效果", ("为受援地引进资金", "引进资金"), decimal=True),
    Figure("backbones", "培养技术骨干(人)", "受援效果", ("培养技术骨干",)),
    Figure("training_sessions", "举办培训场次(期)", "受援效果", ("举办培训场次", "培训场次")),
    Figure("farmers_trained", "培训农民(人次)", "受援效果", ("培训农民", "培训农民人次")),
    Figure("income_increase", "帮助受援对象增收(元)", "受援效果", ("帮助受援对象增收", "帮助增收"), decimal=True),
)

TRAINING_GROUPS = ("培训情况", "受培人员结构", "培训方式")
# The seven 受培人员结构 columns follow TRAINEE_TYPES in schema.training, in the same order.
TRAINING_FIGURES = (
    Figure("trainees", "受培人数(人)", "培训情况", ("受培人数", "培训人数")),
    Figure("institutions", "培训机构数(家)", "培训情况", ("培训机构数",)),
    Figure("passed", "培训合格人数(人)", "培训情况", ("培训合格人数", "合格人数")),
    Figure("mix_heads", "涉农企业、农业合作社、农民协会等机构负责人(人)", "受培人员结构",
           ("涉农企业、农业合作社、农民协会等机构负责人", "机构负责人")),
    Figure("mix_demo_households", "科技示范户(户)", "受培人员结构", ("科技示范户",)),
    Figure("mix_service_staff", "农村科技服务人员(人)", "受培人员结构", ("农村科技服务人员",)),
    Figure("mix_managers", "基层科技管理人员(人)", "受培人员结构", ("基层科技管理人员",)),
    Figure("mix_migrant_workers", "返乡农民工(人)", "受培人员结构", ("返乡农民工",)),
    Figure("mix_village_officials", "大学生村官(人)", "受培人员结构", ("大学生村官",)),
    Figure("mix_other", "其他(人)", "受培人员结构", ("其他",)),
    Figure("experts", "参与培训专家人数(人)", "培训方式", ("参与培训专家人数",)),
    Figure("teaching_days", "培训集中授课(天)", "培训方式", ("培训集中授课", "集中授课天数")),
    Figure("courseware", "编写培训课件(件、部)", "培训方式", ("编写培训课件",)),
    Figure("site_visits", "现场观摩(次)", "培训方式", ("现场观摩",)),
    Figure("classes", "累计举办培训班次(期)", "培训方式", ("累计举办培训班次", "举办培训班次")),
)
TRAINEE_MIX_FIELDS = tuple(figure.field for figure in TRAINING_FIGURES if figure.group == "受培人员结构")

# Header of the unit column that our layout puts in front of the figures, as offices often do.
# A table without it names its unit on the 选派单位(盖章) / 培训单位(盖章) line above the table.
DISPATCH_UNIT_HEADER = "选派单位"
TRAINING_UNIT_HEADER = "培训单位"


def _figure_columns(figures: tuple[Figure, ...], invalid_code: str, text_fields: set[str]) -> tuple[ColumnSpec, ...]:
    columns = []
    for figure in figures:
        # Distinct counts may hold the mark 不可累加 in merged tables, so the checks parse them.
        kind = "decimal" if figure.decimal else "whole"
        if figure.field in text_fields:
            kind = "text"
        columns.append(ColumnSpec(figure.field, figure.header, figure.aliases, required=True, kind=kind,
                                  invalid_code=invalid_code))
    return tuple(columns)


NON_ADDITIVE = {figure.field for figure in DISPATCH_FIGURES if not figure.additive}

DISPATCH_RESULTS = TableSpec(
    kind="dispatch_results",
    label="选派工作成效统计表（附件4）",
    sheet_names=("附件4", "选派工作成效统计表", "汇总"),
    markers=("dispatched", "teams", "counties", "training_sessions"),
    record_fields=tuple(figure.field for figure in DISPATCH_FIGURES),
    columns=(
        ColumnSpec("serial", "序号"),
        ColumnSpec("unit", DISPATCH_UNIT_HEADER, ("派出单位", "单位名称", "单位", "市(地)", "地市")),
        ColumnSpec("prefecture", "所属市(地)", ("所属市地",)),
        *_figure_columns(DISPATCH_FIGURES, "S402", NON_ADDITIVE),
    ),
)

TRAINING_RESULTS = TableSpec(
    kind="training_results",
    label="集中培训工作成效统计表（附件5）",
    sheet_names=("附件5", "集中培训工作成效统计表", "汇总"),
    markers=("trainees", "mix_heads", "mix_other", "classes"),
    record_fields=tuple(figure.field for figure in TRAINING_FIGURES),
    columns=(
        ColumnSpec("serial", "序号"),
        ColumnSpec("unit", TRAINING_UNIT_HEADER, ("单位名称", "单位", "市(地)", "地市")),
        ColumnSpec("prefecture", "所属市(地)", ("所属市地",)),
        *_figure_columns(TRAINING_FIGURES, "S503", set()),
    ),
)

TABLE_SPECS = [DISPATCH_RESULTS, TRAINING_RESULTS]
