"""Linked data: each IRI under ``https://w3id.org/gyoryu/id/`` dereferences at ``/id/…``; texts at ``/doc/…``.

``/id/…`` answers HTML for browsers and Turtle, JSON-LD, N-Triples or TriG by ``Accept`` or ``format=``.
"""

from __future__ import annotations

import json
import re

import pyoxigraph as ox
from flask import Blueprint, Response, redirect, render_template, request

from api.charts import network_svg, timeline_svg
from api.errors import ApiError
from api.i18n import page_lang, translator
from api.negotiation import pick
from api.services import require
from graph.entity_view import DOC_PREFIX, ID_NS, EntityDescriber, EntityView
from graph.graph_reader import PREFIX_MAP, GraphReader, is_safe_iri
from graph.result_formats import ENTITY, ResultFormat, accepted_names, find, media_offers, offered
from ontology.namespaces import GY, PROV

bp = Blueprint("entities", __name__)

#: Formats of ``/id/…`` (Turtle first: what ``*/*`` gets), from the one table of output formats.
ENTITY_FORMATS = offered(ENTITY)
ENTITY_OFFERS = media_offers(ENTITY_FORMATS)
MAX_HIGHLIGHT = 2000
_SPAN = re.compile(r"^\s*(\d{1,6})(?:\s*-\s*L?(\d{1,6}))?\s*$")


def _entity_format() -> ResultFormat:
    asked = request.args.get("format")
    if asked:
        fmt = find(asked, ENTITY_FORMATS)
        if fmt is None:
            raise ApiError(400, "unknown_format", "format must be one of " + ", ".join(accepted_names(ENTITY_FORMATS)))
        return fmt
    media = pick(request.headers.get("Accept"), list(ENTITY_OFFERS))
    if media is None:
        served = ", ".join(f.media_type for f in ENTITY_FORMATS)
        raise ApiError(406, "not_acceptable", f"entities are served as {served}")
    return ENTITY_OFFERS[media]


def entity_quads(reader: GraphReader, iri: str) -> list[ox.Quad]:
    """The entity's own statements plus the source spans they cite (a concise bounded description)."""
    quads = reader.quads_about(iri)
    spans = {q.object for q in quads if q.predicate.value == str(PROV.wasDerivedFrom)
             and isinstance(q.object, ox.NamedNode)}
    for span in spans:
        quads.extend(reader.quads_about(span.value))
    return quads


def jsonld_context() -> dict[str, str]:
    """The inline JSON-LD context: our prefixes (never a remote context)."""
    return dict(PREFIX_MAP)


def serialize(quads: list[ox.Quad], fmt: ResultFormat) -> bytes:
    """Serialise ``quads``: Turtle/N-Triples (graphs merged), TriG (graphs kept), JSON-LD (inline context)."""
    if fmt.store_format == ox.RdfFormat.TRIG:
        return ox.serialize(quads, format=fmt.store_format, prefixes=PREFIX_MAP)
    triples = list(dict.fromkeys(q.triple for q in quads))
    if fmt.store_format == ox.RdfFormat.TURTLE:
        return ox.serialize(triples, format=fmt.store_format, prefixes=PREFIX_MAP)
    if fmt.store_format == ox.RdfFormat.N_TRIPLES:
        return ox.serialize(triples, format=fmt.store_format)
    from rdflib import Graph

    graph = Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode(), format="nt")
    doc = json.loads(graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True))
    return json.dumps(doc, ensure_ascii=False, indent=1).encode()


def _span_target(view: EntityView) -> str | None:
    """Document-view URL for a source-span entity (its HTML page is the cited text)."""
    if str(GY.SourceSpan) not in {t.iri for t in view.types}:
        return None
    values = {f.predicate: f.value for f in view.facts}
    doc = values.get(str(GY.document))
    start, end = values.get(str(GY.lineStart)), values.get(str(GY.lineEnd))
    if not (doc and doc.iri and start and end):
        return None
    return f"/doc/{doc.iri[len(DOC_PREFIX):]}?lines={start.text}-{end.text}#L{start.text}"


def _render_html(view: EntityView, lang: str) -> Response:
    t = translator(lang)
    timeline = timeline_svg(view.per_year, t("timeline")) if view.per_year else ""
    network = network_svg(view.label, [(v.text, v.link, rel) for v, rel in view.neighbours], t("network"))
    return Response(render_template("entity.html", view=view, timeline=timeline, network=network),
                    mimetype="text/html")


@bp.get("/id/<path:rest>")
def entity(rest: str) -> Response:
    """Dereference ``https://w3id.org/gyoryu/id/<rest>``."""
    iri = ID_NS + rest
    fmt = _entity_format()
    reader: GraphReader = require("reader")
    if not is_safe_iri(iri) or not reader.exists(iri):
        if iri.startswith(DOC_PREFIX) and fmt.name == "html" and require("documents").get(rest[len("doc/"):]):
            return redirect(f"/doc/{rest[len('doc/'):]}", code=303)
        raise ApiError(404, "unknown_entity", f"nothing is known about <{iri}>")
    if fmt.name != "html":
        resp = Response(serialize(entity_quads(reader, iri), fmt), content_type=fmt.content_type)
    else:
        lang = page_lang()
        view = EntityDescriber(reader).describe(iri, lang)
        target = _span_target(view) if view else None
        if target:
            return redirect(target, code=303)
        resp = _render_html(view, lang)
    resp.vary.add("Accept")
    return resp


def parse_lines(spec: str | None) -> set[int]:
    """Line numbers of ``296-297,300`` (at most :data:`MAX_HIGHLIGHT`; malformed parts are ignored).

    >>> sorted(parse_lines("296-297, 300,x"))
    [296, 297, 300]
    """
    lines: set[int] = set()
    for part in (spec or "").split(",")[:50]:
        m = _SPAN.match(part)
        if not m:
            continue
        start = int(m.group(1))
        end = int(m.group(2) or start)
        lines.update(range(start, min(max(start, end), start + MAX_HIGHLIGHT) + 1))
    return lines


@bp.get("/doc/<doc_id>")
def document(doc_id: str) -> Response:
    """A document with numbered lines; ``lines=a-b`` highlights the cited lines."""
    doc = require("documents").get(doc_id)
    if doc is None:
        raise ApiError(404, "unknown_document", f"no document is named {doc_id!r}")
    spec = request.args.get("lines")
    highlighted = parse_lines(spec)
    return Response(render_template("doc.html", doc=doc, highlighted=highlighted,
                                    highlight_text=spec if highlighted else ""), mimetype="text/html")
