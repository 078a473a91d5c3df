"""Rule set files that change only a few numbers of another rule set, and Chinese load errors.

A file with `base = "zangkefa-2022-93"` (a packaged rule set) or `base = "other.toml"` (a
path relative to the file) starts from that rule set: its tables are merged key by key,
and a value given in the file replaces the base's value. Lists such as
`appraisal.indicators` are replaced as a whole, because merging them item by item would be
ambiguous. A revised measure then needs a file of a few lines, and it still loads after
the packaged rule set gains new settings.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

BASE_KEY = "base"
MAX_DEPTH = 5

# pydantic error types and what they mean to someone editing a TOML file.
_PROBLEMS = {
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数，不能有小数",
    "float_parsing": "应为数字",
    "float_type": "应为数字",
    "bool_parsing": "应为 true 或 false",
    "bool_type": "应为 true 或 false",
    "string_type": "应为文字（用英文双引号括起来）",
    "list_type": "应为列表，如 [\"甲\", \"乙\"]",
    "dict_type": "应为一个表（[节名] 下的若干键）",
    "model_type": "应为一个表（[节名] 下的若干键）",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "应不小于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "应不大于 {le}",
    "literal_error": "只能是 {expected}",
    "enum": "只能是 {expected}",
}


class BaseError(Exception):
    """A `base` that cannot be used; the message is Chinese."""


def describe_problem(item: dict[str, Any]) -> str:
    """Return a Chinese description of one pydantic validation error of a rule set value."""
    template = _PROBLEMS.get(item["type"])
    if template is None:
        return item["msg"]
    try:
        return template.format(**(item.get("ctx") or {}))
    except (KeyError, IndexError):
        return template


def _merge(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _base_path(reference: object, path: Path, rules_dir: Path) -> Path:
    if not isinstance(reference, str) or not reference.strip():
        raise BaseError(f"规则集文件 {path} 中键 base 的值 {reference!r} 无效：应为内置规则集的名称"
                        f"（如 \"zangkefa-2022-93\"）或另一个规则集文件的路径。")
    packaged = rules_dir / f"{reference}.toml"
    if "/" not in reference and "\\" not in reference and packaged.is_file():
        return packaged
    candidate = (path.parent / reference).resolve()
    if candidate.is_file():
        return candidate
    known = "、".join(sorted(p.stem for p in rules_dir.glob("*.toml")))
    raise BaseError(f"规则集文件 {path} 中 base = \"{reference}\" 找不到：既不是内置规则集（{known}），"
                    f"也不是 {path.parent} 下的文件。")


def apply_base(data: dict[str, Any], path: Path, rules_dir: Path, depth: int = 0) -> dict[str, Any]:
    """Return the rule set data with its `base` chain merged in (the file's own values win)."""
    if BASE_KEY not in data:
        return data
    if depth >= MAX_DEPTH:
        raise BaseError(f"规则集文件 {path} 的 base 链超过 {MAX_DEPTH} 层，可能互相引用。")

    changes = dict(data)
    base_path = _base_path(changes.pop(BASE_KEY), path, rules_dir)
    try:
        base_data = tomllib.loads(base_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BaseError(f"无法读取规则集文件 {path} 的 base 文件 {base_path}：{exc}") from None
    return _merge(apply_base(base_data, base_path, rules_dir, depth + 1), changes)
