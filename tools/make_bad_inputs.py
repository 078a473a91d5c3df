"""Write the zip bombs of the bad-input corpus to tests/data/bad/.

They are kept as files because building them takes seconds: each contains one sheet part padded
with whitespace inside <sheetData>, which deflate shrinks about 1000 times, so a file of a few
hundred KB declares hundreds of MB of XML. Run: python tools/make_bad_inputs.py
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from openpyxl import Workbook

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "bad"
MEGABYTE = 1024 * 1024


def _roster_package() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "花名册"
    sheet.append(["序号", "姓名", "身份证号", "选派单位", "服务天数"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_padded(target: Path, padding_mb: int) -> None:
    """Copy a one-sheet roster, padding its sheet XML with `padding_mb` MB of spaces."""
    source = zipfile.ZipFile(io.BytesIO(_roster_package()))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename != "xl/worksheets/sheet1.xml":
                archive.writestr(item.filename, data)
                continue
            head, tail = data.split(b"</sheetData>")
            with archive.open(item.filename, "w", force_zip64=True) as part:
                part.write(head)
                block = b" " * MEGABYTE
                for _ in range(padding_mb):
                    part.write(block)
                part.write(b"</sheetData>" + tail)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    write_padded(OUT / "zip-bomb-size.xlsx", 300)
    write_padded(OUT / "zip-bomb-ratio.xlsx", 60)
    for path in sorted(OUT.glob("zip-bomb-*.xlsx")):
        print(f"{path.name}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
