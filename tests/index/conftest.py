"""The search index of the real corpus (with its knowledge graph), built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.registry import Registry
from gyoryu.progress import Progress
from gyoryu.settings import Settings
from index.build import build_index
from index.search import SearchEngine


@pytest.fixture(scope="session")
def index_settings(tmp_path_factory) -> Settings:
    """Default settings (default model, default model cache) with a temporary data directory."""
    from dataclasses import replace

    return replace(Settings.from_env(), data_dir=tmp_path_factory.mktemp("index-data"))


@pytest.fixture(scope="session")
def index_manifest(documents, graph_build, index_settings) -> dict:
    """Build the index into the session's data directory; its manifest."""
    return build_index(documents, graph_build.dataset, Registry.default(), index_settings.data_dir,
                       index_settings, Progress(quiet=True))


@pytest.fixture(scope="session")
def engine(index_manifest, index_settings) -> SearchEngine:
    """The loaded search engine."""
    return SearchEngine.load(Path(index_settings.data_dir), index_settings)
