"""Demo step: the first agreements (附件1) and the 附件3 summary draft from the example roster.

Earlier steps (scoring, results, funds) write their workbooks into the demo's output folder.
The summary takes whichever of them exist there, so the step also runs with the roster alone.
"""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape

from sanqu_cli.cli.commands.demo import DemoRun

ORDER = 60
TITLE = "生成三方协议书与年度工作总结（sanqu agreement、sanqu summary）"
AGREEMENTS_SHOWN = 3

# Summary option → file-name patterns of the workbooks the other commands write, exact names
# first, so that 考核汇总.xlsx wins over a sibling such as 考核汇总-公示.xlsx.
_EARLIER_OUTPUTS = {
    "scores": ("考核汇总.xlsx", "考核汇总*.xlsx"),
    "results": ("附件4.xlsx", "附件4*.xlsx", "*选派工作成效统计表*.xlsx"),
    "training": ("附件5.xlsx", "附件5*.xlsx", "*集中培训工作成效统计表*.xlsx"),
    "funds": ("补助测算.xlsx", "补助测算*.xlsx"),
}


def _earlier_output(demo: DemoRun, option: str) -> Path | None:
    stored = demo.results.get(option)
    if isinstance(stored, (str, Path)) and Path(stored).is_file():
        return Path(stored)
    for pattern in _EARLIER_OUTPUTS[option]:
        found = sorted(path for path in demo.out.rglob(pattern) if not path.name.startswith(("~$", ".")))
        if found:
            return found[0]
    return None


def run(demo: DemoRun) -> None:
    from sanqu_cli.compute.annual_summary import collect_figures
    from sanqu_cli.inputs import load_table
    from sanqu_cli.outputs import atomic_output
    from sanqu_cli.render.agreement import AgreementTemplate, write_agreements
    from sanqu_cli.render.summary_docx import write_summary
    from sanqu_cli.resources import templates_dir

    session = demo.session
    roster = demo.examples / "roster-2024.xlsx"
    folder = demo.out / "三方协议书"
    demo.show_command(f"sanqu agreement {roster} --out {folder}  （演示只生成前 {AGREEMENTS_SHOWN} 人）")
    read = load_table(roster, session.rules, "roster", label="花名册")
    template = AgreementTemplate(templates_dir() / "附件1-三方协议书.docx")
    files = write_agreements(read.records[:AGREEMENTS_SHOWN], read.year, template, folder, force=demo.force)
    for path in files:
        session.out.print(f"  {escape(path.name)}")

    inputs = {option: _earlier_output(demo, option) for option in _EARLIER_OUTPUTS}
    target = demo.out / "年度工作总结（初稿）.docx"
    given = " ".join(f"--{option} {path}" for option, path in inputs.items() if path)
    demo.show_command(f"sanqu summary --roster {roster} {given} --out {target}".replace("  ", " "))
    figures = collect_figures(session.rules, roster, **inputs)
    with atomic_output(target, demo.force) as temp:
        write_summary(figures, temp)
    session.out.print(f"已生成：{escape(str(target))}（选派人数 {figures.people}，科技特派团 {figures.teams} 个，"
                      f"三方协议 {figures.agreements} 份）")
    for note in figures.missing:
        session.out.print(f"  [dim]未填的数字：{escape(note)}[/]")
    demo.remember("documents", {"agreements": files, "summary": target})
