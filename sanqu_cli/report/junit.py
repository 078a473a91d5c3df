"""The JUnit XML report of `sanqu validate --format junit`, for the test views of GitLab, GitHub and Jenkins.

Layout: one <testsuite> per file, named after the file. Inside it, one <testcase> "文件" for
the findings that belong to the file as a whole (an unreadable file is an <error> there), and
one <testcase> per sheet row that has findings ("花名册 第5行"). Findings at or above
`--fail-on` make the test case fail. Findings below it leave the test case passing and
are listed in its <system-out>, so the test view agrees with the exit code.
"""

from __future__ import annotations

import datetime as dt
import re
import socket
from collections.abc import Iterable
from itertools import groupby
from xml.etree import ElementTree as ET

from sanqu_cli.findings import FileReport, Finding, Report, Severity
from sanqu_cli.pii import Masker
from sanqu_cli.rules import RuleSet

FILE_CASE = "文件"
# Control characters that XML 1.0 forbids even when escaped; a cell can hold them (pasted text).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def finding_line(finding: Finding, masker: Masker) -> str:
    """Return one finding as a line of text: code, severity, 工作表!单元格, column, value and message."""
    parts = [finding.code, finding.severity.label, place_text(finding)]
    if finding.column:
        parts.append(f"列：{finding.column}")
    if finding.value is not None:
        parts.append(f"值：{masker.text(finding.value)}")
    parts.append(masker.text(finding.message) or "")
    return "  ".join(part for part in parts if part)


def place_text(finding: Finding) -> str:
    """Return where a finding is, as a clerk would search for it: 花名册!C5, 花名册!第3行 or 整个文件."""
    if finding.sheet and finding.cell:
        return f"{finding.sheet}!{finding.cell}"
    if finding.sheet and finding.row:
        return f"{finding.sheet}!第{finding.row}行"
    if finding.sheet:
        return f"工作表“{finding.sheet}”"
    return "整个文件"


def _case_name(finding: Finding) -> str:
    if finding.row is None:
        return FILE_CASE
    return f"{finding.sheet or ''} 第{finding.row}行".strip()


def _add_testcase(suite: ET.Element, classname: str, name: str, findings: list[Finding], fail_on: Severity,
                  masker: Masker, unreadable: bool) -> tuple[int, int]:
    """Add one test case; return (failures, errors) it counts for."""
    case = ET.SubElement(suite, "testcase", name=name, classname=classname, time="0")
    failing = [finding for finding in findings if finding.severity.rank >= fail_on.rank]
    passing = [finding for finding in findings if finding.severity.rank < fail_on.rank]

    failures = errors = 0
    if failing:
        first = failing[0]
        summary = f"{first.code} {place_text(first)}：{masker.text(first.message)}"
        if len(failing) > 1:
            summary += f"（共 {len(failing)} 项）"
        tag = "error" if unreadable else "failure"
        element = ET.SubElement(case, tag, message=summary, type=",".join(dict.fromkeys(f.code for f in failing)))
        element.text = "\n".join(finding_line(finding, masker) for finding in failing)
        errors, failures = (1, 0) if unreadable else (0, 1)
    if passing:
        ET.SubElement(case, "system-out").text = "\n".join(finding_line(finding, masker) for finding in passing)
    return failures, errors


def _add_properties(suite: ET.Element, file: FileReport, rules: RuleSet) -> None:
    properties = ET.SubElement(suite, "properties")
    values = {"rule_set": rules.id, "kind": file.kind, "sheet": file.sheet, "header_row": file.header_row,
              "records": file.records, "year": file.year, "readable": str(file.readable).lower()}
    for name, value in values.items():
        if value is not None:
            ET.SubElement(properties, "property", name=name, value=str(value))


def _by_case(findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    """Group findings by test case, the file-level case first, then rows in sheet order."""
    ordered = sorted(findings, key=lambda f: (f.row is not None, f.sheet or "", f.row or 0, f.cell or ""))
    return [(name, list(group)) for name, group in groupby(ordered, key=_case_name)]


def _add_suite(root: ET.Element, file: FileReport, rules: RuleSet, fail_on: Severity, masker: Masker,
               timestamp: str, hostname: str) -> tuple[int, int, int]:
    suite = ET.SubElement(root, "testsuite", name=file.path, timestamp=timestamp, hostname=hostname, time="0")
    _add_properties(suite, file, rules)

    groups = _by_case(file.findings)
    if not groups or groups[0][0] != FILE_CASE:
        groups.insert(0, (FILE_CASE, []))

    tests = failures = errors = 0
    for name, findings in groups:
        unreadable = name == FILE_CASE and not file.readable
        case_failures, case_errors = _add_testcase(suite, file.path, name, findings, fail_on, masker, unreadable)
        tests += 1
        failures += case_failures
        errors += case_errors

    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", "0")
    return tests, failures, errors


def junit_xml(report: Report, rules: RuleSet, masker: Masker, fail_on: Severity = Severity.error) -> str:
    """Render a report as a JUnit XML document (UTF-8, with an XML declaration)."""
    root = ET.Element("testsuites", name="sanqu validate")
    timestamp = dt.datetime.now().replace(microsecond=0).isoformat()
    hostname = socket.gethostname() or "localhost"

    totals = [0, 0, 0]
    for file in report.files:
        counts = _add_suite(root, file, rules, fail_on, masker, timestamp, hostname)
        totals = [total + count for total, count in zip(totals, counts)]

    root.set("tests", str(totals[0]))
    root.set("failures", str(totals[1]))
    root.set("errors", str(totals[2]))
    root.set("time", "0")
    ET.indent(root)
    text = _NOT_XML.sub("\ufffd", ET.tostring(root, encoding="unicode"))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"
