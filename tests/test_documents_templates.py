"""`sanqu template KIND`: blank input workbooks that read back clean once filled with good data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from builders import make_id, person
from sanqu_cli.reference import counties
from sanqu_cli.render.input_template import GUIDE_SHEET, LIST_SHEET, dropdown_values, template_kinds
from sanqu_cli.rules import load_rules
from sanqu_cli.schema import KINDS
from sanqu_cli.schema.read import read_table
from sanqu_cli.validate import ValidateOptions, check_read

LONG_ID = "540102199001011233"


def _headers(sheet) -> list[str]:
    return [cell.value for cell in sheet[1]]


def _fill(sheet, rows: list[dict]) -> None:
    headers = _headers(sheet)
    for offset, values in enumerate(rows, start=2):
        for column, header in enumerate(headers, start=1):
            if values.get(header) is not None:
                sheet.cell(row=offset, column=column, value=values[header])


def _generic_row(kind: str, serial: int) -> dict:
    """Return one good row for any table kind, built from its column kinds and dropdowns."""
    rules = load_rules()
    spec = KINDS[kind]
    by_kind = {"id_number": make_id(serial), "phone": f"139{serial:08d}", "date": dt.date(2024, 5, serial),
               "period": "2024.3.1-2024.11.30", "whole": 5, "decimal": 100, "yes_no": "是", "text": f"测试{serial}"}
    row = {}
    for column in spec.columns:
        values = dropdown_values(spec, column, rules)
        row[column.header] = values[0] if values else by_kind.get(column.kind, f"测试{serial}")
    row[spec.columns[0].header] = serial
    return row


def _findings(path: Path, kind: str, sheet: str) -> list:
    rules = load_rules()
    read = read_table(path, rules, [KINDS[kind]], sheet=sheet, forced=True)
    report = check_read(read, ValidateOptions(rules=rules))
    assert report.records > 0
    return report.findings


def test_roster_template_keeps_18_digit_id(cli, tmp_path: Path) -> None:
    target = tmp_path / "花名册模板.xlsx"
    assert cli("template", "roster", "--out", target).exit_code == 0

    workbook = load_workbook(target)
    sheet = workbook["花名册"]
    id_column = _headers(sheet).index("身份证号") + 1
    phone_column = _headers(sheet).index("联系电话") + 1
    assert sheet.cell(row=2, column=id_column).number_format == "@"
    assert sheet.cell(row=2, column=phone_column).number_format == "@"
    assert sheet.column_dimensions[sheet.cell(row=1, column=id_column).column_letter].number_format == "@"
    _fill(sheet, [person(1, 身份证号=LONG_ID)])
    workbook.save(target)

    shown = cli("inspect", target, "--format", "json", "--show-pii")
    assert shown.json()["records"][0]["values"]["id_number"] == LONG_ID
    checked = cli("validate", target)
    assert checked.exit_code == 0, checked.stdout
    assert "未发现问题" in checked.stdout


def test_roster_template_validates_clean(tmp_path: Path, cli) -> None:
    target = tmp_path / "花名册模板.xlsx"
    assert cli("template", "roster", "--out", target).exit_code == 0
    workbook = load_workbook(target)
    _fill(workbook["花名册"], [person(serial) for serial in range(1, 6)])
    workbook.save(target)

    result = cli("validate", target, "--format", "json")
    assert result.exit_code == 0
    assert result.json()["summary"]["records"] == 5
    assert result.json()["files"][0]["findings"] == []


@pytest.mark.parametrize("name", list(template_kinds()))
def test_every_template_reads_back_clean(cli, tmp_path: Path, name: str) -> None:
    target = tmp_path / f"{name}.xlsx"
    assert cli("template", name, "--out", target).exit_code == 0
    workbook = load_workbook(target)
    kinds = template_kinds()[name]
    sheets = [sheet for sheet in workbook.sheetnames if sheet not in (LIST_SHEET, GUIDE_SHEET)]
    assert len(sheets) == len(kinds)
    for kind, sheet in zip(kinds, sheets):
        assert _headers(workbook[sheet]) == [column.header for column in KINDS[kind].columns]
        rows = [person(1), person(2)] if kind == "roster" else [_generic_row(kind, 1), _generic_row(kind, 2)]
        _fill(workbook[sheet], rows)
    workbook.save(target)

    for kind, sheet in zip(kinds, sheets):
        assert _findings(target, kind, sheet) == []


def test_roster_template_dropdowns(cli, tmp_path: Path) -> None:
    target = tmp_path / "花名册模板.xlsx"
    assert cli("template", "roster", "--out", target).exit_code == 0
    workbook = load_workbook(target)
    sheet = workbook["花名册"]
    lists = workbook[LIST_SHEET]
    headers = _headers(sheet)

    assert lists.sheet_state == "hidden"
    assert workbook.sheetnames[0] == "花名册"
    assert GUIDE_SHEET in workbook.sheetnames
    assert sheet.freeze_panes == "A2"
    offered = {}
    for validation in sheet.data_validations.dataValidation:
        letter = str(validation.sqref).split(":")[0].rstrip("0123456789")
        header = headers[[cell.column_letter for cell in sheet[1]].index(letter)]
        source = validation.formula1.split("!")[1].replace("$", "")
        start, end = source.split(":")
        offered[header] = [cell.value for (cell,) in lists[f"{start}:{end}"]]
    assert offered["人员类别"] == ["区内专业技术人员", "区外专业技术人员", "乡土人才"]
    assert offered["服务区类别"] == ["二类区", "三类区", "四类区"]
    assert offered["团内职务"] == ["团长", "成员"]
    assert offered["职称级别"] == ["正高级", "副高级", "中级", "初级", "无"]
    assert offered["三方协议"] == ["是", "否"]
    assert offered["是否驻村"] == ["是", "否"]
    assert offered["受援县(区)"] == [county.name for county in counties()]
    assert len(offered["受援县(区)"]) == 74
    assert sheet.column_dimensions["C"].width >= 20


def test_template_guide_lists_required_columns(cli, tmp_path: Path) -> None:
    target = tmp_path / "花名册模板.xlsx"
    assert cli("template", "roster", "--out", target).exit_code == 0
    guide = load_workbook(target)[GUIDE_SHEET]
    rows = {row[0]: row[1:] for row in guide.iter_rows(values_only=True) if row and row[0]}

    assert rows["身份证号"][0] == "必填"
    assert "文本格式" in rows["身份证号"][1]
    assert rows["专业"][0] == "选填"


def test_score_sheet_copies_shipped_file(cli, tmp_path: Path, monkeypatch) -> None:
    import sanqu_cli.resources as resources

    shipped = tmp_path / "templates"
    shipped.mkdir()
    (shipped / "附件2-绩效考核评分表.xlsx").write_bytes(b"score sheet bytes")
    monkeypatch.setattr(resources, "templates_dir", lambda: shipped)

    result = cli("template", "score-sheet", "--out", tmp_path / "评分表.xlsx")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "评分表.xlsx").read_bytes() == b"score sheet bytes"


def test_score_sheet_missing_is_explained(cli, tmp_path: Path, monkeypatch) -> None:
    import sanqu_cli.resources as resources

    monkeypatch.setattr(resources, "templates_dir", lambda: tmp_path)
    result = cli("template", "score-sheet", "--out", tmp_path / "评分表.xlsx")

    assert result.exit_code == 2
    assert "附件2-绩效考核评分表.xlsx" in result.stderr
    assert not (tmp_path / "评分表.xlsx").exists()


def test_template_unknown_kind(cli, tmp_path: Path) -> None:
    result = cli("template", "rosters", "--out", tmp_path / "x.xlsx")

    assert result.exit_code == 2
    assert "未知的模板类型“rosters”" in result.stderr
    assert "service-log" in result.stderr


def test_template_keeps_existing_file(sanqu, tmp_path: Path) -> None:
    target = tmp_path / "服务日志.xlsx"
    assert sanqu("template", "service-log", "--out", target).exit_code == 0

    again = sanqu("template", "service-log", "--out", target)
    assert again.exit_code == 2
    assert "已存在" in again.stderr
