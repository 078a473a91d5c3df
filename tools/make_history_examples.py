"""Write earlier years' results for people of examples/roster-2024.xlsx (run from the repository root).

    python tools/make_history_examples.py

examples/history/ gets:
- 花名册-2022.xlsx: a 2022 roster with 考核等次 for 45 of the 2024 people;
- 考核汇总-2023.xlsx: the 2023 考核汇总 (the layout `sanqu score` writes) for 55 of them;
- 考核汇总-2024.xlsx: this year's 考核汇总 for all 300, as `sanqu score --show-pii` would write it;
- 处理记录.xlsx: one 第二十八条 disqualification in 2023.

Planted cases, by the row of the 2024 roster:
- the first person is 合格 in 2022, 2023 and 2024, an honour by three 合格 years;
- the second is 合格 in 2022 and 2024 but absent from 2023, so no honour and a note;
- the third was 不合格 in 2022 and the fourth disqualified in 2023, so both are barred.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sanqu_cli.render.titled_table import write_titled_table  # noqa: E402
from sanqu_cli.rules import load_rules  # noqa: E402
from sanqu_cli.schema import ROSTER  # noqa: E402
from sanqu_cli.schema.appraisal_summary import GRADE_LABELS  # noqa: E402
from sanqu_cli.schema.read import read_table  # noqa: E402
from sanqu_cli.schema.roster import CATEGORY_LABELS  # noqa: E402

HISTORY = ROOT / "examples" / "history"
SUMMARY_HEADERS = ["序号", "选派单位", "姓名", "身份证号", "考核得分", "考核等次", "单位内排名", "备注"]
ROSTER_HEADERS = ["序号", "姓名", "身份证号", "工作单位", "技术职称", "人员类别", "选派单位", "受援单位", "受援县(区)",
                  "服务区类别", "服务开始日期", "服务结束日期", "服务天数", "三方协议", "考核得分", "考核等次"]
AREA_LABELS = {"2": "二类区", "3": "三类区", "4": "四类区"}
HONOUR, GAP, FAILED, DISQUALIFIED = 0, 1, 2, 3


def score_for(rng: random.Random, grade: str) -> float:
    """Return points that give this 等次 under the default thresholds (优秀 ≥ 90, 合格 ≥ 60)."""
    low, high = {"excellent": (90, 98), "pass": (62, 89), "fail": (35, 58)}[grade]
    return float(rng.randrange(low, high + 1))


def grade_people(rng: random.Random, people: list, fixed: dict[int, str], quota_percent: int) -> dict[int, str]:
    """Give each person a grade: up to the 优秀 quota per unit, the rest 合格, `fixed` ones as given."""
    grades: dict[int, str] = {}
    by_unit: dict[str, list[int]] = {}
    for index, record in people:
        by_unit.setdefault(record.get("dispatching_unit"), []).append(index)
    for members in by_unit.values():
        quota = len(members) * quota_percent // 100
        free = [index for index in members if index not in fixed]
        excellent = set(rng.sample(free, min(quota, len(free))))
        for index in members:
            grades[index] = fixed.get(index, "excellent" if index in excellent else "pass")
    return grades


def summary_rows(rng: random.Random, people: list, grades: dict[int, str]) -> list[list]:
    scored = [(record, score_for(rng, grades[index]), grades[index]) for index, record in people]
    scored.sort(key=lambda item: (item[0].get("dispatching_unit"), -item[1]))
    rows, rank, unit = [], 0, None
    for serial, (record, score, grade) in enumerate(scored, start=1):
        rank = 1 if record.get("dispatching_unit") != unit else rank + 1
        unit = record.get("dispatching_unit")
        rows.append([serial, unit, record.get("name"), record.get("id_number"), score, GRADE_LABELS[grade], rank, None])
    return rows


def write_book(path: Path, sheet_name: str, title: str, headers: list[str], rows: list[list], notes=()) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_name
    write_titled_table(sheet, title, headers, rows, notes=notes,
                       widths=[6, 24, 10, 22] + [12] * (len(headers) - 4))
    workbook.save(path)


def roster_2022_rows(rng: random.Random, people: list, grades: dict[int, str]) -> list[list]:
    rows = []
    for serial, (index, record) in enumerate(people, start=1):
        start = dt.date(2022, rng.choice((3, 4, 5)), rng.randrange(1, 28))
        end = dt.date(2022, rng.choice((10, 11)), rng.randrange(1, 28))
        grade = grades[index]
        rows.append([serial, record.get("name"), record.get("id_number"), record.get("work_unit"),
                     record.get("title"), CATEGORY_LABELS[record.get("category")], record.get("dispatching_unit"),
                     record.get("host_unit"), record.get("county"), AREA_LABELS[record.get("area_class")],
                     start, end, rng.randrange(31, 80), "是", score_for(rng, grade), GRADE_LABELS[grade]])
    return rows


def main() -> None:
    rules = load_rules()
    rng = random.Random(2022)
    read = read_table(ROOT / "examples" / "roster-2024.xlsx", rules, [ROSTER], forced=True)
    people = list(enumerate(read.records))
    HISTORY.mkdir(parents=True, exist_ok=True)
    quota = rules.appraisal.excellent_quota_percent

    # 2022: the first 45 people, as a roster with 考核等次; the third person is 不合格.
    in_2022 = people[:45]
    grades_2022 = grade_people(rng, in_2022, {HONOUR: "pass", GAP: "pass", FAILED: "fail"}, quota)
    write_book(HISTORY / "花名册-2022.xlsx", "花名册", "2022年度“三区”科技人才选派人员花名册", ROSTER_HEADERS,
               roster_2022_rows(rng, in_2022, grades_2022))

    # 2023: the first 55 people except the second and the barred third, as the 考核汇总 that
    # `sanqu score` writes.
    in_2023 = [item for item in people[:55] if item[0] not in (GAP, FAILED)]
    grades_2023 = grade_people(rng, in_2023, {HONOUR: "pass"}, quota)
    write_book(HISTORY / "考核汇总-2023.xlsx", "考核汇总", "2023年度“三区”科技人才绩效考核结果汇总", SUMMARY_HEADERS,
               summary_rows(rng, in_2023, grades_2023))

    # 2024: everyone; the planted people are 合格 so that their honour rests on earlier years.
    grades_2024 = grade_people(rng, people, {HONOUR: "pass", GAP: "pass", FAILED: "pass", DISQUALIFIED: "pass"}, quota)
    write_book(HISTORY / "考核汇总-2024.xlsx", "考核汇总", "2024年度“三区”科技人才绩效考核结果汇总", SUMMARY_HEADERS,
               summary_rows(rng, people, grades_2024))

    # 处理记录: the fourth person lost the status in 2023 under 第二十八条(一).
    record = people[DISQUALIFIED][1]
    write_book(HISTORY / "处理记录.xlsx", "处理记录", "“三区”科技人才取消资格处理记录",
               ["序号", "选派单位", "姓名", "身份证号", "年度", "情形", "处理日期", "文号"],
               [[1, record.get("dispatching_unit"), record.get("name"), record.get("id_number"), 2023,
                 "第二十八条（一）套取、骗取、挪用工作经费", dt.date(2023, 11, 20), "藏科人〔2023〕12号"]])
    print(f"history examples written to {HISTORY}")


if __name__ == "__main__":
    main()
