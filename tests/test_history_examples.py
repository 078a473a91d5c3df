"""The bundled history examples: clean files, two barred people, an honour by three 合格 years, a gap."""

from __future__ import annotations

from sanqu_cli.validate import ValidateOptions, expand_paths, validate_paths


def test_history_examples_are_clean(examples):
    report = validate_paths(expand_paths([str(examples / "history")]), ValidateOptions())

    assert [file.findings for file in report.files] == [[]] * 4
    assert sorted(file.year for file in report.files) == [2022, 2023, 2023, 2024]


def test_example_roster_against_history(examples):
    history = expand_paths([str(examples / "history")])
    report = validate_paths([examples / "roster-2024.xlsx"], ValidateOptions(history=history))
    findings = report.files[0].findings

    bars = {finding.cell: finding.message for finding in findings if finding.code == "P150"}
    assert list(bars) == ["C7", "C8"]
    assert "第三十四条(二)" in bars["C7"]
    assert "第二十八条" in bars["C8"]
    honours = {finding.cell: finding.message for finding in findings if finding.code == "P151"}
    assert "连续 3 年" in honours["C5"]
    notes = {finding.cell: finding.message for finding in findings if finding.code == "P152"}
    assert "2023 年度考核结果中没有此人" in notes["C6"]
    assert notes[None].startswith("2021 年度考核结果未提供")


def test_demo_shows_bars_and_writes_honours(sanqu, tmp_path):
    result = sanqu("demo", "--out", tmp_path)

    assert result.exit_code == 0, result.stderr
    assert "本年度不得选派的人员：2 人" in result.stdout
    assert "获得荣誉证书" in result.stdout
    assert (tmp_path / "荣誉证书名单.xlsx").is_file()
