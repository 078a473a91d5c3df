"""Options shared by several commands, declared once and reused."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


RulesOption = Annotated[
    Optional[Path],
    typer.Option("--rules", help="规则集文件（TOML），替换内置的藏科发〔2022〕93号规则集。", metavar="文件"),
]
YearOption = Annotated[
    Optional[int],
    typer.Option("--year", help="年度，如 2024。不给时依次取自标题行、文件名、服务日期。", metavar="年度",
                 min=2000, max=2100),
]
ShowPiiOption = Annotated[
    bool,
    typer.Option("--show-pii", help="显示完整的身份证号和电话号码（默认遮盖中间几位）。"),
]
VerboseOption = Annotated[
    int,
    typer.Option("-v", "--verbose", count=True, help="在标准错误输出更多过程信息；-vv 更详细。"),
]
DebugOption = Annotated[
    bool,
    typer.Option("--debug", help="出错时显示完整的 Python 调用栈，供维护人员排查。"),
]
SheetOption = Annotated[
    Optional[str],
    typer.Option("--sheet", help="只读取这个工作表（默认自动选择，跳过隐藏的工作表）。", metavar="工作表名"),
]
ForceOption = Annotated[
    bool,
    typer.Option("--force", help="覆盖已存在的输出文件（默认保留原文件并报错）。"),
]
OutDirOption = Annotated[
    Path,
    typer.Option("--out", help="输出文件夹，不存在时自动创建。", metavar="文件夹"),
]
HistoryOption = Annotated[
    Optional[list[str]],
    typer.Option("--history", help="历年结果文件：往年带“考核等次”的花名册、考核汇总、处理记录；可给文件夹或通配符，"
                                   "可重复使用，如 --history 历年/。", metavar="路径", show_default=False),
]
FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", help="输出格式：text（默认，中文表格）或 json。"),
]
FailOnOption = Annotated[
    FailOn,
    typer.Option("--fail-on", help="达到这一级别的问题使退出码为 1：error、warning 或 info。"),
]
