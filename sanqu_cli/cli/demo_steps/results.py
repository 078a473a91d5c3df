"""Demo step: build 附件4 from the example roster and service log, and 附件5 from the training records."""

from __future__ import annotations

from sanqu_cli.cli.commands.demo import DemoRun

ORDER = 40
TITLE = "生成附件4、附件5（sanqu results）"


def run(demo: DemoRun) -> None:
    from rich.markup import escape

    from sanqu_cli.compute.detail import read_detail, read_training
    from sanqu_cli.compute.dispatch_results import compute_dispatch
    from sanqu_cli.compute.training_results import compute_training
    from sanqu_cli.render.results_tables import write_results

    rules, out = demo.session.rules, demo.session.out
    roster, log = demo.examples / "roster-2024.xlsx", demo.examples / "service-log-2024.xlsx"
    # The scoring step's 考核汇总 gives 考核合格数; without it that figure stays blank.
    scores = demo.out / "score" / "考核汇总.xlsx"
    given = f" --scores {scores}" if scores.is_file() else ""
    demo.show_command(f"sanqu results dispatch --roster {roster} --service-log {log}{given} --out {demo.out}")
    appraisal = read_detail(scores, rules, "appraisal_summary") if given else None
    dispatch = compute_dispatch(read_detail(roster, rules, "roster"), read_detail(log, rules, "service_log"), appraisal)
    dispatch_path = write_results(dispatch, demo.out, demo.force)
    total = dispatch.total.values
    out.print(f"{len(dispatch.units)} 个选派单位：选派 {total['dispatched']} 人，服务 {total['counties']} 个县（区，去重），"
              f"培训农民 {total['farmers_trained']} 人次。已写入 {escape(str(dispatch_path))}")

    training = demo.examples / "training-2024.xlsx"
    demo.show_command(f"sanqu results training --training {training} --out {demo.out}")
    records = read_training(training, rules)
    table = compute_training(records.classes, records.trainees)
    training_path = write_results(table, demo.out, demo.force)
    out.print(f"{len(table.units)} 个培训单位：受培 {table.total.values['trainees']} 人，"
              f"{table.total.values['classes']} 期培训班。已写入 {escape(str(training_path))}")
    demo.remember("results", {"dispatch": dispatch_path, "training": training_path})
