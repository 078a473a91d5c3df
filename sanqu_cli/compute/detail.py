"""Read the detail data behind 附件4 / 附件5: roster, service log, appraisal summary, training records.

Used by `sanqu results`, by `sanqu results merge` and by the S403 cross-checks of `sanqu
validate`. A detail file that cannot be read stops the run (CannotRun) with the reader's findings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sanqu_cli.errors import CannotRun
from sanqu_cli.rules import RuleSet
from sanqu_cli.schema import KINDS
from sanqu_cli.schema.read import read_table
from sanqu_cli.schema.records import TableRead

# Code name of each detail input, its label for messages, and the option that names it.
DETAIL_LABELS = {"roster": "花名册（--roster）", "service_log": "服务日志（--service-log）",
                 "appraisal_summary": "考核汇总（--scores）", "training": "培训记录（--training）"}


def read_detail(path: Path, rules: RuleSet, kind: str, year: int | None = None, sheet: str | None = None) -> TableRead:
    """Read one detail file as `kind`; stop with the reading problems when it cannot be used."""
    read = read_table(path, rules, [KINDS[kind]], sheet=sheet, forced=True, year=year)
    blocking = [finding for finding in read.findings if finding.code.startswith("F")]
    if not read.readable or read.spec is None or blocking:
        reasons = "；".join(finding.message for finding in read.findings[:3]) or "没有找到表格"
        label = KINDS[kind].label
        raise CannotRun(f"无法把 {path} 读作{label}：{reasons}。请用 sanqu validate 检查该文件。")
    return read


@dataclass
class TrainingRecords:
    """The two sheets of one training workbook: 培训班 and 学员名单."""

    classes: TableRead
    trainees: TableRead


def read_training(path: Path, rules: RuleSet, year: int | None = None) -> TrainingRecords:
    """Read the 培训班 and 学员名单 sheets of a training workbook, each with its own table spec."""
    classes = read_detail(path, rules, "training_classes", year)
    trainees = read_detail(path, rules, "trainees", year)
    if classes.sheet == trainees.sheet:
        raise CannotRun(f"{path} 中只找到一个工作表“{classes.sheet}”。培训记录需要两个工作表："
                        "“培训班”（每个班次一行）和“学员名单”（每名学员一行）。")
    return TrainingRecords(classes=classes, trainees=trainees)
