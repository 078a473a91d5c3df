"""Read a workbook file as a table kind: pick the sheet and kind, map headers, parse every value."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sanqu_cli.findings import article_suffix, make_finding
from sanqu_cli.pii import PERSONAL_FIELDS
from sanqu_cli.rules import RuleSet
from sanqu_cli.schema.parse import PARSERS, ValueProblem, is_blank
from sanqu_cli.schema.records import Record, TableRead
from sanqu_cli.schema.spec import TableSpec
from sanqu_cli.schema.year import detect_year
from sanqu_cli.workbook.formulas import formula_cells
from sanqu_cli.workbook.grid import Book, ReadLimits, SheetGrid, open_book
from sanqu_cli.workbook.sniff import FileType, WorkbookError
from sanqu_cli.workbook.table import TableLayout, find_header, locate_table


@dataclass
class _Candidate:
    score: int
    spec: TableSpec
    grid: SheetGrid


def limits_from(rules: RuleSet) -> ReadLimits:
    return ReadLimits(
        max_cells=rules.limits.max_cells,
        max_uncompressed_bytes=rules.limits.max_uncompressed_bytes,
        max_compression_ratio=rules.limits.max_compression_ratio,
        max_rows=rules.limits.max_rows,
    )


def _score(grid: SheetGrid, spec: TableSpec, search_rows: int) -> int:
    """Score how well a sheet's header fits a kind: matched fields, 0 when no marker matched."""
    found = find_header(grid, spec.matcher(), search_rows)
    if found is None:
        return 0
    fields = {column.field for column in found[2] if column.field}
    if spec.markers and not fields & set(spec.markers):
        return 0
    required = [column.field for column in spec.required]
    if required and len(fields & set(required)) * 2 < len(required):
        return 0
    bonus = 1 if grid.name in spec.sheet_names else 0
    return len(fields) * 2 + bonus


def _choose(book: Book, specs: list[TableSpec], sheet: str | None, search_rows: int) -> _Candidate | None:
    grids = [grid for grid in book.sheets if grid.name == sheet] if sheet else [g for g in book.sheets if g.visible]
    best: _Candidate | None = None
    for grid in grids:
        for spec in specs:
            score = _score(grid, spec, search_rows)
            if score and (best is None or score > best.score):
                best = _Candidate(score, spec, grid)
    return best


def _not_found(read: TableRead, rules: RuleSet, book: Book, specs: list[TableSpec], sheet: str | None, forced: bool) -> None:
    """Explain why no table was found: F003 (no such sheet), F004 (no header) or F008 (unknown kind)."""
    file = str(read.path)
    visible = [grid.name for grid in book.sheets if grid.visible]
    hidden = [grid.name for grid in book.sheets if not grid.visible]
    read.readable = False

    if sheet and sheet not in {grid.name for grid in book.sheets}:
        names = "、".join(grid.name for grid in book.sheets) or "（无）"
        message = f"没有名为“{sheet}”的工作表。文件中的工作表有：{names}。"
        read.findings.append(make_finding(rules, "F003", message, file=file))
        return
    if not visible and not sheet:
        message = f"文件中的工作表都被隐藏了（{'、'.join(hidden)}）。请在 Excel/WPS 中取消隐藏，或用 --sheet 指定工作表。"
        read.findings.append(make_finding(rules, "F003", message, file=file))
        return

    looked_at = [sheet] if sheet else visible
    if forced:
        spec = specs[0]
        expected = "、".join(column.header for column in spec.required)
        code = "F004" if len(looked_at) == 1 else "F003"
        if code == "F004":
            message = (f"工作表“{looked_at[0]}”的前 {rules.limits.header_search_rows} 行中没有找到{spec.label}的表头。"
                       f"需要的列：{expected}。请检查表头文字，或用 sanqu inspect 查看读取情况。")
        else:
            message = (f"在工作表 {'、'.join(looked_at)} 中都没有找到{spec.label}。需要的列：{expected}。"
                       "可用 --sheet 指定工作表。")
        read.findings.append(make_finding(rules, code, message, file=file, sheet=looked_at[0] if code == "F004" else None))
        return

    kinds = "、".join(f"{spec.label}（{spec.kind}）" for spec in specs)
    message = (f"无法识别表格类型：在工作表 {'、'.join(looked_at)} 的前 {rules.limits.header_search_rows} 行中"
               f"没有找到已知表格的表头。已知类型：{kinds}。可用 --kind 指定类型，或用 sanqu inspect 查看读取情况。")
    read.findings.append(make_finding(rules, "F008", message, file=file))


def _layout_findings(read: TableRead, rules: RuleSet, spec: TableSpec, layout: TableLayout) -> None:
    file = str(read.path)
    header_row = layout.header_rows[-1]
    for first, second in layout.duplicates:
        message = (f"“{second.header}”列与 {first.letter} 列“{first.header}”是同一项（{spec.column(first.field).header}），"
                   f"只读取了 {first.letter} 列。请删除重复的一列。")
        read.findings.append(make_finding(rules, "F006", message, file=file, sheet=layout.sheet, row=layout.header_rows[0],
                                          column_letter=second.letter, header=second.header, value=second.header))

    present = set(layout.fields)
    for column in spec.required:
        if column.field in present:
            continue
        aliases = "、".join(column.aliases) or "无"
        message = f"缺少必需的列“{column.header}”（也可写作：{aliases}）。请在第 {header_row} 行表头中加上这一列。"
        read.findings.append(make_finding(rules, "F005", message, file=file, sheet=layout.sheet, row=header_row,
                                          header=column.header))


def _build_records(read: TableRead, rules: RuleSet, spec: TableSpec, grid: SheetGrid, layout: TableLayout,
                   formulas: dict[tuple[int, int], str]) -> None:
    file = str(read.path)
    mapped = layout.fields
    date1904 = read.date1904
    # One entry per mapped column with its parser looked up once: this loop runs for every
    # cell of rosters with 100,000 rows.
    plan = [(name, column.index, PARSERS[spec.column(name).kind], spec.column(name)) for name, column in mapped.items()]
    record_columns = [mapped[name].index for name in (spec.record_fields or tuple(mapped)) if name in mapped]

    for index in layout.data_rows:
        raw_row = grid.rows[index]
        width = len(raw_row)
        if record_columns and all(col >= width or is_blank(raw_row[col]) for col in record_columns):
            continue

        values = {}
        record = Record(row=index + 1, values=values, raw_row=raw_row, sheet=grid.name, columns=mapped)
        for name, col, parse, column_spec in plan:
            raw = raw_row[col] if col < width else None
            if raw is None or raw == "":
                formula = formulas.get((index, col)) if formulas else None
                if formula:
                    message = (f"单元格含公式 {formula}，但文件中没有保存计算结果（可能由不计算公式的软件生成）。"
                               "请用 Excel 或 WPS 打开该文件、保存后再提交。")
                    read.findings.append(make_finding(rules, "F007", message, file=file, at=record.cell(name), value=formula,
                                                      personal=name in PERSONAL_FIELDS))
                    record.unread.add(name)
                continue
            try:
                value = parse(raw, date1904, column_spec.choices)
            except ValueProblem as problem:
                code = column_spec.invalid_code or problem.code
                message = f"{column_spec.header}：{problem.message}。"
                read.findings.append(make_finding(rules, code, message + article_suffix(rules, code), file=file,
                                                  at=record.cell(name), personal=name in PERSONAL_FIELDS))
                record.unread.add(name)
                continue
            if value is not None:
                values[name] = value
        read.records.append(record)


def read_table(
    path: Path,
    rules: RuleSet,
    specs: list[TableSpec],
    *,
    sheet: str | None = None,
    forced: bool = False,
    year: int | None = None,
) -> TableRead:
    """Read a file as whichever of `specs` fits best; problems become findings, never exceptions."""
    read = TableRead(path=path)
    try:
        book = open_book(path, limits_from(rules))
    except WorkbookError as error:
        read.readable = False
        read.findings.append(make_finding(rules, error.code, error.message, file=str(path), sheet=error.sheet))
        return read
    read.date1904 = book.date1904

    search_rows = rules.limits.header_search_rows
    candidate = _choose(book, specs, sheet, search_rows)
    if candidate is None:
        _not_found(read, rules, book, specs, sheet, forced)
        return read

    spec, grid = candidate.spec, candidate.grid
    layout = locate_table(grid, spec.matcher(), search_rows)
    read.spec, read.layout = spec, layout
    if layout is None:  # pragma: no cover - _choose found this header a moment ago
        read.readable = False
        return read

    _layout_findings(read, rules, spec, layout)
    formulas = formula_cells(path, grid.name) if book.file_type == FileType.xlsx else {}
    _build_records(read, rules, spec, grid, layout, formulas)
    read.year, read.year_source = detect_year(year, layout.preamble, path, read.records)

    hidden = [g.name for g in book.sheets if not g.visible]
    if len(book.sheets) > 1:
        note = f"读取了工作表“{grid.name}”"
        if hidden:
            note += f"，跳过了隐藏的工作表：{'、'.join(hidden)}"
        read.notes.append(note)
    return read

