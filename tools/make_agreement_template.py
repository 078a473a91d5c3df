"""Build templates/附件1-三方协议书.docx: the official 附件1 table with jinja2 tags for docxtpl.

Run from the repository root: python tools/make_agreement_template.py
Offices may edit the generated file in Word or WPS (wording, fonts, a logo) and pass their copy
with `sanqu agreement --template FILE`. The tags are the names in AGREEMENT_FIELDS of
sanqu_cli/render/agreement.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sanqu_cli.render.docx_base import HEADING_FONT, add_run, add_title, new_document  # noqa: E402

TARGET = ROOT / "templates" / "附件1-三方协议书.docx"
SIZE = 12
GUIDE_SIZE = 10.5
BLANK = "\u3000" * 4
DATE_LINE = f"年{BLANK}月{BLANK}日"

# (block, [(label, tag), (label, tag)] per row): the personal blocks of the official table, plus
# the 科技特派团 row that 附件2 also carries, so a team member's agreement names the team.
BLOCKS = [
    ("选派人员", [[("姓名", "name"), ("工作单位", "work_unit")],
                  [("专业", "specialty"), ("技术职称", "title")],
                  [("身份证号", "id_number"), ("联系方式", "phone")],
                  [("科技特派团", "team"), ("团内职务", "team_role")]]),
    ("选派单位", [[("单位名称", "dispatching_unit"), ("责任处室", "dispatching_office")],
                  [("联系人", "dispatching_contact"), ("联系电话", "dispatching_phone")]]),
    ("受援单位", [[("单位名称", "host_unit"), ("所在区县", "county")],
                  [("联系人", "host_contact"), ("联系电话", "host_phone")]]),
]
SERVICE_GUIDE = ("（包括提供科技服务、技术指导，开展技术示范、成果转移转化，与农民结成利益共同体、创办领办协办农民合作社、"
                 "企业等，推进农村科技创新创业，开展农牧民技术技能培训，受援地、受援单位提出的其他科技服务需求）")
GOALS_GUIDE = "（包括服务成效、经济效益、创业成果、技术指标等）"
SIGNATURES = [
    ("选派人员", "本人自愿赴{{ host_unit }}，按照本协议，开展科技服务，并达到预期目标。", "（签字）："),
    ("选派单位", "本单位同意选派{{ name }}同志赴{{ host_unit }}开展科技服务。", "（单位盖章）："),
    ("受援单位", "本单位同意接受{{ name }}开展科技服务，执行相关规定，提供相关保障。", "（单位盖章）："),
]
# The text width is 163 mm (A4 less 25 + 22 mm margins). A label cell fits 5 characters at 12 pt
# and the first value cell an 18-digit ID.
WIDTHS_MM = (22, 25, 50, 25, 41)


def _write(cell, text: str, *, bold: bool = False, size: float = SIZE, center: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(paragraph, text, size=size, bold=bold)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _label(cell, text: str) -> None:
    _write(cell, text, bold=True, center=True)


def _wide_row(table, label: str):
    row = table.add_row()
    _label(row.cells[0], label)
    return row.cells[1].merge(row.cells[4])


def build(target: Path) -> None:
    # Narrower margins than a letter's, so that the whole table fits on one A4 page.
    document = new_document(body_size=SIZE, margins_mm=(22, 20, 25, 22))
    document.styles["Normal"].paragraph_format.line_spacing = 1.1
    add_run(document.add_paragraph(), "附件1", font=HEADING_FONT, size=16)
    add_title(document, "“三区”科技人才选派三方协议书", size=20)
    intro = document.add_paragraph()
    intro.paragraph_format.first_line_indent = Pt(SIZE * 2)
    intro.paragraph_format.space_after = Pt(6)
    add_run(intro, "根据相关规定，由选派人员、选派单位和受援单位达成如下协议（选派人员、选派单位、受援单位各一份）")

    table = document.add_table(rows=0, cols=5)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER

    for block, rows in BLOCKS:
        first = None
        for (left_label, left_tag), (right_label, right_tag) in rows:
            row = table.add_row()
            row.height = Mm(7.5)
            _label(row.cells[1], left_label)
            # An 18-digit ID is one unbroken word, so it gets a smaller size rather than a second line.
            _write(row.cells[2], f"{{{{ {left_tag} }}}}", size=GUIDE_SIZE if left_tag == "id_number" else SIZE)
            _label(row.cells[3], right_label)
            _write(row.cells[4], f"{{{{ {right_tag} }}}}")
            first = first or row.cells[0]
            last = row.cells[0]
        merged = first.merge(last)
        _label(merged, block)

    period = _wide_row(table, "服务期")
    _write(period, "{{ start_year }}年{{ start_month }}月 - {{ end_year }}年{{ end_month }}月，服务{{ service_days }}天。")

    for label, guide, tag in (("服务方式及内容", SERVICE_GUIDE, "service_content"), ("预期目标", GOALS_GUIDE, "expected_goals")):
        cell = _wide_row(table, label)
        _write(cell, guide, size=GUIDE_SIZE)
        add_run(cell.add_paragraph(), f"{{{{ {tag} }}}}", size=SIZE)
        table.rows[-1].height = Mm(28 if tag == "service_content" else 18)

    for label, promise, signer in SIGNATURES:
        cell = _wide_row(table, label)
        table.rows[-1].height = Mm(19)
        paragraph = cell.paragraphs[0]
        paragraph.paragraph_format.first_line_indent = Pt(SIZE * 2)
        add_run(paragraph, promise, size=SIZE)
        signature = cell.add_paragraph()
        signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        signature.paragraph_format.space_before = Pt(SIZE / 2)
        add_run(signature, f"{signer}{BLANK * 3}{DATE_LINE}", size=SIZE)

    # LibreOffice lays a table out by its grid (w:gridCol), Word by the cell widths, so set both.
    table.autofit = False
    for column, width in zip(table.columns, WIDTHS_MM):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, WIDTHS_MM):
            cell.width = Mm(width)

    # Word expects a paragraph, not a table, right before the section properties.
    document.add_paragraph()
    document.core_properties.title = "“三区”科技人才选派三方协议书"
    document.core_properties.author = "sanqu"
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(target)


if __name__ == "__main__":
    build(TARGET)
    print(f"wrote {TARGET.relative_to(ROOT)}")
