"""Tell a file's type by its first bytes, not by its extension.

Offices rename files by hand and web systems export HTML tables under an .xls name, so
the extension is only a hint for messages.
"""

from __future__ import annotations

import zipfile
from enum import Enum
from pathlib import Path


class FileType(str, Enum):
    xlsx = "xlsx"
    xls = "xls"
    ods = "ods"
    csv = "csv"
    html = "html"
    spreadsheet_xml = "spreadsheet_xml"
    encrypted = "encrypted"
    other_zip = "other_zip"
    other_ole = "other_ole"
    empty = "empty"
    unknown = "unknown"


class WorkbookError(Exception):
    """A file that cannot be read at all; `code` is the F rule code, the message Chinese."""

    def __init__(self, code: str, message: str, *, sheet: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.sheet = sheet


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


def _zip_type(path: Path) -> FileType:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            # Some export libraries write Windows paths (xl\workbook.xml); the reader reports them.
            if "xl/workbook.xml" in names or any(name.startswith(("xl/", "xl\\")) for name in names):
                return FileType.xlsx
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100]
                if b"opendocument.spreadsheet" in mimetype:
                    return FileType.ods
            return FileType.other_zip
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        # A truncated xlsx still starts with the zip signature; the reader reports it as F001.
        return FileType.xlsx


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# Signatures of what offices attach by mistake under a workbook name; checked before the text test,
# because the first bytes of a PDF can decode as GB18030.
OTHER_SIGNATURES = {b"%PDF": "PDF 文档", b"\x89PNG": "PNG 图片", b"\xff\xd8\xff": "JPEG 图片", b"Rar!": "RAR 压缩包",
                    b"7z\xbc\xaf": "7z 压缩包", b"\x1f\x8b": "gzip 压缩包"}


def _looks_like_html(head: bytes) -> bool:
    sample = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return sample.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml", b"<meta", b"<head", b"<body", b"<style"))


def _looks_like_spreadsheet_xml(head: bytes) -> bool:
    """Tell Excel's "XML 表格 2003" (SpreadsheetML), which web systems also export under an .xls name."""
    return b"urn:schemas-microsoft-com:office:spreadsheet" in head and b"<html" not in head.lower()


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            # The sample may end in the middle of a character; drop up to 3 trailing bytes.
            for cut in range(4):
                try:
                    head[: len(head) - cut].decode(encoding)
                    return True
                except UnicodeDecodeError:
                    continue
        except LookupError:  # pragma: no cover - both codecs ship with Python
            continue
    return False


def _ole_has_workbook(path: Path) -> bool:
    """Tell an .xls (a Workbook or Book stream) from a Word document or other OLE file renamed by hand."""
    import olefile  # installed with msoffcrypto-tool

    try:
        with olefile.OleFileIO(str(path)) as container:
            streams = {"/".join(entry).lower() for entry in container.listdir()}
    except Exception:  # noqa: BLE001 - a damaged container is left to the reader, which reports F001
        return True
    return bool(streams & {"workbook", "book", "encryptedpackage", "encryptioninfo"})


def _ole_is_encrypted(path: Path) -> bool:
    """Tell an encrypted OOXML or .xls (an OLE container with a password) from a plain .xls."""
    import msoffcrypto  # only OLE files need it, so `sanqu --help` does not pay for the import

    try:
        with path.open("rb") as handle:
            return bool(msoffcrypto.OfficeFile(handle).is_encrypted())
    except Exception:  # noqa: BLE001 - a damaged OLE file is reported as F001 by the reader
        return False


def sniff(path: Path) -> FileType:
    """Return the type of a file from its content."""
    with path.open("rb") as handle:
        head = handle.read(8192)

    if not head:
        return FileType.empty
    if head.startswith(_ZIP_MAGIC):
        return _zip_type(path)
    if head.startswith(_OLE_MAGIC):
        if _ole_is_encrypted(path):
            return FileType.encrypted
        return FileType.xls if _ole_has_workbook(path) else FileType.other_ole
    if head.startswith(tuple(OTHER_SIGNATURES)):
        return FileType.unknown
    if head.startswith(_UTF16_BOMS):
        return FileType.csv
    if _looks_like_spreadsheet_xml(head):
        return FileType.spreadsheet_xml
    if _looks_like_html(head):
        return FileType.html
    if _looks_like_text(head):
        return FileType.csv
    return FileType.unknown
