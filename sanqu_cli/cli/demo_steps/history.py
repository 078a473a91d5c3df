"""Demo step: check the 2024 roster against 2022–2023 results and write the 荣誉证书名单."""

from __future__ import annotations

from sanqu_cli.cli.commands.demo import DemoRun

ORDER = 50
TITLE = "历年结果比对与荣誉证书名单（sanqu validate --history、sanqu honours）"


def run(demo: DemoRun) -> None:
    from sanqu_cli.honours import build_honours
    from sanqu_cli.render.honours import HONOURS_FILE, write_honours
    from sanqu_cli.report.honours import print_honours
    from sanqu_cli.report.terminal import print_file
    from sanqu_cli.validate import ValidateOptions, expand_paths, validate_paths

    roster = demo.examples / "roster-2024.xlsx"
    folder = demo.examples / "history"
    history = expand_paths([str(folder)])
    session = demo.session

    # Only the bars and the gaps are shown here: the roster's other checks ran in the first step.
    demo.show_command(f"sanqu validate {roster} --history {folder}")
    report = validate_paths([roster], ValidateOptions(rules=session.rules, history=history))
    roster_report = report.files[0].model_copy()
    roster_report.findings = [finding for finding in roster_report.findings if finding.code in ("P150", "P152", "P153")]
    print_file(session.out, roster_report, session.masker)
    barred = sum(1 for finding in roster_report.findings if finding.code == "P150")
    session.out.print(f"本年度不得选派的人员：{barred} 人。")

    demo.show_command(f"sanqu honours --roster {roster} --history {folder} --out {demo.out}")
    result = build_honours(roster, history, session.rules)
    target = write_honours(demo.out / HONOURS_FILE, result.year, result.honoured, result.pending, session.rules,
                           session.masker, demo.force)
    print_honours(session.out, result, target, session.masker, show_findings=False)
    demo.remember("history", report)
    demo.remember("honours", result)
