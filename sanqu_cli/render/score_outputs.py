"""The outputs of `sanqu score`: 考核汇总.xlsx, 公示名单.xlsx and one filled 附件2 per person.

考核汇总's first sheet is read back by the `appraisal_summary` kind, so its header texts are
a contract: 序号, 年度, 选派单位, 姓名, 身份证号, the indicators, the section subtotals, 考核得分,
考核等次, 单位内排名, 备注.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sanqu_cli.compute.grading import GRADE_LABELS
from sanqu_cli.compute.scoring import PersonScore
from sanqu_cli.errors import CannotRun
from sanqu_cli.outputs import atomic_output, check_writable, ensure_dir
from sanqu_cli.pii import Masker, mask_id
from sanqu_cli.rules import RuleSet
from sanqu_cli.score import ScoreResult, normal_id

SUMMARY_NAME = "考核汇总.xlsx"
NOTICE_NAME = "公示名单.xlsx"
FORMS_DIR = "评分表"
TEMPLATE_NAME = "附件2-绩效考核评分表.xlsx"
TIE_LABEL = "待定（同分）"
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


@dataclass
class Written:
    summary: Path
    notice: Path
    forms: list[Path]


def ordered(result: ScoreResult) -> list[PersonScore]:
    """Return people by unit, then rank, then name and ID, so that the input order never shows."""
    return sorted(result.people, key=lambda p: (p.unit, p.rank or 0, p.sheet.text("name") or "",
                                                normal_id(p.sheet.text("id_number")) or ""))


def number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def remarks(person: PersonScore, masker: Masker) -> str:
    parts = list(person.remarks) + [f"{finding.code} {finding.message}" for finding in person.findings]
    return masker.text("；".join(parts)) or ""


def person_id(person: PersonScore) -> str | None:
    if person.roster is not None and person.roster.get("id_number"):
        return person.roster.get("id_number")
    return normal_id(person.sheet.text("id_number"))


def _write_sheet(workbook, title: str, heading: str, headers: list[str], rows: list[list[Any]],
                 freeze: str | None = None) -> None:
    """Add a sheet: a bold title line, a bold header row, then the rows (text never becomes a formula).

    The workbook is write-only, which is several times faster than openpyxl's default mode
    for a region's thousands of rows; it cannot merge cells, so the title stays in A1.
    """
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from sanqu_cli.outputs import FORMULA_PREFIXES

    sheet = workbook.create_sheet(title)
    if freeze:
        sheet.freeze_panes = freeze
    bold = Font(bold=True)
    title_cell = WriteOnlyCell(sheet, value=heading)
    title_cell.font = Font(size=14, bold=True)
    sheet.append([title_cell])
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for values in rows:
        line = []
        for value in values:
            if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"
                value = cell
            line.append(value)
        sheet.append(line)


def _year_text(year: int | None) -> str:
    return f"{year}年度" if year else ""


def write_summary(target: Path, result: ScoreResult, rules: RuleSet, masker: Masker, year: int | None,
                  force: bool) -> None:
    from openpyxl import Workbook

    sections = [section.name for section in rules.appraisal.sections]
    headers = (["序号", "年度", "选派单位", "姓名", "身份证号"] + [i.name for i in rules.appraisal.indicators] + sections
               + ["考核得分", "考核等次", "单位内排名", "备注"])
    rows = []
    for serial, person in enumerate(ordered(result), start=1):
        values = [serial, person.sheet.year or year, person.unit, person.sheet.text("name"),
                  masker.id_number(person_id(person))]
        values += [number(item.points) for item in person.items]
        values += [number(person.sections.get(name, Decimal(0))) for name in sections]
        values += [number(person.total), GRADE_LABELS[person.grade], person.rank, remarks(person, masker)]
        rows.append(values)

    unit_rows = []
    for unit in result.units:
        tied = "、".join(person.sheet.label for person in unit.tied)
        unit_rows.append([unit.unit, unit.headcount, unit.headcount_source, unit.sheets, unit.quota,
                          unit.counts["excellent"], unit.counts["pass"], unit.counts["fail"], tied])

    workbook = Workbook(write_only=True)
    _write_sheet(workbook, "考核汇总", f"{_year_text(year)}“三区”科技人才绩效考核汇总", headers, rows, freeze="E3")
    _write_sheet(workbook, "各单位名额",
                 f"{_year_text(year)}各选派单位优秀名额（{rules.appraisal.excellent_quota_percent}%，向下取整）",
                 ["选派单位", "人数", "人数来源", "评分表份数", "优秀名额", "优秀", "合格", "不合格", "同分待定"],
                 unit_rows)
    with atomic_output(target, force) as temp:
        workbook.save(temp)


def write_notice(target: Path, result: ScoreResult, year: int | None, force: bool) -> None:
    """公示名单: name, unit and 等次; IDs are masked even with --show-pii, since the list is public."""
    from openpyxl import Workbook

    rows = []
    for serial, person in enumerate(ordered(result), start=1):
        number_text = person_id(person)
        grade = TIE_LABEL if person.tied else GRADE_LABELS[person.grade]
        rows.append([serial, person.unit, person.sheet.text("name"), mask_id(number_text) if number_text else None,
                     grade])
    workbook = Workbook(write_only=True)
    _write_sheet(workbook, "公示名单", f"{_year_text(year)}“三区”科技人才绩效考核结果公示名单",
                 ["序号", "选派单位", "姓名", "身份证号", "考核等次"], rows)
    with atomic_output(target, force) as temp:
        workbook.save(temp)


def _form_values(person: PersonScore, positions, masker: Masker, year: int | None) -> dict[tuple[int, int], Any]:
    fields = {name: person.sheet.text(name) for name in ("name", "work_unit", "specialty", "title", "team",
                                                          "host_unit")}
    if person.roster is not None:
        for name in fields:
            fields[name] = fields[name] or person.roster.get(name)
    fields["dispatching_unit"] = person.unit
    fields["id_number"] = masker.id_number(person_id(person))
    fields["phone"] = masker.text(person.sheet.text("phone"))
    fields["year"] = person.sheet.year or year
    fields["total"] = number(person.total)
    fields["grade"] = TIE_LABEL if person.tied else GRADE_LABELS[person.grade]
    fields["appraised_on"] = _date_text(person.sheet.appraised_on)

    values = {positions.fields[name]: value for name, value in fields.items() if name in positions.fields}
    for item in person.items:
        place = positions.points.get(item.indicator.number)
        if place:
            values[place] = number(item.points)
    return values


def _date_text(cell) -> str | None:
    """Return the 考核日期 as typed, or ISO yyyy-mm-dd for a date cell."""
    if cell is None or cell.raw is None:
        return None
    if hasattr(cell.raw, "year"):
        return cell.raw.strftime("%Y-%m-%d")
    return str(cell.raw)


def form_name(serial: int, person: PersonScore) -> str:
    name = _UNSAFE.sub("_", person.sheet.text("name") or "未填姓名")
    return f"{serial:04d}-{name}.xlsx"


def write_forms(folder: Path, result: ScoreResult, rules: RuleSet, masker: Masker, template: Path, year: int | None,
                force: bool) -> list[Path]:
    """Write one filled 附件2 per person into folder/<选派单位>/.

    The forms are written into a hidden folder beside `folder` and renamed into place when all
    are done, so a failure leaves no half-written set. An existing folder is replaced only with
    `force`.
    """
    import shutil
    import tempfile

    from sanqu_cli.render.form_writer import FormWriter
    from sanqu_cli.render.score_form import locate_fields
    from sanqu_cli.schema.read import limits_from
    from sanqu_cli.workbook.grid import open_book

    if folder.exists() and not force:
        raise CannotRun(f"输出文件夹 {folder} 已存在，未覆盖。请换一个输出位置，或加 --force 覆盖。")
    if folder.exists() and not folder.is_dir():
        raise CannotRun(f"输出位置 {folder} 不是文件夹，无法写入评分表。")
    grid = open_book(template, limits_from(rules)).sheets[0]
    positions = locate_fields(grid, rules)
    writer = FormWriter(template, list(positions.fields.values()) + list(positions.points.values()))

    people = ordered(result)
    relative = [Path(_UNSAFE.sub("_", person.unit)) / form_name(serial, person)
                for serial, person in enumerate(people, start=1)]
    ensure_dir(folder.parent)
    temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        for unit_folder in {path.parent for path in relative}:
            (temp / unit_folder).mkdir(parents=True, exist_ok=True)
        for person, path in zip(people, relative):
            writer.write(temp / path, _form_values(person, positions, masker, year))
        if folder.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old.", dir=folder.parent))
            folder.rename(old / folder.name)
            temp.rename(folder)
            shutil.rmtree(old, ignore_errors=True)
        else:
            temp.rename(folder)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return [folder / path for path in relative]


def write_outputs(out: Path, result: ScoreResult, rules: RuleSet, masker: Masker, template: Path,
                  year: int | None, force: bool) -> Written:
    """Write the three outputs; existing files are kept unless `force`, checked before anything is written."""
    summary, notice = out / SUMMARY_NAME, out / NOTICE_NAME
    check_writable(summary, force)
    check_writable(notice, force)
    if (out / FORMS_DIR).exists() and not force:
        raise CannotRun(f"输出文件夹 {out / FORMS_DIR} 已存在，未覆盖。请换一个输出位置，或加 --force 覆盖。")
    forms = write_forms(out / FORMS_DIR, result, rules, masker, template, year, force)
    write_summary(summary, result, rules, masker, year, force)
    write_notice(notice, result, year, force)
    return Written(summary=summary, notice=notice, forms=forms)
