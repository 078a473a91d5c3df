"""The command line: exit codes, JSON contract, masking, Chinese help, and a real subprocess."""

from __future__ import annotations

import re

import pytest

from builders import person, write_roster

FULL_ID = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
FULL_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def test_validate_clean_exit_0(cli, tmp_path):
    path = write_roster(tmp_path / "ok.xlsx", [person(1)])

    result = cli("validate", path)

    assert result.exit_code == 0
    assert "未发现问题" in result.stdout


def test_validate_errors_exit_1(cli, examples):
    result = cli("validate", examples / "roster-2024-errors.xlsx")

    assert result.exit_code == 1
    assert "P102" in result.stdout
    assert "C5" in result.stdout


def test_validate_fail_on_warning(cli, tmp_path):
    path = write_roster(tmp_path / "warn.xlsx", [person(1, 联系电话="12345")])

    assert cli("validate", path).exit_code == 0
    assert cli("validate", path, "--fail-on", "warning").exit_code == 1


def test_validate_unreadable_exit_2(cli, tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04broken")

    result = cli("validate", path)

    assert result.exit_code == 2
    assert "F001" in result.stdout


def test_json_contract(cli, examples):
    result = cli("validate", examples / "roster-2024-errors.xlsx", "--format", "json")
    data = result.json()

    assert data["tool"] == "sanqu"
    assert data["rule_set"] == "zangkefa-2022-93"
    file = data["files"][0]
    assert {"path", "kind", "sheet", "header_row", "records", "findings"} <= set(file)
    assert file["kind"] == "roster"
    assert file["sheet"] == "花名册"
    assert file["header_row"] == 3
    finding = file["findings"][0]
    assert set(finding) >= {"code", "severity", "message", "file", "sheet", "cell", "row", "column", "value"}
    assert data["summary"]["files"] == 1
    assert data["summary"]["records"] == 40
    assert data["summary"]["error"] == sum(1 for f in file["findings"] if f["severity"] == "error")


def test_identifiers_masked_unless_show_pii(cli, examples):
    masked = cli("validate", examples / "roster-2024-errors.xlsx", "--format", "json")
    shown = cli("validate", examples / "roster-2024-errors.xlsx", "--format", "json", "--show-pii")
    inspected = cli("inspect", examples / "roster-2024.xlsx", "--format", "json")

    for output in (masked.stdout, inspected.stdout):
        assert not FULL_ID.search(output)
        assert not FULL_MOBILE.search(output)
    assert FULL_ID.search(shown.stdout)


def test_id_stored_as_number_never_printed(cli, tmp_path):
    path = write_roster(tmp_path / "num.xlsx", [person(1, 身份证号=5.40102199001011e17)])

    for output_format in ("text", "json"):
        result = cli("validate", path, "--format", output_format, "--show-pii")
        assert "5.40102199001011e+17" not in result.stdout.lower()
        assert "540102199001011000" not in result.stdout
        assert "P102" in result.stdout


def test_inspect_json_shows_mapping_and_values(cli, tmp_path):
    path = write_roster(tmp_path / "inspect.xlsx", [person(1, 服务天数="30天")])

    data = cli("inspect", path, "--format", "json").json()

    assert data["kind"] == "roster"
    days = [column for column in data["columns"] if column["column"] == "P"][0]
    assert (days["header"], days["field"], days["field_label"]) == ("服务天数", "service_days", "服务天数")
    record = data["records"][0]
    assert record["row"] == 2
    assert record["values"]["service_days"] == 30
    assert record["values"]["service_start"] == "2024-03-01"
    assert record["values"]["team"] is None


def test_inspect_text(cli, examples):
    result = cli("inspect", examples / "roster-2024.xlsx")

    assert result.exit_code == 0
    assert "表头与字段的对应" in result.stdout
    assert "服务期/开始日期" in result.stdout


def test_rules_lists_every_code(cli):
    result = cli("rules", "--format", "json")
    codes = {entry["code"] for entry in result.json()["codes"]}

    assert {"F001", "P102", "T203", "A307", "S501", "B607"} <= codes


def test_year_option_and_source(cli, tmp_path):
    path = write_roster(tmp_path / "no-year.xlsx", [person(1)])

    from_dates = cli("validate", path, "--format", "json").json()["files"][0]
    given = cli("validate", path, "--format", "json", "--year", "2025").json()["files"][0]

    assert (from_dates["year"], from_dates["year_source"]) == (2024, "服务日期")
    assert (given["year"], given["year_source"]) == (2025, "命令行 --year")


def test_unknown_kind_option_exit_2(cli, tmp_path):
    path = write_roster(tmp_path / "ok.xlsx", [person(1)])

    result = cli("validate", path, "--kind", "nonsense")

    assert result.exit_code == 2
    assert "未知的表格类型" in result.stderr


def test_bad_rules_file(cli, tmp_path):
    rules = tmp_path / "bad.toml"
    rules.write_text('id = "x"\nname = "y"\nunknown_key = 1\n', encoding="utf-8")
    path = write_roster(tmp_path / "ok.xlsx", [person(1)])

    result = cli("validate", path, "--rules", rules)

    assert result.exit_code == 2
    assert "unknown_key" in result.stderr
    assert "未知的键" in result.stderr


def test_custom_rules_change_min_days(cli, tmp_path):
    from sanqu_cli.rules.model import RULES_DIR

    text = (RULES_DIR / "zangkefa-2022-93.toml").read_text(encoding="utf-8").replace("min_days = 30", "min_days = 50")
    rules = tmp_path / "stricter.toml"
    rules.write_text(text, encoding="utf-8")
    path = write_roster(tmp_path / "ok.xlsx", [person(1, 服务天数=45)])

    assert cli("validate", path).exit_code == 0
    result = cli("validate", path, "--rules", rules)
    assert result.exit_code == 1
    assert "50 天" in result.stdout


def test_missing_argument_message_in_chinese(cli):
    result = cli("validate")

    assert result.exit_code == 2
    assert "缺少参数" in result.stderr


@pytest.mark.parametrize("command", ["validate", "inspect", "rules", "demo"])
def test_every_command_has_chinese_help(cli, command):
    result = cli(command, "--help")

    assert result.exit_code == 0
    assert "用法" in result.stdout
    first_line = [line for line in result.stdout.splitlines() if line.strip() and "用法" not in line][0]
    assert any("\u4e00" <= char <= "\u9fff" for char in first_line)


def test_subprocess_validate_and_module_entry(sanqu, examples):
    result = sanqu("validate", examples / "roster-2024-errors.xlsx")

    assert result.exit_code == 1
    assert "P102" in result.stdout
    assert "Traceback" not in result.stderr


def test_subprocess_broken_file_no_traceback(sanqu, tmp_path):
    path = tmp_path / "trunc.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 50)

    result = sanqu("validate", path)

    assert result.exit_code == 2
    assert "Traceback" not in result.stderr + result.stdout
    assert "F001" in result.stdout


def test_demo_runs(cli, tmp_path):
    result = cli("demo", "--out", tmp_path / "demo")

    assert result.exit_code == 0
    assert "演示完成" in result.stdout
