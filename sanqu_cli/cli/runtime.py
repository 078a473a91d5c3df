"""Run-time services shared by every command: consoles, logging, the rule set and the error guard.

Results go to stdout; progress, logs and errors go to stderr, so `--format json > out.json`
stays clean. A failure that is not a finding ends in a Chinese message and exit code 2;
the Python traceback is shown only with `--debug`.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from sanqu_cli.errors import CannotRun
from sanqu_cli.pii import Masker, scrub

if TYPE_CHECKING:
    from sanqu_cli.rules import RuleSet

EXIT_CANNOT_RUN = 2
T = TypeVar("T")


def _console(stream) -> Console:
    # Outside a terminal (CI logs, pipes) rich wraps at 80 columns and cuts Chinese messages
    # into unreadable pieces. A wide fixed width keeps each finding on one line.
    is_terminal = stream.isatty()
    width = None if is_terminal else int(os.environ.get("COLUMNS", "160"))
    return Console(file=stream, width=width, highlight=False, soft_wrap=False)


def stdout() -> Console:
    return _console(sys.stdout)


def stderr() -> Console:
    return _console(sys.stderr)


class _ScrubFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = ()
        return True


class _ChineseFormatter(logging.Formatter):
    _LEVELS = {"DEBUG": "调试", "INFO": "信息", "WARNING": "警告", "ERROR": "错误", "CRITICAL": "严重"}

    def format(self, record: logging.LogRecord) -> str:
        return f"[{self._LEVELS.get(record.levelname, record.levelname)}] {record.getMessage()}"


def setup_logging(verbose: int, show_pii: bool) -> None:
    level = logging.WARNING
    if verbose == 1:
        level = logging.INFO
    elif verbose > 1:
        level = logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_ChineseFormatter())
    if not show_pii:
        handler.addFilter(_ScrubFilter())
    root = logging.getLogger("sanqu_cli")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


@dataclass
class Session:
    """The settings every command reads: rule set, masking, verbosity."""

    rules: RuleSet
    masker: Masker
    debug: bool
    out: Console
    err: Console


def start(rules_path: Path | None, show_pii: bool, verbose: int, debug: bool) -> Session:
    """Set up logging and load the rule set; a bad rule set file ends the run with exit 2."""
    # The rule set pulls in pydantic; importing it here keeps `sanqu --help` fast.
    from sanqu_cli.rules import RuleSetError, load_rules

    setup_logging(verbose, show_pii)
    err = stderr()
    try:
        rules = load_rules(rules_path)
    except RuleSetError as error:
        err.print(f"[red]错误：[/]{escape(str(error))}")
        raise typer.Exit(EXIT_CANNOT_RUN) from None
    return Session(rules=rules, masker=Masker(show_pii), debug=debug, out=stdout(), err=err)


@contextmanager
def guard(debug: bool) -> Iterator[None]:
    """Turn any failure into a Chinese message and exit code 2 (a traceback only with --debug)."""
    try:
        yield
    except typer.Exit:
        raise
    except CannotRun as error:
        stderr().print(f"[red]错误：[/]{escape(scrub(str(error)))}")
        raise typer.Exit(EXIT_CANNOT_RUN) from None
    except KeyboardInterrupt:
        stderr().print("已中断。")
        raise typer.Exit(130) from None
    except BaseException as error:  # noqa: BLE001 - the last line of defence before the user
        # A Rust panic inside a compiled reader arrives as pyo3's PanicException, a BaseException.
        if debug or not (isinstance(error, Exception) or type(error).__name__ == "PanicException"):
            raise
        stderr().print(
            f"[red]内部错误：[/]{type(error).__name__}: {escape(scrub(str(error)))}\n"
            "这是 sanqu 的缺陷，不是您文件的问题。请加 --debug 重新运行，并把输出发给维护人员。"
        )
        raise typer.Exit(EXIT_CANNOT_RUN) from None


def run(debug: bool, func: Callable[[], T]) -> T:
    with guard(debug):
        return func()


def print_read_findings(session: Session, findings: list, source: Path | None = None) -> int:
    """Print reading findings to stderr, one line each with file and cell; return 1 if any is an error.

    With `source`, a closing line points the clerk to `sanqu validate` on that file.

    Commands that build documents from a table (agreements, the summary, honours) still write
    them, but the clerk must see what could not be read and CI must see exit code 1.
    """
    for finding in findings:
        place = finding.file
        if finding.sheet:
            place += f" {finding.sheet}!{finding.cell or ''}".rstrip("!")
        session.err.print(f"{finding.code} {escape(place)}：{escape(session.masker.text(finding.message) or '')}")
    if findings and source is not None:
        session.err.print(f"注意：{escape(source.name)} 有 {len(findings)} 处无法读取的内容，相关栏目留空。"
                          f"请运行 sanqu validate {escape(str(source))} 查看。")
    return 1 if any(finding.severity == "error" for finding in findings) else 0
