"""Write examples/ledger-2024.xlsx, an expense ledger that matches examples/roster-2024.xlsx.

    python tools/make_ledger.py

The roster is read through sanqu's own reader, so names, 身份证号, units and service days
are exactly what `sanqu funds` reads. Each person gets the 工作补助 the rule set gives for
their days and area class, plus travel, training and materials within the 20,000 元;
insurance is bought per unit (a row with no person). A few violations are planted, and
their findings (code and cell) are written to tests/data/ledger-2024.expected.json.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sanqu_cli.rules import load_rules  # noqa: E402
from sanqu_cli.schema.read import read_table  # noqa: E402
from sanqu_cli.schema.roster import ROSTER  # noqa: E402

YEAR = 2024
SHEET = "经费支出明细"
HEADERS = ["序号", "日期", "姓名", "身份证号", "选派单位", "支出类别", "金额(元)", "收款人", "用途", "备注"]
FIRST_ROW = 4  # title, 填表人 line, header, then data
INSURER = "中国人寿财产保险股份有限公司西藏分公司"
SUPPLIERS = ["拉萨高原农资有限公司", "西藏天润农牧物资公司", "日喀则丰收种业有限公司", "林芝绿源农机服务部"]


def cents(rng: random.Random, low: int, high: int) -> Decimal:
    """Return a random amount between low and high 元, to the 分."""
    return Decimal(rng.randrange(low * 100, high * 100)) / 100


def day(rng: random.Random, months: tuple[int, ...]) -> dt.date:
    return dt.date(YEAR, rng.choice(months), rng.randrange(1, 29))


def row(date: dt.date, person, kind: str, amount, payee: str, purpose: str, unit: str | None = None) -> dict:
    return {"日期": date, "姓名": person.get("name") if person else None,
            "身份证号": person.get("id_number") if person else None,
            "选派单位": unit or (person.get("dispatching_unit") if person else None),
            "支出类别": kind, "金额(元)": amount, "收款人": payee, "用途": purpose}


def person_rows(rng: random.Random, person, rates: dict[str, int], per_person: int) -> list[dict]:
    """Rows of one person: 工作补助 for the days served, then travel, training, materials."""
    subsidy = Decimal(person.get("service_days") * rates[person.get("area_class")])
    # 第二十四条: 区外 people may receive 工作补助 themselves; for the others it goes to the host.
    payee = person.get("name") if person.get("category") == "out_of_region" else person.get("host_unit")
    rows = [row(day(rng, (12,)), person, "工作补助", subsidy, payee, f"{YEAR}年度工作补助（{person.get('service_days')}天）")]

    budget = (Decimal(per_person) - subsidy) * Decimal("0.8")
    for _ in range(rng.randrange(1, 4)):
        if budget < 300:
            break
        amount = min(cents(rng, 300, 1800), budget)
        budget -= amount
        traveller = person.get("name") if rng.random() < 0.5 else "西藏航空有限公司"
        rows.append(row(day(rng, (3, 5, 7, 9)), person, rng.choice(["交通差旅", "差旅费"]), amount, traveller,
                        "往返选派单位与受援地交通费、住宿费"))
    if rng.random() < 0.5 and budget > 1000:
        amount = min(cents(rng, 800, 3000), budget)
        budget -= amount
        rows.append(row(day(rng, (6, 8, 10)), person, "培训", amount, person.get("host_unit"),
                        "农牧民实用技术培训场地租赁费、资料费"))
    if rng.random() < 0.6 and budget > 500:
        amount = min(cents(rng, 500, 2500), budget)
        rows.append(row(day(rng, (4, 6, 9)), person, "生产资料", amount, rng.choice(SUPPLIERS),
                        "示范用种子、化肥、兽药"))
    return rows


def plant(rng: random.Random, people: list, rows: list[dict], rates: dict[str, int]) -> list[tuple[dict, str, str]]:
    """Add or change rows to plant violations; return (ledger row or roster record, code, column) for each."""
    planted = []
    in_region = [p for p in people if p.get("category") == "in_region"]
    village = [p for p in people if p.get("village_resident") is True and p.get("category") == "in_region"]
    by_person = {}
    for item in rows:
        by_person.setdefault(item["身份证号"], []).append(item)

    # B604: a 区内 person's 工作补助 paid to the person.
    target = in_region[3]
    item = by_person[target.get("id_number")][0]
    item["收款人"] = target.get("name")
    planted.append((item, "B604", "收款人"))

    # B601: a 三类区 person's 工作补助 paid at the 四类区 rate.
    target = next(p for p in in_region[10:] if p.get("area_class") == "3")
    item = by_person[target.get("id_number")][0]
    item["金额(元)"] = Decimal(target.get("service_days") * rates["4"])
    planted.append((item, "B601", "金额(元)"))

    # B602: materials that take one person over 20,000 元.
    target = in_region[20]
    item = row(dt.date(YEAR, 9, 18), target, "生产资料", "1.5万元", SUPPLIERS[0], "温室大棚钢架及棚膜")
    rows.append(item)
    planted.append((target, "B602", "name"))

    # B605: a 驻村 person's funds spent on the village team's costs.
    target = village[0]
    item = row(dt.date(YEAR, 7, 2), target, "生产资料", Decimal("860.00"), "村委会", "驻村工作队日常办公用品")
    rows.append(item)
    planted.append((item, "B605", "用途"))

    # B607: 误工费 paid to farmers attending a training.
    target = in_region[30]
    item = row(dt.date(YEAR, 8, 12), target, "培训", Decimal("1200.00"), target.get("host_unit"), "参训农牧民误工费")
    rows.append(item)
    planted.append((item, "B607", "用途"))

    # B603 + B606: a management fee taken by a unit (no person named).
    unit = people[0].get("dispatching_unit")
    item = row(dt.date(YEAR, 11, 30), None, "管理费", "3,000.00", unit, "按项目经费5%提取管理费", unit=unit)
    rows.append(item)
    planted += [(item, "B603", "支出类别"), (item, "B606", "支出类别")]

    # B610: a payment for someone who is not on the roster.
    item = row(dt.date(YEAR, 6, 6), {"name": "张三丰", "id_number": None,
                                     "dispatching_unit": people[40].get("dispatching_unit")},
               "交通差旅", Decimal("420.00"), "张三丰", "往返受援地交通费")
    rows.append(item)
    planted.append((item, "B610", "姓名"))

    # B608: an amount with three decimals; B609: a payment dated in the year before.
    target = in_region[50]
    item = row(dt.date(YEAR, 5, 20), target, "交通差旅", "356.125", "西藏航空有限公司", "往返受援地机票")
    rows.append(item)
    planted.append((item, "B608", "金额(元)"))
    item = row(dt.date(YEAR - 1, 12, 28), in_region[60], "交通差旅", Decimal("280.00"), "拉萨客运站", "往返受援地车票")
    rows.append(item)
    planted.append((item, "B609", "日期"))
    return planted


def write_ledger(path: Path, rows: list[dict]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    last = get_column_letter(len(HEADERS))
    sheet["A1"] = f"{YEAR}年度“三区”科技人才选派工作经费支出明细"
    sheet["A1"].font = Font(bold=True, size=16)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.merge_cells(f"A1:{last}1")
    sheet["A2"] = "填表人：次仁        联系电话：0891-6839012        单位(盖章)："
    sheet.merge_cells(f"A2:{last}2")
    for column, header in enumerate(HEADERS, start=1):
        sheet.cell(row=3, column=column, value=header).font = Font(bold=True)

    for index, item in enumerate(rows):
        number = FIRST_ROW + index
        item["序号"] = index + 1
        for column, header in enumerate(HEADERS, start=1):
            value = item.get(header)
            cell = sheet.cell(row=number, column=column, value=float(value) if isinstance(value, Decimal) else value)
            if header == "日期":
                cell.number_format = "yyyy-mm-dd"
            elif header == "金额(元)" and isinstance(value, Decimal):
                cell.number_format = "#,##0.00"
            elif header == "身份证号":
                cell.number_format = "@"
    total_row = FIRST_ROW + len(rows)
    sheet.cell(row=total_row, column=1, value="合计")
    sheet.cell(row=total_row + 1, column=1, value="注：支出类别填写工作补助、交通差旅、保险、培训、生产资料之一。")
    for column, width in enumerate([6, 12, 10, 21, 22, 10, 12, 30, 34, 10], start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width + 2
    sheet.freeze_panes = "A4"
    workbook.save(path)


def main() -> None:
    rules = load_rules()
    read = read_table(ROOT / "examples" / "roster-2024.xlsx", rules, [ROSTER], forced=True)
    people = read.records
    rates = {str(area): rate for area, rate in rules.funds.day_rate_yuan.items()}
    rng = random.Random(2024_23)

    rows: list[dict] = []
    for person in people:
        rows.extend(person_rows(rng, person, rates, rules.funds.per_person_yuan))
    # 第二十三条(三): insurance is bought by the unit for all its people, so the row names no person.
    units: dict[str, int] = {}
    for person in people:
        units[person.get("dispatching_unit")] = units.get(person.get("dispatching_unit"), 0) + 1
    for unit, headcount in units.items():
        rows.append(row(dt.date(YEAR, 3, 15), None, "保险", Decimal(headcount * 150), INSURER,
                        f"{headcount}名选派人员短期人身意外伤害险", unit=unit))

    planted = plant(rng, people, rows, rates)
    rows.sort(key=lambda item: (item["日期"], item["选派单位"] or "", item["姓名"] or ""))
    path = ROOT / "examples" / "ledger-2024.xlsx"
    write_ledger(path, rows)

    expected = []
    for item, code, header in planted:
        if isinstance(item, dict):
            number = FIRST_ROW + rows.index(item)
            cell = f"{get_column_letter(HEADERS.index(header) + 1)}{number}"
            expected.append({"code": code, "file": "ledger-2024.xlsx", "sheet": SHEET, "cell": cell})
        else:  # a roster record: the finding sits on the roster
            expected.append({"code": code, "file": "roster-2024.xlsx", "sheet": item.sheet,
                             "cell": item.ref(header).split("!")[1]})
    (ROOT / "tests" / "data" / "ledger-2024.expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows, {len(planted)} planted findings")


if __name__ == "__main__":
    main()
