"""附件1 三方协议书: fill the Word template with one person's roster row, with docxtpl.

Every value is text and autoescaped, so "农牧科学院 & 推广站 <试点>" is written as it reads and
cannot break the document's XML. A blank field is an empty string, never "None". The template
is checked before rendering: a tag that names no field is reported by name, because an office's
edited copy is the usual place for a typing slip such as {{ nmae }}.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sanqu_cli.checks.ids import check_id
from sanqu_cli.errors import CannotRun
from sanqu_cli.render.docx_base import page_break_xml
from sanqu_cli.schema.records import Record

# Template variables and what each holds, in the order of the table.
AGREEMENT_FIELDS: dict[str, str] = {
    "serial": "序号（花名册中的顺序）",
    "year": "年度",
    "name": "姓名",
    "gender": "性别",
    "ethnicity": "民族",
    "work_unit": "工作单位",
    "specialty": "专业",
    "title": "技术职称",
    "id_number": "身份证号",
    "phone": "联系方式",
    "category": "人员类别",
    "team": "科技特派团",
    "team_role": "团内职务",
    "dispatching_unit": "选派单位名称",
    "dispatching_office": "选派单位责任处室，花名册没有，留空待填",
    "dispatching_contact": "选派单位联系人，留空待填",
    "dispatching_phone": "选派单位联系电话，留空待填",
    "host_unit": "受援单位名称",
    "county": "受援单位所在区县",
    "prefecture": "所属市(地)",
    "host_contact": "受援单位联系人，留空待填",
    "host_phone": "受援单位联系电话，留空待填",
    "start_year": "服务期开始年",
    "start_month": "服务期开始月",
    "end_year": "服务期结束年",
    "end_month": "服务期结束月",
    "service_days": "服务天数",
    "service_content": "服务方式及内容，留空待填",
    "expected_goals": "预期目标，留空待填",
}

# A blank date part keeps room for handwriting. U+3000 is used because Word drops leading and
# trailing ASCII spaces of a w:t element that lacks xml:space="preserve".
_BLANK_NUMBER = "\u3000\u3000"
_ROLE_LABELS = {"leader": "团长", "member": "成员"}
_CATEGORY_LABELS = {"in_region": "区内专业技术人员", "out_of_region": "区外专业技术人员", "local_expert": "乡土人才"}
_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
_LOOP_PERSON = "sanqu_person"
_LOOP_PEOPLE = "sanqu_people"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _period(record: Record) -> tuple[Any, Any]:
    start, end = record.get("service_start"), record.get("service_end")
    period = record.get("service_period")
    if period:
        start, end = start or period[0], end or period[1]
    return start, end


def id_digits_lost(record: Record) -> bool:
    """Tell whether the row's 身份证号 was stored as an Excel number, which keeps only 15 digits."""
    cell = record.cell("id_number")
    return cell is not None and cell.raw is not None and check_id(cell.raw).status == "stored_as_number"


def agreement_context(record: Record, serial: int, year: int | None) -> dict[str, str]:
    """Return the template variables for one roster row; every value is a string.

    An ID whose last digits Excel dropped is left blank, because a signed agreement must not
    carry a wrong number; the clerk writes it in by hand.
    """
    start, end = _period(record)
    context = {name: "" for name in AGREEMENT_FIELDS}
    for name in ("name", "gender", "ethnicity", "work_unit", "specialty", "title", "id_number", "phone", "team",
                 "dispatching_unit", "host_unit", "county", "prefecture", "service_days"):
        context[name] = _text(record.get(name))
    if id_digits_lost(record):
        context["id_number"] = ""
    context.update(
        serial=str(serial),
        year=_text(year),
        category=_CATEGORY_LABELS.get(record.get("category"), ""),
        team_role=_ROLE_LABELS.get(record.get("team_role"), "") if record.get("team") else "",
        start_year=str(start.year) if start else _BLANK_NUMBER,
        start_month=str(start.month) if start else _BLANK_NUMBER,
        end_year=str(end.year) if end else _BLANK_NUMBER,
        end_month=str(end.month) if end else _BLANK_NUMBER,
    )
    context["service_days"] = context["service_days"] or _BLANK_NUMBER
    return context


def file_name(serial: int, width: int, context: dict[str, str]) -> str:
    """Return 序号-姓名-身份证后四位.docx, with characters Windows forbids in names replaced."""
    name = _UNSAFE_IN_FILE_NAMES.sub("_", context["name"]) or "未填姓名"
    tail = context["id_number"][-4:] if context["id_number"] else "无证号"
    return f"{serial:0{width}d}-{name}-{_UNSAFE_IN_FILE_NAMES.sub('_', tail)}.docx"


@contextmanager
def _template_errors(path: Path) -> Iterator[None]:
    """Turn jinja2's errors in a template into a Chinese message naming the template and the place."""
    from jinja2 import TemplateError, UndefinedError

    try:
        yield
    except UndefinedError as error:
        raise CannotRun(f"协议书模板 {path} 引用了不存在的值：{error.message}。"
                        "请检查模板中 {{ }} 里的变量名。") from None
    except TemplateError as error:
        place = " ".join(line.strip() for line in getattr(error, "docx_context", []) if line.strip())
        where = f"，附近的文字：“{place[:80]}”" if place else ""
        raise CannotRun(f"协议书模板 {path} 的标签写法有误：{error.message}{where}。"
                        "请检查 {{ }} 与 {% %} 是否成对。") from None


def _environment():
    from jinja2 import Environment, StrictUndefined

    return Environment(undefined=StrictUndefined, autoescape=True)


class AgreementTemplate:
    """A 三方协议书 template file, checked once and rendered per person or for everyone at once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._bytes = path.read_bytes()
        except OSError as error:
            raise CannotRun(f"无法读取协议书模板 {path}：{error.strerror or error}。") from None
        self._check_variables()

    def _load(self):
        from docxtpl import DocxTemplate

        document = DocxTemplate(io.BytesIO(self._bytes))
        # DocxTemplate opens the package lazily, so open it here to report a bad file by name.
        try:
            document.init_docx()
        except Exception as error:  # noqa: BLE001 - python-docx raises several types for a non-docx file
            raise CannotRun(f"协议书模板 {self.path} 不是有效的 Word（.docx）文件（{type(error).__name__}）。"
                            "请用 Word 或 WPS 另存为 .docx 后再试。") from None
        return document

    def _check_variables(self) -> None:
        with _template_errors(self.path):
            names = self._load().get_undeclared_template_variables(_environment())
        unknown = sorted(set(names) - set(AGREEMENT_FIELDS))
        if unknown:
            known = "、".join(f"{name}（{label}）" for name, label in AGREEMENT_FIELDS.items())
            listed = "、".join("{{ " + name + " }}" for name in unknown)
            raise CannotRun(f"协议书模板 {self.path} 中的变量 {listed} 不是 sanqu 提供的字段，无法填写。"
                            f"请改成以下变量之一：{known}。")

    def render(self, context: dict[str, str], target: Path) -> None:
        """Write one person's agreement to `target` (a temporary path; the caller renames it)."""
        document = self._load()
        with _template_errors(self.path):
            document.render(context, _environment(), autoescape=True)
        document.save(target)

    def render_combined(self, contexts: Iterable[dict[str, str]], target: Path) -> None:
        """Write every person's agreement into one document, each starting on a new page."""
        document = self._load()
        _repeat_body(document)
        people = list(contexts)
        context = {name: "" for name in AGREEMENT_FIELDS}
        context[_LOOP_PEOPLE] = people
        with _template_errors(self.path):
            document.render(context, _environment(), autoescape=True)
        document.save(target)


def _repeat_body(document) -> None:
    """Wrap the template body in a jinja2 loop over the people, with a page break between them.

    The loop is added to the XML that docxtpl renders, so images and styles of an edited
    template keep their relationships, which copying rendered bodies into one file would lose.
    """
    assignments = ", ".join(f"{name}={_LOOP_PERSON}.{name}" for name in AGREEMENT_FIELDS)
    opening = f"{{% for {_LOOP_PERSON} in {_LOOP_PEOPLE} %}}{{% with {assignments} %}}"
    closing = f"{{% endwith %}}{{% if not loop.last %}}{page_break_xml()}{{% endif %}}{{% endfor %}}"

    def build_xml(context, jinja_env=None):
        xml = document.patch_xml(document.get_xml())
        body = xml.index(">", xml.index("<w:body")) + 1
        section = xml.rindex("<w:sectPr")
        xml = xml[:body] + opening + xml[body:section] + closing + xml[section:]
        return document.render_xml_part(xml, document.docx._part, context, jinja_env)

    document.build_xml = build_xml


def write_agreements(records: list[Record], year: int | None, template: AgreementTemplate, out_dir: Path, *,
                     combined: bool = False, force: bool = False,
                     on_written: Callable[[Path], None] | None = None) -> list[Path]:
    """Write one agreement per roster row into `out_dir`, or one combined document; return the files.

    Every target is checked before the first file is written, so a run stopped by an existing
    file leaves the folder as it was. `on_written` is called after each file, for a progress bar.
    """
    from sanqu_cli.outputs import atomic_output, check_writable, ensure_dir

    ensure_dir(out_dir)
    contexts = [agreement_context(record, serial, year) for serial, record in enumerate(records, start=1)]
    if combined:
        target = out_dir / (f"{year}年度三方协议书（合订）.docx" if year else "三方协议书（合订）.docx")
        with atomic_output(target, force) as temp:
            template.render_combined(contexts, temp)
        return [target]

    width = max(2, len(str(len(contexts))))
    targets = [out_dir / file_name(serial, width, context) for serial, context in enumerate(contexts, start=1)]
    for target in targets:
        check_writable(target, force)
    for context, target in zip(contexts, targets):
        with atomic_output(target, force) as temp:
            template.render(context, temp)
        if on_written is not None:
            on_written(target)
    return targets
