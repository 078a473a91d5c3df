"""Read one input workbook as a given table kind for the commands that build documents from it.

Unlike `validate`, these commands need the data itself. A file that cannot be read at all stops
the run with a Chinese message (CannotRun). Findings inside a readable table stay on the result,
so that the command can count them and suggest `sanqu validate`.
"""

from __future__ import annotations

from pathlib import Path

from sanqu_cli.errors import CannotRun
from sanqu_cli.rules import RuleSet
from sanqu_cli.schema import KINDS
from sanqu_cli.schema.read import read_table
from sanqu_cli.schema.records import TableRead


def load_table(path: Path, rules: RuleSet, kind: str, *, label: str, year: int | None = None) -> TableRead:
    """Read `path` as `kind`, raising CannotRun with the file and the reason when nothing can be read."""
    if not path.is_file():
        raise CannotRun(f"找不到{label}文件 {path}。请检查路径。")
    read = read_table(path, rules, [KINDS[kind]], forced=True, year=year)
    if not read.readable or read.spec is None:
        reasons = "；".join(finding.message for finding in read.findings) or "没有找到表格"
        raise CannotRun(f"无法读取{label} {path}：{reasons}")
    if not read.records:
        raise CannotRun(f"{label} {path} 的工作表“{read.sheet}”中没有数据行。")
    return read

