"""The 附件2 绩效考核评分表 form: the blank template, where its fields are, and filling it with openpyxl.

The layout follows the form printed with 藏科发〔2022〕93号. It has the personal block (选派人员
with five label/value rows), the header 考核内容/序号/考核指标/评分标准/最高分/考核得分, one row
per indicator grouped by section, and the 考核得分合计 row. Offices add a 选派单位/考核年度 line
above and 考核等次, 考核组成员（签字）, 考核日期 lines below by hand, so the template has them.
`with_counts` adds the 数量 column that offices add for counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sanqu_cli.rules import RuleSet
from sanqu_cli.workbook.cells import Cell
from sanqu_cli.workbook.grid import SheetGrid

FORM_TITLE = "“三区”科技人才选派工作绩效考核评分表"
PERSON_ROWS = [("姓名", "工作单位"), ("专业", "技术职称"), ("身份证号", "联系方式"), ("科技特派团", "负责人及电话"),
               ("受援单位", "联系人及电话")]
FOOTER_LABELS = ["考核等次", "考核组成员（签字）", "考核日期"]

# The 评分标准 column: the wording of the form, one line per indicator name.
STANDARDS = {
    "三方协议签订": "签订“三区”科技人才选派三方协议书",
    "开展服务时间": "开展科技人员下基层服务行动时间不少于{min_days}天",
    "经费使用情况": "经费使用合理合规",
    "工作方案制定": "制定细化工作方案，措施有力，目标明确得5分，未制定得0分",
    "下基层服务": "投身服务生产一线，提供技术指导和技术服务每1次得1分，最高10分",
    "推进成果转化": "引进、推广、示范新品种、新技术、新装备等先进实用技术每1项得5分，最高10分",
    "推动创新创业": "服务指导农牧民合作社、家庭农场等农村新型经济组织每1次得1分，最高10分",
    "农牧民技术培训": "开展技能培训或科普宣传人数每5人得1分，最高10分",
    "建立服务日志": "建立技术服务日志，做好工作记录，得5分",
    "个人总结情况": "梳理年度个人工作开展成效、总结经验做法，分析存在的问题不足，提出下一步工作思路得10分",
    "进行需求调研": "进行科技服务、产业发展、项目建设等调研，并形成调研报告或论文得5分，未开展得0分",
    "建立利益共同体": "创办、领办、协办农牧民合作社、家庭农场等农村新型经济1家得5分",
    "报送简报信息": "选派人员或本科技特派团年度报送简报、信息数量，每1项得2分，最高10分",
}


def build_form(rules: RuleSet, with_counts: bool = False, title: str = FORM_TITLE):
    """Return an openpyxl Workbook holding one blank form on the sheet "评分表"."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "评分表"
    last = 7 if with_counts else 6
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)

    def put(row: int, col: int, value: Any = None, merge_to: int | None = None, align=centre, bold: bool = False):
        cell = sheet.cell(row=row, column=col, value=value)
        cell.alignment = align
        if bold:
            cell.font = Font(bold=True)
        if merge_to and merge_to > col:
            sheet.merge_cells(start_row=row, start_column=col, end_row=row, end_column=merge_to)

    sheet.cell(row=1, column=1, value=title).font = Font(size=16, bold=True)
    sheet.cell(row=1, column=1).alignment = centre
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    put(2, 1, "选派单位")
    put(2, 2, None, 4, left)
    put(2, 5, "考核年度")
    put(2, 6, None, last)

    put(3, 1, "选派人员")
    sheet.merge_cells(start_row=3, start_column=1, end_row=7, end_column=1)
    for offset, (first, second) in enumerate(PERSON_ROWS):
        row = 3 + offset
        put(row, 2, first)
        put(row, 3, None, None, left)
        put(row, 4, second)
        put(row, 5, None, last, left)

    headers = ["考核内容", "序号", "考核指标", "评分标准", "最高分"] + (["数量"] if with_counts else []) + ["考核得分"]
    for col, text in enumerate(headers, start=1):
        put(8, col, text, bold=True)

    row = 9
    for section in rules.appraisal.sections:
        members = [indicator for indicator in rules.appraisal.indicators if indicator.section == section.name]
        if not members:
            continue
        put(row, 1, f"{section.name}\n（{section.max_points}分）")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row + len(members) - 1, end_column=1)
        for indicator in members:
            put(row, 2, indicator.number)
            put(row, 3, indicator.name)
            put(row, 4, STANDARDS.get(indicator.name, "").format(min_days=rules.service.min_days), align=left)
            put(row, 5, indicator.max_points)
            row += 1

    put(row, 1, "考核得分合计", 4, bold=True)
    put(row, 5, sum(indicator.max_points for indicator in rules.appraisal.indicators))
    for label in FOOTER_LABELS:
        row += 1
        put(row, 1, label, 4)
        put(row, 5, None, last, left)

    for line in range(2, row + 1):
        for col in range(1, last + 1):
            sheet.cell(row=line, column=col).border = border
            if sheet.cell(row=line, column=col).alignment is None:
                sheet.cell(row=line, column=col).alignment = centre
        sheet.row_dimensions[line].height = 30
    sheet.row_dimensions[1].height = 36
    for letter, width in zip("ABCDEFG", [12, 6, 16, 46, 8, 8, 10]):
        sheet.column_dimensions[letter].width = width
    if not with_counts:
        sheet.column_dimensions["F"].width = 12
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    return workbook


@dataclass
class FormPositions:
    """Value cells of a form as 1-based (row, column) pairs, found by reading the form itself."""

    fields: dict[str, tuple[int, int]] = field(default_factory=dict)
    points: dict[int, tuple[int, int]] = field(default_factory=dict)
    counts: dict[int, tuple[int, int]] = field(default_factory=dict)


def _place(cell: Cell | None) -> tuple[int, int] | None:
    if cell is None:
        return None
    from openpyxl.utils import column_index_from_string

    return cell.row, column_index_from_string(cell.column)


def locate_fields(grid: SheetGrid, rules: RuleSet) -> FormPositions:
    """Find the value cells of a blank form with the same reader that reads filled ones."""
    from sanqu_cli.schema.score_sheet import parse_official

    sheet = parse_official(grid, Path(grid.name), rules)
    if sheet is None:
        raise ValueError("not a 附件2 form")
    positions = FormPositions()
    cells = {**sheet.person, "total": sheet.total, "grade": sheet.grade, "appraised_on": sheet.appraised_on,
             "year": sheet.year_cell}
    for name, cell in cells.items():
        place = _place(cell)
        if place:
            positions.fields[name] = place
    for number, entry in sheet.items.items():
        if entry.points is not None:
            positions.points[number] = _place(entry.points)
        if entry.count is not None:
            positions.counts[number] = _place(entry.count)
    return positions


def grid_of(worksheet) -> SheetGrid:
    """Return an openpyxl worksheet as the reader's SheetGrid (values and merged ranges, 0-based)."""
    rows = [["" if value is None else value for value in row] for row in worksheet.iter_rows(values_only=True)]
    merged = [((r.min_row - 1, r.min_col - 1), (r.max_row - 1, r.max_col - 1)) for r in worksheet.merged_cells.ranges]
    return SheetGrid(name=worksheet.title, rows=rows, merged=merged)


def fill_worksheet(worksheet, positions: FormPositions, values: dict[str, Any], points: dict[int, Any],
                   counts: dict[int, Any] | None = None) -> None:
    """Write field values, item points and counts into a form worksheet (text never becomes a formula)."""
    from sanqu_cli.render.xlsx import set_value

    for name, value in values.items():
        if name in positions.fields and value is not None:
            set_value(worksheet.cell(*positions.fields[name]), value)
    for number, value in points.items():
        if number in positions.points and value is not None:
            set_value(worksheet.cell(*positions.points[number]), value)
    for number, value in (counts or {}).items():
        if number in positions.counts and value is not None:
            set_value(worksheet.cell(*positions.counts[number]), value)
