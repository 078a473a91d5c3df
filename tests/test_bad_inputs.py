"""Every file of the bad-input corpus ends in a clear finding or a normal read, in the library and in every command."""

from __future__ import annotations

import pytest

from bad_inputs import CASES, Case
from command_table import OTHER_COMMANDS, SHOWS_FINDINGS_WITH_EXIT_0, WORKBOOK_COMMANDS, registered_commands, workbook_calls
from sanqu_cli.rules import load_rules
from sanqu_cli.validate import ValidateOptions, check_read, read_file
from sanqu_cli.workbook import ReadLimits, WorkbookError, open_book

RULES = load_rules()
IDS = [case.name for case in CASES]


@pytest.fixture(params=CASES, ids=IDS)
def case_file(request, tmp_path):
    case: Case = request.param
    return case, case.build(tmp_path)


def test_every_command_has_a_row():
    missing = [name for name in registered_commands() if name not in WORKBOOK_COMMANDS and name not in OTHER_COMMANDS]

    assert missing == [], f"add these commands to tests/command_table.py: {missing}"


def test_bad_input_read_by_library(case_file):
    case, path = case_file
    options = ValidateOptions(rules=RULES)

    report = check_read(read_file(path, options), options)

    file_codes = [finding.code for finding in report.findings if finding.code.startswith("F")]
    if case.code is None:
        assert report.readable
        assert report.kind == "roster"
        assert report.records == case.records
        assert file_codes == []
        if case.clean:
            assert [finding.code for finding in report.findings if finding.severity == "error"] == []
    else:
        assert case.code in file_codes
        finding = next(finding for finding in report.findings if finding.code == case.code)
        assert case.fragment in finding.message
        assert finding.file == str(path)


@pytest.mark.parametrize("command", list(WORKBOOK_COMMANDS))
def test_bad_input_every_command(case_file, command, cli, tmp_path):
    case, path = case_file

    for name, arguments in workbook_calls(path, tmp_path / "out"):
        if name != command:
            continue
        result = cli(*arguments)
        output = result.stdout + result.stderr

        assert result.exit_code in (0, 1, 2), output
        assert "Traceback" not in output
        assert "内部错误" not in output
        if case.code is not None:
            assert result.exit_code in (1, 2) or name in SHOWS_FINDINGS_WITH_EXIT_0
            assert path.name in output
            # A command may refuse before reading (validate expands a folder and finds no workbook).
            assert case.code in output or (result.exit_code == 2 and "错误：" in result.stderr)


@pytest.mark.parametrize("name", ["far_cell", "xml_bomb_shared_strings", "html_without_table", "tsv_utf16"])
def test_bad_input_as_subprocess(name, sanqu, tmp_path):
    case = next(case for case in CASES if case.name == name)
    path = case.build(tmp_path)

    result = sanqu("validate", path)

    assert "Traceback" not in result.stderr
    assert result.exit_code == (0 if case.code is None else 2)
    if case.code:
        assert case.code in result.stdout
        assert path.name in result.stdout


def test_limits_from_rule_set_apply(tmp_path):
    case = next(case for case in CASES if case.name == "inline_strings")
    path = case.build(tmp_path)

    with pytest.raises(WorkbookError) as raised:
        open_book(path, ReadLimits(max_cells=20))

    assert raised.value.code == "F009"
    assert "超过上限 20 个" in raised.value.message


def test_openpyxl_uses_defusedxml():
    import openpyxl.xml
    from openpyxl.xml import functions

    assert openpyxl.xml.DEFUSEDXML is True
    assert functions.iterparse.__module__.startswith("defusedxml")


def test_openpyxl_rejects_xml_bomb(tmp_path):
    """openpyxl reads formulas for F007; it must refuse the bomb too, not expand it."""
    import openpyxl
    from defusedxml import EntitiesForbidden

    case = next(case for case in CASES if case.name == "xml_bomb_shared_strings")
    path = case.build(tmp_path)

    with pytest.raises(Exception) as raised:
        openpyxl.load_workbook(path, read_only=True)

    causes = [raised.value, raised.value.__cause__, raised.value.__context__]
    assert any(isinstance(cause, EntitiesForbidden) for cause in causes)
