"""Query the built index: lexical (BM25), dense (FAISS) or hybrid (reciprocal rank fusion)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from graph.registry import Registry
from index import artifacts
from index.dense import load_faiss, search_faiss
from index.embedder import Embedder
from index.entity_links import PassageLinks
from index.errors import MissingIndexError, StaleIndexError
from index.fusion import korean_share, reciprocal_rank_fusion
from index.lexical import LexicalIndex
from index.passages import Passage
from runtime.settings import Settings

MODES = ("hybrid", "dense", "lexical")
#: How many candidates each single mode contributes to the fusion.
FUSION_DEPTH = 100
_FILES = (artifacts.PASSAGES, artifacts.EMBEDDINGS, artifacts.FAISS, artifacts.BM25, artifacts.PROFILES,
          artifacts.PROFILE_VECTORS, artifacts.MANIFEST)


def validate_query(text: object, k: object, settings: Settings) -> str:
    """The stripped query text; ValueError for empty or too long text or ``k`` out of range."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("query text is empty")
    if len(text) > settings.max_text_length:
        raise ValueError(f"query text is longer than {settings.max_text_length} characters")
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= settings.max_k:
        raise ValueError(f"k must be an integer from 1 to {settings.max_k}, got {k!r}")
    return text.strip()


@dataclass
class SearchEngine:
    """A loaded index: passages, their entity links, vectors, FAISS, BM25 and partner profiles."""

    passages: list[Passage]
    links: list[PassageLinks]
    vectors: np.ndarray
    faiss_index: object
    lexical: LexicalIndex
    embedder: Embedder
    profiles: list[dict]
    profile_vectors: np.ndarray
    manifest: dict
    settings: Settings
    data_dir: Path
    profile_tokens: list[set[str]] = field(default_factory=list)
    #: The names the index was built with; partner lookups resolve region names through it.
    registry: Registry = field(default_factory=Registry.default)

    @classmethod
    def load(cls, data_dir: Path, settings: Settings, registry: Registry | None = None) -> SearchEngine:
        """Open the index in ``data_dir``; refuse data that is missing or built with another model."""
        folder = artifacts.index_dir(data_dir)
        missing = [name for name in _FILES if not (folder / name).exists()]
        if missing:
            raise MissingIndexError(
                f"no complete search index in {data_dir} (missing {', '.join(missing)}); run `gyoryu build`")
        manifest = artifacts.read_json(folder / artifacts.MANIFEST)
        if manifest.get("format") != artifacts.FORMAT_VERSION:
            raise StaleIndexError(f"the index in {data_dir} has format {manifest.get('format')!r}, this version "
                                  f"reads {artifacts.FORMAT_VERSION}; run `gyoryu build`")
        built_with = manifest.get("model", {}).get("id")
        if built_with != settings.embed_model:
            raise StaleIndexError(
                f"the index in {data_dir} was built with embedding model {built_with!r} but GYORYU_EMBED_MODEL "
                f"is {settings.embed_model!r}; rebuild with `gyoryu build` or set the model back")
        embedder = Embedder.load(settings)
        if embedder.sha256 != manifest["model"].get("sha256"):
            raise StaleIndexError(
                f"the embedding model {settings.embed_model!r} has changed since the index in {data_dir} was built "
                "(different weights hash); run `gyoryu build`")
        rows = artifacts.read_jsonl(folder / artifacts.PASSAGES)
        passages = [Passage.from_json({k: v for k, v in row.items() if k not in ("entities", "subjects")})
                    for row in rows]
        links = [PassageLinks.from_json(row) for row in rows]
        vectors = np.load(folder / artifacts.EMBEDDINGS)
        if len(vectors) != len(passages):
            raise MissingIndexError(f"the index in {data_dir} is inconsistent (vectors ≠ passages); rebuild it")
        lexical = LexicalIndex.load(folder / artifacts.BM25)
        profiles = artifacts.read_json(folder / artifacts.PROFILES)
        engine = cls(passages=passages, links=links, vectors=vectors, faiss_index=load_faiss(folder / artifacts.FAISS),
                     lexical=lexical, embedder=embedder, profiles=profiles,
                     profile_vectors=np.load(folder / artifacts.PROFILE_VECTORS), manifest=manifest,
                     settings=settings, data_dir=Path(data_dir), registry=registry or Registry.default(),
                     profile_tokens=[set(t) for t in lexical.tokenizer.batch([p["text"] for p in profiles])])
        engine.ranked("워밍업 warm-up", "hybrid")  # first-call costs (tokenizer, torch) paid at load, not per query
        return engine

    def embed_query(self, text: str) -> np.ndarray:
        """The query's unit vector."""
        return self.embedder.encode_queries([text])[0]

    def ranked(self, text: str, mode: str = "hybrid", depth: int = FUSION_DEPTH,
               query_vector: np.ndarray | None = None) -> list[tuple[int, float]]:
        """``(passage id, score)`` best first for an already validated query."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
        rankings: dict[str, list[int]] = {}
        scored: dict[str, list[tuple[int, float]]] = {}
        if mode in ("dense", "hybrid"):
            vector = self.embed_query(text) if query_vector is None else query_vector
            ids, scores = search_faiss(self.faiss_index, vector, depth)
            scored["dense"] = [(int(i), float(s)) for i, s in zip(ids, scores, strict=True)]
        if mode in ("lexical", "hybrid"):
            scores = self.lexical.scores(text)
            order = np.argsort(-scores, kind="stable")[:depth]
            scored["lexical"] = [(int(i), float(scores[i])) for i in order if scores[i] > 0]
        if mode != "hybrid":
            return scored[mode]
        rankings = {name: [pid for pid, _ in items] for name, items in scored.items()}
        return reciprocal_rank_fusion(rankings, {"dense": 1.0, "lexical": korean_share(text)})

    def hit(self, pid: int, score: float) -> dict:
        """One search hit in the shape of DESIGN.md."""
        p = self.passages[pid]
        return {"doc": p.doc, "line_start": p.line_start, "line_end": p.line_end, "text": p.text,
                "score": round(float(score), 4), "title": p.title,
                "entities": [e.to_json() for e in self.links[pid].entities]}

    def hits(self, query: str, mode: str = "hybrid", k: int = 10, query_vector: np.ndarray | None = None) -> list[dict]:
        """The first ``k`` hits of an already validated query."""
        return [self.hit(pid, score) for pid, score in self.ranked(query, mode, query_vector=query_vector)[:k]]

    def search(self, text: str, k: int = 10, mode: str = "hybrid") -> dict:
        """Ranked passages: ``{"query", "mode", "hits", "took_ms"}``."""
        start = time.perf_counter()
        query = validate_query(text, k, self.settings)
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
        hits = self.hits(query, mode, k)
        return {"query": query, "mode": mode, "hits": hits,
                "took_ms": round((time.perf_counter() - start) * 1000, 1)}
