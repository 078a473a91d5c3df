"""T rules: 科技特派团 (第十五条): size, one leader, the leader's title."""

from __future__ import annotations

from collections import defaultdict

from sanqu_cli.checks.context import CheckContext
from sanqu_cli.checks.people import person_level
from sanqu_cli.schema.records import Record


def check_teams(ctx: CheckContext, records: list[Record]) -> None:
    if not records or not records[0].has_column("team"):
        ctx.skip("T201–T203", "花名册没有“科技特派团”列，未检查特派团")
        return
    has_roles = records[0].has_column("team_role")
    if not has_roles:
        ctx.skip("T202–T203", "花名册没有“团内职务”列，无法确定团长")

    teams: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        team = record.get("team")
        if team:
            teams[team].append(record)

    rules = ctx.rules.teams
    for team, members in teams.items():
        first = members[0]
        if len(members) < rules.min_members:
            ctx.add("T201", f"科技特派团“{team}”只有 {len(members)} 人，原则上不少于 {rules.min_members} 人。",
                    first, "team")
        if not has_roles:
            continue

        leaders = [member for member in members if member.get("team_role") == "leader"]
        if not leaders:
            ctx.add("T203", f"科技特派团“{team}”没有团长，请在“团内职务”中指定一名团长。", first, "team")
        elif len(leaders) > 1:
            rows = "、".join(leader.ref("team_role") for leader in leaders)
            ctx.add("T203", f"科技特派团“{team}”有 {len(leaders)} 名团长（{rows}），只能有一名。", leaders[1],
                    "team_role", related=[leader.ref("team_role") for leader in leaders])

        needed = ctx.rules.teams.leader_min_level
        for leader in leaders:
            level = person_level(leader)
            if level is not None and level.rank < needed.rank:
                ctx.add("T202", f"科技特派团“{team}”团长{leader.get('name', '')}的职称“{leader.get('title', '')}”为"
                                f"{level.label}，团长须具备{needed.label}及以上职称。", leader, "title")
