"""Cooperation fields: split a printed field cell, repair OCR misspellings, file each under broad areas.

Repairs are driven by a lexicon of correctly spelt words (``data/field_lexicon.txt``): a run of
Hangul that is not a lexicon word but lies within a small jamo distance of one (vowel
confusions cost half) is replaced by it. Words of the lexicon are never changed.

>>> clean_field("농신물작거래 확대")
'농산물직거래 확대'
>>> clean_field("시회적 경제 육성")
'사회적 경제 육성'
>>> clean_field("귀농:귀촌 지원 협력")
'귀농·귀촌 지원 협력'
>>> split_fields("관광, 청소년, 농수축산물, 행정정보화, 재난 구호")
['관광', '청소년', '농수축산물', '행정정보화', '재난 구호']
>>> split_fields("우수 농·특산물 판매 활성화, 문화예술 교류 등 6개 사업")
['우수 농·특산물 판매 활성화', '문화예술 교류']
>>> [a.id for a in areas_for("농특산물 직거래 확대")]
['farm']
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph.registry import to_jamo

DATA_DIR = Path(__file__).resolve().parent / "data"
_VOWELS = set("ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ")
_HANGUL_RUN = re.compile(r"[가-힣]+")
_TRAILING = re.compile(r"\s*(등\s*\d+\s*개\s*[사시]업|등)\s*$")
_SEPARATORS = re.compile(r"\s*[,，]\s*|\.\s+")


@dataclass(frozen=True)
class Area:
    """A broad area of cooperation (a top concept of the field scheme)."""

    id: str
    label_ko: str
    label_en: str
    keywords: tuple[str, ...]


@cache
def lexicon() -> frozenset[str]:
    """Correctly spelt words that field repairs aim at."""
    lines = (DATA_DIR / "field_lexicon.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@cache
def areas() -> tuple[Area, ...]:
    """The broad areas of ``data/field_areas.tsv``."""
    with (DATA_DIR / "field_areas.tsv").open(encoding="utf-8", newline="") as fh:
        return tuple(Area(r["id"], r["label_ko"], r["label_en"], tuple(r["keywords"].split("|")))
                     for r in csv.DictReader(fh, delimiter="\t"))


def split_fields(cell: str) -> list[str]:
    """The fields of one printed cell, without the trailing ``등`` / ``등 6개 사업``."""
    parts = [_TRAILING.sub("", p).strip(" .·") for p in _SEPARATORS.split(cell.strip())]
    return [p for p in parts if p]


def _distance(a: str, b: str, limit: float = float("inf")) -> float:
    """Edit distance on jamo; substituting one vowel for another costs 0.5. Once every cell of a row exceeds
    ``limit`` the distance can only be larger: a value above ``limit`` (not the distance) is returned then, which
    spares the rest of the table when only distances up to ``limit`` matter."""
    ja, jb = to_jamo(a), to_jamo(b)
    prev = [float(i) for i in range(len(jb) + 1)]
    for i, ca in enumerate(ja, 1):
        cur = [float(i)]
        for j, cb in enumerate(jb, 1):
            sub = 0.0 if ca == cb else (0.5 if ca in _VOWELS and cb in _VOWELS else 1.0)
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + sub))
        if min(cur) > limit:  # costs are never negative: no later row has a smaller cell
            return min(cur)
        prev = cur
    return prev[-1]


def _allowed(length: int) -> float:
    return 0.5 if length <= 2 else (1.0 if length == 3 else 1.5)


@cache
def _by_length() -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    for word in lexicon():
        out.setdefault(len(word), []).append(word)
    return {k: tuple(sorted(v)) for k, v in out.items()}


@cache
def _repair_run(run: str) -> str:
    words, by_len, out, i = lexicon(), _by_length(), [], 0
    while i < len(run):
        longest = min(8, len(run) - i)
        exact = next((n for n in range(longest, 1, -1) if run[i:i + n] in words), 0)
        if exact:
            out.append(run[i:i + exact])
            i += exact
            continue
        fixed = None
        for n in range(longest, 1, -1):
            piece = run[i:i + n]
            # distances above the allowed one only need to stay above it (the same best when it is allowed)
            best = min(((_distance(piece, w, _allowed(n)), w) for w in by_len.get(n, ())), default=(99.0, ""))
            if 0 < best[0] <= _allowed(n):
                fixed = (n, best[1])
                break
        if fixed:
            out.append(fixed[1])
            i += fixed[0]
        else:
            out.append(run[i])
            i += 1
    return "".join(out)


@cache
def clean_field(raw: str) -> str:
    """A readable label for one field: punctuation and spacing normalised, OCR misspellings repaired (cached:
    the repair compares every Hangul run with the lexicon on jamo)."""
    text = re.sub(r"(?<=[가-힣])\s*[:.]\s*(?=[가-힣])", "·", raw.strip())
    text = re.sub(r"\s+", " ", text)
    return _HANGUL_RUN.sub(lambda m: _repair_run(m.group(0)), text)


def field_key(label: str) -> str:
    """Identity of a field: its cleaned label without spacing or middle dots."""
    return re.sub(r"[\s·ㆍ]+", "", label)


def areas_for(label: str) -> list[Area]:
    """Every broad area whose keyword occurs in ``label`` (``[]`` when none does)."""
    key = field_key(label)
    return [a for a in areas() if any(k and k in key for k in a.keywords)]


def readable_field(label: str) -> bool:
    """Whether a cleaned field text can be read: it names a broad area, holds a lexicon word, or a figure.

    OCR garble (``관망 그래 가장``) is none of these: it is kept as raw text, never made a concept.

    >>> readable_field("농산물직거래 확대"), readable_field("도심항공교통 사업 협력"), readable_field("관망 그래 가장")
    (True, True, False)
    """
    if areas_for(label) or re.search(r"[0-9A-Za-z]", label):
        return True
    return any(word in label for word in lexicon() if len(word) >= 2)
