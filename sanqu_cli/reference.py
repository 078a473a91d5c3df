"""Reference tables shipped with the package: title levels and Tibet's administrative divisions."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sanqu_cli.rules.model import TitleLevel

DATA_DIR = Path(__file__).parent / "data"

# An explicit level word inside the title text ("中级农艺师", "副高级（高级工程师）").
_LEVEL_WORDS = [
    ("正高级", TitleLevel.senior),
    ("副高级", TitleLevel.deputy_senior),
    ("中级", TitleLevel.intermediate),
    ("初级", TitleLevel.junior),
    ("助理级", TitleLevel.junior),
    ("员级", TitleLevel.junior),
]


@lru_cache(maxsize=1)
def _title_table() -> dict[str, TitleLevel]:
    with (DATA_DIR / "title-levels.csv").open(encoding="utf-8") as handle:
        return {row["title"]: TitleLevel(row["level"]) for row in csv.DictReader(handle)}


@lru_cache(maxsize=4096)
def title_level(title: str | None) -> TitleLevel | None:
    """Return the level of a 技术职称, or None when the title is not in the table.

    Exact names come first because the traps are in the names: 助理研究员 is 中级 while
    助理农艺师 is 初级; 医师 is 初级 while 主治医师 is 中级.
    """
    if not title:
        return None
    text = re.sub(r"\s+", "", title)
    table = _title_table()
    if text in table:
        return table[text]
    bare = re.sub(r"[（(].*?[）)]", "", text)
    if bare in table:
        return table[bare]
    for word, level in _LEVEL_WORDS:
        if word in text:
            return level
    return None


@dataclass(frozen=True)
class County:
    prefecture: str
    name: str


@dataclass(frozen=True)
class CountyMatch:
    """Result of a county lookup: `current`, `former` (renamed), `short` (suffix left off) or `unknown`."""

    status: str
    county: County | None = None
    former_note: str = ""


@lru_cache(maxsize=1)
def _divisions() -> tuple[dict[str, County], dict[str, tuple[County, str]]]:
    current: dict[str, County] = {}
    former: dict[str, tuple[County, str]] = {}
    with (DATA_DIR / "tibet-divisions.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            county = County(row["prefecture"], row["county"])
            current[county.name] = county
            note = row["former_names"].strip()
            if note:
                old_name = re.split(r"[（(]", note, maxsplit=1)[0]
                former[old_name] = (county, note)
    return current, former


def prefectures() -> list[str]:
    return list(dict.fromkeys(county.prefecture for county in _divisions()[0].values()))


def counties() -> list[County]:
    return list(_divisions()[0].values())


@lru_cache(maxsize=4096)
def match_county(name: str | None) -> CountyMatch:
    """Look a 县(区) name up among the 74 current county-level divisions and their former names."""
    if not name:
        return CountyMatch("unknown")
    current, former = _divisions()
    text = re.sub(r"\s+", "", name)
    if text in current:
        return CountyMatch("current", current[text])
    if text in former:
        county, note = former[text]
        return CountyMatch("former", county, note)
    for suffix in ("县", "区", "市"):
        if text + suffix in current:
            return CountyMatch("short", current[text + suffix])
    # A county written with its prefecture in front: "拉萨市林周县".
    for county in current.values():
        if text.endswith(county.name) and text[: -len(county.name)] in (county.prefecture, county.prefecture[:-1]):
            return CountyMatch("short", county)
    return CountyMatch("unknown")
