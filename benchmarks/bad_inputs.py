"""Print how long sanqu takes on each bad input, and what the xlsx pre-scan costs on a 1-million-cell roster.

Run from the repository root: python benchmarks/bad_inputs.py
Each bad input must be handled within 2 s; the figures depend on the machine, so this prints
them and does not assert.
"""

from __future__ import annotations

import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bad_builders import roster_rows  # noqa: E402
from bad_inputs import CASES  # noqa: E402
from builders import ROSTER_HEADERS  # noqa: E402
from sanqu_cli.rules import load_rules  # noqa: E402
from sanqu_cli.schema.read import limits_from  # noqa: E402
from sanqu_cli.validate import ValidateOptions, check_read, read_file  # noqa: E402
from sanqu_cli.workbook.package import check_package  # noqa: E402


def _large_roster(path: Path, rows: int) -> Path:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("花名册")
    sheet.write_row(0, 0, ROSTER_HEADERS)
    sample = roster_rows()[1]
    for index in range(1, rows + 1):
        sheet.write_row(index, 0, sample)
    workbook.close()
    return path


def main() -> None:
    options = ValidateOptions(rules=load_rules())
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'case':34} {'seconds':>8}  result")
        for case in CASES:
            target = Path(folder) / case.name
            target.mkdir()
            path = case.build(target)
            start = time.perf_counter()
            report = check_read(read_file(path, options), options)
            elapsed = time.perf_counter() - start
            codes = sorted({finding.code for finding in report.findings if finding.code.startswith("F")})
            print(f"{case.name:34} {elapsed:8.3f}  {'、'.join(codes) or f'{report.records} records'}")

        rows = 1_000_000 // len(ROSTER_HEADERS) - 1
        large = _large_roster(Path(folder) / "large.xlsx", rows)
        with zipfile.ZipFile(large) as archive:
            xml_size = sum(item.file_size for item in archive.infolist())
        start = time.perf_counter()
        check_package(large, limits_from(options.rules))
        scan = time.perf_counter() - start
        start = time.perf_counter()
        report = check_read(read_file(large, options), options)
        total = time.perf_counter() - start
        print(f"\n{rows} rows × {len(ROSTER_HEADERS)} columns ({xml_size // (1024 * 1024)} MB of XML): "
              f"pre-scan {scan:.2f} s, whole validate {total:.2f} s, {report.records} records")


if __name__ == "__main__":
    main()
