"""Writing outputs safely: temp file in the target folder, then rename; never overwrite without --force."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sanqu_cli.errors import CannotRun

# Excel, WPS and LibreOffice read a text value starting with one of these as a formula (CSV
# injection), so outputs write such values as plain text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def check_writable(target: Path, force: bool) -> None:
    """Refuse to replace an existing output unless --force was given."""
    if target.exists() and not force:
        raise CannotRun(f"输出文件 {target} 已存在，未覆盖。请换一个输出位置，或加 --force 覆盖。")
    if target.exists() and target.is_dir():
        raise CannotRun(f"输出位置 {target} 是一个文件夹，无法写成文件。")


def ensure_dir(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CannotRun(f"无法创建输出文件夹 {folder}：{error.strerror or error}。") from None
    if not folder.is_dir():
        raise CannotRun(f"输出位置 {folder} 不是文件夹。")
    return folder


@contextmanager
def atomic_output(target: Path, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside `target`; rename it into place only when the block succeeds.

    A crash or an error leaves any earlier file untouched and no half-written file behind.
    """
    check_writable(target, force)
    ensure_dir(target.parent)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix, dir=target.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def inert_text(value: object) -> object:
    """Return a value that a spreadsheet will show as typed: text starting with = + - @ gets a leading '.

    Numbers (including negative ones) are returned unchanged; use this for CSV outputs. For xlsx
    outputs use `render.xlsx.set_value`, which keeps the text as it is and marks the cell as text.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
