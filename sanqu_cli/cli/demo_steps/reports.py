"""Demo step: the JUnit XML report for CI and the annotated copy of the roster with planted mistakes."""

from __future__ import annotations

from sanqu_cli.cli.commands.demo import DemoRun

ORDER = 15
TITLE = "校验报告：JUnit XML 与标注副本（sanqu validate --output / --annotate）"


def run(demo: DemoRun) -> None:
    from sanqu_cli.outputs import atomic_output
    from sanqu_cli.report.annotate import annotate_all, describe_copy, plan_targets
    from sanqu_cli.report.junit import junit_xml
    from sanqu_cli.schema.read import limits_from
    from sanqu_cli.validate import ValidateOptions, validate_paths

    session = demo.session
    report = demo.results.get("validate")
    if report is None:
        paths = [demo.examples / "roster-2024.xlsx", demo.examples / "roster-2024-errors.xlsx"]
        report = validate_paths(paths, ValidateOptions(rules=session.rules))

    junit = demo.out / "sanqu-junit.xml"
    folder = demo.out / "标注"
    names = " ".join(file.path for file in report.files)
    demo.show_command(f"sanqu validate {names} --format junit --output {junit} --annotate {folder}")

    plan = plan_targets(report.files, folder, demo.force)
    with atomic_output(junit, demo.force) as temp:
        temp.write_text(junit_xml(report, session.rules, session.masker), encoding="utf-8")
    session.out.print(f"已写入 JUnit 报告：{junit}（{len(report.files)} 个测试套件，每个文件一个）", markup=False)
    for copy in annotate_all(plan, session.masker, limits_from(session.rules), demo.force):
        session.out.print(describe_copy(copy), markup=False)
