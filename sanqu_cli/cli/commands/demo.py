"""`sanqu demo`: the whole year-end run on the bundled examples."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.markup import escape
from rich.rule import Rule

from sanqu_cli.cli.options import DebugOption, ForceOption, ShowPiiOption, VerboseOption
from sanqu_cli.cli.runtime import Session, guard, start

ORDER = 90


@dataclass
class DemoRun:
    """State shared by the demo steps: the session, the examples folder, the output folder, earlier results."""

    session: Session
    examples: Path
    out: Path
    force: bool = False
    results: dict[str, Any] = field(default_factory=dict)

    def show_command(self, command: str) -> None:
        self.session.out.print(f"[dim]$ {escape(command)}[/]")

    def remember(self, name: str, value: Any) -> None:
        self.results[name] = value


def _steps() -> list:
    from sanqu_cli.cli import demo_steps

    modules = [importlib.import_module(f"{demo_steps.__name__}.{info.name}")
               for info in pkgutil.iter_modules(demo_steps.__path__)]
    return sorted(modules, key=lambda module: module.ORDER)


def demo(
    out: Annotated[Optional[Path], typer.Option("--out", help="输出文件夹（默认在当前文件夹下新建 sanqu-demo-日期时间）。",
                                                metavar="文件夹")] = None,
    force: ForceOption = False,
    show_pii: ShowPiiOption = False,
    verbose: VerboseOption = 0,
    debug: DebugOption = False,
) -> None:
    """用随软件附带的示例表格演示年终全流程：校验、评分、补助测算、生成报表。"""
    session = start(None, show_pii, verbose, debug)
    with guard(debug):
        from sanqu_cli.outputs import ensure_dir
        from sanqu_cli.resources import examples_dir

        # A new folder per run in the current folder: the clerk finds the outputs where they
        # ran the command, and a second run never meets the first run's files.
        folder = ensure_dir(out or Path.cwd() / f"sanqu-demo-{datetime.now():%Y%m%d-%H%M%S}")
        run = DemoRun(session=session, examples=examples_dir(), out=folder, force=force)
        session.out.print(f"示例文件夹：{escape(str(run.examples))}")
        for step in _steps():
            session.out.print(Rule(step.TITLE))
            step.run(run)
        session.out.print(Rule("演示完成"))
        session.out.print(f"输出文件在：{escape(str(folder))}")


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
