"""The example run: every figure of 补助测算.xlsx recomputed from the example files without sanqu's reader."""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import DATA, EXAMPLES, ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

RULES = tomllib.loads((ROOT / "sanqu_cli" / "rules" / "zangkefa-2022-93.toml").read_text(encoding="utf-8"))
KINDS = RULES["funds"]["expense_kinds"]
RATES = {f"{'二三四'[int(area) - 2]}类区": Decimal(rate) for area, rate in RULES["funds"]["day_rate_yuan"].items()}
PER_PERSON = Decimal(RULES["funds"]["per_person_yuan"])
OTHER = "其他(不属于五类)"


def amount(value) -> Decimal:
    """Read an amount as the example ledger writes it: a number, "3,000.00", "1.5万元"."""
    if isinstance(value, (int, float)):
        return Decimal(format(value, ".15g"))
    text = str(value).replace(",", "")
    match = re.fullmatch(r"([\d.]+)(万?)元?", text)
    return Decimal(match.group(1)) * (10000 if match.group(2) else 1)


def kind_of(text: str) -> str:
    for kind in KINDS:
        if text == kind or text in RULES["fund_checks"]["kind_aliases"].get(kind, []):
            return kind
    return OTHER


def sheet_rows(path: Path, sheet: str, header_row: int, first_row: int) -> list[dict]:
    worksheet = load_workbook(path, data_only=True)[sheet]
    headers = [cell.value for cell in worksheet[header_row]]
    rows = []
    for values in worksheet.iter_rows(min_row=first_row, values_only=True):
        if not isinstance(values[0], int):  # the 合计 and 注 rows
            continue
        rows.append(dict(zip(headers, values)))
    return rows


@pytest.fixture(scope="module")
def expected() -> dict:
    """Figures computed here from the example roster and ledger, by 身份证号 and by unit."""
    roster = sheet_rows(EXAMPLES / "roster-2024.xlsx", "花名册", 3, 5)
    ledger = sheet_rows(EXAMPLES / "ledger-2024.xlsx", "经费支出明细", 3, 4)

    people: dict[str, dict] = {}
    for row in roster:
        subsidy = RATES[row["服务区类别"]] * row["服务天数"]
        people[row["身份证号"]] = {"unit": row["选派单位"], "spent": defaultdict(Decimal, {"工作补助": subsidy})}
    units: dict[str, dict] = {}
    for person in people.values():
        unit = units.setdefault(person["unit"], {"headcount": 0, "spent": defaultdict(Decimal)})
        unit["headcount"] += 1

    names = defaultdict(list)
    for row in roster:
        names[row["姓名"]].append(row["身份证号"])
    for row in ledger:
        kind = kind_of(row["支出类别"])
        number = row["身份证号"] or (names[row["姓名"]][0] if len(names.get(row["姓名"], [])) == 1 else None)
        if number in people:
            if kind != "工作补助":  # 工作补助 counts as computed from the days
                people[number]["spent"][kind] += cents(amount(row["金额(元)"]))
        elif not row["姓名"] and row["选派单位"] in units:
            units[row["选派单位"]]["spent"][kind] += cents(amount(row["金额(元)"]))
    for person in people.values():
        for kind, value in person["spent"].items():
            units[person["unit"]]["spent"][kind] += value
    return {"people": people, "units": units}


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> tuple[int, dict, Path]:
    from typer.testing import CliRunner

    from sanqu_cli.cli.app import app

    folder = tmp_path_factory.mktemp("funds")
    result = CliRunner().invoke(app, ["funds", str(EXAMPLES / "roster-2024.xlsx"), "--ledger",
                                      str(EXAMPLES / "ledger-2024.xlsx"), "--out", str(folder), "--format", "json",
                                      "--show-pii"])
    return result.exit_code, json.loads(result.stdout), folder / "补助测算.xlsx"


def cents(value) -> Decimal:
    """Return a workbook number or an exact sum to the 分, rounded half up."""
    return Decimal(format(value, ".15g")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_example_person_sheet_recomputed(expected, output):
    _, _, path = output
    sheet = load_workbook(path)["个人测算"]
    headers = [cell.value for cell in sheet[1]]
    rows = [dict(zip(headers, values)) for values in sheet.iter_rows(min_row=2, values_only=True)]

    assert len(rows) == len(expected["people"]) == 300
    for row in rows:
        person = expected["people"][row["身份证号"]]
        total = sum(person["spent"].values(), Decimal(0))
        assert cents(row["工作补助(测算)"]) == cents(person["spent"]["工作补助"]), row["姓名"]
        for kind in [*KINDS[1:], OTHER]:
            assert cents(row[kind]) == cents(person["spent"][kind]), (row["姓名"], kind)
        assert cents(row["合计"]) == cents(total), row["姓名"]
        assert cents(row["剩余"]) == cents(PER_PERSON - total), row["姓名"]


def test_example_unit_sheet_recomputed(expected, output):
    _, _, path = output
    sheet = load_workbook(path)["单位汇总"]
    headers = [cell.value for cell in sheet[1]]
    rows = [dict(zip(headers, values)) for values in sheet.iter_rows(min_row=2, values_only=True)]
    units = expected["units"]

    assert [row["选派单位"] for row in rows[:-1]] == list(units)
    for row in rows[:-1]:
        unit = units[row["选派单位"]]
        total = sum(unit["spent"].values(), Decimal(0))
        assert row["人数"] == unit["headcount"]
        assert cents(row["经费总额"]) == unit["headcount"] * PER_PERSON
        for kind in [*KINDS, OTHER]:
            assert cents(row[kind]) == cents(unit["spent"][kind]), (row["选派单位"], kind)
        assert cents(row["合计支出"]) == cents(total)
        assert cents(row["剩余"]) == cents(unit["headcount"] * PER_PERSON - total)
    grand = sum((sum(unit["spent"].values(), Decimal(0)) for unit in units.values()), Decimal(0))
    assert rows[-1]["选派单位"] == "合计"
    assert cents(rows[-1]["合计支出"]) == cents(grand)


def test_example_json_matches_workbook(expected, output):
    _, data, _ = output

    for person in data["people"]:
        figures = expected["people"][person["id_number"]]
        assert Decimal(person["total"]) == cents(sum(figures["spent"].values(), Decimal(0)))
        assert re.fullmatch(r"-?\d+\.\d\d", person["total"])
    for unit in data["units"]:
        assert Decimal(unit["budget"]) == expected["units"][unit["dispatching_unit"]]["headcount"] * PER_PERSON


def test_example_planted_findings(output):
    code, data, _ = output
    planted = json.loads((DATA / "ledger-2024.expected.json").read_text(encoding="utf-8"))
    found = {(Path(file["path"]).name, finding["code"], finding["sheet"], finding["cell"])
             for file in data["files"] for finding in file["findings"]}

    assert code == 1
    assert found == {(item["file"], item["code"], item["sheet"], item["cell"]) for item in planted}


def test_example_run_as_subprocess(sanqu, tmp_path):
    result = sanqu("funds", EXAMPLES / "roster-2024.xlsx", "--ledger", EXAMPLES / "ledger-2024.xlsx",
                   "--out", tmp_path)

    assert result.exit_code == 1, result.stderr
    assert "各选派单位经费测算" in result.stdout
    assert "B604" in result.stdout
    assert (tmp_path / "补助测算.xlsx").is_file()
