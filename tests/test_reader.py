"""Reading real office layouts: title rows, merged two-row headers, notes, encodings, odd cells."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import msoffcrypto.format.ooxml
from openpyxl import Workbook
from openpyxl.styles import Font

from builders import ROSTER_HEADERS, hide_all_sheets, make_id, person, write_roster, write_rows
from sanqu_cli.rules import load_rules
from sanqu_cli.schema import KINDS
from sanqu_cli.schema.read import read_table

RULES = load_rules()


def read(path: Path, **options):
    return read_table(path, RULES, list(KINDS.values()), **options)


def codes_at(result) -> set[tuple[str, str]]:
    return {(finding.code, finding.cell) for finding in result.findings}


def test_office_layout_two_row_header(tmp_path):
    headers_top = ["序号", "姓名", "身份证号", "工作单位", "技术职称", "人员类别", "选派单位", "受援单位", "受援县(区)",
                   "服务区类别", "服务期", None, "服务天数", "三方协议"]
    headers_sub = [None] * 10 + ["开始", "结束", None, None]
    rows = [
        ["2023年度“三区”科技人才选派人员花名册"] + [None] * 13,
        ["填表人：卓玛", None, None, "联系电话：0891-6812345"] + [None] * 10,
        headers_top,
        headers_sub,
    ]
    for serial in range(1, 6):
        rows.append([serial, f"人员{serial}", make_id(serial), "农牧科学院", "农艺师", "区内专业技术人员", "农牧科学院",
                     "林周县农业农村局", "林周县", "二类区", dt.date(2023, 3, 1), dt.date(2023, 10, 31), 40, "是"])
    rows.append([None] * 14)
    rows.append([6, "人员6", make_id(6), "农牧科学院", "农艺师", "区内", "农牧科学院", "林周县农业农村局", "林周县",
                 "二类", "2023.3.1", "2023.10.31", "40天", "是"])
    rows.append(["合计", "6人"] + [None] * 12)
    rows.append(["注：身份证号请用文本格式。"] + [None] * 13)
    merges = ["A1:N1", "K3:L3"] + [f"{col}3:{col}4" for col in "ABCDEFGHIJMN"]
    path = write_rows(tmp_path / "layout.xlsx", rows, merges=merges)

    result = read(path)

    assert result.spec.kind == "roster"
    assert result.layout.header_rows == [3, 4]
    assert len(result.records) == 6
    assert result.year == 2023
    assert result.year_source == "标题行"
    fields = result.layout.fields
    assert fields["service_start"].letter == "K"
    assert fields["service_end"].letter == "L"
    assert fields["service_days"].letter == "M"
    last = result.records[-1]
    assert last.get("service_start") == dt.date(2023, 3, 1)
    assert last.get("service_days") == 40
    assert last.get("category") == "in_region"
    assert last.get("area_class") == "2"
    assert result.findings == []


def test_bold_empty_cell_far_below(tmp_path):
    path = write_roster(tmp_path / "far.xlsx", [person(i) for i in range(1, 7)])
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    workbook.active["A12000"].font = Font(bold=True)
    workbook.save(path)

    result = read(path)

    assert len(result.records) == 6


def test_formula_without_cached_value(tmp_path):
    path = write_roster(tmp_path / "formula.xlsx", [person(1, 服务天数="=B2*C2"), person(2)])

    result = read(path)

    assert ("F007", "P2") in codes_at(result)
    assert result.records[0].get("service_days") is None


def test_encrypted_workbook(tmp_path):
    plain = write_roster(tmp_path / "plain.xlsx", [person(1)])
    encrypted = tmp_path / "locked.xlsx"
    with plain.open("rb") as source, encrypted.open("wb") as target:
        msoffcrypto.format.ooxml.OOXMLFile(source).encrypt("secret", target)

    result = read(encrypted)

    assert not result.readable
    assert result.findings[0].code == "F002"
    assert "文件已加密" in result.findings[0].message


def test_gb18030_csv_keeps_rare_characters(tmp_path):
    path = tmp_path / "roster.csv"
    row = person(1, 姓名="王䶮")
    lines = [",".join(ROSTER_HEADERS), ",".join(str(row[h] or "") for h in ROSTER_HEADERS)]
    path.write_bytes("\r\n".join(lines).encode("gb18030"))

    result = read(path)

    assert result.records[0].get("name") == "王䶮"


def test_utf8_bom_csv(tmp_path):
    path = tmp_path / "roster.csv"
    row = person(1, 姓名="次仁卓玛")
    lines = [",".join(ROSTER_HEADERS), ",".join(str(row[h] or "") for h in ROSTER_HEADERS)]
    path.write_bytes("\ufeff".encode() + "\n".join(lines).encode("utf-8"))

    result = read(path)

    assert result.records[0].get("name") == "次仁卓玛"
    assert result.layout.fields["name"].letter == "B"


def test_headers_with_odd_spaces(tmp_path):
    headers = [h.replace("姓名", "姓\u3000名").replace("服务天数", "服务天数\u00a0") for h in ROSTER_HEADERS]
    row = person(1, 姓名="李四 ")
    row["姓\u3000名"] = row.pop("姓名")
    row["服务天数\u00a0"] = row.pop("服务天数")
    path = write_roster(tmp_path / "spaces.xlsx", [row], headers=headers)

    result = read(path)

    assert result.records[0].get("name") == "李四"
    assert result.records[0].get("service_days") == 45


def test_service_days_text_forms(tmp_path):
    people = [person(1, 服务天数="３０"), person(2, 服务天数="30天"), person(3, 服务天数="30 天"), person(4, 服务天数=30.0)]
    path = write_roster(tmp_path / "days.xlsx", people)

    result = read(path)

    assert [record.get("service_days") for record in result.records] == [30, 30, 30, 30]
    assert all(type(record.get("service_days")) is int for record in result.records)


def test_dates_as_text_and_number(tmp_path):
    people = [person(1, 服务开始日期="2022.4.29"), person(2, 服务开始日期="2022年4月29日"),
              person(3, 服务开始日期=20220429), person(4, 服务开始日期="2022.4")]
    path = write_roster(tmp_path / "dates.xlsx", people)

    result = read(path)

    starts = [record.get("service_start") for record in result.records]
    assert starts[:3] == [dt.date(2022, 4, 29)] * 3
    assert starts[3] is None
    assert ("P123", "N5") in codes_at(result)


def test_hidden_sheet_skipped_and_named(tmp_path):
    good = [ROSTER_HEADERS] + [[person(1).get(h) for h in ROSTER_HEADERS]]
    path = write_rows(tmp_path / "hidden.xlsx", [["说明：本表为花名册"]], sheet="说明",
                      extra_sheets={"旧花名册": good, "花名册": good}, hidden=("旧花名册",))

    result = read(path)

    assert result.sheet == "花名册"
    assert any("旧花名册" in note for note in result.notes)


def test_only_hidden_sheets(tmp_path):
    good = [ROSTER_HEADERS] + [[person(1).get(h) for h in ROSTER_HEADERS]]
    path = hide_all_sheets(write_rows(tmp_path / "all-hidden.xlsx", good, sheet="花名册", extra_sheets={"备份": good}))

    result = read(path)

    assert not result.readable
    assert result.findings[0].code == "F003"
    assert "隐藏" in result.findings[0].message


def test_sheet_option_reads_hidden_sheet(tmp_path):
    good = [ROSTER_HEADERS] + [[person(1).get(h) for h in ROSTER_HEADERS]]
    path = write_rows(tmp_path / "pick.xlsx", good, sheet="花名册", extra_sheets={"备份": good}, hidden=("花名册",))

    result = read(path, sheet="花名册")

    assert result.sheet == "花名册"
    assert len(result.records) == 1


def test_missing_required_column(tmp_path):
    headers = [h for h in ROSTER_HEADERS if h != "三方协议"]
    path = write_roster(tmp_path / "missing.xlsx", [person(1)], headers=headers)

    result = read(path)

    f005 = [finding for finding in result.findings if finding.code == "F005"]
    assert len(f005) == 1
    assert "三方协议" in f005[0].message
    assert "是否签订三方协议" in f005[0].message


def test_duplicate_column(tmp_path):
    headers = ROSTER_HEADERS + ["身份证号码"]
    row = person(1)
    row["身份证号码"] = row["身份证号"]
    path = write_roster(tmp_path / "dup.xlsx", [row], headers=headers)

    result = read(path)

    assert ("F006", "R1") in codes_at(result)


def test_unknown_kind(tmp_path):
    path = write_rows(tmp_path / "other.xlsx", [["品种", "产量"], ["青稞", 300]])

    result = read(path)

    assert not result.readable
    assert result.findings[0].code == "F008"


def test_forced_kind_without_header(tmp_path):
    path = write_rows(tmp_path / "other.xlsx", [["品种", "产量"], ["青稞", 300]])

    result = read_table(path, RULES, [KINDS["roster"]], forced=True)

    assert result.findings[0].code == "F004"


def test_file_type_by_content_not_extension(tmp_path):
    source = write_roster(tmp_path / "real.xlsx", [person(1)])
    renamed = tmp_path / "renamed.csv"
    renamed.write_bytes(source.read_bytes())

    result = read(renamed)

    assert len(result.records) == 1


def test_not_a_workbook(tmp_path):
    path = tmp_path / "notes.xlsx"
    path.write_bytes(b"\x00\x01\x02binary junk" * 10)

    result = read(path)

    assert result.findings[0].code == "F001"


def test_empty_file_and_directory(tmp_path):
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")

    assert read(empty).findings[0].code == "F001"
    assert read(tmp_path).findings[0].code == "F001"


def test_html_table_saved_as_xls(tmp_path):
    row = person(1)
    cells = "".join(f"<th>{h}</th>" for h in ROSTER_HEADERS)
    values = "".join(f"<td>{row[h] if row[h] is not None else ''}</td>" for h in ROSTER_HEADERS)
    html = f"<html><head><meta charset='utf-8'></head><body><table><tr>{cells}</tr><tr>{values}</tr></table></body></html>"
    path = tmp_path / "export.xls"
    path.write_text(html, encoding="utf-8")

    result = read(path)

    assert len(result.records) == 1
    assert result.records[0].get("name") == "测试1"


def test_legacy_xls(tmp_path):
    result = read(Path(__file__).parent / "data" / "roster-legacy.xls")

    assert result.spec.kind == "roster"
    assert len(result.records) == 3
    assert result.records[0].get("service_days") == 45


def test_1904_date_system(tmp_path):
    workbook = Workbook()
    workbook.epoch = __import__("openpyxl").utils.datetime.CALENDAR_MAC_1904
    sheet = workbook.active
    sheet.title = "花名册"
    sheet.append(ROSTER_HEADERS)
    row = person(1)
    sheet.append([row.get(h) for h in ROSTER_HEADERS])
    path = tmp_path / "mac.xlsx"
    workbook.save(path)

    result = read(path)

    assert result.records[0].get("service_start") == dt.date(2024, 3, 1)
