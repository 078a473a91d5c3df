"""The bundled examples: the clean roster stays clean, every planted mistake is found at its cell."""

from __future__ import annotations

import json
from pathlib import Path

from sanqu_cli.validate import ValidateOptions, validate_paths

DATA = Path(__file__).parent / "data"


def test_clean_example_roster(examples):
    report = validate_paths([examples / "roster-2024.xlsx"], ValidateOptions())
    file = report.files[0]

    assert file.findings == []
    assert file.records == 300
    assert file.year == 2024


def test_error_example_finds_each_planted_mistake(examples):
    expected = json.loads((DATA / "roster-2024-errors.expected.json").read_text(encoding="utf-8"))
    report = validate_paths([examples / "roster-2024-errors.xlsx"], ValidateOptions())

    found = sorted((finding.code, finding.cell) for finding in report.files[0].findings)
    assert found == sorted((item["code"], item["cell"]) for item in expected)
    assert len(expected) >= 20


def test_error_example_messages_are_chinese(examples):
    report = validate_paths([examples / "roster-2024-errors.xlsx"], ValidateOptions())

    for finding in report.files[0].findings:
        assert any("\u4e00" <= char <= "\u9fff" for char in finding.message), finding.code
        assert finding.sheet == "花名册"
