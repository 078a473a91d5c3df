"""Run every roster check (P and T rules) over the records of one file."""

from __future__ import annotations

from sanqu_cli.checks.context import CheckContext
from sanqu_cli.checks.people import (
    check_id_number,
    check_phone_number,
    check_place,
    check_required,
    check_service,
    check_title,
)
from sanqu_cli.checks.teams import check_teams
from sanqu_cli.schema.records import Record, TableRead


def _note_skipped(ctx: CheckContext, present: set[str]) -> None:
    if "phone" not in present:
        ctx.skip("P104", "没有“联系电话”列")
    if not ({"service_start", "service_end"} <= present or "service_period" in present):
        ctx.skip("P121–P122", "没有服务开始/结束日期或“服务期”列")


def check_duplicates(ctx: CheckContext, records: list[Record], ids: dict[int, str]) -> None:
    """P103: one person (身份证号) listed twice on one roster."""
    first_seen: dict[str, Record] = {}
    for record in records:
        number = ids.get(record.row)
        if not number:
            continue
        if number in first_seen:
            earlier = first_seen[number]
            ctx.add("P103", f"身份证号与 {earlier.ref('id_number')}（{earlier.get('name', '')}）重复，"
                            "同一人在花名册中只能出现一次。", record, "id_number",
                    related=[earlier.ref("id_number")])
        else:
            first_seen[number] = record


def check_roster(ctx: CheckContext, records: list[Record], present: set[str]) -> dict[int, str]:
    """Check every person and team; return the valid ID number of each row, for cross-file checks."""
    _note_skipped(ctx, present)

    ids: dict[int, str] = {}
    for record in records:
        check_required(ctx, record)
        result = check_id_number(ctx, record)
        if result is not None and result.number:
            ids[record.row] = result.number
        check_phone_number(ctx, record)
        check_title(ctx, record)
        check_service(ctx, record)
        check_place(ctx, record)

    check_duplicates(ctx, records, ids)
    check_teams(ctx, records)
    return ids


def _check_roster_read(ctx: CheckContext, read: TableRead) -> None:
    check_roster(ctx, read.records, read.present)


CHECKERS = {"roster": _check_roster_read}
