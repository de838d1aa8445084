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

from graph.entity_kinds import ENTITY_KINDS, PARTNER_CLASSES, PARTNER_KINDS
from index.errors import UnknownRegionError
from index.fact_passages import with_particle
from index.fusion import reciprocal_rank_fusion
from index.search import SearchEngine, validate_query

EVIDENCE_DEPTH = 60
EVIDENCE_PER_PARTNER = 3
PROFILE_DEPTH = 30
PARTNER_WEIGHTS = {"evidence": 1.0, "profile_dense": 0.6, "profile_lexical": 0.4, "facts": 1.0}
REASONS_PER_PARTNER = 3
#: In ``partners_like``: weights of shared cooperation areas and shared partners against vector similarity.
AREA_WEIGHT = 0.3
PARTNER_WEIGHT = 0.3


def _type_filter(type: str | None) -> str | None:
    if type is None:
        return None
    if type not in PARTNER_KINDS:
        raise ValueError(f"type must be one of {', '.join(PARTNER_KINDS)}, got {type!r}")
    return ENTITY_KINDS[type].class_name


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


def _partner(engine: SearchEngine, index: int, score: float, evidence: list[tuple[int, float]],
             reasons: list[dict] | None = None, terms: set[str] | None = None) -> dict:
    p = engine.profiles[index]
    return {"iri": p["iri"], "label": p["label"], "type": p["type"], "score": round(float(score), 4),
            "evidence": [engine.hit(pid, s, terms) for pid, s in evidence[:EVIDENCE_PER_PARTNER]],
            "reasons": reasons or []}


def _reason(engine: SearchEngine, pid: int, terms: set[str], named: set[str]) -> dict:
    """A fact passage as a reason: the fact, the query terms it matched (not the names the need names), its lines."""
    p = engine.passages[pid]
    said = f"{p.summary} {p.text}".lower()
    matched = sorted({t for t in terms if t.lower() in said and not any(t in n for n in named)},
                     key=lambda t: (-len(t), t))
    return {"fact": p.summary, "fact_en": p.summary_en, "field": ", ".join(matched[:4]), "doc": p.doc,
            "line_start": p.line_start, "line_end": p.line_end, "method": p.method or None,
            "confidence": p.confidence}


def fact_credit(engine: SearchEngine, ranked: list[tuple[int, float]], kind: str | None, country: str | None,
                by_iri: dict[str, int], named: set[str]) -> tuple[dict[int, float], dict[int, list[int]]]:
    """Entities credited by the fact passages among ``ranked`` (not the entities the need itself names)."""
    credit: dict[int, float] = defaultdict(float)
    facts: dict[int, list[int]] = defaultdict(list)
    for rank, (pid, _score) in enumerate(ranked):
        if not engine.passages[pid].summary:
            continue
        for entity in engine.links[pid].entities:
            i = by_iri.get(entity.iri)
            if i is None or entity.iri in named or not _allowed(engine.profiles[i], kind, country):
                continue
            if len(facts[i]) < REASONS_PER_PARTNER:
                credit[i] += 1 / (1 + rank / 10) / (1 + len(facts[i]))
            facts[i].append(pid)
    return credit, facts


def rank_partners(engine: SearchEngine, text: str, k: int = 10, type: str | None = None,
                  country: str | None = None) -> dict:
    """Entities ranked for the need ``text``: ``{"query", "partners": [...], "took_ms"}``."""
    start = time.perf_counter()
    query = validate_query(text, k, engine.settings)
    kind = _type_filter(type)
    by_iri = {p["iri"]: i for i, p in enumerate(engine.profiles)}
    links = engine.link(query)
    # the regions and organisations the need itself names are its context, not its answer
    own = {link.term.iri for link in links if link.term.type in PARTNER_CLASSES}
    allowed = [i for i, p in enumerate(engine.profiles) if _allowed(p, kind, country) and p["iri"] not in own]
    vector = engine.embed_query(query, links)
    terms = engine.query_terms(query, links)
    named = {link.term.iri for link in links}
    named_names = {n for link in links if link.term.type in PARTNER_CLASSES for n in (*link.term.korean, link.surface)}

    evidence: dict[int, list[tuple[int, float]]] = defaultdict(list)
    credit: dict[int, float] = defaultdict(float)
    ranked = engine.ranked(query, "hybrid", EVIDENCE_DEPTH, query_vector=vector, links=links, blended=False)
    for rank, (pid, score) in enumerate(ranked):
        if engine.passages[pid].summary:
            continue
        for iri in engine.links[pid].subjects:
            i = by_iri.get(iri)
            if i is None or iri in own or not _allowed(engine.profiles[i], kind, country):
                continue
            if len(evidence[i]) < EVIDENCE_PER_PARTNER:
                credit[i] += score / (1 + rank / 10) / (1 + len(evidence[i]))
            evidence[i].append((pid, score))
    rankings = {"evidence": sorted(credit, key=lambda i: -credit[i])}
    f_credit, facts = fact_credit(engine, ranked, kind, country, by_iri, named)
    if f_credit:
        rankings["facts"] = sorted(f_credit, key=lambda i: -f_credit[i])
    if allowed:
        sims = engine.profile_vectors[allowed] @ vector
        rankings["profile_dense"] = [allowed[j] for j in np.argsort(-sims)[:PROFILE_DEPTH]]
        rankings["profile_lexical"] = _profile_lexical_ranking(engine, query, allowed)
    fused = reciprocal_rank_fusion(rankings, PARTNER_WEIGHTS)[:k]
    partners = []
    for i, s in fused:
        reasons = [_reason(engine, pid, terms, named_names) for pid in facts.get(i, [])[:REASONS_PER_PARTNER]]
        partners.append(_partner(engine, i, s, evidence.get(i) or _best_passages(engine, i, vector), reasons, terms))
    linked = [link.term.to_json(link.surface) for link in links]
    return {"query": query, "linked": linked, "partners": partners,
            "took_ms": round((time.perf_counter() - start) * 1000, 1)}


def _best_passages(engine: SearchEngine, index: int, vector: np.ndarray) -> list[tuple[int, float]]:
    """An entity's own passages closest to ``vector`` (evidence when the search did not reach them)."""
    ids = engine.profiles[index]["passages"]
    if not ids:
        return []
    sims = engine.vectors[ids] @ vector
    order = np.argsort(-sims)[:EVIDENCE_PER_PARTNER]
    return [(ids[j], float(sims[j])) for j in order]


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _like_reasons(engine: SearchEngine, me: dict, index: int) -> list[dict]:
    """What two profiles share: agreement partners and cooperation areas (graph facts, no single line)."""
    other = engine.profiles[index]
    labels = {p["iri"]: p["label"] for p in engine.profiles}
    shared_partners = sorted(set(me.get("partners", [])) & set(other.get("partners", [])))
    shared_areas = sorted(set(me.get("broader", [])) & set(other.get("broader", [])))
    pair = f"{with_particle(me['label'], '과', '와')} {other['label']}"
    out = [{"fact": f"{pair}의 공통 협약 상대: {labels.get(iri, iri)}",
            "fact_en": f"shared agreement partner: {labels.get(iri, iri)}", "field": "partners",
            "doc": None, "line_start": None, "line_end": None} for iri in shared_partners[:REASONS_PER_PARTNER]]
    if shared_areas:
        out.append({"fact": f"공통 협력 분야: {', '.join(shared_areas)}", "fact_en": None, "field": "areas",
                    "doc": None, "line_start": None, "line_end": None})
    return out


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
    my_partners = set(me.get("partners", []))
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
        overlap = _jaccard(my_areas, areas)
        shared = _jaccard(my_partners, set(p.get("partners", [])))
        closeness = (float(sims[j]) - low) / (high - low) if high > low else 1.0
        scored.append(((1 - AREA_WEIGHT - PARTNER_WEIGHT) * closeness + AREA_WEIGHT * overlap
                       + PARTNER_WEIGHT * shared, i))
    scored.sort(key=lambda item: (-item[0], engine.profiles[item[1]]["label"]))
    partners = [_partner(engine, i, s, _best_passages(engine, i, vector), _like_reasons(engine, me, i))
                for s, i in scored[:k]]
    return {"query": query, "partners": partners, "took_ms": round((time.perf_counter() - start) * 1000, 1)}
