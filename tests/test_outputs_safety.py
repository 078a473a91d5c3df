"""Outputs never carry a live formula from an input, never replace a file without --force, and inputs stay byte-identical."""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from bad_inputs import CASES
from command_table import all_calls
from sanqu_cli.errors import CannotRun
from sanqu_cli.outputs import atomic_output, inert_text
from sanqu_cli.render.xlsx import set_value

ROOT = Path(__file__).resolve().parents[1]
DANGEROUS = ["=1+1", "+86 139", "-2+3", "@SUM(A1)", "\t=cmd", "=HYPERLINK(\"http://x\")"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_inert_text_prefixes_formula_text(text):
    assert inert_text(text) == "'" + text


@pytest.mark.parametrize("value", [-3, 0, 2.5, "林周县", "2024-03-01", None])
def test_inert_text_keeps_plain_values(value):
    assert inert_text(value) == value


def test_inert_text_in_csv_output():
    buffer = io.StringIO()
    csv.writer(buffer).writerow([inert_text(value) for value in ["=1+1", -3, "次仁"]])

    assert buffer.getvalue().strip() == "'=1+1,-3,次仁"


def test_set_value_writes_text_not_formula(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    for row, text in enumerate(DANGEROUS, start=1):
        set_value(sheet.cell(row=row, column=1), text)
    set_value(sheet.cell(row=1, column=2), -3)
    path = tmp_path / "out.xlsx"
    workbook.save(path)

    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml")
    reread = load_workbook(path).active

    assert b"<f>" not in sheet_xml
    for row, text in enumerate(DANGEROUS, start=1):
        assert reread.cell(row=row, column=1).value == text
        assert reread.cell(row=row, column=1).data_type == "s"
    assert reread.cell(row=1, column=2).value == -3
    assert reread.cell(row=1, column=2).data_type == "n"


def test_atomic_output_keeps_existing_file(tmp_path):
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"earlier")

    with pytest.raises(CannotRun) as raised:
        with atomic_output(target):
            pass

    assert "--force" in str(raised.value)
    assert target.read_bytes() == b"earlier"


def test_atomic_output_force_replaces(tmp_path):
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"earlier")

    with atomic_output(target, force=True) as temp:
        temp.write_bytes(b"new")

    assert target.read_bytes() == b"new"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["report.xlsx"]


def test_atomic_output_failure_leaves_nothing(tmp_path):
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"earlier")

    with pytest.raises(RuntimeError):
        with atomic_output(target, force=True) as temp:
            assert temp.parent == target.parent
            temp.write_bytes(b"half")
            raise RuntimeError("disk full")

    assert target.read_bytes() == b"earlier"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["report.xlsx"]


def _hashes(paths: list[Path]) -> dict[Path, str]:
    return {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in paths if path.is_file()}


def test_inputs_unchanged_by_every_command(cli, tmp_path):
    inputs = sorted(path for path in (ROOT / "examples").rglob("*") if path.is_file())
    before = _hashes(inputs)

    for example in sorted((ROOT / "examples").glob("*.xlsx")):
        for number, (_, arguments) in enumerate(all_calls(example, tmp_path)):
            out = tmp_path / f"{example.stem}-{number}"
            cli(*[part.replace(str(tmp_path), str(out)) for part in arguments])

    assert _hashes(inputs) == before


def test_bad_inputs_unchanged_by_validate(cli, tmp_path):
    files = []
    for case in CASES:
        folder = tmp_path / case.name
        folder.mkdir()
        files.append(case.build(folder))
    before = _hashes(files)

    result = cli("validate", *files)

    assert result.exit_code == 2
    assert _hashes(files) == before
