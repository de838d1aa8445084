"""SPARQL 1.1 Graph Store HTTP Protocol, read side: ``GET /sparql/graph?graph=IRI`` or ``?default``.

The graph comes back as Turtle, N-Triples, JSON-LD, RDF/XML or TriG by ``Accept`` (or ``format=``);
``HEAD`` gives the same headers. The store is read-only: PUT, POST, DELETE and PATCH get 405 with
an ``Allow`` header. A graph the store does not hold is 404. ``?default`` is the union default
graph (each triple once).
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, request

from api.errors import ApiError, bad_request
from api.services import require
from api.sparql_routes import choose_format, is_iri
from graph.result_formats import BY_NAME
from graph.sparql import serialize_triples

bp = Blueprint("graph_store", __name__)
READ_METHODS = ["GET"]  # Flask adds HEAD and OPTIONS; every other method is 405 with `Allow`


def _graph_name() -> str | None:
    """The IRI of ``graph=``, or ``None`` for ``default``; 400 unless exactly one of them is given."""
    graphs = request.args.getlist("graph")
    if "default" in request.args:
        if graphs:
            raise bad_request("invalid_request", "give either `graph=IRI` or `default`, not both")
        return None
    if len(graphs) != 1:
        raise bad_request("missing_graph", "give exactly one `graph=IRI`, or `default` for the default graph")
    if not is_iri(graphs[0]):
        raise bad_request("invalid_graph_uri", f"not an absolute IRI: {graphs[0]!r}")
    return graphs[0]


@bp.route("/sparql/graph", methods=READ_METHODS)
def graph() -> Response:
    """One graph of the store, serialised."""
    name = _graph_name()
    fmt = choose_format("graph", "a graph")
    store = require("store")
    triples = store.graph_triples(name)
    if triples is None:
        raise ApiError(404, "graph_not_found", f"the store holds no graph named <{name}>")
    chosen = BY_NAME[fmt]
    ox_format = chosen.store_format
    if ox_format == ox.RdfFormat.TRIG and name is not None:
        quads = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(name)) for t in triples]
        body = ox.serialize(quads, format=ox_format, prefixes=store.prefixes)
    else:
        body = serialize_triples(triples, ox_format, store.prefixes)
    resp = Response(body, status=200, content_type=chosen.content_type)
    resp.vary.add("Accept")
    return resp
