"""SPARQL 1.1 Protocol endpoint at ``/sparql``: GET ``query=``, POST form, POST ``application/sparql-query``.

Read-only. The response format follows the ``format`` (or ``output``) parameter, else the
``Accept`` header by quality values; CONSTRUCT/DESCRIBE get an RDF type, SELECT/ASK a results type.
``default-graph-uri`` / ``named-graph-uri`` choose the dataset among the graphs the store holds
(they override ``FROM`` / ``FROM NAMED``); ``timeout`` (seconds) lowers the time limit.
"""

from __future__ import annotations

import math
import re
import time

from flask import Blueprint, Response, redirect, request
from werkzeug.datastructures import MultiDict

from api.errors import ApiError, bad_request
from api.negotiation import pick, prefers_html
from api.services import require, services
from api.timing import server_timing
from graph.result_formats import BY_NAME, accepted_names, find, formats_for, media_offers
from graph.sparql import QueryError, QueryTimeout, ResultTooLarge, check_query
from graph.sparql_services import has_reserved_services
from graph.store import QueryDataset
from index.sparql_search import expand_query

bp = Blueprint("sparql", __name__)

FORMAT_PARAMS = ("format", "output")
UPDATE_TYPE = "application/sparql-update"
QUERY_TYPE = "application/sparql-query"
FORM_TYPE = "application/x-www-form-urlencoded"


class Params:
    """The protocol parameters of one request, read once: the query string, plus the body for a form POST."""

    def __init__(self) -> None:
        self.items = list(request.args.items(multi=True))
        if request.method == "POST" and request.mimetype == FORM_TYPE:
            self.items += request.form.items(multi=True)
        self.by_name: dict[str, list[str]] = {}
        for name, value in self.items:
            self.by_name.setdefault(name, []).append(value)

    def all(self, name: str) -> list[str]:
        """Every value of ``name`` (none: an empty list)."""
        return self.by_name.get(name, [])

    def one(self, name: str, source: MultiDict | None = None) -> str | None:
        """The value of ``name`` (in ``source`` if given, e.g. the form alone); a 400 error when it is given more
        than once."""
        values = self.all(name) if source is None else source.getlist(name)
        if len(values) > 1:
            raise bad_request("invalid_request", f"give exactly one `{name}` parameter")
        return values[0] if values else None


def read_query(params: Params) -> str | None:
    """The query text of a protocol request (``None``: a GET without a query)."""
    if not params.by_name.keys().isdisjoint(("update", "using-graph-uri", "using-named-graph-uri")):
        raise bad_request("update_not_allowed", "this endpoint is read-only: SPARQL Update is not accepted")
    if request.method == "GET":
        return params.one("query")
    mimetype = request.mimetype
    if mimetype == UPDATE_TYPE:
        raise bad_request("update_not_allowed", "this endpoint is read-only: SPARQL Update is not accepted")
    if mimetype == QUERY_TYPE:
        if "query" in request.args:
            raise bad_request("invalid_request", "send the query either in the body or as `query=`, not both")
        charset = request.mimetype_params.get("charset", "utf-8").lower()
        if charset not in ("utf-8", "utf8"):
            raise ApiError(415, "unsupported_media_type", f"{QUERY_TYPE} is UTF-8 only, not {charset}")
        try:
            return request.get_data(cache=False).decode("utf-8")
        except (UnicodeDecodeError, LookupError) as exc:
            raise bad_request("invalid_encoding", f"the query body is not valid text: {exc}") from exc
    if mimetype == FORM_TYPE:
        query = params.one("query", request.form)
        if query is None:
            raise bad_request("missing_query", "the form has no `query` field")
        return query
    raise ApiError(415, "unsupported_media_type",
                   f"POST {QUERY_TYPE} or {FORM_TYPE}, not {mimetype or 'an untyped body'}")


_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*$")


def is_iri(text: str) -> bool:
    """Whether ``text`` is an absolute IRI (a scheme, no spaces, brackets or quotes).

    >>> is_iri("http://kasei.us/2009/09/sparql/data/data1.rdf"), is_iri("data1.rdf"), is_iri("urn:a b")
    (True, False, False)
    """
    return bool(_IRI.match(text))


def read_dataset(params: Params) -> QueryDataset | None:
    """The dataset named by ``default-graph-uri`` / ``named-graph-uri`` (``None``: the query's or the store's)."""
    default, named = tuple(params.all("default-graph-uri")), tuple(params.all("named-graph-uri"))
    for iri in (*default, *named):
        if not is_iri(iri):
            raise bad_request("invalid_graph_uri", f"not an absolute IRI: {iri!r}")
    return QueryDataset(default, named) if default or named else None


def read_timeout(params: Params, maximum: float) -> float:
    """The ``timeout`` parameter (seconds, as in Fuseki), capped by ``GYORYU_QUERY_TIMEOUT``; else the maximum."""
    raw = params.one("timeout")
    if raw is None or not raw.strip():
        return maximum
    try:
        seconds = float(raw)
    except ValueError:
        seconds = float("nan")
    if not math.isfinite(seconds) or seconds <= 0:
        raise bad_request("invalid_timeout", f"`timeout` must be a positive number of seconds, not {raw!r}")
    return min(seconds, maximum)


def choose_format(kind: str, form: str | None = None, params: Params | None = None) -> str:
    """The format name for a query of ``kind`` (``select``, ``ask``, ``graph``) and this request.

    ``form`` names what is asked for in error messages (default: the query form); ``params``: the request's
    parameters if already read.
    """
    formats = formats_for(kind)
    offers = media_offers(formats)
    form = form or ("CONSTRUCT/DESCRIBE queries" if kind == "graph" else f"{kind.upper()} queries")
    params = params or Params()
    asked = [v.strip().lower() for k, v in params.items if k in FORMAT_PARAMS and v.strip()]
    if asked:
        for value in asked:
            fmt = find(value, formats)
            if fmt:
                return fmt.name
        raise bad_request("unknown_format", f"format {asked[0]!r} does not apply to {form}; "
                          "use one of " + ", ".join(accepted_names(formats)))
    accept = request.headers.get("Accept")
    media = pick(accept, list(offers))
    if media is not None:
        return offers[media].name
    if pick(accept, list(media_offers(formats_for("select" if kind == "graph" else "graph")))) is not None:
        # A SPARQL client that names only the other family's types (rdflib's SPARQLStore asks
        # CONSTRUCT for JSON results): answer with this form's default type rather than 406.
        return formats[0].name
    raise ApiError(406, "not_acceptable",
                   f"{form}: results can be sent as " + ", ".join(f.media_type for f in formats))


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    """Answer one read-only SPARQL query."""
    params = Params()
    query = read_query(params)
    if query is None:
        if prefers_html(request.headers.get("Accept")):
            return redirect("/#sparql", code=303)
        raise bad_request("missing_query", "give a SPARQL query as `query=`")
    settings = services().settings
    limit = settings.max_query_length
    if len(query) > limit:
        raise bad_request("query_too_long", f"the query has {len(query)} characters; the limit is {limit}")
    timeout = read_timeout(params, settings.query_timeout)
    dataset = read_dataset(params)
    try:
        engine = require("search") if has_reserved_services(query) else None  # opened once, not timed
        started = time.monotonic()
        query = expand_query(query, lambda: engine)
        kind = check_query(query, None)
        fmt = choose_format(kind, params=params)
        remaining = timeout - (time.monotonic() - started)
        if remaining <= 0:
            raise QueryTimeout(f"query stopped after {timeout:g} s (limit: `timeout`, at most GYORYU_QUERY_TIMEOUT)")
        pool = require("sparql")
        asked = time.perf_counter()
        outcome = pool.run(query, fmt, timeout=remaining, dataset=dataset, base_iri=request.base_url, checked=True)
        took = (time.perf_counter() - asked) * 1000
    except QueryError as exc:
        raise bad_request("bad_query", str(exc)) from exc
    except ResultTooLarge as exc:
        raise ApiError(413, "result_too_large", str(exc)) from exc
    except QueryTimeout as exc:
        raise ApiError(503, "query_timeout", str(exc), {"Retry-After": "5"}) from exc
    resp = Response(outcome.body, status=200, content_type=BY_NAME[fmt].content_type)
    resp.headers["Vary"] = "Accept"  # a new response: no Vary header to merge with
    # the round trip to the query worker, and the worker's own run of the query (serialising included)
    timings = {"query": took} if outcome.seconds is None else {"query": took, "run": outcome.seconds * 1000}
    resp.headers["Server-Timing"] = server_timing(timings)
    return resp
