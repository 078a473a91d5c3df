"""The 荣誉证书名单 of a year: who earns a certificate under 第三十四条(一), and who needs checking.

This is the library entry point behind `sanqu honours`; it prints and writes nothing.
This year's grades come from a 考核汇总 (`scores_path`, as `sanqu score` writes it), else from
the roster's 考核等次 column, else from a history file of this year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sanqu_cli.checks.context import CheckContext
from sanqu_cli.checks.history import check_history
from sanqu_cli.compute.history import History, load_history
from sanqu_cli.compute.honours import BASIS_EXCELLENT, HonourDecision, decide_honours, this_year_graded
from sanqu_cli.errors import CannotRun
from sanqu_cli.findings import Finding, Severity
from sanqu_cli.rules import RuleSet
from sanqu_cli.schema.read import read_table
from sanqu_cli.schema.records import TableRead
from sanqu_cli.schema.roster import ROSTER


@dataclass
class HonoursResult:
    """Every person's decision, and the findings met on the way (reading, near matches, gaps)."""

    year: int
    roster: TableRead
    history: History
    decisions: list[HonourDecision]
    findings: list[Finding] = field(default_factory=list)

    @property
    def honoured(self) -> list[HonourDecision]:
        return [decision for decision in self.decisions if decision.honoured]

    @property
    def pending(self) -> list[HonourDecision]:
        """People left out only because some year's result is unknown."""
        return [decision for decision in self.decisions if not decision.honoured and decision.notes]

    def counts(self) -> dict[str, int]:
        excellent = sum(1 for decision in self.honoured if decision.basis == BASIS_EXCELLENT)
        return {"honours": len(self.honoured), "excellent": excellent,
                "consecutive": len(self.honoured) - excellent, "pending": len(self.pending),
                "people": len(self.decisions)}


def _first_error(read: TableRead) -> str:
    errors = [finding for finding in read.findings if finding.severity == Severity.error]
    return errors[0].message if errors else "没有找到表格。"


def _read_roster(path: Path, rules: RuleSet, year: int | None) -> TableRead:
    if not path.is_file():
        raise CannotRun(f"找不到花名册文件 {path}，请检查 --roster 后的路径。")
    read = read_table(path, rules, [ROSTER], forced=True, year=year)
    if not read.readable or read.spec is None:
        raise CannotRun(f"无法读取花名册 {path}：{_first_error(read)}")
    return read


def _scores_grades(path: Path, rules: RuleSet, year: int) -> tuple[dict[str, str], list[Finding]]:
    """Return this year's grade by 身份证号 from a 考核汇总, and the problems met reading it."""
    if not path.is_file():
        raise CannotRun(f"找不到考核汇总文件 {path}，请检查 --scores 后的路径。")
    scores = load_history([path], rules, year)
    item = scores.files[0]
    if item.kind != "appraisal_summary":
        raise CannotRun(f"{path} 不是考核汇总（需要 选派单位、姓名、身份证号、考核等次 列）：{_first_error(item.read)}")
    grades = {number: entry.outcome for number, entries in scores.entries.items()
              for entry in entries if entry.year == year}
    if not grades:
        # `sanqu score` masks IDs unless --show-pii, and a masked ID matches no one.
        raise CannotRun(f"考核汇总 {path.name} 中没有可用的 {year} 年度考核等次：身份证号可能已遮盖（如 540102********123X），"
                        "无法与花名册比对。请用 sanqu score … --show-pii 重新生成考核汇总，"
                        "或不给 --scores，而在 --history 中给出含完整身份证号的本年度考核汇总。")
    return grades, scores.findings


def build_honours(roster_path: Path, history_paths: list[Path], rules: RuleSet, *,
                  scores_path: Path | None = None, year: int | None = None) -> HonoursResult:
    """Decide the certificates of everyone on this year's roster; raises CannotRun for unusable input."""
    roster = _read_roster(roster_path, rules, year)
    year = year or roster.year
    if year is None:
        raise CannotRun(f"无法确定花名册 {roster_path} 的年度（标题行、文件名、服务日期中都没有），请加 --year。")

    findings = [finding for finding in roster.findings if finding.code.startswith("F")]
    grades = None
    if scores_path is not None:
        grades, score_findings = _scores_grades(scores_path, rules, year)
        findings.extend(score_findings)
    history = load_history(history_paths, rules)
    findings.extend(history.findings)
    if not this_year_graded(roster, history, year, grades):
        unread = "".join(f"\n{finding.code} {finding.sheet or ''}!{finding.cell or ''}：{finding.message}"
                         for finding in findings if finding.severity == Severity.error)
        raise CannotRun(f"花名册 {roster_path.name} 没有 {year} 年度的考核等次：请用 --scores 给出 sanqu score 生成的考核汇总，"
                        "或在花名册中加“考核等次”列，或在 --history 中给出本年度的考核汇总。" + unread)

    # The per-person notes go into the output workbook; the findings keep the rest (bars, near
    # matches, years with no results at all).
    ctx = CheckContext(rules=rules, file=str(roster_path), year=year)
    check_history(ctx, roster, history, year=year, grades=grades)
    findings.extend(finding for finding in ctx.findings
                    if finding.code != "P151" and not (finding.code == "P152" and finding.cell))
    decisions = decide_honours(roster, history, year, rules, grades)
    return HonoursResult(year=year, roster=roster, history=history, decisions=decisions, findings=findings)


__all__ = ["HonoursResult", "build_honours"]
