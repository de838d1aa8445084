"""Reuse what the previous build computed: only new or changed inputs are embedded, tokenised or linked again.

Everything is keyed by the SHA-256 of the text it was computed from, and valid only for the code
and model that computed it:

* passage vectors and the partner-profile text vectors: same model weights (sha256);
* how far a passage's embedding text is cut to fit the model (:data:`FIT`): same model;
* BM25 term counts of a passage's lexical text (``index/term_counts.py``): same tokenizer code
  (``index/korean.py``) and kiwipiepy;
* registry mentions of a document's texts: same linking and extraction code, registry data and kiwipiepy;
* a document's passages and their entity links: same lines and title, same fact spans in the graph
  (with their entities), same passage and linking code (:func:`document_key`).

The previous index's ``reuse.json``, ``term_counts.*``, ``passages.jsonl`` (and ``profile_text_vectors.npy``)
hold them; a build writes the entries it used, so they hold exactly the current corpus. Reused values are
the values a fresh computation gives (``tests/index/test_reuse.py`` builds with and without them and compares
the files; ``tests/cli/test_ingest.py`` compares an ingested index with a clean build's).

>>> text_key("passage text") == text_key("passage text")
True
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np

from index import artifacts
from index.term_counts import TermCounts

KEYS = "embedding_keys.json"
REUSE = "reuse.json"
PROFILE_TEXT_VECTORS = "profile_text_vectors.npy"
#: Bumped when the rule cutting embedding texts to the model's limit changes.
FIT = "fit-1"
_ROOT = Path(__file__).resolve().parent.parent


def text_key(text: str) -> str:
    """Identity of one text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=4)
def code_version(*names: str) -> str:
    """SHA-256 over project files (relative paths; folders: their ``.py``/``.tsv``/``.ttl``) and kiwipiepy's version."""
    digest = hashlib.sha256(metadata.version("kiwipiepy").encode())
    for name in names:
        path = _ROOT / name
        files = sorted(p for suffix in ("py", "tsv", "ttl") for p in path.rglob(f"*.{suffix}")) if path.is_dir() \
            else [path]
        for file in files:
            digest.update(str(file.relative_to(_ROOT)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def tokens_version() -> str:
    """What lexical tokens depend on."""
    return code_version("index/korean.py")


def mentions_version() -> str:
    """What a passage's registry mentions depend on (the registry and its data live in ``graph/``)."""
    return code_version("index/entity_links.py", "index/korean.py", "graph", "ontology")


def passages_version() -> str:
    """What a document's passages and links depend on besides its lines and its fact spans."""
    return code_version("index/passages.py", "index/entity_links.py", "index/build.py", "index/korean.py", "corpus",
                        "graph", "ontology")


def document_key(doc, spans: list, version: str) -> str:
    """Identity of a document's passages: its id, lines and title, the fact spans the graph gives its lines
    (``FactSpan``: lines and the entities they state) and ``version`` (:func:`passages_version`)."""
    identity = [doc.id, doc.sha256, doc.title, version,
                [[s.start, s.end, [[e.iri, e.label, e.type] for e in s.entities]] for s in spans]]
    return text_key(json.dumps(identity, ensure_ascii=False))


class Reuse:
    """Values of the previous build by text key, and the entries this build used (written by :meth:`save`)."""

    def __init__(self, previous: Path | None, model_sha256: str) -> None:
        self.model_sha256 = model_sha256
        self.versions = {"model": model_sha256, "fit": FIT, "tokens": tokens_version(),
                         "mentions": mentions_version() + ":by-document", "passages": passages_version()}
        self.old: dict[str, dict] = {"fit": {}, "mentions": {}, "documents": {}}
        self.old_vectors: dict[str, np.ndarray] = {}
        self.old_profile_vectors: dict[str, np.ndarray] = {}
        self.old_counts = TermCounts.empty()
        self.used: dict[str, dict] = {"fit": {}, "mentions": defaultdict(dict), "documents": {}}
        self._previous = artifacts.index_dir(previous) if previous is not None else None
        self._old_rows: dict[str, list[dict]] | None = None
        if self._previous is not None:
            self._read(self._previous)

    def _read(self, directory: Path) -> None:
        try:
            manifest = artifacts.read_json(directory / artifacts.MANIFEST)
            saved = artifacts.read_json(directory / REUSE)
        except (OSError, ValueError):
            saved, manifest = {}, {}
        versions = saved.get("versions", {})
        for part, version in (("fit", "fit"), ("mentions", "mentions"), ("documents", "passages")):
            if versions.get(version) == self.versions[version] and (part != "fit" or versions.get("model") ==
                                                                    self.model_sha256):
                self.old[part] = saved.get(part, {})
        if versions.get("tokens") == self.versions["tokens"]:
            try:
                self.old_counts = TermCounts.load(directory)
            except (OSError, ValueError, KeyError):
                self.old_counts = TermCounts.empty()
        if manifest.get("model", {}).get("sha256") != self.model_sha256:
            return
        self.old_vectors = _keyed_vectors(directory / KEYS, directory / artifacts.EMBEDDINGS)
        if versions.get("model") == self.model_sha256:
            self.old_profile_vectors = keyed_rows(saved.get("profile_keys", []), directory / PROFILE_TEXT_VECTORS)

    def document(self, doc_id: str, key: str) -> list[dict] | None:
        """The previous build's passage rows (passage and links) of a document whose :func:`document_key` is
        ``key``, or None when they must be made again; either way the document is recorded with ``key``."""
        self.used["documents"][doc_id] = key
        if self.old["documents"].get(doc_id) != key or self._previous is None:
            return None
        if self._old_rows is None:
            self._old_rows = defaultdict(list)
            try:
                for row in artifacts.read_jsonl(self._previous / artifacts.PASSAGES):
                    if not row.get("summary"):  # fact passages are made from the graph every time
                        self._old_rows[row["doc"]].append(row)
            except (OSError, ValueError, KeyError):
                self._old_rows = {}
        rows = self._old_rows.get(doc_id)
        if rows is None:
            return None
        if doc_id in self.old["mentions"]:
            self.used["mentions"][doc_id] = self.old["mentions"][doc_id]
        return rows

    def _memo(self, part: str, key: str, compute: Callable[[], object], old: dict | None = None,
              used: dict | None = None) -> object:
        value = (self.old[part] if old is None else old).get(key)
        if value is None:
            value = compute()
        (self.used[part] if used is None else used)[key] = value
        return value

    def term_counts(self, texts: list[str], tokenize: Callable[[list[str]], list[list[str]]]
                    ) -> tuple[TermCounts, int]:
        """Term counts of ``texts`` (in order): the previous build's rows where it had the text, ``tokenize`` run
        once over the texts not seen before (also how many)."""
        keys = [text_key(t) for t in texts]
        known = self.old_counts.row_of()
        missing = {k: t for k, t in zip(keys, texts, strict=True) if k not in known}
        fresh = dict(zip(missing, tokenize(list(missing.values())), strict=True))
        return self.old_counts.assemble(keys, fresh.get), len(fresh)

    def mentions(self, doc_id: str, compute: Callable[[str], list]) -> Callable[[str], list]:
        """``compute(text)`` (a JSON-able list) for texts of document ``doc_id``, remembered by text."""
        old, used = self.old["mentions"].get(doc_id, {}), self.used["mentions"][doc_id]
        return lambda text: self._memo("mentions", text_key(text), lambda: compute(text), old, used)

    def fit(self, texts: list[str], limit: int, counts: Callable[[list[str]], list[int]]) -> tuple[list[str], int]:
        """``texts`` cut at the end (by tenths) until ``counts`` finds them within ``limit`` tokens; also how many cut.

        The cut length of a text seen before is reused; ``counts`` is called only for new texts.
        """
        keys = [text_key(t) for t in texts]
        lengths: dict[int, int] = {}
        todo = {i: texts[i] for i, k in enumerate(keys) if k not in self.old["fit"]}
        while todo:
            over = {}
            for (i, text), n in zip(todo.items(), counts(list(todo.values())), strict=True):
                if n > limit:
                    over[i] = text[: int(len(text) * 0.9)]
                else:
                    lengths[i] = len(text)
            todo = over
        out = []
        for i, (text, key) in enumerate(zip(texts, keys, strict=True)):
            length = self._memo("fit", key, lambda i=i: lengths[i])
            out.append(text[:length])
        return out, sum(len(a) != len(b) for a, b in zip(out, texts, strict=True))

    def save(self, directory: Path, embedded: list[str], profile_texts: list[str], profile_vectors: np.ndarray,
             keys: list[str] | None = None) -> None:
        """Write the entries used, the key of every embedded passage text (``keys`` when already made: then
        ``embedded`` is not read) and the profile text vectors."""
        artifacts.write_json(directory / KEYS, keys if keys is not None else [text_key(t) for t in embedded])
        np.save(directory / PROFILE_TEXT_VECTORS, np.asarray(profile_vectors, dtype=np.float32))
        used = {**self.used, "mentions": dict(sorted(self.used["mentions"].items())),
                "documents": dict(sorted(self.used["documents"].items()))}
        artifacts.write_json(directory / REUSE, {"versions": self.versions, **used,
                                                 "profile_keys": [text_key(t) for t in profile_texts]})


def keyed_rows(keys: list[str], path: Path) -> dict[str, np.ndarray]:
    """The rows of the ``.npy`` file ``path`` by ``keys`` (empty when it is missing or their counts differ)."""
    try:
        vectors = np.load(path)
    except (OSError, ValueError):
        return {}
    return dict(zip(keys, vectors, strict=True)) if len(keys) == len(vectors) else {}


def _keyed_vectors(keys_path: Path, vectors_path: Path) -> dict[str, np.ndarray]:
    try:
        keys = artifacts.read_json(keys_path)
    except (OSError, ValueError):
        return {}
    return keyed_rows(keys, vectors_path)


def encode_with_reuse(texts: list[str], reusable: dict[str, np.ndarray], encode, dim: int) -> tuple[np.ndarray, int]:
    """Vectors for ``texts``: reused where possible, ``encode(new_texts)`` for the rest; also the reuse count."""
    keys = [text_key(t) for t in texts]
    missing = [i for i, k in enumerate(keys) if k not in reusable]
    out = np.zeros((len(texts), dim), dtype=np.float32)
    for i, k in enumerate(keys):
        if k in reusable:
            out[i] = reusable[k]
    if missing:
        out[missing] = encode([texts[i] for i in missing])
    return out, len(texts) - len(missing)
