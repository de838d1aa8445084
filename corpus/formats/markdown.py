"""Markdown (``.md``): the text with heading marks dropped and table rows as ``a | b`` lines.

>>> from corpus.formats.markdown import markdown_lines
>>> markdown_lines(["# 교류 현황", "", "| 상대 | 일자 |", "|---|:---:|", "| 강릉시 | 2025.3.5 |", "- 항목"])
(['교류 현황', '', '상대 | 일자', '강릉시 | 2025.3.5', '- 항목'], '교류 현황')
"""

from __future__ import annotations

import re
from pathlib import Path

from corpus.formats.extraction import Extraction, finish, table_row
from corpus.formats.plain_text import decode, decoding_problems, split_lines

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def markdown_lines(source: list[str]) -> tuple[list[str], str]:
    """Lines without heading marks and table rules, table rows as cells; also the first heading."""
    out: list[str] = []
    title = ""
    for line in source:
        heading = _HEADING.match(line)
        if heading:
            out.append(heading.group(2))
            title = title or heading.group(2)
        elif _TABLE_RULE.match(line) and "-" in line:
            continue
        elif line.strip().startswith("|"):
            out.append(table_row(line.strip().strip("|").split("|")))
        else:
            out.append(line)
    return out, title


def read(path: Path) -> Extraction:
    """Read a Markdown file; the first heading (else the first line) is the title."""
    text, encoding = decode(path.read_bytes())
    lines, title = markdown_lines(split_lines(text))
    return finish(lines, title, "md", decoding_problems(encoding))
