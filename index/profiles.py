"""Partner profiles: what each region or organisation cooperates on, from graph facts and passages.

A profile gathers, per entity, the cooperation fields of its agreements (with their broad
areas), its agreement partners, the NEAR sub-committees it coordinates and the programmes it
takes part in, plus the passages about it. Its vector is the mean of those passages' vectors
blended with the embedding of the facts written out as text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from rdflib import URIRef
from rdflib.namespace import SKOS

from graph.entity_kinds import PARTNER_CLASSES
from index.entity_links import PassageLinks
from index.graph_facts import GraphFacts
from index.passages import Passage
from ontology.namespaces import GY

#: Weight of the facts-as-text vector against the mean passage vector.
FACT_TEXT_WEIGHT = 1.0


class _GraphFacts(GraphFacts):
    """The graph relations partner profiles read."""

    def kind(self, node) -> str | None:
        return next((t for t in PARTNER_CLASSES if t in self.types.get(node, ())), None)


@dataclass
class _Part:
    """What the graph says of one region or organisation, gathered edge by edge."""

    fields: set[str] = field(default_factory=set)
    broader: set[str] = field(default_factory=set)
    partners: set[str] = field(default_factory=set)
    programs: set[str] = field(default_factory=set)


def graph_profiles(facts: _GraphFacts, iris: Iterable[str]) -> dict[str, dict]:
    """The graph part of the profile of each of ``iris``: the cooperation fields of its agreements (with their broad
    areas), its partners (agreements, ``signedWith`` both ways, programmes it runs or joins), the sub-committees it
    coordinates, the programmes next to it, its organisations and country keys.

    Each relation is read once over all its edges (:meth:`GraphFacts.edges`), so the work is linear in the graph:
    a region party to a hundred thousand agreements costs no lookup per agreement (decision 0090). Only the
    nodes' own outgoing relations and the labels of fields, sub-committees and programmes are looked up per node.
    """
    parts = {URIRef(iri): _Part() for iri in iris}
    parties: dict = defaultdict(list)  # agreement -> its parties, for agreements with a party profiled
    for agreement, party in facts.edges(GY.party):
        parties[agreement].append(party)
    parties = {a: members for a, members in parties.items() if any(m in parts for m in members)}
    for members in parties.values():
        for node in members:
            if node in parts:
                parts[node].partners.update(str(p) for p in members if p != node)

    @lru_cache(maxsize=1 << 16)
    def concept(node) -> tuple[str, tuple[str, ...]]:
        return facts.label(node), tuple(facts.label(b) for b in facts.out[node].get(SKOS.broader, ()))

    for agreement, field_node in facts.edges(GY.cooperationField):
        for node in parties.get(agreement, ()):
            if node in parts:
                label, broader = concept(field_node)
                parts[node].fields.add(label)
                parts[node].broader.update(broader)
    for subject, obj in facts.edges(GY.signedWith):
        if subject in parts:
            parts[subject].partners.add(str(obj))
        if obj in parts:
            parts[obj].partners.add(str(subject))
    run_by, joined = defaultdict(list), defaultdict(list)  # programme -> regions running it / partners in it
    for programme, node in facts.edges(GY.runBy):
        run_by[programme].append(node)
    for programme, node in facts.edges(GY.partner):
        joined[programme].append(node)
    for programme, nodes in run_by.items():  # programme partners are existing partners too
        for node in nodes:
            if node in parts:
                parts[node].partners.update(str(p) for p in joined.get(programme, ()))
    for programme, nodes in joined.items():
        for node in nodes:
            if node in parts:
                parts[node].partners.update(str(r) for r in run_by.get(programme, ()))
    for programme in facts.typed("Program"):
        around = {n for rel in (facts.out[programme], facts.into[programme]) for ns in rel.values() for n in ns}
        for node in around & parts.keys():
            parts[node].programs.add(facts.label(programme))
    return {str(node): _profile(facts, node, part) for node, part in parts.items()}


def _profile(facts: _GraphFacts, node, part: _Part) -> dict:
    out = facts.out[node]
    subcommittees = []
    for sub in out.get(GY.coordinates, ()):
        activity = [facts.label(a) for a in facts.out[sub].get(GY.activityField, ())]
        subcommittees.append(facts.label(sub) + (f" ({', '.join(sorted(activity))})" if activity else ""))
    return {"fields": sorted(part.fields), "broader": sorted(part.broader),
            "partners": sorted(part.partners - {str(node)}), "subcommittees": sorted(subcommittees),
            "programs": sorted(part.programs), "memberOf": sorted({facts.label(o) for o in out.get(GY.memberOf, ())}),
            "country": _country_keys(facts, list(out.get(GY.country, ())))}


def _country_keys(facts: _GraphFacts, countries: list) -> list[str]:
    keys: set[str] = set()
    for c in countries:
        keys.add(str(c).rsplit("/", 1)[-1].lower())
        keys.update(v.lower() for v in facts.labels.get(c, {}).values())
    return sorted(keys)


def profile_text(profile: dict) -> str:
    """The facts of a profile written out for the embedding model and BM25."""
    parts = [profile["label"]]
    if profile.get("fields"):
        parts.append("협력분야: " + ", ".join(profile["fields"]))
    if profile.get("broader"):
        parts.append("분야: " + ", ".join(profile["broader"]))
    if profile.get("subcommittees"):
        parts.append("분과위원회 코디네이터: " + "; ".join(profile["subcommittees"]))
    if profile.get("programs"):
        parts.append("프로그램: " + "; ".join(profile["programs"]))
    return ". ".join(parts)


def embeds_facts(profile: dict) -> bool:
    """Whether a profile's facts written out as text are embedded: they say more than its label, or it has no
    passage to stand for it."""
    return profile["text"] != profile["label"] or not profile["passages"]


def linked_partners(links: Iterable[PassageLinks], first: int, refs: dict[str, dict],
                    passage_ids: dict[str, list[int]]) -> None:
    """Add to ``refs`` and ``passage_ids`` the regions and organisations ``links`` are about (passage ids counted
    from ``first``): a profile's passages."""
    for pid, link in enumerate(links, first):
        for entity in link.entities:
            if entity.type in PARTNER_CLASSES and entity.iri in link.subjects:
                refs.setdefault(entity.iri, {"iri": entity.iri, "label": entity.label, "type": entity.type})
                passage_ids[entity.iri].append(pid)


def graph_partners(facts: _GraphFacts, refs: dict[str, dict]) -> None:
    """Add to ``refs`` the regions and organisations party to an agreement or coordinating a sub-committee."""
    nodes = {party for _, party in facts.edges(GY.party)} | {node for node, _ in facts.edges(GY.coordinates)}
    for node in sorted(nodes, key=str):
        kind = facts.kind(node)
        if kind:
            refs.setdefault(str(node), {"iri": str(node), "label": facts.label(node), "type": kind})


def build_profiles(dataset, passages: list[Passage], links: list[PassageLinks], vectors: np.ndarray,
                   encode: Callable[[list[str]], np.ndarray], facts: _GraphFacts | None = None,
                   ) -> tuple[list[dict], np.ndarray, list[str], np.ndarray]:
    """One profile per region or organisation that passages are about or the graph describes.

    ``encode(texts)`` embeds the facts written out as text (passage prompt). Returns the profiles, their
    vectors, and the fact texts embedded with their vectors (the build keeps them for the next one).
    ``facts``: the dataset's relations already read (else read here).
    """
    if facts is None and dataset is not None:
        facts = _GraphFacts(dataset)
    refs: dict[str, dict] = {}
    passage_ids: dict[str, list[int]] = defaultdict(list)
    linked_partners(links, 0, refs, passage_ids)
    if facts is not None:
        graph_partners(facts, refs)
    return assemble_profiles(refs, passage_ids, facts, vectors, encode)


def assemble_profiles(refs: dict[str, dict], passage_ids: dict[str, list[int]], facts: _GraphFacts | None,
                      vectors: np.ndarray, encode: Callable[[list[str]], np.ndarray],
                      graph_parts: dict[str, dict] | None = None,
                      ) -> tuple[list[dict], np.ndarray, list[str], np.ndarray]:
    """The profiles of ``refs`` (graph part from ``facts``, passages from ``passage_ids``), their vectors (the mean
    of their passages' rows of ``vectors``, which may be memory-mapped, blended with ``encode`` of their facts).
    ``graph_parts``: :func:`graph_profiles` of ``refs``, if already read."""
    profiles: list[dict] = []
    if graph_parts is None:
        graph_parts = graph_profiles(facts, refs) if facts is not None else {}
    for iri, ref in sorted(refs.items()):
        graph_part = graph_parts.get(iri, {})
        profile = {**ref, "fields": [], "broader": [], "partners": [], "subcommittees": [], "programs": [],
                   "memberOf": [], "country": [], **graph_part, "passages": passage_ids.get(iri, [])}
        profile["text"] = profile_text(profile)
        profiles.append(profile)
    dim = vectors.shape[1] if vectors.ndim == 2 else 0
    if not profiles:
        return [], np.zeros((0, dim), dtype=np.float32), [], np.zeros((0, dim), dtype=np.float32)
    with_facts = [i for i, p in enumerate(profiles) if embeds_facts(p)]
    fact_texts = [profiles[i]["text"] for i in with_facts]
    fact_vectors = np.zeros((len(profiles), dim), dtype=np.float32)
    embedded = encode(fact_texts) if with_facts else np.zeros((0, dim), dtype=np.float32)
    if with_facts:
        fact_vectors[with_facts] = embedded
    out = np.zeros_like(fact_vectors)
    for i, profile in enumerate(profiles):
        mixed = FACT_TEXT_WEIGHT * fact_vectors[i]
        if profile["passages"]:
            mixed = mixed + vectors[profile["passages"]].mean(axis=0)
        norm = float(np.linalg.norm(mixed))
        out[i] = mixed / norm if norm > 0 else mixed
    return profiles, out, fact_texts, embedded
