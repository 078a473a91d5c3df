"""Fuzzing: truncated, bit-flipped and reshuffled copies of the example workbooks never crash a command.

The variants are seeded, so a failure names a variant that can be rebuilt. Most run in-process
through the library and the CLI runner; a few run as a subprocess, as a clerk would run them.
"""

from __future__ import annotations

import io
import json
import random
import zipfile
from pathlib import Path

import pytest

from command_table import workbook_calls
from sanqu_cli.rules import load_rules
from sanqu_cli.validate import ValidateOptions, check_read, read_file

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DATA = Path(__file__).resolve().parent / "data"
SEED = 20240301
VARIANTS_PER_KIND = 50
RULES = load_rules()


def _small_roster(source: Path, people: int = 12) -> bytes:
    """Cut an example roster down to its first rows, so that variants that still open are read quickly."""
    from openpyxl import load_workbook

    workbook = load_workbook(source)
    for sheet in workbook.worksheets:
        if sheet.max_row > people + 4:
            sheet.delete_rows(people + 5, sheet.max_row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(0, len(data))]


def _flip_bits(data: bytes, rng: random.Random) -> bytes:
    flipped = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        position = rng.randrange(len(flipped))
        flipped[position] ^= 1 << rng.randrange(8)
    return bytes(flipped)


def _shuffle_members(data: bytes, rng: random.Random) -> bytes:
    """Reorder zip members and then drop one, swap two members' contents, or corrupt one member's XML with a valid CRC."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = [(item.filename, source.read(item.filename)) for item in source.infolist()]
    rng.shuffle(members)
    action = rng.choice(["reorder", "drop", "damage_xml", "swap_names"])
    if action == "drop":
        members.pop(rng.randrange(len(members)))
    elif action == "damage_xml":
        index = rng.randrange(len(members))
        name, part = members[index]
        cut = rng.randrange(max(1, len(part)))
        members[index] = (name, part[:cut] + bytes(rng.randrange(256) for _ in range(rng.randint(0, 8))) + part[cut + 1:])
    elif action == "swap_names" and len(members) > 1:
        first, second = rng.sample(range(len(members)), 2)
        members[first], members[second] = (members[first][0], members[second][1]), (members[second][0], members[first][1])

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, part in members:
            target.writestr(name, part)
    return buffer.getvalue()


def _text_noise(data: bytes, rng: random.Random) -> bytes:
    """Insert quote marks, delimiters, NUL bytes and broken multi-byte characters into a CSV."""
    pieces = [b'"', b",", b";", b"\t", b"\x00", b"\r", b"\xe4\xb8", b"\xff\xfe", b'""', b"\n"]
    noisy = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        position = rng.randrange(len(noisy) + 1)
        noisy[position:position] = rng.choice(pieces)
    return bytes(noisy)


def _csv_roster(xlsx: bytes) -> bytes:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx)).active
    lines = [",".join("" if value is None else str(value) for value in row) for row in sheet.iter_rows(values_only=True)]
    return "\n".join(lines).encode("utf-8")


def _variants() -> list[tuple[str, str, bytes]]:
    """Return (variant id, file suffix, bytes) for every variant, the same list on every run."""
    rng = random.Random(SEED)
    small = {"roster": _small_roster(EXAMPLES / "roster-2024.xlsx"),
             "errors": _small_roster(EXAMPLES / "roster-2024-errors.xlsx")}
    legacy = (DATA / "roster-legacy.xls").read_bytes()
    csv_bytes = _csv_roster(small["roster"])

    variants = []
    for index in range(VARIANTS_PER_KIND):
        name, source = rng.choice(sorted(small.items()))
        variants.append((f"truncate-{name}-{index}", ".xlsx", _truncate(source, rng)))
        variants.append((f"flip-{name}-{index}", ".xlsx", _flip_bits(source, rng)))
        variants.append((f"shuffle-{name}-{index}", ".xlsx", _shuffle_members(source, rng)))
        variants.append((f"xls-{index}", ".xls", rng.choice([_truncate, _flip_bits])(legacy, rng)))
        variants.append((f"csv-{index}", ".csv", _text_noise(csv_bytes, rng)))
    return variants


VARIANTS = _variants()


def _write(folder: Path, variant: tuple[str, str, bytes]) -> Path:
    name, suffix, data = variant
    path = folder / f"{name}{suffix}"
    path.write_bytes(data)
    return path


def test_fuzz_library_never_raises(tmp_path):
    options = ValidateOptions(rules=RULES)
    unreadable = 0

    for variant in VARIANTS:
        path = _write(tmp_path, variant)
        report = check_read(read_file(path, options), options)
        unreadable += not report.readable

        if not report.readable:
            assert any(finding.code.startswith("F") for finding in report.findings), variant[0]

    # The mutations must reach both outcomes, or the test checks less than it claims.
    assert 0 < unreadable < len(VARIANTS)


def test_fuzz_every_command_in_process(cli, tmp_path):
    # Every second variant through every workbook command keeps this test near 10 s on two cores.
    for variant in VARIANTS[::2]:
        path = _write(tmp_path, variant)
        for name, arguments in workbook_calls(path, tmp_path / "out"):
            result = cli(*arguments)
            output = result.stdout + result.stderr

            assert result.exit_code in (0, 1, 2), f"{variant[0]} {name}: {output[-500:]}"
            assert "Traceback" not in output, variant[0]
            assert "内部错误" not in output, f"{variant[0]} {name}: {output[-500:]}"
            if "json" in arguments:
                json.loads(result.stdout)


# xls-9 makes calamine 0.37 panic in Rust; the panic message must not reach the clerk.
@pytest.mark.parametrize("name", ["xls-9", "truncate-errors-3", "flip-errors-5", "shuffle-roster-7", "csv-11"])
def test_fuzz_as_subprocess(name, sanqu, tmp_path):
    variant = next(variant for variant in VARIANTS if variant[0] == name)
    path = _write(tmp_path, variant)

    result = sanqu("validate", "--format", "json", path)

    assert result.exit_code in (0, 1, 2), name
    assert json.loads(result.stdout)["files"][0]["path"] == str(path)
    assert "Traceback" not in result.stderr, name
    assert "panicked" not in result.stderr, name
    assert "内部错误" not in result.stderr, name
