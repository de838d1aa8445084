"""SHACL on batches of graphs given as N-Quads lines: automatic facts that break a shape are set aside.

The streaming build validates its documents batch by batch and the incremental build the graphs an ingest
touches; neither holds the whole graph. A batch is validated with the types of every node it points to as
context (``sh:class`` needs them) and judges only its own nodes; a node described in several graphs is
judged once on its descriptions gathered from all of them (:meth:`BatchValidator.check_shared`). Broken
automatic fact nodes are set aside as :mod:`graph.set_aside` does on a whole dataset.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.term import Node

from graph.quad_lines import lines_to_graph, names_any, split_quad
from graph.reconcile_lines import DERIVED_FROM, TYPE, LineIndexes, ReconcilePlan
from graph.report import ExtractionReport
from graph.set_aside import is_automatic, report_rejected, violations
from graph.validate import validate_graph_results
from ontology.namespaces import RDF


class StreamValidationError(ValueError):
    """A node that is not an automatic fact breaks a shape: the build fails (the violations are the message)."""


class BatchValidator:
    """Validates batches of graphs with their context, sets aside broken automatic facts, writes the rest.

    ``runs``: the folder each batch's remaining lines are written to as a sorted run (``None``: not written);
    ``set_aside``: nodes already set aside, left out of every batch."""

    def __init__(self, ix: LineIndexes, plan: ReconcilePlan, report: ExtractionReport, runs: Path | None,
                 validate: bool = True, set_aside: set[str] | None = None) -> None:
        self.ix, self.plan, self.report, self.runs = ix, plan, report, runs
        self.validate = validate
        self.set_aside: set[str] = set(set_aside or ())
        self.shared_lines: dict[str, set[str]] = defaultdict(set)
        self.run_files: list[Path] = []

    def context(self, data: Graph) -> None:
        """Add the types every node ``data`` points to has anywhere (``sh:class`` needs them)."""
        for o in set(data.objects()):
            if isinstance(o, URIRef):
                for t in self.ix.types.get(str(o), ()):
                    data.add((o, RDF.type, URIRef(t)))

    def check(self, data: Graph, focus: set[Node], where: str) -> set[str]:
        """Validate ``data``, judging only the nodes of ``focus`` (context nodes carry only their types); the
        automatic fact nodes set aside (raises :class:`StreamValidationError` on any other violation)."""
        removed: set[str] = set()
        while focus:
            _, results, _ = validate_graph_results(data)
            found = [v for v in violations(results) if v.focus in focus]
            if not found:
                break
            if not all(is_automatic(data, v.focus) for v in found):
                raise StreamValidationError(f"{where}: the graph does not conform to ontology/shapes.ttl:\n"
                                            + "\n".join(f"  {v.focus}: {v.constraint}" for v in found))
            broken: dict[Node, list[str]] = {}
            for v in found:
                broken.setdefault(v.focus, []).append(v.constraint)
            for node, constraints in broken.items():
                report_rejected(self.report, data, node, constraints)
                data.remove((node, None, None))
                data.remove((None, None, node))
                removed.add(str(node))
            focus = {n for n in focus if str(n) not in removed}
        return removed

    def batch(self, graphs: list[list[str]]) -> None:
        """Validate and write one batch of graphs (each its reconciled lines)."""
        lines = [line for g in graphs for line in g]
        if self.validate:
            focus = set()
            for g in graphs:
                spans = set()
                for line in g:
                    s, p, o, _ = split_quad(line)
                    if s in self.plan.shared:
                        self.shared_lines[s].add(line)
                        if p == DERIVED_FROM:
                            spans.add(o)
                    elif p == TYPE and not s.startswith("_:"):
                        focus.add(URIRef(s))
                for line in g:  # the spans shared nodes' provenance names, for the report
                    s = split_quad(line)[0]
                    if s in spans:
                        self.shared_lines[s].add(line)
            data = lines_to_graph(lines)
            self.context(data)
            removed = self.check(data, focus, split_quad(lines[0])[3] if lines else "")
            if removed:
                self.set_aside |= removed
                lines = [line for line in lines if not names_any(line, removed)]
        if self.runs is not None:
            self.write(lines)

    def write(self, lines: list[str]) -> None:
        """Write ``lines`` as the next sorted run, without repeats."""
        lines = sorted(set(lines))
        if not lines:
            return
        run = self.runs / f"run-{len(self.run_files):06d}.nq"
        run.write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.run_files.append(run)

    def check_shared(self) -> None:
        """Validate each node described by several graphs once, on its descriptions gathered from all of them."""
        if not self.validate:
            return
        lines = [line for held in self.shared_lines.values() for line in held if not names_any(line, self.set_aside)]
        if not lines:
            return
        data = lines_to_graph(lines)
        self.context(data)
        focus = {URIRef(n) for n in self.plan.shared if not n.startswith("_:") and (URIRef(n), RDF.type, None) in data}
        self.set_aside |= self.check(data, focus, "nodes described by several documents")
