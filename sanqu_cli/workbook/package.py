"""Check an xlsx package before calamine decompresses it: part sizes, DTDs and each sheet's used range.

calamine (python-calamine 0.9.1) builds one dense range per sheet, sized from A1 to the last
cell with a value. One value at XFD1048576 in a 5 KB file makes it request 512 GB, and the
process aborts before Python can catch anything. So the sheet XML is scanned here first, in
chunks, and a sheet whose range is too large is rejected with F009 before calamine reads it.

Both Python's zipfile and calamine's zip reader stop at the uncompressed size declared in the
archive, so the declared sizes can be trusted as an upper bound on what either of them reads.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from posixpath import dirname, join, normpath
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from sanqu_cli.workbook.cells import column_letter
from sanqu_cli.workbook.sniff import WorkbookError

# Parts that a reader parses as XML; pictures and other media are never decompressed by calamine.
_XML_SUFFIXES = (".xml", ".rels", ".vml", ".bin")
_CHUNK = 1 << 20

# A DTD can only stand before the root element; Excel, WPS and LibreOffice never write one.
_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)

# Cells with a value: an opening <c ...> tag that is not self-closed ("<c r="A1" s="3"/>" is
# formatting only and does not extend calamine's range). Any namespace prefix (x:c) is allowed.
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c(?:\s[^>]*)?>")
_CELL_REF = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?c\s(?:[^>]*?\s)?r="([A-Z]{1,3})([0-9]{1,7})"[^>]*?(/?)>')
_CELL_REF_FIRST = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?c r="([A-Z]{1,3})([0-9]{1,7})"[^>]*?(/?)>')
_ROW_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?row>")
_ROW_REF = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?row\s(?:[^>]*?\s)?r="([0-9]{1,7})"')

_BOMB_MESSAGE = ("文件中的 {part} 含有 XML 实体声明（DTD），Excel、WPS 和 LibreOffice 都不会写出这种内容，"
                 "疑似“XML 炸弹”，未读取。请用 Excel 或 WPS 打开后另存为 .xlsx 再提交。")
_DAMAGED = "文件已损坏或不完整（压缩包结构无法读取），请重新导出或重新保存后再提交。"


@dataclass
class Package:
    """Sheet names in workbook order with their part paths, and the date system, as read from the package."""

    sheets: list[tuple[str, str]] = field(default_factory=list)
    date1904: bool = False
    missing_parts: list[str] = field(default_factory=list)


@dataclass
class _Extent:
    max_row: int = 0
    max_column: int = 0
    cells: int = 0
    far_cell: str = ""
    far_area: int = 0

    def add(self, row: int, column: int) -> None:
        self.max_row = max(self.max_row, row)
        self.max_column = max(self.max_column, column)
        # The cell furthest from A1 is the one a clerk has to find and delete.
        if row * column > self.far_area:
            self.far_area = row * column
            self.far_cell = f"{column_letter(column - 1)}{row}"


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _local(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _parse(archive: zipfile.ZipFile, name: str) -> Element | None:
    """Parse a small part with defusedxml; a DTD or entity declaration ends the read with F001."""
    try:
        data = archive.read(name)
    except KeyError:
        return None
    try:
        return fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise WorkbookError("F001", _BOMB_MESSAGE.format(part=name)) from None
    except ParseError:
        raise WorkbookError("F001", f"文件中的 {name} 已损坏（不是完整的 XML），无法读取。请用 Excel 或 WPS 打开后另存再试。") from None


def _relationships(archive: zipfile.ZipFile, rels_name: str, base: str) -> dict[str, str]:
    """Map relationship ids to part names; targets may be relative ("worksheets/sheet1.xml") or absolute ("/xl/…")."""
    root = _parse(archive, rels_name)
    if root is None:
        return {}
    targets = {}
    for item in root:
        if _local(item) != "Relationship" or item.get("TargetMode") == "External":
            continue
        target = item.get("Target") or ""
        part = target.lstrip("/") if target.startswith("/") else normpath(join(base, target))
        targets[item.get("Id") or ""] = part
    return targets


def _read_workbook(archive: zipfile.ZipFile) -> Package:
    """List the sheets (name, part) from workbook.xml and its relationships, and read date1904."""
    root_rels = _relationships(archive, "_rels/.rels", "")
    workbook_part = next((part for part in root_rels.values() if part.endswith(".xml") and "workbook" in part),
                         "xl/workbook.xml")
    root = _parse(archive, workbook_part)
    if root is None:
        return Package()

    folder = dirname(workbook_part)
    rels_name = join(folder, "_rels", workbook_part.rsplit("/", 1)[-1] + ".rels")
    targets = _relationships(archive, rels_name, folder)
    present = {name.lower() for name in archive.NameToInfo}
    package = Package(missing_parts=sorted(part for part in set(targets.values()) if part.lower() not in present))
    for element in root.iter():
        name = _local(element)
        if name == "workbookPr":
            package.date1904 = (element.get("date1904") or "").lower() in ("1", "true")
        elif name == "sheet":
            rel_id = next((value for key, value in element.attrib.items() if key.endswith("}id")), "")
            part = targets.get(rel_id)
            if part:
                package.sheets.append((element.get("name") or "", part))
    return package


def _check_sizes(members: list[zipfile.ZipInfo], limits) -> None:
    parts = [member for member in members if member.filename.lower().endswith(_XML_SUFFIXES)]
    total = sum(member.file_size for member in parts)
    packed = sum(member.compress_size for member in parts) or 1
    megabyte = 1024 * 1024
    if total > limits.max_uncompressed_bytes:
        raise WorkbookError(
            "F009",
            f"文件解压后的表格内容有 {total // megabyte} MB，超过安全上限 {limits.max_uncompressed_bytes // megabyte} MB，"
            "未读取。若确为正常文件，请拆分后提交，或在规则集的 [limits] 中调高 max_uncompressed_bytes。",
        )
    # Small parts compress well by nature; only a large part with an extreme ratio is suspicious.
    if total > 10 * megabyte and total / packed > limits.max_compression_ratio:
        raise WorkbookError(
            "F009",
            f"文件压缩比 {total // packed}:1 超过安全上限 {limits.max_compression_ratio}:1，疑似“压缩炸弹”，未读取。"
            "若是正常文件（例如整列设置了格式），请删除多余的空行和空列后另存再提交。",
        )


def _check_prolog(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    with archive.open(member) as stream:
        head = stream.read(65536)
    root_start = re.search(rb"<[A-Za-z_]", head)
    prolog = head[: root_start.start()] if root_start else head
    if _DOCTYPE.search(prolog):
        raise WorkbookError("F001", _BOMB_MESSAGE.format(part=member.filename))


def _scan_rows(block: bytes, extent: _Extent, next_row: int) -> int:
    """Measure complete rows one by one: needed when cells carry no r attribute (some web exports)."""
    for piece in _ROW_END.split(block):
        if not piece.strip():
            continue
        row_ref = _ROW_REF.search(piece)
        next_row = int(row_ref.group(1)) if row_ref else next_row + 1
        column = 0
        for tag in _CELL_TAG.finditer(piece):
            ref = _CELL_REF.match(tag.group(0))
            column = _column_number(ref.group(1)) if ref else column + 1
            if not tag.group(0).endswith(b"/>"):
                extent.cells += 1
                extent.add(int(ref.group(2)) if ref else next_row, column)
    return next_row


_WIDE_CELL = re.compile(rb'<c r="([A-Z]{2,3})([0-9]{1,7})"[^>]*?(/?)>')
# For each one-letter column, a pattern that finds cells in the columns to its right.
_RIGHT_OF = {column: re.compile(rb'<c r="([' + bytes([65 + column]) + rb'-Z])[0-9]') for column in range(26)}


def _scan_block_plain(block: bytes, extent: _Extent) -> bool:
    """Measure a block of unprefixed, r-first cells with byte counts instead of a regex per cell.

    Rows are in ascending order in every writer's output (the file format requires it), so the
    last value cell of a block is on its lowest row. Value cells end in </c>; a self-closed
    <c .../> only carries a style. Returns False when the block has another form.
    """
    starts = block.count(b'<c r="')
    if not starts or starts != block.count(b"<c ") + block.count(b"<c>"):
        return False

    extent.cells += block.count(b"</c>")
    end = block.rfind(b"</c>")
    if end >= 0:
        last = _CELL_REF_FIRST.match(block, block.rfind(b'<c r="', 0, end))
        if last is not None:
            extent.add(int(last.group(2)), _column_number(last.group(1)))

    # Columns beyond Z are rare in rosters, so the regex only meets the few wide cells.
    for match in _WIDE_CELL.finditer(block):
        if not match.group(3):
            extent.add(int(match.group(2)), _column_number(match.group(1)))
    # The last cell of the block usually sits in the rightmost column, so this search for cells
    # further right is one pass that finds nothing.
    if extent.max_column < 26:
        further = _RIGHT_OF[extent.max_column].findall(block)
        if further:
            extent.max_column = max(extent.max_column, _column_number(max(further)))
    return True


def _scan_block(block: bytes, extent: _Extent, next_row: int) -> int:
    if _scan_block_plain(block, extent):
        rows = _ROW_REF.findall(block[-4096:])
        return int(rows[-1]) if rows else next_row

    # Cells written with r first but a namespace prefix (<x:c r="A1">), as some exports do.
    # Any other form makes the counts differ, and the block is measured row by row.
    refs = _CELL_REF_FIRST.findall(block)
    if len(refs) != block.count(b"<c ") + block.count(b"<c>"):
        return _scan_rows(block, extent, next_row)

    values = [(letters, row) for letters, row, closed in refs if not closed]
    if values:
        extent.cells += len(values)
        top_row = max(map(int, {row for _, row in values}))
        right = max({letters for letters, _ in values}, key=lambda letters: (len(letters), letters))
        if top_row > extent.max_row or _column_number(right) > extent.max_column:
            # The message names a cell on the lowest row: the stray value a clerk has to find and delete.
            letters = next(letters for letters, row in values if int(row) == top_row)
            extent.far_cell = f"{letters.decode()}{top_row}"
        extent.max_row = max(extent.max_row, top_row)
        extent.max_column = max(extent.max_column, _column_number(right))
    rows = _ROW_REF.findall(block[-4096:])
    return int(rows[-1]) if rows else next_row


def _sheet_extent(archive: zipfile.ZipFile, part: str) -> _Extent:
    """Stream one sheet part and return the range its value cells span, counted from A1."""
    extent = _Extent()
    next_row = 0
    carry = b""
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            buffer = carry + chunk
            # Only whole rows are measured; the unfinished tail waits for the next chunk.
            ends = list(_ROW_END.finditer(buffer))
            if not ends:
                carry = buffer
                continue
            cut = ends[-1].end()
            next_row = _scan_block(buffer[:cut], extent, next_row)
            carry = buffer[cut:]
    if carry:
        _scan_block(carry, extent, next_row)
    return extent


def _check_extent(sheet: str, extent: _Extent, limits) -> None:
    if extent.max_row > limits.max_rows:
        raise WorkbookError(
            "F009",
            f"工作表“{sheet}”的单元格 {extent.far_cell} 有内容，使表格达到 {extent.max_row} 行，超过上限 {limits.max_rows} 行，"
            "未读取。若是多余的内容，请删除后另存；若确实有这么多行，请拆分后提交。",
            sheet=sheet,
        )
    area = extent.max_row * extent.max_column
    if area > limits.max_cells or extent.cells > limits.max_cells:
        raise WorkbookError(
            "F009",
            f"工作表“{sheet}”的单元格 {extent.far_cell} 有内容，使表格范围达到 {extent.max_row} 行 × {extent.max_column} 列"
            f"（{max(area, extent.cells)} 个单元格），超过上限 {limits.max_cells} 个，未读取。"
            "请删除表格右侧或下方多余的内容后另存再提交。",
            sheet=sheet,
        )


# NOTE: .xlsb sheets (binary records under xl/worksheets/*.bin) are not scanned, so a stray far
# cell in an .xlsb still reaches calamine's dense range unchecked.
def _sheet_parts(archive: zipfile.ZipFile, package: Package) -> list[tuple[str, str]]:
    """Return (sheet name, zip member) for every part calamine could load as a sheet.

    calamine matches part names without regard to case (xl/worksheets/Sheet1.xml for a reference
    to sheet1.xml), so the lookup here ignores case too. Members under a worksheets folder that no
    sheet refers to are scanned as well and named by their path.
    """
    members = {name.lower(): name for name in archive.NameToInfo}
    parts: dict[str, str] = {}
    for sheet, part in package.sheets:
        if part.lower() in members:
            parts[members[part.lower()]] = sheet
    for lowered, name in members.items():
        if "worksheets/" in lowered and lowered.endswith(".xml"):
            parts.setdefault(name, name)
    return [(sheet, member) for member, sheet in parts.items()]


def check_package(path, limits) -> Package:
    """Run every check on an xlsx file; raise WorkbookError (F001 or F009) at the first problem."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if "xl/workbook.xml" not in archive.NameToInfo and any("\\" in member.filename for member in members):
                raise WorkbookError("F001", "文件内部的路径用了反斜杠（如 xl\\workbook.xml），这是某些导出程序的缺陷，"
                                            "sanqu 无法读取。请用 Excel 或 WPS 打开后另存为 .xlsx，或从系统中重新导出。")
            _check_sizes(members, limits)
            for member in members:
                if member.filename.lower().endswith(_XML_SUFFIXES[:3]):
                    _check_prolog(archive, member)
            package = _read_workbook(archive)
            for sheet, member in _sheet_parts(archive, package):
                _check_extent(sheet, _sheet_extent(archive, member), limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError,
            NotImplementedError):
        raise WorkbookError("F001", _DAMAGED) from None
    return package
