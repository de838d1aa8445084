"""Read-only lookups of one IRI for the entity pages, over a ``graph.store`` store.

User queries go through the time-limited workers of :mod:`graph.query_pool`; these are fixed,
bounded queries the server writes itself, so they run in-process.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.queries import term_value
from graph.store import PREFIX_MAP, GraphStore, OxigraphStore, add_union_graph, open_store

_SAFE_IRI = re.compile(r'^[^\s<>"{}|^`\\]+$')
LABEL_BATCH = 400


def compact(iri: str) -> str:
    """``prefix:local`` for an IRI in a known namespace, else the IRI.

    >>> compact("http://www.w3.org/2000/01/rdf-schema#label")
    'rdfs:label'
    """
    best, name = "", iri
    for prefix, ns in PREFIX_MAP.items():
        if iri.startswith(ns) and len(ns) > len(best) and prefix != "id":
            best, name = ns, f"{prefix}:{iri[len(ns):]}"
    return name


def is_safe_iri(iri: str) -> bool:
    """Whether ``iri`` can be written as ``<iri>`` in a query (no spaces, brackets, quotes, no code point an IRI
    may not hold, such as C1 controls).

    >>> is_safe_iri("https://w3id.org/gyoryu/id/region/kr-seoul"), is_safe_iri("https://w3id.org/gyoryu/id/\x85")
    (True, False)
    """
    if not _SAFE_IRI.match(iri):
        return False
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True


def iri_ref(iri: str) -> str:
    """``<iri>`` for use in a query; refuses text that could break out of the IRI.

    >>> iri_ref("https://w3id.org/gyoryu/id/region/kr-seoul")
    '<https://w3id.org/gyoryu/id/region/kr-seoul>'
    """
    if not is_safe_iri(iri):
        raise ValueError(f"not a valid IRI: {iri!r}")
    return f"<{iri}>"


def as_store(store: Any) -> GraphStore:
    """A ``graph.store`` store from a store object or a bare pyoxigraph ``Store`` (its union default graph added)."""
    if isinstance(store, ox.Store):
        add_union_graph(store)
        return OxigraphStore(store)
    return store


class GraphReader:
    """Fixed lookups over the union of all named graphs."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    @classmethod
    def open(cls, data_dir: Path, store_setting: str = "oxigraph") -> GraphReader:
        """The store configured by ``GYORYU_STORE`` (built ``graph.nq`` by default)."""
        return cls(open_store(Path(data_dir), store_setting))

    def select(self, query: str) -> list[dict[str, object]]:
        """Rows of a SELECT as ``{variable: term}`` (unbound variables left out)."""
        result = self.store.query(query)
        names = [v.value for v in result.variables]
        return [{n: row[n] for n in names if row[n] is not None} for row in result]

    def exists(self, iri: str) -> bool:
        """Whether ``iri`` occurs as a subject or object anywhere."""
        ref = iri_ref(iri)
        return bool(self.store.query(f"ASK {{ {{ {ref} ?p ?o }} UNION {{ ?s ?p {ref} }} }}"))

    def quads_about(self, iri: str) -> list[ox.Quad]:
        """Every statement with subject ``iri``, with its named graph."""
        ref = iri_ref(iri)
        rows = self.select(f"SELECT ?p ?o ?g WHERE {{ GRAPH ?g {{ {ref} ?p ?o }} }}")
        node = ox.NamedNode(iri)
        return [ox.Quad(node, r["p"], r["o"], r["g"]) for r in rows]

    def labels(self, iris: Iterable[str]) -> dict[str, dict[str, str]]:
        """``{iri: {lang: label}}`` from ``rdfs:label`` (``""`` for labels without language)."""
        found: dict[str, dict[str, str]] = {}
        wanted = sorted({i for i in iris if is_safe_iri(i)})
        for start in range(0, len(wanted), LABEL_BATCH):
            values = " ".join(iri_ref(i) for i in wanted[start:start + LABEL_BATCH])
            for row in self.select(f"SELECT ?e ?l WHERE {{ VALUES ?e {{ {values} }} ?e rdfs:label ?l }}"):
                lang = getattr(row["l"], "language", None) or ""
                found.setdefault(term_value(row["e"]), {}).setdefault(lang, term_value(row["l"]))
        return found

    def types(self, iris: Iterable[str]) -> dict[str, set[str]]:
        """``{iri: {class IRI}}`` for the given IRIs."""
        found: dict[str, set[str]] = {}
        wanted = sorted({i for i in iris if is_safe_iri(i)})
        for start in range(0, len(wanted), LABEL_BATCH):
            values = " ".join(iri_ref(i) for i in wanted[start:start + LABEL_BATCH])
            for row in self.select(f"SELECT ?e ?t WHERE {{ VALUES ?e {{ {values} }} ?e a ?t }}"):
                found.setdefault(term_value(row["e"]), set()).add(term_value(row["t"]))
        return found

    def methods(self, iris: Iterable[str]) -> dict[str, str]:
        """``{iri: "curated" | "automatic 0.85"}`` for the given fact nodes that state how they were made."""
        found: dict[str, str] = {}
        wanted = sorted({i for i in iris if is_safe_iri(i)})
        for start in range(0, len(wanted), LABEL_BATCH):
            values = " ".join(iri_ref(i) for i in wanted[start:start + LABEL_BATCH])
            for row in self.select(f"SELECT ?e ?m (MAX(?c) AS ?conf) WHERE {{ VALUES ?e {{ {values} }} "
                                   f"?e gy:extractionMethod ?m OPTIONAL {{ ?e gy:confidence ?c }} }} GROUP BY ?e ?m"):
                conf = term_value(row.get("conf"))
                found[term_value(row["e"])] = term_value(row["m"]) + (f" {conf}" if conf else "")
        return found

    def count(self) -> int:
        """Number of quads (statements in named graphs)."""
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(term_value(rows[0]["n"])) if rows else 0
