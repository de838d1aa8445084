"""Read-only SPARQL with limits: syntax and safety checks, result formats, and one execution.

:func:`execute` checks, runs (once) and serialises a query over a ``graph.store`` store. The
command line calls it in-process; the server calls it in the stoppable worker processes of
:mod:`graph.query_pool`, since pyoxigraph cannot interrupt a running query. Importing this module
is cheap (no rdflib), so a replacement worker starts in a fraction of a second.

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

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyoxigraph as ox

from graph.result_formats import BY_NAME, ResultFormat, formats_for
from graph.store import PREFIX_MAP, QueryDataset

if TYPE_CHECKING:
    from graph.store import GraphStore


class QueryError(ValueError):
    """The query is malformed or not allowed (HTTP 400)."""

    code = "bad_query"


class QueryTimeout(RuntimeError):
    """The query ran past the time limit and was stopped (HTTP 503)."""

    code = "timeout"


class ResultTooLarge(RuntimeError):
    """The result has more rows or triples than allowed (HTTP 413)."""

    code = "too_large"


_UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
_STRIP = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                    r'|<[^<>\s]*>|#[^\n]*')
#: A run of letters neither preceded by ``?``, ``$``, ``:`` or a word character nor followed by ``:`` or one.
_KEYWORD = re.compile(r"(?<![?$:\w])[A-Z]+(?![:\w])")
_KIND = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


@dataclass(frozen=True)
class QueryOutcome:
    """A serialised result."""

    kind: str  # select | ask | graph
    body: bytes
    media_type: str
    count: int | None = None
    #: Seconds the query worker took to run and serialise it (set by :mod:`graph.query_worker`).
    seconds: float | None = None


def _code(text: str) -> str:
    """The query without strings, IRIs and comments (so keywords inside them do not count)."""
    return _STRIP.sub(" ", text)


def _keywords(code: str) -> set[str]:
    """The words of upper-cased ``code`` that stand as keywords (not in a variable, prefix or prefixed name).

    >>> sorted(_keywords("SELECT ?DELETE WHERE { X:ADD ADD: ?S LOAD1 } INSERT"))
    ['INSERT', 'SELECT', 'WHERE']
    """
    return set(_KEYWORD.findall(code))


def query_kind(text: str, code: str | None = None) -> str:
    """``select``, ``ask`` or ``graph`` (CONSTRUCT/DESCRIBE) — from the first query-form keyword (``code``: the
    query already without strings, IRIs and comments)."""
    m = _KIND.search(_code(text) if code is None else code)
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
    code = _code(text)
    keywords = _keywords(code.upper())  # one pass over the text, not one per keyword
    if "SERVICE" in keywords:
        raise QueryError("SERVICE is not allowed: this endpoint never fetches other endpoints")
    for word in _UPDATE_WORDS:
        if word in keywords:
            raise QueryError(f"updates are not allowed: this endpoint is read-only (found {word})")
    return query_kind(text, code)


def _run(store: GraphStore, text: str, dataset: QueryDataset | None, base_iri: str | None,
         timeout: float | None = None):
    try:
        return store.query(text, dataset, base_iri, timeout=timeout)
    except TimeoutError as exc:  # a remote store stopped the query at its limit, or did not answer in time
        raise QueryTimeout(f"query stopped: {exc}") from exc
    except SyntaxError as exc:
        raise QueryError(f"syntax error: {exc}") from exc
    except OSError as exc:
        raise QueryError(f"query failed: {exc}") from exc


#: Fewest bytes one result row takes in each format (an empty JSON binding ``{},``, an XML
#: ``<result></result>``, an empty CSV or TSV line): a body shorter than ``limit × this`` cannot
#: hold more than ``limit`` rows, so only longer bodies are counted.
_MIN_ROW_BYTES = {"json": 3, "xml": 17, "csv": 2, "tsv": 1}
#: Largest serialised result accepted, per allowed row (guards memory before rows can be counted).
BYTES_PER_ROW = 4096


class _CappedBuffer:
    """A binary writer that stops the serialiser once the output passes ``cap`` bytes."""

    def __init__(self, cap: int, rows: int) -> None:
        self.parts: list[bytes] = []
        self.size = 0
        self.cap = cap
        self.rows = rows

    def write(self, chunk: bytes) -> int:
        self.size += len(chunk)
        if self.size > self.cap:
            raise ResultTooLarge(f"the result passes {self.cap // 1_000_000} MB (more than {self.rows} rows "
                                 "allowed): add a LIMIT or narrow the query")
        self.parts.append(bytes(chunk))
        return len(chunk)

    def flush(self) -> None:
        """Nothing to flush: the parts are joined at the end."""


def _serialize_solutions(result: ox.QuerySolutions, fmt: ResultFormat,
                         max_results: int) -> tuple[bytes, int | None]:
    """Serialise once; count rows (by parsing the body back) only when the body could hold too many."""
    ox_format = fmt.store_format
    buffer = _CappedBuffer(max_results * BYTES_PER_ROW, max_results)
    try:
        result.serialize(buffer, format=ox_format)
    except OSError as exc:
        raise QueryError(f"query failed: {exc}") from exc
    body = b"".join(buffer.parts)
    if len(body) <= max_results * _MIN_ROW_BYTES[fmt.name]:
        return body, None
    if fmt.name == "csv":  # pyoxigraph does not read CSV results back (lossy); the csv module does, quotes and all
        rows: Iterable = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))[1:]
    else:
        rows = ox.parse_query_results(body, format=ox_format)
    count = sum(1 for _ in _bounded(rows, max_results))
    return body, count


def execute(store: GraphStore, text: str, fmt: str, *, dataset: QueryDataset | None = None,
            base_iri: str | None = None, max_length: int | None = 20000, max_results: int = 10000,
            timeout: float | None = None, checked: bool = False) -> QueryOutcome:
    """Check, run (once) and serialise one query in this process, over ``dataset`` if given.

    ``max_length=None``: the caller already held the user's text to the length limit; ``checked``: the
    caller already passed it through :func:`check_query` (a query is checked once). ``timeout``:
    seconds left, passed to a store that stops queries itself (:class:`QueryTimeout` past it).
    """
    if not checked:
        check_query(text, max_length)
    result = _run(store, text, dataset, base_iri, timeout)
    if isinstance(result, ox.QueryBoolean):
        chosen = _in(fmt, "ask") or BY_NAME["json"]
        return QueryOutcome("ask", result.serialize(format=chosen.store_format), chosen.media_type, None)
    if isinstance(result, ox.QuerySolutions):
        if fmt == "table":
            return QueryOutcome("select", render_table(result, max_results).encode(), BY_NAME["table"].content_type)
        chosen = _in(fmt, "select")
        if chosen is None:
            raise QueryError(f"format {fmt!r} does not fit a SELECT query; use one of "
                             f"{', '.join([*(f.name for f in formats_for('select')), 'table'])}")
        body, count = _serialize_solutions(result, chosen, max_results)
        return QueryOutcome("select", body, chosen.media_type, count)
    triples = list(_bounded(result, max_results))
    chosen = _in(fmt, "graph") or BY_NAME["turtle"]
    return QueryOutcome("graph", serialize_triples(triples, chosen.store_format, store.prefixes), chosen.media_type,
                        len(triples))


def _in(fmt: str, kind: str) -> ResultFormat | None:
    """The format named ``fmt`` if it serves queries of ``kind``, else ``None``."""
    return next((f for f in formats_for(kind) if f.name == fmt), None)


def serialize_triples(triples: list[ox.Triple], ox_format: ox.RdfFormat, prefixes: dict[str, str]) -> bytes:
    """Triples in ``ox_format``; Turtle, TriG and RDF/XML with our prefixes declared."""
    if ox_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML):
        return ox.serialize(triples, format=ox_format, prefixes=prefixes)
    return ox.serialize(triples, format=ox_format)


def _bounded(iterable, limit: int):
    for n, item in enumerate(iterable):
        if n >= limit:
            raise ResultTooLarge(f"more than {limit} results: add a LIMIT or narrow the query")
        yield item


def _term_text(term) -> str:
    if term is None:
        return ""
    return term.value if hasattr(term, "value") else str(term)


def render_table(solutions: ox.QuerySolutions, max_results: int) -> str:
    """A plain-text table of SELECT results, with short prefixed names for IRIs."""
    names = [v.value for v in solutions.variables]
    rows = [[_shorten(_term_text(s[name])) for name in names] for s in _bounded(solutions, max_results)]
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
