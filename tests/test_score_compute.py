"""附件2 scoring rules and grading, checked through the library functions."""

from __future__ import annotations

from decimal import Decimal

import pytest

from score_builders import RULES

from sanqu_cli.compute.grading import quota_for
from sanqu_cli.compute.scoring import nearest_below, points_from_count, reachable_points

INDICATOR = {indicator.number: indicator for indicator in RULES.appraisal.indicators}


@pytest.mark.parametrize(("number", "count", "points"), [
    (8, 23, 4),    # 1 point per 5 people, whole fives only
    (8, 60, 10),   # capped at 10
    (8, 4, 0),
    (5, 7, 7),     # 1 per visit
    (5, 14, 10),
    (6, 1, 5),     # 5 per new technology
    (6, 3, 10),
    (12, 2, 5),    # 5 per cooperative, at most 5
    (13, 3, 6),    # 2 per briefing
    (13, 9, 10),
    (1, 1, 5),     # binary
    (1, 0, 0),
    (2, 30, 10),   # service days at the minimum
    (2, 29, 0),
])
def test_points_from_count(number, count, points):
    assert points_from_count(INDICATOR[number], Decimal(count), RULES) == points


def test_judged_items_have_no_count_rule():
    assert points_from_count(INDICATOR[3], Decimal(4), RULES) is None
    assert points_from_count(INDICATOR[10], Decimal(4), RULES) is None


def test_reachable_points_item_6():
    assert reachable_points(INDICATOR[6]) == [0, 5, 10]
    assert nearest_below(INDICATOR[6], Decimal(7)) == 5


def test_reachable_points_item_2_binary():
    assert reachable_points(INDICATOR[2]) == [0, 10]


@pytest.mark.parametrize(("headcount", "quota"), [(12, 2), (4, 0), (5, 1), (30, 6), (9, 1), (10, 2)])
def test_quota_floor(headcount, quota):
    assert quota_for(headcount, RULES) == quota
