"""Every output format, once: name, aliases, media types, pyoxigraph format and where it is offered.

The command line's ``--format`` choices, the ``/sparql`` and ``/id/…`` content negotiation and the
API description all derive from :data:`FORMATS`. The order of the table is the server's order of
preference when a client accepts several types equally.

>>> [f.name for f in formats_for("select")]
['json', 'xml', 'csv', 'tsv']
>>> find("ttl", formats_for("graph")).name, find("text/n3", formats_for("graph")).name
('turtle', 'turtle')
>>> find("json", formats_for("graph")).name, find("json", formats_for("select")).name
('jsonld', 'json')
>>> cli_choices()
['json', 'xml', 'csv', 'tsv', 'table', 'turtle', 'ntriples', 'jsonld']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

#: What a format can carry: SELECT/ASK results, RDF (TriG keeps named graphs), or a page/table for people.
RESULTS, GRAPH, TEXT = "results", "graph", "text"
#: Where a format is offered.
SPARQL, ENTITY, CLI = "sparql", "entity", "cli"


@dataclass(frozen=True)
class ResultFormat:
    """One output format."""

    name: str
    family: str
    media_type: str
    store_format: ox.QueryResultsFormat | ox.RdfFormat | None
    offered: frozenset[str]
    #: Other names accepted by ``format=`` / ``output=``.
    aliases: tuple[str, ...] = ()
    #: Other media types a client may ask for that this format answers.
    also_accepts: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` header: text types say their charset."""
        return self.media_type + ("; charset=utf-8" if self.media_type.startswith("text/") else "")


def _fmt(name: str, family: str, media: str, store, offered: Iterable[str], aliases: tuple[str, ...] = (),
         also: tuple[str, ...] = ()) -> ResultFormat:
    return ResultFormat(name, family, media, store, frozenset(offered), aliases, also)


FORMATS: tuple[ResultFormat, ...] = (
    _fmt("json", RESULTS, "application/sparql-results+json", ox.QueryResultsFormat.JSON, (SPARQL, CLI), ("srj",),
         ("application/json",)),
    _fmt("xml", RESULTS, "application/sparql-results+xml", ox.QueryResultsFormat.XML, (SPARQL, CLI), ("srx",),
         ("application/xml", "text/xml")),
    _fmt("csv", RESULTS, "text/csv", ox.QueryResultsFormat.CSV, (SPARQL, CLI)),
    _fmt("tsv", RESULTS, "text/tab-separated-values", ox.QueryResultsFormat.TSV, (SPARQL, CLI)),
    _fmt("table", TEXT, "text/plain", None, (CLI,)),
    _fmt("turtle", GRAPH, "text/turtle", ox.RdfFormat.TURTLE, (SPARQL, ENTITY, CLI), ("ttl", "n3"),
         ("application/turtle", "application/x-turtle", "text/n3", "text/rdf+n3", "application/n3")),
    _fmt("html", TEXT, "text/html", None, (ENTITY,), (), ("application/xhtml+xml",)),
    _fmt("ntriples", GRAPH, "application/n-triples", ox.RdfFormat.N_TRIPLES, (SPARQL, ENTITY, CLI),
         ("nt", "n-triples"), ("text/plain",)),
    _fmt("jsonld", GRAPH, "application/ld+json", ox.RdfFormat.JSON_LD, (SPARQL, ENTITY, CLI), ("json-ld", "json"),
         ("application/json", "application/x-json+ld")),
    _fmt("rdfxml", GRAPH, "application/rdf+xml", ox.RdfFormat.RDF_XML, (SPARQL,), ("rdf+xml", "xml", "rdf"),
         ("application/xml",)),
    _fmt("trig", GRAPH, "application/trig", ox.RdfFormat.TRIG, (SPARQL, ENTITY)),
)
BY_NAME = {f.name: f for f in FORMATS}


def formats_for(query_kind: str) -> list[ResultFormat]:
    """The ``/sparql`` formats for a query of ``query_kind`` (``select``, ``ask`` or ``graph``), in order."""
    family = GRAPH if query_kind == "graph" else RESULTS
    return [f for f in FORMATS if f.family == family and SPARQL in f.offered]


def offered(where: str) -> list[ResultFormat]:
    """The formats offered at ``where`` (:data:`SPARQL`, :data:`ENTITY` or :data:`CLI`), in order."""
    return [f for f in FORMATS if where in f.offered]


def cli_choices() -> list[str]:
    """``gyoryu sparql --format`` choices."""
    return [f.name for f in offered(CLI)]


def media_offers(formats: Sequence[ResultFormat]) -> dict[str, ResultFormat]:
    """Media type → format, for negotiation: every main type first (in table order), then the other types."""
    offers = {f.media_type: f for f in formats}
    for f in formats:
        for media in f.also_accepts:
            offers.setdefault(media, f)
    return offers


def find(value: str, formats: Sequence[ResultFormat]) -> ResultFormat | None:
    """The format among ``formats`` called ``value``: by name, alias or media type (parameters ignored)."""
    value = value.strip().lower()
    for f in formats:
        if value == f.name or value in f.aliases:
            return f
    return media_offers(formats).get(value.split(";")[0].strip())


def accepted_names(formats: Sequence[ResultFormat]) -> list[str]:
    """Every name and alias of ``formats``, sorted (for error messages)."""
    return sorted({n for f in formats for n in (f.name, *f.aliases)})
