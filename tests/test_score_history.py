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


def test_score_sheet_invalid_id_reported(cli, tmp_path):
    from builders import make_id
    from score_builders import write_form

    folder = tmp_path / "sheets"
    folder.mkdir()
    write_form(folder / "a.xlsx", 1, id_number=make_id(1)[:17])
    write_form(folder / "b.xlsx", 2)

    result = cli("validate", folder, "--format", "json")
    codes = [finding["code"] for file in result.json()["files"] for finding in file["findings"]]

    assert "P101" in codes
    assert result.exit_code == 1
