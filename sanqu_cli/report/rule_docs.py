"""The rule catalogue as a Markdown page (`sanqu rules --format markdown`, committed as docs/rules.md).

The page is generated from the rule set, so the documentation and the checks cannot disagree;
a test compares the committed page with this output.
"""

from __future__ import annotations

from dataclasses import dataclass

from sanqu_cli.findings import Severity
from sanqu_cli.rules import RuleSet


@dataclass(frozen=True)
class Family:
    """A rule family: the letter its codes start with, its Chinese name and its English code name."""

    letter: str
    label: str
    code_name: str


FAMILIES = [
    Family("F", "文件与版式", "files"),
    Family("P", "选派人员", "people"),
    Family("T", "科技特派团", "teams"),
    Family("A", "绩效考核（附件2）", "appraisal"),
    Family("S", "成效统计表（附件4、附件5）", "results"),
    Family("B", "经费（第二十三条至第二十八条）", "funds"),
]
FAMILY_BY_LETTER = {family.letter: family for family in FAMILIES}

AREA_CLASS_LABELS = {2: "二类区", 3: "三类区", 4: "四类区"}


def _cell(text: str) -> str:
    """Escape a table cell: a | would end the cell, a line break the row."""
    return text.replace("|", "\\|").replace("\n", " ")


def _settings_lines(rules: RuleSet) -> list[str]:
    """List the numbers of the rule set that the checks read, as the page's reader needs them."""
    rates = "，".join(f"{AREA_CLASS_LABELS.get(area, f'{area}类区')} {rate} 元/天"
                     for area, rate in sorted(rules.funds.day_rate_yuan.items()))
    appraisal = rules.appraisal
    return [
        f"- 年度服务基层时间不少于 {rules.service.min_days} 天（`service.min_days`）；"
        f"服务期不超过 {rules.service.max_period_days} 天（`service.max_period_days`）。",
        f"- 科技特派团不少于 {rules.teams.min_members} 人（`teams.min_members`），"
        f"团长职称不低于{rules.teams.leader_min_level.label}（`teams.leader_min_level`）。",
        f"- 工作补助日标准：{rates}（`funds.day_rate_yuan`）。",
        f"- 选派工作经费每人每年不超过 {rules.funds.per_person_yuan} 元（`funds.per_person_yuan`）；"
        f"允许的支出：{'、'.join(rules.funds.expense_kinds)}（`funds.expense_kinds`）。",
        f"- 优秀名额不超过本选派单位人数的 {appraisal.excellent_quota_percent}%（`appraisal.excellent_quota_percent`）；"
        f"优秀不低于 {appraisal.excellent_min_points:g} 分（`appraisal.excellent_min_points`），"
        f"合格不低于 {appraisal.pass_min_points:g} 分（`appraisal.pass_min_points`）。",
        f"- 考核不合格后 {rules.history.barred_years} 年内不得再次选派（`history.barred_years`）；"
        f"连续 {rules.history.honour_consecutive_years} 年合格及以上颁发荣誉证书（`history.honour_consecutive_years`）。",
    ]


def _code_table(rules: RuleSet, codes: list[str]) -> list[str]:
    lines = ["| 代码 | 级别 | 依据 | 说明 |", "| --- | --- | --- | --- |"]
    for code in codes:
        entry = rules.codes[code]
        lines.append(f"| {code} | {Severity(entry.severity).label} | {_cell(entry.article or '—')} | {_cell(entry.title)} |")
    return lines


def rules_markdown(rules: RuleSet) -> str:
    """Render every rule code of the rule set, family by family, as a Chinese Markdown page."""
    lines = [
        "# 校验规则",
        "",
        "<!-- 本页由 `sanqu rules --format markdown > docs/rules.md` 生成，请勿手工修改。 -->",
        "",
        f"规则集：{rules.name}（`{rules.id}`）。",
        "",
        "每条规则有固定的代码（类别字母加三位数字）。级别：**错误**（提交的表格有误，必须改正）、"
        "**警告**（“原则上”的要求，或需要人工判断）、**提示**（供参考）。"
        "`sanqu validate` 在有错误时退出码为 1；`--fail-on warning` 让警告也使退出码为 1。",
        "",
        "## 规则集中的数值",
        "",
        "下列数值都取自规则集文件，可以用 `--rules 文件` 换用修订后的规则集，不需要改程序。",
        "",
        *_settings_lines(rules),
    ]

    for family in FAMILIES:
        codes = [code for code in rules.codes if code.startswith(family.letter)]
        if codes:
            lines += ["", f"## {family.letter} {family.label}（`{family.code_name}`）", "", *_code_table(rules, codes)]

    others = [code for code in rules.codes if code[0] not in FAMILY_BY_LETTER]
    if others:
        lines += ["", "## 其他", "", *_code_table(rules, others)]
    return "\n".join(lines) + "\n"
