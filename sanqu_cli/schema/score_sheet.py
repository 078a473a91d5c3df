"""附件2 绩效考核评分表 in the official layout: one person per file, or one per sheet.

The form is not a table with one header row, so the generic reader cannot read it. On top is
the personal block of label/value pairs (values often in merged cells). Then come the header
row 考核内容/序号/考核指标/评分标准/最高分/考核得分 (offices add a 数量 or 次数 column), 13
indicator rows, the 考核得分合计 row, and 考核等次 / 考核日期 lines below. Labels are found by
their text, never by a fixed cell address, so moved or added rows are still read.
"""

from __future__ import annotations

import re
import zipfile
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sanqu_cli.compute.scoring import PERSON_FIELDS, ItemEntry, ScoreSheet, is_blank_sheet
from sanqu_cli.findings import make_finding
from sanqu_cli.rules import RuleSet
from sanqu_cli.schema.records import Record, TableRead
from sanqu_cli.schema.spec import ColumnSpec, TableSpec
from sanqu_cli.schema.year import SOURCE_NAME, SOURCE_OPTION, SOURCE_TITLE
from sanqu_cli.workbook.cells import Cell, clean_text, column_letter, header_key, strip_unit
from sanqu_cli.workbook.grid import SheetGrid, open_book
from sanqu_cli.workbook.sniff import WorkbookError
from sanqu_cli.workbook.table import Column, TableLayout

# The official layout has no column header to match, so this spec only names the kind for
# `--kind`, reports and `sanqu inspect`. Its marker is no real field, which keeps the generic
# table reader from ever picking it.
SCORE_SHEET = TableSpec(
    kind="score_sheet",
    label="绩效考核评分表（附件2）",
    markers=("official_layout",),
    columns=tuple(ColumnSpec(name, label) for name, label in PERSON_FIELDS.items()),
)
TABLE_SPECS = [SCORE_SHEET]

_LABELS = {
    "name": ("姓名",),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证"),
    "work_unit": ("工作单位", "所在单位"),
    "dispatching_unit": ("选派单位", "派出单位", "选派单位(盖章)", "派出单位(盖章)"),
    "specialty": ("专业", "从事专业"),
    "title": ("技术职称", "职称", "专业技术职称"),
    "phone": ("联系方式", "联系电话", "手机号码"),
    "team": ("科技特派团", "特派团", "所在特派团"),
    "host_unit": ("受援单位", "服务单位"),
    "year": ("考核年度", "年度"),
    "grade": ("考核等次", "等次", "考核结果"),
    "appraised_on": ("考核日期", "考核时间", "评分日期"),
}
# Labels whose value the scoring does not use; they only stop a search for the value to the left.
_OTHER_LABELS = ("选派人员", "负责人及电话", "联系人及电话", "考核组成员(签字)", "考核组成员", "考核组签字", "考核内容")
_LABEL_OF = {header_key(alias): name for name, aliases in _LABELS.items() for alias in aliases}
_ALL_LABELS = set(_LABEL_OF) | {header_key(text) for text in _OTHER_LABELS}

_POINTS_HEADERS = {"考核得分", "得分", "实得分", "评分"}
_COUNT_HEADERS = ("数量", "次数", "完成数量", "实际数量", "完成情况", "人数", "数量/次数")
_TOTAL_WORDS = ("考核得分合计", "得分合计", "合计", "总分", "总计")
_TITLE_YEAR = re.compile(r"(20\d{2})\s*年")
_NAME_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
# 考核指标 as UTF-8 and as the character references openpyxl writes for inline strings.
_MARKERS = ("考核指标".encode(), "".join(f"&#{ord(char)};" for char in "考核指标").encode())


@lru_cache(maxsize=4096)
def _text_key(text: str) -> str:
    return header_key(text).rstrip(":：")


def _key(value: Any) -> str:
    """Return a label's matching key: header_key without a trailing colon.

    Text keys are cached because a batch repeats the same labels in every file.
    """
    if isinstance(value, str):
        return _text_key(value)
    return header_key(value).rstrip(":：")


@dataclass
class _Columns:
    serial: int | None = None
    indicator: int | None = None
    points: int | None = None
    count: int | None = None


def _header_row(grid: SheetGrid, search_rows: int) -> tuple[int, _Columns] | None:
    for index, row in enumerate(grid.rows[:search_rows]):
        if not any(isinstance(value, str) and "指标" in value for value in row):
            continue
        keys = [_key(value) for value in row]
        if "考核指标" not in keys or "最高分" not in keys:
            continue
        columns = _Columns(indicator=keys.index("考核指标"))
        for col, key in enumerate(keys):
            bare = strip_unit(key)
            if key == "序号":
                columns.serial = col
            elif key in _POINTS_HEADERS or bare in _POINTS_HEADERS:
                columns.points = col
            elif bare.startswith(_COUNT_HEADERS):
                columns.count = col
        if columns.points is not None:
            return index, columns
    return None


def _cell(grid: SheetGrid, row: int, col: int, header: str, raw: Any = "unset") -> Cell:
    if raw == "unset":
        raw = grid.rows[row][col] if col < len(grid.rows[row]) else None
    raw = None if raw == "" else raw
    return Cell(value=raw, raw=raw, sheet=grid.name, row=row + 1, column=column_letter(col), header=header)


def _merge_end(grid: SheetGrid, row: int, col: int) -> int:
    """Return the last column of the merged range starting at a cell (the cell itself when not merged)."""
    for (r0, c0), (r1, c1) in grid.merged:
        if r0 <= row <= r1 and c0 == col:
            return c1
    return col


def _labelled(grid: SheetGrid, rows: range) -> dict[str, Cell]:
    """Find label/value pairs: the value is the next filled cell to the right that is not a label.

    A blank value points at the cell right of its label, so a finding about it lands there.
    "选派单位（盖章）：西藏自治区农牧科学院" in one cell is read as label and value too.
    """
    found: dict[str, Cell] = {}
    for row in rows:
        values = grid.rows[row]
        for col, raw in enumerate(values):
            if raw in ("", None) or not isinstance(raw, str):
                continue
            key = _key(raw)
            name = _LABEL_OF.get(key)
            if name is None:
                match = re.match(r"^(.+?)[:：](.*)$", clean_text(raw) or "")
                name = _LABEL_OF.get(_key(match.group(1))) if match else None
                tail = clean_text(match.group(2)) if match else None
                if name and tail and name not in found:
                    found[name] = _cell(grid, row, col, PERSON_FIELDS.get(name, match.group(1)), tail)
                continue
            if name in found:
                continue
            value_col = None
            for right in range(col + 1, len(values)):
                other = values[right]
                if other in ("", None):
                    continue
                if _key(other) in _ALL_LABELS:
                    break
                value_col = right
                break
            label = PERSON_FIELDS.get(name, clean_text(raw) or name)
            if value_col is None:
                blank_col = _merge_end(grid, row, col) + 1
                found[name] = _cell(grid, row, blank_col, label, None) if blank_col < len(values) else None
            else:
                found[name] = _cell(grid, row, value_col, label)
    return {name: cell for name, cell in found.items() if cell is not None}


def _row_words(values: list[Any], before: int) -> list[str]:
    return [_key(value) for value in values[:before] if value not in ("", None)]


def parse_official(grid: SheetGrid, path: Path, rules: RuleSet, search_rows: int = 30) -> ScoreSheet | None:
    """Read one sheet in the official 附件2 layout, or return None when the sheet is not one."""
    found = _header_row(grid, search_rows)
    if found is None:
        return None
    header, columns = found
    by_name = {header_key(indicator.name): indicator for indicator in rules.appraisal.indicators}
    by_number = {indicator.number: indicator for indicator in rules.appraisal.indicators}
    sheet = ScoreSheet(path=path, sheet=grid.name, shape="official", row=header + 1)

    section = None
    end = len(grid.rows)
    for row in range(header + 1, len(grid.rows)):
        values = grid.rows[row]
        name_key = _key(values[columns.indicator]) if columns.indicator < len(values) else ""
        # By name ("三方协议签订", also "三方协议签订情况"), else by 序号 for reworded names.
        indicator = by_name.get(name_key)
        if indicator is None and name_key and not name_key.startswith(_TOTAL_WORDS):
            indicator = next((item for key, item in by_name.items() if key in name_key), None)
        if indicator is None and columns.serial is not None and columns.serial < len(values):
            serial = clean_text(values[columns.serial])
            indicator = by_number.get(int(serial)) if serial and serial.isdigit() else None
        if indicator is not None:
            section = indicator.section
            entry = sheet.items.setdefault(indicator.number, ItemEntry())
            entry.points = _cell(grid, row, columns.points, f"第{indicator.number}项 考核得分")
            if columns.count is not None:
                entry.count = _cell(grid, row, columns.count, f"第{indicator.number}项 数量")
            continue

        words = _row_words(values, columns.points)
        if any("小计" in word for word in words):
            named = next((s.name for s in rules.appraisal.sections if any(s.name in word for word in words)), section)
            if named:
                sheet.subtotals[named] = _cell(grid, row, columns.points, f"{named}小计")
        elif any(word.startswith(_TOTAL_WORDS) for word in words):
            sheet.total = _cell(grid, row, columns.points, "考核得分合计")
            end = row
            break
    if len(sheet.items) * 2 < len(rules.appraisal.indicators):
        return None

    top = _labelled(grid, range(0, header))
    bottom = _labelled(grid, range(end, len(grid.rows)))
    sheet.person = {name: cell for name, cell in top.items() if name in PERSON_FIELDS}
    sheet.grade = bottom.get("grade") or top.get("grade")
    sheet.appraised_on = bottom.get("appraised_on") or top.get("appraised_on")
    sheet.year_cell = top.get("year")
    return sheet


def _sheet_year(sheet: ScoreSheet, grid: SheetGrid, header: int, path: Path) -> tuple[int | None, str | None]:
    year_cell = sheet.year_cell
    texts = [clean_text(value) or "" for row in grid.rows[:header] for value in row if isinstance(value, str)]
    if year_cell is not None and year_cell.raw is not None:
        texts.insert(0, f"{clean_text(year_cell.raw)}年")
    for text in texts:
        match = _TITLE_YEAR.search(text)
        if match:
            return int(match.group(1)), SOURCE_TITLE
    match = _NAME_YEAR.search(path.stem)
    return (int(match.group(1)), SOURCE_NAME) if match else (None, None)


@dataclass
class ScoreSheetRead(TableRead):
    """A file read in the official layout: one ScoreSheet per person (per filled sheet)."""

    sheets: list[ScoreSheet] = field(default_factory=list)


def _named_cells(sheet: ScoreSheet) -> dict[str, Cell]:
    """Return every value cell of a sheet by field name: personal fields, points_N, count_N, score, grade."""
    cells = dict(sheet.person)
    for number, entry in sorted(sheet.items.items()):
        if entry.points is not None:
            cells[f"points_{number}"] = entry.points
        if entry.count is not None:
            cells[f"count_{number}"] = entry.count
    for name, cell in (("score", sheet.total), ("grade", sheet.grade), ("appraised_on", sheet.appraised_on)):
        if cell is not None:
            cells[name] = cell
    return cells


def _has_marker(data: bytes) -> bool:
    return any(marker in data for marker in _MARKERS)


# Parts larger than this are not searched by the cheap check (bytes, uncompressed).
_SEARCH_LIMIT = 32 * 1024 * 1024


def looks_official(path: Path) -> bool:
    """Tell cheaply whether a file may hold the official form: its text contains 考核指标.

    For xlsx the shared strings (and small worksheets) are searched without parsing the
    workbook, so `sanqu validate` stays fast on large rosters; other formats are opened.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            infos = {info.filename: info for info in archive.infolist()}
            strings = infos.get("xl/sharedStrings.xml")
            # A shared-strings part too large to search cheaply (or a zip bomb) goes to the full
            # reader, which applies the size limits and reports the file.
            if strings is not None and strings.file_size > _SEARCH_LIMIT:
                return True
            if strings is not None and _has_marker(archive.read(strings)):
                return True
            sheets = [info for name, info in infos.items() if name.startswith("xl/worksheets/sheet")]
            return any(info.file_size < 2_000_000 and _has_marker(archive.read(info)) for info in sheets)
    except Exception:  # noqa: BLE001 - zipfile raises zlib.error, EOFError, NotImplementedError… on damaged files
        return True


def read_official(path: Path, rules: RuleSet, *, sheet: str | None = None, year: int | None = None,
                  check_first: bool = True) -> ScoreSheetRead | None:
    """Read every filled official form in a file, or return None when the file has none.

    A file that cannot be opened returns None too: the generic reader reports it.
    """
    if check_first and not looks_official(path):
        return None
    from sanqu_cli.schema.read import limits_from

    try:
        book = open_book(path, limits_from(rules))
    except WorkbookError as error:
        if not check_first:
            read = ScoreSheetRead(path=path, readable=False)
            read.findings.append(make_finding(rules, error.code, error.message, file=str(path), sheet=error.sheet))
            return read
        return None

    read = ScoreSheetRead(path=path, spec=SCORE_SHEET, date1904=book.date1904)
    grids = [grid for grid in book.sheets if (grid.name == sheet if sheet else grid.visible)]
    blank = []
    for grid in grids:
        person = parse_official(grid, path, rules)
        if person is None:
            continue
        if is_blank_sheet(person):
            blank.append(grid.name)
            continue
        person.year, source = (year, SOURCE_OPTION) if year else _sheet_year(person, grid, person.row - 1, path)
        read.year = read.year or person.year
        read.year_source = read.year_source or source
        read.sheets.append(person)
        cells = _named_cells(person)
        values = {name: clean_text(cell.raw) for name, cell in cells.items() if cell.raw is not None}
        read.records.append(Record(row=person.row, values=values, raw_row=[], sheet=grid.name, columns={}))
        if read.layout is None:
            # For `sanqu inspect`: each field with the cell it was read from, in place of a column.
            columns = [Column(index=0, letter=cell.a1, header=cell.header, field=name) for name, cell in cells.items()]
            read.layout = TableLayout(sheet=grid.name, header_rows=[person.row], columns=columns, data_rows=[])

    if not read.sheets and not blank:
        return None
    if blank:
        read.notes.append(f"跳过了空白的评分表：{'、'.join(blank)}")
    if len(read.sheets) > 1:
        read.notes.append(f"按附件2格式读取了 {len(read.sheets)} 个工作表（每表一人）")
    return read
