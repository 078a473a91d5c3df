"""The JSON report of `sanqu validate --format json` (one document on stdout)."""

from __future__ import annotations

import json
from typing import Any

from sanqu_cli import __version__
from sanqu_cli.findings import Finding, Report
from sanqu_cli.pii import Masker
from sanqu_cli.rules import RuleSet


def finding_dict(finding: Finding, masker: Masker) -> dict[str, Any]:
    """Return a finding as a JSON object with identifiers masked unless --show-pii."""
    data = finding.model_dump(mode="json")
    data["message"] = masker.text(finding.message)
    data["value"] = masker.value(finding.value, finding.personal)
    data["related"] = [masker.text(item) for item in finding.related]
    return data


def report_dict(report: Report, rules: RuleSet, masker: Masker) -> dict[str, Any]:
    files = []
    for file in report.files:
        files.append({
            "path": file.path,
            "kind": file.kind,
            "sheet": file.sheet,
            "header_row": file.header_row,
            "records": file.records,
            "year": file.year,
            "year_source": file.year_source,
            "readable": file.readable,
            "skipped_checks": file.skipped_checks,
            "notes": [masker.text(note) for note in file.notes],
            "findings": [finding_dict(finding, masker) for finding in file.findings],
        })
    return {
        "tool": "sanqu",
        "version": __version__,
        "rule_set": rules.id,
        "files": files,
        "summary": report.summary(),
    }


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)
