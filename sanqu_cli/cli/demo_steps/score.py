"""Demo step: score the example 附件2 batch against the example roster and write the results."""

from __future__ import annotations

from sanqu_cli.cli.commands.demo import DemoRun

ORDER = 20
TITLE = "考核评分与等次（sanqu score）"


def run(demo: DemoRun) -> None:
    from sanqu_cli.render.score_outputs import TEMPLATE_NAME, write_outputs
    from sanqu_cli.report.score_report import print_score
    from sanqu_cli.resources import templates_dir
    from sanqu_cli.score import load_roster, score_paths
    from sanqu_cli.validate import expand_paths

    rules, masker = demo.session.rules, demo.session.masker
    batch, roster_path = demo.examples / "score-sheets-2024", demo.examples / "roster-2024.xlsx"
    out = demo.out / "score"
    demo.show_command(f"sanqu score {batch} --roster {roster_path} --out {out}")

    roster = load_roster(roster_path, rules)
    result = score_paths(expand_paths([str(batch)]), rules, roster=roster)
    written = write_outputs(out, result, rules, masker, templates_dir() / TEMPLATE_NAME, roster.year, demo.force)
    print_score(demo.session.out, result, rules, masker)
    demo.session.out.print(f"已写出：{written.summary}、{written.notice}，以及 {len(written.forms)} 份评分表。", markup=False)
    demo.remember("score", result)
