"""The CI examples and the pre-commit hook: the sanqu commands they run work on the example workbooks."""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
GITLAB = ROOT / "examples" / "ci" / ".gitlab-ci.yml"
GITHUB = ROOT / "examples" / "ci" / ".github" / "workflows" / "sanqu-validate.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"


def _gitlab_job() -> dict:
    return yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["sanqu-validate"]


def _github_steps() -> list[dict]:
    return yaml.safe_load(GITHUB.read_text(encoding="utf-8"))["jobs"]["validate"]["steps"]


def _sanqu_commands(lines: list[str]) -> list[list[str]]:
    return [shlex.split(line) for line in lines if line.strip().startswith("sanqu ")]


def _ci_commands() -> dict[str, list[list[str]]]:
    return {
        "gitlab": _sanqu_commands(_gitlab_job()["script"]),
        "github": _sanqu_commands([step["run"] for step in _github_steps() if "run" in step]),
    }


def _run_sanqu(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """Run `sanqu ARGS` as the CI job would, through `python -m sanqu_cli` from this checkout."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "sanqu_cli", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=300)


@pytest.fixture
def office_repo(tmp_path, examples) -> Path:
    """A regional office's repository: two units' rosters under submissions/."""
    folder = tmp_path / "submissions" / "农牧科学院"
    folder.mkdir(parents=True)
    shutil.copy(examples / "roster-2024.xlsx", folder / "花名册.xlsx")
    other = tmp_path / "submissions" / "农牧学院"
    other.mkdir()
    shutil.copy(examples / "roster-2024-errors.xlsx", other / "花名册.xlsx")
    return tmp_path


def test_ci_examples_run_same_command():
    commands = _ci_commands()

    assert len(commands["gitlab"]) == 1
    assert commands["gitlab"] == commands["github"]
    assert commands["gitlab"][0][:3] == ["sanqu", "validate", "submissions/"]


def test_ci_examples_publish_the_junit_file():
    command = _ci_commands()["gitlab"][0]
    junit_file = command[command.index("--output") + 1]
    publish = next(step for step in _github_steps() if "action-junit-report" in step.get("uses", ""))

    assert _gitlab_job()["artifacts"]["reports"]["junit"] == junit_file
    assert _gitlab_job()["artifacts"]["when"] == "always"
    assert publish["with"]["report_paths"] == junit_file
    assert publish["if"] == "always()"


@pytest.mark.parametrize("system", ["gitlab", "github"])
def test_ci_command_on_examples(office_repo, system):
    command = _ci_commands()[system][0]
    schema = etree.XMLSchema(etree.parse(str(DATA / "junit.xsd")))

    done = _run_sanqu(command[1:], office_repo)
    junit = office_repo / command[command.index("--output") + 1]
    annotated = office_repo / command[command.index("--annotate") + 1]

    assert done.returncode == 1, done.stderr
    assert "P102" in done.stdout
    assert schema.validate(etree.parse(str(junit))), schema.error_log
    assert [path.name for path in annotated.iterdir()] == ["花名册-校验标注.xlsx"]


def test_hook_definition():
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    hook = next(hook for hook in hooks if hook["id"] == "sanqu-validate")
    pattern = re.compile(hook["files"])

    assert hook["entry"] == "sanqu validate"
    assert hook["language"] == "python"
    for name in ("花名册.xlsx", "a/b.XLSX", "old.xls", "macro.xlsm", "export.csv"):
        assert pattern.search(name), name
    for name in ("协议.docx", "notes.txt", "xlsx.md"):
        assert not pattern.search(name), name


def test_hook_entry_on_example(examples):
    hook = next(hook for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8")) if hook["id"] == "sanqu-validate")

    done = _run_sanqu([*shlex.split(hook["entry"])[1:], str(examples / "roster-2024-errors.xlsx")], ROOT)

    assert done.returncode == 1
    assert "P102" in done.stdout


@pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed")
@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="pre-commit try-repo needs a git checkout")
def test_pre_commit_try_repo_fails_with_findings(tmp_path):
    # pre-commit builds a virtualenv from this checkout and pip-installs sanqu's dependencies into it,
    # so this needs the package index (or a warm pip cache); it takes about 30 s.
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "sanqu-validate",
                           "--files", "examples/roster-2024-errors.xlsx"], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=900)

    assert done.returncode == 1, done.stdout + done.stderr
    assert "Failed" in done.stdout
    assert "P102" in done.stdout
    assert "花名册" in done.stdout
