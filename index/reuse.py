"""Reuse what the previous build computed: only new or changed inputs are embedded, tokenised or linked again.

Everything is keyed by the SHA-256 of the text it was computed from, and valid only for the code
and model that computed it:

* passage vectors and the partner-profile text vectors: same model weights (sha256);
* how far a passage's embedding text is cut to fit the model (:data:`FIT`): same model;
* BM25 tokens of a passage's lexical text: same tokenizer code (``index/korean.py``) and kiwipiepy;
* registry mentions of a passage's text: same linking and extraction code, registry data and kiwipiepy.

The previous index's ``reuse.json`` (and ``profile_text_vectors.npy``) hold them; a build writes
the entries it used, so they hold exactly the current corpus. Reused values are the values a fresh
computation gives (``tests/index/test_reuse.py`` builds with and without them and compares the files).

>>> text_key("passage text") == text_key("passage text")
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np

from index import artifacts

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


class Reuse:
    """Values of the previous build by text key, and the entries this build used (written by :meth:`save`)."""

    def __init__(self, previous: Path | None, model_sha256: str) -> None:
        self.model_sha256 = model_sha256
        self.versions = {"model": model_sha256, "fit": FIT, "tokens": tokens_version(),
                         "mentions": mentions_version()}
        self.old: dict[str, dict] = {"fit": {}, "tokens": {}, "mentions": {}}
        self.old_vectors: dict[str, np.ndarray] = {}
        self.old_profile_vectors: dict[str, np.ndarray] = {}
        self.used: dict[str, dict] = {"fit": {}, "tokens": {}, "mentions": {}}
        if previous is not None:
            self._read(artifacts.index_dir(previous))

    def _read(self, directory: Path) -> None:
        try:
            manifest = artifacts.read_json(directory / artifacts.MANIFEST)
            saved = artifacts.read_json(directory / REUSE)
        except (OSError, ValueError):
            saved, manifest = {}, {}
        versions = saved.get("versions", {})
        for part in self.old:
            if versions.get(part) == self.versions[part] and (part != "fit" or versions.get("model") ==
                                                              self.model_sha256):
                self.old[part] = saved.get(part, {})
        if manifest.get("model", {}).get("sha256") != self.model_sha256:
            return
        self.old_vectors = _keyed_vectors(directory / KEYS, directory / artifacts.EMBEDDINGS)
        if versions.get("model") == self.model_sha256:
            self.old_profile_vectors = _keyed_rows(saved.get("profile_keys", []), directory / PROFILE_TEXT_VECTORS)

    def _memo(self, part: str, key: str, compute: Callable[[], object]) -> object:
        value = self.old[part].get(key)
        if value is None:
            value = compute()
        self.used[part][key] = value
        return value

    def tokens(self, texts: list[str], tokenize: Callable[[list[str]], list[list[str]]]) -> list[list[str]]:
        """Lexical tokens of ``texts``; ``tokenize`` runs once over the texts not seen before."""
        keys = [text_key(t) for t in texts]
        missing = [i for i, k in enumerate(keys) if k not in self.old["tokens"]]
        fresh = dict(zip((keys[i] for i in missing), tokenize([texts[i] for i in missing]), strict=True))
        return [self._memo("tokens", k, lambda k=k: fresh[k]) for k in keys]

    def mentions(self, compute: Callable[[str], list]) -> Callable[[str], list]:
        """``compute(text)`` (a JSON-able list), remembered by text."""
        return lambda text: self._memo("mentions", text_key(text), lambda: compute(text))

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

    def save(self, directory: Path, embedded: list[str], profile_texts: list[str], profile_vectors: np.ndarray) -> None:
        """Write the entries used, the key of every embedded passage text and the profile text vectors."""
        artifacts.write_json(directory / KEYS, [text_key(t) for t in embedded])
        np.save(directory / PROFILE_TEXT_VECTORS, np.asarray(profile_vectors, dtype=np.float32))
        artifacts.write_json(directory / REUSE, {"versions": self.versions, **self.used,
                                                 "profile_keys": [text_key(t) for t in profile_texts]})


def _keyed_rows(keys: list[str], path: Path) -> dict[str, np.ndarray]:
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
    return _keyed_rows(keys, vectors_path)


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
