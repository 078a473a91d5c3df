"""Open a workbook safely and load each sheet as a grid of raw values.

python-calamine does the reading (xlsx, xlsm, xls, ods): it is fast and gives merged ranges.
CSV is decoded as UTF-8 (with or without BOM), then GB18030; never plain GBK, whose table
lacks characters such as 䶮 that GB18030 has. HTML tables saved under an .xls name by web
systems are read as well.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sanqu_cli.workbook.html_table import read_html_tables
from sanqu_cli.workbook.ods_scan import check_ods_extent
from sanqu_cli.workbook.package import check_package
from sanqu_cli.workbook.quiet import native_stderr_silenced, xlrd_log
from sanqu_cli.workbook.spreadsheet_xml import read_spreadsheet_xml
from sanqu_cli.workbook.sniff import OTHER_SIGNATURES, FileType, WorkbookError, sniff

Range = tuple[tuple[int, int], tuple[int, int]]


@dataclass(frozen=True)
class ReadLimits:
    """Caps that keep a hostile file (zip bomb, billion-row sheet) from exhausting memory."""

    max_cells: int = 3_000_000
    max_uncompressed_bytes: int = 256 * 1024 * 1024
    max_compression_ratio: int = 200
    max_rows: int = 200_000


@dataclass
class SheetGrid:
    """One sheet: raw values by 0-based row and column, merged ranges, visibility."""

    name: str
    rows: list[list[Any]]
    merged: list[Range] = field(default_factory=list)
    visible: bool = True


@dataclass
class Book:
    path: Path
    file_type: FileType
    sheets: list[SheetGrid]
    date1904: bool = False


def _is_reader_failure(error: BaseException) -> bool:
    """Tell a failure of calamine from a request to stop: pyo3 raises a Rust panic as PanicException,
    which derives from BaseException, and damaged .xls files trigger such panics in calamine 0.37."""
    return isinstance(error, Exception) or type(error).__name__ == "PanicException"


def _read_calamine(path: Path, file_type: FileType) -> list[SheetGrid]:
    import python_calamine as calamine

    try:
        # from_filelike picks the reader by content; from_path goes by the extension and fails on
        # an xlsx renamed to .xls, which offices do by hand.
        with path.open("rb") as handle:
            workbook = calamine.CalamineWorkbook.from_filelike(handle)
    except calamine.PasswordError:
        raise WorkbookError("F002", "文件已加密（设有打开密码），无法读取。请去掉密码后另存一份再提交。") from None
    except BaseException as exc:  # noqa: BLE001 - calamine raises several error types for damaged files
        if not _is_reader_failure(exc):
            raise
        raise WorkbookError("F001", "文件已损坏或格式不对，无法打开。请用 Excel 或 WPS 打开后另存为 .xlsx 再试。") from None

    sheets = []
    try:
        for meta in workbook.sheets_metadata:
            if str(meta.typ).endswith("ChartSheet"):
                continue
            sheet = workbook.get_sheet_by_name(meta.name)
            rows = sheet.to_python(skip_empty_area=False)
            merged = list(sheet.merged_cell_ranges or []) if file_type == FileType.xlsx else []
            visible = str(meta.visible).endswith(".Visible")
            sheets.append(SheetGrid(name=meta.name, rows=rows, merged=merged, visible=visible))
    except WorkbookError:
        raise
    except BaseException as exc:  # noqa: BLE001 - a sheet part can be damaged while the workbook opened
        if not _is_reader_failure(exc):
            raise
        raise WorkbookError("F001", "文件内容已损坏，读取工作表时出错。请用 Excel 或 WPS 打开后另存再试。") from None
    finally:
        workbook.close()
    return sheets


def _describe_other(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(8)
    kind = next((name for signature, name in OTHER_SIGNATURES.items() if head.startswith(signature)), None)
    return f"实际是{kind}，" if kind else "内容无法识别，"


def _no_table_message(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<?xml") and b"<html" not in head.lower():
        return "文件是 XML 文档，不是表格，其中没有可读取的表格。请从系统中导出 Excel 格式（.xlsx）后再提交。"
    return "文件实际是网页（HTML），其中没有表格（可能是登录页或出错页面）。请从系统中重新导出 Excel 格式后再提交。"


def _read_xlrd(path: Path) -> list[SheetGrid]:
    """Fallback for legacy .xls files that calamine cannot read."""
    import xlrd

    try:
        workbook = xlrd.open_workbook(str(path), on_demand=True, logfile=xlrd_log())
    except xlrd.biffh.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise WorkbookError("F002", "文件已加密（设有打开密码），无法读取。请去掉密码后另存一份再提交。") from None
        raise WorkbookError("F001", "旧版 .xls 文件已损坏，无法打开。请用 Excel 或 WPS 打开后另存为 .xlsx 再试。") from None
    except Exception:  # noqa: BLE001 - xlrd raises many types for broken BIFF records
        raise WorkbookError("F001", "旧版 .xls 文件已损坏，无法打开。请用 Excel 或 WPS 打开后另存为 .xlsx 再试。") from None

    sheets = []
    try:
        for sheet in workbook.sheets():
            rows = [sheet.row_values(index) for index in range(sheet.nrows)]
            sheets.append(SheetGrid(name=sheet.name, rows=rows, visible=sheet.visibility == 0))
    except Exception:  # noqa: BLE001 - sheets load lazily, so a broken record can surface here
        raise WorkbookError("F001", "旧版 .xls 文件已损坏，无法读取其中的工作表。请用 Excel 或 WPS 打开后另存为 .xlsx 再试。") from None
    finally:
        workbook.release_resources()
    return sheets


def _decode_text(data: bytes) -> str:
    # Excel's "Unicode 文本" and some web systems write UTF-16 with a byte-order mark.
    encodings = ("utf-16",) if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise WorkbookError("F001", "CSV 文件的编码既不是 UTF-8 也不是 GB18030，无法读取。请另存为“CSV UTF-8”格式。")


def _check_file_size(path: Path, limits: ReadLimits) -> None:
    """Text formats are read whole, so their size is capped like the uncompressed size of an xlsx."""
    size = path.stat().st_size
    if size > limits.max_uncompressed_bytes:
        megabyte = 1024 * 1024
        raise WorkbookError("F009", f"文件有 {size // megabyte} MB，超过安全上限 {limits.max_uncompressed_bytes // megabyte} MB，"
                                    "未读取。请拆分后提交，或在规则集的 [limits] 中调高 max_uncompressed_bytes。")


def _read_csv(path: Path) -> list[SheetGrid]:
    text = _decode_text(path.read_bytes())
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        rows = [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as error:
        raise WorkbookError("F001", f"CSV 文件格式有误，无法读取（{error}）。请用 Excel 或 WPS 打开后另存为 .xlsx 再提交。") from None
    return [SheetGrid(name=path.stem, rows=rows)]


def _check_area(name: str, rows: int, width: int, limits: ReadLimits) -> None:
    if rows > limits.max_rows:
        raise WorkbookError(
            "F009",
            f"工作表“{name}”有 {rows} 行，超过上限 {limits.max_rows} 行，未读取。请拆分后提交。",
            sheet=name,
        )
    if rows * width > limits.max_cells:
        raise WorkbookError(
            "F009",
            f"工作表“{name}”有 {rows}×{width} 个单元格，超过上限 {limits.max_cells} 个，未读取。"
            "请删除表格右侧或下方多余的内容和空白格式后再提交。",
            sheet=name,
        )


def _enforce_size(sheets: list[SheetGrid], limits: ReadLimits) -> None:
    for sheet in sheets:
        _check_area(sheet.name, len(sheet.rows), max((len(row) for row in sheet.rows), default=0), limits)


def _check_xls_extent(path: Path, limits: ReadLimits) -> None:
    """Measure each .xls sheet with xlrd, which keeps rows ragged, before calamine loads it as one dense range.

    One stray value at IV65536 made calamine fill 65,536 × 256 cells (1.2 GB, 3 s) before the
    size check after loading could refuse it. A file xlrd cannot parse is left to the readers.
    """
    import xlrd

    try:
        workbook = xlrd.open_workbook(str(path), on_demand=True, ragged_rows=True, logfile=xlrd_log())
    except Exception:  # noqa: BLE001 - the readers below report a damaged file as F001
        return
    try:
        for sheet in workbook.sheets():
            width = max((sheet.row_len(index) for index in range(sheet.nrows)), default=0)
            _check_area(sheet.name, sheet.nrows, width, limits)
    except WorkbookError:
        raise
    except Exception:  # noqa: BLE001 - as above, a broken sheet is reported by the readers
        return
    finally:
        workbook.release_resources()


def open_book(path: Path, limits: ReadLimits | None = None) -> Book:
    """Read every sheet of a workbook file, or raise WorkbookError with a Chinese message."""
    limits = limits or ReadLimits()
    if path.is_dir():
        raise WorkbookError("F001", "这是一个文件夹，不是表格文件。请给出文件路径，或用 sanqu validate 检查整个文件夹。")
    try:
        file_type = sniff(path)
    except FileNotFoundError:
        raise WorkbookError("F001", "找不到该文件，请检查路径。") from None
    except PermissionError:
        raise WorkbookError("F001", "没有读取该文件的权限。") from None
    except OSError as exc:
        raise WorkbookError("F001", f"无法读取该文件：{exc.strerror or exc}。") from None

    date1904 = False
    if file_type == FileType.empty:
        raise WorkbookError("F001", "文件是空的（0 字节），请重新导出。")
    if file_type == FileType.encrypted:
        raise WorkbookError("F002", "文件已加密（设有打开密码），无法读取。请去掉密码后另存一份再提交。")
    if file_type == FileType.other_ole:
        raise WorkbookError("F001", "文件是 Word 文档或其他 Office 文件，不是 Excel 表格（只是扩展名像表格）。请提交 .xlsx、.xls 或 .csv 文件。")
    if file_type == FileType.other_zip:
        raise WorkbookError("F001", "文件是压缩包或 Word 等其他文档，不是 Excel 表格。请提交 .xlsx、.xls 或 .csv 文件。")
    if path.name.startswith("~$"):
        raise WorkbookError("F001", "这是 Excel 或 WPS 打开表格时生成的临时锁文件（文件名以 ~$ 开头），不是表格。"
                                    "请检查不带 ~$ 的同名文件。")
    if file_type == FileType.unknown:
        raise WorkbookError("F001", f"文件{_describe_other(path)}不是表格文件。请提交 .xlsx、.xls 或 .csv 文件。")

    if file_type in (FileType.xlsx, FileType.ods):
        package = check_package(path, limits)
        if file_type == FileType.ods:
            check_ods_extent(path, limits)
        try:
            with native_stderr_silenced():
                sheets = _read_calamine(path, file_type)
        except WorkbookError as error:
            if error.code != "F001" or not package.missing_parts:
                raise
            missing = "、".join(package.missing_parts)
            raise WorkbookError("F001", f"文件缺少内部部件 {missing}（导出程序没有写全），无法读取。"
                                        "请用 Excel 或 WPS 打开后另存为 .xlsx，或从系统中重新导出。") from None
        date1904 = package.date1904
    elif file_type == FileType.xls:
        _check_xls_extent(path, limits)
        try:
            with native_stderr_silenced():
                sheets = _read_calamine(path, file_type)
        except WorkbookError as error:
            if error.code == "F002":
                raise
            sheets = _read_xlrd(path)
    elif file_type == FileType.spreadsheet_xml:
        _check_file_size(path, limits)
        sheets = [SheetGrid(name=name, rows=rows, merged=merged, visible=visible)
                  for name, rows, merged, visible in read_spreadsheet_xml(path, limits.max_rows, limits.max_cells)]
    elif file_type == FileType.html:
        _check_file_size(path, limits)
        sheets = [SheetGrid(name=name, rows=rows, merged=merged)
                  for name, rows, merged in read_html_tables(path, limits.max_cells)]
        if not sheets:
            raise WorkbookError("F001", _no_table_message(path))
    else:
        _check_file_size(path, limits)
        sheets = _read_csv(path)

    _enforce_size(sheets, limits)
    return Book(path=path, file_type=file_type, sheets=sheets, date1904=date1904)
