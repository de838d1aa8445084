"""The build past one process: the same corpus built in one process, on two local worker processes and on a
real Dask cluster (a ``LocalCluster`` on loopback) gives the same graph bytes and the same passage vectors;
a task that fails on a worker names its document and leaves the previous data serving."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from distributed import Client, LocalCluster

from gyoryu.build import BuildError, build
from runtime.progress import Progress
from runtime.settings import Settings
from tests.cli.runner import gyoryu
from tests.cli.test_ingest import NEWS, _docx

#: Small documents in several layouts (a table, news sentences, a list, plain prose), written by the test.
DOCUMENTS = {
    "gangneung-table.txt": ["강릉시 국제 자매도시 현황", "상대 도시\t국가\t체결일\t교류 분야",
                            "오타루시\t일본\t2019.05.24\t관광, 청소년 교류", "지린시\t중국\t2024.01.28\t문화 교류",
                            "강릉시는 해양 관광과 청소년 교류를 중심으로 해외 도시와 협력하고 있다."],
    "sokcho-news.txt": ["속초시, 다롄시와 우호교류 협약",
                        "속초시는 2024년 3월 5일 중국 다롄시와 우호교류 협약을 체결하고 관광·수산 분야 협력을 "
                        "약속했다.",
                        "서울특별시와 강릉시는 2025년 3월 5일 우호교류 협약을 체결했다."],
    "chuncheon-list.txt": ["춘천시 해외 교류 도시", "1. 가고시마시(일본) - 2019년 5월 자매결연",
                           "2. 로아노크시(미국) - 1998.11.05 자매결연", "3. 다롄시(중국) - 2010년 우호교류"],
    "yangyang-plan.txt": ["양양군 국제교류 계획", "양양군은 2025년 청소년 해외 연수와 농산물 직거래로 교류를 넓힌다.",
                          "군은 자매도시와 함께 송이 축제를 연다."],
}
#: Files of a built data directory that must be the same bytes however the build ran.
SAME_BYTES = ("graph.nq", "report.json", "index/passages.jsonl", "index/embedding_keys.json", "index/profiles.json")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, lines in DOCUMENTS.items():
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A real Dask scheduler and two worker processes on loopback; yields the scheduler address."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as local:
        yield local.scheduler_address


def _build(corpus: Path, data: Path, **settings) -> tuple[list[str], dict]:
    lines: list[str] = []
    progress = Progress(quiet=True)
    progress.step = lines.append  # every progress line, as the CLI would print it
    result = build(corpus, data, replace(Settings.from_env(), **settings), progress)
    return lines, result.manifest


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory) -> tuple[Path, list[str], dict]:
    data = tmp_path_factory.mktemp("serial") / "data"
    lines, manifest = _build(corpus, data)
    return data, lines, manifest


def _assert_same_build(reference: Path, other: Path) -> None:
    for name in SAME_BYTES:
        assert (other / name).read_bytes() == (reference / name).read_bytes(), name
    vectors, expected = np.load(other / "index/embeddings.npy"), np.load(reference / "index/embeddings.npy")
    assert vectors.dtype == expected.dtype and vectors.shape == expected.shape
    assert np.array_equal(vectors, expected)  # bit for bit: the same chunks in the same model batches
    profiles = "index/profile_vectors.npy"
    assert np.array_equal(np.load(other / profiles), np.load(reference / profiles))


def test_the_serial_reference_has_facts_and_passages(serial) -> None:
    data, lines, manifest = serial
    counts = manifest["graph"]["counts"]
    assert counts["Document"] == len(DOCUMENTS) and counts["Agreement"] >= 3
    assert manifest["index"]["passages"] == len(np.load(data / "index/embeddings.npy")) > len(DOCUMENTS)
    assert "documents extracted in this process" in lines
    assert "model loaded once in each of 1 workers (in this process)" in lines


def test_two_local_worker_processes_build_the_same_bytes(corpus, serial, tmp_path) -> None:
    data, lines, manifest = tmp_path / "data", *_build(corpus, tmp_path / "data", build_workers=2)
    _assert_same_build(serial[0], data)
    assert manifest["graph"]["counts"] == serial[2]["graph"]["counts"]
    assert "documents extracted in 2 local worker processes" in lines
    assert "model loaded once in each of 2 workers (in 2 local worker processes)" in lines
    extracted = [line.split(":")[0] for line in lines if " triples (" in line]
    assert extracted == sorted(DOCUMENTS)  # one progress line per document, in document order
    # one line per chunk of length-sorted passages, naming their documents; together every passage once
    chunked = [line for line in lines if line.startswith("chunk ") and line.endswith(" passages) embedded")]
    assert len(chunked) >= 2 and chunked[0].startswith(f"chunk 1 of {len(chunked)}: ")
    assert sum(int(line.rsplit("(", 1)[1].split()[0]) for line in chunked) == manifest["index"]["passages"]
    assert set(DOCUMENTS) <= {doc for line in chunked for doc in DOCUMENTS if doc in line}


def test_a_dask_cluster_builds_the_same_bytes(corpus, serial, cluster, tmp_path) -> None:
    data, (lines, _) = tmp_path / "data", _build(corpus, tmp_path / "data", cluster=cluster)
    _assert_same_build(serial[0], data)
    assert f"documents extracted on the Dask cluster at {cluster} (2 workers)" in lines
    assert f"model loaded once in each of 2 workers (on the Dask cluster at {cluster} (2 workers))" in lines
    # A second build on the same cluster: every document comes from the extraction cache and every vector is
    # reused, so nothing is sent to the workers and the data is unchanged.
    again, _ = _build(corpus, data, cluster=cluster)
    assert f"0 documents extracted, {len(DOCUMENTS)} taken from the extraction cache" in again
    _assert_same_build(serial[0], data)


def test_the_seed_graph_is_the_same_on_the_cluster_as_in_one_process(cluster, tmp_path) -> None:
    gyoryu("build", "--graph-only", "-q", "--data", str(tmp_path / "one"))
    gyoryu("build", "--graph-only", "-q", "--data", str(tmp_path / "dask"), "--cluster", cluster)
    for name in ("graph.nq", "report.json"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), name
    assert json.loads((tmp_path / "dask/manifest.json").read_text())["corpus"]["documents"] == json.loads(
        (tmp_path / "one/manifest.json").read_text())["corpus"]["documents"]


def test_a_failing_worker_names_the_document_and_keeps_the_previous_data(corpus, serial, cluster, tmp_path) -> None:
    data = tmp_path / "data"
    shutil.copytree(serial[0], data)
    before = {p.relative_to(data): p.read_bytes() for p in data.rglob("*") if p.is_file()}
    changed = tmp_path / "corpus"
    shutil.copytree(corpus, changed)
    (changed / "sokcho-news.txt").write_text("속초시, 다롄시와 우호교류 협약\n속초시는 2024년 3월 6일 중국 다롄시와 "
                                             "우호교류 협약을 체결했다.\n", encoding="utf-8")
    # Only on the workers: extraction of that document fails, as a worker with broken code would.
    fault = ("import graph.build as b\n"
             "def failing(dataset, doc, *args, real=b.extract_document, **kw):\n"
             "    if doc.id == 'sokcho-news.txt':\n"
             "        raise RuntimeError('reader crashed on this worker')\n"
             "    return real(dataset, doc, *args, **kw)\n"
             "b.real_extract_document, b.extract_document = b.extract_document, failing\n")
    with Client(cluster, set_as_default=False) as client:
        client.run(exec, fault)
        try:
            with pytest.raises(BuildError, match=r"^sokcho-news\.txt: RuntimeError: reader crashed on this worker$"):
                _build(changed, data, cluster=cluster)
        finally:
            client.run(exec, "import graph.build as b\nb.extract_document = b.real_extract_document\n")
    after = {p.relative_to(data): p.read_bytes() for p in data.rglob("*") if p.is_file()}
    assert after == before
    assert not list(tmp_path.glob(".data.*"))  # the work directory is gone


def test_cli_refuses_a_scheduler_that_does_not_answer_and_a_bad_worker_count(tmp_path) -> None:
    failed = gyoryu("build", "-q", "--graph-only", "--data", str(tmp_path / "data"), "--cluster", "tcp://127.0.0.1:9",
                    check=False)
    assert failed.returncode == 1
    assert failed.stderr.startswith("gyoryu build: error: build failed, previous data kept: cannot reach the Dask "
                                    "scheduler at tcp://127.0.0.1:9")
    assert len(failed.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "data").exists()
    usage = gyoryu("build", "--workers", "0", "--data", str(tmp_path / "data"), check=False)
    assert usage.returncode == 2 and "--workers: must be a whole number of at least 1, not '0'" in usage.stderr


def test_ingest_on_two_workers_and_on_the_cluster_equals_ingest_in_one_process(corpus, cluster, tmp_path) -> None:
    start = tmp_path / "start"
    build(corpus, start, Settings.from_env(), Progress(quiet=True), with_index=False)
    folder = tmp_path / "incoming"
    (folder / "news").mkdir(parents=True)
    _docx(folder / "gangneung.docx")
    (folder / "news" / "sokcho.html").write_text(NEWS, encoding="utf-8")
    (folder / "news" / "empty.md").write_bytes(b"")
    runs = {}
    for name, options in (("one", ()), ("two", ("--workers", "2")), ("dask", ("--cluster", cluster))):
        data = tmp_path / name
        shutil.copytree(start, data)
        done = gyoryu("ingest", str(folder), *options, data=data)
        runs[name] = (data, done)
    one, done = runs["one"]
    assert done.stdout.strip() == f"ingested into {one}: added 2: gangneung.docx, sokcho.html; skipped 1"
    assert f"{folder / 'news' / 'empty.md'}: empty file, skipped" in done.stderr
    for name in ("two", "dask"):
        data, other = runs[name]
        assert other.stdout.replace(str(data), str(one)) == done.stdout
        for file in ("graph.nq", "report.json", "corpus/gangneung.docx.txt", "corpus/sokcho.html.txt"):
            assert (data / file).read_bytes() == (one / file).read_bytes(), (name, file)
    assert "documents extracted in 2 local worker processes" in runs["two"][1].stderr
    assert f"documents extracted on the Dask cluster at {cluster}" in runs["dask"][1].stderr
