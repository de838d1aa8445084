"""Which entities a passage is about: from fact provenance in the graph, and from registry mentions.

In the dataset every fact node carries ``prov:wasDerivedFrom`` a span node (``gy:document``,
``gy:lineStart``, ``gy:lineEnd``). A fact that is itself an entity (a sub-committee, an event…)
names itself; other facts (an agreement, a post) name the entities they link to. A passage
states facts about the entities of every fact whose span overlaps its lines.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import PROV

from index import artifacts
from index.graph_facts import GraphFacts
from index.passages import Passage
from ontology.namespaces import GY, doc_id_of

#: Entity classes shown in hits (local names under ``gy:``).
ENTITY_TYPES = ("Region", "Organization", "SubCommittee", "Program", "Official", "Event")
REGISTRY_TYPES = {"region": "Region", "organization": "Organization"}
#: Facts whose span is longer than this are document-level statements, not about one passage.
MAX_FACT_LINES = 40
MAX_ENTITIES = 12


@dataclass(frozen=True)
class EntityRef:
    """An entity as shown in a search hit."""

    iri: str
    label: str
    type: str

    def to_json(self) -> dict:
        """``{"iri", "label", "type"}``."""
        return {"iri": self.iri, "label": self.label, "type": self.type}  # asdict() is slow on the search path


@dataclass(frozen=True)
class FactSpan:
    """The lines a fact was derived from, and the entities it is about."""

    doc: str
    start: int
    end: int
    entities: tuple[EntityRef, ...]


class ProvenanceIndex:
    """Fact spans per document, read from the knowledge graph."""

    def __init__(self, spans: list[FactSpan]) -> None:
        self.by_doc: dict[str, list[FactSpan]] = defaultdict(list)
        for span in spans:
            self.by_doc[span.doc].append(span)
        self._constant = {doc: _constant_entities(items) for doc, items in self.by_doc.items()}

    @classmethod
    def empty(cls) -> ProvenanceIndex:
        """No graph: no provenance links."""
        return cls([])

    @classmethod
    def from_dataset(cls, dataset) -> ProvenanceIndex:
        """Collect every fact span of an rdflib ``Dataset`` (all named graphs)."""
        return cls.from_facts(GraphFacts(dataset))

    @classmethod
    def from_facts(cls, facts: GraphFacts) -> ProvenanceIndex:
        """Every fact span of a dataset whose relations ``facts`` has read."""
        types, labels = facts.types, facts.rdfs_labels
        derived: dict[URIRef, set] = {}
        span_doc: dict[URIRef, str] = {}
        span_lines: dict[URIRef, dict[str, int]] = defaultdict(dict)
        edges: dict[URIRef, set[URIRef]] = defaultdict(set)
        derived_from, document, line_ends = PROV.wasDerivedFrom, GY.document, (GY.lineStart, GY.lineEnd)
        not_edges = {derived_from, document}
        for s, relations in facts.out.items():
            for p, objects in relations.items():
                if p == derived_from:
                    derived[s] = objects
                elif p == document:
                    span_doc[s] = doc_id_of(next(iter(objects)))
                elif p in line_ends:
                    literal = next((o for o in objects if isinstance(o, Literal)), None)
                    if literal is not None:
                        span_lines[s][str(p)[len(str(GY)):]] = int(literal.toPython())
                if p in not_edges:
                    continue
                for o in objects:
                    if not isinstance(o, Literal):
                        edges[s].add(o)
                        edges[o].add(s)

        def ref(node) -> EntityRef | None:
            return entity_ref(node, types, labels)

        spans: list[FactSpan] = []
        for fact, sources in derived.items():
            about = fact_about(fact, edges.get(fact, ()), ref)
            if not about:
                continue
            for source in sources:
                lines = span_lines.get(source, {})
                if source not in span_doc or "lineStart" not in lines:
                    continue
                start = lines["lineStart"]
                end = lines.get("lineEnd", start)
                if end - start <= MAX_FACT_LINES:
                    spans.append(FactSpan(span_doc[source], start, end, tuple(about)))
        # in line order, whatever order the store gives the quads in (sets follow the hash seed)
        spans.sort(key=span_order)
        return cls(spans)

    def entities_in(self, doc: str, start: int, end: int) -> list[EntityRef]:
        """Entities of facts whose span overlaps lines ``start..end`` of ``doc``."""
        out: dict[str, EntityRef] = {}
        for span in self.by_doc.get(doc, ()):
            if span.start <= end and span.end >= start:
                for entity in span.entities:
                    out.setdefault(entity.iri, entity)
        return list(out.values())

    def row_subjects(self, doc: str, line: int) -> list[EntityRef]:
        """The entities a table row is about: its facts' entities, minus the document's constant party."""
        constant = self._constant.get(doc, set())
        found = self.entities_in(doc, line, line)
        return [e for e in found if e.iri not in constant]

    def row_subject(self, doc: str, line: int) -> str | None:
        """Label of the entity a table row is about (for passage headers), if the graph knows it."""
        subjects = self.row_subjects(doc, line)
        return ", ".join(sorted({e.label for e in subjects})) if subjects else None


def entity_ref(node, types, labels) -> EntityRef | None:
    """``node`` as shown in hits when it is of an entity class (``types``: local class names by node; ``labels``:
    its ``rdfs:label`` by language), else None."""
    kind = next((t for t in ENTITY_TYPES if t in types.get(node, ())), None)
    if kind is None:
        return None
    names = labels.get(node, {})
    label = names.get("ko") or names.get("") or next(iter(names.values()), str(node).rsplit("/", 1)[-1])
    return EntityRef(str(node), label, kind)


def fact_about(fact, neighbours, ref) -> list[EntityRef]:
    """What a fact is about: itself when it is an entity, else its entity ``neighbours`` (nodes it links to or
    that link to it, provenance left out) in IRI order."""
    own = ref(fact)
    if own is not None:
        return [own]
    return [r for r in (ref(n) for n in sorted(neighbours, key=str)) if r is not None]


def span_order(span: FactSpan) -> tuple:
    """Spans in line order, whatever order the store gives the quads in (sets follow the hash seed)."""
    return span.doc, span.start, span.end, [e.iri for e in span.entities]


def _constant_entities(spans: list[FactSpan]) -> set[str]:
    """Entities present in more than half of a document's multi-entity facts (e.g. Seoul in its own table)."""
    multi = [s for s in spans if len(s.entities) > 1]
    if len(multi) < 4:
        return set()
    counts = Counter(e.iri for s in multi for e in {x.iri: x for x in s.entities}.values())
    return {iri for iri, n in counts.items() if n > len(multi) / 2}


def _proper_noun_at(text: str, start: int, end: int) -> bool:
    """Whether Kiwi reads ``text[start:end]`` as a proper noun in context (not ``강화`` "strengthening")."""
    from index.korean import kiwi

    return any(t.tag == "NNP" and t.start <= start and t.start + t.len >= end for t in kiwi().tokenize(text))


def _standalone(text: str, start: int, end: int) -> bool:
    """False for a short name that is an ordinary word in context (``강화`` in ``협력 강화``, ``달성하고``)."""
    surface = text[start:end]
    if len("".join(surface.split())) > 2:
        return True
    if any(ch.isspace() for ch in surface):
        return False
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if "\uac00" <= before <= "\ud7a3" or "\uac00" <= after <= "\ud7a3":
        return False
    window = text[max(0, start - 20) : end + 20]
    offset = start - max(0, start - 20)
    return _proper_noun_at(window, offset, offset + len(surface))


def mention_refs(registry, text: str) -> list[EntityRef]:
    """Registry entities named in ``text`` (regions and organisations; countries are too broad).

    Two-syllable short forms count only as separate words that Kiwi reads as proper nouns,
    since many are ordinary words too (``강화`` "strengthening", ``달성`` "achievement").
    """
    if registry is None:
        return []
    out: dict[str, EntityRef] = {}
    for mention in registry.find_mentions(text):
        if not _standalone(text, mention.start, mention.end):
            continue
        kind = REGISTRY_TYPES.get(mention.entity.kind)
        if kind:
            out.setdefault(str(mention.entity.iri), EntityRef(str(mention.entity.iri), mention.entity.label, kind))
    return list(out.values())


@dataclass(frozen=True)
class PassageLinks:
    """A passage's entities (shown in hits) and its subjects (what partner ranking credits)."""

    entities: tuple[EntityRef, ...]
    subjects: tuple[str, ...]

    def to_json(self) -> dict:
        """JSON form stored with the passage."""
        return {"entities": [e.to_json() for e in self.entities], "subjects": list(self.subjects)}

    @classmethod
    def from_json(cls, data: dict) -> PassageLinks:
        """Inverse of :meth:`to_json`."""
        return cls(tuple(EntityRef(**e) for e in data["entities"]), tuple(data["subjects"]))


PASSAGE_FIELDS = tuple(Passage.__dataclass_fields__)


def passage_with_links(row: dict) -> tuple[Passage, PassageLinks]:
    """One row of ``passages.jsonl``: the passage and its entity links."""
    return Passage.from_json({k: row[k] for k in PASSAGE_FIELDS if k in row}), PassageLinks.from_json(row)


def read_passages(path: Path) -> tuple[list[Passage], list[PassageLinks]]:
    """Every passage of a ``passages.jsonl`` and its links, read row by row (the parsed rows are never all held)."""
    passages: list[Passage] = []
    links: list[PassageLinks] = []
    for row in artifacts.iter_jsonl(path):
        passage, link = passage_with_links(row)
        passages.append(passage)
        links.append(link)
    return passages, links


def link_passage(doc: str, start: int, end: int, text: str, is_table: bool, provenance: ProvenanceIndex,
                 registry, mentions=None) -> PassageLinks:
    """Entities of one passage: provenance first, then mentions; subjects are row entities for tables.

    ``mentions(text)``, when given, stands for ``mention_refs(registry, text)`` (the build remembers it).
    """
    stated = provenance.entities_in(doc, start, end)
    mentioned = mentions(text) if mentions is not None else mention_refs(registry, text)
    merged: dict[str, EntityRef] = {}
    for entity in [*stated, *mentioned]:
        merged.setdefault(entity.iri, entity)
    entities = tuple(list(merged.values())[:MAX_ENTITIES])
    if is_table:
        rows = {e.iri for line in range(start, end + 1) for e in provenance.row_subjects(doc, line)}
        subjects = tuple(iri for iri in merged if iri in rows) or tuple(e.iri for e in mentioned)
    else:
        subjects = tuple(merged)
    return PassageLinks(entities, subjects)
