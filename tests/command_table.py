"""How the robustness tests call each sanqu command.

The corpus, fuzz, personal-data and input-safety tests run every command registered on the
Typer app. A command that reads workbooks needs a row in WORKBOOK_COMMANDS, which gives how to
call it on one input file with a folder for any outputs. A command that reads none is listed in
OTHER_COMMANDS. `test_every_command_has_a_row` fails for a command with neither.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sanqu_cli.cli.app import app

# Each entry: command name → argument lists built from (input file, output folder).
WORKBOOK_COMMANDS: dict[str, list[Callable[[Path, Path], list[str]]]] = {
    "validate": [
        lambda file, out: ["validate", str(file)],
        lambda file, out: ["validate", "--format", "json", str(file)],
    ],
    "inspect": [
        lambda file, out: ["inspect", str(file)],
        lambda file, out: ["inspect", "--format", "json", str(file)],
    ],
    "score": [lambda file, out: ["score", str(file), "--out", str(out / "score"), "--force", "--quiet"]],
    "funds": [lambda file, out: ["funds", str(file), "--out", str(out / "funds"), "--force"]],
    "results": [
        lambda file, out: ["results", "dispatch", "--roster", str(file), "--service-log", str(file), "--out",
                           str(out / "results"), "--force"],
        lambda file, out: ["results", "training", "--training", str(file), "--out", str(out / "results"), "--force"],
        lambda file, out: ["results", "merge", str(file), "--out", str(out / "merged.xlsx"), "--force"],
    ],
    "agreement": [lambda file, out: ["agreement", str(file), "--out", str(out / "agreements"), "--force"]],
    "summary": [lambda file, out: ["summary", "--roster", str(file), "--out", str(out / "summary.docx"), "--force"]],
    "honours": [lambda file, out: ["honours", "--roster", str(file), "--history", str(file), "--out", str(out / "honours"),
                                   "--force"]],
}

# Commands that describe a readable file and exit 0 even when they list a finding on it.
SHOWS_FINDINGS_WITH_EXIT_0 = {"inspect"}

# Commands that read no input workbook: argument lists built from an output folder.
OTHER_COMMANDS: dict[str, list[Callable[[Path], list[str]]]] = {
    "rules": [lambda out: ["rules"], lambda out: ["rules", "--format", "json"]],
    "demo": [lambda out: ["demo", "--out", str(out / "demo")]],
    "template": [lambda out: ["template", "roster", "--out", str(out / "template.xlsx"), "--force"]],
}


def registered_commands() -> list[str]:
    """Return the names of the commands and command groups on the sanqu app."""
    names = [info.name or info.callback.__name__ for info in app.registered_commands]
    names += [info.name for info in app.registered_groups if info.name]
    return names


def workbook_calls(file: Path, out: Path) -> list[tuple[str, list[str]]]:
    """Return (command, arguments) for every way of running a workbook-reading command on `file`."""
    return [(name, build(file, out)) for name, builds in WORKBOOK_COMMANDS.items() for build in builds]


def all_calls(file: Path, out: Path) -> list[tuple[str, list[str]]]:
    """Return every workbook call on `file` plus every call of the other commands."""
    others = [(name, build(out)) for name, builds in OTHER_COMMANDS.items() for build in builds]
    return workbook_calls(file, out) + others
