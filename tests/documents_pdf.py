"""Convert a .docx to PDF with LibreOffice, for the tests that check a document opens cleanly."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

OFFICE = shutil.which("libreoffice") or shutil.which("soffice")
needs_office = pytest.mark.skipif(OFFICE is None, reason="LibreOffice is not installed")


def pdf_pages(source: Path, folder: Path) -> int:
    """Convert `source` with `libreoffice --headless` into `folder` and return the PDF's page count."""
    done = subprocess.run([OFFICE, "--headless", f"-env:UserInstallation=file://{folder}/lo-profile",
                           "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                          capture_output=True, text=True, timeout=180)
    pdf = folder / (source.stem + ".pdf")
    assert done.returncode == 0, done.stderr
    assert pdf.is_file(), done.stdout + done.stderr
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
