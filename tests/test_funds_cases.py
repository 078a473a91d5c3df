"""`sanqu funds` on small rosters and ledgers: each case of the fund rules B601–B610."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from builders import ROSTER_HEADERS, make_id, person, write_roster, write_rows

FUNDS_HEADERS = [*ROSTER_HEADERS, "工作补助", "是否驻村"]
LEDGER_HEADERS = ["序号", "日期", "姓名", "身份证号", "支出类别", "金额(元)", "收款人", "用途"]


def roster(tmp_path: Path, *people: dict) -> Path:
    title = [["2024年度“三区”科技人才选派人员花名册"]]
    return write_roster(tmp_path / "花名册.xlsx", list(people), headers=FUNDS_HEADERS, preamble=title)


def ledger(tmp_path: Path, rows: list[list]) -> Path:
    body = [[index, *row] for index, row in enumerate(rows, start=1)]
    return write_rows(tmp_path / "明细.xlsx", [LEDGER_HEADERS, *body], sheet="经费支出明细")


def payment(serial: int, kind: str, amount, payee: str | None = None, purpose: str = "", date=dt.date(2024, 6, 1)):
    """A ledger row (without 序号) for the person `person(serial)`."""
    return [date, f"测试{serial}", make_id(serial), kind, amount, payee, purpose]


def run_json(cli, tmp_path: Path, roster_path: Path, *extra) -> tuple[int, dict]:
    result = cli("funds", roster_path, "--out", tmp_path / "out", "--format", "json", "--force", *extra)
    return result.exit_code, result.json()


def findings(data: dict, code: str) -> list[dict]:
    return [finding for file in data["files"] for finding in file["findings"] if finding["code"] == code]


def test_45_days_class_4_is_9000(cli, tmp_path):
    path = roster(tmp_path, person(1, 服务区类别="四类区", 服务天数=45))

    code, data = run_json(cli, tmp_path, path)

    assert code == 0
    assert data["people"][0]["work_subsidy"] == "9000.00"
    assert data["people"][0]["day_rate"] == "200.00"
    assert data["people"][0]["remaining"] == "11000.00"
    assert not findings(data, "B601")


def test_recorded_subsidy_wrong_cites_both_cells(cli, tmp_path):
    path = roster(tmp_path, person(1, 服务区类别="三类区", 服务天数=45, 工作补助=9000))

    code, data = run_json(cli, tmp_path, path)
    found = findings(data, "B601")

    assert code == 1
    assert len(found) == 1
    assert found[0]["cell"] == "R3"  # the 工作补助 cell
    assert "花名册!P3" in found[0]["related"]  # the 服务天数 cell
    assert "6,750.00" in found[0]["message"]
    assert "9,000.00" in found[0]["message"]
    assert data["people"][0]["work_subsidy"] == "6750.00"
    assert data["people"][0]["recorded_work_subsidy"] == "9000.00"


def test_120_days_class_4_over_budget(cli, tmp_path):
    path = roster(tmp_path, person(1, 服务区类别="四类区", 服务天数=120), person(2))

    code, data = run_json(cli, tmp_path, path)
    found = findings(data, "B602")

    assert code == 1
    assert data["people"][0]["work_subsidy"] == "24000.00"
    assert data["people"][0]["remaining"] == "-4000.00"
    assert [finding["cell"] for finding in found] == ["P3"]
    assert "24,000.00" in found[0]["message"]


def test_unit_over_budget(cli, tmp_path):
    path = roster(tmp_path, person(1, 服务区类别="四类区", 服务天数=120),
                  person(2, 服务区类别="四类区", 服务天数=110))

    code, data = run_json(cli, tmp_path, path)
    unit = data["units"][0]

    assert unit["budget"] == "40000.00"
    assert unit["total"] == "46000.00"
    assert unit["remaining"] == "-6000.00"
    assert any("选派单位" in finding["message"] and finding["cell"] == "H3" for finding in findings(data, "B602"))


def test_subsidy_paid_to_in_region_person(cli, tmp_path):
    path = roster(tmp_path, person(1, 服务天数=45))
    book = ledger(tmp_path, [payment(1, "工作补助", 5400, payee="测试1")])

    code, data = run_json(cli, tmp_path, path, "--ledger", book)
    found = findings(data, "B604")

    assert code == 1
    assert [(finding["sheet"], finding["cell"]) for finding in found] == [("经费支出明细", "G2")]
    assert "花名册.xlsx!花名册!G3" in found[0]["related"]  # the 人员类别 cell


@pytest.mark.parametrize("category, kind, payee", [
    ("区外专业技术人员", "工作补助", "测试1"),      # 区外: 工作补助 may go to the person
    ("区内专业技术人员", "交通差旅", "测试1"),      # travel reimbursed to the traveller
    ("区内专业技术人员", "工作补助", "林周县农业农村局"),  # paid to the host unit
])
def test_payment_allowed_without_b604(cli, tmp_path, category, kind, payee):
    path = roster(tmp_path, person(1, 人员类别=category, 技术职称="高级农艺师", 服务天数=45))
    amount = 5400 if kind == "工作补助" else 800
    book = ledger(tmp_path, [payment(1, kind, amount, payee=payee)])

    code, data = run_json(cli, tmp_path, path, "--ledger", book)

    assert findings(data, "B604") == []
    assert code == 0


def test_management_fee_is_b606_and_b603(cli, tmp_path):
    path = roster(tmp_path, person(1))
    book = ledger(tmp_path, [payment(1, "管理费", 500, payee="西藏自治区农牧科学院", purpose="提取管理费")])

    code, data = run_json(cli, tmp_path, path, "--ledger", book)

    assert code == 1
    assert [finding["cell"] for finding in findings(data, "B606")] == ["E2"]
    assert [finding["cell"] for finding in findings(data, "B603")] == ["E2"]
    assert data["people"][0]["spent"]["other"] == "500.00"


def test_village_resident_village_costs(cli, tmp_path):
    path = roster(tmp_path, person(1, 是否驻村="是"), person(2, 是否驻村="否"))
    book = ledger(tmp_path, [payment(1, "生产资料", 300, purpose="驻村工作队办公用品"),
                             payment(2, "生产资料", 300, purpose="驻村工作队办公用品")])

    _, data = run_json(cli, tmp_path, path, "--ledger", book)

    assert [finding["cell"] for finding in findings(data, "B605")] == ["H2"]


def test_lost_work_pay_is_warning(cli, tmp_path):
    path = roster(tmp_path, person(1))
    book = ledger(tmp_path, [payment(1, "培训", 600, purpose="参训农牧民误工费")])

    code, data = run_json(cli, tmp_path, path, "--ledger", book)
    found = findings(data, "B607")

    assert code == 0
    assert [(finding["cell"], finding["severity"]) for finding in found] == [("H2", "warning")]


def test_ledger_row_checks(cli, tmp_path):
    path = roster(tmp_path, person(1))
    rows = [payment(1, "交通差旅", -20), payment(1, "交通差旅", "12.345"),
            payment(1, "交通差旅", 100, date=dt.date(2023, 12, 30)),
            [dt.date(2024, 5, 1), "无此人", None, "交通差旅", 50, None, ""],
            [dt.date(2024, 5, 1), "别名", make_id(1), "交通差旅", 50, None, ""]]
    book = ledger(tmp_path, rows)

    _, data = run_json(cli, tmp_path, path, "--ledger", book)

    assert [finding["cell"] for finding in findings(data, "B608")] == ["F2", "F3"]
    assert [finding["cell"] for finding in findings(data, "B609")] == ["B4"]
    assert [finding["cell"] for finding in findings(data, "B610")] == ["C5", "C6"]


def test_amount_units_read_exactly(cli, tmp_path):
    path = roster(tmp_path, person(1, 工作补助="5,400.00"))
    book = ledger(tmp_path, [payment(1, "生产资料", "1.5万元"), payment(1, "生产资料", "1,000.50"),
                             payment(1, "差旅费", "15,000.00")])

    _, data = run_json(cli, tmp_path, path, "--ledger", book)
    spent = data["people"][0]["spent"]

    assert spent["materials"] == "16000.50"
    assert spent["travel"] == "15000.00"
    assert findings(data, "B601") == []  # "5,400.00" is 45 days × 120


def test_300_small_amounts_sum_exactly(cli, tmp_path):
    rng = random.Random(7)
    amounts = [rng.choice(["0.1", "0.2", "0.3", "0.07", "1.01"]) for _ in range(300)]
    path = roster(tmp_path, person(1))
    book = ledger(tmp_path, [payment(1, "交通差旅", float(amount)) for amount in amounts])
    expected = sum(Decimal(amount) for amount in amounts)

    _, data = run_json(cli, tmp_path, path, "--ledger", book)
    workbook = load_workbook(tmp_path / "out" / "补助测算.xlsx")
    float_sum = sum(float(amount) for amount in amounts)

    assert data["people"][0]["spent"]["travel"] == f"{expected:.2f}"
    assert Decimal(data["people"][0]["total"]) == expected + Decimal("5400")
    assert float_sum != float(expected)  # the binary sum is off, the Decimal one is not
    assert workbook["个人测算"]["K2"].value == pytest.approx(float(expected), abs=0)


def test_workbook_money_is_numeric(cli, tmp_path):
    path = roster(tmp_path, person(1, 服务区类别="四类区", 服务天数=45), person(2, 选派单位="西藏农牧学院"))

    assert cli("funds", path, "--out", tmp_path / "out").exit_code == 0
    workbook = load_workbook(tmp_path / "out" / "补助测算.xlsx")
    people, units = workbook["个人测算"], workbook["单位汇总"]

    assert people["I1"].value == "工作补助(测算)"
    assert people["I2"].value == 9000
    assert people["I2"].data_type == "n"
    assert "0.00" in people["I2"].number_format
    assert "元" in people["I2"].number_format
    for cell in units[2][2:]:
        assert cell.data_type == "n", cell.coordinate
        assert "0.00" in cell.number_format, cell.coordinate
    assert units["A4"].value == "合计"
    assert units["C4"].value == 40000
    assert "200" in str([row for row in workbook["说明"].iter_rows(values_only=True)])


def test_output_kept_without_force(cli, tmp_path):
    path = roster(tmp_path, person(1))
    assert cli("funds", path, "--out", tmp_path).exit_code == 0
    before = (tmp_path / "补助测算.xlsx").read_bytes()

    again = cli("funds", path, "--out", tmp_path)

    assert again.exit_code == 2
    assert "--force" in again.stderr
    assert (tmp_path / "补助测算.xlsx").read_bytes() == before
    assert cli("funds", path, "--out", tmp_path, "--force").exit_code == 0


def test_unreadable_roster_exit_2(cli, tmp_path):
    path = tmp_path / "坏.xlsx"
    path.write_bytes(b"PK\x03\x04broken")

    result = cli("funds", path, "--out", tmp_path / "out")

    assert result.exit_code == 2
    assert "F001" in result.stdout
    assert not (tmp_path / "out" / "补助测算.xlsx").exists()


def test_validate_detects_ledger(cli, tmp_path):
    book = ledger(tmp_path, [payment(1, "管理费", 500), payment(1, "保险费", 150)])

    result = cli("validate", book, "--format", "json")
    file = result.json()["files"][0]

    assert file["kind"] == "expense_ledger"
    assert sorted(finding["code"] for finding in file["findings"]) == ["B603", "B606"]
    assert any("B604" in skipped for skipped in file["skipped_checks"])


def test_funds_subprocess_masks_ids(sanqu, tmp_path):
    path = roster(tmp_path, person(1, 服务区类别="四类区", 服务天数=45))

    masked = sanqu("funds", path, "--out", tmp_path / "a", "--format", "json")
    shown = sanqu("funds", path, "--out", tmp_path / "b", "--format", "json", "--show-pii")

    assert masked.exit_code == 0, masked.stderr
    assert make_id(1) not in masked.stdout
    assert make_id(1) in shown.stdout
    assert '"work_subsidy": "9000.00"' in masked.stdout


def test_ledger_aliases_and_spaced_names(cli, tmp_path):
    path = roster(tmp_path, person(1, 姓名="扎西卓玛"))
    rows = [["支出日期", "选派人员姓名", "费用类别", "报销金额", "领款人", "摘要"],
            [dt.date(2024, 4, 2), "扎西 卓玛", "差旅费", "1,200.00", "拉萨客运站", "车票"],
            [dt.date(2024, 4, 3), "扎西卓玛", "生产资料", None, "农资公司", "种子"]]
    book = write_rows(tmp_path / "报销台账.xlsx", rows, sheet="Sheet1")

    _, data = run_json(cli, tmp_path, path, "--ledger", book)

    assert data["people"][0]["spent"]["travel"] == "1200.00"
    assert findings(data, "B610") == []
    assert [finding["cell"] for finding in findings(data, "B608")] == ["D3"]  # the blank amount


def test_ledger_id_stored_as_number(cli, tmp_path):
    path = roster(tmp_path, person(1))
    book = ledger(tmp_path, [[dt.date(2024, 4, 2), "测试1", 5.40102198001021e17, "交通差旅", 100, None, ""]])

    _, data = run_json(cli, tmp_path, path, "--ledger", book)

    assert [finding["cell"] for finding in findings(data, "P102")] == ["D2"]


def test_rule_set_rejects_unknown_alias_kind(cli, tmp_path):
    from sanqu_cli.rules.model import RULES_DIR

    text = (RULES_DIR / "zangkefa-2022-93.toml").read_text(encoding="utf-8")
    custom = tmp_path / "rules.toml"
    custom.write_text(text.replace('"培训" = ["培训费", "培训费用"]', '"会议" = ["会议费"]'), encoding="utf-8")

    result = cli("funds", roster(tmp_path, person(1)), "--out", tmp_path / "out", "--rules", custom)

    assert result.exit_code == 2
    assert "会议" in result.stderr
    assert "expense_kinds" in result.stderr


def test_rule_set_day_rates_used(cli, tmp_path):
    from sanqu_cli.rules.model import RULES_DIR

    text = (RULES_DIR / "zangkefa-2022-93.toml").read_text(encoding="utf-8")
    custom = tmp_path / "rules.toml"
    custom.write_text(text.replace("4 = 200", "4 = 230"), encoding="utf-8")

    code, data = run_json(cli, tmp_path, roster(tmp_path, person(1, 服务区类别="四类区", 服务天数=45)),
                          "--rules", custom)

    assert data["people"][0]["work_subsidy"] == "10350.00"
    assert data["day_rates"]["4"] == "230.00"


def test_unreadable_ledger_writes_nothing(cli, tmp_path):
    book = tmp_path / "明细.xlsx"
    book.write_bytes(b"PK\x03\x04broken")

    result = cli("funds", roster(tmp_path, person(1)), "--ledger", book, "--out", tmp_path / "out")

    assert result.exit_code == 2
    assert "明细.xlsx" in result.stderr
    assert not (tmp_path / "out" / "补助测算.xlsx").exists()


def test_unknown_area_class_not_computed(cli, tmp_path):
    path = roster(tmp_path, person(1, 服务区类别="五类区", 工作补助=3000))

    code, data = run_json(cli, tmp_path, path)
    person_figures = data["people"][0]

    assert code == 1
    assert [finding["cell"] for finding in findings(data, "P130")] == ["M3"]
    assert person_figures["work_subsidy"] is None
    assert person_figures["spent"]["work_subsidy"] == "3000.00"  # the recorded amount
    assert person_figures["sources"]["work_subsidy"] == "花名册"


def test_json_findings_match_validate_fields(cli, tmp_path):
    path = roster(tmp_path, person(1, 服务区类别="三类区", 服务天数=45, 工作补助=9000, 联系电话="12345"))
    validate = cli("validate", path, "--format", "json").json()["files"][0]["findings"][0]

    _, data = run_json(cli, tmp_path, path)

    assert set(findings(data, "B601")[0]) == set(validate)
    assert data["rule_set"] == "zangkefa-2022-93"
    assert data["year"] == 2024
