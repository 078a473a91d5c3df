"""Rule sets: every number of the regulation, loaded from TOML into a typed model."""

from __future__ import annotations

from sanqu_cli.rules.model import (
    DEFAULT_RULE_SET,
    Indicator,
    RuleCode,
    RuleSet,
    RuleSetError,
    load_rules,
)

__all__ = [
    "DEFAULT_RULE_SET",
    "Indicator",
    "RuleCode",
    "RuleSet",
    "RuleSetError",
    "load_rules",
]
