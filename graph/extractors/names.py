"""Resolving names in context: country prefixes, homographs decided by evidence, sub-committee names.

A name such as 산시성 is shared by two provinces (山西 Shanxi, 陕西 Shaanxi). It is resolved only
when the text gives evidence: a Chinese-character form or a Latin gloss right after it, or a
distinct spelling (싼시성). Otherwise :func:`resolve_in_context` returns every candidate so the
caller can say on the fact that the text cannot tell.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graph.extractors import text_contains
from graph.extractors.text import Stream
from graph.facts import FactWriter, Lines, span_of
from graph.registry import DATA_DIR, Entity, Registry, normalize_name

#: Country words written before a region name, with the country id they imply.
COUNTRY_WORDS = {
    "대한민국": "KR", "한국": "KR", "중국": "CN", "중화인민공화국": "CN", "일본": "JP", "일본국": "JP",
    "몽골": "MN", "몽골국": "MN", "러시아": "RU", "러시아연방": "RU", "북한": "KP", "베트남": "VN",
    "키르기스스탄": "KG", "미국": "US", "중앙아": "", "중앙아시아": "",
}
_COUNTRY_PREFIX = re.compile(r"^\s*(" + "|".join(sorted(COUNTRY_WORDS, key=len, reverse=True)) + r")\s+")
_NON_HANGUL_NAME = re.compile(r"[A-Za-z\u4e00-\u9fff]")


@dataclass
class Resolved:
    """A surface resolved in context: one entity, or the candidates the text cannot choose between."""

    surface: str
    entity: Entity | None = None
    candidates: tuple[Entity, ...] = ()
    evidence: str = ""
    country: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def ambiguous(self) -> bool:
        """True when several entities remain."""
        return self.entity is None and len(self.candidates) > 1


def split_country(text: str) -> tuple[str, str]:
    """``("중국 허난성")`` → ``("CN", "허난성")``; no prefix → ``("", text)``."""
    m = _COUNTRY_PREFIX.match(text)
    if not m:
        return "", text.strip()
    return COUNTRY_WORDS[m.group(1)], text[m.end():].strip()


def decide_by_evidence(candidates: tuple[Entity, ...], context: str) -> tuple[Entity | None, str]:
    """The one candidate whose Chinese or Latin name occurs in ``context`` (``山西省``, ``(Shaanxi)``)."""
    hits = []
    for entity in candidates:
        forms = [n for n in entity.names if _NON_HANGUL_NAME.search(n)]
        found = [f for f in forms if re.search(r"(?<![A-Za-z])" + re.escape(f) + r"(?![A-Za-z])", context)]
        if found:
            hits.append((entity, found[0]))
    if len(hits) == 1:
        return hits[0][0], hits[0][1]
    return None, ""


def resolve_in_context(w: FactWriter, surface: str, lines: Lines, *, context: str = "",
                       kinds: tuple[str, ...] = ("region",), country: str = "",
                       prefer_upper: bool = False, report: bool = True) -> Resolved:
    """Resolve ``surface`` (with an optional country prefix) using the text around it as evidence.

    ``context`` is searched for a Chinese-character form or Latin gloss when the name is a homograph;
    ``prefer_upper`` picks the 광역 government among Korean homographs (e.g. 제주 in a list of 시·도).
    Unresolved and still-ambiguous names are reported with their line (unless ``report`` is false).
    """
    stated_country, name = split_country(surface)
    country = stated_country or country
    name = re.sub(r"\s*\((?:[A-Za-z\u4e00-\u9fff][^)]*)\)\s*$", "", name).strip(" ,·")
    gloss = surface[len(name):] if surface.startswith(name) else surface
    result = w.registry.resolve(name, kinds=kinds, country=country or None)
    out = Resolved(surface=surface, country=country)
    if result.entity is not None:
        out.entity = result.entity
    elif result.ambiguous:
        chosen, evidence = decide_by_evidence(result.candidates, gloss + " " + context)
        if chosen is None and prefer_upper:
            upper = [c for c in result.candidates if c.level == "광역"]
            chosen, evidence = (upper[0], "upper-level government") if len(upper) == 1 else (None, "")
        if chosen is not None:
            out.entity, out.evidence = chosen, evidence
        else:
            out.candidates = result.candidates
    if out.entity is not None:
        w.entity(out.entity, name)
    elif report:
        kind = "ambiguous" if out.ambiguous else "unresolved"
        detail = result.reason if kind == "unresolved" else (
            "text gives no evidence between " + ", ".join(f"{c.name_ko} ({c.name_en})" for c in out.candidates))
        w.report.add_issue(kind, w.doc.id, span_of(lines)[0], surface.strip(), detail)
    return out


def document_evidence(w: FactWriter, candidates: tuple[Entity, ...], topic: str) -> tuple[Entity | None, int]:
    """Find ``topic`` (e.g. a sub-committee name) elsewhere in the document written right after a form
    only one candidate has (a Chinese form, a gloss, a distinct spelling): ``산시성(陕西省)의 전통의약``.

    Returns the candidate and the line of the evidence, or ``(None, 0)``.
    """
    stream = Stream.of(w.doc)
    topic_rx = r"\s*".join(re.escape(ch) for ch in normalize_name(topic))
    found: dict[str, tuple[Entity, int]] = {}
    for entity in candidates:
        forms = "|".join(re.escape(f) for f in sorted(_own_forms(w.registry, entity), key=len, reverse=True))
        if not forms:
            continue
        m = re.search(rf"(?:{forms})[^\n,]{{0,12}}?{topic_rx}", stream.text)
        if m:
            found[entity.id] = (entity, stream.span(m.start(), m.end())[0])
    if len(found) == 1:
        return next(iter(found.values()))
    return None, 0


def _own_forms(registry: Registry, entity: Entity) -> list[str]:
    """Names that only ``entity`` carries (not shared with a homograph)."""
    return [n for n in entity.names
            if len(registry.candidates(n)) == 1 and (len(n) >= 3 or _NON_HANGUL_NAME.search(n))]


# -- sub-committee names ------------------------------------------------------------------------------

@dataclass(frozen=True)
class SubCommitteeName:
    """A canonical sub-committee of an association (``graph/data/subcommittees.tsv``)."""

    id: str
    name_ko: str
    name_en: str
    organization: str
    aliases: tuple[str, ...]
    note: str


_SC_SUFFIX = re.compile(r"(분과\s*위원회|분과\s*위|분과)$")


def subcommittee_key(text: str) -> str:
    """Comparable form of a sub-committee name: no NEAR/ordinal prefix, no 분과위원회 suffix."""
    text = re.sub(r"제\s*\d+\s*[회차]|NEAR|「|」", "", text)
    return normalize_name(_SC_SUFFIX.sub("", text.strip()))


@lru_cache(maxsize=1)
def subcommittee_names(path: Path = DATA_DIR / "subcommittees.tsv") -> dict[str, SubCommitteeName]:
    """Every known sub-committee name (canonical and alias) by :func:`subcommittee_key`."""
    out: dict[str, SubCommitteeName] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            aliases = tuple(a for a in (row.get("aliases") or "").split("|") if a)
            sc = SubCommitteeName(row["id"], row["name_ko"], row["name_en"], row["organization"], aliases,
                                  row.get("note") or "")
            for name in (sc.name_ko, *aliases):
                out[subcommittee_key(name)] = sc
    return out


def find_subcommittee(text: str) -> SubCommitteeName | None:
    """The sub-committee named by ``text`` (``환경분과위원회``, ``교육 · 문화교류``, ``혁신+``), if known."""
    return subcommittee_names().get(subcommittee_key(text))


#: A document about NEAR that names sub-committee coordinators: the NEAR extractors run on it.
is_near_document = text_contains("NEAR", "분과위원회", "코디네이터")
