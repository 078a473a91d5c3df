"""Write the 附件4 and 附件5 templates under templates/ (run from the repository root).

    python tools/make_results_templates.py

Each template is the official table of 藏科发〔2022〕93号: 附件 number, title with ××年度,
the 单位(盖章) / 填表人 / 联系电话 line, the two-row header with merged group cells, one styled
data row and the 注 lines. Our layout adds a unit column in front of the figures, so a
summary sheet can list several units. `sanqu results` copies the sheet once per output sheet.
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sanqu_cli.schema.results_tables import (  # noqa: E402
    DISPATCH_FIGURES,
    DISPATCH_UNIT_HEADER,
    TRAINING_FIGURES,
    TRAINING_UNIT_HEADER,
)

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
FONT = "宋体"

TABLES = {
    "附件4-选派工作成效统计表.xlsx": {
        "number": "附件4",
        "title": "××年度“三区”科技人才选派工作成效统计表",
        "unit_line": "选派单位(盖章)：",
        "unit_header": DISPATCH_UNIT_HEADER,
        "figures": DISPATCH_FIGURES,
        "notes": ["注：1.选派情况中选派人数≥三方协议数≥考核合格数，服务情况统计中以县为单位，不可累加；",
                  "2.如有其它选派创新机制推广情况，请附页填写；"],
    },
    "附件5-集中培训工作成效统计表.xlsx": {
        "number": "附件5",
        "title": "××年度“三区”科技人才集中培训工作成效统计表",
        "unit_line": "培训单位(盖章)：",
        "unit_header": TRAINING_UNIT_HEADER,
        "figures": TRAINING_FIGURES,
        "notes": ["注：1.受培人员结构统计总数=总受培人数；", "2.如有其它培训效益情况，请附页填写；"],
    },
}


def write_template(path: Path, spec: dict) -> None:
    figures = spec["figures"]
    width = len(figures) + 1
    last = get_column_letter(width)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = spec["number"]

    sheet["A1"] = spec["number"]
    sheet["A1"].font = Font(name="黑体", size=12)
    sheet["A2"] = spec["title"]
    sheet["A2"].font = Font(name="方正小标宋简体", size=18)
    sheet["A2"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.merge_cells(f"A2:{last}2")
    sheet.row_dimensions[2].height = 36

    # The 盖章 / 填表人 / 联系电话 line, split in three cells so each can be filled in apart.
    third = width // 3
    for col, text in ((1, spec["unit_line"]), (third + 1, "填表人："), (2 * third + 1, "联系电话：")):
        sheet.cell(3, col, text).font = Font(name=FONT, size=11)
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=third)

    header_font = Font(name=FONT, size=10, bold=True)
    sheet.cell(4, 1, spec["unit_header"])
    sheet.merge_cells(start_row=4, start_column=1, end_row=5, end_column=1)
    col = 2
    for group in dict.fromkeys(figure.group for figure in figures):
        members = [figure for figure in figures if figure.group == group]
        sheet.cell(4, col, group)
        sheet.merge_cells(start_row=4, start_column=col, end_row=4, end_column=col + len(members) - 1)
        for offset, figure in enumerate(members):
            sheet.cell(5, col + offset, figure.header)
        col += len(members)
    for row in (4, 5):
        for col in range(1, width + 1):
            cell = sheet.cell(row, col)
            cell.font, cell.alignment, cell.border = header_font, CENTRE, BOX
    sheet.row_dimensions[5].height = 80

    for col, figure in enumerate((None, *figures), start=1):
        cell = sheet.cell(6, col)
        cell.font, cell.alignment, cell.border = Font(name=FONT, size=10), CENTRE, BOX
        if figure is not None and figure.decimal:
            cell.number_format = "#,##0.00"
    sheet.row_dimensions[6].height = 24

    for offset, text in enumerate(spec["notes"]):
        row = 7 + offset
        sheet.cell(row, 1, text).font = Font(name=FONT, size=10)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)

    sheet.column_dimensions["A"].width = 26
    for col in range(2, width + 1):
        sheet.column_dimensions[get_column_letter(col)].width = 10
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    workbook.save(path)


def main() -> None:
    folder = ROOT / "templates"
    for name, spec in TABLES.items():
        write_template(folder / name, spec)
    print("templates written")


if __name__ == "__main__":
    main()
