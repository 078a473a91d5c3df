"""Bad-input cases in other formats: web exports (HTML, XML 2003), text, .ods, and files that are no workbook."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from bad_builders import DATA, roster_rows
from builders import ROSTER_HEADERS


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


def file_with(name: str, data: bytes) -> Callable[[Path], Path]:
    """Return a builder that writes `data` to a file called `name`."""
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return build


html_login_page = file_with("session-expired.xls", "<!DOCTYPE html><html><head><title>登录</title></head><body>"
                            "<p>会话已过期，请重新登录。</p></body></html>".encode())
xml_not_a_table = file_with("data.xls", '<?xml version="1.0" encoding="UTF-8"?><records><record>张三</record></records>'.encode())
empty_file = file_with("empty.xlsx", b"")
pdf_named_xlsx = file_with("scan.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
# The owner file Excel leaves beside an open workbook: a length byte, the user name, then padding.
excel_lock_file = file_with("~$roster.xlsx", b"\x08zhangsan" + b" " * 46 + "zhang".encode("utf-16-le") + b"\x20\x00" * 50)


def directory(folder: Path) -> Path:
    path = folder / "folder.xlsx"
    path.mkdir()
    return path


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
