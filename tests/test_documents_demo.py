"""The demo's documents step, and the Chinese help of the document commands."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from builders import write_rows


@pytest.mark.parametrize("command", ["agreement", "summary", "template"])
def test_document_commands_chinese_help(cli, command: str) -> None:
    result = cli(command, "--help")

    assert result.exit_code == 0
    assert "用法" in result.stdout
    first_line = [line for line in result.stdout.splitlines() if line.strip() and "用法" not in line][0]
    assert any("\u4e00" <= char <= "\u9fff" for char in first_line)


def test_demo_writes_agreements_and_summary(cli, tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = cli("demo", "--out", out)

    assert result.exit_code == 0, result.stderr
    agreements = sorted((out / "三方协议书").glob("*.docx"))
    assert [path.name.split("-")[0] for path in agreements] == ["01", "02", "03"]
    summary = out / "年度工作总结（初稿）.docx"
    assert "本年度共选派“三区”科技人才300人" in "\n".join(p.text for p in docx.Document(summary).paragraphs)
    assert "选派人数 300" in result.stdout


def test_demo_summary_uses_earlier_scores(cli, tmp_path: Path) -> None:
    out = tmp_path / "demo"

    result = cli("demo", "--out", out)

    assert result.exit_code == 0, result.stderr
    assert "--scores" in result.stdout
    from sanqu_cli.rules import load_rules
    from sanqu_cli.schema import KINDS
    from sanqu_cli.schema.read import read_table

    summary = read_table(out / "score" / "考核汇总.xlsx", load_rules(), [KINDS["appraisal_summary"]], forced=True)
    scored = len(summary.records)
    excellent = sum(1 for record in summary.records if record.get("grade") == "excellent")
    text = "\n".join(p.text for p in docx.Document(out / "年度工作总结（初稿）.docx").paragraphs)
    assert f"参加年度绩效考核{scored}人，其中优秀{excellent}人" in text
