"""Write the service log and the training records under examples/ (run from the repository root).

    python tools/make_results_examples.py

Both are consistent with examples/roster-2024.xlsx, which is read through sanqu's own reader:
every service-log row belongs to a person on that roster, is dated within that person's
service period and lies in the county the roster gives. The people are invented.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from people import make_id, make_name, make_phone  # noqa: E402

from sanqu_cli.rules import load_rules  # noqa: E402
from sanqu_cli.schema import ROSTER  # noqa: E402
from sanqu_cli.schema.read import read_table  # noqa: E402
from sanqu_cli.schema.training import TRAINEE_TYPES  # noqa: E402

YEAR = 2024
LOG_HEADERS = ["序号", "日期", "姓名", "身份证号", "选派单位", "县(区)", "乡镇", "村", "服务方式", "服务机构", "机构类型",
               "是否创办领办", "带动农户数", "培训人数", "引进新品种", "推广新技术", "建立示范基地", "引进项目",
               "引进资金(万元)", "培养技术骨干", "帮助增收(元)", "简报", "备注"]
ACTIVITIES = ["技术指导", "技术指导", "技术服务", "培训", "培训", "科普宣传", "需求调研"]
TOWNSHIP_WORDS = ["扎西", "德庆", "江热", "吉堆", "唐古", "强钦", "甲玛", "卡孜"]
VILLAGE_WORDS = ["一", "二", "三", "四", "岗", "达", "曲", "色"]
ORGANISATION_KINDS = [("青稞种植专业合作社", "合作社"), ("牦牛养殖专业合作社", "合作社"), ("农牧民协会", "农民协会"),
                      ("家庭农场", "家庭农场"), ("农产品有限公司", "企业")]

TRAINING_UNITS = [("西藏自治区农牧科学院", ["农牧业实用技术", "青稞高产栽培", "设施蔬菜"]),
                  ("西藏农牧学院", ["牦牛健康养殖", "林果管理"]),
                  ("拉萨市科学技术局", ["基层科技管理", "农村电商"]),
                  ("日喀则市科学技术局", ["藏鸡养殖", "农机操作维护", "草原生态保护"])]
INSTITUTIONS = ["西藏自治区农牧科学院培训中心", "西藏农牧学院继续教育学院", "拉萨市农业技术推广中心",
                "日喀则市农牧业科技培训基地"]


def read_roster():
    read = read_table(ROOT / "examples" / "roster-2024.xlsx", load_rules(), [ROSTER])
    assert read.readable and not read.findings, "examples/roster-2024.xlsx must read cleanly"
    return read.records


def service_dates(rng: random.Random, record, count: int) -> list[dt.date]:
    start = record.get("service_start") or dt.date(YEAR, 3, 1)
    end = record.get("service_end") or dt.date(YEAR, 11, 30)
    span = (end - start).days
    return sorted(start + dt.timedelta(days=rng.randrange(0, span + 1)) for _ in range(count))


def log_rows(rng: random.Random, records) -> list[list]:
    rows: list[list] = []
    for record in records:
        county = record.get("county")
        townships = [f"{rng.choice(TOWNSHIP_WORDS)}{rng.choice(['乡', '镇'])}" for _ in range(2)]
        organisation_kind = rng.choice(ORGANISATION_KINDS)
        organisation = f"{county}{rng.choice(TOWNSHIP_WORDS)}{organisation_kind[0]}"
        for date in service_dates(rng, record, rng.randrange(2, 7)):
            activity = rng.choice(ACTIVITIES)
            township = rng.choice(townships)
            village = f"{township[:-1]}{rng.choice(VILLAGE_WORDS)}村" if rng.random() < 0.8 else None
            serves_organisation = rng.random() < 0.35
            founded = serves_organisation and rng.random() < 0.15
            rows.append([
                len(rows) + 1, date, record.get("name"), record.get("id_number"), record.get("dispatching_unit"),
                county, township, village, activity,
                organisation if serves_organisation else None,
                organisation_kind[1] if serves_organisation else None,
                "是" if founded else "否",
                rng.randrange(0, 30),
                rng.randrange(10, 60) if activity == "培训" else 0,
                1 if rng.random() < 0.05 else 0,
                1 if rng.random() < 0.1 else 0,
                1 if rng.random() < 0.03 else 0,
                1 if rng.random() < 0.02 else 0,
                round(rng.choice([0, 0, 0, 0, 0, 0, 0, 0, 1.5, 3, 12.8]), 2),
                rng.randrange(0, 3),
                rng.choice([0, 0, 0, 2000, 5000, 12000]),
                1 if rng.random() < 0.2 else 0,
                None,
            ])
    return rows


def write_sheet(sheet, title: str | None, headers: list[str], rows: list[list], text_columns=(), date_columns=()) -> None:
    if title:
        sheet.append([title])
        sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(headers)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for col in text_columns:
        for cells in sheet.iter_cols(min_col=col, max_col=col, min_row=2):
            for cell in cells:
                cell.number_format = "@"
    for col in date_columns:
        for cells in sheet.iter_cols(min_col=col, max_col=col, min_row=3):
            for cell in cells:
                cell.number_format = "yyyy-mm-dd"
    for col in range(1, len(headers) + 1):
        sheet.column_dimensions[get_column_letter(col)].width = 14
    sheet.freeze_panes = sheet.cell(row=sheet.max_row - len(rows) + 1, column=3)


def write_service_log(rng: random.Random, records, path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "服务日志"
    write_sheet(sheet, f"{YEAR}年度“三区”科技人才服务日志", LOG_HEADERS, log_rows(rng, records),
                text_columns=(4,), date_columns=(2,))
    workbook.save(path)


def training_rows(rng: random.Random) -> tuple[list[list], list[list]]:
    classes, trainees = [], []
    for unit_index, (unit, topics) in enumerate(TRAINING_UNITS):
        regulars: list[tuple[str, str, str]] = []
        for topic in topics:
            start = dt.date(YEAR, rng.randrange(4, 11), rng.randrange(1, 20))
            days = rng.randrange(3, 8)
            class_name = f"{YEAR}年{unit}{topic}培训班"
            institution = INSTITUTIONS[unit_index] if rng.random() < 0.7 else rng.choice(INSTITUTIONS)
            classes.append([len(classes) + 1, unit, class_name, institution, start,
                            start + dt.timedelta(days=days - 1), days, rng.randrange(3, 9), rng.randrange(2, 10),
                            rng.randrange(0, 4), None])
            # A few people of each unit sit two of its classes: 受培人数 counts them once.
            people = [(make_name(rng, rng.random() < 0.7), make_id(rng, rng.random() < 0.4), rng.choice(TRAINEE_TYPES))
                      for _ in range(rng.randrange(18, 36))]
            people += rng.sample(regulars, min(3, len(regulars)))
            regulars.extend(people[:5])
            for name, id_number, trainee_type in people:
                trainees.append([len(trainees) + 1, class_name, name, id_number, trainee_type,
                                 "是" if rng.random() < 0.9 else "否", make_phone(rng), None])
    return classes, trainees


def write_training(rng: random.Random, path: Path) -> None:
    classes, trainees = training_rows(rng)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "培训班"
    write_sheet(sheet, f"{YEAR}年度“三区”科技人才集中培训班次", ["序号", "培训单位", "班次名称", "承办机构", "开始日期",
                                                           "结束日期", "集中授课天数", "参与专家人数", "编写课件数",
                                                           "现场观摩次数", "备注"], classes, date_columns=(5, 6))
    write_sheet(workbook.create_sheet("学员名单"), None, ["序号", "班次名称", "姓名", "身份证号", "人员类型", "是否合格",
                                                      "联系电话", "备注"], trainees, text_columns=(4, 7))
    workbook.save(path)


def main() -> None:
    rng = random.Random(4)
    records = read_roster()
    write_service_log(rng, records, ROOT / "examples" / "service-log-2024.xlsx")
    write_training(rng, ROOT / "examples" / "training-2024.xlsx")
    print("service log and training records written")


if __name__ == "__main__":
    main()
