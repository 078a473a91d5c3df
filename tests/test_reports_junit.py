"""Many files in one run, the JUnit XML report, and --output: what a CI job reads."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from builders import person, write_roster

DATA = Path(__file__).parent / "data"
FULL_ID = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")


@pytest.fixture(scope="module")
def junit_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(DATA / "junit.xsd")))


@pytest.fixture
def submissions(tmp_path, examples) -> Path:
    """A folder as a regional office receives it: a good roster, a bad roster, a file that is not a workbook."""
    folder = tmp_path / "提交"
    folder.mkdir()
    write_roster(folder / "good.xlsx", [person(1), person(2)])
    shutil.copy(examples / "roster-2024-errors.xlsx", folder / "bad.xlsx")
    # A PDF that someone renamed to .xlsx: the reader goes by content, so this is F001.
    (folder / "会议通知.xlsx").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 8 >>\nstream\n"
                                          b"x\x9c\x00\x01\x00\xfe\xff\x00\nendstream\nendobj\n")
    return folder


def test_folder_mixed_files_exit_2(cli, submissions):
    result = cli("validate", submissions)

    assert result.exit_code == 2
    assert "good.xlsx" in result.stdout
    assert "bad.xlsx" in result.stdout
    assert result.stdout.count("F001") == 1
    assert "无法读取" in result.stderr
    assert "会议通知.xlsx" in result.stderr
    assert "共检查 3 个文件" in result.stdout


def test_folder_mixed_files_junit_valid(cli, submissions, junit_schema):
    result = cli("validate", submissions, "--format", "junit")
    document = etree.fromstring(result.stdout.encode("utf-8"))

    assert result.exit_code == 2
    assert junit_schema.validate(document), junit_schema.error_log
    suites = document.findall("testsuite")
    assert len(suites) == 3
    reported = [suite for suite in suites if suite.find("testcase/failure") is not None
                or suite.find("testcase/error") is not None]
    assert len(reported) == 2
    errors = document.findall(".//error")
    assert [error.get("type") for error in errors] == ["F001"]
    assert "无法读取" in result.stderr


def test_junit_failure_carries_code_cell_message(cli, examples, junit_schema):
    result = cli("validate", examples / "roster-2024-errors.xlsx", "--format", "junit")
    document = etree.fromstring(result.stdout.encode("utf-8"))

    assert result.exit_code == 1
    assert junit_schema.validate(document), junit_schema.error_log
    case = document.find(".//testcase[@name='花名册 第5行']")
    failure = case.find("failure")
    assert failure.get("type") == "P102"
    assert "花名册!C5" in failure.get("message")
    assert "身份证号被存成了数字" in failure.text


def test_junit_counts_match_report(cli, examples):
    data = cli("validate", examples / "roster-2024-errors.xlsx", "--format", "json").json()
    document = etree.fromstring(cli("validate", examples / "roster-2024-errors.xlsx", "--format", "junit")
                                .stdout.encode("utf-8"))

    error_rows = {(f["sheet"], f["row"]) for f in data["files"][0]["findings"] if f["severity"] == "error"}
    suite = document.find("testsuite")
    assert int(suite.get("failures")) == len(error_rows)
    assert int(document.get("failures")) == len(error_rows)
    assert int(suite.get("tests")) == len(suite.findall("testcase"))


def test_junit_warnings_pass_unless_fail_on(cli, tmp_path):
    path = write_roster(tmp_path / "warn.xlsx", [person(1, 联系电话="12345")])

    default = etree.fromstring(cli("validate", path, "--format", "junit").stdout.encode("utf-8"))
    strict = etree.fromstring(cli("validate", path, "--format", "junit", "--fail-on", "warning").stdout.encode("utf-8"))

    assert default.get("failures") == "0"
    assert "P104" in default.find(".//system-out").text
    assert strict.get("failures") == "1"
    assert strict.find(".//failure").get("type") == "P104"


def test_junit_masks_identifiers(cli, examples):
    masked = cli("validate", examples / "roster-2024-errors.xlsx", "--format", "junit")
    shown = cli("validate", examples / "roster-2024-errors.xlsx", "--format", "junit", "--show-pii")

    assert not FULL_ID.search(masked.stdout)
    assert FULL_ID.search(shown.stdout)


def test_junit_clean_file_passes(cli, tmp_path, junit_schema):
    path = write_roster(tmp_path / "ok.xlsx", [person(1)])

    result = cli("validate", path, "--format", "junit")
    document = etree.fromstring(result.stdout.encode("utf-8"))

    assert result.exit_code == 0
    assert junit_schema.validate(document), junit_schema.error_log
    assert document.get("tests") == "1"
    assert document.get("failures") == "0"
    assert document.get("errors") == "0"


def test_junit_control_characters_stay_valid_xml(junit_schema):
    from sanqu_cli.findings import FileReport, Report, make_finding
    from sanqu_cli.pii import Masker
    from sanqu_cli.report.junit import junit_xml
    from sanqu_cli.rules import load_rules

    rules = load_rules()
    finding = make_finding(rules, "P130", "服务区类别“二类\x0b区”无效。", file="x.csv", sheet="x", row=2,
                           column_letter="M", value="二类\x0b区")
    report = Report(files=[FileReport(path="x.csv", findings=[finding])])

    document = etree.fromstring(junit_xml(report, rules, Masker()).encode("utf-8"))

    assert junit_schema.validate(document), junit_schema.error_log
    assert "\ufffd" in document.find(".//failure").text


def test_output_file_junit_and_text_on_stdout(cli, examples, tmp_path, junit_schema):
    target = tmp_path / "reports" / "sanqu.xml"

    result = cli("validate", examples / "roster-2024-errors.xlsx", "--output", target)

    assert result.exit_code == 1
    assert "P102" in result.stdout
    assert "<testsuites" not in result.stdout
    assert junit_schema.validate(etree.parse(str(target)))
    assert "已写入 junit 报告" in result.stderr


def test_output_file_json(cli, examples, tmp_path):
    import json

    target = tmp_path / "sanqu.json"

    result = cli("validate", examples / "roster-2024-errors.xlsx", "--format", "json", "--output", target)
    data = json.loads(target.read_text(encoding="utf-8"))

    assert result.exit_code == 1
    assert data["summary"]["records"] == 40
    assert data["files"][0]["findings"][0]["code"] == "P102"


def test_output_kept_without_force(cli, examples, tmp_path):
    target = tmp_path / "sanqu.xml"
    target.write_text("earlier report", encoding="utf-8")

    refused = cli("validate", examples / "roster-2024.xlsx", "--output", target)
    assert refused.exit_code == 2
    assert "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "earlier report"

    forced = cli("validate", examples / "roster-2024.xlsx", "--output", target, "--force")
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<?xml")


def test_output_unknown_suffix_or_text_format(cli, examples, tmp_path):
    unknown = cli("validate", examples / "roster-2024.xlsx", "--output", tmp_path / "report.txt")
    text = cli("validate", examples / "roster-2024.xlsx", "--format", "text", "--output", tmp_path / "r.json")

    assert unknown.exit_code == 2
    assert "--format json" in unknown.stderr
    assert text.exit_code == 2
    assert "--output 只写 json 或 junit" in text.stderr
    assert not (tmp_path / "report.txt").exists()
    assert not (tmp_path / "r.json").exists()


def test_subprocess_junit_to_file(sanqu, submissions, tmp_path, junit_schema):
    target = tmp_path / "junit.xml"

    result = sanqu("validate", submissions, "--format", "junit", "--output", target)

    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert "会议通知.xlsx" in result.stderr
    assert junit_schema.validate(etree.parse(str(target)))


def test_crash_in_one_file_never_stops_others(cli, tmp_path, monkeypatch):
    from sanqu_cli import validate

    good = write_roster(tmp_path / "good.xlsx", [person(1)])
    other = write_roster(tmp_path / "other.xlsx", [person(2)])
    original = validate.read_table

    def fail_on_good(path, *args, **kwargs):
        if Path(path).name == "good.xlsx":
            raise RuntimeError("simulated defect")
        return original(path, *args, **kwargs)

    monkeypatch.setattr(validate, "read_table", fail_on_good)
    result = cli("validate", good, other, "--format", "json")
    files = {Path(file["path"]).name: file for file in result.json()["files"]}

    assert result.exit_code == 2
    assert files["good.xlsx"]["readable"] is False
    assert "内部出错" in files["good.xlsx"]["findings"][0]["message"]
    assert files["other.xlsx"]["readable"] is True
    assert files["other.xlsx"]["records"] == 1


def test_demo_writes_junit_and_annotated_copy(cli, tmp_path, junit_schema):
    result = cli("demo", "--out", tmp_path / "demo")
    junit = tmp_path / "demo" / "sanqu-junit.xml"

    assert result.exit_code == 0
    assert junit_schema.validate(etree.parse(str(junit))), junit_schema.error_log
    assert (tmp_path / "demo" / "标注" / "roster-2024-errors-校验标注.xlsx").is_file()
    assert "已写入标注副本" in result.stdout


def test_output_never_overwrites_input(cli, examples, tmp_path):
    source = tmp_path / "roster.xlsx"
    shutil.copy(examples / "roster-2024-errors.xlsx", source)
    before = source.read_bytes()

    result = cli("validate", source, "--format", "json", "--output", source, "--force")

    assert result.exit_code == 2
    assert "输入文件不会被覆盖" in result.stderr
    assert source.read_bytes() == before
