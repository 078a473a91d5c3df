"""Detection of the plan year (年度) of a workbook, and of where the year came from."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

_TITLE_YEAR = re.compile(r"(20\d{2})\s*年")
_NAME_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")

SOURCE_OPTION = "命令行 --year"
SOURCE_TITLE = "标题行"
SOURCE_NAME = "文件名"
SOURCE_DATES = "服务日期"
SOURCE_OTHER_DATES = "表中日期"


def detect_year(given: int | None, preamble: list[str], path: Path, records: list[Any]) -> tuple[int | None, str | None]:
    """Return (year, source): --year, else the title row, else the file name, else the service dates."""
    if given:
        return given, SOURCE_OPTION

    for text in preamble:
        match = _TITLE_YEAR.search(text)
        if match:
            return int(match.group(1)), SOURCE_TITLE

    match = _NAME_YEAR.search(path.stem)
    if match:
        return int(match.group(1)), SOURCE_NAME

    # Service dates name themselves; other kinds (ledgers, logs, 处理记录) have plain dates.
    for names, source in ((("service_start", "service_end", "service_period"), SOURCE_DATES),
                          (("date", "start", "end"), SOURCE_OTHER_DATES)):
        years: Counter[int] = Counter()
        for record in records:
            for name in names:
                value = record.values.get(name)
                if isinstance(value, tuple) and value:
                    value = value[0]
                if value is not None and hasattr(value, "year"):
                    years[value.year] += 1
        if years:
            return years.most_common(1)[0][0], source
    return None, None
