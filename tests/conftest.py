"""Shared fixtures: the real corpus, its graph built once, and a built data directory."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from corpus import load_corpus
from graph.build import GraphBuild, build_graph
from graph.store import OxigraphStore, write_dataset
from gyoryu.build import build
from runtime.progress import Progress
from runtime.settings import DEFAULT_CORPUS, Settings

#: Property-based tests: a modest run in `make test`, a long one in `make fuzz` (HYPOTHESIS_PROFILE=fuzz).
settings.register_profile("default", max_examples=25, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("fuzz", parent=settings.get_profile("default"), max_examples=400)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

#: Developer shortcut: a data directory already built from the embedded corpus (CI never sets it).
PREBUILT_ENV = "GYORYU_TEST_PREBUILT_DATA"


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


@pytest.fixture(scope="session")
def built_data(tmp_path_factory) -> Path:
    """The embedded corpus built once per session (graph and search index), as `gyoryu build` does."""
    prebuilt = os.environ.get(PREBUILT_ENV)
    if prebuilt:
        return Path(prebuilt)
    target = tmp_path_factory.mktemp("built") / "data"
    build(DEFAULT_CORPUS, target, replace(Settings.from_env(), data_dir=target), Progress(quiet=True))
    return target
