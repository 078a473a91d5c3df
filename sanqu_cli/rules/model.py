"""The rule set model and its loader.

A rule set is data: the packaged `zangkefa-2022-93.toml` contains every number the checks
use, and `--rules FILE` swaps in a revised one. Unknown keys and wrong types are rejected
on load with a Chinese message that names the key, so a typo cannot silently fall back
to a default.
"""

from __future__ import annotations

import sys
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from sanqu_cli.rules.layering import BaseError, apply_base, describe_problem

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

RULES_DIR = Path(__file__).parent
DEFAULT_RULE_SET = "zangkefa-2022-93"


class TitleLevel(str, Enum):
    """职称级别, ordered from none to 正高级."""

    none = "none"
    junior = "junior"
    intermediate = "intermediate"
    deputy_senior = "deputy_senior"
    senior = "senior"

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self]

    @property
    def label(self) -> str:
        return _LEVEL_LABEL[self]


_LEVEL_RANK = {
    TitleLevel.none: 0,
    TitleLevel.junior: 1,
    TitleLevel.intermediate: 2,
    TitleLevel.deputy_senior: 3,
    TitleLevel.senior: 4,
}
_LEVEL_LABEL = {
    TitleLevel.none: "无职称",
    TitleLevel.junior: "初级",
    TitleLevel.intermediate: "中级",
    TitleLevel.deputy_senior: "副高级",
    TitleLevel.senior: "正高级",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ServiceRules(_Strict):
    min_days: int = Field(gt=0)
    max_period_days: int = Field(gt=0)


class TitleRules(_Strict):
    in_region: TitleLevel
    out_of_region: TitleLevel
    local_expert: TitleLevel


class TeamRules(_Strict):
    min_members: int = Field(gt=0)
    leader_min_level: TitleLevel


class FundRules(_Strict):
    per_person_yuan: int = Field(gt=0)
    expense_kinds: list[str]
    day_rate_yuan: dict[int, int]


class FundCheckRules(_Strict):
    """Word lists behind the ledger checks B603–B607 (支出类别 spellings, fee and 驻村 words)."""

    kind_aliases: dict[str, list[str]] = Field(default_factory=dict)
    reimbursed_to_person: list[str] = Field(default_factory=list)
    self_payee_words: list[str] = Field(default_factory=list)
    village_words: list[str]
    fee_words: list[str]
    lost_work_words: list[str]


class Indicator(_Strict):
    """One row of 附件2 评分表."""

    number: int
    name: str
    section: str
    max_points: int = Field(gt=0)
    rule: Literal["binary", "judged", "per_count", "per_group", "min_days"]
    points_each: int | None = None
    group_size: int | None = None


class Section(_Strict):
    name: str
    max_points: int
    hard: bool


class AppraisalRules(_Strict):
    excellent_quota_percent: int = Field(ge=0, le=100)
    excellent_min_points: float
    pass_min_points: float
    hard_condition_fails: bool
    deadline_month: int = Field(ge=1, le=12)
    deadline_day: int = Field(ge=1, le=31)
    indicators: list[Indicator]
    sections: list[Section]


class HistoryRules(_Strict):
    barred_years: int = Field(ge=0)
    honour_consecutive_years: int = Field(ge=1)


class Limits(_Strict):
    max_cells: int = Field(gt=0)
    max_uncompressed_bytes: int = Field(gt=0)
    max_compression_ratio: int = Field(gt=0)
    max_rows: int = Field(gt=0)
    header_search_rows: int = Field(gt=0)


class RuleCode(_Strict):
    severity: Literal["error", "warning", "info"]
    title: str
    article: str = ""


class RuleSet(_Strict):
    id: str
    name: str
    service: ServiceRules
    titles: TitleRules
    teams: TeamRules
    funds: FundRules
    appraisal: AppraisalRules
    history: HistoryRules
    limits: Limits
    fund_checks: FundCheckRules
    codes: dict[str, RuleCode]

    @model_validator(mode="after")
    def _fund_kinds_known(self) -> RuleSet:
        """Reject a 支出类别 alias or reimbursable kind that is not one of funds.expense_kinds."""
        kinds = set(self.funds.expense_kinds)
        for name in [*self.fund_checks.kind_aliases, *self.fund_checks.reimbursed_to_person]:
            if name not in kinds:
                raise ValueError(f"fund_checks 中的支出类别“{name}”不在 funds.expense_kinds 中")
        return self

    def code(self, code: str) -> RuleCode:
        """Return the catalogue entry of a rule code (a KeyError means a code missing from the rule set)."""
        return self.codes[code]

    def min_title_level(self, category: str) -> TitleLevel:
        """Return the lowest 职称级别 allowed for a 人员类别 code name."""
        return getattr(self.titles, category)


class RuleSetError(Exception):
    """A rule set file cannot be used; the message is Chinese and names the key."""


def _describe_validation_error(path: Path, error: ValidationError) -> str:
    lines = [f"规则集文件 {path} 有误："]
    for item in error.errors():
        key = ".".join(str(part) for part in item["loc"])
        if item["type"] == "extra_forbidden":
            lines.append(f"  - 未知的键 {key}（请检查拼写，或删除该键）")
        elif item["type"] == "missing":
            lines.append(f"  - 缺少必需的键 {key}")
        else:
            lines.append(f"  - 键 {key} 的值 {item.get('input')!r} 类型或取值不对：{describe_problem(item)}")
    return "\n".join(lines)


def _read_rule_file(path: Path) -> RuleSet:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RuleSetError(f"找不到规则集文件 {path}，请检查 --rules 后的路径。") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleSetError(f"无法读取规则集文件 {path}：{exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise RuleSetError(f"规则集文件 {path} 不是有效的 TOML：{exc}") from None

    try:
        data = apply_base(data, path, RULES_DIR)
    except BaseError as exc:
        raise RuleSetError(str(exc)) from None

    try:
        return RuleSet.model_validate(data)
    except ValidationError as exc:
        raise RuleSetError(_describe_validation_error(path, exc)) from None


@lru_cache(maxsize=8)
def _load_cached(path: Path) -> RuleSet:
    return _read_rule_file(path)


def load_rules(path: str | Path | None = None) -> RuleSet:
    """Load a rule set from a TOML file, or the packaged default when no path is given."""
    if path is None:
        path = RULES_DIR / f"{DEFAULT_RULE_SET}.toml"
    return _load_cached(Path(path).resolve())
