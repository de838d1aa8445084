"""N-Quads lines as the streaming and incremental builds handle them: split, grouped by graph, parsed back.

Both builds keep each document's graph as the N-Quads lines rdflib wrote for it (in the extraction cache) and
work on those lines, parsing them into rdflib only to validate. Every line here is a quad in a named graph.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from graph.validate import union_graph


def split_quad(line: str) -> tuple[str, str, str, str]:
    """``(subject, predicate, object, graph)`` of an N-Quads line in a named graph: IRIs without their brackets,
    blank nodes as ``_:x``, a literal object as written.

    >>> split_quad('<http://s> <http://p> "a > b"@ko <http://g> .')
    ('http://s', 'http://p', '"a > b"@ko', 'http://g')
    """
    if line.startswith("<"):
        end = line.index(">")
        s, rest = line[1:end], line[end + 2:]
    else:
        end = line.index(" ")
        s, rest = line[:end], line[end + 1:]
    end = rest.index(">")
    p, rest = rest[1:end], rest[end + 2:].removesuffix(" .")
    cut = rest.rindex(" <")
    o, g = rest[:cut], rest[cut + 2:-1]
    return s, p, o[1:-1] if o.startswith("<") else o, g


def graph_of(line: str) -> str:
    """The graph IRI of an N-Quads line in a named graph, without splitting the rest.

    >>> graph_of('<http://s> <http://p> "a <b>" <http://g> .')
    'http://g'
    """
    return line[line.rindex(" <") + 2:line.rindex(">")]


def subject_of(line: str) -> str:
    """The subject of an N-Quads line as :func:`split_quad` gives it (an IRI without brackets, ``_:x``).

    >>> subject_of('_:b1 <http://p> <http://o> <http://g> .')
    '_:b1'
    """
    return line[1:line.index(">")] if line.startswith("<") else line[:line.index(" ")]


def object_text(o: str) -> str:
    """An object of :func:`split_quad` as N-Quads text again.

    >>> object_text('http://o'), object_text('"x"@ko')
    ('<http://o>', '"x"@ko')
    """
    return o if o.startswith(('"', "_:")) else f"<{o}>"


def lexical(o: str) -> str:
    """The lexical form of a literal object of :func:`split_quad`.

    >>> lexical('"0.9"^^<http://www.w3.org/2001/XMLSchema#decimal>')
    '0.9'
    """
    return o[1:o.rindex('"')]


def names_any(line: str, nodes: set[str]) -> bool:
    """Whether the line's subject or object is one of ``nodes``."""
    s, _, o, _ = split_quad(line)
    return s in nodes or o in nodes


def lines_by_graph(lines: Iterable[str]) -> list[list[str]]:
    """The lines grouped by their graph, the graphs in IRI order, each graph's lines in their order."""
    by_graph: dict[str, list[str]] = defaultdict(list)
    for line in lines:
        by_graph[graph_of(line)].append(line)
    return [by_graph[g] for g in sorted(by_graph)]


def lines_to_graph(lines: Iterable[str]) -> Graph:
    """The triples of the lines, whatever their graph, as one rdflib graph (what SHACL validates)."""
    dataset = Dataset()
    dataset.parse(data="\n".join(lines) + "\n", format="nquads")
    return union_graph(dataset)


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@lru_cache(maxsize=1 << 20)  # IRIs and literals repeat: each rdflib term is checked and made once
def rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """A pyoxigraph term as the rdflib term rdflib's own N-Quads parser would give."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))


class GraphFileQuads:
    """The quads of a ``graph.nq`` as rdflib terms, read from the file each time: what the index build reads
    (``quads((None, None, None, None))``) without an rdflib ``Dataset`` of the whole graph."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def quads(self, pattern: tuple = (None, None, None, None)) -> Iterator[tuple]:
        """Every quad of the file (only the whole file can be read)."""
        if any(term is not None for term in pattern):
            raise ValueError("only the whole file can be read")
        for q in ox.parse(path=str(self.path), format=ox.RdfFormat.N_QUADS):
            graph = None if isinstance(q.graph_name, ox.DefaultGraph) else rdflib_term(q.graph_name)
            yield rdflib_term(q.subject), rdflib_term(q.predicate), rdflib_term(q.object), graph
