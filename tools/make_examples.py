"""Write the example workbooks under examples/ (run from the repository root).

    python tools/make_examples.py

The roster is laid out as offices lay it out: a title row, a 填表人 line, a two-row header
with 服务期 merged over 开始日期/结束日期, data, a 合计 row and a 注 line. The errors roster
plants typical mistakes; their expected findings are written beside the test data so a test
can assert them code by code and cell by cell.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from people import (  # noqa: E402
    AREA_CLASS_BY_PREFECTURE,
    SPECIALTIES,
    TITLES,
    UNITS,
    Person,
    make_id,
    make_name,
    make_phone,
)

YEAR = 2024
HEADERS = ["序号", "姓名", "身份证号", "性别", "民族", "联系电话", "工作单位", "专业", "技术职称", "人员类别", "选派单位",
           "科技特派团", "团内职务", "受援单位", "受援县(区)", "所属市(地)", "服务区类别", "服务期", None, "服务天数",
           "是否驻村", "三方协议", "工作补助(元)", "备注"]
SUBHEADERS = {17: "开始日期", 18: "结束日期"}
DAY_RATE = {"二类区": 120, "三类区": 150, "四类区": 200}
CATEGORY_TEXT = {"in_region": "区内专业技术人员", "out_of_region": "区外专业技术人员", "local_expert": "乡土人才"}


def load_counties() -> dict[str, list[str]]:
    counties: dict[str, list[str]] = {}
    with (ROOT / "sanqu_cli" / "data" / "tibet-divisions.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            counties.setdefault(row["prefecture"], []).append(row["county"])
    return counties


# Where people of the other categories work: 区外 staff come through 对口支援, 乡土人才 from cooperatives.
WORK_UNITS = {"out_of_region": "对口支援单位", "local_expert": "农牧民合作社"}


def make_person(rng: random.Random, unit: str, prefecture: str, counties: dict[str, list[str]],
                category: str, level: str | None) -> Person:
    tibetan = rng.random() < 0.6 if category != "out_of_region" else rng.random() < 0.1
    female = rng.random() < 0.4
    id_number = make_id(rng, female)
    county = rng.choice(counties[prefecture])
    start = dt.date(YEAR, rng.choice((3, 4, 5)), rng.randrange(1, 28))
    end = dt.date(YEAR, rng.choice((10, 11, 12)), rng.randrange(1, 28))
    days = rng.randrange(32, 91)
    title = rng.choice(TITLES[level]) if level else ""
    host_kind = rng.choice(["农业农村局", "农牧综合服务中心", "畜牧兽医站", "农业技术推广站"])
    return Person(
        name=make_name(rng, tibetan), id_number=id_number, gender="女" if female else "男",
        ethnicity="藏族" if tibetan else "汉族", phone=make_phone(rng),
        work_unit=WORK_UNITS.get(category, unit),
        specialty=rng.choice(SPECIALTIES), title=title, category=category, dispatching_unit=unit,
        host_unit=f"{county}{host_kind}", county=county, prefecture=prefecture,
        area_class=AREA_CLASS_BY_PREFECTURE[prefecture], start=start, end=end, days=days,
        village_resident="是" if rng.random() < 0.15 else "否",
    )


def make_roster_people(rng: random.Random, total: int) -> list[Person]:
    counties = load_counties()
    people: list[Person] = []
    team_number = 0
    used_teams: set[str] = set()
    per_unit = total // len(UNITS)
    for unit_index, (unit, home) in enumerate(UNITS):
        count = per_unit + (1 if unit_index < total - per_unit * len(UNITS) else 0)
        unit_people: list[Person] = []
        # Serve across all 7 市(地): each unit works mostly at home and some elsewhere.
        for index in range(count):
            prefecture = home if rng.random() < 0.6 else rng.choice(list(counties))
            roll = rng.random()
            if roll < 0.7:
                category, level = "in_region", rng.choice(["junior", "intermediate", "intermediate", "deputy_senior", "senior"])
            elif roll < 0.85:
                category, level = "out_of_region", rng.choice(["intermediate", "deputy_senior", "senior"])
            else:
                category, level = "local_expert", None
            unit_people.append(make_person(rng, unit, prefecture, counties, category, level))

        # Two teams per unit of 5 to 7 people, led by someone of 中级 or above.
        rng.shuffle(unit_people)
        cursor = 0
        for _ in range(2):
            size = rng.randrange(5, 8)
            members = unit_people[cursor:cursor + size]
            cursor += size
            team_number += 1
            county = members[0].county
            team = f"{county}{rng.choice(['青稞', '牦牛', '蔬菜', '林果', '藏鸡'])}科技特派团"
            while team in used_teams:
                team = team.replace("科技特派团", "第二科技特派团")
            used_teams.add(team)
            leader = members[0]
            leader.category, leader.title = "in_region", rng.choice(TITLES["deputy_senior"])
            for member in members:
                member.team, member.team_role = team, "成员"
            leader.team_role = "团长"
        people.extend(unit_people)
    return people


def row_values(serial: int, person: Person) -> list:
    subsidy = person.days * DAY_RATE.get(person.area_class, 0)
    return [serial, person.name, person.id_number, person.gender, person.ethnicity, person.phone, person.work_unit,
            person.specialty, person.title, CATEGORY_TEXT.get(person.category, person.category), person.dispatching_unit,
            person.team, person.team_role, person.host_unit, person.county, person.prefecture, person.area_class,
            person.extra.get("start", person.start), person.extra.get("end", person.end),
            person.extra.get("days", person.days), person.village_resident, person.agreement, subsidy, ""]


def write_roster(path: Path, people: list[Person], title: str) -> dict[str, int]:
    """Write a roster in the office layout; return the sheet row of each person's 身份证号 (by list index)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "花名册"
    width = len(HEADERS)
    last = get_column_letter(width)

    sheet["A1"] = title
    sheet["A1"].font = Font(bold=True, size=16)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.merge_cells(f"A1:{last}1")
    sheet["A2"] = "填表人：卓玛        联系电话：0891-6812345        选派单位(盖章)："
    sheet.merge_cells(f"A2:{last}2")

    for col, header in enumerate(HEADERS, start=1):
        if header is not None:
            sheet.cell(row=3, column=col, value=header).font = Font(bold=True)
        if col - 1 in SUBHEADERS:
            sheet.cell(row=4, column=col, value=SUBHEADERS[col - 1]).font = Font(bold=True)
        elif header is not None:
            sheet.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
    sheet.merge_cells(start_row=3, start_column=18, end_row=3, end_column=19)

    rows = {}
    for index, person in enumerate(people):
        row = 5 + index
        for col, value in enumerate(row_values(index + 1, person), start=1):
            cell = sheet.cell(row=row, column=col, value=value)
            if isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
        sheet.cell(row=row, column=3).number_format = "@"
        sheet.cell(row=row, column=6).number_format = "@"
        for key, value in person.extra.get("cells", {}).items():
            sheet.cell(row=row, column=key, value=value)
        rows[str(index)] = row

    total_row = 5 + len(people)
    sheet.cell(row=total_row, column=1, value="合计")
    sheet.cell(row=total_row, column=2, value=f"{len(people)}人")
    sheet.cell(row=total_row + 1, column=1, value="注：1.身份证号、联系电话请设置为文本格式；2.服务区类别按第二十三条填写。")
    for col, chars in enumerate([5, 8, 20, 5, 6, 14, 22, 12, 14, 18, 22, 24, 8, 26, 12, 10, 10, 12, 12, 8, 8, 8, 12, 10], 1):
        sheet.column_dimensions[get_column_letter(col)].width = chars + 2
    sheet.freeze_panes = "C5"
    workbook.save(path)
    return rows


def main() -> None:
    rng = random.Random(2024)
    examples = ROOT / "examples"
    examples.mkdir(exist_ok=True)

    people = make_roster_people(rng, 300)
    write_roster(examples / "roster-2024.xlsx", people, f"{YEAR}年度“三区”科技人才选派人员花名册")

    from make_error_roster import write_error_roster

    write_error_roster(rng, examples / "roster-2024-errors.xlsx", ROOT / "tests" / "data" / "roster-2024-errors.expected.json")
    print("examples written")


if __name__ == "__main__":
    main()
