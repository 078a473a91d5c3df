"""Custom rule sets with --rules: the worked example loads, and mistakes in a file are named clearly."""

from __future__ import annotations

import pytest

from builders import person, write_roster
from sanqu_cli.rules import RuleSetError, load_rules


@pytest.fixture
def example_rules(examples):
    return examples / "rules-2025-example.toml"


def _write(tmp_path, text: str):
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_example_rule_set_loads(example_rules):
    rules = load_rules(example_rules)
    packaged = load_rules()

    assert rules.id == "example-2025"
    assert rules.funds.day_rate_yuan == {2: 120, 3: 150, 4: 220}
    assert rules.appraisal.excellent_min_points == 85
    assert rules.appraisal.pass_min_points == packaged.appraisal.pass_min_points
    assert rules.appraisal.indicators == packaged.appraisal.indicators
    assert rules.codes == packaged.codes


def test_example_rule_set_in_cli(cli, example_rules, tmp_path):
    path = write_roster(tmp_path / "ok.xlsx", [person(1)])

    validated = cli("validate", path, "--rules", example_rules, "--format", "json")
    page = cli("rules", "--format", "markdown", "--rules", example_rules).stdout

    assert validated.exit_code == 0
    assert validated.json()["rule_set"] == "example-2025"
    assert "四类区 220 元/天" in page
    assert "优秀不低于 85 分" in page


@pytest.mark.parametrize("text, expected", [
    ('[appraisal]\nexcelent_min_points = 85\n', ["未知的键 appraisal.excelent_min_points"]),
    ('[service]\nmin_days = "三十"\n', ["键 service.min_days", "应为整数"]),
], ids=["unknown_key", "wrong_type"])
def test_rule_file_mistake_named(cli, tmp_path, text, expected):
    rules = _write(tmp_path, 'base = "zangkefa-2022-93"\n' + text)
    path = write_roster(tmp_path / "ok.xlsx", [person(1)])

    result = cli("validate", path, "--rules", rules)

    assert result.exit_code == 2
    for part in expected:
        assert part in result.stderr


def test_out_of_range_value_named(tmp_path):
    rules = _write(tmp_path, 'base = "zangkefa-2022-93"\n[appraisal]\nexcellent_quota_percent = 120\n')

    with pytest.raises(RuleSetError) as error:
        load_rules(rules)

    assert "appraisal.excellent_quota_percent" in str(error.value)
    assert "应不大于 100" in str(error.value)


def test_unknown_base_named(tmp_path):
    rules = _write(tmp_path, 'base = "zangkefa-2099"\n')

    with pytest.raises(RuleSetError) as error:
        load_rules(rules)

    assert "zangkefa-2099" in str(error.value)
    assert "zangkefa-2022-93" in str(error.value)


def test_base_as_relative_file(tmp_path):
    (tmp_path / "county.toml").write_text('base = "zangkefa-2022-93"\n[teams]\nmin_members = 4\n', encoding="utf-8")
    rules = _write(tmp_path, 'base = "county.toml"\nid = "county-2025"\n[service]\nmin_days = 40\n')

    loaded = load_rules(rules)

    assert (loaded.id, loaded.teams.min_members, loaded.service.min_days) == ("county-2025", 4, 40)


def test_base_cycle_rejected(tmp_path):
    (tmp_path / "a.toml").write_text('base = "b.toml"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('base = "a.toml"\n', encoding="utf-8")

    with pytest.raises(RuleSetError) as error:
        load_rules(tmp_path / "a.toml")

    assert "互相引用" in str(error.value)


def test_subprocess_example_rules(sanqu, examples, example_rules):
    result = sanqu("validate", examples / "roster-2024.xlsx", "--rules", example_rules)

    assert result.exit_code == 0
    assert "Traceback" not in result.stderr
