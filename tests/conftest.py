"""Shared fixtures: the real corpus, its graph built once, and a built data directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import load_corpus
from graph.build import GraphBuild, build_graph
from graph.store import OxigraphStore, write_dataset


@pytest.fixture(scope="session")
def documents():
    """The embedded corpus."""
    return load_corpus()


@pytest.fixture(scope="session")
def graph_build(documents) -> GraphBuild:
    """The knowledge graph of the whole corpus, built once per session."""
    return build_graph(documents)


@pytest.fixture(scope="session")
def graph_store(graph_build, tmp_path_factory) -> OxigraphStore:
    """The graph loaded in pyoxigraph, as the server and CLI see it."""
    directory: Path = tmp_path_factory.mktemp("graph")
    write_dataset(graph_build.dataset, directory / "graph.nq")
    return OxigraphStore.load(directory)
