"""Time `sanqu score` on 1,000 single-sheet 附件2 files against a bare python-calamine read of them.

    /tmp/venv/bin/python benchmarks/score_bench.py [--people 1000]

The files are filled copies of the shipped template (10 units of 100 people, points varied
so that quotas and ties occur). Both figures are whole-process wall-clock times of a fresh
Python process, best of three runs; the goal is at most 1.5 s for `sanqu score`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sanqu_cli.render.form_writer import FormWriter  # noqa: E402
from sanqu_cli.render.score_form import locate_fields  # noqa: E402
from sanqu_cli.resources import templates_dir  # noqa: E402
from sanqu_cli.rules import load_rules  # noqa: E402
from sanqu_cli.workbook.grid import open_book  # noqa: E402

CALAMINE_READ = """
import sys
from pathlib import Path
import python_calamine
for path in sorted(Path(sys.argv[1]).rglob("*.xlsx")):
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    book.get_sheet_by_index(0).to_python()
"""


def build(folder: Path, people: int) -> None:
    rules = load_rules()
    template = templates_dir() / "附件2-绩效考核评分表.xlsx"
    positions = locate_fields(open_book(template).sheets[0], rules)
    writer = FormWriter(template, list(positions.fields.values()) + list(positions.points.values()))
    for serial in range(people):
        values = {positions.fields["name"]: f"测试{serial}", positions.fields["dispatching_unit"]: f"单位{serial % 10}",
                  positions.fields["year"]: 2024}
        for indicator in rules.appraisal.indicators:
            points = indicator.max_points
            if indicator.number == 10:
                points -= serial % 7  # totals 94..100, so every unit has ties at its boundary
            values[positions.points[indicator.number]] = points
        writer.write(folder / f"{serial:04d}.xlsx", values)


def best_of(command: list[str], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=False, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as temp:
        sheets = Path(temp) / "sheets"
        sheets.mkdir()
        build(sheets, args.people)
        out = Path(temp) / "out"
        score = [sys.executable, "-m", "sanqu_cli", "score", str(sheets), "--out", str(out), "--force", "--quiet"]
        bare = [sys.executable, "-c", CALAMINE_READ, str(sheets)]
        startup = [sys.executable, "-m", "sanqu_cli", "--help"]

        print(f"{args.people} single-sheet score files, best of 3 runs, whole process")
        print(f"  python-calamine read only : {best_of(bare):6.2f} s")
        print(f"  sanqu --help (start-up)   : {best_of(startup):6.2f} s")
        print(f"  sanqu score               : {best_of(score):6.2f} s  (goal ≤ 1.5 s)")


if __name__ == "__main__":
    main()
