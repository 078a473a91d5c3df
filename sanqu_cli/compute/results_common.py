"""Result types of the 附件4 and 附件5 computations, and helpers that both computations use."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sanqu_cli.reference import prefectures
from sanqu_cli.schema.results_tables import DISPATCH_FIGURES, TRAINING_FIGURES, Figure

# Written in place of a distinct count (服务县区/乡镇/村庄数量) that cannot be recomputed when
# units' tables are merged without the detail data (附件4 注1: 以县为单位，不可累加).
NOT_ADDITIVE = "不可累加"

# Units that belong to no 市(地), such as 西藏自治区农牧科学院, are merged under this heading.
REGION_LEVEL = "区直单位"
REGION = "全区"

FIGURES: dict[str, tuple[Figure, ...]] = {"dispatch_results": DISPATCH_FIGURES, "training_results": TRAINING_FIGURES}


@dataclass
class UnitFigures:
    """The figures of one row of 附件4/附件5: one unit, one 市(地), or the total.

    A value is an int, a Decimal (money), None when the data needed is missing, or NOT_ADDITIVE.
    `sources` lists, per figure, the detail cells behind it (for --explain and S403).
    """

    unit: str
    values: dict[str, Any]
    sources: dict[str, list[str]] = field(default_factory=dict)
    prefecture: str | None = None


@dataclass
class ResultsTable:
    """A whole 附件4 or 附件5: one row per unit, the total row, and notes on what was left out."""

    kind: str
    year: int | None
    units: list[UnitFigures]
    total: UnitFigures | None = None
    notes: list[str] = field(default_factory=list)
    title_suffix: str = ""

    @property
    def figures(self) -> tuple[Figure, ...]:
        return FIGURES[self.kind]


def prefecture_of_unit(unit: str) -> str:
    """Return the 市(地) a unit belongs to, read from the start of its name, else REGION_LEVEL.

    "拉萨市农业农村局" → 拉萨市; "阿里地区科学技术局" → 阿里地区; "西藏农牧学院" → 区直单位.
    """
    for name in prefectures():
        short = name.removesuffix("市").removesuffix("地区")
        if unit.startswith(name) or unit.startswith(short):
            return name
    return REGION_LEVEL


def distinct_values(frame, column: str) -> tuple[int, list[str]]:
    """Count the distinct values of a column; the source of each is the first row that names it."""
    present = frame.dropna(subset=[column])
    first = present.drop_duplicates(column)
    return int(present[column].nunique()), [f"{value}：{ref}" for value, ref in zip(first[column], first[f"ref_{column}"])]


def plain_number(value: Any) -> Any:
    """Return a Decimal as an int when whole, else as a float rounded to 4 places (for JSON and cells)."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return float(round(value, 4))
    return value


def table_dict(table: ResultsTable, explain: bool) -> dict[str, Any]:
    """Return a results table as a JSON-ready dict (figures keyed by code name)."""
    def row(figures: UnitFigures) -> dict[str, Any]:
        data: dict[str, Any] = {"unit": figures.unit, "prefecture": figures.prefecture,
                                "figures": {name: plain_number(value) for name, value in figures.values.items()}}
        if explain:
            data["sources"] = figures.sources
        return data

    return {
        "kind": table.kind,
        "year": table.year,
        "headers": {figure.field: figure.header for figure in table.figures},
        "units": [row(unit) for unit in table.units],
        "total": row(table.total) if table.total else None,
        "notes": table.notes,
    }
