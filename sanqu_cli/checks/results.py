"""S rules: submitted 附件4 选派工作成效统计表 (S401–S404) and 附件5 集中培训工作成效统计表 (S501–S503).

With detail data named on `sanqu validate` (--roster, --service-log, --training) each figure
is also recomputed and compared (S403), citing the submitted cell and the detail cells.
"""

from __future__ import annotations

from decimal import Decimal

from sanqu_cli.checks.context import CheckContext
from sanqu_cli.checks.results_totals import check_summed_totals
from sanqu_cli.compute.results_common import FIGURES, NOT_ADDITIVE, ResultsTable
from sanqu_cli.compute.submitted import FigureProblem, SubmittedRow, parse_count_cell, submitted_rows
from sanqu_cli.errors import CannotRun
from sanqu_cli.schema.parse import is_blank
from sanqu_cli.schema.records import TableRead
from sanqu_cli.schema.results_tables import TRAINEE_MIX_FIELDS

# How many detail cells a S403 finding lists before "等 N 处".
MAX_RELATED = 5


def _check_values(ctx: CheckContext, read: TableRead, row: SubmittedRow, code: str) -> None:
    """S402 / S503: blank where 0 is meant, a distinct count that is not a count, a negative amount."""
    record = row.record
    for figure in FIGURES[read.spec.kind]:
        cell = record.cell(figure.field)
        if cell is None or figure.field in record.unread:
            continue
        if is_blank(cell.raw):
            ctx.add(code, f"“{figure.header}”为空。提交前请填写实际数字，没有的填 0（留空会被当作未统计）。", record, figure.field)
            continue
        value = record.get(figure.field)
        if isinstance(value, str):
            try:
                parse_count_cell(value)
            except FigureProblem as problem:
                ctx.add(code, f"{figure.header}：{problem}。", record, figure.field)
        elif isinstance(value, Decimal) and value < 0:
            ctx.add(code, f"{figure.header}：{value} 是负数，请填写 0 或正数。", record, figure.field)


def _check_order(ctx: CheckContext, row: SubmittedRow) -> None:
    """S401: 选派人数 ≥ 三方协议数 ≥ 考核合格数 (附件4 注1)."""
    values = row.values
    dispatched, agreements, passed = values.get("dispatched"), values.get("agreements"), values.get("passed")
    if dispatched is not None and agreements is not None and agreements > dispatched:
        ctx.add("S401", f"三方协议数 {agreements} 大于选派人数 {dispatched}：每名选派人员只签一份三方协议。",
                row.record, "agreements", related=[row.record.ref("dispatched")])
    if agreements is not None and passed is not None and passed > agreements:
        ctx.add("S401", f"考核合格数 {passed} 大于三方协议数 {agreements}：未签协议者考核不合格。",
                row.record, "passed", related=[row.record.ref("agreements")])


def _check_mix(ctx: CheckContext, row: SubmittedRow) -> None:
    """S501: the seven 受培人员结构 columns add up to 受培人数; S502: 培训合格人数 ≤ 受培人数."""
    values = row.values
    trainees = values.get("trainees")
    mix = [values.get(name) for name in TRAINEE_MIX_FIELDS]
    if trainees is not None and all(value is not None for value in mix) and sum(mix) != trainees:
        ctx.add("S501", f"受培人员结构七项之和为 {sum(mix)}，受培人数为 {trainees}，两者应相等。", row.record, "trainees",
                related=[row.record.ref(name) for name in TRAINEE_MIX_FIELDS])
    passed = values.get("passed")
    if trainees is not None and passed is not None and passed > trainees:
        ctx.add("S502", f"培训合格人数 {passed} 大于受培人数 {trainees}。", row.record, "passed",
                related=[row.record.ref("trainees")])


def _related(file_name: str, sources: list[str]) -> list[str]:
    cells = [f"{file_name}：{source}" for source in sources[:MAX_RELATED]]
    if len(sources) > MAX_RELATED:
        cells.append(f"等 {len(sources)} 处")
    return cells


def _compare(ctx: CheckContext, read: TableRead, rows: list[SubmittedRow], computed: ResultsTable,
             detail_names: dict[str, str]) -> None:
    """S403: each submitted figure equals the one recomputed from the detail data for the same unit."""
    by_unit = {unit.unit: unit for unit in computed.units}
    for row in rows:
        expected = by_unit.get(row.unit)
        if expected is None:
            ctx.add("S403", f"明细数据中没有单位“{row.unit}”的记录，无法核对本行。请核对单位名称与明细表是否一致。",
                    row.record, "unit")
            continue
        for figure in FIGURES[read.spec.kind]:
            want, have = expected.values.get(figure.field), row.values.get(figure.field)
            if want is None or have is None or have == NOT_ADDITIVE or Decimal(str(have)) == Decimal(str(want)):
                continue
            source = detail_names.get(figure.field, "明细")
            ctx.add("S403", f"{figure.header}填的是 {have}，按{source}统计应为 {want}。", row.record, figure.field,
                    related=_related(source, expected.sources.get(figure.field, [])))


def _dispatch_detail(ctx: CheckContext, read: TableRead) -> tuple[ResultsTable, dict[str, str]] | None:
    from sanqu_cli.compute.detail import read_detail
    from sanqu_cli.compute.dispatch_results import PEOPLE_FIGURES, compute_dispatch

    roster_path, log_path = ctx.details.get("roster"), ctx.details.get("service_log")
    if roster_path is None and log_path is None:
        ctx.skip("S403", "没有给出 --roster 或 --service-log，未与明细核对")
        return None
    roster = read_detail(roster_path, ctx.rules, "roster", read.year) if roster_path else None
    log = read_detail(log_path, ctx.rules, "service_log", read.year) if log_path else None
    computed = compute_dispatch(roster, log, year=read.year)
    names = {}
    for figure in FIGURES["dispatch_results"]:
        path = roster_path if figure.field in PEOPLE_FIGURES else log_path
        if path is not None:
            names[figure.field] = path.name
    return computed, names


def _training_detail(ctx: CheckContext, read: TableRead) -> tuple[ResultsTable, dict[str, str]] | None:
    from sanqu_cli.compute.detail import read_training
    from sanqu_cli.compute.training_results import compute_training

    path = ctx.details.get("training")
    if path is None:
        ctx.skip("S403", "没有给出 --training，未与培训记录核对")
        return None
    records = read_training(path, ctx.rules, read.year)
    computed = compute_training(records.classes, records.trainees, year=read.year)
    return computed, {figure.field: path.name for figure in FIGURES["training_results"]}


def _cross_check(ctx: CheckContext, read: TableRead, rows: list[SubmittedRow], load) -> None:
    try:
        loaded = load(ctx, read)
    except CannotRun as error:
        ctx.skip("S403", str(error))
        return
    if loaded is not None:
        _compare(ctx, read, rows, *loaded)


def check_dispatch_results(ctx: CheckContext, read: TableRead) -> None:
    rows = submitted_rows(read)
    for row in rows:
        _check_values(ctx, read, row, "S402")
        _check_order(ctx, row)
    check_summed_totals(ctx, read, rows)
    _cross_check(ctx, read, rows, _dispatch_detail)


def check_training_results(ctx: CheckContext, read: TableRead) -> None:
    rows = submitted_rows(read)
    for row in rows:
        _check_values(ctx, read, row, "S503")
        _check_mix(ctx, row)
    _cross_check(ctx, read, rows, _training_detail)


CHECKERS = {"dispatch_results": check_dispatch_results, "training_results": check_training_results}
