"""Measure `sanqu validate` on large rosters against a bare python-calamine read of the same file.

    python benchmarks/validate_bench.py            # 10,000 and 100,000 rows
    python benchmarks/validate_bench.py 20000      # other sizes

Prints, per size: the whole-process time of `sanqu validate --format json` (median of three
runs), the whole-process time of a bare calamine read, their ratio, and the peak resident
memory of the validate process. Then the start-up time of `sanqu --help` beside a bare Typer
app with one command. Goals: validate within 3x the bare read, under 400 MB at 100,000 rows,
and `--help` within 1.3x the bare Typer app.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from stdnum.cn import ric

HEADERS = ["序号", "姓名", "身份证号", "联系电话", "工作单位", "技术职称", "人员类别", "选派单位", "科技特派团", "团内职务",
           "受援单位", "受援县(区)", "服务区类别", "服务开始日期", "服务结束日期", "服务天数", "三方协议", "工作补助"]
COUNTIES = ["林周县", "当雄县", "尼木县", "曲水县", "墨竹工卡县", "江孜县", "定日县", "乃东区", "色尼区", "巴宜区"]
TITLES = ["农艺师", "高级农艺师", "助理研究员", "畜牧师", "工程师"]


def make_id(serial: int) -> str:
    """Return a distinct valid ID for each serial below 900,000."""
    birth = dt.date(1960, 1, 1) + dt.timedelta(days=serial // 900)
    body = f"540102{birth:%Y%m%d}{serial % 900 + 100:03d}"
    return body + ric.calc_check_digit(body + "0")


def write_roster(path: Path, rows: int) -> None:
    import xlsxwriter  # writes large files much faster than openpyxl

    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("花名册")
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, ["2024年度“三区”科技人才选派人员花名册"])
    sheet.write_row(1, 0, HEADERS)
    for index in range(rows):
        row = index + 2
        team = f"第{index // 6}科技特派团"
        values = [index + 1, f"人员{index}", make_id(index), f"139{index:08d}", "农牧科学院", TITLES[index % 5],
                  "区内专业技术人员", f"选派单位{index % 40}", team, "团长" if index % 6 == 0 else "成员",
                  "受援单位", COUNTIES[index % 10], "二类区"]
        sheet.write_row(row, 0, values)
        sheet.write_datetime(row, 13, dt.datetime(2024, 3, 1), date_format)
        sheet.write_datetime(row, 14, dt.datetime(2024, 11, 30), date_format)
        sheet.write_row(row, 15, [45, "是", 5400])
    workbook.close()


# Runs a command in a fresh wrapper process, so that the peak memory reported (the wrapper's
# children's maximum resident set) belongs to that one command.
_WRAPPER = ("import resource, subprocess, sys; "
            "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def timed(command: list[str]) -> tuple[float, int]:
    """Run a command; return (wall seconds including the wrapper's small start-up, peak memory in MB)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _WRAPPER, *command], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    return seconds, int(done.stdout.strip() or 0) // 1024


def median_run(command: list[str], runs: int = 3) -> tuple[float, int]:
    results = [timed(command) for _ in range(runs)]
    return statistics.median(seconds for seconds, _ in results), max(memory for _, memory in results)


BARE_READ = ("import sys, python_calamine as c; "
             "w = c.CalamineWorkbook.from_path(sys.argv[1]); "
             "rows = w.get_sheet_by_index(0).to_python(); print(len(rows))")

BARE_TYPER = ("import typer\napp = typer.Typer()\n@app.command()\ndef main(x: str = '') -> None:\n    pass\n"
              "@app.command()\ndef other() -> None:\n    pass\napp()\n")


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [10_000, 100_000]
    python = sys.executable
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as folder:
        for rows in sizes:
            path = Path(folder) / f"roster-{rows}.xlsx"
            write_roster(path, rows)
            bare, bare_memory = median_run([python, "-c", BARE_READ, str(path)])
            full, full_memory = median_run([python, "-m", "sanqu_cli", "validate", str(path), "--format", "json"])
            print(f"{rows:>7} rows: validate {full:6.2f} s ({full_memory} MB peak), bare calamine read {bare:5.2f} s "
                  f"({bare_memory} MB), ratio {full / bare:4.1f}x")

        typer_app = Path(folder) / "bare_typer.py"
        typer_app.write_text(BARE_TYPER, encoding="utf-8")
        bare_help, _ = median_run([python, str(typer_app), "--help"], runs=5)
        sanqu_help, _ = median_run([python, "-m", "sanqu_cli", "--help"], runs=5)
        print(f"--help: sanqu {sanqu_help:.3f} s, bare Typer app {bare_help:.3f} s, ratio {sanqu_help / bare_help:.2f}x")


if __name__ == "__main__":
    main()
