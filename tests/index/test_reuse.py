"""Reuse between builds: an unchanged rebuild loads no model and writes the same index as a build from scratch."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from corpus import Document
from graph.build import build_graph
from graph.registry import Registry
from index import artifacts
from index.build import build_index
from index.reuse import REUSE
from index.term_counts import TermCounts
from runtime.progress import Progress
from runtime.settings import Settings

NEWS = ["서울시, 강릉시와 우호교류 협약", "서울특별시와 강릉시는 2025년 3월 5일 우호교류 협약을 체결했다.",
        "양 도시는 관광과 문화 분야에서 협력하기로 했다.", "시는 앞으로 청소년 교류도 추진할 계획이다."]
TABLE = ["부산광역시 자매도시 현황", "연번\t도시명\t국가\t체결일\t협력분야",
         "1\t후쿠오카시\t일본\t2007.02.14\t관광, 경제",
         "2\t상하이시\t중국\t1993.08.24\t문화, 체육", "3\t블라디보스토크시\t러시아\t1992.06.24\t항만 물류"]


def _doc(doc_id: str, lines: list[str]) -> Document:
    body = "\n".join(lines)
    return Document(id=doc_id, lines=tuple(lines), sha256=hashlib.sha256(body.encode()).hexdigest(), title_ko=lines[0])


def _build(documents: list[Document], out: Path, previous: Path | None) -> dict:
    registry = Registry.default()
    dataset = build_graph(documents, registry).dataset
    out.mkdir(parents=True)
    settings = Settings.from_env()
    return build_index(documents, dataset, registry, out, replace(settings, data_dir=out), Progress(quiet=True),
                       previous)


def _files(data: Path) -> dict[str, bytes]:
    folder = artifacts.index_dir(data)
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != artifacts.MANIFEST}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    """The two documents indexed with nothing to reuse."""
    out = tmp_path_factory.mktemp("reuse") / "fresh"
    manifest = _build([_doc("news.txt", NEWS), _doc("table.txt", TABLE)], out, None)
    assert manifest["reused_vectors"] == 0 and manifest["passages"] >= 4
    return out


def test_an_unchanged_rebuild_loads_no_model_and_writes_the_same_index(fresh: Path, tmp_path: Path, monkeypatch):
    import index.embedder
    import index.korean

    def refuse(*_args):
        raise AssertionError("the model was loaded for a rebuild with nothing new to embed")

    monkeypatch.setattr(index.embedder, "_sentence_transformer", refuse)
    index.korean._cached_tokens.cache_clear()
    analyses = []
    kiwi = index.korean.kiwi()
    monkeypatch.setattr(kiwi, "tokenize", lambda *a, **k: analyses.append(a) or [])
    manifest = _build([_doc("news.txt", NEWS), _doc("table.txt", TABLE)], tmp_path / "again", fresh)
    assert manifest["reused_vectors"] == manifest["passages"]
    assert analyses == []  # no passage analysed by Kiwi again: tokens and mentions were reused
    assert _files(tmp_path / "again") == _files(fresh)


def test_a_changed_document_gives_the_index_a_build_from_scratch_gives(fresh: Path, tmp_path: Path):
    changed = [*NEWS[:3], "두 도시는 2026년 5월 1일 경제 협력 양해각서도 체결했다."]
    documents = [_doc("news.txt", changed), _doc("table.txt", TABLE)]
    reused = _build(documents, tmp_path / "reused", fresh)
    _build(documents, tmp_path / "scratch", None)
    assert 0 < reused["reused_vectors"] < reused["passages"]
    a, b = _files(tmp_path / "reused"), _files(tmp_path / "scratch")
    vectors = ("embeddings.npy", "passages.faiss", "profile_vectors.npy", "profile_text_vectors.npy",
               "line_vectors.npy", "lines.faiss")
    assert {k: v for k, v in a.items() if k not in vectors} == {k: v for k, v in b.items() if k not in vectors}
    for name in (name for name in vectors if name.endswith(".npy")):  # a vector depends on its batch (float rounding)
        old, new = (np.load(artifacts.index_dir(tmp_path / side) / name) for side in ("reused", "scratch"))
        assert old.shape == new.shape and np.allclose(old, new, rtol=0, atol=1e-5)
    saved = artifacts.read_json(artifacts.index_dir(tmp_path / "reused") / REUSE)
    counts = TermCounts.load(artifacts.index_dir(tmp_path / "reused"))
    assert len(saved["fit"]) == len(counts.keys) == reused["passages"]  # only the current passages are kept
    assert sorted(saved["documents"]) == ["news.txt", "table.txt"]


def test_reused_values_are_dropped_when_the_model_changes(fresh: Path):
    from index.reuse import Reuse

    same = Reuse(fresh, artifacts.read_json(artifacts.index_dir(fresh) / artifacts.MANIFEST)["model"]["sha256"])
    other = Reuse(fresh, "0" * 64)
    assert same.old_vectors and same.old["fit"] and same.old_counts.keys
    assert other.old_vectors == {} and other.old_profile_vectors == {} and other.old["fit"] == {}
    assert other.old_counts.keys == same.old_counts.keys  # term counts do not depend on the model
