"""附件5 figures per 培训单位, from the training records (培训班 and 学员名单 sheets).

A trainee counts once per 培训单位 even when they sat two of its classes (受培人数 is people),
keyed by 身份证号, else by class and 姓名. The seven 受培人员结构 columns then add up to
受培人数 by construction (附件5 注1).
"""

from __future__ import annotations

from typing import Any

from sanqu_cli.compute.results_common import ResultsTable, UnitFigures, distinct_values, prefecture_of_unit
from sanqu_cli.schema.records import TableRead
from sanqu_cli.schema.results_tables import TRAINEE_MIX_FIELDS, TRAINING_FIGURES
from sanqu_cli.schema.training import TRAINEE_TYPES

TOTAL_LABEL = "合计"
MIX_FIELD_OF_TYPE = dict(zip(TRAINEE_TYPES, TRAINEE_MIX_FIELDS))
# 培训班 columns summed as they are, by 附件5 figure.
CLASS_SUMS = ("experts", "teaching_days", "courseware", "site_visits")


def class_frame(classes: TableRead, year: int | None, notes: list[str]):
    """Return one row per class of the year, with its unit, institution and the summed columns."""
    import pandas as pd

    rows, other_year = [], []
    for record in classes.records:
        start = record.get("start") or record.get("end")
        if year and start is not None and start.year != year:
            other_year.append(record.ref("start"))
            continue
        row = {"unit": record.get("training_unit"), "class_name": record.get("class_name"),
               "institution": record.get("institution"), "ref_class_name": record.ref("class_name"),
               "ref_institution": record.ref("institution")}
        for column in CLASS_SUMS:
            row[column] = record.get(column, 0)
            row[f"ref_{column}"] = record.ref(column)
        rows.append(row)
    if other_year:
        notes.append(f"培训班中有 {len(other_year)} 个班次的日期不在 {year} 年度内，未计入（如 {other_year[0]}）。")
    columns = ["unit", "class_name", "institution", "ref_class_name", "ref_institution"]
    columns += [name for column in CLASS_SUMS for name in (column, f"ref_{column}")]
    return pd.DataFrame(rows, columns=columns).dropna(subset=["unit"])


def trainee_frame(trainees: TableRead, classes, notes: list[str]):
    """Return one row per trainee per unit: the unit of their class, type, passed, and the cells."""
    import pandas as pd

    unit_of_class = dict(zip(classes["class_name"], classes["unit"]))
    rows, unknown = [], []
    for record in trainees.records:
        class_name = record.get("class_name")
        unit = unit_of_class.get(class_name)
        if unit is None:
            unknown.append(record.ref("class_name"))
            continue
        rows.append({"unit": unit, "person": record.get("id_number") or f"{class_name}/{record.get('name')}",
                     "type": record.get("trainee_type"), "passed": record.get("passed") is True,
                     "ref_person": record.ref("name"), "ref_type": record.ref("trainee_type"),
                     "ref_passed": record.ref("passed")})
    if unknown:
        notes.append(f"学员名单中有 {len(unknown)} 行的班次不在本年度的培训班表中，未计入（如 {unknown[0]}）。")
    frame = pd.DataFrame(rows, columns=["unit", "person", "type", "passed", "ref_person", "ref_type", "ref_passed"])
    # A person who passed any class of the unit counts as passed; their first row gives the type.
    passed_any = frame.groupby(["unit", "person"], sort=False)["passed"].transform("any") if len(frame) else frame["passed"]
    frame["passed"] = passed_any.astype(bool)
    return frame.drop_duplicates(["unit", "person"])


def training_figures(classes, trainees) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """Return the 15 附件5 figures of a group of classes and their trainees."""
    values: dict[str, Any] = {}
    sources: dict[str, list[str]] = {}
    values["trainees"], sources["trainees"] = len(trainees), list(trainees["ref_person"])

    values["institutions"], sources["institutions"] = distinct_values(classes, "institution")

    passed = trainees[trainees["passed"]]
    values["passed"], sources["passed"] = len(passed), list(passed["ref_passed"])
    for trainee_type, field in MIX_FIELD_OF_TYPE.items():
        chosen = trainees[trainees["type"] == trainee_type]
        values[field], sources[field] = len(chosen), list(chosen["ref_type"])

    for column in CLASS_SUMS:
        values[column] = int(sum(value for value in classes[column] if value))
        sources[column] = [ref for value, ref in zip(classes[column], classes[f"ref_{column}"]) if value]
    values["classes"], sources["classes"] = len(classes), list(classes["ref_class_name"])
    return {figure.field: values[figure.field] for figure in TRAINING_FIGURES}, sources


def compute_training(classes_read: TableRead, trainees_read: TableRead, year: int | None = None) -> ResultsTable:
    """Build 附件5: one row per 培训单位 (in the order of the 培训班 sheet) and a total row."""
    year = year or classes_read.year or trainees_read.year
    notes: list[str] = []
    classes = class_frame(classes_read, year, notes)
    trainees = trainee_frame(trainees_read, classes, notes)

    class_groups = dict(tuple(classes.groupby("unit", sort=False)))
    trainee_groups = dict(tuple(trainees.groupby("unit", sort=False)))
    units = []
    for unit in dict.fromkeys(classes["unit"]):
        values, sources = training_figures(class_groups[unit], trainee_groups.get(unit, trainees.iloc[0:0]))
        units.append(UnitFigures(unit=unit, values=values, sources=sources, prefecture=prefecture_of_unit(unit)))

    # Every 附件5 figure adds up across units, because a person is counted once per unit.
    values, sources = training_figures(classes, trainees)
    total = UnitFigures(unit=TOTAL_LABEL, values={name: sum(u.values[name] for u in units) for name in values},
                        sources={})
    if values["institutions"] != total.values["institutions"]:
        notes.append(f"合计的培训机构数按各单位相加为 {total.values['institutions']} 家，"
                     f"去重后为 {values['institutions']} 家（有机构为多个单位承办培训）。")
    return ResultsTable(kind="training_results", year=year, units=units, total=total, notes=notes)
