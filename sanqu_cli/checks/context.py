"""The context of every check: the rule set, the file being checked, and the findings so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sanqu_cli.findings import Finding, article_suffix, make_finding
from sanqu_cli.pii import PERSONAL_FIELDS
from sanqu_cli.rules import RuleSet
from sanqu_cli.schema.records import Record


@dataclass
class CheckContext:
    rules: RuleSet
    file: str
    year: int | None = None
    plan: bool = False
    findings: list[Finding] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    # Detail files named on the command line for cross-checks, by input kind ("roster",
    # "service_log", "training"). A check that needs a missing one records a skip.
    details: dict[str, Path] = field(default_factory=dict)

    def add(self, code: str, message: str, record: Record | None = None, name: str | None = None,
            value: Any = None, related: list[str] | None = None, **place: Any) -> None:
        """Add a finding at a record's field (or at an explicit place); the article is appended to the message."""
        message = message + article_suffix(self.rules, code)
        at = record.cell(name) if record is not None and name else None
        if at is None and record is not None:
            place.setdefault("sheet", record.sheet)
            place.setdefault("row", record.row)
        self.findings.append(make_finding(self.rules, code, message, file=self.file, at=at, value=value,
                                          related=related, personal=name in PERSONAL_FIELDS, **place))

    def skip(self, codes: str, reason: str) -> None:
        self.skipped.append(f"{codes}：{reason}")
