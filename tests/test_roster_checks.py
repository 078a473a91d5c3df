"""Roster checks (P and T rules) on workbooks built for each case."""

from __future__ import annotations

from builders import make_id, person, write_roster
from sanqu_cli.validate import ValidateOptions, expand_paths, validate_paths


def check(tmp_path, people, name="roster.xlsx", **options):
    path = write_roster(tmp_path / name, people)
    report = validate_paths([path], ValidateOptions(**options))
    return report.files[0]


def codes(file_report) -> list[tuple[str, str]]:
    return [(finding.code, finding.cell) for finding in file_report.findings]


def test_clean_roster_has_no_findings(tmp_path):
    report = check(tmp_path, [person(i) for i in range(1, 4)])

    assert report.findings == []
    assert report.records == 3


def test_id_stored_as_number(tmp_path):
    report = check(tmp_path, [person(1, 身份证号=5.40102199001011e17)])

    assert codes(report) == [("P102", "C2")]
    finding = report.findings[0]
    assert "文本" in finding.message
    assert "5.4" not in (finding.value or "") and "540102199001011000" not in (finding.value or "")


def test_id_as_text_and_lower_case_x_are_valid(tmp_path):
    lower_x = make_id(7, check_x=True).lower()
    report = check(tmp_path, [person(1, 身份证号="540102199001011233"), person(2, 身份证号=lower_x)])

    assert report.findings == []


def test_id_ending_in_zeros_after_digit_15(tmp_path):
    report = check(tmp_path, [person(1, 身份证号="540102199001011000")])

    assert codes(report) == [("P102", "C2")]


def test_id_in_scientific_text(tmp_path):
    report = check(tmp_path, [person(1, 身份证号="5.40102E+17")])

    assert codes(report) == [("P102", "C2")]


def test_title_blank_by_category(tmp_path):
    report = check(tmp_path, [person(1, 技术职称=None), person(2, 技术职称=None, 人员类别="乡土人才")])

    assert codes(report) == [("P100", "F2")]


def test_title_level_traps(tmp_path):
    people = [
        person(1, 人员类别="区外专业技术人员", 技术职称="助理农艺师"),
        person(2, 人员类别="区外专业技术人员", 技术职称="助理研究员"),
        person(3, 人员类别="区外专业技术人员", 技术职称="医师"),
        person(4, 人员类别="区外专业技术人员", 技术职称="主治医师"),
        person(5, 人员类别="区内专业技术人员", 技术职称="高级讲师"),
    ]
    report = check(tmp_path, people)

    assert codes(report) == [("P110", "F2"), ("P110", "F4")]


def test_small_team_with_junior_leader(tmp_path):
    people = [person(i, 科技特派团="林周县青稞科技特派团", 团内职务="成员") for i in range(1, 5)]
    people[0]["团内职务"] = "团长"
    people[0]["技术职称"] = "助理工程师"
    report = check(tmp_path, people)

    assert ("T201", "I2") in codes(report)
    assert ("T202", "F2") in codes(report)


def test_team_without_leader(tmp_path):
    people = [person(i, 科技特派团="林周县牦牛科技特派团", 团内职务="成员") for i in range(1, 6)]
    report = check(tmp_path, people)

    assert codes(report) == [("T203", "I2")]


def test_service_days_below_minimum_plan_vs_year_end(tmp_path):
    year_end = check(tmp_path, [person(1, 服务天数=25)])
    plan = check(tmp_path, [person(1, 服务天数=25)], name="plan.xlsx", plan=True)

    assert year_end.findings[0].code == "P120"
    assert year_end.findings[0].severity == "error"
    assert plan.findings[0].code == "P120"
    assert plan.findings[0].severity == "warning"


def test_duplicate_person(tmp_path):
    report = check(tmp_path, [person(1), person(2, 身份证号=make_id(1))])

    assert codes(report) == [("P103", "C3")]
    assert report.findings[0].related == ["花名册!C2"]


def test_duplicate_across_units_same_year(tmp_path):
    first = write_roster(tmp_path / "unit-a-2024.xlsx", [person(1)])
    second = write_roster(tmp_path / "unit-b-2024.xlsx", [person(9, 身份证号=make_id(1), 选派单位="西藏农牧学院")])

    report = validate_paths([first, second], ValidateOptions())

    assert [f.code for f in report.files[1].findings] == ["P103"]


def test_county_former_and_unknown_names(tmp_path):
    report = check(tmp_path, [person(1, **{"受援县(区)": "林芝县"}), person(2, **{"受援县(区)": "拉萨县"})])

    messages = {finding.cell: finding.message for finding in report.findings}
    assert "巴宜区" in messages["L2"]
    assert "74" in messages["L3"]


def test_area_class_spellings(tmp_path):
    people = [person(1, 服务区类别="三类"), person(2, 服务区类别=4), person(3, 服务区类别="四"), person(4, 服务区类别="一类区")]
    report = check(tmp_path, people)

    assert codes(report) == [("P130", "M5")]


def test_agreement_not_signed(tmp_path):
    report = check(tmp_path, [person(1, 三方协议="否"), person(2, 三方协议="已签"), person(3, 三方协议="✓")])

    assert codes(report) == [("P140", "Q2")]


def test_days_more_than_period(tmp_path):
    report = check(tmp_path, [person(1, 服务天数=300)])

    assert codes(report) == [("P121", "P2")]
    assert report.findings[0].related == ["花名册!O2"]


def test_phone_forms(tmp_path):
    people = [person(1, 联系电话="0891-6812345"), person(2, 联系电话=13912345678), person(3, 联系电话="12345")]
    report = check(tmp_path, people)

    assert codes(report) == [("P104", "D4")]


def test_optional_columns_missing_are_listed_as_skipped(tmp_path):
    from builders import ROSTER_HEADERS

    headers = [h for h in ROSTER_HEADERS if h not in ("联系电话", "科技特派团", "团内职务", "服务开始日期", "服务结束日期")]
    path = write_roster(tmp_path / "lean.xlsx", [person(1)], headers=headers)
    report = validate_paths([path], ValidateOptions()).files[0]

    skipped = " ".join(report.skipped_checks)
    assert "P104" in skipped
    assert "T201" in skipped
    assert "P121" in skipped


def test_expand_paths_folders_and_globs(tmp_path):
    (tmp_path / "sub").mkdir()
    write_roster(tmp_path / "a.xlsx", [person(1)])
    write_roster(tmp_path / "sub" / "b.xlsx", [person(2)])
    (tmp_path / "~$a.xlsx").write_bytes(b"lock")
    (tmp_path / "readme.txt").write_text("x")

    assert [p.name for p in expand_paths([str(tmp_path)])] == ["a.xlsx", "b.xlsx"]
    assert [p.name for p in expand_paths([str(tmp_path / "*.xlsx")])] == ["a.xlsx"]
