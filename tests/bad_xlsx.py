"""Bad-input cases built from Excel files (xlsx packages and .xls): bombs, stray far cells, renamed, truncated and oddly written files."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import xlsxwriter

from builders import hide_all_sheets, person, write_roster
from bad_builders import DATA, PEOPLE, edit_part, rewrite_zip, roster_rows, shared_strings_roster


_BOMB = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
         + b"".join(b'<!ENTITY lol%d "%s">' % (level, (b"&lol%d;" % (level - 1) if level > 1 else b"&lol;") * 10)
                    for level in range(1, 10))
         + b"]>")


def _with_bomb(data: bytes, inside: bytes, replace_with: bytes) -> bytes:
    body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
    return _BOMB + body.replace(inside, replace_with, 1)


def xlsx_named_xls(folder: Path) -> Path:
    return write_roster(folder / "renamed.xls", [person(serial) for serial in range(1, PEOPLE + 1)])


def xls_named_xlsx(folder: Path) -> Path:
    return Path(shutil.copy(DATA / "roster-legacy.xls", folder / "renamed.xlsx"))


def truncated_xlsx(folder: Path) -> Path:
    data = shared_strings_roster(folder / "full.xlsx").read_bytes()
    path = folder / "truncated.xlsx"
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def zip_bomb(name: str) -> Callable[[Path], Path]:
    return lambda folder: Path(shutil.copy(DATA / "bad" / name, folder / name))


def xml_bomb_shared_strings(folder: Path) -> Path:
    return edit_part(folder, "bomb-strings.xlsx", "xl/sharedStrings.xml",
                     lambda data: _with_bomb(data, b"<t>", b"<t>&lol9;"))


def xml_bomb_workbook(folder: Path) -> Path:
    return edit_part(folder, "bomb-workbook.xlsx", "xl/workbook.xml",
                     lambda data: _with_bomb(data, b'name="', b'name="&lol9;'))


def only_hidden_sheets(folder: Path) -> Path:
    return hide_all_sheets(write_roster(folder / "hidden.xlsx", [person(serial) for serial in range(1, PEOPLE + 1)]))


def far_cell(folder: Path) -> Path:
    """A stray value at XFD1048576: made calamine request 512 GB and abort the whole process."""
    return edit_part(folder, "far-cell.xlsx", "xl/worksheets/sheet1.xml", lambda data: data.replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>'))


def far_cell_other_case(folder: Path) -> Path:
    """The far cell in a part whose name differs in case from the reference (Sheet1.xml); calamine still loads it."""
    path = far_cell(folder)
    return rewrite_zip(path, folder / "far-cell-case.xlsx", lambda member, data: (
        "xl/worksheets/Sheet1.xml", data) if member == "xl/worksheets/sheet1.xml" else data)


def wide_cell(folder: Path) -> Path:
    """A stray value far to the right within the row limit: 200 rows × 16384 columns."""
    return edit_part(folder, "wide-cell.xlsx", "xl/worksheets/sheet1.xml", lambda data: data.replace(
        b"</sheetData>", b'<row r="200"><c r="XFD200" t="n"><v>1</v></c></row></sheetData>'))


def xls_far_cell(folder: Path) -> Path:
    """An .xls whose last text cell is moved to IV65536: calamine used to fill 65,536 × 256 cells (1.2 GB)."""
    data = bytearray((DATA / "roster-legacy.xls").read_bytes())
    # The last LABELSST record (type 0x00FD, 10 bytes: row, column, format, string index).
    record = data.rfind(b"\xfd\x00\x0a\x00")
    data[record + 4:record + 8] = (65535).to_bytes(2, "little") + (255).to_bytes(2, "little")
    path = folder / "far-cell.xls"
    path.write_bytes(bytes(data))
    return path


def dimension_lie(folder: Path) -> Path:
    return edit_part(folder, "dimension.xlsx", "xl/worksheets/sheet1.xml",
                     lambda data: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', data))


def inline_strings(folder: Path) -> Path:
    """Web exports often write every text as an inline string and leave out sharedStrings.xml."""
    return write_roster(folder / "inline.xlsx", [person(serial) for serial in range(1, PEOPLE + 1)])


def namespace_prefix(folder: Path) -> Path:
    """Sheet and workbook XML with the main namespace bound to a prefix (<x:row>), as .NET exports write."""
    def prefix(member: str, data: bytes) -> bytes:
        if member not in ("xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/sharedStrings.xml"):
            return data
        data = data.replace(b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
                            b'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
        return re.sub(rb"<(/?)(?![?!])([A-Za-z]+)([ >/])", rb"<\1x:\2\3", data)

    return rewrite_zip(shared_strings_roster(folder / "base.xlsx"), folder / "prefixed.xlsx", prefix)


def absolute_paths(folder: Path) -> Path:
    return edit_part(folder, "absolute.xlsx", "xl/_rels/workbook.xml.rels",
                     lambda data: re.sub(rb'Target="(?!/)', b'Target="/xl/', data))


def no_row_references(folder: Path) -> Path:
    """Rows and cells without r attributes, which the format allows; such writers write every cell, even blank ones."""
    base = shared_strings_roster(folder / "base.xlsx", every_cell_filled=True)
    return rewrite_zip(base, folder / "no-refs.xlsx", lambda member, data: re.sub(rb' r="[A-Z]*\d+"', b"", data)
                       if member == "xl/worksheets/sheet1.xml" else data)


def missing_shared_strings(folder: Path) -> Path:
    base = shared_strings_roster(folder / "base.xlsx")
    return rewrite_zip(base, folder / "no-strings.xlsx", lambda member, data: None if member == "xl/sharedStrings.xml" else data)


def shared_formula(folder: Path) -> Path:
    """A shared formula saved without values by a program that does not calculate (F007)."""
    people = [person(serial, 服务天数=45 if serial == 1 else f"=P{serial}") for serial in range(1, PEOPLE + 1)]
    path = write_roster(folder / "formula.xlsx", people)

    def share(data: bytes) -> bytes:
        data = data.replace(b"<f>P2</f>", b'<f t="shared" ref="P3:P4" si="0">P2</f>')
        return data.replace(b"<f>P3</f>", b'<f t="shared" si="0"/>')

    return rewrite_zip(path, folder / "shared-formula.xlsx",
                       lambda member, data: share(data) if member == "xl/worksheets/sheet1.xml" else data)


def chart_sheet_first(folder: Path) -> Path:
    path = folder / "chart-first.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    chart_sheet = workbook.add_chartsheet("图表")
    sheet = workbook.add_worksheet("花名册")
    for index, row in enumerate(roster_rows()):
        sheet.write_row(index, 0, row)
    chart = workbook.add_chart({"type": "column"})
    chart.add_series({"values": f"=花名册!$P$2:$P${PEOPLE + 1}"})
    chart_sheet.set_chart(chart)
    chart_sheet.activate()
    workbook.worksheets_objs.sort(key=lambda item: 0 if item.name == "图表" else 1)
    workbook.close()
    return path


def strict_ooxml(folder: Path) -> Path:
    """"Strict Open XML" from Excel's Save As list uses other namespace URIs."""
    def strict(member: str, data: bytes) -> bytes:
        data = data.replace(b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                            b"http://purl.oclc.org/ooxml/spreadsheetml/main")
        return data.replace(b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                            b"http://purl.oclc.org/ooxml/officeDocument/relationships")

    return rewrite_zip(shared_strings_roster(folder / "base.xlsx"), folder / "strict.xlsx", strict)


def backslash_paths(folder: Path) -> Path:
    return rewrite_zip(shared_strings_roster(folder / "base.xlsx"), folder / "backslash.xlsx",
                       lambda member, data: (member.replace("/", "\\"), data))
