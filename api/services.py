"""The back ends one app uses, opened lazily (once, thread-safe) from the settings' data directory."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from flask import current_app

from api.errors import ApiError
from api.readiness import LoadedBuild
from corpus.documents import DocumentSource, corpus_dir_for
from graph.editor_terms import editor_terms
from graph.graph_reader import GraphReader, as_store
from graph.query_pool import QueryPool
from graph.store import PREFIX_MAP, GraphStore
from index.errors import SearchIndexError
from runtime.settings import Settings

T = TypeVar("T")
EXTENSION = "gyoryu"


class Services:
    """Graph reader, SPARQL executor, search engine and documents of one app."""

    def __init__(self, settings: Settings, search_engine: Any = None, store: Any = None) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._cache: dict[str, Any] = {}
        if search_engine is not None:
            self._cache["search"] = search_engine
        if store is not None:
            self._cache["reader"] = GraphReader(as_store(store))

    def _get(self, name: str, factory: Callable[[], T]) -> T:
        """The back end ``name``, opened once; each has its own lock so a slow one blocks no other."""
        found = self._cache.get(name)  # opened already (every request after the first): no lock to take
        if found is not None:
            return found
        with self._lock:
            lock = self._locks.setdefault(name, threading.Lock())
        with lock:
            if name not in self._cache:
                self._cache[name] = factory()
            return self._cache[name]

    @property
    def build(self) -> LoadedBuild:
        """The built data as loaded at start: manifest, build id (for ETags), document stamps."""
        return self._get("build", lambda: LoadedBuild(self.settings.data_dir))

    @property
    def reader(self) -> GraphReader:
        """The in-process graph for fixed lookups."""
        return self._get("reader", lambda: GraphReader.open(self.settings.data_dir, self.settings.store))

    @property
    def store(self) -> GraphStore:
        """The graph store (for ``graph.queries``)."""
        return self.reader.store

    @property
    def sparql(self) -> QueryPool:
        """The pool of time-limited worker processes for user queries."""
        return self._get("sparql", lambda: QueryPool.from_settings(self.settings))

    @property
    def search(self) -> Any:
        """The passage search engine of ``index.search``."""
        def load() -> Any:
            from index.search import SearchEngine

            return SearchEngine.load(self.settings.data_dir, self.settings)
        return self._get("search", load)

    @property
    def editor_terms(self) -> dict:
        """Prefixes and vocabulary terms the SPARQL editor completes (empty terms when no graph is built)."""
        def load() -> dict:
            try:
                return editor_terms(self.reader)
            except (FileNotFoundError, OSError, ValueError):
                return {"prefixes": dict(PREFIX_MAP), "terms": []}
        return self._get("editor_terms", load)

    @property
    def documents(self) -> DocumentSource:
        """Document texts for the document view."""
        return self._get("documents", lambda: DocumentSource(corpus_dir_for(self.settings.data_dir)))

    def close(self) -> None:
        """Stop the SPARQL worker processes, if they were started."""
        with self._lock:
            service = self._cache.pop("sparql", None)
        if service is not None:
            service.close()


def services() -> Services:
    """The services of the current app."""
    return current_app.extensions[EXTENSION]


#: Failures of opening a back end that mean "data not built, stale or incomplete", not a bug.
NOT_READY: tuple[type[BaseException], ...] = (FileNotFoundError, ImportError, RuntimeError, ValueError,
                                              SearchIndexError)


def require(name: str) -> Any:
    """A back end by attribute name; missing or stale data becomes a 503 JSON error with the reason."""
    try:
        return getattr(services(), name)
    except NOT_READY as exc:
        raise ApiError(503, "not_ready", f"{name} is not available: {exc}") from exc
