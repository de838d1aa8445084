"""Partner profiles: what each region or organisation cooperates on, from graph facts and passages.

A profile gathers, per entity, the cooperation fields of its agreements (with their broad
areas), its agreement partners, the NEAR sub-committees it coordinates and the programmes it
takes part in, plus the passages about it. Its vector is the mean of those passages' vectors
blended with the embedding of the facts written out as text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

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

    def profile(self, node) -> dict:
        fields: set[str] = set()
        broad: set[str] = set()
        partners: set[str] = set()
        for agreement in self.into[node].get(GY.party, ()):
            for concept in self.out[agreement].get(GY.cooperationField, ()):
                fields.add(self.label(concept))
                broad.update(self.label(b) for b in self.out[concept].get(SKOS.broader, ()))
            partners.update(str(p) for p in self.out[agreement].get(GY.party, ()) if p != node)
        partners.update(str(p) for p in self.out[node].get(GY.signedWith, ()))
        partners.update(str(p) for p in self.into[node].get(GY.signedWith, ()))
        for programme in self.into[node].get(GY.runBy, ()):  # programme partners are existing partners too
            partners.update(str(p) for p in self.out[programme].get(GY.partner, ()))
        for programme in self.into[node].get(GY.partner, ()):
            partners.update(str(r) for r in self.out[programme].get(GY.runBy, ()))
        subcommittees = []
        for sub in self.out[node].get(GY.coordinates, ()):
            activity = [self.label(a) for a in self.out[sub].get(GY.activityField, ())]
            subcommittees.append(self.label(sub) + (f" ({', '.join(sorted(activity))})" if activity else ""))
        programs = sorted({self.label(n) for rel in (self.out[node], self.into[node]) for ns in rel.values()
                           for n in ns if "Program" in self.types.get(n, ())})
        organisations = sorted({self.label(o) for o in self.out[node].get(GY.memberOf, ())})
        countries = [c for c in self.out[node].get(GY.country, ())]
        return {"fields": sorted(fields), "broader": sorted(broad), "partners": sorted(partners - {str(node)}),
                "subcommittees": sorted(subcommittees), "programs": programs, "memberOf": organisations,
                "country": _country_keys(self, countries)}


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


def linked_partners(links: Iterable[PassageLinks], first: int, refs: dict[str, dict],
                    passage_ids: dict[str, list[int]]) -> None:
    """Add to ``refs`` and ``passage_ids`` the regions and organisations ``links`` are about (passage ids counted
    from ``first``): a profile's passages."""
    for pid, link in enumerate(links, first):
        for entity in link.entities:
            if entity.type in PARTNER_CLASSES and entity.iri in link.subjects:
                refs.setdefault(entity.iri, {"iri": entity.iri, "label": entity.label, "type": entity.type})
                passage_ids[entity.iri].append(pid)


def graph_partners(facts: _GraphFacts, nodes: Iterable, refs: dict[str, dict]) -> None:
    """Add to ``refs`` the ``nodes`` that are regions or organisations party to an agreement or coordinating a
    sub-committee."""
    for node in nodes:
        kind = facts.kind(node)
        if kind and (facts.into[node].get(GY.party) or facts.out[node].get(GY.coordinates)):
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
        graph_partners(facts, list(facts.types), refs)
    return assemble_profiles(refs, passage_ids, facts, vectors, encode)


def assemble_profiles(refs: dict[str, dict], passage_ids: dict[str, list[int]], facts: _GraphFacts | None,
                      vectors: np.ndarray, encode: Callable[[list[str]], np.ndarray],
                      ) -> tuple[list[dict], np.ndarray, list[str], np.ndarray]:
    """The profiles of ``refs`` (graph part from ``facts``, passages from ``passage_ids``), their vectors (the mean
    of their passages' rows of ``vectors``, which may be memory-mapped, blended with ``encode`` of their facts)."""
    profiles: list[dict] = []
    for iri, ref in sorted(refs.items()):
        graph_part = facts.profile(URIRef(iri)) if facts is not None else {}
        profile = {**ref, "fields": [], "broader": [], "partners": [], "subcommittees": [], "programs": [],
                   "memberOf": [], "country": [], **graph_part, "passages": passage_ids.get(iri, [])}
        profile["text"] = profile_text(profile)
        profiles.append(profile)
    dim = vectors.shape[1] if vectors.ndim == 2 else 0
    if not profiles:
        return [], np.zeros((0, dim), dtype=np.float32), [], np.zeros((0, dim), dtype=np.float32)
    with_facts = [i for i, p in enumerate(profiles) if p["text"] != p["label"] or not p["passages"]]
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
