"""Shared fixtures: the CLI in-process (CliRunner) and as a subprocess, and the example files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sanqu_cli.cli.app import app  # imported first so that the Chinese help is in place
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"


class CliResult:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr

    def json(self):
        return json.loads(self.stdout)


@pytest.fixture
def cli():
    """Run `sanqu ARGS…` in-process and return exit code, stdout and stderr."""
    runner = CliRunner()

    def run(*args: str) -> CliResult:
        result = runner.invoke(app, [str(arg) for arg in args], catch_exceptions=False)
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def sanqu():
    """Run `python -m sanqu_cli ARGS…` as a subprocess, as a clerk or a CI job would."""

    def run(*args: str, cwd: Path | None = None) -> CliResult:
        env = {**os.environ, "COLUMNS": "200", "PYTHONIOENCODING": "utf-8"}
        done = subprocess.run([sys.executable, "-m", "sanqu_cli", *map(str, args)], capture_output=True,
                              text=True, encoding="utf-8", cwd=cwd, env=env, timeout=120)
        return CliResult(done.returncode, done.stdout, done.stderr)

    return run


@pytest.fixture
def examples() -> Path:
    return EXAMPLES
