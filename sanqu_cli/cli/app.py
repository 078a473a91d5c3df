"""The `sanqu` command: the Typer app, with every module under `commands/` registered on it.

Each command module defines `ORDER` (its place in `sanqu --help`) and `register(app)`, so a
new command is a new file and no list needs editing.
"""

from __future__ import annotations

import importlib
import pkgutil

from sanqu_cli.cli import chinese_help  # noqa: F401 - must come before Typer renders any help

import typer  # noqa: E402 - imported after the translations are in place

from sanqu_cli import __version__  # noqa: E402
from sanqu_cli.cli import commands  # noqa: E402

app = typer.Typer(
    name="sanqu",
    help="西藏“三区”科技人才工作表格工具：校验花名册等表格、评分定等次、测算补助、生成附件1–5。"
         "规则依据藏科发〔2022〕93号。",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sanqu {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="显示版本号并退出。", callback=_version, is_eager=True),
) -> None:
    """西藏“三区”科技人才工作表格工具（藏科发〔2022〕93号）。"""


def _register_commands() -> None:
    modules = [importlib.import_module(f"{commands.__name__}.{info.name}")
               for info in pkgutil.iter_modules(commands.__path__)]
    for module in sorted(modules, key=lambda module: getattr(module, "ORDER", 100)):
        module.register(app)


_register_commands()


def main() -> None:
    app(prog_name="sanqu")
