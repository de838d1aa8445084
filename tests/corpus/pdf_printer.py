"""PDF fixtures printed from HTML by headless Chromium, as a browser's "Save as PDF" makes them.

Chromium and the Korean font are the Debian packages ``chromium`` and ``fonts-nanum`` (``make
browser-deps``, also what CI installs).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
#: One transparent pixel: an image with no text, for a page without a text layer.
PIXEL_PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
STYLE = ("body{font-family:'NanumGothic'} table{border-collapse:collapse} td,th{border:1px solid #000;padding:4px}"
         " .page{page-break-before:always}")


def html_page(title: str, body: str) -> str:
    """A printable page."""
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title><style>{STYLE}</style>'
            f"</head><body>{body}</body></html>")


def image_page() -> str:
    """A page holding only an image (a scan, as far as the PDF's text layer goes)."""
    return f'<div class="page"><img src="data:image/png;base64,{PIXEL_PNG}" width="300" height="300"></div>'


def print_pdf(html: str, target: Path) -> Path:
    """Print ``html`` to ``target`` with headless Chromium."""
    source = target.with_suffix(".html")
    source.write_text(html, encoding="utf-8")
    profile = target.parent / f".{target.stem}-profile"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={profile}", f"--print-to-pdf={target}", source.as_uri()],
                   check=True, capture_output=True, timeout=120)
    source.unlink()
    return target
