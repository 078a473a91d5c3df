"""P150–P154: this year's people against earlier years' results (`--history`).

These checks need files besides the one being checked, so they are not in `CHECKERS`:
`sanqu validate --history` calls `apply_history`, and so can `sanqu score` once it has graded.
The compute modules are imported inside the functions because they import `checks.ids`, and
this package imports all of its modules when it loads.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sanqu_cli.checks.context import CheckContext
from sanqu_cli.findings import FileReport, make_finding
from sanqu_cli.rules import RuleSet
from sanqu_cli.schema.records import TableRead

if TYPE_CHECKING:
    from sanqu_cli.compute.history import History, HistoryEntry, HistoryFile
    from sanqu_cli.compute.honours import ThisYearPerson

def _bar_message(entry: HistoryEntry, year: int, rules: RuleSet) -> str:
    """Explain a bar, citing the article that applies: 第二十八条 or 第三十四条(二)."""
    last = entry.year + rules.history.barred_years
    if entry.outcome == "fail":
        return (f"{entry.year} 年度考核不合格（{entry.place}），{entry.year + 1}–{last} 年度不得再次选派为"
                f"“三区”科技人才，不应列入 {year} 年度名单（《办法》第三十四条(二)）。")
    case = f"因“{entry.case}”" if entry.case else ""
    return (f"{entry.year} 年度{case}被取消“三区”科技人才资格（{entry.place}），{entry.year + 1}–{last} 年度不得再次申报，"
            f"不应列入 {year} 年度名单（《办法》第二十八条）。")


def _check_bar(ctx: CheckContext, person: ThisYearPerson, history: History, year: int) -> None:
    from sanqu_cli.compute.honours import barring_entries

    for entry in barring_entries(history.of(person.id_number), year, ctx.rules):
        ctx.findings.append(make_finding(ctx.rules, "P150", _bar_message(entry, year, ctx.rules), file=ctx.file,
                                         at=person.record.cell("id_number"), related=[entry.place]))


def _check_near_matches(ctx: CheckContext, person: ThisYearPerson, history: History) -> None:
    """P153: an ID that matches a history row only up to a lower-case x or a stored-as-number loss."""
    record = person.record
    number = person.id_number
    if number:
        for entry in history.of(number):
            typed = str(record.cell("id_number").raw).strip()
            if entry.raw_id != typed and entry.raw_id.upper() == typed.upper():
                ctx.add("P153", f"身份证号与 {entry.place}（{entry.year} 年度）只差大小写 x，已按同一人比对。"
                                "请把两处都改为大写 X。", record, "id_number", related=[entry.place])
        for lossy in history.lossy_matches(number):
            ctx.add("P153", f"{lossy.place}（{lossy.year} 年度，{lossy.name}）的身份证号被存成了数字，只剩前 15 位，"
                            "与本行前 15 位相同，可能是同一人，但无法确认，未比对。请在该文件中把身份证号列设为“文本”"
                            "并重新录入完整号码。", record, "id_number", related=[lossy.place])
    elif person.checked.status == "stored_as_number" and person.checked.known_digits:
        for entry in history.full_ids_starting(person.checked.known_digits):
            ctx.add("P153", f"本行身份证号被存成了数字，只剩前 15 位，与 {entry.place}（{entry.year} 年度，{entry.name}）"
                            "前 15 位相同，可能是同一人，但无法确认，未比对。请把身份证号列设为“文本”并重新录入完整号码。",
                    record, "id_number", related=[entry.place])


def _check_honour(ctx: CheckContext, person: ThisYearPerson, history: History, year: int, graded: bool) -> None:
    from sanqu_cli.compute.honours import decide_honour

    decision = decide_honour(person, history, year, ctx.rules, graded)
    if decision.honoured:
        ctx.add("P151", f"获得荣誉证书：{decision.basis_text}（{decision.grades_text}）。", person.record, "id_number")
    elif decision.notes:
        ctx.add("P152", "；".join(decision.notes) + "。", person.record, "id_number")


def check_history(ctx: CheckContext, read: TableRead, history: History, *, year: int | None = None,
                  grades: dict[str, str] | None = None) -> None:
    """Add P150–P153 for every person of this year's table, and P152 for each year with no results.

    `grades` maps a normalised 身份证号 to this year's excellent/pass/fail (from scoring);
    without it the 考核等次 column is used, then any history file of this year.
    """
    from sanqu_cli.compute.honours import missing_years, people_of
    from sanqu_cli.compute.honours import this_year_graded as grades_given

    year = year or ctx.year or read.year
    if year is None:
        ctx.skip("P150–P152", "无法确定本年度（标题行、文件名、服务日期中都没有年度），请加 --year")
        return

    bar_window = range(year - ctx.rules.history.barred_years, year)
    for missing in missing_years(history, bar_window):
        ctx.add("P152", f"{missing} 年度考核结果未提供：无法确认本表人员 {missing} 年度是否考核不合格，"
                        f"既不按合格也不按不合格处理。请用 --history 给出 {missing} 年度的考核汇总或带“考核等次”的花名册。",
                sheet=read.sheet)

    graded = grades_given(read, history, year, grades)
    if not graded:
        ctx.skip("P151", "没有本年度考核等次：表中没有“考核等次”列，--history 中也没有本年度的考核汇总")
    for person in people_of(read, history, year, grades):
        _check_near_matches(ctx, person, history)
        if person.id_number:
            _check_bar(ctx, person, history, year)
        if graded:
            _check_honour(ctx, person, history, year, graded)


def history_file_report(item: HistoryFile) -> FileReport:
    """Describe how a `--history` file was read, with the problems that kept rows out."""
    # NOTE: `Report.summary()` adds these rows to its `records` count, so with --history that
    # figure is this year's rows plus the history rows.
    read = item.read
    report = FileReport(path=str(read.path), kind=item.kind, sheet=read.sheet, header_row=read.header_row,
                        records=len(read.records), year=read.year, year_source=read.year_source,
                        readable=read.readable, findings=list(item.findings), notes=list(read.notes))
    years = "、".join(str(year) for year in sorted(item.years)) or "无"
    report.notes.insert(0, f"作为历年结果读取（--history），不做本年度检查：读到 {item.entries} 条结果，年度 {years}")
    return report


def apply_history(reads: list[TableRead], reports: list[FileReport], rules: RuleSet, history_paths: list[Path],
                  *, grades: dict[str, str] | None = None, year: int | None = None) -> list[FileReport]:
    """Check this year's people of `reads` against the history files; return one report per history file.

    Every read with a 身份证号 column is checked (a roster, a 考核汇总, a flat score sheet).
    Findings go into the report of the same path in `reports`, and a report is appended when
    none matches. `grades` and `year` are as in `check_history`.
    """
    from sanqu_cli.compute.history import load_history

    history = load_history(history_paths, rules)
    by_path = {report.path: report for report in reports}
    for read in reads:
        if read.spec is None or "id_number" not in read.present:
            continue
        report = by_path.get(str(read.path))
        if report is None:
            report = FileReport(path=str(read.path), kind=read.spec.kind, records=len(read.records))
            reports.append(report)
        ctx = CheckContext(rules=rules, file=str(read.path), year=year or read.year)
        check_history(ctx, read, history, year=year, grades=grades)
        report.findings.extend(ctx.findings)
        report.skipped_checks.extend(ctx.skipped)
        report.findings.sort(key=lambda f: (f.sheet or "", f.row or 0, f.cell or "", f.code))
    return [history_file_report(item) for item in history.files]


__all__ = ["apply_history", "check_history", "history_file_report"]
