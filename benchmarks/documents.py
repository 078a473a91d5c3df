"""Time `sanqu agreement` (per person and combined) and `sanqu summary` on the example roster.

Run from the repository root: python benchmarks/documents.py
Prints seconds per run and per person; the figures depend on the machine and its disk.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sanqu_cli.compute.annual_summary import collect_figures  # noqa: E402
from sanqu_cli.inputs import load_table  # noqa: E402
from sanqu_cli.render.agreement import AgreementTemplate, write_agreements  # noqa: E402
from sanqu_cli.render.summary_docx import write_summary  # noqa: E402
from sanqu_cli.rules import load_rules  # noqa: E402

ROSTER = ROOT / "examples" / "roster-2024.xlsx"


def main() -> None:
    rules = load_rules()
    read = load_table(ROSTER, rules, "roster", label="花名册")
    template = AgreementTemplate(ROOT / "templates" / "附件1-三方协议书.docx")
    people = len(read.records)

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        start = time.perf_counter()
        write_agreements(read.records, read.year, template, out / "each")
        each = time.perf_counter() - start
        print(f"agreement, one file per person: {people} people in {each:.1f} s ({each / people * 1000:.0f} ms each)")

        start = time.perf_counter()
        write_agreements(read.records, read.year, template, out / "combined", combined=True)
        print(f"agreement --combined: {people} people in {time.perf_counter() - start:.1f} s")

        start = time.perf_counter()
        write_summary(collect_figures(rules, ROSTER), out / "summary.docx")
        print(f"summary: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
