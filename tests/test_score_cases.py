"""The cases `sanqu score` must get right, run through the real CLI (in-process and as a subprocess)."""

from __future__ import annotations

import random

from builders import make_id, person, write_roster, write_rows
from score_builders import FULL, NAMES, points_for, write_form, write_table, write_unit


def _findings(data, code):
    return [finding for file in data["files"] for finding in file["findings"] if finding["code"] == code]


def _people(data):
    return {person["name"]: person for person in data["people"]}


def test_item_8_count_23_gives_4(cli, tmp_path):
    path = write_form(tmp_path / "a.xlsx", points={**FULL, 8: None}, counts={8: 23}, with_counts=True, total=None)

    data = cli("score", path, "--out", tmp_path / "out", "--format", "json").json()

    assert data["people"][0]["items"]["8"]["points"] == 4
    assert data["people"][0]["items"]["8"]["source"] == "count"
    assert data["people"][0]["total"] == 94


def test_item_8_count_60_capped_at_10(cli, tmp_path):
    path = write_form(tmp_path / "a.xlsx", points={**FULL, 8: 10}, counts={8: 60}, with_counts=True)

    data = cli("score", path, "--out", tmp_path / "out", "--format", "json").json()

    assert data["people"][0]["items"]["8"]["points"] == 10
    assert not _findings(data, "A302")


def test_item_8_points_disagree_with_count(cli, tmp_path):
    path = write_form(tmp_path / "a.xlsx", points={**FULL, 8: 5}, counts={8: 23}, with_counts=True)

    result = cli("score", path, "--out", tmp_path / "out", "--format", "json")

    a302 = _findings(result.json(), "A302")
    assert result.exit_code == 1
    assert [finding["cell"] for finding in a302] == ["G16"]
    assert "应得 4 分" in a302[0]["message"]


def test_item_6_entered_7_is_a301(cli, tmp_path):
    path = write_form(tmp_path / "a.xlsx", points={**FULL, 6: 7})

    result = cli("score", path, "--out", tmp_path / "out", "--format", "json")

    a301 = _findings(result.json(), "A301")
    assert result.exit_code == 1
    assert len(a301) == 1
    assert a301[0]["cell"] == "F14"
    assert "0、5、10" in a301[0]["message"]


def test_wrong_total_a303_at_total_cell(cli, tmp_path):
    path = write_form(tmp_path / "a.xlsx", points=FULL, total=98)

    data = cli("score", path, "--out", tmp_path / "out", "--format", "json").json()

    a303 = _findings(data, "A303")
    assert len(a303) == 1
    assert a303[0]["cell"] == "F22"
    assert a303[0]["column"] == "考核得分合计"
    assert "98" in a303[0]["message"]
    assert "100" in a303[0]["message"]
    assert data["people"][0]["total"] == 100


def test_unit_of_12_gets_2_excellent(cli, tmp_path):
    write_unit(tmp_path / "sheets", [99, 97, 96, 93, 92, 91, 85, 80, 75, 70, 65, 62])

    data = cli("score", tmp_path / "sheets", "--out", tmp_path / "out", "--format", "json").json()

    unit = data["units"][0]
    assert (unit["headcount"], unit["headcount_source"], unit["quota"], unit["excellent"]) == (12, "评分表", 2, 2)
    excellent = sorted(p["total"] for p in data["people"] if p["grade"] == "excellent")
    assert excellent == [97, 99]


def test_unit_of_4_gets_no_excellent(cli, tmp_path):
    write_unit(tmp_path / "sheets", [100, 98, 95, 70])

    data = cli("score", tmp_path / "sheets", "--out", tmp_path / "out", "--format", "json").json()

    assert data["units"][0]["quota"] == 0
    assert all(p["grade"] == "pass" for p in data["people"])
    assert not _findings(data, "A307")


def test_three_at_95_for_last_place_is_a307(cli, tmp_path):
    # 10 people → 2 places: one at 99 takes the first, three at 95 compete for the second.
    write_unit(tmp_path / "sheets", [99, 95, 95, 95, 80, 78, 76, 74, 72, 70])

    result = cli("score", tmp_path / "sheets", "--out", tmp_path / "out", "--format", "json")

    data = result.json()
    a307 = _findings(data, "A307")
    assert len(a307) == 3
    for finding in a307:
        assert all(name in finding["message"] for name in ("测试2", "测试3", "测试4"))
    people = _people(data)
    assert people["测试1"]["grade"] == "excellent"
    assert [people[name]["tied"] for name in ("测试2", "测试3", "测试4")] == [True, True, True]
    assert data["units"][0]["excellent"] == 1
    assert data["units"][0]["tied"] == ["测试2", "测试3", "测试4"]
    assert result.exit_code == 0


def test_tie_result_ignores_input_order(cli, tmp_path):
    paths = write_unit(tmp_path / "sheets", [99, 95, 95, 95, 80, 78, 76, 74, 72, 70])
    shuffled = list(paths)
    random.Random(7).shuffle(shuffled)

    first = cli("score", *paths, "--out", tmp_path / "out1", "--format", "json").json()
    second = cli("score", *shuffled, "--out", tmp_path / "out2", "--format", "json").json()

    def grades(data):
        return [(p["name"], p["grade"], p["rank"], p["tied"]) for p in data["people"]]

    assert grades(first) == grades(second)
    assert first["units"] == second["units"]


def test_roster_25_days_but_item_2_full(cli, tmp_path):
    roster = write_roster(tmp_path / "roster.xlsx", [person(1, 服务天数=25), person(2)])
    path = write_form(tmp_path / "a.xlsx", 1, points=FULL, grade="合格")

    result = cli("score", path, "--roster", roster, "--out", tmp_path / "out", "--format", "json")

    data = result.json()
    a302 = _findings(data, "A302")
    a306 = _findings(data, "A306")
    assert result.exit_code == 1
    assert a302[0]["cell"] == "F10"
    assert a302[0]["related"] == ["roster.xlsx!花名册!P2"]
    assert "25" in a302[0]["message"]
    assert a306[0]["cell"] == "E23"
    assert "roster.xlsx!花名册!P2" in a306[0]["related"]
    assert data["people"][0]["grade"] == "fail"
    assert data["people"][0]["items"]["2"]["points"] == 0


def test_roster_headcount_sets_quota(cli, tmp_path):
    roster = write_roster(tmp_path / "roster.xlsx", [person(n) for n in range(1, 11)])
    (tmp_path / "sheets").mkdir()
    write_form(tmp_path / "sheets" / "1.xlsx", 1, points=points_for(99))
    write_form(tmp_path / "sheets" / "2.xlsx", 2, points=points_for(96))

    data = cli("score", tmp_path / "sheets", "--roster", roster, "--out", tmp_path / "out", "--format", "json").json()

    unit = data["units"][0]
    assert (unit["headcount"], unit["headcount_source"], unit["quota"], unit["sheets"]) == (10, "花名册", 2, 2)
    assert unit["excellent"] == 2
    assert [p["roster_row"] for p in data["people"]] == [2, 3]


def test_link_by_name_and_unit_warns(cli, tmp_path):
    roster = write_roster(tmp_path / "roster.xlsx", [person(1), person(2)])
    path = write_form(tmp_path / "a.xlsx", 2, id_number=None)

    data = cli("score", path, "--roster", roster, "--out", tmp_path / "out", "--format", "json").json()

    a310 = _findings(data, "A310")
    assert len(a310) == 1
    assert a310[0]["related"] == ["roster.xlsx!花名册!C3"]
    assert data["people"][0]["roster_row"] == 3


def test_person_missing_from_roster_warns(cli, tmp_path):
    roster = write_roster(tmp_path / "roster.xlsx", [person(1)])
    path = write_form(tmp_path / "a.xlsx", 5, name="不在册")

    data = cli("score", path, "--roster", roster, "--out", tmp_path / "out", "--format", "json").json()

    assert len(_findings(data, "A309")) == 1


def test_merged_block_and_full_width_digits(cli, tmp_path):
    points = {**FULL, 5: "１０", 13: "１０分"}
    path = write_form(tmp_path / "a.xlsx", 3, points=points, total="１００", name="次仁　卓玛")

    data = cli("score", path, "--out", tmp_path / "out", "--format", "json", "--show-pii").json()

    person_data = data["people"][0]
    assert person_data["name"] == "次仁 卓玛"
    assert person_data["id_number"] == make_id(3)
    assert person_data["items"]["5"]["points"] == 10
    assert person_data["items"]["13"]["points"] == 10
    assert person_data["total"] == 100
    assert data["summary"]["error"] == 0


def test_office_layout_with_merged_labels(cli, tmp_path):
    # An office's own version: labels merged over two cells, values merged, a 次数 column, spaces
    # inside labels, full-width digits in the ID and in 考核得分, and no 考核内容 column.
    full_width_id = make_id(4).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    rows = [["2024年度评分表"], ["姓 名", None, "格桑", None, "身份证号码", full_width_id, None],
            ["选派单位", None, "西藏农牧学院", None, None, None, None],
            ["序号", "考核指标", "评分标准", "最高分", "次数", "考核得分", None]]
    for number, name in enumerate(NAMES, start=1):
        count = 23 if number == 8 else None
        rows.append([number, name, "", FULL[number], count, "１０" if FULL[number] == 10 and number != 8 else
                     (None if number == 8 else FULL[number]), None])
    rows.append(["合 计", None, None, 100, None, "９４", None])
    path = write_rows(tmp_path / "office.xlsx", rows, sheet="张三",
                      merges=["A2:B2", "C2:D2", "F2:G2", "A3:B3", "C3:G3", "A18:C18"])

    data = cli("score", path, "--out", tmp_path / "out", "--format", "json", "--show-pii").json()

    person_data = data["people"][0]
    assert person_data["name"] == "格桑"
    assert person_data["id_number"] == make_id(4)
    assert person_data["dispatching_unit"] == "西藏农牧学院"
    assert person_data["items"]["8"]["points"] == 4
    assert person_data["total"] == 94
    assert data["summary"]["error"] == 0


def test_entered_grade_checks(cli, tmp_path):
    folder = tmp_path / "sheets"
    folder.mkdir()
    write_form(folder / "1.xlsx", 1, points=points_for(85), grade="优秀")
    write_form(folder / "2.xlsx", 2, points=points_for(70), grade="不合格")
    write_form(folder / "3.xlsx", 3, points=points_for(92), grade="合格")

    data = cli("score", folder, "--out", tmp_path / "out", "--format", "json").json()

    a305 = sorted(finding["file"][-6:] for finding in _findings(data, "A305"))
    assert a305 == ["1.xlsx", "2.xlsx"]


def test_too_many_entered_excellent_is_a304(cli, tmp_path):
    folder = tmp_path / "sheets"
    folder.mkdir()
    for serial in range(1, 6):
        write_form(folder / f"{serial}.xlsx", serial, points=points_for(95 - serial), grade="优秀" if serial < 3 else "合格")

    data = cli("score", folder, "--out", tmp_path / "out", "--format", "json").json()

    a304 = _findings(data, "A304")
    assert data["units"][0]["quota"] == 1
    assert len(a304) == 2
    assert "名额为 1 名" in a304[0]["message"]


def test_late_appraisal_date_is_a308(cli, tmp_path):
    path = write_form(tmp_path / "a.xlsx", date="2025.1.5")

    data = cli("score", path, "--out", tmp_path / "out", "--format", "json").json()

    a308 = _findings(data, "A308")
    assert [finding["cell"] for finding in a308] == ["E25"]


def test_flat_table_with_counts(cli, tmp_path):
    headers = ["序号", "选派单位", "姓名", "身份证号", "三方协议签订", "开展服务时间(天)", "经费使用情况", "工作方案制定",
               "下基层服务(次)", "下基层服务得分", "推进成果转化", "推动创新创业", "农牧民技术培训(人)", "建立服务日志",
               "个人总结情况", "进行需求调研", "建立利益共同体", "报送简报信息", "考核得分"]
    row = {"序号": 1, "选派单位": "西藏农牧学院", "姓名": "表一", "身份证号": make_id(1), "三方协议签订": 5,
           "开展服务时间(天)": 45, "经费使用情况": 5, "工作方案制定": 5, "下基层服务(次)": 8, "下基层服务得分": 9,
           "推进成果转化": 10, "推动创新创业": 10, "农牧民技术培训(人)": 23, "建立服务日志": 5, "个人总结情况": 10,
           "进行需求调研": 5, "建立利益共同体": 5, "报送简报信息": 10, "考核得分": 92}
    path = write_table(tmp_path / "table.xlsx", [row], headers)

    data = cli("score", path, "--out", tmp_path / "out", "--format", "json").json()

    assert data["files"][0]["kind"] == "score_table"
    items = data["people"][0]["items"]
    assert (items["2"]["points"], items["5"]["points"], items["8"]["points"]) == (10, 8, 4)
    a302 = _findings(data, "A302")
    assert [finding["cell"] for finding in a302] == ["J3"]
    a303 = _findings(data, "A303")
    assert a303 and a303[0]["cell"] == "S3"


def test_validate_detects_both_shapes(cli, tmp_path):
    form = write_form(tmp_path / "form.xlsx", points={**FULL, 6: 7})
    table = write_table(tmp_path / "table.xlsx", [{"姓名": "甲", "身份证号": make_id(1), "下基层服务(次)": 3}],
                        ["姓名", "身份证号", "下基层服务(次)", "推进成果转化"])

    data = cli("validate", form, table, "--format", "json").json()

    kinds = [file["kind"] for file in data["files"]]
    assert kinds == ["score_sheet", "score_table"]
    assert [f["code"] for f in data["files"][0]["findings"]] == ["A301"]


def test_broken_file_does_not_stop_batch(cli, tmp_path):
    folder = tmp_path / "sheets"
    write_unit(folder, [95, 80])
    (folder / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")

    result = cli("score", folder, "--out", tmp_path / "out", "--format", "json")

    data = result.json()
    assert result.exit_code == 2
    assert len(data["people"]) == 2
    broken = [file for file in data["files"] if file["path"].endswith("broken.xlsx")][0]
    assert broken["readable"] is False
    assert broken["findings"][0]["code"] == "F001"


def test_existing_outputs_kept_without_force(cli, tmp_path):
    path = write_form(tmp_path / "a.xlsx")
    assert cli("score", path, "--out", tmp_path / "out", "--quiet").exit_code == 0

    again = cli("score", path, "--out", tmp_path / "out")
    forced = cli("score", path, "--out", tmp_path / "out", "--force")

    assert again.exit_code == 2
    assert "已存在" in again.stderr
    assert "--force" in again.stderr
    assert forced.exit_code == 0


def test_no_sheets_found_exit_2(cli, tmp_path):
    path = write_rows(tmp_path / "other.xlsx", [["甲", "乙"], [1, 2]])

    result = cli("score", path, "--out", tmp_path / "out")

    assert result.exit_code == 2


def test_example_batch_subprocess(sanqu, examples, tmp_path):
    result = sanqu("score", examples / "score-sheets-2024", "--roster", examples / "roster-2024.xlsx",
                   "--out", tmp_path / "out", "--format", "json")

    data = result.json()
    assert result.exit_code == 1
    assert result.stderr == ""
    assert data["summary"]["people"] == 60
    units = {unit["dispatching_unit"]: unit for unit in data["units"]}
    assert units["西藏自治区农牧科学院"]["quota"] == 6
    assert units["西藏自治区农牧科学院"]["excellent"] == 4
    assert len(units["西藏自治区农牧科学院"]["tied"]) == 3
    assert units["西藏农牧学院"]["excellent"] == 6
    codes = {finding["code"] for finding in _findings(data, "A301") + _findings(data, "A302") + _findings(data, "A303")
             + _findings(data, "A305") + _findings(data, "A307") + _findings(data, "A308") + _findings(data, "A310")}
    assert codes == {"A301", "A302", "A303", "A305", "A307", "A308", "A310"}


def test_example_batch_text_output(sanqu, examples, tmp_path):
    result = sanqu("score", examples / "score-sheets-2024", "--roster", examples / "roster-2024.xlsx",
                   "--out", tmp_path / "out")

    assert result.exit_code == 1
    assert "各选派单位优秀名额" in result.stdout
    assert "花名册" in result.stdout
    assert "A307" in result.stdout
    assert "已写出" in result.stdout


def test_same_person_twice_is_p103(cli, tmp_path):
    folder = tmp_path / "sheets"
    folder.mkdir()
    write_form(folder / "a.xlsx", 1)
    write_form(folder / "b.xlsx", 1)

    data = cli("score", folder, "--out", tmp_path / "out", "--format", "json").json()

    p103 = _findings(data, "P103")
    assert len(p103) == 2
    assert "a.xlsx、b.xlsx" in p103[0]["message"]


def test_ids_masked_without_show_pii(cli, sanqu, tmp_path):
    roster = write_roster(tmp_path / "roster.xlsx", [person(1)])
    path = write_form(tmp_path / "a.xlsx", 7, name="不在册")

    text = sanqu("score", path, "--roster", roster, "--out", tmp_path / "out1")
    data = cli("score", path, "--roster", roster, "--out", tmp_path / "out2", "--format", "json")

    assert "A309" in text.stdout
    assert make_id(7) not in text.stdout
    assert make_id(7) not in data.stdout
    assert data.json()["people"][0]["id_number"] == make_id(7)[:6] + "********" + make_id(7)[-4:]


def test_inspect_official_form(cli, tmp_path):
    path = write_form(tmp_path / "a.xlsx", 2, points={**FULL, 6: 5})

    data = cli("inspect", path, "--format", "json").json()

    assert data["kind"] == "score_sheet"
    assert data["header_rows"] == [8]
    values = data["records"][0]["values"]
    assert values["name"] == "测试2"
    assert values["points_6"] == "5"
    assert values["id_number"] == make_id(2)[:6] + "********" + make_id(2)[-4:]
    columns = {column["field"]: column["column"] for column in data["columns"]}
    assert columns["points_6"] == "F14"


# Subtotals as an office typed them under full points: 硬性条件 19 is one short of the true 20
# (A303 at its cell), the other two are right.
SUBTOTALS = {3: 19, 10: 60, 13: 20}


def test_subtotal_rows_and_reworded_names(cli, tmp_path):
    # 小计 rows after each section, and item names reworded by the office (matched by name part or 序号).
    rows = [["姓名", "央金", "身份证号", make_id(9)], ["序号", "考核指标", "最高分", "考核得分"]]
    sections = {3: "硬性条件小计", 10: "基本条件小计", 13: "鼓励支持条件小计"}
    for number, name in enumerate(NAMES, start=1):
        label = {1: "三方协议签订情况", 4: "制定工作方案"}.get(number, name)
        rows.append([number, label, FULL[number], FULL[number]])
        if number in sections:
            rows.append([None, sections[number], None, SUBTOTALS[number]])
    rows.append(["合计", None, 100, 99])
    path = write_rows(tmp_path / "subtotals.xlsx", rows, sheet="评分表")

    data = cli("score", path, "--out", tmp_path / "out", "--format", "json").json()

    assert data["people"][0]["total"] == 100
    assert data["people"][0]["items"]["1"]["points"] == 5
    assert data["people"][0]["items"]["4"]["points"] == 5
    a303 = _findings(data, "A303")
    assert [finding["cell"] for finding in a303] == ["D6", "D19"]
    assert "硬性条件小计" in a303[0]["message"]


def test_rule_set_sets_quota_and_threshold(cli, tmp_path):
    from sanqu_cli.rules.model import RULES_DIR

    text = (RULES_DIR / "zangkefa-2022-93.toml").read_text(encoding="utf-8")
    text = text.replace("excellent_quota_percent = 20", "excellent_quota_percent = 50")
    text = text.replace("excellent_min_points = 90", "excellent_min_points = 85")
    rules = tmp_path / "rules.toml"
    rules.write_text(text, encoding="utf-8")
    write_unit(tmp_path / "sheets", [99, 88, 86, 70])

    data = cli("score", tmp_path / "sheets", "--rules", rules, "--out", tmp_path / "out", "--format", "json").json()

    assert data["units"][0]["quota"] == 2
    assert sorted(p["total"] for p in data["people"] if p["grade"] == "excellent") == [88, 99]
