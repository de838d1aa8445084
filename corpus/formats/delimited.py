"""Delimited tables (``.tsv``, ``.csv``): each record one line, its cells separated by ``" | "``.

* ``.tsv`` follows the IANA ``text/tab-separated-values`` definition: one record a physical line,
  cells split on tabs, so line numbers are the file's own; a cell wrapped in double quotes (as
  spreadsheets export it) loses them.
* ``.csv`` follows RFC 4180 (:mod:`csv`): a quoted cell may hold commas, quotes and line breaks; a
  record spread over several physical lines becomes one line (noted as a problem, since line
  numbers then differ from the file's).

A line of one cell (a title, a note under the table) stays a plain line; an empty record stays an
empty line. Encodings as for plain text (UTF-8, else CP949/EUC-KR as Korean spreadsheets export).

>>> tsv_lines(["교류 현황", "도시\\t체결일", "\\t2015.10.17\\t재체결", '"가나시"\\t1990'])
['교류 현황', '도시 | 체결일', ' | 2015.10.17 | 재체결', '가나시 | 1990']
>>> csv_lines(['도시,체결일,비고', '"쉬저우시, 장쑤성",1995.10.17,"구 ""마산시"" 체결"', ''])
(['도시 | 체결일 | 비고', '쉬저우시, 장쑤성 | 1995.10.17 | 구 "마산시" 체결', ''], 0)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from corpus.formats.extraction import Extraction, finish, one_line, table_row
from corpus.formats.plain_text import decode, decoding_problems, split_lines


def _line(cells: list[str]) -> str:
    """One stored line: a single cell as text, several as a table row."""
    if len(cells) <= 1:
        return one_line(cells[0]) if cells else ""
    return table_row(cells) if any(one_line(c) for c in cells) else ""


def _unquote(cell: str) -> str:
    """A TSV cell without the double quotes a spreadsheet wraps around it."""
    if len(cell) >= 2 and cell.startswith('"') and cell.endswith('"'):
        return cell[1:-1].replace('""', '"')
    return cell


def tsv_lines(lines: list[str]) -> list[str]:
    """Each physical line as one line, its tab-separated cells joined by ``" | "``."""
    return [_line([_unquote(c) for c in line.split("\t")]) for line in lines]


def csv_lines(lines: list[str]) -> tuple[list[str], int]:
    """Each CSV record as one line; also how many records spread over several physical lines."""
    out: list[str] = []
    multi = 0
    reader = csv.reader(io.StringIO("\n".join(lines) + "\n"), strict=False)
    last = 0
    for record in reader:
        if reader.line_num - last > 1:
            multi += 1
        last = reader.line_num
        out.append(_line(record))
    return out, multi


def _read(path: Path, fmt: str, parse: Callable[[list[str]], tuple[list[str], int]]) -> Extraction:
    text, encoding = decode(path.read_bytes())
    lines, multi = parse(split_lines(text))
    problems = decoding_problems(encoding)
    if multi:
        problems.append(f"{multi} record(s) span several lines: line numbers count records, not file lines")
    return finish(lines, "", fmt, problems)


def read_tsv(path: Path) -> Extraction:
    """Read a tab-separated file; its first non-empty line is the title."""
    return _read(path, "tsv", lambda lines: (tsv_lines(lines), 0))


def read_csv(path: Path) -> Extraction:
    """Read a comma-separated file; its first non-empty line is the title."""
    return _read(path, "csv", csv_lines)
