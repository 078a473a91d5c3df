"""`sanqu agreement`: 附件1 三方协议书 rendered from a roster and read back with python-docx."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest

from builders import make_id, person, write_roster
from documents_pdf import needs_office, pdf_pages

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "templates" / "附件1-三方协议书.docx"
ROSTER_HEADERS = ["序号", "姓名", "身份证号", "联系电话", "工作单位", "专业", "技术职称", "人员类别", "选派单位", "科技特派团",
                  "团内职务", "受援单位", "受援县(区)", "服务区类别", "服务开始日期", "服务结束日期", "服务天数", "三方协议"]


def _text(path: Path) -> str:
    document = docx.Document(path)
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _cell_after(path: Path, label: str) -> str:
    """Return the text of the cell right of the first cell whose text is `label`."""
    for row in docx.Document(path).tables[0].rows:
        cells = row.cells
        for index, cell in enumerate(cells[:-1]):
            if cell.text == label:
                return cells[index + 1].text
    raise AssertionError(f"no cell labelled {label}")


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    people = [
        person(1, 姓名="卓玛", 专业="青稞育种", 科技特派团="林周县青稞科技特派团", 团内职务="团长"),
        person(2, 姓名="李明", 工作单位="农牧科学院 & 推广站 <试点>", 专业=None),
    ]
    return write_roster(tmp_path / "花名册.xlsx", people, headers=ROSTER_HEADERS)


def test_agreement_fills_roster_values(cli, roster: Path, tmp_path: Path) -> None:
    out = tmp_path / "协议"
    result = cli("agreement", roster, "--out", out)

    assert result.exit_code == 0, result.stderr
    assert "已生成三方协议书 2 份" in result.stdout
    first = out / f"01-卓玛-{make_id(1)[-4:]}.docx"
    assert sorted(path.name for path in out.iterdir()) == sorted([first.name, f"02-李明-{make_id(2)[-4:]}.docx"])
    assert _cell_after(first, "姓名") == "卓玛"
    assert _cell_after(first, "身份证号") == make_id(1)
    assert _cell_after(first, "联系方式") == "13900000001"
    assert _cell_after(first, "专业") == "青稞育种"
    assert _cell_after(first, "科技特派团") == "林周县青稞科技特派团"
    assert _cell_after(first, "团内职务") == "团长"
    assert _cell_after(first, "所在区县") == "林周县"
    text = _text(first)
    assert "2024年3月 - 2024年11月，服务45天。" in text
    assert "本单位同意选派卓玛同志赴林周县农业农村局开展科技服务。" in text


def test_agreement_escapes_ampersand_and_brackets(cli, roster: Path, tmp_path: Path) -> None:
    out = tmp_path / "协议"
    assert cli("agreement", roster, "--out", out).exit_code == 0

    second = out / f"02-李明-{make_id(2)[-4:]}.docx"
    assert _cell_after(second, "工作单位") == "农牧科学院 & 推广站 <试点>"
    with zipfile.ZipFile(second) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "农牧科学院 &amp; 推广站 &lt;试点&gt;" in body


def test_agreement_blank_team_prints_no_none(cli, roster: Path, tmp_path: Path) -> None:
    out = tmp_path / "协议"
    assert cli("agreement", roster, "--out", out).exit_code == 0

    second = out / f"02-李明-{make_id(2)[-4:]}.docx"
    assert _cell_after(second, "科技特派团") == ""
    assert _cell_after(second, "团内职务") == ""
    assert _cell_after(second, "专业") == ""
    assert "None" not in _text(second)
    assert "{{" not in _text(second)


def test_agreement_combined_breaks_pages(cli, roster: Path, tmp_path: Path) -> None:
    out = tmp_path / "协议"
    result = cli("agreement", roster, "--out", out, "--combined")

    assert result.exit_code == 0, result.stderr
    files = list(out.iterdir())
    assert [path.name for path in files] == ["2024年度三方协议书（合订）.docx"]
    document = docx.Document(files[0])
    assert len(document.tables) == 2
    assert [table.rows[0].cells[2].text for table in document.tables] == ["卓玛", "李明"]
    with zipfile.ZipFile(files[0]) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert body.count('w:type="page"') == 1


def test_agreement_keeps_existing_files(cli, roster: Path, tmp_path: Path) -> None:
    out = tmp_path / "协议"
    assert cli("agreement", roster, "--out", out).exit_code == 0

    again = cli("agreement", roster, "--out", out)
    assert again.exit_code == 2
    assert "已存在" in again.stderr
    assert cli("agreement", roster, "--out", out, "--force").exit_code == 0


def _edited_template(tmp_path: Path, old: str, new: str) -> Path:
    document = docx.Document(TEMPLATE)
    replaced = 0
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        if old in run.text:
                            run.text = run.text.replace(old, new)
                            replaced += 1
    assert replaced
    path = tmp_path / "本单位模板.docx"
    document.save(path)
    return path


def test_agreement_own_template_is_used(cli, roster: Path, tmp_path: Path) -> None:
    template = _edited_template(tmp_path, "{{ dispatching_office }}", "科技处（{{ year }}年第{{ serial }}号）")
    out = tmp_path / "协议"
    result = cli("agreement", roster, "--out", out, "--template", template)

    assert result.exit_code == 0, result.stderr
    assert _cell_after(out / f"01-卓玛-{make_id(1)[-4:]}.docx", "责任处室") == "科技处（2024年第1号）"


def test_agreement_unknown_variable_named(cli, roster: Path, tmp_path: Path) -> None:
    template = _edited_template(tmp_path, "{{ name }}", "{{ nmae }}")
    result = cli("agreement", roster, "--out", tmp_path / "协议", "--template", template)

    message = result.stderr.replace("\n", "")
    assert result.exit_code == 2
    assert "{{ nmae }}" in message
    assert "不是 sanqu 提供的字段" in message
    assert "Traceback" not in message
    assert not (tmp_path / "协议").exists() or not any((tmp_path / "协议").iterdir())


def test_agreement_broken_tag_is_explained(cli, roster: Path, tmp_path: Path) -> None:
    template = _edited_template(tmp_path, "{{ name }}", "{{ name ")
    result = cli("agreement", roster, "--out", tmp_path / "协议", "--template", template)

    assert result.exit_code == 2
    assert "标签写法有误" in result.stderr.replace("\n", "")


def test_agreement_fonts_and_page(cli, roster: Path, tmp_path: Path) -> None:
    out = tmp_path / "协议"
    assert cli("agreement", roster, "--out", out).exit_code == 0

    path = next(out.iterdir())
    with zipfile.ZipFile(path) as package:
        styles = package.read("word/styles.xml").decode("utf-8")
        fonts = package.read("word/fontTable.xml").decode("utf-8")
    assert "ja-JP" not in styles
    assert 'w:eastAsia="zh-CN"' in styles
    assert 'w:eastAsia="仿宋_GB2312"' in styles
    assert "eastAsiaTheme" not in styles
    assert re.search(r'w:name="仿宋_GB2312".*?w:altName w:val="宋体"', fonts, re.S)
    section = docx.Document(path).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_agreement_subprocess(sanqu, roster: Path, tmp_path: Path) -> None:
    result = sanqu("agreement", roster, "--out", tmp_path / "协议")

    assert result.exit_code == 0, result.stderr
    assert len(list((tmp_path / "协议").glob("*.docx"))) == 2


@needs_office
def test_agreement_converts_to_pdf(cli, roster: Path, tmp_path: Path) -> None:
    out = tmp_path / "协议"
    assert cli("agreement", roster, "--out", out, "--combined").exit_code == 0

    assert pdf_pages(next(out.iterdir()), tmp_path) == 2


def test_agreement_blanks_id_stored_as_number(cli, tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "花名册.xlsx", [person(1, 身份证号=540102199001011000)], headers=ROSTER_HEADERS)
    out = tmp_path / "协议"

    result = cli("agreement", roster, "--out", out)

    assert result.exit_code == 0, result.stderr
    assert "花名册!C2 的身份证号以数字形式保存" in result.stderr.replace("\n", "")
    path = out / "01-测试1-无证号.docx"
    assert _cell_after(path, "身份证号") == ""
    assert "e+17" not in _text(path)


def test_agreement_template_not_docx(cli, roster: Path, tmp_path: Path) -> None:
    template = tmp_path / "模板.docx"
    template.write_text("这不是 Word 文件", encoding="utf-8")

    result = cli("agreement", roster, "--out", tmp_path / "协议", "--template", template)

    assert result.exit_code == 2
    assert "不是有效的 Word（.docx）文件" in result.stderr.replace("\n", "")
    assert "内部错误" not in result.stderr


def test_agreement_file_name_made_safe(cli, tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "花名册.xlsx", [person(1, 姓名="卓玛/次仁:")], headers=ROSTER_HEADERS)
    out = tmp_path / "协议"

    assert cli("agreement", roster, "--out", out).exit_code == 0
    path = out / f"01-卓玛_次仁_-{make_id(1)[-4:]}.docx"
    assert path.is_file()
    assert _cell_after(path, "姓名") == "卓玛/次仁:"
