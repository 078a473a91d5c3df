"""Personal data: no full 身份证号 or mobile number leaves sanqu unless --show-pii is given.

Every registered command runs on the example workbooks with default options, also with -v where
the command has it, and stdout and stderr (where logs go) must hold no full ID or mobile. Files
written for signing (附件1) are the stated exception and are not printed.
"""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from command_table import all_calls, registered_commands
from sanqu_cli.cli.app import app
from sanqu_cli.rules import load_rules
from sanqu_cli.validate import ValidateOptions, read_file

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.xlsx"))
FULL_ID = re.compile(r"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])")
MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


def _options(command: str) -> set[str]:
    click_app = typer.main.get_command(app)
    return {option for param in click_app.commands[command].params for option in getattr(param, "opts", [])}


def _with_verbose(calls: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """Return each call again with -v added, for the commands that accept it."""
    return [(name, [args[0], "-v", *args[1:]]) for name, args in calls if "-v" in _options(args[0])]


def test_examples_contain_personal_data():
    options = ValidateOptions(rules=load_rules())
    # The rosters carry both kinds of identifier; ledgers and logs carry IDs only.
    for path in [path for path in EXAMPLE_FILES if path.name.startswith("roster")]:
        records = read_file(path, options).records

        assert any(FULL_ID.fullmatch(str(record.get("id_number") or "")) for record in records), path.name
        assert any(MOBILE.fullmatch(str(record.get("phone") or "")) for record in records), path.name


def test_no_personal_data_by_default(cli, tmp_path):
    assert registered_commands()
    runs = 0
    for example in EXAMPLE_FILES:
        for number, (name, arguments) in enumerate(_with_verbose(all_calls(example, tmp_path)) + all_calls(example, tmp_path)):
            out = tmp_path / f"{example.stem}-{number}"
            result = cli(*[part.replace(str(tmp_path), str(out)) for part in arguments])
            runs += 1
            text = result.stdout + result.stderr

            assert result.exit_code in (0, 1, 2), f"{arguments}: {text[-300:]}"
            assert FULL_ID.search(text) is None, f"{arguments}: {FULL_ID.search(text).group(0)}"
            assert MOBILE.search(text) is None, f"{arguments}: {MOBILE.search(text).group(0)}"
    assert runs >= len(EXAMPLE_FILES) * len(registered_commands())


def test_masked_forms_shown(cli):
    result = cli("inspect", "--format", "json", EXAMPLES / "roster-2024.xlsx")

    assert re.search(r"[1-9][0-9]{5}\*{8}[0-9]{3}[0-9Xx]", result.stdout)
    assert re.search(r"1[3-9][0-9]\*{4}[0-9]{4}", result.stdout)


def test_show_pii_turns_masking_off(cli):
    result = cli("inspect", "--format", "json", "--show-pii", EXAMPLES / "roster-2024.xlsx")

    assert FULL_ID.search(result.stdout)
    assert MOBILE.search(result.stdout)


def test_no_personal_data_in_subprocess_logs(sanqu):
    result = sanqu("validate", "-vv", "--format", "json", EXAMPLES / "roster-2024-errors.xlsx")

    assert result.exit_code == 1
    assert FULL_ID.search(result.stdout + result.stderr) is None
    assert MOBILE.search(result.stdout + result.stderr) is None
