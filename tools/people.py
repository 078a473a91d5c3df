"""Invented people for the example workbooks: names, valid 身份证号, phones, units and places.

Everything is drawn from a seeded random generator, so the examples are the same on every run.
No real person is meant.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from stdnum.cn import ric

SURNAMES = list("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国志海燕鹏飞斌晶亮婷雪梅林峰宇浩凯丹琳")
TIBETAN_NAMES = [
    "扎西", "次仁", "多吉", "卓玛", "央金", "格桑", "旦增", "普布", "拉巴", "尼玛", "达瓦", "边巴", "平措",
    "德吉", "曲珍", "索朗", "白玛", "洛桑", "群培", "顿珠", "仁青", "强巴", "措姆", "巴桑", "米玛", "益西",
]
# Area codes of Tibet's county-level divisions that stdnum's table lists for the birth years used.
ID_AREAS = ["540102", "540121", "540122", "540123", "540124", "540126", "540127", "542621", "542422",
            "542121", "542221", "610102", "620102", "630102", "420102", "320102"]

UNITS = [
    ("西藏自治区农牧科学院", "拉萨市"),
    ("西藏农牧学院", "林芝市"),
    ("拉萨市农业农村局", "拉萨市"),
    ("日喀则市科学技术局", "日喀则市"),
    ("昌都市农业农村局", "昌都市"),
    ("林芝市林业和草原局", "林芝市"),
    ("山南市科学技术局", "山南市"),
    ("那曲市农业农村局", "那曲市"),
    ("阿里地区科学技术局", "阿里地区"),
    ("西藏职业技术学院", "拉萨市"),
]

# Title names by level: (in-region and out-of-region series).
TITLES = {
    "senior": ["研究员", "正高级农艺师", "正高级畜牧师", "教授"],
    "deputy_senior": ["副研究员", "高级农艺师", "高级畜牧师", "高级兽医师", "高级工程师", "副教授", "高级讲师"],
    "intermediate": ["助理研究员", "农艺师", "畜牧师", "兽医师", "工程师", "讲师", "林业工程师"],
    "junior": ["助理农艺师", "助理畜牧师", "助理兽医师", "助理工程师", "研究实习员", "农业技术员"],
}
SPECIALTIES = ["作物栽培", "畜牧养殖", "兽医", "设施农业", "青稞育种", "牦牛养殖", "蔬菜种植", "林果", "草原生态",
               "农产品加工", "藏药材种植", "水产养殖", "农业机械", "土壤肥料"]
AREA_CLASS_BY_PREFECTURE = {"拉萨市": "二类区", "林芝市": "二类区", "山南市": "三类区", "日喀则市": "三类区",
                            "昌都市": "三类区", "那曲市": "四类区", "阿里地区": "四类区"}


@dataclass
class Person:
    name: str
    id_number: str
    gender: str
    ethnicity: str
    phone: str
    work_unit: str
    specialty: str
    title: str
    category: str
    dispatching_unit: str
    host_unit: str
    county: str
    prefecture: str
    area_class: str
    start: dt.date
    end: dt.date
    days: int
    village_resident: str = "否"
    agreement: str = "是"
    team: str = ""
    team_role: str = ""
    extra: dict = field(default_factory=dict)


def make_id(rng: random.Random, female: bool) -> str:
    """Return a valid 身份证号 (area code, birth date, order code with the right parity, check digit)."""
    while True:
        area = rng.choice(ID_AREAS)
        birth = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 33))
        order = rng.randrange(0, 500) * 2 + (0 if female else 1)
        body = f"{area}{birth:%Y%m%d}{order:03d}"
        number = body + ric.calc_check_digit(body + "0")
        if ric.is_valid(number):
            return number


def make_name(rng: random.Random, tibetan: bool) -> str:
    if tibetan:
        return rng.choice(TIBETAN_NAMES) + rng.choice(TIBETAN_NAMES)
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def make_phone(rng: random.Random) -> str:
    return rng.choice(["139", "138", "189", "177", "152", "136"]) + f"{rng.randrange(0, 10**8):08d}"
