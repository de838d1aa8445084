"""The index build past the streaming threshold: documents in chunks, nothing of the whole corpus in memory at once.

:func:`index.build.build_index` holds every passage, its links, the vectors and the graph's relations at once:
about 8 GB at 100× the seeds. Above ``GYORYU_STREAM_ABOVE`` documents (where the graph is streamed too) the
same files are written by :func:`build_index_streamed`, :data:`CHUNK_DOCUMENTS` documents at a time:

- the graph's relations are looked up per node in the on-disk store (:class:`index.store_facts.StoreFacts`),
  one document's provenance and fact nodes at a time;
- each chunk's passages are appended to ``passages.jsonl``, embedded (reusing the previous build's vectors as
  usual) into a ``.npy`` written row by row (:class:`index.vector_file.RowsFile`), their lines likewise, and
  tokenised into term counts; document passages first, in document order, then fact passages, by document id
  (the order of the whole-graph build);
- FAISS (the type :mod:`index.dense` picks for the size) is filled from the memory-mapped vectors in chunks;
  BM25 is computed from the stacked term counts and memory-mapped when the search loads it; partner profiles
  take the mean of their passages' rows of the memory-mapped vectors.

Per-part wall and CPU seconds and the peak resident memory after each part go into the manifest (``stream``).
"""

from __future__ import annotations

import pickle
import resource
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from corpus import Document
from index import artifacts
from index.dense import build_faiss, index_kind, refined, save_faiss
from index.embedder import Embedder
from index.embedding_tasks import chunked_encoder, loaded_embedder
from index.entity_links import PassageLinks
from index.fact_passages import fact_passages
from index.korean import KoreanTokenizer
from index.lexical import LexicalIndex
from index.line_vectors import (
    LINE_FAISS,
    LINE_VECTORS,
    LINES,
    line_settings,
    line_texts,
    lines_json,
    previous_line_vectors,
)
from index.passages import Passage
from index.profiles import assemble_profiles, graph_partners, linked_partners
from index.reuse import Reuse, encode_with_reuse, text_key
from index.store_facts import StoreFacts
from index.term_counts import TermCounts
from index.vector_file import RowsFile
from runtime.executors import Executor
from runtime.progress import Progress
from runtime.settings import Settings

#: Documents cut, embedded and tokenised together.
CHUNK_DOCUMENTS = 200
PARTS = ("passages", "embed", "lines", "bm25 tokens", "faiss", "bm25", "profiles")


def peak_rss_mb() -> int:
    """The peak resident memory of this process so far, in MB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


class _Clock:
    """Wall and CPU seconds per part, added up over the chunks, the peak resident memory after each part, and where
    its wall time beyond its CPU time may have gone: MB read from disk (``ru_inblock``, page-cache misses of the store
    and the files) and the times the process waited (voluntary context switches: I/O, locks)."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.read_blocks: dict[str, int] = defaultdict(int)
        self.waits: dict[str, int] = defaultdict(int)
        self.peak_mb: dict[str, int] = {}

    @contextmanager
    def part(self, name: str) -> Iterator[None]:
        wall, cpu, usage = time.perf_counter(), time.process_time(), resource.getrusage(resource.RUSAGE_SELF)
        yield
        after = resource.getrusage(resource.RUSAGE_SELF)
        self.wall[name] += time.perf_counter() - wall
        self.cpu[name] += time.process_time() - cpu
        self.read_blocks[name] += after.ru_inblock - usage.ru_inblock
        self.waits[name] += after.ru_nvcsw - usage.ru_nvcsw
        self.peak_mb[name] = peak_rss_mb()

    def report(self) -> dict:
        return {name: {"wall_s": round(self.wall[name], 1), "cpu_s": round(self.cpu[name], 1),
                       "read_mb": round(self.read_blocks[name] * 512 / 1e6, 1), "waits": self.waits[name],
                       "peak_rss_mb": self.peak_mb.get(name)} for name in PARTS if name in self.wall}


class _FactSpool:
    """Each document's fact passages and links, made while the first pass has its nodes in the store's cache and
    kept in an unnamed temporary file until the second pass writes them in document id order.

    Past :data:`index.store_facts.KEEP_NODES` described nodes (about 100× the seeds) the second pass used to read
    every fact node, span and neighbour from the store again: at 1000× a second read of the whole graph."""

    def __init__(self, folder: Path) -> None:
        self.file = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 (closed by close(); unlinked at once)
        self.offsets: dict[str, int] = {}

    def put(self, doc_id: str, passages: list[Passage], links: list[PassageLinks]) -> None:
        self.offsets[doc_id] = self.file.tell()
        pickle.dump((passages, links), self.file, protocol=pickle.HIGHEST_PROTOCOL)

    def take(self, doc_id: str) -> tuple[list[Passage], list[PassageLinks]]:
        self.file.seek(self.offsets.pop(doc_id))
        return pickle.load(self.file)  # noqa: S301 (written by this process)

    def end_of_writes(self) -> None:
        self.file.flush()

    def close(self) -> None:
        self.file.close()


class _Sink:
    """Where each chunk's passages go: ``passages.jsonl``, the vector files, term counts and profile links."""

    def __init__(self, target: Path, embedder: Embedder, settings: Settings, progress: Progress,
                 executor: Executor, reuse: Reuse, previous: Path | None, clock: _Clock) -> None:
        self.target, self.embedder, self.settings, self.progress = target, embedder, settings, progress
        self.executor, self.reuse, self.clock = executor, reuse, clock
        self.rows = open(target / artifacts.PASSAGES, "w", encoding="utf-8")  # noqa: SIM115 (closed by close())
        self.vectors = RowsFile(target / artifacts.EMBEDDINGS, embedder.dim)
        self.line_vectors = RowsFile(target / LINE_VECTORS, embedder.dim)
        self.line_embedder = Embedder.load(line_settings(settings), lazy=True)
        self.old_lines = previous_line_vectors(previous, self.line_embedder.sha256)
        self.keys: list[str] = []
        self.line_owners: list[int] = []
        self.line_keys: list[str] = []
        self.counts: list[TermCounts] = []
        self.tokenizer = KoreanTokenizer()
        self.refs: dict[str, dict] = {}
        self.passage_ids: dict[str, list[int]] = defaultdict(list)
        self.docs: set[str] = set()
        self.passages = self.cut = self.reused = self.reused_lines = self.tokenised = self.facts = self.linked = 0

    def encoder(self, texts: list[str], docs: list[str], counts: Callable, unit: str, settings: Settings | None = None):
        return chunked_encoder(self.executor, Embedder.load, settings or self.settings, texts, docs, counts,
                               self.progress, unit=unit)

    def add(self, passages: list[Passage], links: list[PassageLinks]) -> None:
        """Write, embed and tokenise one chunk's passages."""
        first = self.passages
        with self.clock.part("passages"):
            for passage, link in zip(passages, links, strict=True):
                self.rows.write(artifacts.json_line({**passage.to_json(), **link.to_json()}))
            linked_partners(links, first, self.refs, self.passage_ids)
            self.docs.update(p.doc for p in passages)
            self.linked += sum(1 for link in links if link.entities)
        with self.clock.part("embed"):
            memo: dict[str, int] = {}

            def counts(texts: list[str]) -> list[int]:  # fitting and chunking count the same texts
                todo = [t for t in dict.fromkeys(texts) if t not in memo]
                if todo:
                    memo.update(zip(todo, self.embedder.token_counts(todo), strict=True))
                return [memo[t] for t in texts]

            texts, cut = self.reuse.fit([p.embed_text for p in passages], self.embedder.max_tokens - 8, counts)
            vectors, reused = encode_with_reuse(texts, self.reuse.old_vectors,
                                                self.encoder(texts, [p.doc for p in passages], counts, "passages"),
                                                self.embedder.dim)
            self.vectors.append(vectors)
            self.keys += [text_key(t) for t in texts]
            self.cut, self.reused = self.cut + cut, self.reused + reused
        with self.clock.part("lines"):
            owned = [(first + n, p.doc, text) for n, p in enumerate(passages) for _, text in line_texts(p)]
            lines = [t for _, _, t in owned]
            vectors, reused = encode_with_reuse(
                lines, self.old_lines,
                self.encoder(lines, [d for _, d, _ in owned], self.line_embedder.token_counts, "lines",
                             line_settings(self.settings)), self.embedder.dim)
            self.line_vectors.append(vectors.reshape(-1, self.embedder.dim))
            self.line_owners += [pid for pid, _, _ in owned]
            self.line_keys += [text_key(t) for t in lines]
            self.reused_lines += reused
        with self.clock.part("bm25 tokens"):
            counts_, tokenised = self.reuse.term_counts([p.lexical_text for p in passages], self.tokenizer.batch)
            self.counts.append(counts_)
            self.tokenised += tokenised
        self.passages += len(passages)

    def close(self) -> None:
        self.rows.close()
        self.vectors.close()
        self.line_vectors.close()


def _chunks(documents: list[Document]) -> Iterator[list[Document]]:
    for start in range(0, len(documents), CHUNK_DOCUMENTS):
        yield documents[start:start + CHUNK_DOCUMENTS]


def build_index_streamed(documents: list[Document], store_dir: Path, registry, target: Path, settings: Settings,
                         progress: Progress, embedder: Embedder, reuse: Reuse, previous: Path | None,
                         executor: Executor) -> dict:
    """Write the index files of ``documents`` into ``target`` chunk by chunk, the graph read from the store in
    ``store_dir``; returns the manifest's figures (the caller adds the model and the timings)."""
    from index.build import document_passages

    facts = StoreFacts(store_dir)
    clock = _Clock()
    sink = _Sink(target, embedder, settings, progress, executor, reuse, previous, clock)
    cut_documents = 0
    spool = _FactSpool(target)
    with progress.stage("passages, vectors and terms"):
        for n, chunk in enumerate(_chunks(documents), 1):
            passages: list[Passage] = []
            links: list[PassageLinks] = []
            with clock.part("passages"):
                for doc in chunk:
                    provenance = facts.provenance(doc.id)
                    mine, my_links, cut = document_passages([doc], provenance, registry, reuse)
                    passages += mine
                    links += my_links
                    cut_documents += cut
                    spans, nodes = facts.document_facts(doc.id)  # its nodes are in the cache now
                    spool.put(doc.id, *fact_passages(facts, [doc], facts, nodes, spans))
            sink.add(passages, links)
            progress.step(f"documents chunk {n}: {sink.passages} passages so far, peak {peak_rss_mb()} MB")
        spool.end_of_writes()
        by_id = sorted(documents, key=lambda d: d.id)
        for n, chunk in enumerate(_chunks(by_id), 1):
            passages, links = [], []
            with clock.part("passages"):
                for doc in chunk:
                    mine, my_links = spool.take(doc.id)
                    passages += mine
                    links += my_links
            sink.add(passages, links)
            sink.facts += len(passages)
            progress.step(f"fact chunk {n}: {sink.facts} fact passages so far, peak {peak_rss_mb()} MB")
        sink.close()
        spool.close()
        progress.step(f"{sink.passages} passages from {len(documents)} documents ({sink.facts} fact passages), "
                      f"{sink.linked} with entities; {cut_documents} documents cut into passages, "
                      f"{len(documents) - cut_documents} kept from the previous build; {sink.passages - sink.reused} "
                      f"embedded, {sink.reused} reused ({sink.cut} cut to the token limit); {len(sink.line_keys)} "
                      f"lines, {sink.reused_lines} reused; {sink.tokenised} passage texts tokenised")
    vectors = np.load(target / artifacts.EMBEDDINGS, mmap_mode="r")
    with progress.stage("faiss"), clock.part("faiss"):
        faiss_index = build_faiss(vectors)
        save_faiss(faiss_index, target / artifacts.FAISS)
        kind = index_kind(refined(faiss_index, vectors))  # as a search process serves it
        del faiss_index
        lines = np.load(target / LINE_VECTORS, mmap_mode="r")
        line_index = build_faiss(lines)
        save_faiss(line_index, target / LINE_FAISS)
        line_kind = index_kind(refined(line_index, lines))
        del line_index
        artifacts.write_json(target / LINES, lines_json(sink.line_owners, sink.line_keys, sink.line_embedder.sha256))
        progress.step(f"{kind} over {len(vectors)} passage vectors, {line_kind} over {len(lines)} line vectors")
    with progress.stage("bm25"), clock.part("bm25"):
        counts = TermCounts.stacked(sink.counts)
        sink.counts = []
        counts.save(target)
        lexical = LexicalIndex.from_counts(counts, sink.tokenizer)
        lexical.save(target / artifacts.BM25)
        terms = len(lexical.bm25.vocab_dict)
        del counts, lexical
        progress.step(f"{terms} lexical terms")
    with progress.stage("profiles"), clock.part("profiles"):
        refs = sink.refs
        graph_partners(facts, refs)
        profiles, profile_vectors, fact_texts, fact_vectors = assemble_profiles(
            refs, sink.passage_ids, facts, vectors,
            lambda texts: encode_with_reuse(
                texts, reuse.old_profile_vectors,
                lambda new: loaded_embedder(Embedder.load, settings).encode_passages(new), embedder.dim)[0])
        artifacts.write_json(target / artifacts.PROFILES, profiles)
        np.save(target / artifacts.PROFILE_VECTORS, profile_vectors)
        reuse.save(target, [], fact_texts, fact_vectors, keys=sink.keys)
        progress.step(f"{len(profiles)} partner profiles")
    for name, figures in clock.report().items():
        progress.timings[f"index {name}"] = figures["wall_s"]
        progress.cpu_timings[f"index {name}"] = figures["cpu_s"]
    return {"passages": sink.passages, "documents": sorted(sink.docs), "faiss": kind,
            "line_faiss": line_kind, "profiles": len(profiles), "truncated_passages": sink.cut,
            "reused_vectors": sink.reused, "line_vectors": len(sink.line_keys),
            "reused_line_vectors": sink.reused_lines,
            "stream": {"chunk_documents": CHUNK_DOCUMENTS, "parts": clock.report()}}

