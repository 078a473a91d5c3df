"""Build workbooks for the results-table tests: service logs, training records, submitted 附件4/附件5."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from builders import write_rows
from openpyxl.utils import get_column_letter

from sanqu_cli.schema.results_tables import DISPATCH_FIGURES, TRAINING_FIGURES

LOG_HEADERS = ["日期", "姓名", "身份证号", "选派单位", "县(区)", "乡镇", "村", "服务方式", "服务机构", "是否创办领办",
               "带动农户数", "培训人数"]
CLASS_HEADERS = ["培训单位", "班次名称", "承办机构", "开始日期", "结束日期", "集中授课天数", "参与专家人数", "编写课件数",
                 "现场观摩次数"]
TRAINEE_HEADERS = ["班次名称", "姓名", "身份证号", "人员类型", "是否合格"]


def log_row(name: str, id_number: str, unit: str, county: str, **fields: Any) -> dict[str, Any]:
    row = {"日期": dt.date(2024, 5, 10), "姓名": name, "身份证号": id_number, "选派单位": unit, "县(区)": county,
           "乡镇": "甲玛乡", "村": "赤康村", "服务方式": "技术指导", "服务机构": None, "是否创办领办": "否",
           "带动农户数": 3, "培训人数": 0}
    row.update(fields)
    return row


def write_log(path: Path, rows: list[dict[str, Any]], title: str = "2024年度服务日志") -> Path:
    table = [[title], LOG_HEADERS] + [[row.get(header) for header in LOG_HEADERS] for row in rows]
    return write_rows(path, table, sheet="服务日志", text_columns=(3,))


def write_training(path: Path, classes: list[list[Any]], trainees: list[list[Any]]) -> Path:
    return write_rows(path, [["2024年度集中培训班次"], CLASS_HEADERS, *classes], sheet="培训班",
                      extra_sheets={"学员名单": [TRAINEE_HEADERS, *trainees]})


def write_submitted(path: Path, kind: str, rows: list[list[Any]], *, unit_line: str = "", title_year: int = 2024,
                    total: list[Any] | None = None) -> Path:
    """Write a 附件4/附件5 as an office fills it: title, 盖章 line, two-row merged header, data, 注 lines.

    Each row is [unit, figure 1, figure 2, …] in the official order.
    """
    figures = DISPATCH_FIGURES if kind == "dispatch_results" else TRAINING_FIGURES
    unit_header, label = ("选派单位", "选派工作成效统计表") if kind == "dispatch_results" else ("培训单位", "集中培训工作成效统计表")
    width = len(figures) + 1
    groups = list(dict.fromkeys(figure.group for figure in figures))
    group_row: list[Any] = [unit_header]
    merges = [f"A4:A5", f"A2:{get_column_letter(width)}2"]
    col = 2
    for group in groups:
        members = [figure for figure in figures if figure.group == group]
        group_row += [group] + [None] * (len(members) - 1)
        merges.append(f"{get_column_letter(col)}4:{get_column_letter(col + len(members) - 1)}4")
        col += len(members)
    table = [
        ["附件"],
        [f"{title_year}年度“三区”科技人才{label}"],
        [f"{unit_header}(盖章)：{unit_line}", None, None, None, None, None, "填表人：", None, None, "联系电话："],
        group_row,
        [None, *(figure.header for figure in figures)],
        *rows,
    ]
    if total is not None:
        table.append(total)
    table += [["注：1.选派人数≥三方协议数≥考核合格数"], ["2.如有其它情况，请附页填写；"]]
    return write_rows(path, table, sheet="附件", merges=merges)


def dispatch_row(unit: str, **values: Any) -> list[Any]:
    """Return a 附件4 data row where every figure is 0 unless given."""
    return [unit, *(values.get(figure.field, 0) for figure in DISPATCH_FIGURES)]


def training_row(unit: str, **values: Any) -> list[Any]:
    return [unit, *(values.get(figure.field, 0) for figure in TRAINING_FIGURES)]
