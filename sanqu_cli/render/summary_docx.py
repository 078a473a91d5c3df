"""附件3 年度工作总结 as a Word draft: the official outline, the figures written in, marked gaps.

Headings follow 附件3 《“三区”科技人才工作总结编写提纲》 word for word. Text the office must
write is marked 【请填写：…】 and a figure no input gives is （待填写）; both are highlighted
yellow so that none is left in the submitted report by mistake.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.shared import Pt

from sanqu_cli.compute.annual_summary import FUND_FIELDS, SummaryFigures
from sanqu_cli.compute.summary_inputs import OptionalInput
from sanqu_cli.render.docx_base import HEADING_FONT, SUBHEADING_FONT, add_run, add_title, new_document

MISSING = "（待填写）"
LENGTH_GUIDE = "总结字数控制在 3000 字左右；并附 1-2 个典型案例，典型案例字数控制在 1000 字左右。"
_MARKED = re.compile(r"(（待填写）|【[^】]*】)")
_CATEGORY_LABELS = {"in_region": "区内专业技术人员", "out_of_region": "区外专业技术人员", "local_expert": "乡土人才"}
_GRADE_LABELS = {"excellent": "优秀", "pass": "合格", "fail": "不合格"}
_BODY = 16
_TABLE = 12


def _number(value: Any) -> str:
    if value is None:
        return MISSING
    if isinstance(value, Decimal):
        return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _total(source: OptionalInput | None, name: str) -> str:
    if source is None or not source.usable or name not in source.totals:
        return MISSING
    return _number(source.totals[name])


def _percent(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "0%"


class _Writer:
    """Append headings and body paragraphs, with marked gaps and missing figures highlighted yellow."""

    def __init__(self) -> None:
        self.document = new_document(body_size=_BODY)

    def heading(self, text: str, level: int) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.first_line_indent = Pt(_BODY * 2)
        paragraph.paragraph_format.keep_with_next = True
        add_run(paragraph, text, font=HEADING_FONT if level == 1 else SUBHEADING_FONT, size=_BODY)

    def body(self, text: str, size: float = _BODY) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.first_line_indent = Pt(size * 2)
        for piece in _MARKED.split(text):
            if not piece:
                continue
            run = add_run(paragraph, piece, size=size)
            if _MARKED.fullmatch(piece):
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW

    def write_in(self, what: str) -> None:
        self.body(f"【请填写：{what}】")

    def table(self, headers: list[str], rows: list[list[str]]) -> None:
        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, headers):
            add_run(cell.paragraphs[0], text, size=_TABLE, bold=True)
        # Repeat the header row on every page the table runs onto.
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for values in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, values):
                add_run(cell.paragraphs[0], text, size=_TABLE)
        self.document.add_paragraph()


def _grades_sentence(figures: SummaryFigures) -> str:
    if figures.grades is None:
        return f"参加年度绩效考核{MISSING}人，其中优秀{MISSING}人、合格{MISSING}人、不合格{MISSING}人。"
    graded = sum(figures.grades.values())
    excellent = figures.grades["excellent"]
    return (f"参加年度绩效考核{graded}人，其中优秀{excellent}人（占{_percent(excellent, graded)}，"
            f"优秀比例不超过{figures.excellent_quota_percent}%）、合格{figures.grades['pass']}人、"
            f"不合格{figures.grades['fail']}人。")


def _overview(writer: _Writer, figures: SummaryFigures) -> None:
    writer.heading("一、本年度实施总体情况", 1)
    writer.body("【提纲要求：包括总体工作思路、工作开展、总体成效、绩效考核等】")
    writer.body(f"本年度共选派“三区”科技人才{figures.people}人，组建科技特派团{figures.teams}个，"
                f"服务{figures.prefectures}个市(地)、{figures.counties}个县(区)；签订三方协议{figures.agreements}份。"
                + _grades_sentence(figures))
    writer.write_in("总体工作思路、工作开展情况和总体成效")


def _dispatch(writer: _Writer, figures: SummaryFigures) -> None:
    writer.heading("二、选派任务完成情况", 1)
    writer.heading("（一）选派对象数量、特派团数及三方协议签订情况", 2)
    categories = "、".join(f"{label}{figures.categories.get(code, 0)}人" for code, label in _CATEGORY_LABELS.items())
    unsigned = figures.people - figures.agreements
    writer.body(f"选派“三区”科技人才{figures.people}人，其中{categories}。组建科技特派团{figures.teams}个，"
                f"特派团成员{figures.team_members}人。签订三方协议{figures.agreements}份，"
                f"签订率{_percent(figures.agreements, figures.people)}"
                + (f"，尚有{unsigned}人未签订。" if unsigned else "。")
                + f"全年累计服务{figures.service_days_total:,}天，服务天数达到{figures.min_days}天的{figures.reaching_min_days}人；"
                f"驻村{figures.village_residents}人。")
    writer.heading("（二）选派单位动员和参与情况", 2)
    writer.body(f"共有{len(figures.dispatching_units)}个选派单位选派人员，各单位选派情况如下：")
    writer.table(["选派单位", "选派人数", "三方协议签订数"],
                 [[row.unit, str(row.people), str(row.agreements)] for row in figures.dispatching_units])
    writer.write_in("选派单位的动员和参与情况")
    writer.heading("（三）鼓励选派相关政策制订和落实情况", 2)
    writer.write_in("鼓励选派的相关政策制订和落实情况")


def _training(writer: _Writer, figures: SummaryFigures) -> None:
    training, dispatch = figures.training, figures.dispatch
    writer.heading("三、培训工作完成情况", 1)
    writer.heading("（一）培训任务落实情况", 2)
    writer.body(f"累计举办集中培训班{_total(training, 'classes')}期，培训机构{_total(training, 'institutions')}家，"
                f"集中授课{_total(training, 'teaching_days')}天，参与培训专家{_total(training, 'experts')}人，"
                f"编写培训课件{_total(training, 'courseware')}件(部)，现场观摩{_total(training, 'site_visits')}次。"
                f"选派人员在受援地举办培训{_total(dispatch, 'training_sessions')}期，"
                f"培训农民{_total(dispatch, 'farmers_trained')}人次。")
    writer.write_in("培训任务的落实情况")
    writer.heading("（二）受培人员数量及培训效果", 2)
    writer.body(f"受培人员{_total(training, 'trainees')}人，培训合格{_total(training, 'passed')}人。其中"
                f"涉农企业、农业合作社、农民协会等机构负责人{_total(training, 'type_leaders')}人，"
                f"科技示范户{_total(training, 'type_demo_households')}户，"
                f"农村科技服务人员{_total(training, 'type_service_staff')}人，"
                f"基层科技管理人员{_total(training, 'type_managers')}人，"
                f"返乡农民工{_total(training, 'type_migrant_workers')}人，"
                f"大学生村官{_total(training, 'type_village_officials')}人，其他{_total(training, 'type_other')}人。")
    writer.write_in("培训效果")
    writer.heading("（三）鼓励和支持培训机构相关政策制订和落实情况", 2)
    writer.write_in("鼓励和支持培训机构的相关政策制订和落实情况")


def _fund_amounts(figures: SummaryFigures) -> dict[str, str]:
    if figures.funds is not None and figures.funds.usable:
        return {name: _total(figures.funds, name) for name in (*FUND_FIELDS, "total")}
    amounts = {name: _number(value) for name, value in figures.roster_funds.items()}
    # A total of only some expense kinds would read as the whole spending, so it needs all five.
    if figures.roster_funds and set(figures.roster_funds) == set(FUND_FIELDS):
        amounts["total"] = _number(sum(figures.roster_funds.values(), Decimal(0)))
    return amounts


def _funds(writer: _Writer, figures: SummaryFigures) -> None:
    amounts = _fund_amounts(figures)
    writer.heading("四、经费落实和使用情况", 1)
    writer.heading("（一）选派工作经费落实和使用情况", 2)
    writer.body(f"按每人每年{figures.per_person_yuan:,}元标准，本年度应落实选派工作经费{figures.funds_due:,}元"
                f"（{figures.people}人）。已安排工作补助{amounts.get('work_subsidy', MISSING)}元、"
                f"交通差旅{amounts.get('travel', MISSING)}元、保险{amounts.get('insurance', MISSING)}元、"
                f"培训{amounts.get('training', MISSING)}元、生产资料{amounts.get('materials', MISSING)}元，"
                f"合计{amounts.get('total', MISSING)}元。")
    writer.write_in("经费到位时间、拨付方式和使用管理情况")
    # 经历 is printed so in 附件3 (经费 is meant), and the heading keeps the official wording.
    writer.heading("（二）培训工作经历落实和使用情况", 2)
    writer.body(f"培训工作经费落实{MISSING}元，使用{MISSING}元。")
    writer.write_in("培训工作经费的落实和使用情况")


def _appraisal(writer: _Writer, figures: SummaryFigures) -> None:
    writer.heading("五、绩效考核情况", 1)
    text = _grades_sentence(figures)
    if figures.grade_source:
        text += f"（数据来源：{figures.grade_source}）"
    passed = _total(figures.dispatch, "passed")
    if passed != MISSING:
        text += f"选派工作成效统计表（附件4）中考核合格数为{passed}人。"
    writer.body(text)
    if figures.grades is not None:
        writer.table(["考核等次", "人数"], [[label, str(figures.grades[code])] for code, label in _GRADE_LABELS.items()])
    writer.write_in("考核的组织方式、结果公示和结果运用情况")


def _results_and_plans(writer: _Writer, figures: SummaryFigures) -> None:
    dispatch = figures.dispatch
    writer.heading("六、特色经验做法", 1)
    writer.body(f"选派人员服务带动农户{_total(dispatch, 'households')}户，服务企业、合作社、农民协会等机构"
                f"{_total(dispatch, 'organisations')}个，创办领办{_total(dispatch, 'founded')}个；"
                f"引进新品种{_total(dispatch, 'new_varieties')}种，推广新技术{_total(dispatch, 'new_technologies')}个，"
                f"建立示范基地{_total(dispatch, 'demo_bases')}个，为受援地引进项目{_total(dispatch, 'projects')}个、"
                f"资金{_total(dispatch, 'funds_wan')}万元，培养技术骨干{_total(dispatch, 'backbones')}人，"
                f"帮助受援对象增收{_total(dispatch, 'income_increase')}元。")
    writer.write_in("本年度的特色经验做法")
    writer.heading("七、下一步工作设想", 1)
    for heading, what in (("（一）面临的主要问题和困难", "面临的主要问题和困难"),
                          ("（二）相关计划和考虑", "下一步的相关计划和考虑"),
                          ("（三）工作建议", "工作建议")):
        writer.heading(heading, 2)
        writer.write_in(what)


def _cases(writer: _Writer) -> None:
    for number in (1, 2):
        writer.heading(f"典型案例{number}", 1)
        writer.write_in("案例标题；基本情况、主要做法、取得成效（约 1000 字）" + ("" if number == 1 else "。第 2 个案例可删去"))


def write_summary(figures: SummaryFigures, target: Path) -> None:
    """Write the 附件3 draft for `figures` to `target` (a temporary path; the caller renames it)."""
    writer = _Writer()
    year = f"{figures.year}年度" if figures.year else "××年度"
    add_title(writer.document, f"{year}“三区”科技人才工作总结")
    writer.body(f"【编写说明：本稿按藏科发〔2022〕93号附件3《“三区”科技人才工作总结编写提纲》生成，"
                f"数字由 sanqu 根据所给表格计算。标黄的“【请填写：…】”处需补写文字，"
                f"“{MISSING}”表示所给表格中没有这项数字。{LENGTH_GUIDE}提交前请删去本说明和全部标黄的提示。】", size=12)

    _overview(writer, figures)
    _dispatch(writer, figures)
    _training(writer, figures)
    _funds(writer, figures)
    _appraisal(writer, figures)
    _results_and_plans(writer, figures)
    _cases(writer)

    writer.document.core_properties.title = f"{year}“三区”科技人才工作总结"
    writer.document.core_properties.author = "sanqu"
    writer.document.save(target)
