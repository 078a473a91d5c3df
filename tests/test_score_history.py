"""`sanqu score --history`: earlier years' results checked against this year's roster while scoring."""

from __future__ import annotations


def test_score_history_reports_barred_person(cli, examples, tmp_path):
    result = cli("score", examples / "score-sheets-2024", "--roster", examples / "roster-2024.xlsx",
                 "--history", examples / "history", "--out", tmp_path / "out", "--quiet", "--format", "json")
    data = result.json()

    codes = [(finding["code"], finding["cell"]) for file in data["files"] for finding in file["findings"]
             if file["path"].endswith("roster-2024.xlsx")]
    assert ("P150", "C7") in codes
    assert ("P150", "C8") in codes
    assert any(code == "P151" for code, _ in codes)
    assert result.exit_code == 1


def test_score_history_needs_roster(cli, examples, tmp_path):
    result = cli("score", examples / "score-sheets-2024", "--history", examples / "history",
                 "--out", tmp_path / "out", "--quiet")

    assert result.exit_code == 2
    assert "--roster" in result.stderr
