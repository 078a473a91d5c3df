"""Checks of the service log and the training records (the detail behind 附件4 and 附件5)."""

from __future__ import annotations

import datetime as dt

from builders import make_id, person, write_roster
from results_builders import log_row, write_log, write_training

from sanqu_cli.validate import ValidateOptions, validate_paths

UNIT = "西藏自治区农牧科学院"


def _found(path, **details):
    report = validate_paths([path], ValidateOptions(details=details))
    return sorted((finding.code, finding.cell) for finding in report.files[0].findings)


def test_example_detail_files_clean(examples):
    roster = examples / "roster-2024.xlsx"

    assert _found(examples / "service-log-2024.xlsx", roster=roster) == []
    assert _found(examples / "training-2024.xlsx") == []


def test_log_date_outside_year_s406(tmp_path):
    path = write_log(tmp_path / "log.xlsx", [log_row("测试1", make_id(1), UNIT, "林周县", 日期=dt.date(2023, 12, 30))])

    assert _found(path) == [("S406", "A3")]


def test_log_person_not_on_roster_s405(cli, tmp_path):
    roster = write_roster(tmp_path / "roster-2024.xlsx", [person(1)])
    path = write_log(tmp_path / "log.xlsx", [log_row("测试1", make_id(1), UNIT, "林周县"),
                                             log_row("外人", make_id(99), UNIT, "林周县")])

    assert _found(path, roster=roster) == [("S405", "C4")]
    result = cli("validate", path, "--roster", roster, "--format", "json")
    assert result.exit_code == 0
    assert [f["code"] for f in result.json()["files"][0]["findings"]] == ["S405"]


def test_log_bad_values(tmp_path):
    path = write_log(tmp_path / "log.xlsx", [log_row("测试1", make_id(1), UNIT, "林周县", 带动农户数=-2, 服务方式="聊天",
                                                     日期="2024.13.1")])

    assert _found(path) == [("P105", "K3"), ("P106", "H3"), ("P123", "A3")]


def test_training_type_and_class_checks(sanqu, tmp_path):
    classes = [["西藏农牧学院", "甲班", "学院", dt.date(2024, 5, 1), dt.date(2024, 5, 3), 3, 4, 2, 1]]
    trainees = [["甲班", "张三", make_id(10), "科技示范户", "是"], ["丙班", "李四", make_id(11), "返乡农民工", "是"],
                ["甲班", "王五", make_id(12), "游客", "是"]]
    path = write_training(tmp_path / "training.xlsx", classes, trainees)

    assert _found(path) == [("P106", "D4"), ("S504", "A3")]
    result = sanqu("validate", path, "--format", "json")
    assert result.exit_code == 1
    assert {f["sheet"] for f in result.json()["files"][0]["findings"]} == {"学员名单"}
