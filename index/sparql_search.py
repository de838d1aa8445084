"""The search index behind SPARQL's reserved services: ``gy:search`` (passages) and ``gy:similar`` (regions).

``gy:search`` ranks passages exactly as ``gyoryu search`` does; ``gy:similar`` ranks regions as
``gyoryu partners --like`` (``gy:like``) or as partner finding restricted to regions (``gy:need``).
Each result becomes a row of RDF terms for :func:`graph.sparql_services.expand_services`.
"""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox

from graph.sparql_services import ServiceCall, expand_services, has_reserved_services
from index.modes import DEFAULT_MODE
from index.partners import partners_like, rank_partners
from index.search import SearchEngine
from ontology.namespaces import document_iri, source_span_iri

XSD_DECIMAL = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def _decimal(value: float) -> ox.Literal:
    return ox.Literal(f"{value:.4f}", datatype=XSD_DECIMAL)


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD_INTEGER)


def search_rows(engine: SearchEngine, call: ServiceCall) -> list[dict]:
    """The hits of ``gyoryu search`` (same ranking, merging and scores): one row per hit, or per hit and
    entity when ``gy:about`` is asked (the entities the hit shows)."""
    result = engine.search(call.inputs["query"], k=call.limit, mode=call.inputs.get("mode", DEFAULT_MODE))
    rows = []
    for hit in result["hits"]:
        row = {"subject": ox.NamedNode(str(source_span_iri(hit["doc"], hit["line_start"], hit["line_end"]))),
               "score": _decimal(hit["score"]), "doc": ox.NamedNode(str(document_iri(hit["doc"]))),
               "lineStart": _integer(hit["line_start"]), "lineEnd": _integer(hit["line_end"]),
               "text": ox.Literal(hit["text"])}
        if "about" in call.outputs:
            rows += [{**row, "about": ox.NamedNode(e["iri"])} for e in hit["entities"]]
        else:
            rows.append(row)
    return rows


def similar_rows(engine: SearchEngine, call: ServiceCall) -> list[dict]:
    """One row per region, most similar first."""
    if "like" in call.inputs:
        like = call.inputs["like"]
        result = partners_like(engine, like.value if isinstance(like, ox.NamedNode) else str(like), k=call.limit,
                               exclude_existing=not call.inputs.get("includeExisting", False))
    else:
        result = rank_partners(engine, call.inputs["need"], k=call.limit, type="region")
    return [{"subject": ox.NamedNode(p["iri"]), "score": _decimal(p["score"])} for p in result["partners"]]


def evaluate(engine: SearchEngine, call: ServiceCall) -> list[dict]:
    """The rows of one reserved service call (``gy:limit`` from 1 to ``GYORYU_MAX_K``)."""
    if not 1 <= call.limit <= engine.settings.max_k:
        raise ValueError(f"gy:limit must be from 1 to {engine.settings.max_k}, got {call.limit}")
    return {"search": search_rows, "similar": similar_rows}[call.service](engine, call)


def expand_query(text: str, engine: Callable[[], SearchEngine]) -> str:
    """``text`` with its reserved services evaluated; ``engine`` is called only when the query uses one."""
    if not has_reserved_services(text):
        return text
    loaded = engine()
    return expand_services(text, lambda call: evaluate(loaded, call))
