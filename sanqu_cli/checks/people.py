"""P rules: each person on the roster (选派人员花名册)."""

from __future__ import annotations

import datetime as dt

from sanqu_cli.checks.context import CheckContext
from sanqu_cli.checks.ids import IdCheck, check_id, check_phone, id_problem
from sanqu_cli.findings import Severity
from sanqu_cli.reference import match_county, title_level
from sanqu_cli.rules.model import TitleLevel
from sanqu_cli.schema.records import Record
from sanqu_cli.schema.roster import CATEGORY_LABELS, ROSTER

# Required columns whose blank value is P100; 技术职称 is handled apart (乡土人才 may leave it blank).
_REQUIRED_VALUES = [column for column in ROSTER.required if column.field != "title"]


def _raw_blank(record: Record, name: str) -> bool:
    """Tell whether a present column's cell is blank (the reader keeps no value for blank cells)."""
    return name in record.columns and name not in record.values and name not in record.unread


def check_required(ctx: CheckContext, record: Record) -> None:
    for column in _REQUIRED_VALUES:
        if _raw_blank(record, column.field):
            ctx.add("P100", f"“{column.header}”为空，请补填。", record, column.field)

    category = record.get("category")
    if _raw_blank(record, "title") and category in ("in_region", "out_of_region"):
        ctx.add("P100", f"{CATEGORY_LABELS[category]}的“技术职称”为空，请补填（只有乡土人才可以不填）。", record, "title")


def check_id_number(ctx: CheckContext, record: Record) -> IdCheck | None:
    cell = record.cell("id_number")
    if cell is None or cell.raw is None:
        return None
    result = check_id(cell.raw)
    problem = id_problem(result)
    if problem is not None:
        ctx.add(problem.code, problem.message, record, "id_number", value=problem.value)
    return result


def check_phone_number(ctx: CheckContext, record: Record) -> None:
    phone = record.get("phone")
    if phone and not check_phone(phone):
        ctx.add("P104", "联系电话既不是 11 位手机号，也不是带区号的固定电话（区号以 0 开头，如拉萨 0891），请核对。", record, "phone")


def person_level(record: Record) -> TitleLevel | None:
    explicit = record.get("title_level")
    if explicit:
        return TitleLevel(explicit)
    return title_level(record.get("title"))


def check_title(ctx: CheckContext, record: Record) -> None:
    category = record.get("category")
    title = record.get("title")
    if not title and not record.get("title_level"):
        return

    level = person_level(record)
    if level is None:
        ctx.add("P111", f"技术职称“{title}”不在职称对照表中，无法判断级别。请核对名称，或增加“职称级别”列"
                        "填写正高级/副高级/中级/初级。", record, "title")
        return
    if category is None:
        return
    needed = ctx.rules.min_title_level(category)
    if level.rank < needed.rank:
        source = "职称级别" if record.get("title_level") else f"技术职称“{title}”"
        name = "title_level" if record.get("title_level") else "title"
        ctx.add("P110", f"{CATEGORY_LABELS[category]}须具有{needed.label}及以上职称，{source}为{level.label}。"
                        "请核对人员类别或职称。", record, name)


def _period(record: Record) -> tuple[dt.date | None, dt.date | None, str]:
    """Return (start, end, field to cite) from separate date columns or a one-cell 服务期."""
    start, end = record.get("service_start"), record.get("service_end")
    if start or end:
        return start, end, "service_end" if end else "service_start"
    period = record.get("service_period")
    if period:
        return period[0], period[1], "service_period"
    return None, None, ""


def check_service(ctx: CheckContext, record: Record) -> None:
    days = record.get("service_days")
    min_days = ctx.rules.service.min_days
    if days is not None and days < min_days:
        if ctx.plan:
            ctx.add("P120", f"计划服务天数 {days} 天，少于 {min_days} 天，年底前须补足。", record, "service_days",
                    severity=Severity.warning)
        else:
            ctx.add("P120", f"年度服务天数 {days} 天，少于规定的 {min_days} 天。", record, "service_days")

    start, end, name = _period(record)
    if start is None or end is None:
        return
    if end < start:
        ctx.add("P121", f"服务结束日期 {end.isoformat()} 早于开始日期 {start.isoformat()}，请核对。", record, name)
        return
    span = (end - start).days + 1
    if days is not None and days > span:
        ctx.add("P121", f"服务天数 {days} 天，多于服务期 {start.isoformat()} 至 {end.isoformat()} 的 {span} 天。",
                record, "service_days", related=[record.ref(name)])
    if span > ctx.rules.service.max_period_days:
        ctx.add("P122", f"服务期 {start.isoformat()} 至 {end.isoformat()} 共 {span} 天，超过一年（选派时限为1年）。",
                record, name)
    elif ctx.year and (end.year < ctx.year or start.year > ctx.year):
        ctx.add("P122", f"服务期 {start.isoformat()} 至 {end.isoformat()} 不在 {ctx.year} 年度内，请核对年度或日期。",
                record, name)


def check_place(ctx: CheckContext, record: Record) -> None:
    county = record.get("county")
    if county:
        match = match_county(county)
        if match.status == "unknown":
            ctx.add("P131", f"受援县(区)“{county}”不是西藏现有的 74 个县级行政区之一，请核对名称。", record, "county")
        elif match.status == "former":
            when = match.former_note.split("(", 1)[1].rstrip(")") if "(" in match.former_note else ""
            history = f"，{when}" if when else ""
            ctx.add("P131", f"“{county}”是旧称{history}，现名“{match.county.name}”，请改为现名。", record, "county")
        elif match.status == "short":
            ctx.add("P131", f"受援县(区)“{county}”请写规范全称“{match.county.name}”。", record, "county")

        prefecture = record.get("prefecture")
        if match.county and prefecture and prefecture.rstrip("市地区") != match.county.prefecture.rstrip("市地区"):
            ctx.add("P131", f"“{match.county.name}”属于{match.county.prefecture}，不属于“{prefecture}”，请核对。",
                    record, "prefecture")

    if record.get("agreement_signed") is False:
        ctx.add("P140", "未签订三方协议。选派人员须与选派单位、受援单位签订《“三区”科技人才选派三方协议书》（附件1）。",
                record, "agreement_signed")
