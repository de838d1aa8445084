"""Reserved ``SERVICE`` blocks (``gy:search``, ``gy:similar``): evaluated locally, replaced by ``VALUES``.

A query such as ::

    SELECT ?entity ?score WHERE {
      SERVICE gy:search { ?hit gy:query "청소년 교류" ; gy:limit 5 ; gy:score ?score ; gy:about ?entity . }
      ?entity a gy:Region .
    }

is rewritten before it reaches the SPARQL engine: the block's inputs (constants) go to an evaluator
(the search index, in ``index/``), and its outputs (variables) come back as rows that replace the
block as an inline ``VALUES`` table, so they join with the rest of the query like any other
pattern. Nothing is ever fetched; a ``SERVICE`` with any other IRI is left for the query check to
refuse.

>>> calls = []
>>> def fake(call):
...     calls.append(call)
...     return [{"subject": ox.NamedNode("http://x/1"), "score": ox.Literal(0.5)}]
>>> print(expand_services('SELECT * { SERVICE gy:similar { ?r gy:need "youth" ; gy:score ?s } }', fake))
SELECT * { VALUES (?r ?s) { (<http://x/1> "0.5"^^<http://www.w3.org/2001/XMLSchema#double>) } }
>>> calls[0].service, calls[0].inputs
('similar', {'need': 'youth'})
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from graph.sparql import QueryError
from graph.sparql_tokens import Token, declared_prefixes, iri_of, tokens
from ontology.namespaces import GY

GY_NS = str(GY)
XSD_NS = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True)
class ServiceSpec:
    """One reserved service: its inputs (name → Python type) and the outputs it can bind."""

    inputs: dict[str, type]
    required: tuple[tuple[str, ...], ...]  # each tuple: exactly one of these inputs must be given
    outputs: tuple[str, ...]


#: The reserved services under ``gy:`` — one table, read by the parser, the evaluator and the tests.
SERVICES: dict[str, ServiceSpec] = {
    "search": ServiceSpec(inputs={"query": str, "limit": int, "mode": str}, required=(("query",),),
                          outputs=("score", "doc", "lineStart", "lineEnd", "text", "about")),
    "similar": ServiceSpec(inputs={"like": ox.NamedNode, "need": str, "limit": int, "includeExisting": bool},
                           required=(("like", "need"),), outputs=("score",)),
}
DEFAULT_LIMIT = 10


class ServiceError(QueryError):
    """A reserved SERVICE block is malformed (an HTTP 400, a CLI error)."""


@dataclass
class ServiceCall:
    """One reserved block: the service name, its constant inputs and the variables of its outputs."""

    service: str
    subject: str  # variable name bound to each result (a passage or a region)
    inputs: dict[str, object] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)  # output name → variable name

    @property
    def limit(self) -> int:
        """The number of results asked for (``gy:limit``, default 10)."""
        return int(self.inputs.get("limit", DEFAULT_LIMIT))  # type: ignore[call-overload]


#: A row of results: ``"subject"`` and output names → RDF terms (missing names stay unbound).
Row = dict[str, ox.NamedNode | ox.Literal]
Evaluator = Callable[[ServiceCall], list[Row]]

def _iri(tok: Token, prefixes: dict[str, str]) -> str | None:
    if tok.kind == "pname" and tok.text.partition(":")[0] not in prefixes:
        raise ServiceError(f"unknown prefix {tok.text.partition(':')[0]!r} in {tok.text}")
    return iri_of(tok, prefixes)


def _unescape(body: str) -> str:
    escapes = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(0)), body)


def _constant(toks: list[Token], i: int, prefixes: dict[str, str]) -> tuple[object, int]:
    """The Python value of the constant term at ``toks[i]`` and the index after it."""
    tok = toks[i]
    if tok.kind == "string":
        quote = 3 if tok.text[:3] in ('"""', "'''") else 1
        value = _unescape(tok.text[quote:-quote])
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and nxt.kind == "lang":
            return value, i + 2
        if nxt is not None and nxt.text == "^^" and i + 2 < len(toks):
            datatype = _iri(toks[i + 2], prefixes)
            if datatype in (XSD_NS + "integer", XSD_NS + "int", XSD_NS + "long"):
                return _integer(value, tok.text), i + 3
            if datatype == XSD_NS + "boolean":
                return _boolean(value, tok.text), i + 3
            return value, i + 3
        return value, i + 1
    if tok.kind == "number":
        return _integer(tok.text, tok.text), i + 1
    if tok.kind == "word" and tok.text in ("true", "false"):
        return tok.text == "true", i + 1
    iri = _iri(tok, prefixes)
    if iri is not None:
        return ox.NamedNode(iri), i + 1
    raise ServiceError(f"expected a constant value, found {tok.text!r}")


def _integer(value: str, shown: str) -> int:
    if not re.fullmatch(r"[+-]?\d+", value):
        raise ServiceError(f"expected an integer, found {shown}")
    return int(value)


def _boolean(value: str, shown: str) -> bool:
    if value not in ("true", "false"):
        raise ServiceError(f"expected true or false, found {shown}")
    return value == "true"


def _check_type(service: str, name: str, value: object) -> object:
    wanted = SERVICES[service].inputs[name]
    if wanted is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if wanted is not int and isinstance(value, wanted):
        return value
    kind = {str: "a string", int: "an integer", bool: "true or false", ox.NamedNode: "an IRI"}[wanted]
    raise ServiceError(f"gy:{name} of gy:{service} must be {kind}, got {value!r}")


def _parse_block(service: str, toks: list[Token], prefixes: dict[str, str]) -> ServiceCall:
    """The triple patterns inside one reserved block (``toks`` excludes the braces)."""
    spec = SERVICES[service]
    if not toks or toks[0].kind != "var":
        raise ServiceError(f"gy:{service} expects a block like {{ ?result gy:… }}: its subject must be a variable")
    call = ServiceCall(service, toks[0].text[1:])
    i = 1
    while i < len(toks):
        name_iri = _iri(toks[i], prefixes) if toks[i].text != "a" else None
        if name_iri is None or not name_iri.startswith(GY_NS):
            raise ServiceError(f"unexpected {toks[i].text!r} in gy:{service}: use gy: inputs "
                               f"({', '.join(spec.inputs)}) and outputs ({', '.join(spec.outputs)})")
        name = name_iri[len(GY_NS):]
        if name not in spec.inputs and name not in spec.outputs:
            raise ServiceError(f"gy:{name} is not a term of gy:{service}: inputs are "
                               f"{', '.join(spec.inputs)}; outputs are {', '.join(spec.outputs)}")
        i += 1
        while True:
            if i >= len(toks):
                raise ServiceError(f"gy:{name} in gy:{service} has no value")
            if name in spec.outputs:
                if toks[i].kind != "var":
                    raise ServiceError(f"gy:{name} is an output of gy:{service}: give a variable")
                variable = toks[i].text[1:]
                if name in call.outputs or variable == call.subject or variable in call.outputs.values():
                    raise ServiceError(f"gy:{service}: each output takes one variable of its own ({toks[i].text})")
                call.outputs[name] = variable
                i += 1
            else:
                if toks[i].kind == "var":
                    raise ServiceError(f"gy:{name} is an input of gy:{service}: give a constant, not {toks[i].text}")
                value, i = _constant(toks, i, prefixes)
                if name in call.inputs:
                    raise ServiceError(f"gy:{name} is given twice in gy:{service}")
                call.inputs[name] = _check_type(service, name, value)
            if i < len(toks) and toks[i].text == ",":
                i += 1
                continue
            break
        if i < len(toks) and toks[i].text in (";", "."):
            while i < len(toks) and toks[i].text in (";", "."):
                i += 1
        elif i < len(toks):
            raise ServiceError(f"unexpected {toks[i].text!r} in gy:{service}")
    for choice in spec.required:
        given = [n for n in choice if n in call.inputs]
        if len(given) != 1:
            raise ServiceError(f"gy:{service} needs exactly one of " + ", ".join(f"gy:{n}" for n in choice))
    return call


def _closing(toks: list[Token], i: int) -> int:
    """Index of the ``}`` closing the ``{`` at ``toks[i]`` (reserved blocks hold no nested groups)."""
    for j in range(i + 1, len(toks)):
        if toks[j].text == "{":
            raise ServiceError("a gy: SERVICE block holds triple patterns only, no nested groups")
        if toks[j].text == "}":
            return j
    raise ServiceError("a SERVICE block is not closed with }")


@dataclass(frozen=True)
class ReservedBlock:
    """Where a reserved block sits in the query text, and what it asks."""

    start: int
    end: int
    call: ServiceCall


def reserved_blocks(text: str) -> Iterator[ReservedBlock]:
    """The ``SERVICE gy:search`` / ``SERVICE gy:similar`` blocks of ``text``, in order."""
    toks = tokens(text)
    prefixes = declared_prefixes(toks)
    i = 0
    while i < len(toks):
        tok = toks[i]
        if not (tok.kind == "word" and tok.text.upper() == "SERVICE"):
            i += 1
            continue
        j = i + 1
        if j < len(toks) and toks[j].kind == "word" and toks[j].text.upper() == "SILENT":
            j += 1
        iri = _iri(toks[j], prefixes) if j < len(toks) else None
        name = iri[len(GY_NS):] if iri and iri.startswith(GY_NS) else None
        if name not in SERVICES:
            i = j
            continue
        if j + 1 >= len(toks) or toks[j + 1].text != "{":
            raise ServiceError(f"SERVICE gy:{name} must be followed by {{ … }}")
        close = _closing(toks, j + 1)
        yield ReservedBlock(tok.start, toks[close].end, _parse_block(name, toks[j + 2:close], prefixes))
        i = close + 1


def has_reserved_services(text: str) -> bool:
    """Whether ``text`` uses ``gy:search`` or ``gy:similar`` (cheap check before loading the index)."""
    if "SERVICE" not in text.upper():  # most queries: no need to cut them into tokens
        return False
    try:
        return next(reserved_blocks(text), None) is not None
    except ServiceError:
        return True


def values_block(call: ServiceCall, rows: list[Row]) -> str:
    """The inline data replacing a reserved block: one column per bound variable, one line per row."""
    names = ["subject", *call.outputs]
    variables = [call.subject, *call.outputs.values()]
    lines = []
    for row in rows:
        cells = [str(row[n]) if row.get(n) is not None else "UNDEF" for n in names]
        lines.append("(" + " ".join(cells) + ")")
    return f"VALUES ({' '.join('?' + v for v in variables)}) {{ {' '.join(lines)} }}"


def expand_services(text: str, evaluate: Evaluator) -> str:
    """``text`` with every reserved block replaced by the ``VALUES`` of its evaluated results."""
    out, last = [], 0
    for block in reserved_blocks(text):
        try:
            rows = evaluate(block.call)
        except (ValueError, LookupError) as exc:
            raise ServiceError(f"gy:{block.call.service}: {exc}") from exc
        out += [text[last:block.start], values_block(block.call, rows)]
        last = block.end
    return "".join(out) + text[last:] if out else text
