"""Keep the messages that reader libraries print themselves out of sanqu's output.

xlrd writes warnings about damaged files ("WARNING *** file size … not 512 + multiple of sector
size") to stdout, which would break `--format json`. A Rust panic inside calamine is raised in
Python as PanicException, which the reader turns into F001, but Rust prints the panic message to
file descriptor 2 first. Both are noise for a clerk, because the finding already reports the damaged file.
"""

from __future__ import annotations

import io
import logging
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

log = logging.getLogger(__name__)


def xlrd_log() -> io.StringIO:
    """Return a buffer to pass as xlrd's `logfile`, so that its warnings never reach stdout."""
    return io.StringIO()


@contextmanager
def native_stderr_silenced() -> Iterator[None]:
    """Send file descriptor 2 to a temporary file while the block runs.

    When stderr has no file descriptor (a test runner's capture object), or debug logging is on
    (-vv), the block runs unchanged: a reader that aborts the process then still leaves its message.
    """
    try:
        descriptor = sys.stderr.fileno()
    except (AttributeError, ValueError, io.UnsupportedOperation):
        descriptor = None
    if descriptor is None or log.isEnabledFor(logging.DEBUG):
        yield
        return

    sys.stderr.flush()
    saved = os.dup(descriptor)
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), descriptor)
        try:
            yield
        finally:
            os.dup2(saved, descriptor)
            os.close(saved)
            sink.seek(0)
            written = sink.read(4096).decode("utf-8", errors="replace").strip()
            if written:
                log.info("reader library wrote to stderr: %s", written.splitlines()[0])
