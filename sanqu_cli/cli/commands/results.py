"""`sanqu results dispatch|training|merge`: build 附件4 / 附件5 from detail data, and merge units' tables."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from sanqu_cli.cli.options import (
    DebugOption,
    ForceOption,
    OutDirOption,
    OutputFormat,
    RulesOption,
    ShowPiiOption,
    VerboseOption,
    YearOption,
)
from sanqu_cli.cli.runtime import CannotRun, Session, guard, start

ORDER = 40

results_app = typer.Typer(help="生成附件4（选派工作成效统计表）、附件5（集中培训工作成效统计表），并合并各单位报表。",
                          no_args_is_help=True)

ExplainOption = Annotated[bool, typer.Option("--explain", help="列出每个数字所依据的明细行（工作表!单元格）。")]
FormatOption = Annotated[OutputFormat, typer.Option("--format", help="输出格式：text（默认，中文表格）或 json。")]
TemplateOption = Annotated[Optional[Path], typer.Option("--template", help="用这个模板代替随软件附带的官方版式模板。",
                                                        metavar="文件")]
# How many source cells --explain prints per figure in the terminal; JSON lists them all.
EXPLAIN_LIMIT = 12


def _print_table(session: Session, table, path: Path | None, explain: bool) -> None:
    from rich.markup import escape
    from rich.table import Table

    from sanqu_cli.compute.results_common import plain_number

    rows = list(table.units) + ([table.total] if table.total else [])
    grid = Table(show_header=True, header_style="bold")
    # Unit names wrap instead of being cut, because ten units rarely fit the terminal's width.
    grid.add_column("指标", overflow="fold")
    for row in rows:
        grid.add_column(escape(row.unit), justify="right", overflow="fold")
    for figure in table.figures:
        cells = ["" if row.values.get(figure.field) is None else str(plain_number(row.values[figure.field]))
                 for row in rows]
        grid.add_row(escape(figure.header), *cells)
    session.out.print(grid)
    for note in table.notes:
        session.out.print(f"注意：{escape(note)}")
    if explain:
        for row in table.units:
            session.out.print(f"[bold]{escape(row.unit)}[/]")
            for figure in table.figures:
                sources = row.sources.get(figure.field, [])
                shown = "、".join(sources[:EXPLAIN_LIMIT])
                more = f" 等，共 {len(sources)} 处（--format json 列出全部）" if len(sources) > EXPLAIN_LIMIT else ""
                value = plain_number(row.values.get(figure.field))
                session.out.print(f"  {escape(figure.header)} = {value}：{escape(shown or '（无明细）')}{more}")
    if path is not None:
        session.out.print(f"已写入：{escape(str(path))}")


def _emit(session: Session, table, path: Path, explain: bool, output_format: OutputFormat, findings=()) -> None:
    if output_format == OutputFormat.json:
        from sanqu_cli.compute.results_common import table_dict
        from sanqu_cli.report.json_report import dumps, finding_dict

        data = table_dict(table, explain)
        data["output"] = str(path)
        data["findings"] = [finding_dict(finding, session.masker) for finding in findings]
        typer.echo(session.masker.text(dumps(data)))
    else:
        _print_table(session, table, path, explain)


@results_app.command("dispatch")
def dispatch(
    roster: Annotated[Path, typer.Option("--roster", help="选派人员花名册文件。", metavar="文件")],
    service_log: Annotated[Path, typer.Option("--service-log", help="服务日志文件（每次服务活动一行）。", metavar="文件")],
    out: OutDirOption,
    scores: Annotated[Optional[Path], typer.Option("--scores", help="考核汇总文件（sanqu score 的输出），用于统计考核合格数"
                                                                  "（合格、优秀均算合格）。", metavar="文件")] = None,
    explain: ExplainOption = False,
    year: YearOption = None,
    force: ForceOption = False,
    output_format: FormatOption = OutputFormat.text,
    template: TemplateOption = None,
    rules: RulesOption = None,
    show_pii: ShowPiiOption = False,
    verbose: VerboseOption = 0,
    debug: DebugOption = False,
) -> None:
    """按花名册和服务日志生成附件4 选派工作成效统计表：每个选派单位一张工作表，外加汇总表。"""
    session = start(rules, show_pii, verbose, debug)
    with guard(debug):
        from sanqu_cli.compute.detail import read_detail
        from sanqu_cli.compute.dispatch_results import compute_dispatch
        from sanqu_cli.outputs import ensure_dir
        from sanqu_cli.render.results_tables import write_results

        roster_read = read_detail(roster, session.rules, "roster", year)
        year = year or roster_read.year
        log_read = read_detail(service_log, session.rules, "service_log", year)
        appraisal = read_detail(scores, session.rules, "appraisal_summary", year) if scores else None
        table = compute_dispatch(roster_read, log_read, appraisal, year)
        if not table.units:
            raise CannotRun(f"花名册 {roster} 中没有填写选派单位的人员，无法生成附件4。")
        path = write_results(table, ensure_dir(out), force, template)
        _emit(session, table, path, explain, output_format)


@results_app.command("training")
def training(
    training_file: Annotated[Path, typer.Option("--training", help="培训记录文件（“培训班”和“学员名单”两个工作表）。",
                                                metavar="文件")],
    out: OutDirOption,
    explain: ExplainOption = False,
    year: YearOption = None,
    force: ForceOption = False,
    output_format: FormatOption = OutputFormat.text,
    template: TemplateOption = None,
    rules: RulesOption = None,
    show_pii: ShowPiiOption = False,
    verbose: VerboseOption = 0,
    debug: DebugOption = False,
) -> None:
    """按培训记录生成附件5 集中培训工作成效统计表：每个培训单位一张工作表，外加汇总表。"""
    session = start(rules, show_pii, verbose, debug)
    with guard(debug):
        from sanqu_cli.compute.detail import read_training
        from sanqu_cli.compute.training_results import compute_training
        from sanqu_cli.outputs import ensure_dir
        from sanqu_cli.render.results_tables import write_results

        records = read_training(training_file, session.rules, year)
        table = compute_training(records.classes, records.trainees, year)
        if not table.units:
            raise CannotRun(f"{training_file} 的培训班表中没有本年度填写了培训单位的班次，无法生成附件5。")
        path = write_results(table, ensure_dir(out), force, template)
        _emit(session, table, path, explain, output_format)


@results_app.command("merge")
def merge(
    files: Annotated[list[Path], typer.Argument(help="各单位报送的附件4（或附件5）文件。", metavar="文件",
                                                show_default=False)],
    out: Annotated[Path, typer.Option("--out", help="合并后的输出文件（.xlsx）。", metavar="文件")],
    roster: Annotated[Optional[Path], typer.Option("--roster", help="花名册文件：服务日志没有“选派单位”列时用它找单位。",
                                                   metavar="文件")] = None,
    service_log: Annotated[Optional[Path], typer.Option("--service-log", help="服务日志文件：按明细重新统计合并后的县、乡镇、"
                                                                             "村数量（去重）。", metavar="文件")] = None,
    year: YearOption = None,
    force: ForceOption = False,
    output_format: FormatOption = OutputFormat.text,
    template: TemplateOption = None,
    rules: RulesOption = None,
    show_pii: ShowPiiOption = False,
    verbose: VerboseOption = 0,
    debug: DebugOption = False,
) -> None:
    """合并各单位的附件4或附件5：每个市(地)一张，全区一张。县、乡镇、村数量不累加，有服务日志时按明细去重重算。

    退出码：0 已合并；1 有报表中的数字无法读取（未计入合计）；2 无法运行。
    """
    session = start(rules, show_pii, verbose, debug)
    with guard(debug):
        from sanqu_cli.compute.detail import read_detail
        from sanqu_cli.compute.merge_results import merge_tables
        from sanqu_cli.render.results_tables import merged_sheet_plans, write_sheets
        from sanqu_cli.schema import KINDS
        from sanqu_cli.schema.read import read_table

        specs = [KINDS["dispatch_results"], KINDS["training_results"]]
        reads = []
        for path in files:
            read = read_table(path, session.rules, specs, year=year)
            if not read.readable or read.spec is None:
                raise CannotRun(f"{path} 不是附件4或附件5：{'；'.join(f.message for f in read.findings[:2])}")
            reads.append(read)

        distinct = None
        if service_log is not None:
            from sanqu_cli.compute.dispatch_results import distinct_counter

            roster_read = read_detail(roster, session.rules, "roster", year) if roster else None
            log_read = read_detail(service_log, session.rules, "service_log", year)
            distinct = distinct_counter(roster_read, log_read, year or reads[0].year)

        merged = merge_tables(reads, session.rules, distinct)
        plans = merged_sheet_plans(merged.region_rows, merged.groups)
        path = write_sheets(merged.table.kind, merged.table, plans, out, force, template)
        _emit(session, merged.table, path, False, output_format, merged.findings)
        if output_format == OutputFormat.text:
            from rich.markup import escape

            for finding in merged.findings:
                place = f"{finding.file}!{finding.cell} " if finding.cell else ""
                session.out.print(f"{finding.code} {finding.severity.label}：{escape(place + finding.message)}")
        if any(finding.severity == "error" for finding in merged.findings):
            raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(results_app, name="results")
