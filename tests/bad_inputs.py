"""The bad-input corpus: files that offices, web systems and attackers send, each with the finding sanqu must report.

Each case builds its file into a folder (the zip bombs are files under tests/data/bad/, written
by tools/make_bad_inputs.py). `code` is the finding expected on the file, or None when the file
must be read as a roster of `records` people; `fragment` is a piece of the expected message.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter

from builders import ROSTER_HEADERS, hide_all_sheets, person, write_roster

DATA = Path(__file__).resolve().parent / "data"
PEOPLE = 3


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], Path]
    code: str | None = None
    fragment: str = ""
    records: int = PEOPLE
    clean: bool = True  # a readable file whose rows pass every check


def _text(value) -> str:
    if isinstance(value, dt.date):
        return f"{value:%Y-%m-%d}"
    return "" if value is None else str(value)


def roster_rows(every_cell_filled: bool = False) -> list[list[str]]:
    """Return the header and PEOPLE valid rows, every value as text; optionally only columns with a value in every row."""
    people = [person(serial) for serial in range(1, PEOPLE + 1)]
    headers = [h for h in ROSTER_HEADERS if not every_cell_filled or all(p[h] is not None for p in people)]
    return [headers] + [[_text(p[h]) for h in headers] for p in people]


def shared_strings_roster(path: Path, every_cell_filled: bool = False) -> Path:
    """Write the roster with xlsxwriter, which stores text in xl/sharedStrings.xml as Excel does."""
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("花名册")
    for index, row in enumerate(roster_rows(every_cell_filled)):
        sheet.write_row(index, 0, row)
    workbook.close()
    return path


def rewrite_zip(source: Path, target: Path, edit: Callable[[str, bytes], tuple[str, bytes] | bytes | None]) -> Path:
    """Copy a zip member by member through `edit`, which returns new bytes, (new name, bytes) or None to drop."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            result = edit(item.filename, old.read(item.filename))
            if result is None:
                continue
            name, data = result if isinstance(result, tuple) else (item.filename, result)
            new.writestr(name, data)
    return target


def edit_part(folder: Path, name: str, part: str, change: Callable[[bytes], bytes]) -> Path:
    base = shared_strings_roster(folder / f"base-{name}.xlsx")
    return rewrite_zip(base, folder / name, lambda member, data: change(data) if member == part else data)


_BOMB = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
         + b"".join(b'<!ENTITY lol%d "%s">' % (level, (b"&lol%d;" % (level - 1) if level > 1 else b"&lol;") * 10)
                    for level in range(1, 10))
         + b"]>")


def _with_bomb(data: bytes, inside: bytes, replace_with: bytes) -> bytes:
    body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
    return _BOMB + body.replace(inside, replace_with, 1)


def _html(rows: list[list[str]], charset: str = "utf-8") -> str:
    cells = "".join("<tr>" + "".join(f"<td>{value}</td>" for value in row) + "</tr>" for row in rows)
    return f"<html><head><meta charset='{charset}'></head><body><table>{cells}</table></body></html>"


def html_as_xls(folder: Path) -> Path:
    path = folder / "web-export.xls"
    path.write_text(_html(roster_rows()), encoding="utf-8")
    return path


def html_two_row_header(folder: Path) -> Path:
    """A web export whose header merges cells with rowspan and colspan (服务期 over 开始 and 结束)."""
    headers = roster_rows()[0]
    start = headers.index("服务开始日期")
    top = "".join(f"<th rowspan='2'>{h}</th>" for h in headers[:start]) + "<th colspan='2'>服务期</th>"
    top += "".join(f"<th rowspan='2'>{h}</th>" for h in headers[start + 2:])
    rows = "".join("<tr>" + "".join(f"<td>{value}</td>" for value in row) + "</tr>" for row in roster_rows()[1:])
    path = folder / "web-merged-header.xls"
    path.write_text(f"<html><body><table><tr>{top}</tr><tr><th>开始</th><th>结束</th></tr>{rows}</table></body></html>",
                    encoding="utf-8")
    return path


def html_login_page(folder: Path) -> Path:
    path = folder / "session-expired.xls"
    path.write_text("<!DOCTYPE html><html><head><title>登录</title></head><body><p>会话已过期，请重新登录。</p></body></html>",
                    encoding="utf-8")
    return path


def xml_not_a_table(folder: Path) -> Path:
    path = folder / "data.xls"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><records><record>张三</record></records>', encoding="utf-8")
    return path


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


def empty_file(folder: Path) -> Path:
    path = folder / "empty.xlsx"
    path.write_bytes(b"")
    return path


def directory(folder: Path) -> Path:
    path = folder / "folder.xlsx"
    path.mkdir()
    return path


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


def csv_file(name: str, delimiter: str, encoding: str) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        text = "\r\n".join(delimiter.join(row) for row in roster_rows())
        path.write_bytes(text.encode(encoding))
        return path

    return build


def spreadsheet_xml(folder: Path) -> Path:
    """Excel's "XML 表格 2003", with a merged title row, as web systems export it under an .xls name."""
    cells = [f'<Row><Cell ss:MergeAcross="{len(ROSTER_HEADERS) - 1}"><Data ss:Type="String">2024年度选派人员花名册</Data></Cell></Row>']
    for row in roster_rows():
        cells.append("<Row>" + "".join(f'<Cell><Data ss:Type="String">{value}</Data></Cell>' for value in row) + "</Row>")
    path = folder / "xml2003.xls"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><?mso-application progid="Excel.Sheet"?>'
                    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
                    f'<Worksheet ss:Name="花名册"><Table>{"".join(cells)}</Table></Worksheet></Workbook>', encoding="utf-8")
    return path


def _ods_cell(value: str, repeat: int = 1) -> str:
    return (f'<table:table-cell office:value-type="string" table:number-columns-repeated="{repeat}">'
            f"<text:p>{value}</text:p></table:table-cell>")


def _ods_rows(trailing: str) -> str:
    """Return the roster as .ods rows, each padded with the empty repeated cells LibreOffice writes, then `trailing`."""
    return "".join("<table:table-row>" + "".join(_ods_cell(value) for value in row)
                   + '<table:table-cell table:number-columns-repeated="1000"/></table:table-row>'
                   for row in roster_rows()) + trailing


def ods_file(folder: Path) -> Path:
    """LibreOffice .ods with the trailing repeated empty rows and columns it always writes."""
    return _write_ods(folder / "libreoffice.ods", _ods_rows(
        '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/>'
        "</table:table-row>"))


def ods_repeated_value(folder: Path) -> Path:
    """One value repeated over 1,000 columns and 5,000 rows: 5 million cells from a file of about 2 KB."""
    return _write_ods(folder / "repeated.ods", _ods_rows(
        f'<table:table-row table:number-rows-repeated="5000">{_ods_cell("1", 1000)}</table:table-row>'))


def _write_ods(path: Path, rows: str) -> Path:
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="花名册">{rows}</table:table></office:spreadsheet>'
               "</office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'))
    return path


def word_named_xls(folder: Path) -> Path:
    """An OLE file without a Workbook stream (a Word or other Office file renamed by hand)."""
    data = (DATA / "roster-legacy.xls").read_bytes()
    path = folder / "letter.xls"
    path.write_bytes(data.replace("Workbook".encode("utf-16-le"), "Document".encode("utf-16-le")))
    return path


def pdf_named_xlsx(folder: Path) -> Path:
    path = folder / "scan.xlsx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    return path


def excel_lock_file(folder: Path) -> Path:
    """The owner file Excel leaves beside an open workbook: a length byte, the user name, then padding."""
    path = folder / "~$roster.xlsx"
    path.write_bytes(b"\x08zhangsan" + b" " * 46 + b"\x08\x00z\x00h\x00a\x00n\x00g\x00" + b"\x20\x00" * 50)
    return path


def zip_of_files(folder: Path) -> Path:
    path = folder / "attachments.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("说明.txt", "附件")
    return path


def many_rows(folder: Path) -> Path:
    path = folder / "many-rows.csv"
    lines = [",".join(ROSTER_HEADERS)] + [str(index) for index in range(250_000)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


CASES = [
    Case("html_as_xls", html_as_xls),
    Case("html_two_row_header", html_two_row_header),
    Case("html_without_table", html_login_page, "F001", "网页"),
    Case("xml_without_table", xml_not_a_table, "F001", "XML 文档"),
    Case("xlsx_named_xls", xlsx_named_xls),
    Case("xls_named_xlsx", xls_named_xlsx, clean=False),
    Case("truncated_xlsx", truncated_xlsx, "F001", "损坏或不完整"),
    Case("zip_bomb_size", zip_bomb("zip-bomb-size.xlsx"), "F009", "超过安全上限 256 MB"),
    Case("zip_bomb_ratio", zip_bomb("zip-bomb-ratio.xlsx"), "F009", "压缩炸弹"),
    Case("xml_bomb_shared_strings", xml_bomb_shared_strings, "F001", "XML 炸弹"),
    Case("xml_bomb_workbook", xml_bomb_workbook, "F001", "XML 炸弹"),
    Case("empty_file", empty_file, "F001", "0 字节"),
    Case("directory", directory, "F001", "文件夹"),
    Case("only_hidden_sheets", only_hidden_sheets, "F003", "隐藏"),
    Case("far_cell", far_cell, "F009", "XFD1048576"),
    Case("far_cell_other_case", far_cell_other_case, "F009", "XFD1048576"),
    Case("wide_cell", wide_cell, "F009", "XFD200"),
    Case("many_rows", many_rows, "F009", "超过上限 200000 行"),
    Case("xls_far_cell", xls_far_cell, "F009", "65536×256"),
    Case("dimension_lie", dimension_lie),
    Case("inline_strings", inline_strings),
    Case("namespace_prefix", namespace_prefix),
    Case("absolute_part_paths", absolute_paths),
    Case("no_row_references", no_row_references),
    Case("missing_shared_strings", missing_shared_strings, "F001", "缺少内部部件 xl/sharedStrings.xml"),
    Case("shared_formula_without_values", shared_formula, "F007", "没有保存计算结果"),
    Case("chart_sheet_first", chart_sheet_first),
    Case("strict_ooxml", strict_ooxml),
    Case("backslash_part_names", backslash_paths, "F001", "反斜杠"),
    Case("csv_semicolon", csv_file("semicolon.csv", ";", "utf-8")),
    Case("csv_gbk_bytes", csv_file("gbk.csv", ",", "gbk")),
    Case("tsv_utf16", csv_file("unicode-export.txt", "\t", "utf-16")),
    Case("spreadsheet_xml_2003", spreadsheet_xml),
    Case("ods_with_repeated_rows", ods_file),
    Case("ods_repeated_value", ods_repeated_value, "F009", "5004 行 × 1000 列"),
    Case("word_file_named_xls", word_named_xls, "F001", "Word"),
    Case("zip_without_workbook", zip_of_files, "F001", "压缩包"),
    Case("pdf_named_xlsx", pdf_named_xlsx, "F001", "PDF 文档"),
    Case("excel_lock_file", excel_lock_file, "F001", "临时锁文件"),
]
