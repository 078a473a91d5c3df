"""Demo step: validate the example rosters, the clean one and the one with planted mistakes."""

from __future__ import annotations

from sanqu_cli.cli.commands.demo import DemoRun

ORDER = 10
TITLE = "校验花名册（sanqu validate）"


def run(demo: DemoRun) -> None:
    from sanqu_cli.report.terminal import print_report
    from sanqu_cli.validate import ValidateOptions, validate_paths

    paths = [demo.examples / "roster-2024.xlsx", demo.examples / "roster-2024-errors.xlsx"]
    demo.show_command("sanqu validate " + " ".join(str(path) for path in paths))
    report = validate_paths(paths, ValidateOptions(rules=demo.session.rules))
    print_report(demo.session.out, report, demo.session.masker)
    demo.remember("validate", report)
