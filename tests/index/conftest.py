"""The search index of the real corpus: the session's shared full build (graph + index)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from index.search import SearchEngine
from runtime.built_data import MANIFEST_FILE
from runtime.settings import Settings


@pytest.fixture(scope="session")
def index_settings(built_data: Path) -> Settings:
    """Default settings (default model, default model cache) pointing at the built data."""
    return replace(Settings.from_env(), data_dir=built_data)


@pytest.fixture(scope="session")
def index_manifest(built_data: Path) -> dict:
    """The index part of the build manifest."""
    return json.loads((built_data / MANIFEST_FILE).read_text(encoding="utf-8"))["index"]


@pytest.fixture(scope="session")
def engine(index_settings: Settings) -> SearchEngine:
    """The loaded search engine."""
    return SearchEngine.load(Path(index_settings.data_dir), index_settings)
