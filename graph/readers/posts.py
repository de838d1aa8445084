"""The title lexicon, and writing a person, the post they hold and the dated statement of it.

A person is one ``gy:Official`` (``foaf:Person``) per name, shared by documents. A post is one node per
organisation and role as stated (``org:Post``, ``org:postIn``, ``gy:role``); each statement that someone
holds it is a ``gy:Tenure`` of the document with ``gy:asOf`` (the date the statement speaks of) and its
lines, plus the shortcut ``?official org:holds ?post``. Curated readers (NEAR) and the general people
reader (through :mod:`graph.readers.candidates`) write through the same two functions.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rdflib import Literal, URIRef

from graph.dates import StatedDate
from graph.facts import FactWriter, Lines
from graph.registry import DATA_DIR, Entity, normalize_name
from ontology.namespaces import FOAF, GY, ORG, RDF, RDFS, SKOS


@dataclass(frozen=True)
class Title:
    """A title as written, its English form, kind, and the organisation it implies (a registry id or "")."""

    ko: str
    en: str
    kind: str
    implies: str = ""


@lru_cache(maxsize=1)
def titles() -> dict[str, Title]:
    """The title lexicon (``graph/data/titles.tsv``)."""
    with (DATA_DIR / "titles.tsv").open(encoding="utf-8", newline="") as fh:
        return {r["title_ko"]: Title(r["title_ko"], r["title_en"], r["kind"], (r.get("implies") or "").strip())
                for r in csv.DictReader(fh, delimiter="\t")}


def base_title(role: str) -> Title | None:
    """The lexicon title a stated role ends with (``경제통상국장`` → 국장)."""
    for ko in sorted(titles(), key=len, reverse=True):
        if role.endswith(ko):
            return titles()[ko]
    return None


def collapse_spaced(name: str) -> str:
    """``임 한 결`` → ``임한결`` (a name printed with a space between syllables); others unchanged."""
    tokens = name.split()
    return "".join(tokens) if len(tokens) > 1 and all(len(t) == 1 for t in tokens) else " ".join(tokens)



def provincial_title(role: str, org: Entity) -> str:
    """A Korean province's governor is its 도지사: ``가나도지사`` is read as the place ``가나도`` and the title
    ``지사``, which the general readers write ``도지사`` for a Korean ``…도`` region (foreign governors stay
    ``지사``)."""
    return "도지사" if role == "지사" and org.country == "KR" and org.name_ko.endswith("도") else role


def describe_organisation(w: FactWriter, entity: Entity) -> URIRef:
    """Describe an organisation a reader minted (not in the registry) in the document's graph."""
    iri = entity.iri
    w.add(iri, RDF.type, GY.Organization)
    w.add(iri, RDF.type, ORG.Organization)
    w.add(iri, RDFS.label, w.text(entity.name_ko))
    w.add(iri, SKOS.prefLabel, w.text(entity.name_ko))
    w.add(iri, GY.note, w.text(entity.note, "en"))
    w.add(iri, GY.extractionMethod, w.plain("automatic"))
    return iri


def official(w: FactWriter, name: str, alt: str | None, lines: Lines) -> URIRef:
    """The person node (one per name, shared by documents)."""
    clean = " ".join(name.split())  # as the reader gives it: ``임한결`` collapsed, ``딴 신`` kept
    node = w.node("person", normalize_name(clean), GY.Official, lines, label_ko=clean)
    w.add(node, RDF.type, FOAF.Person)
    w.add(node, FOAF.name, Literal(clean, lang="ko"))
    if alt:
        lang = "zh" if re.search(r"[\u4e00-\u9fff]", alt) else "en"
        w.add(node, SKOS.altLabel, Literal(alt.strip(), lang=lang))
    return node


def hold(w: FactWriter, person: URIRef, org: URIRef, org_label: str, role: str, lines: Lines,
         when: StatedDate | date | int | None, *, former: bool = False) -> URIRef:
    """``person`` holds the post ``role`` in ``org`` as of ``when``: a Post, a Tenure and ``org:holds``;
    ``former``: the statement says the post was held before its date (``전 국회의장``): the tenure carries
    ``gy:former true`` (``org:holds`` is timeless, the tenure dates it)."""
    post = w.node("post", f"{org.rsplit('/', 1)[-1]}-{normalize_name(role)}", GY.Post, lines,
                  label_ko=f"{org_label} {role}")
    w.add(post, RDF.type, ORG.Post)
    w.add(post, ORG.postIn, org)
    if (post, GY.role, None) not in w.graph:
        w.add(post, GY.role, Literal(role, lang="ko"))
    title = base_title(role)
    if title is not None:
        w.add(post, RDFS.label, Literal(f"{title.en}", lang="en"))
    w.add(person, ORG.holds, post)
    key = f"{normalize_name(str(person).rsplit('/', 1)[-1])}-{post.rsplit('/', 1)[-1]}-{w.doc.id.rsplit('.', 1)[0]}"
    tenure = w.node("tenure", f"{key}-former" if former else key, GY.Tenure, lines)
    w.add(tenure, GY.official, person)
    w.add(tenure, GY.post, post)
    if former:
        w.add(tenure, GY.former, Literal(True))
    if isinstance(when, StatedDate):
        w.add(tenure, GY.asOf, w.stated(when))
    elif isinstance(when, date):
        w.add(tenure, GY.asOf, w.date(when))
    elif when:
        w.add(tenure, GY.asOf, w.year(when))
    return tenure


