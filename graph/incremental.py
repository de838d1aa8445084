"""The graph stages of an ingest or removal, on what the changed documents touch (decision 0030).

A build keeps, beside ``graph.nq`` and the store, ``graph-state.json``: for every named graph a summary of its
extracted lines (before the cross-document pass) — the types, parties, dates, methods, confidences and names
the reconciliation reads, the nodes it describes and the nodes it mentions — plus the decisions taken on them
(restated signings redirected, descriptions stripped where another graph owns a node) and the automatic fact
nodes set aside, with their report lines. The next build whose extraction code is the same starts from it:

1. **Extract** only the new and changed documents (the others are carried over in the extraction cache, unread).
2. **Reconcile**: the decisions of :func:`graph.reconcile_lines.plan_reconciliation` (those of
   :func:`graph.reconcile.reconcile`) are taken again on the summaries — small dictionaries, no triple parsed.
   A graph is *affected* when it is a new document's, when its own edits changed (a redirect of a node it
   mentions, a description stripped or given back), when a node it mentions gained or lost a type, or when a
   node it mentions was set aside or given back. Only affected graphs are read (from the extraction cache) and edited.
3. **Validate** the affected graphs' nodes (SHACL on those graphs, with the other graphs' descriptions of their
   shared nodes read from the store and the types of every node they point to); automatic fact nodes that break
   a shape are set aside as :mod:`graph.set_aside` does, and any graph mentioning a node whose standing changed
   joins the affected ones until nothing changes.
4. **Write**: the previous store is copied by hard links (``Store.backup``) into the new data directory and only
   the affected graphs' quads (and their share of the union default graph) are replaced; ``graph.nq`` is the
   previous file without the affected graphs' lines merged with their new lines. The new data directory is
   swapped in as every build's is, so a killed ingest leaves the previous data serving.

Any sequence of build, ingest and remove gives the graph of a clean build of the resulting corpus (tested).
"""

from __future__ import annotations

import heapq
import json
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Dataset, URIRef

from corpus import Document
from graph.batch_validation import BatchValidator
from graph.build import add_registry_graph, count_stored_classes, extraction_task
from graph.extraction_cache import ExtractionCache, document_key, extractor_version
from graph.quad_lines import graph_of, lines_by_graph, lines_to_graph, names_any, rdflib_term, split_quad
from graph.reconcile_lines import (
    AGREEMENT,
    DERIVED_FROM,
    SOURCE_SPAN_PREFIX,
    TYPE,
    LineIndexes,
    NodeStatement,
    ReconcilePlan,
    add_graph,
    graphs_held,
    plan_reconciliation,
    reconciled_lines,
)
from graph.registry import Registry
from graph.report import ExtractionReport
from graph.set_aside import REJECTED
from graph.state_spans import object_spans
from graph.store import STORE_DIR
from ontology import VOCABULARY_FILE
from ontology.namespaces import ID, ONTOLOGY_GRAPH, bind_prefixes
from runtime.executors import Executor
from runtime.progress import Progress

STATE_FILE = "graph-state.json"
#: The byte spans of ``graph-state.json``'s fields and summaries (decision 0085).
STATE_INDEX_FILE = "graph-state.index.json"
_FIXED = "(registry and vocabulary)"


def summary_of(lines: list[str]) -> dict:
    """What one graph's extracted lines state that the cross-document steps read (JSON-able)."""
    ix = LineIndexes()
    ix.read(lines)
    mentions = set()
    for line in lines:
        s, _, o, _ = split_quad(line)
        for node in (s, o):
            if not node.startswith(('"', SOURCE_SPAN_PREFIX)):
                mentions.add(node)
    return {"types": {n: sorted(t) for n, t in ix.types.items()},
            "parties": {n: sorted(p) for n, p in ix.parties.items()},
            "dates": dict(ix.dates), "methods": {n: sorted(m) for n, m in ix.methods.items()},
            "statements": {n: [s.curated, s.confidence, sorted(s.names)] for n, (s,) in ix.statements.items()},
            "described": sorted(ix.described), "mentions": sorted(mentions)}


class SummaryFile(Mapping[str, dict]):
    """The summaries of a kept ``graph-state.json``, each read from its byte span when asked for (the spans are in
    ``graph-state.index.json``): an ingest holds one summary at a time, not the file (several GB at 1000×)."""

    def __init__(self, path: Path, spans: Mapping[str, tuple[int, int] | list[int]]) -> None:
        self.path, self.spans = path, spans
        self._file: BinaryIO | None = None

    def raw(self, graph: str) -> bytes:
        """The summary's JSON text as the file holds it."""
        offset, length = self.spans[graph]
        if self._file is None:
            self._file = self.path.open("rb")
        self._file.seek(offset)
        return self._file.read(length)

    def __getitem__(self, graph: str) -> dict:
        return json.loads(self.raw(graph))

    def __iter__(self) -> Iterator[str]:
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class ChangedSummaries(MutableMapping[str, dict]):
    """``base``'s summaries with some replaced, added or dropped; ``base`` is never changed (nor read whole)."""

    def __init__(self, base: Mapping[str, dict]) -> None:
        self.base, self.changed, self.dropped = base, {}, set()

    def raw(self, graph: str) -> bytes:
        """The summary's JSON text as :meth:`GraphState.write` writes it (an unchanged one copied, not parsed)."""
        if graph in self.changed or not isinstance(self.base, SummaryFile | ChangedSummaries):
            return _json(self[graph]).encode("utf-8")
        if graph in self.dropped:
            raise KeyError(graph)
        return self.base.raw(graph)

    def __getitem__(self, graph: str) -> dict:
        if graph in self.changed:
            return self.changed[graph]
        if graph in self.dropped:
            raise KeyError(graph)
        return self.base[graph]

    def __setitem__(self, graph: str, summary: dict) -> None:
        self.changed[graph] = summary
        self.dropped.discard(graph)

    def __delitem__(self, graph: str) -> None:
        if graph not in self:
            raise KeyError(graph)
        self.changed.pop(graph, None)
        if graph in self.base:
            self.dropped.add(graph)

    def __contains__(self, graph: object) -> bool:
        return graph in self.changed or (graph not in self.dropped and graph in self.base)

    def __iter__(self) -> Iterator[str]:
        yield from self.changed
        yield from (g for g in self.base if g not in self.changed and g not in self.dropped)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class Mentions(Mapping[str, set[str]]):
    """The graphs mentioning each node; a node one graph mentions (most of them) keeps that graph's IRI, not a
    one-element set (decision 0085: some 200 bytes a node)."""

    def __init__(self) -> None:
        self._by: dict[str, str | set[str]] = {}

    def add(self, node: str, graph: str) -> None:
        add_graph(self._by, node, graph)

    def __getitem__(self, node: str) -> set[str]:
        return graphs_held(self._by[node])

    def __contains__(self, node: object) -> bool:
        return node in self._by

    def __iter__(self) -> Iterator[str]:
        return iter(self._by)

    def __len__(self) -> int:
        return len(self._by)


@dataclass
class GraphState:
    """The summaries of every named graph, the decisions taken on them and the nodes set aside.

    A state read from disk holds its summaries as a :class:`SummaryFile` (one parsed at a time); a file written
    without its index (before decision 0085) is indexed in one pass, and the next :meth:`write` writes the index."""

    version: str
    documents: dict[str, dict] = field(default_factory=dict)  # doc id → {"key", "graphs"}
    summaries: MutableMapping[str, dict] | Mapping[str, dict] = field(default_factory=dict)  # graph IRI → summary_of
    redirects: dict[str, str] = field(default_factory=dict)
    strips: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    set_aside: dict[str, list[dict]] = field(default_factory=dict)  # node → its ``rejected`` issues

    @classmethod
    def read(cls, data_dir: Path) -> GraphState | None:
        """The state kept in ``data_dir``; ``None`` when there is none or the extraction code changed since.

        Only the fields are parsed; the summaries are read one at a time when asked for, from the spans of the
        file's index, or (a file without a matching one) of one pass over the file (:mod:`graph.state_spans`)."""
        path = data_dir / STATE_FILE
        try:
            index = json.loads((data_dir / STATE_INDEX_FILE).read_text(encoding="utf-8"))
            if index.get("bytes") != path.stat().st_size:
                index = None  # not this file's index
        except (OSError, ValueError):
            index = None
        try:
            if index is None:
                with path.open("rb") as file:
                    spans, summaries = object_spans(file, "summaries")
                index = {"fields": spans, "summaries": summaries}
            if _field(path, index["fields"]["version"]) != extractor_version():
                return None
            fields = {key: _field(path, span) for key, span in index["fields"].items()}
            return cls(**fields, summaries=SummaryFile(path, index["summaries"]))
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def write(self, data_dir: Path) -> None:
        """``graph-state.json`` (the JSON of the dataclass, keys sorted) and its index; unchanged summaries of a
        state read from disk are copied as they were written, never parsed."""
        raw = self.summaries.raw if isinstance(self.summaries, SummaryFile | ChangedSummaries) else \
            (lambda graph: _json(self.summaries[graph]).encode("utf-8"))
        fields = {key: value for key, value in asdict(replace(self, summaries={})).items() if key != "summaries"}
        _write_state(data_dir, fields, ((graph, raw(graph)) for graph in sorted(self.summaries)))

    def close(self) -> None:
        """Close the file the summaries are read from, if any."""
        if isinstance(self.summaries, SummaryFile):
            self.summaries.close()
        elif isinstance(self.summaries, ChangedSummaries) and isinstance(self.summaries.base, SummaryFile):
            self.summaries.base.close()

    def indexes(self) -> LineIndexes:
        """The indexes :func:`graph.reconcile_lines.plan_reconciliation` reads, gathered from the summaries."""
        return self.gather()[0]

    def gather(self, candidates: set[str] = frozenset(), outside: set[str] = frozenset()) -> tuple[
            LineIndexes, Mentions, dict[str, set[str]]]:
        """In one pass over the summaries (one in memory at a time): the indexes
        :func:`graph.reconcile_lines.plan_reconciliation` reads, the graphs mentioning each node (as subject or
        object), and the types the graphs not in ``outside`` give each of the ``candidates``."""
        ix = LineIndexes()
        mentions = Mentions()
        kept_types: dict[str, set[str]] = defaultdict(set)
        for graph, summary in self.summaries.items():
            for node, types in summary["types"].items():
                ix.add_types(node, set(types))
                if node in candidates and graph not in outside:
                    kept_types[node].update(types)
            for node, parties in summary["parties"].items():
                ix.parties[node].update(parties)
            for node, dates in summary["dates"].items():
                ix.dates[node].extend(dates)
            for node, methods in summary["methods"].items():
                ix.add_methods(node, set(methods))
            for node, (curated, confidence, names) in summary["statements"].items():
                ix.statements[node].append(NodeStatement(graph, curated, confidence, frozenset(names)))
            for node in summary["described"]:
                ix.add_described(node, graph)
            for node in summary["mentions"]:
                mentions.add(node, graph)
        ix.agreements = {n for n, t in ix.types.items() if AGREEMENT in t}
        return ix, mentions, kept_types

    def mentions(self) -> Mentions:
        """The graphs mentioning each node (as subject or object)."""
        return self.gather()[1]

    def keep(self, the_plan: ReconcilePlan) -> None:
        """Record ``the_plan``'s edits."""
        self.redirects = dict(the_plan.redirects)
        self.strips = {g: {n: sorted(names) for n, names in nodes.items()} for g, nodes in the_plan.strips.items()}


def _field(path: Path, span: list[int]):
    """The JSON value at ``span`` (offset, length in bytes) of ``path``."""
    with path.open("rb") as f:
        f.seek(span[0])
        return json.loads(f.read(span[1]))


def _write_state(data_dir: Path, fields: dict, summaries: Iterable[tuple[str, bytes]]) -> None:
    """Write ``graph-state.json`` — ``fields`` and ``summaries`` (graph IRI → its JSON text, in key order) as one
    JSON object with sorted keys, as ``json.dumps(..., sort_keys=True)`` writes it — then ``graph-state.index.json``:
    the file's size and the byte span of each field and each summary."""
    spans: dict[str, dict] = {"fields": {}, "summaries": {}}
    with (data_dir / STATE_FILE).open("wb") as out:
        for n, key in enumerate(sorted([*fields, "summaries"])):
            out.write(f"{', ' if n else '{'}{_json(key)}: ".encode())
            if key != "summaries":
                text = _json(fields[key]).encode("utf-8")
                spans["fields"][key] = [out.tell(), len(text)]
                out.write(text)
                continue
            out.write(b"{")
            for m, (graph, text) in enumerate(summaries):
                out.write(f"{', ' if m else ''}{_json(graph)}: ".encode())
                spans["summaries"][graph] = [out.tell(), len(text)]
                out.write(text)
            out.write(b"}")
        out.write(b"}")
        spans["bytes"] = out.tell()
    (data_dir / STATE_INDEX_FILE).write_text(_json(spans), encoding="utf-8")


def fixed_lines(registry: Registry) -> dict[str, list[str]]:
    """The registry and vocabulary graphs as N-Quads lines, by graph."""
    fixed = bind_prefixes(Dataset())
    add_registry_graph(fixed, registry)
    fixed.graph(ONTOLOGY_GRAPH).parse(VOCABULARY_FILE, format="turtle")
    graphs = lines_by_graph([line for line in fixed.serialize(format="nquads").splitlines() if line.strip()])
    return {graph_of(g[0]): g for g in graphs}


def state_of(documents: list[Document], cache: ExtractionCache, registry: Registry, report: ExtractionReport,
             ix: LineIndexes | None = None) -> GraphState:
    """The state of a clean build (its cache holds every document's lines; ``report`` its set-aside issues)."""
    state = GraphState(extractor_version())
    state.summaries.update(_summaries(documents, cache, registry, state.documents))
    state.keep(plan_reconciliation(state.indexes(), ExtractionReport()))
    state.set_aside = _set_aside(report)
    return state


def write_state_streamed(documents: list[Document], cache: ExtractionCache, registry: Registry,
                         report: ExtractionReport, plan: ReconcilePlan, data_dir: Path) -> None:
    """Write the file ``state_of(...).write(data_dir)`` writes, byte for byte, with one graph's summary in memory at
    a time: each summary goes to a spool as its JSON text, and the file is put together from it in key order.

    ``plan`` is the one the streaming build took on the same lines (the state's summaries would give it again, but
    only with every summary in memory: some 2.6 GB of JSON at 1000× the seeds, several times that as objects)."""
    state = GraphState(extractor_version())
    state.keep(plan)
    state.set_aside = _set_aside(report)
    where: dict[str, tuple[int, int]] = {}
    with tempfile.TemporaryFile(dir=data_dir) as spool:
        for graph, summary in _summaries(documents, cache, registry, state.documents):
            text = _json(summary).encode("utf-8")
            where[graph] = (spool.tell(), len(text))
            spool.write(text)

        def spooled() -> Iterator[tuple[str, bytes]]:
            for graph in sorted(where):
                spool.seek(where[graph][0])
                yield graph, spool.read(where[graph][1])

        fields = {key: value for key, value in asdict(state).items() if key != "summaries"}
        _write_state(data_dir, fields, spooled())


def _json(value) -> str:
    """As :meth:`GraphState.write` writes a value."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _summaries(documents: list[Document], cache: ExtractionCache, registry: Registry,
               entries: dict[str, dict]) -> Iterator[tuple[str, dict]]:
    """Each named graph's summary (documents' graphs in document order, then the registry and vocabulary); each
    document's entry (its cache key and graphs) goes into ``entries`` as it is read."""
    for doc in documents:
        graphs = lines_by_graph(cache.lines(doc))
        entries[doc.id] = {"key": document_key(doc), "graphs": [graph_of(g[0]) for g in graphs]}
        for lines in graphs:
            yield graph_of(lines[0]), summary_of(lines)
    for graph, lines in fixed_lines(registry).items():
        yield graph, summary_of(lines)


def _set_aside(report: ExtractionReport) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for issue in report.of_kind(REJECTED):
        out.setdefault(str(ID) + issue.text, []).append(asdict(issue))
    return out


@dataclass
class Outcome:
    """What the incremental graph stages did."""

    report: ExtractionReport
    quads: int
    stored: int
    affected: int
    validated: int


class IncrementalGraph:
    """One incremental run: the previous data's state, the new corpus, the new data directory."""

    def __init__(self, state: GraphState, documents: list[Document], cache: ExtractionCache, registry: Registry,
                 previous: Path, work: Path, progress: Progress) -> None:
        self.old, self.documents, self.cache, self.registry = state, documents, cache, registry
        self.previous, self.work, self.progress = previous, work, progress
        self._fixed: dict[str, list[str]] | None = None
        self.doc_of: dict[str, Document] = {}
        self.task = extraction_task(registry)

    def extract(self, executor: Executor) -> tuple[GraphState, set[str], set[str]]:
        """The new state's summaries; the graphs added (new or changed documents) and removed."""
        new = GraphState(self.old.version, summaries=ChangedSummaries(self.old.summaries))
        held = {d.id: self.cache.take(d) for d in self.documents}
        changed = [d for d in self.documents
                   if self.old.documents.get(d.id, {}).get("key") != document_key(d) or not held[d.id]]
        missing = [d for d in changed if not held[d.id]]
        changed_ids = {d.id for d in changed}
        ids = {d.id for d in self.documents}
        removed: set[str] = set()
        for doc_id, entry in self.old.documents.items():
            if doc_id not in ids or doc_id in changed_ids:
                removed.update(entry["graphs"])
        for graph in removed:
            new.summaries.pop(graph, None)
        extracted = executor.map(self.task, missing, labels=[d.id for d in missing])
        added: set[str] = set()
        for doc in self.documents:
            if doc.id in changed_ids:
                names = ["cached"]
                if not held[doc.id]:
                    piece, names = next(extracted)
                    self.cache.put(doc, piece)
                graphs = lines_by_graph(self.cache.lines(doc))
                for lines in graphs:
                    graph = graph_of(lines[0])
                    new.summaries[graph] = summary_of(lines)
                    added.add(graph)
                new.documents[doc.id] = {"key": document_key(doc), "graphs": [graph_of(g[0]) for g in graphs]}
                self.progress.step(f"{doc.id}: {sum(map(len, graphs))} quads ({', '.join(names)})")
            else:
                new.documents[doc.id] = self.old.documents[doc.id]
            for graph in new.documents[doc.id]["graphs"]:
                self.doc_of[graph] = doc
        self.progress.step(f"{self.cache.misses} documents extracted, {self.cache.hits} taken from the "
                           "extraction cache")
        return new, added, removed - added

    def raw_lines(self, graph: str) -> list[str]:
        """A graph's extracted lines (before the cross-document pass)."""
        if graph in self.doc_of:
            doc = self.doc_of[graph]
            try:
                lines = self.cache.lines(doc)
            except (OSError, ValueError):  # a damaged cached piece: extracted again, never trusted
                self.cache.put(doc, self.task(doc)[0])
                lines = self.cache.lines(doc)
            return next(g for g in lines_by_graph(lines) if graph_of(g[0]) == graph)
        if self._fixed is None:
            self._fixed = fixed_lines(self.registry)
        return self._fixed[graph]

    def candidates(self, new: GraphState, added: set[str], removed: set[str]) -> set[str]:
        """The nodes whose types may have changed: those the added graphs type, before and after."""
        out = {n for g in added for n in new.summaries[g]["types"]}
        return out | {n for g in removed | added if g in self.old.summaries for n in self.old.summaries[g]["types"]}

    def affected(self, new: GraphState, ix: LineIndexes, mentions: Mentions, added: set[str],
                 removed: set[str], kept_types: dict[str, set[str]]) -> set[str]:
        """The graphs whose reconciled lines may differ from the previous build's (see the module's step 2);
        ``kept_types``: the types the graphs kept from the previous build give each candidate
        (:meth:`GraphState.gather`)."""
        affected = set(added)
        for node in set(self.old.redirects) | set(new.redirects):
            if self.old.redirects.get(node) != new.redirects.get(node):
                affected |= mentions.get(node, set())
        for graph in set(self.old.strips) | set(new.strips):
            if self.old.strips.get(graph) != new.strips.get(graph):
                affected.add(graph)
        old_summaries = {g: self.old.summaries[g] for g in removed | added if g in self.old.summaries}
        for node in self.candidates(new, added, removed):
            before = set(kept_types.get(node, ()))
            for summary in old_summaries.values():
                before.update(summary["types"].get(node, ()))
            if before != set(ix.types.get(node, ())):
                affected |= mentions.get(node, set())
        return affected & set(new.summaries)

    def judge(self, lines: dict[str, list[str]], ix: LineIndexes, the_plan: ReconcilePlan, store: ox.Store,
              report: ExtractionReport, removed: set[str]) -> tuple[set[str], int]:
        """SHACL on the nodes the affected graphs type (shared nodes with their other graphs' descriptions from
        the previous store, leaving out the ``removed`` graphs); the automatic fact nodes set aside (raises
        :class:`graph.batch_validation.StreamValidationError` on any other violation) and the number of focus nodes."""
        data_lines = [line for g in lines.values() for line in g]
        if not data_lines:
            return set(), 0
        focus = {split_quad(line)[0] for line in data_lines if split_quad(line)[1] == TYPE}
        focus = {n for n in focus if not n.startswith("_:")}
        data = lines_to_graph(data_lines)
        for node in focus:
            if len(ix.describing(node)) < 2:
                continue
            for quad in store.quads_for_pattern(ox.NamedNode(node), None, None):
                graph = quad.graph_name
                if isinstance(graph, ox.NamedNode) and graph.value not in lines and graph.value not in removed:
                    data.add(_triple(quad))
                    if quad.predicate.value == DERIVED_FROM and isinstance(quad.object, ox.NamedNode):
                        for span in store.quads_for_pattern(quad.object, None, None, quad.graph_name):
                            data.add(_triple(span))
        batches = BatchValidator(ix, the_plan, report, None)
        batches.context(data)
        return batches.check(data, {URIRef(n) for n in focus}, "the ingested documents"), len(focus)

    def run(self, executor: Executor, graph_path: Path) -> Outcome:
        """Extract, reconcile, validate and write into the new data directory (``graph_path``: its ``graph.nq``)."""
        with self.progress.stage("extract"):
            new, added, removed = self.extract(executor)
            report = ExtractionReport()
            for doc in self.documents:
                report.add_report(self.cache.report(doc))
            ix, mentions, kept_types = new.gather(self.candidates(new, added, removed), added)
            the_plan = plan_reconciliation(ix, report)
            new.keep(the_plan)
            affected = self.affected(new, ix, mentions, added, removed, kept_types)
        with self.progress.stage("validate"):
            previous = ox.Store.read_only(str(self.previous / STORE_DIR))
            previous.backup(str(self.work / STORE_DIR))
            del previous
            store = ox.Store(str(self.work / STORE_DIR))
            before = dict(self.old.set_aside)
            while True:
                grown = True
                while grown:  # a node set aside before is judged again with every graph that mentions it
                    grown = False
                    for node in before:
                        graphs = mentions.get(node, set())
                        if graphs & affected and not graphs <= affected:
                            affected |= graphs
                            grown = True
                lines = {g: reconciled_lines(self.raw_lines(g), the_plan, set()) for g in sorted(affected)}
                judged = ExtractionReport()
                newly, validated = self.judge(lines, ix, the_plan, store, judged, removed)
                after = {n: v for n, v in before.items() if n in mentions and not mentions[n] & affected}
                for node in sorted(newly):
                    name = node.removeprefix(str(ID))
                    after[node] = [asdict(i) for i in judged.issues if i.kind == REJECTED and i.text == name]
                moved = {n for n in set(before) ^ set(after) if n in mentions and not mentions[n] <= affected}
                if not moved:
                    break
                for node in moved:
                    affected |= mentions[node]
            self.progress.step(f"{len(affected)} of {len(new.summaries)} graphs affected, {validated} nodes validated, "
                               f"{len(after)} automatic facts set aside")
        with self.progress.stage("write graph"):
            final = {g: [line for line in held if not names_any(line, set(after))] for g, held in lines.items()}
            stored = _update_store(store, final, removed)
            counts = count_stored_classes(store)
            del store
            quads = _merge_graph_file(self.previous / graph_path.name, graph_path, set(final) | removed, final)
        new.set_aside = after
        for node in sorted(after):
            for issue in after[node]:
                report.add_issue(**issue)
        report.counts.update(counts)
        new.write(graph_path.parent)  # unchanged summaries copied from the previous file
        self.old.close()
        return Outcome(report, quads, stored, len(affected), validated)


def _triple(quad: ox.Quad) -> tuple:
    return rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object)


def _update_store(store: ox.Store, final: dict[str, list[str]], removed: set[str]) -> int:
    """Replace the quads of the graphs of ``final``, drop the ``removed`` graphs, keep the union default graph."""
    touched: set[ox.Triple] = set()
    for graph in set(final) | removed:
        name = ox.NamedNode(graph)
        if store.contains_named_graph(name):
            touched.update(q.triple for q in store.quads_for_pattern(None, None, None, name))
            store.remove_graph(name)
    for lines in final.values():
        if lines:
            quads = list(ox.parse(input=("\n".join(lines) + "\n").encode(), format=ox.RdfFormat.N_QUADS))
            store.extend(quads)
            touched.update(q.triple for q in quads)
    for t in touched:
        union = ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
        if any(isinstance(q.graph_name, ox.NamedNode) for q in store.quads_for_pattern(t.subject, t.predicate,
                                                                                       t.object)):
            store.add(union)
        else:
            store.remove(union)
    store.flush()
    return len(store)


def _merge_graph_file(old: Path, target: Path, replaced: set[str], final: dict[str, list[str]]) -> int:
    """``target``: the sorted lines of ``old`` outside the ``replaced`` graphs merged with the new lines (written)."""
    new_lines = sorted({line + "\n" for g in final.values() for line in g})
    count = 0
    with old.open(encoding="utf-8") as source, target.open("w", encoding="utf-8") as out:
        kept = (line for line in source if line.strip() and graph_of(line) not in replaced)
        for line in heapq.merge(kept, new_lines):
            out.write(line)
            count += 1
    return count
