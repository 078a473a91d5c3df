"""The errors roster: a small roster with typical mistakes planted at known cells."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

from make_examples import load_counties, make_person, write_roster
from people import make_id
from stdnum.cn import ric

FIRST_ROW = 5  # the data start below the title, the 填表人 line and the two-row header
COLUMN = {"id": 3, "phone": 6, "title": 9, "category": 10, "team": 12, "role": 13, "county": 15, "prefecture": 16,
          "area": 17, "start": 18, "end": 19, "days": 20, "agreement": 22}
LETTER = {key: chr(64 + col) for key, col in COLUMN.items()}


def _id_with_x(rng: random.Random) -> str:
    while True:
        number = make_id(rng, female=False)
        if number.endswith("X"):
            return number[:-1] + "x"


def _bad_birth_date(rng: random.Random) -> str:
    number = make_id(rng, female=True)
    body = number[:10] + "13" + number[12:17]
    return body + ric.calc_check_digit(body + "0")


def write_error_roster(rng: random.Random, path: Path, expected_path: Path) -> None:
    counties = load_counties()
    unit = "山南市科学技术局"
    people = [make_person(rng, unit, "山南市", counties, "in_region", "intermediate") for _ in range(40)]
    expected: list[dict[str, str]] = []

    def expect(index: int, code: str, column: str) -> None:
        expected.append({"code": code, "cell": f"{LETTER[column]}{FIRST_ROW + index}", "person": str(index)})

    def set_cell(index: int, column: str, value) -> None:
        people[index].extra.setdefault("cells", {})[COLUMN[column]] = value

    set_cell(0, "id", float(people[0].id_number)); expect(0, "P102", "id")
    people[1].id_number = people[1].id_number[:-1] + ("1" if people[1].id_number[-1] != "1" else "2"); expect(1, "P101", "id")
    people[2].id_number = _bad_birth_date(rng); expect(2, "P101", "id")
    people[3].title = ""; expect(3, "P100", "title")
    people[4].category, people[4].title = "local_expert", ""                      # 乡土人才 may leave it blank
    people[5].category, people[5].title = "out_of_region", "助理农艺师"; expect(5, "P110", "title")
    people[6].category, people[6].title = "out_of_region", "助理研究员"            # 助理研究员 is 中级: fine
    people[7].title = "农民技术员"; expect(7, "P111", "title")
    people[8].extra["days"] = 20; expect(8, "P120", "days")
    people[9].extra["days"] = "30天"                                                # reads as 30
    people[10].extra["days"] = 250; expect(10, "P121", "days")
    people[11].extra["start"] = "2024.3"; expect(11, "P123", "start")
    people[12].area_class = "五类区"; expect(12, "P130", "area")
    people[13].county, people[13].prefecture = "那曲县", "那曲市"; expect(13, "P131", "county")
    people[14].county = "拉萨县"; expect(14, "P131", "county")
    people[15].agreement = "否"; expect(15, "P140", "agreement")
    people[17].id_number = people[16].id_number; expect(17, "P103", "id")
    people[18].phone = "1380013800"; expect(18, "P104", "phone")
    people[19].extra["days"] = "三十天"; expect(19, "P105", "days")
    people[20].category = "区内人员"; expect(20, "P106", "category")
    people[21].extra["start"], people[21].extra["end"] = dt.date(2024, 1, 1), dt.date(2025, 6, 30); expect(21, "P122", "end")
    set_cell(22, "days", f"=T{FIRST_ROW}+1"); expect(22, "F007", "days")

    # 科技特派团: a team of 3 (T201), a team led by a 初级 title (T202), a team with two leaders (T203).
    for index in range(23, 26):
        people[index].team, people[index].team_role = "错那市青稞科技特派团", "成员"
    people[23].team_role, people[23].title = "团长", "高级农艺师"; expect(23, "T201", "team")
    for index in range(26, 31):
        people[index].team, people[index].team_role = "乃东区蔬菜科技特派团", "成员"
    people[26].team_role, people[26].title = "团长", "助理工程师"; expect(26, "T202", "title")
    for index in range(31, 36):
        people[index].team, people[index].team_role = "琼结县牦牛科技特派团", "成员"
    people[31].team_role = people[32].team_role = "团长"; expect(32, "T203", "role")

    people[36].county = "林周"; people[36].prefecture = "拉萨市"; expect(36, "P131", "county")
    people[37].phone = "0891-6812345"                                              # a landline with area code is fine
    people[38].id_number = _id_with_x(rng)                                          # lower-case x is valid
    people[39].extra["days"] = "３０"                                              # full-width digits read as 30

    write_roster(path, people, "2024年度“三区”科技人才选派人员花名册（含常见错误的示例）")
    expected_path.parent.mkdir(parents=True, exist_ok=True)
    expected_path.write_text(json.dumps(expected, ensure_ascii=False, indent=1), encoding="utf-8")
