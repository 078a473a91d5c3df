"""`sanqu summary`: the 附件3 outline with figures from the roster, 考核汇总 and 附件4/5."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from builders import make_id, person, write_roster, write_rows
from documents_pdf import needs_office, pdf_pages

OUTLINE = [
    "一、本年度实施总体情况",
    "二、选派任务完成情况",
    "（一）选派对象数量、特派团数及三方协议签订情况",
    "（二）选派单位动员和参与情况",
    "（三）鼓励选派相关政策制订和落实情况",
    "三、培训工作完成情况",
    "（一）培训任务落实情况",
    "（二）受培人员数量及培训效果",
    "（三）鼓励和支持培训机构相关政策制订和落实情况",
    "四、经费落实和使用情况",
    "（一）选派工作经费落实和使用情况",
    "（二）培训工作经历落实和使用情况",
    "五、绩效考核情况",
    "六、特色经验做法",
    "七、下一步工作设想",
    "（一）面临的主要问题和困难",
    "（二）相关计划和考虑",
    "（三）工作建议",
]


def _paragraphs(path: Path) -> list[str]:
    return [paragraph.text for paragraph in docx.Document(path).paragraphs]


def _text(path: Path) -> str:
    return "\n".join(_paragraphs(path))


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    people = [person(serial, 三方协议="是" if serial <= 8 else "否") for serial in range(1, 11)]
    for member in people[:5]:
        member["科技特派团"] = "林周县青稞科技特派团"
        member["团内职务"] = "成员"
    people[0]["团内职务"] = "团长"
    people[0]["技术职称"] = "高级农艺师"
    return write_roster(tmp_path / "花名册.xlsx", people)


@pytest.fixture
def scores(tmp_path: Path) -> Path:
    grades = ["优秀", "优秀", "合格", "合格", "合格", "合格", "合格", "合格", "合格", "不合格"]
    rows = [["序号", "年度", "选派单位", "姓名", "身份证号", "考核得分", "考核等次"]]
    rows += [[serial, 2024, "西藏自治区农牧科学院", f"测试{serial}", make_id(serial), 80, grade]
             for serial, grade in enumerate(grades, start=1)]
    return write_rows(tmp_path / "考核汇总.xlsx", rows, sheet="考核汇总", text_columns=(5,))


def test_summary_has_outline_and_guidance(cli, roster: Path, tmp_path: Path) -> None:
    target = tmp_path / "总结.docx"
    result = cli("summary", "--roster", roster, "--out", target)

    assert result.exit_code == 0, result.stderr
    paragraphs = _paragraphs(target)
    positions = [paragraphs.index(heading) for heading in OUTLINE]
    assert positions == sorted(positions)
    text = _text(target)
    assert "总结字数控制在 3000 字左右；并附 1-2 个典型案例，典型案例字数控制在 1000 字左右。" in text
    assert "典型案例1" in paragraphs
    assert "【请填写：" in text
    assert "None" not in text


def test_summary_roster_figures(cli, roster: Path, tmp_path: Path) -> None:
    target = tmp_path / "总结.docx"
    assert cli("summary", "--roster", roster, "--out", target).exit_code == 0

    text = _text(target)
    assert "选派“三区”科技人才10人，其中区内专业技术人员10人、区外专业技术人员0人、乡土人才0人。" in text
    assert "组建科技特派团1个，特派团成员5人。签订三方协议8份，签订率80.0%，尚有2人未签订。" in text
    assert "本年度应落实选派工作经费200,000元（10人）" in text
    assert "参加年度绩效考核（待填写）人" in text
    units = docx.Document(target).tables[0]
    assert [cell.text for cell in units.rows[1].cells] == ["西藏自治区农牧科学院", "10", "8"]


def test_summary_matches_validate_count(cli, examples: Path, tmp_path: Path) -> None:
    roster = examples / "roster-2024.xlsx"
    people = cli("validate", roster, "--format", "json").json()["summary"]["records"]
    target = tmp_path / "总结.docx"
    result = cli("summary", "--roster", roster, "--out", target)

    assert result.exit_code == 0, result.stderr
    assert f"选派人数 {people}" in result.stdout
    assert f"本年度共选派“三区”科技人才{people}人" in _text(target)
    assert _paragraphs(target)[0] == "2024年度“三区”科技人才工作总结"


def test_summary_grades_from_scores(cli, roster: Path, scores: Path, tmp_path: Path) -> None:
    target = tmp_path / "总结.docx"
    result = cli("summary", "--roster", roster, "--scores", scores, "--out", target)

    assert result.exit_code == 0, result.stderr
    assert "优秀 2 人" in result.stdout
    text = _text(target)
    assert "参加年度绩效考核10人，其中优秀2人（占20.0%，优秀比例不超过20%）、合格7人、不合格1人。" in text
    grade_table = docx.Document(target).tables[1]
    assert [[cell.text for cell in row.cells] for row in grade_table.rows] == [
        ["考核等次", "人数"], ["优秀", "2"], ["合格", "7"], ["不合格", "1"]]


def test_summary_reads_dispatch_results(cli, roster: Path, tmp_path: Path) -> None:
    groups = ["选派情况"] * 4 + ["服务情况"] * 6 + ["受援效果"] * 9
    headers = ["选派人数(人)", "科技特派团数(个)", "三方协议数(个)", "考核合格数(个)", "服务县区数量(个)", "服务乡镇数量(个)",
               "服务村庄数量(个)", "服务带动农户数量(户)", "服务企业、合作社、农民协会等机构(个)",
               "创办领办企业、合作社、农民协会等机构(个)", "引进新品种(种)", "推广新技术(个)", "建立示范基地(个)",
               "为受援地引进项目(个)", "为受援地引进资金(万元)", "培养技术骨干(人)", "举办培训场次(期)", "培训农民(人次)",
               "帮助受援对象增收(元)"]
    first = [10, 1, 8, 9, 3, 5, 12, 600, 7, 1, 2, 3, 1, 1, 12.5, 4, 6, 150, 80000]
    second = [5, 0, 5, 5, 1, 2, 4, 634, 3, 0, 1, 1, 0, 0, 3, 2, 2, 45, 20000]
    rows = [["2024年度“三区”科技人才选派工作成效统计表"], ["选派单位(盖章)：西藏自治区农牧科学院"], groups, headers,
            first, second, ["注: 1.选派情况中选派人数≥三方协议数≥考核合格数"]]
    results = write_rows(tmp_path / "附件4.xlsx", rows, sheet="附件4",
                         merges=["A3:D3", "E3:J3", "K3:S3", "A1:S1"])
    target = tmp_path / "总结.docx"

    result = cli("summary", "--roster", roster, "--results", results, "--out", target)

    assert result.exit_code == 0, result.stderr
    assert "附件4" not in result.stderr
    text = _text(target)
    assert "选派人员服务带动农户1,234户" in text
    assert "为受援地引进项目1个、资金15.50万元" in text
    assert "选派人员在受援地举办培训8期，培训农民195人次。" in text
    assert "帮助受援对象增收100,000元" in text
    assert "附件4）中考核合格数为14人" in text


def test_summary_missing_inputs_named(cli, roster: Path, tmp_path: Path) -> None:
    target = tmp_path / "总结.docx"
    result = cli("summary", "--roster", roster, "--results", roster, "--training", tmp_path / "无此文件.xlsx",
                 "--out", target)

    stderr = result.stderr.replace("\n", "")
    assert result.exit_code == 0, result.stderr
    assert "选派工作成效统计表（附件4）（--results）" in stderr
    assert "没有找到选派工作成效统计表（附件4）的表头" in stderr
    assert "找不到文件" in stderr
    assert "考核汇总（--scores）：未提供" in stderr
    assert "服务带动农户（待填写）户" in _text(target)


def test_summary_missing_roster_stops(sanqu, tmp_path: Path) -> None:
    result = sanqu("summary", "--roster", tmp_path / "无.xlsx", "--out", tmp_path / "总结.docx")

    assert result.exit_code == 2
    assert "找不到花名册文件" in result.stderr
    assert not (tmp_path / "总结.docx").exists()


def test_summary_subprocess(sanqu, roster: Path, scores: Path, tmp_path: Path) -> None:
    target = tmp_path / "总结.docx"
    result = sanqu("summary", "--roster", roster, "--scores", scores, "--out", target)

    assert result.exit_code == 0, result.stderr
    assert "选派人数 10" in result.stdout
    assert "优秀2人" in _text(target)


def test_summary_grades_from_roster_column(cli, tmp_path: Path) -> None:
    people = [person(serial, 考核等次="优秀" if serial == 1 else "合格") for serial in range(1, 6)]
    headers = [*person(1), "考核等次"]
    roster = write_roster(tmp_path / "花名册.xlsx", people, headers=headers)
    target = tmp_path / "总结.docx"

    result = cli("summary", "--roster", roster, "--out", target)

    assert result.exit_code == 0, result.stderr
    assert "考核汇总（--scores）" not in result.stderr
    assert "参加年度绩效考核5人，其中优秀1人（占20.0%，优秀比例不超过20%）、合格4人、不合格0人。" in _text(target)


@needs_office
def test_summary_converts_to_pdf(cli, roster: Path, scores: Path, tmp_path: Path) -> None:
    target = tmp_path / "总结.docx"
    assert cli("summary", "--roster", roster, "--scores", scores, "--out", target).exit_code == 0

    assert pdf_pages(target, tmp_path) >= 2


def test_summary_unreadable_scores_named(cli, roster: Path, tmp_path: Path) -> None:
    broken = tmp_path / "考核汇总.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 50)
    target = tmp_path / "总结.docx"

    result = cli("summary", "--roster", roster, "--scores", broken, "--out", target)

    assert result.exit_code == 0, result.stderr
    assert "考核汇总（--scores）：无法读取考核汇总" in result.stderr.replace("\n", "")
    assert "参加年度绩效考核（待填写）人" in _text(target)
