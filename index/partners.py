"""Partner finding: rank regions and organisations for a need, or like a given region.

``rank_partners`` fuses three rankings of candidate entities with reciprocal rank fusion:
the passages the hybrid search returns for the need (credited to the entities they are
about), the entities' graph profiles (agreement cooperation fields, coordinated NEAR
sub-committees, programmes) matched by meaning, and the same profiles matched lexically.
``partners_like`` ranks entities whose profile vector and cooperation areas resemble a
given region's — "who should we approach next?" — leaving out its existing partners.
"""

from __future__ import annotations

import time
from collections import defaultdict

import numpy as np

from index.errors import UnknownRegionError
from index.fusion import reciprocal_rank_fusion
from index.search import SearchEngine, validate_query

TYPES = {"region": "Region", "organization": "Organization"}
EVIDENCE_DEPTH = 60
EVIDENCE_PER_PARTNER = 3
PROFILE_DEPTH = 30
PARTNER_WEIGHTS = {"evidence": 1.0, "profile_dense": 0.6, "profile_lexical": 0.4}
#: In ``partners_like``: weight of shared cooperation areas against vector similarity.
AREA_WEIGHT = 0.3


def _type_filter(type: str | None) -> str | None:
    if type is None:
        return None
    if type not in TYPES:
        raise ValueError(f"type must be one of {', '.join(TYPES)}, got {type!r}")
    return TYPES[type]


def _allowed(profile: dict, kind: str | None, country: str | None) -> bool:
    if kind and profile["type"] != kind:
        return False
    return not country or country.strip().lower() in profile.get("country", [])


def _profile_lexical_ranking(engine: SearchEngine, text: str, candidates: list[int]) -> list[int]:
    tokens = set(engine.lexical.tokenizer.tokens(text))
    if not tokens:
        return []
    scored = []
    for i in candidates:
        profile_tokens = engine.profile_tokens[i]
        overlap = len(profile_tokens & tokens) / (1 + len(profile_tokens)) ** 0.5
        if overlap > 0:
            scored.append((overlap, i))
    return [i for _, i in sorted(scored, reverse=True)[:PROFILE_DEPTH]]


def _partner(engine: SearchEngine, index: int, score: float, evidence: list[tuple[int, float]]) -> dict:
    p = engine.profiles[index]
    return {"iri": p["iri"], "label": p["label"], "type": p["type"], "score": round(float(score), 4),
            "evidence": [engine.hit(pid, s) for pid, s in evidence[:EVIDENCE_PER_PARTNER]]}


def rank_partners(engine: SearchEngine, text: str, k: int = 10, type: str | None = None,
                  country: str | None = None) -> dict:
    """Entities ranked for the need ``text``: ``{"query", "partners": [...], "took_ms"}``."""
    start = time.perf_counter()
    query = validate_query(text, k, engine.settings)
    kind = _type_filter(type)
    by_iri = {p["iri"]: i for i, p in enumerate(engine.profiles)}
    allowed = [i for i, p in enumerate(engine.profiles) if _allowed(p, kind, country)]
    vector = engine.embed_query(query)

    evidence: dict[int, list[tuple[int, float]]] = defaultdict(list)
    credit: dict[int, float] = defaultdict(float)
    for rank, (pid, score) in enumerate(engine.ranked(query, "hybrid", EVIDENCE_DEPTH, query_vector=vector)):
        for iri in engine.links[pid].subjects:
            i = by_iri.get(iri)
            if i is None or not _allowed(engine.profiles[i], kind, country):
                continue
            if len(evidence[i]) < EVIDENCE_PER_PARTNER:
                credit[i] += score / (1 + rank / 10) / (1 + len(evidence[i]))
            evidence[i].append((pid, score))
    rankings = {"evidence": sorted(credit, key=lambda i: -credit[i])}
    if allowed:
        sims = engine.profile_vectors[allowed] @ vector
        rankings["profile_dense"] = [allowed[j] for j in np.argsort(-sims)[:PROFILE_DEPTH]]
        rankings["profile_lexical"] = _profile_lexical_ranking(engine, query, allowed)
    fused = reciprocal_rank_fusion(rankings, PARTNER_WEIGHTS)[:k]
    partners = [_partner(engine, i, s, evidence.get(i) or _best_passages(engine, i, vector)) for i, s in fused]
    return {"query": query, "partners": partners, "took_ms": round((time.perf_counter() - start) * 1000, 1)}


def _best_passages(engine: SearchEngine, index: int, vector: np.ndarray) -> list[tuple[int, float]]:
    """An entity's own passages closest to ``vector`` (evidence when the search did not reach them)."""
    ids = engine.profiles[index]["passages"]
    if not ids:
        return []
    sims = engine.vectors[ids] @ vector
    order = np.argsort(-sims)[:EVIDENCE_PER_PARTNER]
    return [(ids[j], float(sims[j])) for j in order]


def find_profile(engine: SearchEngine, region: str) -> int:
    """Index of the profile named by an IRI or a label (spacing ignored); UnknownRegionError if unknown."""
    wanted = "".join(region.split()).rstrip("*")
    for i, p in enumerate(engine.profiles):
        if p["iri"] == region or "".join(p["label"].split()) == wanted:
            return i
    resolved = engine.registry.resolve(region).entity
    if resolved is not None:
        for i, p in enumerate(engine.profiles):
            if p["iri"] == str(resolved.iri):
                return i
    raise UnknownRegionError(f"unknown region {region!r}: no profile in the index")


def partners_like(engine: SearchEngine, region: str, k: int = 10, exclude_existing: bool = True) -> dict:
    """Regions whose cooperation profile resembles ``region``'s: ``{"query", "partners", "took_ms"}``."""
    start = time.perf_counter()
    query = validate_query(region, k, engine.settings)
    target = find_profile(engine, query)
    me = engine.profiles[target]
    skip = {me["iri"]} | (set(me.get("partners", [])) if exclude_existing else set())
    my_areas = set(me.get("broader", [])) | set(me.get("fields", []))
    candidates = [i for i, p in enumerate(engine.profiles) if p["type"] == "Region" and p["iri"] not in skip]
    if not candidates:
        return {"query": query, "partners": [], "took_ms": round((time.perf_counter() - start) * 1000, 1)}
    vector = engine.profile_vectors[target]
    sims = engine.profile_vectors[candidates] @ vector
    low, high = float(sims.min()), float(sims.max())
    scored = []
    for j, i in enumerate(candidates):
        p = engine.profiles[i]
        areas = set(p.get("broader", [])) | set(p.get("fields", []))
        overlap = len(my_areas & areas) / len(my_areas | areas) if my_areas and areas else 0.0
        closeness = (float(sims[j]) - low) / (high - low) if high > low else 1.0
        scored.append(((1 - AREA_WEIGHT) * closeness + AREA_WEIGHT * overlap, i))
    scored.sort(key=lambda item: (-item[0], engine.profiles[item[1]]["label"]))
    partners = [_partner(engine, i, s, _best_passages(engine, i, vector)) for s, i in scored[:k]]
    return {"query": query, "partners": partners, "took_ms": round((time.perf_counter() - start) * 1000, 1)}
