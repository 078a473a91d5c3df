"""Locate the files shipped with the package: templates and the bundled examples.

In a wheel they sit inside the package (`sanqu_cli/templates`, `sanqu_cli/examples`); in a
source checkout or an editable install they are the top-level `templates/` and `examples/`.
"""

from __future__ import annotations

from pathlib import Path

from sanqu_cli.errors import CannotRun

PACKAGE_DIR = Path(__file__).resolve().parent
SOURCE_ROOT = PACKAGE_DIR.parent


def _find(name: str) -> Path:
    for candidate in (PACKAGE_DIR / name, SOURCE_ROOT / name):
        if candidate.is_dir():
            return candidate
    raise CannotRun(f"找不到随软件安装的 {name} 文件夹，安装可能不完整。请重新安装：pip install --force-reinstall sanqu")


def templates_dir() -> Path:
    return _find("templates")


def examples_dir() -> Path:
    return _find("examples")
