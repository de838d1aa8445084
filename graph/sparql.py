"""Read-only SPARQL with limits: syntax and safety checks, result formats, and a stoppable worker.

Neither rdflib nor pyoxigraph can time out a query, so the server runs queries in a separate
worker process (:class:`QueryService`) that is killed and restarted when a query outlives the
time limit. The command line runs them in-process (:func:`execute`).

>>> check_query("SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }", 1000)
Traceback (most recent call last):
...
graph.sparql.QueryError: SERVICE is not allowed: this endpoint never fetches other endpoints
>>> check_query("DELETE WHERE { ?s ?p ?o }", 1000)
Traceback (most recent call last):
...
graph.sparql.QueryError: updates are not allowed: this endpoint is read-only (found DELETE)
>>> query_kind("PREFIX x: <http://x/> # SELECT\\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
'graph'
"""

from __future__ import annotations

import multiprocessing as mp
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.store import PREFIX_MAP, GraphStore, open_store


class QueryError(ValueError):
    """The query is malformed or not allowed (HTTP 400)."""

    code = "bad_query"


class QueryTimeout(RuntimeError):
    """The query ran past the time limit and was stopped (HTTP 503)."""

    code = "timeout"


class ResultTooLarge(RuntimeError):
    """The result has more rows or triples than allowed (HTTP 413)."""

    code = "too_large"


#: Output formats: name → (pyoxigraph format, media type). Result sets and graphs separately.
RESULT_FORMATS = {
    "json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "csv": (ox.QueryResultsFormat.CSV, "text/csv"),
    "tsv": (ox.QueryResultsFormat.TSV, "text/tab-separated-values"),
}
GRAPH_FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json"),
    "rdfxml": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
}
#: Formats the command line offers on top (rendered here, not by pyoxigraph).
TEXT_FORMATS = ("table",)

_UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
_STRIP = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                    r'|<[^<>\s]*>|#[^\n]*')
_KIND = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


@dataclass(frozen=True)
class QueryOutcome:
    """A serialised result."""

    kind: str  # select | ask | graph
    body: bytes
    media_type: str
    count: int | None = None


def _code(text: str) -> str:
    """The query without strings, IRIs and comments (so keywords inside them do not count)."""
    return _STRIP.sub(" ", text)


def _keyword(word: str, code: str) -> bool:
    """Whether ``word`` occurs as a keyword (not a variable, prefix or prefixed name)."""
    return re.search(rf"(?<![?$:\w]){word}(?![:\w])", code) is not None


def query_kind(text: str) -> str:
    """``select``, ``ask`` or ``graph`` (CONSTRUCT/DESCRIBE) — from the first query-form keyword."""
    m = _KIND.search(_code(text))
    if not m:
        raise QueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    word = m.group(1).upper()
    return {"SELECT": "select", "ASK": "ask"}.get(word, "graph")


def check_query(text: str, max_length: int | None) -> str:
    """Reject empty, over-long (unless ``max_length`` is None), update and ``SERVICE`` queries; the query kind."""
    if not text or not text.strip():
        raise QueryError("empty query")
    if max_length is not None and len(text) > max_length:
        raise QueryError(f"query is {len(text)} characters; the limit is {max_length}")
    code = _code(text).upper()
    if _keyword("SERVICE", code):
        raise QueryError("SERVICE is not allowed: this endpoint never fetches other endpoints")
    for word in _UPDATE_WORDS:
        if _keyword(word, code):
            raise QueryError(f"updates are not allowed: this endpoint is read-only (found {word})")
    return query_kind(text)


def _run(store: GraphStore, text: str):
    try:
        return store.query(text)
    except SyntaxError as exc:
        raise QueryError(f"syntax error: {exc}") from exc
    except OSError as exc:
        raise QueryError(f"query failed: {exc}") from exc


def execute(store: GraphStore, text: str, fmt: str, *, max_length: int | None = 20000,
            max_results: int = 10000) -> QueryOutcome:
    """Check, run and serialise one query in this process (``max_length=None``: length checked by the caller)."""
    check_query(text, max_length)
    result = _run(store, text)
    if isinstance(result, ox.QueryBoolean):
        fmt = fmt if fmt in RESULT_FORMATS else "json"
        ox_format, media = RESULT_FORMATS[fmt]
        return QueryOutcome("ask", result.serialize(format=ox_format), media, None)
    if isinstance(result, ox.QuerySolutions):
        count = sum(1 for _ in _bounded(result, max_results))
        result = _run(store, text)
        if fmt == "table":
            return QueryOutcome("select", render_table(result).encode(), "text/plain; charset=utf-8", count)
        if fmt not in RESULT_FORMATS:
            raise QueryError(f"format {fmt!r} does not fit a SELECT query; use one of "
                             f"{', '.join([*RESULT_FORMATS, *TEXT_FORMATS])}")
        ox_format, media = RESULT_FORMATS[fmt]
        return QueryOutcome("select", result.serialize(format=ox_format), media, count)
    triples = list(_bounded(result, max_results))
    fmt = fmt if fmt in GRAPH_FORMATS else "turtle"
    ox_format, media = GRAPH_FORMATS[fmt]
    body = ox.serialize(triples, format=ox_format, prefixes=PREFIX_MAP) if ox_format in (
        ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else ox.serialize(triples, format=ox_format)
    return QueryOutcome("graph", body, media, len(triples))


def _bounded(iterable, limit: int):
    for n, item in enumerate(iterable):
        if n >= limit:
            raise ResultTooLarge(f"more than {limit} results: add a LIMIT or narrow the query")
        yield item


def _term_text(term) -> str:
    if term is None:
        return ""
    return term.value if hasattr(term, "value") else str(term)


def render_table(solutions: ox.QuerySolutions) -> str:
    """A plain-text table of SELECT results, with short prefixed names for IRIs."""
    names = [v.value for v in solutions.variables]
    rows = [[_shorten(_term_text(s[name])) for name in names] for s in solutions]
    widths = [max([_width(n), *(_width(r[i]) for r in rows)]) for i, n in enumerate(names)]
    line = "  ".join(_pad(n, w) for n, w in zip(names, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)) for r in rows]
    out.append(f"({len(rows)} rows)")
    return "\n".join(out) + "\n"


def _shorten(value: str) -> str:
    for prefix, iri in sorted(PREFIX_MAP.items(), key=lambda kv: -len(kv[1])):
        if value.startswith(iri) and " " not in value:
            return f"{prefix}:{value[len(iri):]}"
    return value


def _width(text: str) -> int:
    """Display width: Hangul and CJK take two columns."""
    return sum(2 if "\u1100" <= ch <= "\uffdc" and not ch.isascii() else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


# -- the stoppable worker ------------------------------------------------------------------------------

def _worker_main(data_dir: str, store_setting: str, max_results: int, conn) -> None:
    store = open_store(Path(data_dir), store_setting)
    conn.send(("ready", None))
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        text, fmt = request
        try:
            outcome = execute(store, text, fmt, max_length=None, max_results=max_results)
            conn.send(("ok", outcome))
        except (QueryError, ResultTooLarge) as exc:
            conn.send((type(exc).__name__, str(exc)))
        except Exception as exc:  # noqa: BLE001 - reported to the caller, the worker lives on
            conn.send(("QueryError", f"query failed: {exc}"))


class QueryService:
    """Runs queries in a worker process that is killed and restarted when a query takes too long."""

    _ERRORS = {"QueryError": QueryError, "ResultTooLarge": ResultTooLarge}

    def __init__(self, data_dir: Path, *, timeout: float = 10.0, max_length: int = 20000,
                 max_results: int = 10000, store_setting: str = "oxigraph", startup_timeout: float = 120.0) -> None:
        self.data_dir = Path(data_dir)
        self.timeout = timeout
        self.max_length = max_length
        self.max_results = max_results
        self.store_setting = store_setting
        self.startup_timeout = startup_timeout
        self._lock = threading.Lock()
        self._proc: mp.process.BaseProcess | None = None
        self._conn = None

    @classmethod
    def from_settings(cls, settings) -> QueryService:
        """A service configured by :class:`runtime.settings.Settings`."""
        return cls(settings.data_dir, timeout=settings.query_timeout, max_length=settings.max_query_length,
                   max_results=settings.max_results, store_setting=settings.store)

    def _start(self) -> None:
        ctx = mp.get_context("spawn")
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker_main, daemon=True, args=(
            str(self.data_dir), self.store_setting, self.max_results, child))
        proc.start()
        if not parent.poll(self.startup_timeout):
            proc.kill()
            raise RuntimeError("the SPARQL worker did not start")
        status, detail = parent.recv()
        if status != "ready":
            proc.kill()
            raise RuntimeError(f"the SPARQL worker failed to start: {detail}")
        self._proc, self._conn = proc, parent

    def _stop(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join(5)
        self._proc, self._conn = None, None

    def execute(self, text: str, fmt: str = "json", *, timeout: float | None = None,
                length_checked: bool = False) -> QueryOutcome:
        """Check the query here, run it in the worker, and stop the worker if it runs past ``timeout``.

        ``timeout`` (default: the service's) is what remains of the time limit; ``length_checked``
        says the caller already held the user's text to the length limit (an expanded query with
        search results inlined may be longer).
        """
        check_query(text, None if length_checked else self.max_length)
        limit = self.timeout if timeout is None else min(timeout, self.timeout)
        with self._lock:
            if self._proc is None or not self._proc.is_alive():
                self._start()
            assert self._conn is not None
            self._conn.send((text, fmt))
            if not self._conn.poll(max(limit, 0.0)):
                self._stop()
                raise QueryTimeout(f"query stopped after {self.timeout:g} s (GYORYU_QUERY_TIMEOUT)")
            status, payload = self._conn.recv()
        if status == "ok":
            return payload
        raise self._ERRORS.get(status, QueryError)(payload)

    def close(self) -> None:
        """Stop the worker."""
        with self._lock:
            self._stop()
