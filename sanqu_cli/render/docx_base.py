"""Word documents with Chinese fonts that Word, WPS and LibreOffice all show as intended.

python-docx's built-in template (1.2) takes its fonts from the theme and sets the East Asian
language to en-US. The theme lists ＭＳ 明朝 for Japanese and 宋体 for Simplified Chinese, and
without a zh-CN language an application may pick the Japanese face for Chinese text. Every
document made here therefore gets explicit font names (w:eastAsia) with no theme references,
East Asian language zh-CN, and font-table entries with charset 86 (GB2312) and a 宋体 fallback
(w:altName), from which Word and WPS choose a Chinese substitute when a font is missing."""

from __future__ import annotations

from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

BODY_FONT = "仿宋_GB2312"
FALLBACK_FONT = "宋体"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
TITLE_FONT = "宋体"
LATIN_FONT = "Times New Roman"

# GB/T 9704 page margins for official documents (top, bottom, left, right).
OFFICIAL_MARGINS_MM = (37, 35, 28, 26)
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
# Panose numbers of CJK fonts. With charset 86 (GB2312) they tell Word what kind of font to substitute.
_FONT_TABLE_ENTRIES = {
    BODY_FONT: "02010609030101010101",
    FALLBACK_FONT: "02010600030101010101",
    HEADING_FONT: "02010609060101010101",
    SUBHEADING_FONT: "02010609030101010101",
}


def set_fonts(r_pr: Any, east_asian: str, latin: str = LATIN_FONT) -> None:
    """Set explicit Latin and East Asian font names on a w:rPr element, dropping theme fonts."""
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attribute in _THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:hint"), "eastAsia")


def _set_language(r_pr: Any) -> None:
    language = r_pr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        r_pr.append(language)
    language.set(qn("w:val"), "en-US")
    language.set(qn("w:eastAsia"), "zh-CN")
    language.set(qn("w:bidi"), "ar-SA")


def _fix_styles(document: Any) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(defaults, BODY_FONT)
    _set_language(defaults)

    # Every style that names theme fonts (headings, Title) would otherwise bring the theme back.
    for fonts in styles.iter(qn("w:rFonts")):
        if any(fonts.get(qn(attribute)) for attribute in _THEME_ATTRIBUTES):
            for attribute in _THEME_ATTRIBUTES:
                fonts.attrib.pop(qn(attribute), None)
            fonts.set(qn("w:eastAsia"), fonts.get(qn("w:eastAsia")) or BODY_FONT)


def _fix_font_table(document: Any) -> None:
    for part in document.part.package.iter_parts():
        if str(part.partname) != "/word/fontTable.xml":
            continue
        root = etree.fromstring(part.blob)
        for name, panose in _FONT_TABLE_ENTRIES.items():
            font = etree.SubElement(root, qn("w:font"))
            font.set(qn("w:name"), name)
            if name != FALLBACK_FONT:
                etree.SubElement(font, qn("w:altName")).set(qn("w:val"), FALLBACK_FONT)
            etree.SubElement(font, qn("w:panose1")).set(qn("w:val"), panose)
            etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "86")
            etree.SubElement(font, qn("w:family")).set(qn("w:val"), "roman" if name != HEADING_FONT else "modern")
            etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), "variable")
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def new_document(body_size: float = 16, margins_mm: tuple[int, int, int, int] = OFFICIAL_MARGINS_MM) -> Any:
    """Return an empty A4 document with Chinese fonts set and the body text at `body_size` points.

    `margins_mm` is (top, bottom, left, right).
    """
    document = Document()
    _fix_styles(document)
    _fix_font_table(document)

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, bottom, left, right = margins_mm
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)

    normal = document.styles["Normal"]
    normal.font.size = Pt(body_size)
    set_fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.25
    return document


def add_run(paragraph: Any, text: str, *, font: str = BODY_FONT, size: float | None = None,
            bold: bool = False, italic: bool = False) -> Any:
    """Append a run with an explicit East Asian font, so an edited style cannot change it."""
    run = paragraph.add_run(text)
    set_fonts(run._element.get_or_add_rPr(), font)
    if size is not None:
        run.font.size = Pt(size)
    run.bold = bold or None
    run.italic = italic or None
    return run


def add_title(document: Any, text: str, size: float = 22) -> Any:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(12)
    add_run(paragraph, text, font=TITLE_FONT, size=size, bold=True)
    return paragraph


def page_break_xml() -> str:
    """Return a paragraph that holds only a page break, in a 1-point font so it cannot spill a page."""
    return ('<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
            '<w:rPr><w:sz w:val="2"/></w:rPr></w:pPr>'
            '<w:r><w:rPr><w:sz w:val="2"/></w:rPr><w:br w:type="page"/></w:r></w:p>')
