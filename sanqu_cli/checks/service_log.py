"""Checks of the detail behind 附件4 and 附件5: the service log and the training records.

Values that cannot be read at all (a date, a count, a choice) are already findings of the
reader (P123, P105, P106). Here: required cells left blank (P100), dates outside the year
(S406), negative amounts (P105), people missing from the roster (S405, with --roster), and
trainees whose class is not on the 培训班 sheet (S504).
"""

from __future__ import annotations

from decimal import Decimal

from sanqu_cli.checks.context import CheckContext
from sanqu_cli.errors import CannotRun
from sanqu_cli.schema.parse import is_blank
from sanqu_cli.schema.read import read_table
from sanqu_cli.schema.records import Record, TableRead
from sanqu_cli.schema.spec import TableSpec
from sanqu_cli.schema.training import TRAINEES, TRAINING_CLASSES


def check_required_cells(ctx: CheckContext, spec: TableSpec, record: Record) -> None:
    """P100: a required column is present but this row's cell is blank."""
    for column in spec.required:
        cell = record.cell(column.field)
        if cell is not None and column.field not in record.unread and is_blank(cell.raw):
            ctx.add("P100", f"“{column.header}”为空，请补填。", record, column.field)


def check_in_year(ctx: CheckContext, record: Record, name: str, what: str) -> None:
    """S406: a date of the detail data lies outside the year the table reports on."""
    date = record.get(name)
    if ctx.year and date is not None and date.year != ctx.year:
        ctx.add("S406", f"{what}日期 {date.isoformat()} 不在 {ctx.year} 年度内，不计入本年度统计。请核对年份。",
                record, name)


def check_not_negative(ctx: CheckContext, record: Record, names: tuple[str, ...], spec: TableSpec) -> None:
    for name in names:
        value = record.get(name)
        if isinstance(value, Decimal) and value < 0:
            ctx.add("P105", f"{spec.column(name).header}：{value} 是负数，请填写 0 或正数。", record, name)


def _roster_people(ctx: CheckContext) -> tuple[set[str], set[str]] | None:
    """Return the 身份证号 and 姓名 on the roster named by --roster, or None without one."""
    from sanqu_cli.compute.detail import read_detail

    path = ctx.details.get("roster")
    if path is None:
        ctx.skip("S405", "没有给出 --roster，未核对人员是否在花名册中")
        return None
    try:
        roster = read_detail(path, ctx.rules, "roster", ctx.year)
    except CannotRun as error:
        ctx.skip("S405", str(error))
        return None
    ids = {record.get("id_number") for record in roster.records if record.get("id_number")}
    names = {record.get("name") for record in roster.records if record.get("name")}
    return ids, names


def check_service_log(ctx: CheckContext, read: TableRead) -> None:
    from sanqu_cli.schema.service_log import SERVICE_LOG

    people = _roster_people(ctx)
    roster_name = ctx.details["roster"].name if people is not None else ""
    for record in read.records:
        check_required_cells(ctx, SERVICE_LOG, record)
        check_in_year(ctx, record, "date", "服务")
        check_not_negative(ctx, record, ("funds_wan", "income_increase"), SERVICE_LOG)
        if people is None:
            continue
        ids, names = people
        id_number, name = record.get("id_number"), record.get("name")
        missing = id_number not in ids if id_number else (name is not None and name not in names)
        if missing:
            field = "id_number" if id_number else "name"
            ctx.add("S405", f"{name or ''}不在花名册 {roster_name} 中，这一行无法归入选派单位的统计。"
                            "请核对姓名、身份证号，或把此人补入花名册。", record, field)


def _companion(ctx: CheckContext, read: TableRead, spec: TableSpec) -> TableRead | None:
    """Read the other sheet of a training workbook; its reading problems join this file's findings."""
    other = read_table(read.path, ctx.rules, [spec], forced=True, year=read.year)
    if not other.readable or other.spec is None or other.sheet == read.sheet:
        ctx.skip("S504", f"文件中没有“{spec.label}”工作表，未核对学员的班次")
        return None
    ctx.findings.extend(finding for finding in other.findings if finding.code != "F003")
    return other


def check_training_book(ctx: CheckContext, classes: TableRead | None, trainees: TableRead | None) -> None:
    """Check both sheets of a training workbook, and that every trainee's class is on the 培训班 sheet."""
    class_names = set()
    for record in classes.records if classes else []:
        check_required_cells(ctx, TRAINING_CLASSES, record)
        check_in_year(ctx, record, "start", "开班")
        class_names.add(record.get("class_name"))
    for record in trainees.records if trainees else []:
        check_required_cells(ctx, TRAINEES, record)
        class_name = record.get("class_name")
        if classes is not None and class_name and class_name not in class_names:
            ctx.add("S504", f"班次“{class_name}”不在“{classes.sheet}”工作表中，请核对班次名称（须与培训班表一字不差）。",
                    record, "class_name")


def _check_classes(ctx: CheckContext, read: TableRead) -> None:
    check_training_book(ctx, read, _companion(ctx, read, TRAINEES))


def _check_trainees(ctx: CheckContext, read: TableRead) -> None:
    check_training_book(ctx, _companion(ctx, read, TRAINING_CLASSES), read)


CHECKERS = {"service_log": check_service_log, "training_classes": _check_classes, "trainees": _check_trainees}
