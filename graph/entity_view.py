"""What an entity page shows: labels, facts with their source lines, related entities, yearly counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from graph.graph_reader import GraphReader, compact, iri_ref
from graph.queries import term_value
from ontology.namespaces import GY, ID, PROV, RDF, RDFS, SKOS, doc_id_of

ID_NS = str(ID)
SOURCE_PREFIX = ID_NS + "source/"
DOC_PREFIX = ID_NS + "doc/"
GRAPH_PREFIX = ID_NS + "graph/"
HIDDEN_PREDICATES = {str(PROV.wasDerivedFrom)}
MAX_INCOMING = 2000
MAX_NEIGHBOURS = 60
#: A fact node without a label of its own (a coordination, a tenure …) is named by what it links, in this
#: order — what the fact is about, then who — and then its date: "환경분과위원회 · 도야마현 · 2024".
LABEL_PART_ORDER = tuple(str(t) for t in (GY.SubCommittee, GY.Organization, GY.Program, GY.Event, GY.Post,
                                          GY.Region, GY.Country, GY.Official))
DATE_TYPES = {"http://www.w3.org/2001/XMLSchema#" + t for t in ("date", "gYear", "gYearMonth")}
LABEL_SEPARATOR = " · "
SHORT_VALUE = 12

_SOURCE = "?src gy:document ?doc ; gy:lineStart ?start ; gy:lineEnd ?end ."


def _facts_query(ref: str) -> str:
    return (f"SELECT ?g ?p ?o ?doc ?start ?end WHERE {{ GRAPH ?g {{ {ref} ?p ?o }} "
            f"OPTIONAL {{ GRAPH ?g {{ {ref} prov:wasDerivedFrom ?src . {_SOURCE} }} }} }}")


def _incoming_query(ref: str) -> str:
    return (f"SELECT ?g ?s ?p ?doc ?start ?end WHERE {{ GRAPH ?g {{ ?s ?p {ref} }} "
            f"OPTIONAL {{ GRAPH ?g {{ ?s prov:wasDerivedFrom ?src . {_SOURCE} }} }} }} LIMIT {MAX_INCOMING}")


def _per_year_query(ref: str) -> str:
    return (f"SELECT ?year (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?a gy:party {ref} ; gy:signedOn ?d . "
            f"BIND(xsd:integer(SUBSTR(STR(?d), 1, 4)) AS ?year) }} GROUP BY ?year ORDER BY ?year")


def entity_path(iri: str) -> str | None:
    """The local path (``/id/…``) that dereferences ``iri``, or ``None`` for outside IRIs.

    >>> entity_path("https://w3id.org/gyoryu/id/region/kr-seoul")
    '/id/region/kr-seoul'
    """
    return "/id/" + iri[len(ID_NS):] if iri.startswith(ID_NS) else None


@dataclass(frozen=True)
class Source:
    """A cited line span of a document."""

    doc: str
    start: int
    end: int

    @property
    def url(self) -> str:
        """Document view with these lines highlighted."""
        return f"/doc/{self.doc}?lines={self.start}-{self.end}#L{self.start}"

    @property
    def text(self) -> str:
        return f"{self.doc}:{self.start}" + (f"–{self.end}" if self.end != self.start else "")


@dataclass
class Value:
    """An RDF term as shown: text, optional link and language/datatype note."""

    text: str
    iri: str | None = None
    link: str | None = None
    note: str = ""


@dataclass
class Fact:
    """One statement about (or pointing at) the entity, with the graph and sources it comes from."""

    predicate: str
    predicate_label: str
    value: Value
    graph: str
    sources: list[Source] = field(default_factory=list)

    @property
    def graph_doc(self) -> str | None:
        """The document whose named graph holds this fact, if any."""
        name = doc_id_of(self.graph) if self.graph.startswith(GRAPH_PREFIX) else None
        return name if name and name not in ("registry", "ontology") else None


@dataclass
class EntityView:
    """Everything the entity page needs."""

    iri: str
    label: str
    labels: dict[str, str]
    alt_labels: list[str]
    types: list[Value]
    facts: list[Fact]
    incoming: list[Fact]
    neighbours: list[tuple[Value, str]]
    per_year: list[tuple[int, int]]

    @property
    def method(self) -> str:
        """``curated`` or ``automatic`` for a fact node (or a minted region), else ``""``."""
        return next((f.value.text for f in self.facts if f.predicate == str(GY.extractionMethod)), "")

    @property
    def confidence(self) -> str:
        """The confidence of an automatic fact, else ``""``."""
        return next((f.value.text for f in self.facts if f.predicate == str(GY.confidence)), "")


def pick_label(labels: dict[str, str], lang: str, fallback: str) -> str:
    """The label in ``lang``, else Korean, English, untagged, any, else ``fallback``."""
    for key in (lang, "ko", "en", ""):
        if labels.get(key):
            return labels[key]
    return next(iter(labels.values()), fallback)


def _source(row: dict) -> Source | None:
    if "doc" not in row:
        return None
    doc = term_value(row["doc"])
    doc = doc_id_of(doc) if doc.startswith(DOC_PREFIX) else doc
    return Source(doc, int(term_value(row["start"])), int(term_value(row["end"])))


class EntityDescriber:
    """Builds :class:`EntityView` objects from a :class:`GraphReader`."""

    def __init__(self, reader: GraphReader) -> None:
        self.reader = reader

    def describe(self, iri: str, lang: str = "ko") -> EntityView | None:
        """The view of ``iri``, or ``None`` when the graph does not mention it."""
        if not self.reader.exists(iri):
            return None
        ref = iri_ref(iri)
        out_rows = self.reader.select(_facts_query(ref))
        in_rows = self.reader.select(_incoming_query(ref))
        iris = {iri} | {term_value(r["p"]) for r in out_rows + in_rows}
        iris |= {term_value(r["o"]) for r in out_rows if type(r["o"]).__name__ == "NamedNode"}
        iris |= {term_value(r["s"]) for r in in_rows if type(r["s"]).__name__ == "NamedNode"}
        labels = self.reader.labels(iris)
        types = self.reader.types(i for i in iris if i.startswith(ID_NS))

        def value(term: object) -> Value:
            text = term_value(term)
            if type(term).__name__ == "NamedNode":
                label = pick_label(labels.get(text, {}), lang, compact(text))
                return Value(label, text, entity_path(text) or text)
            if type(term).__name__ == "BlankNode":
                return Value("_:" + text)
            note = getattr(term, "language", None) or compact(term_value(getattr(term, "datatype", "")) or "")
            return Value(text, note="" if note == "xsd:string" else note)

        def facts(rows: list[dict], key: str) -> list[Fact]:
            grouped: dict[tuple[str, str, str], Fact] = {}
            for r in rows:
                p = term_value(r["p"])
                if p in HIDDEN_PREDICATES and key == "o":
                    continue
                k = (term_value(r["g"]), p, str(r[key]))
                if k not in grouped:
                    grouped[k] = Fact(p, pick_label(labels.get(p, {}), lang, compact(p)), value(r[key]), k[0])
                src = _source(r)
                if src and src not in grouped[k].sources:
                    grouped[k].sources.append(src)
            return sorted(grouped.values(), key=lambda f: (f.predicate != str(RDF.type), f.predicate_label,
                                                          f.value.text))

        own = labels.get(iri, {})
        out_facts = facts(out_rows, "o")
        in_facts = [f for f in facts(in_rows, "s") if not (f.value.iri or "").startswith(SOURCE_PREFIX)]
        methods = self.reader.methods(f.value.iri for f in in_facts if f.value.iri)
        for f in in_facts:
            f.value.note = methods.get(f.value.iri or "", f.value.note)  # curated / automatic 0.85
        alt = sorted({f.value.text for f in out_facts if f.predicate == str(SKOS.altLabel)})
        type_values = [f.value for f in out_facts if f.predicate == str(RDF.type)]
        neighbours = self._named(self._neighbours(out_facts, in_facts, types), labels, lang)
        return EntityView(
            iri=iri, label=pick_label(own, lang, "") or self.fact_labels([iri], lang).get(iri) or compact(iri),
            labels=own, alt_labels=alt, types=list({t.iri: t for t in type_values}.values()), facts=out_facts,
            incoming=in_facts, neighbours=neighbours, per_year=self._per_year(ref),
        )

    def _named(self, neighbours: list[tuple[Value, str]], labels: dict[str, dict[str, str]],
               lang: str) -> list[tuple[Value, str]]:
        """Neighbours named for the picture: fact nodes without a label, or sharing one, by what they link.

        Names still shared after that (NEAR's member counts of one year) also get the node's class and
        its short values: "회원 수 · 동북아시아지방정부연합 · all · 90 · 2024".
        """
        for detailed in (False, True):
            texts = Counter(v.text for v, _ in neighbours)
            unnamed = [v.iri for v, _ in neighbours if v.iri and (texts[v.text] > 1 or (
                not detailed and not labels.get(v.iri)))]
            if not unnamed:
                break
            named = self.fact_labels(unnamed, lang, detailed=detailed)
            neighbours = [(replace(v, text=named.get(v.iri or "", v.text)), rel) for v, rel in neighbours]
        return neighbours

    def fact_labels(self, iris: list[str], lang: str, detailed: bool = False) -> dict[str, str]:
        """Names for fact nodes without a label: the labels of the entities they link, then their date.

        ``detailed`` puts the node's class first and adds its short values (numbers, codes).
        """
        values = " ".join(iri_ref(i) for i in iris)
        rows = self.reader.select(f"SELECT ?n ?p ?o WHERE {{ VALUES ?n {{ {values} }} ?n ?p ?o "
                                  f"FILTER(?p NOT IN (prov:wasDerivedFrom, rdfs:label, gy:note)) }}")
        objects = {term_value(r["o"]) for r in rows if type(r["o"]).__name__ == "NamedNode"}
        labels = self.reader.labels(objects)
        types = self.reader.types(objects)
        last = len(LABEL_PART_ORDER)
        parts: dict[str, list[tuple[int, str]]] = {}
        for r in rows:
            node, pred, obj = term_value(r["n"]), term_value(r["p"]), r["o"]
            text = term_value(obj)
            if pred == str(RDF.type):
                if detailed and text.startswith(str(GY)) and labels.get(text):
                    parts.setdefault(node, []).append((-1, pick_label(labels[text], lang, "")))
            elif type(obj).__name__ == "NamedNode":
                if labels.get(text):
                    rank = min((LABEL_PART_ORDER.index(k) for k in types.get(text, set()) if k in LABEL_PART_ORDER),
                               default=last)
                    parts.setdefault(node, []).append((rank, pick_label(labels[text], lang, "")))
            elif term_value(getattr(obj, "datatype", None)) in DATE_TYPES:
                parts.setdefault(node, []).append((last + 2, text))
            elif detailed and len(text) <= SHORT_VALUE and getattr(obj, "language", None) in (None, lang):
                parts.setdefault(node, []).append((last + 1, text))
        return {node: LABEL_SEPARATOR.join(dict.fromkeys(text for _, text in sorted(found)))
                for node, found in parts.items()}

    @staticmethod
    def _neighbours(out_facts: list[Fact], in_facts: list[Fact],
                    types: dict[str, set[str]]) -> list[tuple[Value, str]]:
        """Linked entities (not sources, documents, graphs or agreement nodes) with the linking predicate."""
        skip_types = {str(GY.Agreement), str(GY.SourceSpan)}
        seen: dict[str, tuple[Value, str]] = {}
        for f in out_facts + in_facts:
            target = f.value.iri
            if (not target or not target.startswith(ID_NS) or target in seen or f.predicate == str(RDF.type)
                    or target.startswith((SOURCE_PREFIX, DOC_PREFIX, GRAPH_PREFIX))
                    or types.get(target, set()) & skip_types or f.predicate == str(RDFS.seeAlso)):
                continue
            seen[target] = (f.value, f.predicate_label)
            if len(seen) >= MAX_NEIGHBOURS:
                break
        return list(seen.values())

    def _per_year(self, ref: str) -> list[tuple[int, int]]:
        rows = self.reader.select(_per_year_query(ref))
        return [(int(term_value(r["year"])), int(term_value(r["n"]))) for r in rows if "year" in r]
