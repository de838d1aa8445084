"""Build the passage index: passages, embeddings, FAISS, BM25, entity links and partner profiles."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from corpus import Document
from graph.store import STORE_DIR
from index import artifacts
from index.dense import build_faiss, index_kind, refined, save_faiss
from index.early_lines import EarlyLines
from index.embedder import Embedder
from index.embedding_tasks import chunked_encoder, loaded_embedder
from index.entity_links import EntityRef, PassageLinks, ProvenanceIndex, link_passage, mention_refs, passage_with_links
from index.fact_passages import fact_passages, read_facts
from index.korean import KoreanTokenizer
from index.latent_terms import Latent, latents_wanted, passage_latents, previous_rows, save_latents
from index.lexical import LexicalIndex
from index.line_vectors import build_line_vectors, line_settings, line_texts, previous_line_vectors
from index.passages import Passage, segment
from index.profiles import build_profiles
from index.reuse import Reuse, document_key, encode_with_reuse, passages_version, text_key
from runtime.executors import Executor, SerialExecutor
from runtime.progress import Progress
from runtime.settings import Settings


def row_subjects(documents: list[Document], provenance: ProvenanceIndex, registry, mentions=None):
    """``row_subject(doc, line)``: from graph provenance; for documents without facts, the row's first name.

    The fallback (registry mentions in the row's first cells) cannot place continuation rows of
    merged groups; the graph extractor can, so its provenance wins wherever it exists.
    ``mentions(text)`` replaces ``mention_refs(registry, text)`` (a remembered version of it).
    """
    texts = {d.id: d for d in documents}
    mentions = mentions or (lambda text: mention_refs(registry, text))

    def subject(doc_id: str, line: int) -> str | None:
        if provenance.by_doc.get(doc_id) or registry is None:
            return provenance.row_subject(doc_id, line)
        cells = texts[doc_id].line(line).split("\t")[:3]
        found = mentions(" ".join(cells))
        return found[0].label if found else None

    return subject


def remembered_mentions(reuse: Reuse, registry, doc_id: str):
    """``mention_refs(registry, text)`` for texts of ``doc_id``, reusing the previous build's answer for a text
    seen before."""
    if registry is None:
        return lambda text: []
    remembered = reuse.mentions(doc_id, lambda text: [[e.iri, e.label, e.type] for e in mention_refs(registry, text)])
    return lambda text: [EntityRef(*row) for row in remembered(text)]


def document_passages(documents: list[Document], provenance: ProvenanceIndex, registry,
                      reuse: Reuse) -> tuple[list[Passage], list[PassageLinks], int]:
    """The passages of every document with their links, in document then line order, and how many documents
    were cut again: a document whose lines, title and fact spans are those of the previous build keeps its
    passages and links (:func:`index.reuse.document_key`)."""
    version = passages_version()
    passages: list[Passage] = []
    links: list[PassageLinks] = []
    cut = 0
    for doc in documents:
        rows = reuse.document(doc.id, document_key(doc, provenance.by_doc.get(doc.id, []), version))
        if rows is not None:
            pairs = [passage_with_links(row) for row in rows]
            passages += [p for p, _ in pairs]
            links += [link for _, link in pairs]
            continue
        cut += 1
        mentions = remembered_mentions(reuse, registry, doc.id)
        mine = segment(doc, row_subjects([doc], provenance, registry, mentions))
        passages += mine
        links += [link_passage(p.doc, p.line_start, p.line_end, p.text, p.table, provenance, registry, mentions)
                  for p in mine]
    return passages, links, cut


def remembered_counts(counts: Callable[[list[str]], list[int]]) -> Callable[[list[str]], list[int]]:
    """``counts(texts)`` computing each distinct text once over every call."""
    memo: dict[str, int] = {}

    def remembered(texts: list[str]) -> list[int]:
        todo = [t for t in dict.fromkeys(texts) if t not in memo]
        if todo:
            memo.update(zip(todo, counts(todo), strict=True))
        return [memo[t] for t in texts]

    return remembered


@contextlib.contextmanager
def model_loading_meanwhile(settings: Settings, early: EarlyLines | None = None) -> Iterator[None]:
    """Load the embedding models on background threads while the block runs, for a build that will need them (a
    cold one): ONNX Runtime reads and prepares its graph outside Python's lock, so the loading overlaps the graph
    stages on the other core. The embed stage takes the same model (:func:`index.embedding_tasks.loaded_embedder`),
    waiting if it is not ready; leaving the block waits for the threads (a failed build exits cleanly). With
    ``early``, its line process starts first (before any thread of the build) and loads the lines' model itself
    (:mod:`index.early_lines`); only the passages' model loads here. Leaving the block ends the line process."""
    def loaded(wanted: Settings) -> Embedder | None:
        try:
            return loaded_embedder(Embedder.load, wanted)
        except Exception:  # noqa: BLE001 - a model that cannot load fails in its stage, with its message
            return None

    if early is not None:
        early.start(settings)

    def models() -> None:
        if early is None:
            loaded(line_settings(settings))
        loaded(settings)

    thread = threading.Thread(target=models, name="load-models", daemon=True)
    thread.start()
    try:
        yield
    finally:
        if early is not None:
            early.close()
        thread.join()


def build_index(documents: list[Document], dataset, registry, out_dir: Path, settings: Settings,
                progress: Progress, previous: Path | None = None, executor: Executor | None = None,
                early: EarlyLines | None = None) -> dict:
    """Write the index into ``out_dir/index`` and return its manifest (JSON-able).

    ``previous`` is the data directory being replaced: what unchanged passages need is reused (``index.reuse``);
    the others are embedded through ``executor`` (default: in this process). ``early``: line vectors embedded while
    the graph stages ran, stopped when the passage embedding starts (:mod:`index.early_lines`).
    """
    target = artifacts.index_dir(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    embedder = Embedder.load(settings, lazy=True)  # weights only if a passage or profile must be embedded
    line_embedder = Embedder.load(line_settings(settings), lazy=True)
    reuse = Reuse(previous, embedder.sha256)
    if dataset is not None and len(documents) > settings.stream_above and (out_dir / STORE_DIR).is_dir():
        from index.stream_index import build_index_streamed

        progress.step(f"{len(documents)} documents: the index streams, {len(documents)} > GYORYU_STREAM_ABOVE "
                      "(latent terms left out)")
        figures = build_index_streamed(documents, out_dir / STORE_DIR, registry, target, settings, progress,
                                       embedder, reuse, previous, executor or SerialExecutor())
        return _manifest(target, embedder, line_embedder, figures, started)
    with progress.stage("passages"):
        graph_facts = read_facts(dataset) if dataset is not None else None  # one pass for all three readers
        provenance = ProvenanceIndex.from_facts(graph_facts) if graph_facts is not None else ProvenanceIndex.empty()
        passages, links, cut_documents = document_passages(documents, provenance, registry, reuse)
        facts, fact_links = fact_passages(dataset, documents, graph_facts)
        passages += facts
        links += fact_links
        artifacts.write_jsonl(target / artifacts.PASSAGES,
                          [{**p.to_json(), **link.to_json()} for p, link in zip(passages, links, strict=True)])
        linked = sum(1 for link in links if link.entities)
        progress.step(f"{len(passages)} passages from {len(documents)} documents ({len(facts)} fact passages), "
                      f"{linked} with entities; {cut_documents} documents cut into passages, "
                      f"{len(documents) - cut_documents} kept from the previous build")
    with progress.stage("bm25"):  # before the embedding: the early lines still have the second core
        tokenizer = KoreanTokenizer()
        counts, tokenised = reuse.term_counts([p.lexical_text for p in passages], tokenizer.batch)
        counts.save(target)
        lexical = LexicalIndex.from_counts(counts, tokenizer)
        lexical.save(target / artifacts.BM25)
        progress.step(f"{len(lexical.bm25.vocab_dict)} lexical terms ({tokenised} passage texts tokenised)")
    with progress.stage("embed"):
        limit = embedder.max_tokens - 8  # room for the "passage: " prompt and special tokens
        token_counts = remembered_counts(embedder.token_counts)  # fitting and chunking count the same texts
        texts, cut = reuse.fit([p.embed_text for p in passages], limit, token_counts)
        latent = latents_wanted(settings.latent_terms, previous)
        embedded_latents: dict[str, Latent] | None = {} if latent else None  # from the same runs
        encode = chunked_encoder(executor or SerialExecutor(), Embedder.load, settings, texts,
                                 [p.doc for p in passages], token_counts, progress, latents=embedded_latents)
        vectors, reused = encode_with_reuse(texts, reuse.old_vectors, encode, embedder.dim)
        np.save(target / artifacts.EMBEDDINGS, vectors)
        progress.step(f"{len(texts)} passages with {embedder.model_id}: {len(texts) - reused} embedded, "
                      f"{reused} reused from the previous build ({cut} cut to the token limit)")
    with progress.stage("lines"):
        cpu = time.process_time()
        owned = [(p.doc, text) for p in passages for _, text in line_texts(p)]
        encode = chunked_encoder(executor or SerialExecutor(), Embedder.load, line_settings(settings),
                                 [t for _, t in owned], [d for d, _ in owned], line_embedder.token_counts, progress,
                                 unit="lines")
        reusable = previous_line_vectors(previous, line_embedder.sha256)
        embedded_early = early.taken(line_embedder.sha256, [t for _, t in owned if text_key(t) not in reusable]
                                     ) if early is not None else {}
        lines, found = build_line_vectors(passages, target, {**embedded_early, **reusable}, encode,
                                          line_embedder.dim, line_embedder.sha256)
        # reused: from the previous build only (lines of the line process were embedded by this build, as a
        # streamed build that has none embeds them in its lines stage)
        reused_lines = sum(text_key(text) in reusable for _, text in owned)
        if early is not None:
            progress.step(f"{len(embedded_early)} lines from the line process, {early.early} of them embedded before "
                          f"this stage ({early.cpu_s:.1f} s CPU in that process)")
        progress.step(f"{lines} lines of multi-line passages on {line_embedder.engine}: {lines - found} "
                      f"embedded now, {found - reused_lines} by the line process, {reused_lines} reused "
                      f"({time.process_time() - cpu:.1f} s CPU in this process)")
    with progress.stage("faiss"):
        faiss_index = build_faiss(vectors)
        save_faiss(faiss_index, target / artifacts.FAISS)
        faiss_index = refined(faiss_index, vectors)  # as a search process serves it (its kind in the manifest)
        progress.step(f"{index_kind(faiss_index)} over {faiss_index.ntotal} vectors")
    if latent:
        with progress.stage("latent terms"):
            reusable = previous_rows(previous, embedder.sha256)
            beside = {text_key(t): row for t, row in (embedded_latents or {}).items() if text_key(t) not in reusable}
            rows, computed = passage_latents(texts, lambda: embedder, {**reusable, **beside})
            save_latents(target, texts, rows, embedder.sha256)
            progress.step(f"latent terms of {len(rows)} passages: {len(beside)} from the embedding runs, {computed} "
                          f"computed now, {len(rows) - computed - len(beside)} reused")
    with progress.stage("profiles"):
        profiles, profile_vectors, fact_texts, fact_vectors = build_profiles(
            dataset, passages, links, vectors,
            lambda texts: encode_with_reuse(
                texts, reuse.old_profile_vectors,
                lambda new: loaded_embedder(Embedder.load, settings).encode_passages(new), embedder.dim)[0],
            graph_facts)
        artifacts.write_json(target / artifacts.PROFILES, profiles)
        np.save(target / artifacts.PROFILE_VECTORS, profile_vectors)
        reuse.save(target, texts, fact_texts, fact_vectors)
        progress.step(f"{len(profiles)} partner profiles")
    return _manifest(target, embedder, line_embedder, {
        "passages": len(passages),
        "documents": sorted({p.doc for p in passages}),
        "faiss": index_kind(faiss_index),
        "profiles": len(profiles),
        "truncated_passages": cut,
        "reused_vectors": reused,
        "line_vectors": lines,
        "reused_line_vectors": reused_lines,
        "early_line_vectors": found - reused_lines,
        "line_process_cpu_s": round(early.cpu_s, 2) if early is not None else 0.0,
        "line_process_before_stage": early.early if early is not None else 0,
    }, started)


def _manifest(target: Path, embedder: Embedder, line_embedder: Embedder, figures: dict, started: float) -> dict:
    """Write the index manifest (model, ``figures``, how the ranking works, seconds) and return it."""
    manifest = {
        "format": artifacts.FORMAT_VERSION,
        "model": {"id": embedder.model_id, "sha256": embedder.sha256, "dim": embedder.dim, "engine": embedder.engine},
        "line_model": {"sha256": line_embedder.sha256, "engine": line_embedder.engine},
        **{k: v for k, v in figures.items() if k in ("passages", "documents", "faiss")},
        "lexical": "bm25s (kiwipiepy morphemes + syllable bigrams)",
        "fusion": "reciprocal rank fusion",
        **{k: v for k, v in figures.items() if k not in ("passages", "documents", "faiss")},
        "seconds": round(time.perf_counter() - started, 2),
    }
    artifacts.write_json(target / artifacts.MANIFEST, manifest)
    return manifest
