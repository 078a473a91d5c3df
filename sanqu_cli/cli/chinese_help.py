"""Chinese for the parts of the help and error screens that Typer writes itself.

Typer (0.29, with its vendored click) prints "Usage:", "Options", "Missing argument" and the
like in English and offers no translation hook, so this module sets its panel titles and
wraps its usage and error printers. Every patch is guarded: a Typer release that renames
something leaves that piece in English instead of breaking the command line.
"""

from __future__ import annotations

import re

import typer
from rich.text import Text
from typer import rich_utils

_TITLES = {
    "ARGUMENTS_PANEL_TITLE": "参数",
    "OPTIONS_PANEL_TITLE": "选项",
    "COMMANDS_PANEL_TITLE": "命令",
    "ERRORS_PANEL_TITLE": "错误",
    "ABORTED_TEXT": "已中止。",
    "DEFAULT_STRING": "[默认：{}]",
    "REQUIRED_LONG_STRING": "[必填]",
    "ENVVAR_STRING": "[环境变量：{}]",
    "DEPRECATED_STRING": "（已弃用）",
    "RICH_HELP": "运行 '{command_path} {help_option}' 查看帮助。",
}

# English messages of the vendored click, most specific first, with their Chinese.
_MESSAGES = [
    (r"^Missing argument '?([^']+?)'?\.?$", "缺少参数 {0}。"),
    (r"^Missing option '?([^']+?)'?\.?$", "缺少选项 {0}。"),
    (r"^Missing parameter:? '?([^']+?)'?\.?$", "缺少参数 {0}。"),
    (r"^No such option: (\S+?)(?:\s.*)?$", "没有选项 {0}。运行 --help 查看可用的选项。"),
    (r"^No such command '?([^']+?)'?\.\s*Did you mean '?([^'?]+?)'?\?$", "没有命令 {0}，您是不是要用 {1}？"),
    (r"^No such command '?([^']+?)'?\.$", "没有命令 {0}。运行 sanqu --help 查看全部命令。"),
    (r"^Got unexpected extra arguments? ?(?:\(s\))? \((.*)\)$", "多余的参数：{0}。这个命令只接受一个文件，或请检查引号和空格。"),
    (r"^Got unexpected extra argument\(s\) \((.*)\)$", "多余的参数：{0}。这个命令只接受一个文件，或请检查引号和空格。"),
    (r"^Missing command\.$", "缺少命令。运行 sanqu --help 查看全部命令。"),
    (r"^Option '?([^']+?)'? requires an argument\.$", "选项 {0} 后面需要一个值。"),
    (r"^Invalid value for '?([^':]+?)'?: (?:Value error, )?'?(.*?)'? is not one of (.*?)\.?$", "{0} 的值“{1}”无效，只能是：{2}。"),
    (r"^Invalid value for '?([^':]+?)'?: '?(.*?)'? is not a valid integer\.?$", "{0} 的值“{1}”不是整数。"),
    (r"^Invalid value for '?([^':]+?)'?: .*valid integer.*$", "{0} 的值应为整数（阿拉伯数字）。"),
    (r"^Invalid value for '?([^':]+?)'?: (\S+) is not in the range (.*)\.?$", "{0} 的值 {1} 超出范围 {2}。"),
    (r"^Invalid value for '?([^':]+?)'?: (?:File|Path|Directory) '?(.*?)'? does not exist\.$", "{0}：找不到“{1}”。"),
    (r"^Invalid value for '?([^':]+?)'?: (?:File|Path) '?(.*?)'? is a directory\.$", "{0}：“{1}”是文件夹，需要文件。"),
    (r"^Invalid value for '?([^':]+?)'?: Input should be greater than or equal to (\S+?)\.?$", "{0} 的值应不小于 {1}。"),
    (r"^Invalid value for '?([^':]+?)'?: Input should be less than or equal to (\S+?)\.?$", "{0} 的值应不大于 {1}。"),
    (r"^Invalid value for '?([^':]+?)'?: (.*)$", "{0} 的值无效：{1}"),
]


_TYPE_NAMES = {
    "<bool>": None,
    "<int>": "整数",
    "<int range>": "整数",
    "<str>": "文本",
    "<Path>": "路径",
    "<path>": "路径",
    "<list[str]>": "…",
    "<float>": "数字",
}


def translate(message: str) -> str:
    """Return the Chinese form of a click usage message, or the message itself when it is not known."""
    text = message.strip()
    for pattern, chinese in _MESSAGES:
        match = re.match(pattern, text, flags=re.S)
        if match:
            return chinese.format(*(group or "" for group in match.groups()))
    return text


def _install() -> None:
    for name, text in _TITLES.items():
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, text)

    try:
        from typer._click import formatting
        from typer._click.core import Command
    except ImportError:  # pragma: no cover - a Typer without the vendored click
        return

    original_usage = formatting.HelpFormatter.write_usage

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", "[选项]").replace("COMMAND", "命令").replace("[ARGS]", "[参数]")
        original_usage(self, prog, args, "用法：" if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = write_usage

    original_help_option = Command.get_help_option

    def get_help_option(self, ctx):
        option = original_help_option(self, ctx)
        if option is not None:
            option.help = "显示本帮助并退出。"
        return option

    Command.get_help_option = get_help_option

    original_format_error = rich_utils.rich_format_error

    def format_error(error) -> None:
        original_message = error.format_message
        error.format_message = lambda: translate(original_message())
        original_format_error(error)

    rich_utils.rich_format_error = format_error

    # Typer groups an option's help and its default into rich Columns. Columns cut Chinese text,
    # which has no spaces to wrap at, with an ellipsis, so one Text is returned instead.
    original_parameter_help = rich_utils._get_parameter_help

    def parameter_help(*args, **kwargs):
        columns = original_parameter_help(*args, **kwargs)
        items = getattr(columns, "renderables", None)
        if items and all(isinstance(item, Text) for item in items):
            joined = Text(" ").join(items)
            joined.overflow = "fold"
            return joined
        return columns

    rich_utils._get_parameter_help = parameter_help

    # The same cut happens to command descriptions in `sanqu --help`.
    original_command_help = rich_utils._make_command_help

    def command_help(*args, **kwargs):
        text = original_command_help(*args, **kwargs)
        if isinstance(text, Text):
            text.overflow = "fold"
        return text

    rich_utils._make_command_help = command_help

    # Type names such as <bool> and <list[str]> are Python, not Chinese.
    from typer.core import TyperArgument, TyperOption

    for parameter_class in (TyperArgument, TyperOption):
        original_type = parameter_class.display_type_rich

        def display_type_rich(self, ctx, _original=original_type):
            shown = _original(self, ctx)
            return _TYPE_NAMES.get(shown, shown)

        parameter_class.display_type_rich = display_type_rich

    # The usage line is highlighted by a pattern that looks for the English "Usage: ".
    try:
        rich_utils.highlighter.highlights = [re.sub("Usage: ", "用法：", h) for h in rich_utils.highlighter.highlights]
    except (AttributeError, TypeError):  # pragma: no cover - cosmetic only
        pass


_install()

__all__ = ["translate", "typer"]
