"""Findings: one record type for every check, and the per-file and per-run reports made of them."""

from __future__ import annotations

from enum import Enum
from typing import Any, Protocol

from pydantic import BaseModel, Field

from sanqu_cli.rules import RuleSet


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]

    @property
    def label(self) -> str:
        return {"info": "提示", "warning": "警告", "error": "错误"}[self.value]


class Place(Protocol):
    """Anything that records where a value came from (a `Cell` of the workbook reader)."""

    sheet: str
    row: int
    column: str
    header: str
    raw: Any


class Finding(BaseModel):
    """One problem found in one place: the unit every report format is made from."""

    code: str
    severity: Severity
    message: str
    file: str = ""
    sheet: str | None = None
    cell: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    # Other cells the finding rests on (e.g. the roster cell behind an appraisal finding).
    related: list[str] = Field(default_factory=list)
    # The value comes from a 身份证号 or phone cell, so reports mask it whatever its shape.
    personal: bool = Field(default=False, exclude=True)


def raw_text(raw: Any) -> str | None:
    """Render a cell's raw content for a report, keeping what the clerk typed."""
    if raw is None:
        return None
    if isinstance(raw, float) and raw.is_integer() and abs(raw) < 1e15:
        return str(int(raw))
    return str(raw)


def article_suffix(rules: RuleSet, code: str) -> str:
    """Return "（《办法》第十三条）" for a code that has an article, else ""."""
    article = rules.code(code).article
    if not article:
        return ""
    if article.startswith("第"):
        return f"（《办法》{article}）"
    return f"（{article}）"


def make_finding(
    rules: RuleSet,
    code: str,
    message: str,
    *,
    file: str = "",
    at: Place | None = None,
    sheet: str | None = None,
    row: int | None = None,
    column_letter: str | None = None,
    header: str | None = None,
    value: Any = None,
    related: list[str] | None = None,
    severity: Severity | None = None,
    personal: bool = False,
) -> Finding:
    """Build a finding whose severity comes from the rule set unless given.

    `at` places the finding at a cell; otherwise sheet/row/column_letter/header place it.
    """
    if at is not None:
        sheet, row, column_letter, header = at.sheet, at.row, at.column, at.header
        if value is None:
            value = at.raw

    cell = f"{column_letter}{row}" if column_letter and row else None
    return Finding(
        code=code,
        severity=severity or Severity(rules.code(code).severity),
        message=message,
        file=file,
        sheet=sheet,
        cell=cell,
        row=row,
        column=header,
        value=raw_text(value),
        related=related or [],
        personal=personal,
    )


class FileReport(BaseModel):
    """The result of reading and checking one file."""

    path: str
    kind: str | None = None
    sheet: str | None = None
    header_row: int | None = None
    records: int = 0
    year: int | None = None
    year_source: str | None = None
    readable: bool = True
    skipped_checks: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)


class Report(BaseModel):
    """A whole run over one or more files."""

    files: list[FileReport] = Field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [finding for file in self.files for finding in file.findings]

    def summary(self) -> dict[str, int]:
        counts = {severity.value: 0 for severity in Severity}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        unreadable = sum(1 for file in self.files if not file.readable)
        return {"files": len(self.files), "records": sum(f.records for f in self.files), **counts,
                "unreadable": unreadable}

    def exit_code(self, fail_on: Severity) -> int:
        """0 clean, 1 findings at or above `fail_on`, 2 when a file could not be read at all."""
        if any(not file.readable for file in self.files):
            return 2
        if any(finding.severity.rank >= fail_on.rank for finding in self.findings):
            return 1
        return 0
