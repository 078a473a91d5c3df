"""docs/rules.md is what `sanqu rules --format markdown` prints, and every command and option has Chinese help."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from sanqu_cli.cli.app import app

ROOT = Path(__file__).resolve().parents[1]


def _has_chinese(text: str | None) -> bool:
    return bool(text) and any("\u4e00" <= char <= "\u9fff" for char in text)


def _click_commands():
    """Return the root group and every command by path, subcommands of groups included."""
    group = typer.main.get_command(app)
    commands = {}
    for name, command in group.commands.items():
        commands[name] = command
        for sub_name, sub_command in getattr(command, "commands", {}).items():
            commands[f"{name} {sub_name}"] = sub_command
    return group, commands


def test_committed_rules_page_is_current(cli):
    result = cli("rules", "--format", "markdown")
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")

    assert result.exit_code == 0
    assert committed == result.stdout, "docs/rules.md is stale: run sanqu rules --format markdown > docs/rules.md"


def test_rules_page_lists_every_code(cli):
    page = cli("rules", "--format", "markdown").stdout
    codes = [entry["code"] for entry in cli("rules", "--format", "json").json()["codes"]]

    for code in codes:
        assert f"| {code} |" in page
    for code_name in ("files", "people", "teams", "appraisal", "results", "funds"):
        assert f"（`{code_name}`）" in page


def test_rules_page_follows_rule_set(cli, tmp_path):
    from sanqu_cli.rules.model import RULES_DIR

    text = (RULES_DIR / "zangkefa-2022-93.toml").read_text(encoding="utf-8").replace("min_days = 30", "min_days = 45")
    rules = tmp_path / "changed.toml"
    rules.write_text(text, encoding="utf-8")

    page = cli("rules", "--format", "markdown", "--rules", rules).stdout

    assert "不少于 45 天" in page


def test_every_registered_command_is_reachable():
    group, commands = _click_commands()
    registered = {info.name for info in app.registered_commands} | {info.name for info in app.registered_groups}

    assert registered == {name for name in commands if " " not in name}
    assert {"validate", "inspect", "rules", "demo"} <= registered


def test_every_command_has_chinese_help():
    _, commands = _click_commands()

    missing = [name for name, command in commands.items() if not _has_chinese(command.help)]
    assert missing == []


def test_every_option_has_chinese_help():
    group, commands = _click_commands()

    missing = []
    for name, command in {"(sanqu)": group, **commands}.items():
        for parameter in command.params:
            if not _has_chinese(getattr(parameter, "help", None)):
                missing.append(f"{name} {'/'.join(parameter.opts)}")
    assert missing == []


@pytest.mark.parametrize("command", sorted(info.name for info in app.registered_commands))
def test_help_screen_is_chinese(cli, command):
    result = cli(command, "--help")

    assert result.exit_code == 0
    assert "用法" in result.stdout
    assert "显示本帮助并退出" in result.stdout
