"""Publishing a graph whose automatic facts may break a shape: such facts are set aside, never the build.

The general readers run on any document a user brings, so one odd document must not block a folder. The
whole graph (after the cross-document pass) is validated; when every violation's focus node is an
automatic fact node (``gy:extractionMethod "automatic"`` and no ``"curated"``), those nodes' own triples
(and the links to them) are removed from every graph, each is listed in the build report as a
``rejected`` issue (document, line, every violated constraint), and the graph is validated again. A violation
by any other node (a curated fact, the registry, the vocabulary) fails as before. The per-document
extraction cache is untouched: this runs on the set of document graphs, so it is the same for a clean
build and for any sequence of ingest and remove.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from graph.facts import AUTOMATIC
from graph.report import ExtractionReport
from graph.validate import union_graph, validate_graph_results
from ontology.namespaces import GY, ID, PROV, RDFS, SCHEMA, bind_prefixes

REJECTED = "rejected"
_NAMES = bind_prefixes(Graph()).namespace_manager


@dataclass(frozen=True)
class Violation:
    """One ``sh:Violation`` of the report: its focus node and the constraint it breaks, as text."""

    focus: Node
    constraint: str


def violations(results: Graph) -> list[Violation]:
    """The violations (not warnings) of a pyshacl results graph, in a fixed order."""
    found = set()
    for result in results.subjects(SH.resultSeverity, SH.Violation):
        focus = results.value(result, SH.focusNode)
        component = results.value(result, SH.sourceConstraintComponent)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        what = _short(component).removesuffix("ConstraintComponent")
        text = f"{what} on {_short(path)}" if path is not None else what
        found.add(Violation(focus, f"{text}: {message}" if message else text))
    return sorted(found, key=lambda v: (str(v.focus), v.constraint))


def _short(term: Node | None) -> str:
    if isinstance(term, URIRef):
        try:
            return _NAMES.normalizeUri(term)
        except ValueError:
            return str(term)
    return str(term)


def is_automatic(data: Graph, node: Node) -> bool:
    """``node`` is a fact node a general reader made, and no curated reader states it."""
    return {str(o) for o in data.objects(node, GY.extractionMethod)} == {AUTOMATIC}


def validate_setting_aside(dataset: Dataset, report: ExtractionReport) -> tuple[bool, str]:
    """``(conforms, report text)`` after setting aside every automatic fact node that breaks a shape.

    Removes those nodes from ``dataset`` and records each in ``report``; returns ``False`` (with the
    SHACL report) when a violation remains whose focus node is not an automatic fact node.
    """
    while True:
        data = union_graph(dataset)
        conforms, results, text = validate_graph_results(data)
        if conforms:
            return True, text
        found = violations(results)
        if not found or not all(is_automatic(data, v.focus) for v in found):
            return False, text
        broken: dict[Node, list[str]] = {}
        for v in found:
            broken.setdefault(v.focus, []).append(v.constraint)
        for node, constraints in broken.items():
            report_rejected(report, data, node, constraints)
            _remove(dataset, node)


def report_rejected(report: ExtractionReport, data: Graph, node: Node, constraints: list[str]) -> None:
    """Record ``node`` as set aside for breaking ``constraints``: a ``rejected`` issue at each line it came from."""
    for doc, line in _sources(data, node):
        report.add_issue(REJECTED, doc, line, _name(node), "; ".join(constraints))


def _sources(data: Graph, node: Node) -> list[tuple[str, int]]:
    """``(document id, first line)`` of every span ``node`` was derived from."""
    out = set()
    for span in data.objects(node, PROV.wasDerivedFrom):
        doc = data.value(data.value(span, GY.document), SCHEMA.identifier)
        label, start = data.value(span, RDFS.label), data.value(span, GY.lineStart)
        doc_id = str(doc) if doc is not None else str(label).rsplit(":", 1)[0]
        out.add((doc_id, int(start) if isinstance(start, Literal) else 0))
    return sorted(out) or [("", 0)]


def _name(node: Node) -> str:
    return str(node).removeprefix(str(ID))


def _remove(dataset: Dataset, node: Node) -> None:
    """Every quad with ``node`` as subject or object, in every graph."""
    for graph in list(dataset.graphs()):
        graph.remove((node, None, None))
        graph.remove((None, None, node))
