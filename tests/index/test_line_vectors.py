"""Line vectors: which lines get one, the passage ranking by best line, and a build that writes and reuses them."""

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
from index.build import build_index, model_loading_meanwhile
from index.dense import build_faiss
from index.early_lines import EarlyLines, likely_lines
from index.embedder import Embedder
from index.embedding_tasks import _model_key
from index.line_vectors import LINE_VECTORS, LINES, LineIndex, line_settings, line_texts
from index.onnx_engine import ONNX, ONNX_INT8
from index.passages import Passage
from index.reuse import text_key
from runtime.executors import made_count
from runtime.progress import Progress
from runtime.settings import Settings

REPORT = ["청양군 국제교류 추진 현황",
          "1. 청소년 교류", "2023년 일본 다라시 청소년 홈스테이 20명 참가", "2024년 청소년 영어 캠프 40명 운영",
          "2024년 해외 대학 견학 프로그램 15명 참여",
          "2. 공무원 연수", "2023년 중국 가나시 공무원 연수 3명 파견", "2024년 행정 실무 교육 2명 교환 근무",
          "2024년 상호 파견 공무원 숙소 지원",
          "3. 문화 예술", "2024년 독일 사하시 합창단 초청 공연 개최", "2024년 전통 공예 전시회 해외 순회",
          "2025년 국제 영화제 작품 교류 협의",
          "4. 농업 협력", "2024년 베트남 마나성 농업기술 연수생 12명 초청", "2025년 해외 농특산물 판로 개척 지원",
          "2025년 스마트팜 시범 농가 조성"]


def _unit(rows: list[list[float]]) -> np.ndarray:
    vectors = np.asarray(rows, dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_lines_of_multi_line_document_passages_only():
    table = Passage("t.txt", 4, 7, "연번 | 도시\n\n1 | 다라시\n2 | 가나시", "현황", table=True)
    assert line_texts(table) == [(0, "연번 | 도시"), (2, "1 | 다라시"), (3, "2 | 가나시")]
    assert line_texts(Passage("t.txt", 4, 4, "1 | 다라시", "현황")) == []
    assert line_texts(Passage("t.txt", 4, 5, "1 | 다라시\n2 | 가나시", "현황", summary="청양군과 다라시는 …")) == []


def test_passages_ranked_by_their_best_line():
    # passage 0 has two lines, passage 1 two lines, passage 3 one line (passage 2 has none)
    vectors = _unit([[1, 0, 0], [0, 1, 0], [0.6, 0.8, 0], [0, 0, 1], [0.9, 0, 0.1]])
    lines = LineIndex(build_faiss(vectors), np.array([0, 0, 1, 1, 3]))
    query = _unit([[0.7, 0.7, 0]])[0]
    assert lines.ranking(query, 10) == [1, 0, 3]  # 0.99 (line 2), 0.71 (line 0 or 1), 0.70 (line 4)
    assert lines.ranking(query, 2) == [1, 0]
    assert LineIndex(build_faiss(np.zeros((0, 3), dtype=np.float32)), np.array([], dtype=np.int64)).ranking(
        query, 5) == []


def test_an_exact_index_is_scanned_with_the_faiss_search_order():
    """The scan of a flat index (every line's score, each passage's best) ranks as the top-k search over the lines
    did, bit for bit, lines repeated in several passages (equal scores) included."""
    rng = np.random.default_rng(7)
    distinct = _unit(rng.standard_normal((60, 32)).tolist())
    owners = np.repeat(np.arange(300), rng.integers(1, 13, 300))
    lines = LineIndex(build_faiss(distinct[rng.integers(0, 60, len(owners))]), owners)
    assert lines._vectors is not None
    for query in [*distinct[:20], *_unit(rng.standard_normal((20, 32)).tolist())]:
        for depth in (10, 100):
            scanned = lines.ranking(query, depth)
            lines._vectors, saved = None, lines._vectors  # the same index ranked by FAISS's top-k search
            assert scanned == lines.ranking(query, depth)
            lines._vectors = saved
            assert len(scanned) == depth and len(set(scanned)) == depth


def _doc(doc_id: str, lines: list[str]) -> Document:
    body = "\n".join(lines)
    return Document(id=doc_id, lines=tuple(lines), sha256=hashlib.sha256(body.encode()).hexdigest(), title_ko=lines[0])


def _build(documents: list[Document], out: Path, previous: Path | None, line_engine: str = ONNX_INT8) -> dict:
    registry = Registry.default()
    out.mkdir(parents=True)
    settings = replace(Settings.from_env(), data_dir=out, embed_engine=ONNX, line_engine=line_engine)
    return build_index(documents, build_graph(documents, registry).dataset, registry, out, settings,
                       Progress(quiet=True), previous)


def _passages(folder: Path) -> list[Passage]:
    return [Passage.from_json({k: v for k, v in row.items() if k in Passage.__dataclass_fields__})
            for row in artifacts.read_jsonl(folder / artifacts.PASSAGES)]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("lines") / "data"
    _build([_doc("report.txt", REPORT)], out, None)
    return out


def test_a_build_embeds_each_line_and_ranks_the_passage_of_a_paraphrased_line(built: Path):
    folder = artifacts.index_dir(built)
    passages = _passages(folder)
    expected = [(pid, text) for pid, p in enumerate(passages) for _, text in line_texts(p)]
    saved = artifacts.read_json(folder / LINES)
    assert saved["passages"] == [pid for pid, _ in expected] and len(expected) == len(REPORT)
    assert len(set(saved["passages"])) >= 3
    settings = replace(Settings.from_env(), embed_engine=ONNX, line_engine=ONNX_INT8)
    embedder, line_embedder = Embedder.load(settings), Embedder.load(line_settings(settings))
    vectors = np.load(folder / LINE_VECTORS)
    # lines on the int8 engine, bit for bit what it gives each line alone; passages and queries on fp32
    assert np.array_equal(vectors, line_embedder.encode_passages([text for _, text in expected]))
    fp32 = embedder.encode_passages([text for _, text in expected])
    assert not np.array_equal(vectors, fp32) and (vectors * fp32).sum(axis=1).min() > 0.99
    manifest = artifacts.read_json(folder / artifacts.MANIFEST)
    assert manifest["line_vectors"] == len(expected) and manifest["reused_line_vectors"] == 0
    assert manifest["model"]["engine"] == ONNX and manifest["line_model"] == {"sha256": line_embedder.sha256,
                                                                                "engine": ONNX_INT8}
    assert saved["model"] == line_embedder.sha256 != embedder.sha256
    # a question that says one line in other words: that line's passage comes first
    query = embedder.encode_queries(["독일 도시의 노래 단체를 불러 무대를 열었다"])[0]
    first = LineIndex.load(folder).ranking(query, 5)[0]
    assert "합창단" in passages[first].text and "청소년" not in passages[first].text


def test_an_unchanged_rebuild_reuses_every_line_vector(built: Path, tmp_path: Path):
    manifest = _build([_doc("report.txt", REPORT)], tmp_path / "again", built)
    assert manifest["reused_line_vectors"] == manifest["line_vectors"] > 0
    again, first = (artifacts.index_dir(path) for path in (tmp_path / "again", built))
    assert (again / LINE_VECTORS).read_bytes() == (first / LINE_VECTORS).read_bytes()
    assert artifacts.read_json(again / LINES) == artifacts.read_json(first / LINES)


def test_lines_of_another_engine_are_embedded_again_and_then_reused(built: Path, tmp_path: Path):
    fp32 = _build([_doc("report.txt", REPORT)], tmp_path / "fp32", built, line_engine=ONNX)
    assert fp32["reused_line_vectors"] == 0 < fp32["line_vectors"] and fp32["line_model"]["engine"] == ONNX
    assert fp32["reused_vectors"] == fp32["passages"]  # the passages' engine did not change
    folder = artifacts.index_dir(tmp_path / "fp32")
    texts = [text for p in _passages(folder) for _, text in line_texts(p)]
    fp32_embedder = Embedder.load(replace(Settings.from_env(), embed_engine=ONNX))
    assert np.array_equal(np.load(folder / LINE_VECTORS), fp32_embedder.encode_passages(texts))
    back = _build([_doc("report.txt", REPORT)], tmp_path / "int8", built)
    assert back["reused_line_vectors"] == back["line_vectors"]


def test_an_index_without_line_vectors_loads_without_them(tmp_path: Path):
    assert LineIndex.load(tmp_path) is None


TABLE = ["청양군 자매도시 현황", "연번\t도시\t국가\t체결일", "1\t다라시\t일본\t2001. 3. 2.",
         "2\t가나시\t중국\t2005. 7. 1.", "3\t사하시\t독일\t2011. 9. 9.", "비고: 2024년 교류 실적 포함"]


def test_lines_embedded_early_are_the_lines_the_build_embeds(built: Path, tmp_path: Path):
    documents = [_doc("report.txt", REPORT), _doc("table.txt", TABLE)]
    assert set(likely_lines(documents[:1])) == {text for p in _passages(artifacts.index_dir(built))
                                                for _, text in line_texts(p)}
    settings = replace(Settings.from_env(), embed_engine=ONNX, line_engine=ONNX_INT8)
    early = EarlyLines(documents)
    early.start(settings)  # its own process, embedding from now to the lines stage
    manifest = _build_with(documents, tmp_path / "early", early)
    assert manifest["early_line_vectors"] == manifest["line_vectors"] >= len(REPORT)  # none embedded in the stage
    assert manifest["reused_line_vectors"] == 0  # none from a previous build: early lines are this build's
    assert manifest["line_process_cpu_s"] > 0 and 0 <= early.early <= len(likely_lines(documents))
    plain = _build_with(documents, tmp_path / "plain", None)
    assert plain["reused_line_vectors"] == plain["early_line_vectors"] == plain["line_process_cpu_s"] == 0
    assert plain["line_vectors"] == manifest["line_vectors"]
    for name in (LINE_VECTORS, LINES):  # bit for bit what the lines stage computes itself
        assert (artifacts.index_dir(tmp_path / "early") / name).read_bytes() == \
            (artifacts.index_dir(tmp_path / "plain") / name).read_bytes()


def test_the_line_process_gives_the_vectors_asked_for_and_ends_when_the_build_does(tmp_path: Path):
    documents = [_doc("report.txt", REPORT), _doc("table.txt", TABLE)]
    settings = replace(Settings.from_env(), data_dir=tmp_path, embed_engine=ONNX, line_engine=ONNX_INT8)
    line_embedder = Embedder.load(line_settings(settings))
    texts = likely_lines(documents)
    fresh = dict(zip([text_key(t) for t in texts], line_embedder.encode_passages(texts), strict=True))
    asked = texts[::2] + ["표에 없는 줄: 2025년 새 교류 계획"]  # one it could not know: embedded when asked
    early = EarlyLines(documents)
    with model_loading_meanwhile(settings, early):
        got = early.taken(line_embedder.sha256, asked)
        assert early._process is None  # ended once it handed its vectors over
    assert set(got) == {text_key(t) for t in asked} and early.cpu_s > 0
    extra = line_embedder.encode_passages(asked[-1:])[0]
    for key, vector in got.items():
        assert np.array_equal(vector, fresh.get(key, extra))
    assert made_count[_model_key(Embedder.load, settings)] >= 1  # the passages' model loaded meanwhile
    other = EarlyLines(documents)
    other.start(settings)
    assert other.taken("0" * 64, texts) == {}  # another model's vectors are not taken
    quit_early = EarlyLines(documents)
    with model_loading_meanwhile(settings, quit_early):
        process = quit_early._process
    assert not process.is_alive() and quit_early._process is None  # a build that fails ends it too
    orphan = EarlyLines(documents)
    orphan.start(settings)
    orphan._conn.close()  # the build killed: its end of the pipe closes without a word
    orphan._process.join(120)
    assert orphan._process.exitcode == 0  # the child sees it after its current line and leaves quietly


def test_a_line_process_that_fails_leaves_the_lines_to_the_lines_stage(tmp_path: Path):
    documents = [_doc("report.txt", REPORT)]
    broken = EarlyLines(documents)
    broken.start(replace(Settings.from_env(), line_engine="no-such-engine"))  # its model cannot load
    assert broken.taken("0" * 64, likely_lines(documents)) == {}
    manifest = _build_with(documents, tmp_path / "data", broken)
    assert manifest["early_line_vectors"] == 0 and manifest["line_vectors"] >= len(REPORT) - 1


def _build_with(documents: list[Document], out: Path, early: EarlyLines | None) -> dict:
    registry = Registry.default()
    out.mkdir(parents=True)
    settings = replace(Settings.from_env(), data_dir=out, embed_engine=ONNX, line_engine=ONNX_INT8)
    return build_index(documents, build_graph(documents, registry).dataset, registry, out, settings,
                       Progress(quiet=True), None, early=early)


def test_a_loaded_inverted_file_of_lines_is_re_ranked_over_the_stored_line_vectors(tmp_path: Path, monkeypatch):
    """Past the HNSW limit (lowered here) the line index is an inverted file of SQ8 codes; loaded from an index folder
    it is served re-ranked over ``line_vectors.npy``, so each passage's best line is ranked by its exact cosine: the
    same passages, in the same order, as a ranking over an exact index of the same lines."""
    import index.dense as dense
    from index.dense import save_faiss
    from index.line_vectors import LINE_FAISS

    monkeypatch.setattr(dense, "EXACT_LIMIT", 100)
    monkeypatch.setattr(dense, "HNSW_LIMIT", 1_000)
    rng = np.random.default_rng(11)
    topics = rng.standard_normal((50, 32))
    vectors = _unit((topics[rng.integers(0, 50, 12_000)] + 0.8 * rng.standard_normal((12_000, 32))).tolist())
    owners = np.repeat(np.arange(3_000), 4)
    np.save(tmp_path / LINE_VECTORS, vectors)
    save_faiss(dense.build_faiss(vectors), tmp_path / LINE_FAISS)
    artifacts.write_json(tmp_path / LINES, {"passages": owners.tolist(), "keys": [], "model": "m"})
    served = LineIndex.load(tmp_path)
    assert dense.index_kind(served.faiss_index) == \
        "IndexIVFScalarQuantizer(SQ8, IP, 256 lists, nprobe 32), re-ranked exactly ×4"
    exact = LineIndex(dense.faiss.IndexFlatIP(32), owners)
    exact.faiss_index.add(vectors)
    exact._vectors = None  # ranked by the top-k search, as the served index is
    codes = LineIndex(served.faiss_index.index, owners)  # the same inverted file, not re-ranked
    queries = _unit((topics[:20] + 0.8 * rng.standard_normal((20, 32))).tolist())
    assert all(served.ranking(q, 10) == exact.ranking(q, 10) for q in queries)
    assert sum(codes.ranking(q, 10) == exact.ranking(q, 10) for q in queries) < 10  # 6 of 20 in the exact order
