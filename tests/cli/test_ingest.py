"""``gyoryu ingest`` and ``gyoryu remove`` as a user runs them: every format, faults named and skipped,
incremental rebuilds equal to a clean build, search before and after removal, a killed ingest."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import docx
import numpy as np
import pytest

from api.app import create_app
from corpus.formats import read_file
from corpus.loader import CORPUS_DIR
from gyoryu.build import build
from runtime.progress import Progress
from runtime.settings import DEFAULT_CORPUS, Settings
from tests.cli.runner import REPO, gyoryu
from tests.corpus.hwp5_writer import write_hwp
from tests.corpus.hwpx_writer import write_hwpx

AGREEMENTS = [["상대 도시", "국가", "체결일"], ["오타루시", "일본", "2019.05.24"], ["지린시", "중국", "2024.01.28"]]
NEWS = ("<html><head><title>속초시청</title></head><body><header>속초시청 로고</header><nav><a href='/'>홈</a>"
        "<a href='/intl'>국제교류</a></nav><main><h1>속초시, 다롄시와 우호교류 협약</h1><p>속초시는 2024년 3월 5일 "
        "중국 다롄시와 우호교류 협약을 체결하고 관광·수산 분야 협력을 약속했다.</p></main>"
        "<footer>저작권 속초시</footer></body></html>")


@pytest.fixture(scope="session")
def graph_data(tmp_path_factory) -> Path:
    """The embedded corpus built without the search index (what the graph-only tests start from)."""
    target = tmp_path_factory.mktemp("graph-only") / "data"
    build(DEFAULT_CORPUS, target, Settings.from_env(), Progress(quiet=True), with_index=False)
    return target


def _copy(source: Path, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(source, data)
    return data


def _docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("강릉시 국제 자매도시 현황", level=1)
    document.add_paragraph("강릉시는 해양 관광과 청소년 교류를 중심으로 해외 도시와 협력하고 있다.")
    table = document.add_table(rows=len(AGREEMENTS), cols=3)
    for r, row in enumerate(AGREEMENTS):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(str(path))
    return path


def _folder(root: Path) -> Path:
    """Readable documents in four formats, plus every kind of fault."""
    (root / "gangwon").mkdir(parents=True)
    _docx(root / "gangneung.docx")
    (root / "gangwon" / "sokcho-news.html").write_text(NEWS, encoding="utf-8")
    write_hwpx(root / "gangwon" / "chuncheon.hwpx",
               [["춘천시 자매결연 현황", [["도시", "체결일"], ["가고시마시", "2019.05.24"]]]])
    write_hwp(root / "gangwon" / "wonju.hwp", ["원주시 교류 현황", [["도시", "체결일"], ["로아노크시", "1998.11.05"]]])
    (root / "gangwon" / "wonju-partners.tsv").write_text(
        "원주시 해외 자매도시\n" + "\n".join("\t".join(r) for r in [*AGREEMENTS, ["", "", "2020.01.28\t재체결"]]),
        encoding="utf-8")
    (root / "donghae.csv").write_bytes(
        "동해시 해외 자매도시\r\n상대 도시,국가,체결일\r\n\"돗토리현 요나고시\",일본,1995.3.8\r\n".encode("cp949"))
    (root / "legacy-cp949.txt").write_bytes("양양군 국제교류 계획\r\n양양군은 2025년 교류를 넓힌다.\r\n"
                                            .encode("cp949"))
    (root / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (root / "latin1.txt").write_bytes("Café Señor".encode("latin-1") * 3)
    (root / "empty.md").write_bytes(b"")
    (root / "huge.txt").write_text("가나다라마바사\n" * 20_000, encoding="utf-8")
    (root / "budget.xlsx").write_bytes(b"PK\x03\x04")
    (root / ".cache").mkdir()
    (root / ".cache" / "hidden.txt").write_text("never read", encoding="utf-8")
    return root


def _lines_of(rows: list[list[str]]) -> list[str]:
    return [" | ".join(r) for r in rows]


def _manifest(data: Path) -> dict[str, dict[str, str]]:
    with (data / "corpus" / "manifest.tsv").open(encoding="utf-8", newline="") as fh:
        return {row["file"]: row for row in csv.DictReader(fh, delimiter="\t")}


def _sorted_quads(data: Path) -> list[str]:
    return sorted((data / "graph.nq").read_text(encoding="utf-8").splitlines())


def test_ingest_a_folder_reads_every_format_and_names_every_fault(graph_data: Path, tmp_path: Path, monkeypatch):
    data = _copy(graph_data, tmp_path)
    folder = _folder(tmp_path / "inbox")
    monkeypatch.setenv("GYORYU_MAX_DOCUMENT_MB", "0.1")
    proc = gyoryu("ingest", str(folder), data=data)
    added = ["chuncheon.hwpx", "donghae.csv", "gangneung.docx", "legacy-cp949.txt", "sokcho-news.html", "wonju.hwp",
             "wonju-partners.tsv"]
    assert proc.stdout.strip() == f"ingested into {data}: added 7: {', '.join(sorted(added))}; skipped 5"
    warnings = sorted(line for line in proc.stderr.splitlines() if "warning" in line)
    assert warnings == [
        f"gyoryu ingest: warning: {folder}/budget.xlsx: unsupported file type '.xlsx', skipped",
        f"gyoryu ingest: warning: {folder}/donghae.csv: decoded as cp949 (not UTF-8)",
        f"gyoryu ingest: warning: {folder}/empty.md: empty file, skipped",
        f"gyoryu ingest: warning: {folder}/huge.txt: too large: 0.4 MB, over the 0.1 MB limit "
        "(GYORYU_MAX_DOCUMENT_MB), skipped",
        f"gyoryu ingest: warning: {folder}/latin1.txt: not text in UTF-8 or CP949/EUC-KR (wrong encoding or binary), "
        "skipped",
        f"gyoryu ingest: warning: {folder}/legacy-cp949.txt: decoded as cp949 (not UTF-8)",
        f"gyoryu ingest: warning: {folder}/photo.txt: binary data, not text (NUL bytes), skipped",
    ]
    assert f"[read] 3/{len(added) + 4} {folder}/gangneung.docx → gangneung.docx: 5 lines (docx)" in proc.stderr
    rows = _manifest(data)
    assert sorted(rows) == sorted([p.name for p in CORPUS_DIR.glob("0*.txt")] + added)
    assert {k: rows["gangneung.docx"][k] for k in ("found_title", "source", "format")} == {
        "found_title": "강릉시 국제 자매도시 현황", "source": f"{folder}/gangneung.docx", "format": "docx"}
    assert rows["sokcho-news.html"]["found_title"] == "속초시, 다롄시와 우호교류 협약"
    assert rows["wonju.hwp"]["source_sha256"] == __import__("hashlib").sha256(
        (folder / "gangwon" / "wonju.hwp").read_bytes()).hexdigest()
    stored = (data / "corpus" / "gangneung.docx.txt").read_text(encoding="utf-8").splitlines()
    assert stored == list(read_file(folder / "gangneung.docx", 2**20).lines) == [
        "강릉시 국제 자매도시 현황", "강릉시는 해양 관광과 청소년 교류를 중심으로 해외 도시와 협력하고 있다.",
        "상대 도시 | 국가 | 체결일", "오타루시 | 일본 | 2019.05.24", "지린시 | 중국 | 2024.01.28"]
    assert (data / "corpus" / "sokcho-news.html.txt").read_text(encoding="utf-8").splitlines() == [
        "속초시, 다롄시와 우호교류 협약",
        "속초시는 2024년 3월 5일 중국 다롄시와 우호교류 협약을 체결하고 관광·수산 분야 협력을 약속했다."]
    assert (data / "corpus" / "wonju-partners.tsv.txt").read_text(encoding="utf-8").splitlines() == [
        "원주시 해외 자매도시", *(line for line in _lines_of(AGREEMENTS)), " |  | 2020.01.28 | 재체결"]
    documents = gyoryu("sparql", "SELECT (COUNT(?d) AS ?n) WHERE { ?d a gy:Document }", "--format", "csv", data=data)
    assert documents.stdout.split() == ["n", "12"]
    signings = gyoryu("sparql", "SELECT ?label ?date WHERE { GRAPH ?g { ?a a gy:Agreement ; gy:party ?p ; "
                      "gy:signedOn ?date } ?p rdfs:label ?label FILTER(LANG(?label) = 'ko') "
                      "FILTER(?g IN (<https://w3id.org/gyoryu/id/graph/wonju-partners.tsv>, "
                      "<https://w3id.org/gyoryu/id/graph/donghae.csv>)) } ORDER BY ?date ?label",
                      "--format", "csv", data=data)
    assert signings.stdout.split() == ["label,date", "동해시,1995-03-08", "요나고시,1995-03-08", "오타루시,2019-05-24",
                                       "원주시,2019-05-24", "원주시,2020-01-28", "지린시,2020-01-28",
                                       "원주시,2024-01-28", "지린시,2024-01-28"]

    before = (data / "manifest.json").read_bytes()
    again = gyoryu("ingest", str(folder), data=data)
    assert again.stdout.strip() == f"nothing to ingest in {data}: unchanged 7; skipped 5"
    assert (data / "manifest.json").read_bytes() == before  # nothing rebuilt


def test_graph_after_ingest_change_and_remove_equals_a_clean_build(graph_data: Path, tmp_path: Path):
    data = _copy(graph_data, tmp_path)
    note = tmp_path / "a" / "seoul-note.txt"
    note.parent.mkdir()
    note.write_text("서울특별시 교류 메모\n서울특별시와 전라남도는 2004년 12월 17일 우호교류 협약을 체결했다.\n",
                    encoding="utf-8")
    same_name = tmp_path / "b" / "seoul-note.txt"
    same_name.parent.mkdir()
    same_name.write_text("다른 폴더의 같은 이름\n강릉시는 오타루시와 교류한다.\n", encoding="utf-8")
    news = tmp_path / "sokcho.html"
    news.write_text(NEWS, encoding="utf-8")

    first = gyoryu("ingest", str(note), str(news), data=data)
    assert "2 documents extracted, 5 taken from the extraction cache" in first.stderr
    second = gyoryu("ingest", str(same_name), data=data)
    assert "added 1: seoul-note-" in second.stdout
    assert "1 documents extracted, 7 taken from the extraction cache" in second.stderr
    note.write_text("서울특별시 교류 메모\n서울특별시와 전라남도는 2004년 12월 17일 우호교류 협약을 체결했다.\n"
                    "서울특별시와 강릉시는 2025년 3월 5일 우호교류 협약을 체결했다.\n", encoding="utf-8")
    changed = gyoryu("ingest", str(note), data=data)
    assert changed.stdout.strip() == f"ingested into {data}: replaced 1: seoul-note.txt"
    assert (data / "corpus" / "seoul-note.txt").read_text(encoding="utf-8").count("\n") == 3
    removed = gyoryu("remove", "sokcho.html", data=data)
    assert removed.stdout.strip() == f"removed from {data}: sokcho.html"
    assert "0 documents extracted, 7 taken from the extraction cache" in removed.stderr
    assert not (data / "corpus" / "sokcho.html.txt").exists()

    clean = tmp_path / "clean"
    gyoryu("build", "--graph-only", "--corpus", str(data / "corpus"), "--data", str(clean))
    assert _sorted_quads(data) == _sorted_quads(clean)
    assert json.loads((data / "report.json").read_text()) == json.loads((clean / "report.json").read_text())
    assert sorted(p.name for p in (data / "extraction-cache").iterdir()) == sorted(
        p.name for p in (clean / "extraction-cache").iterdir())


def _signings_of(data: Path, stem: str) -> list[str]:
    """``graph-id,date`` of every agreement in the graphs of documents whose id starts with ``stem``."""
    rows = gyoryu("sparql", "SELECT ?g ?date WHERE { GRAPH ?g { ?a a gy:Agreement ; gy:signedOn ?date } "
                  f"FILTER(STRSTARTS(STR(?g), 'https://w3id.org/gyoryu/id/graph/{stem}')) }} ORDER BY ?g ?date",
                  "--format", "csv", data=data)
    return [row.rsplit("/", 1)[-1] for row in rows.stdout.split()[1:]]


def test_two_files_of_one_name_in_different_folders_get_their_own_ids_facts_and_sources(graph_data: Path,
                                                                                         tmp_path: Path):
    data = _copy(graph_data, tmp_path)
    inbox = tmp_path / "inbox"
    signed = "속초시 교류 소식\n속초시는 {} 중국 다롄시와 우호교류 협약을 체결했다.\n"
    for folder, text in (("gangwon", "강릉시 교류 소식\n강릉시는 2019년 5월 24일 일본 오타루시와 자매결연을 맺었다.\n"),
                         ("sokcho", signed.format("2024년 3월 5일"))):
        (inbox / folder).mkdir(parents=True)
        (inbox / folder / "news.txt").write_text(text, encoding="utf-8")
    second_id = f"news-{hashlib.sha256(f'{inbox}/sokcho/news.txt'.encode()).hexdigest()[:6]}.txt"

    first = gyoryu("ingest", str(inbox), str(inbox / "sokcho" / "news.txt"), data=data)  # one file named twice
    assert first.stdout.strip() == f"ingested into {data}: added 2: {second_id}, news.txt"
    rows = _manifest(data)
    assert (rows["news.txt"]["source"], rows[second_id]["source"]) == (f"{inbox}/gangwon/news.txt",
                                                                       f"{inbox}/sokcho/news.txt")
    assert _signings_of(data, "news") == [f"{second_id},2024-03-05", "news.txt,2019-05-24"]

    again = gyoryu("ingest", str(inbox), data=data)
    assert again.stdout.strip() == f"nothing to ingest in {data}: unchanged 2"
    (inbox / "sokcho" / "news.txt").write_text(signed.format("2025년 3월 5일"), encoding="utf-8")
    changed = gyoryu("ingest", str(inbox), data=data)
    assert changed.stdout.strip() == f"ingested into {data}: replaced 1: {second_id}; unchanged 1"
    assert _signings_of(data, "news") == [f"{second_id},2025-03-05", "news.txt,2019-05-24"]


def test_a_named_unreadable_file_fails_the_command_but_the_rest_goes_in(graph_data: Path, tmp_path: Path):
    data = _copy(graph_data, tmp_path)
    good = tmp_path / "good.md"
    good.write_text("# 평창군 교류\n평창군은 2018년 교류를 시작했다.\n", encoding="utf-8")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 truncated")
    proc = gyoryu("ingest", str(good), str(broken), data=data, check=False)
    assert proc.returncode == 1
    assert proc.stdout.strip() == f"ingested into {data}: added 1: good.md; skipped 1"
    assert proc.stderr.splitlines()[-1] == f"gyoryu ingest: error: could not read {broken}"
    assert "good.md" in _manifest(data)

    quads = _sorted_quads(data)
    nothing = gyoryu("ingest", str(broken), data=data, check=False)
    assert nothing.returncode == 1 and f"could not read {broken}" in nothing.stderr
    assert _sorted_quads(data) == quads
    missing = gyoryu("ingest", str(tmp_path / "nowhere.pdf"), data=data, check=False)
    assert missing.returncode == 2 and f"no such file or folder: {tmp_path / 'nowhere.pdf'}" in missing.stderr
    unknown = gyoryu("remove", "nowhere.pdf", data=data, check=False)
    assert unknown.returncode == 2
    assert unknown.stderr.startswith(f"gyoryu remove: error: not in the corpus of {data}: nowhere.pdf")
    no_data = gyoryu("ingest", str(good), data=tmp_path / "none", check=False)
    assert no_data.returncode == 1 and "no built data" in no_data.stderr


def test_killed_ingest_leaves_the_previous_data_serving(graph_data: Path, tmp_path: Path):
    data = _copy(graph_data, tmp_path)
    before = {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()}
    folder = _folder(tmp_path / "inbox")
    env = {**os.environ, "PYTHONPATH": str(REPO), "GYORYU_DATA": str(data)}
    proc = subprocess.Popen([sys.executable, "-m", "gyoryu", "ingest", str(folder)], env=env, cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    written = []
    while time.monotonic() < deadline and proc.poll() is None and not written:
        written = list(tmp_path.glob(".data.building-*/extraction-cache/*.nq"))
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert written, "the ingest ended before it wrote its new data"
    assert {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()} == before
    assert gyoryu("sparql", "SELECT (COUNT(?d) AS ?n) WHERE { ?d a gy:Document }", "--format", "csv",
                  data=data).stdout.split() == ["n", "5"]
    assert list(tmp_path.glob(".data.building-*"))  # the killed run's work, cleared by the next run

    gyoryu("ingest", str(folder), data=data)
    assert "gangneung.docx" in _manifest(data)
    assert not list(tmp_path.glob(".data.building-*"))


@pytest.mark.slow
def test_ingested_document_is_searchable_until_removed(built_data: Path, tmp_path: Path):
    data = _copy(built_data, tmp_path)
    doc = _docx(tmp_path / "gangneung.docx")
    before = sorted(p.name for p in CORPUS_DIR.iterdir())
    gyoryu("ingest", str(doc), data=data)
    query = ["search", "강릉시 해양 관광 청소년 교류 자매도시", "--json", "-k", "5"]
    hits = json.loads(gyoryu(*query, data=data).stdout)["hits"]
    assert hits[0]["doc"] == "gangneung.docx"
    assert sorted(p.name for p in CORPUS_DIR.iterdir()) == before  # the repository's corpus is untouched
    with _client(data) as client:
        api = client.get("/api/search", query_string={"q": query[1], "k": 5}).get_json()
        assert api["hits"][0]["doc"] == "gangneung.docx"
        page = client.get("/doc/gangneung.docx?lines=4-4")
        assert page.status_code == 200 and "오타루시 | 일본 | 2019.05.24" in page.get_data(as_text=True)

    gyoryu("remove", "gangneung.docx", data=data)
    hits = json.loads(gyoryu(*query, data=data).stdout)["hits"]
    assert hits and all(h["doc"] != "gangneung.docx" for h in hits)
    index = json.loads((data / "manifest.json").read_text(encoding="utf-8"))["index"]
    assert index["reused_vectors"] == index["passages"]  # nothing embedded again
    with _client(data) as client:
        api = client.get("/api/search", query_string={"q": query[1], "k": 5}).get_json()
        assert all(h["doc"] != "gangneung.docx" for h in api["hits"])
        assert client.get("/doc/gangneung.docx").status_code == 404


@contextmanager
def _client(data: Path) -> Iterator:
    """Flask's test client of an app serving ``data``."""
    app = create_app(replace(Settings.from_env(), data_dir=data))
    try:
        yield app.test_client()
    finally:
        app.extensions["gyoryu"].close()


def test_a_post_stated_without_a_date_is_reported_not_written_and_the_ingest_goes_on(graph_data: Path,
                                                                                     tmp_path: Path):
    data = _copy(graph_data, tmp_path)
    news = tmp_path / "busan-news.txt"
    news.write_text("부산광역시 국제교류 소식\n\n개막식에는 박가람 부산광역시장이 참석하였다.\n", encoding="utf-8")
    ingested = gyoryu("ingest", str(news), data=data)
    assert ingested.stdout.strip() == f"ingested into {data}: added 1: busan-news.txt"
    assert "break a shape" not in ingested.stderr  # the reader no longer makes a tenure SHACL would set aside
    issues = json.loads((data / "report.json").read_text())["issues"]
    assert [(i["doc"], i["line"], i["text"]) for i in issues if i["doc"] == "busan-news.txt"] == [
        ("busan-news.txt", 3, "박가람 부산광역시 시장")]
    asked = gyoryu("sparql", "SELECT ?t WHERE { ?t a gy:Tenure ; gy:official/rdfs:label \"박가람\"@ko }",
                   "--format", "csv", data=data)
    assert asked.stdout.split() == ["t"]
    assert gyoryu("validate", data=data).returncode == 0

    news.write_text(news.read_text(encoding="utf-8").replace("소식\n", "소식\n2025. 3. 2.\n"), encoding="utf-8")
    gyoryu("ingest", str(news), data=data)  # the changed file replaces its facts
    asked = gyoryu("sparql", "SELECT ?when WHERE { ?t a gy:Tenure ; gy:official/rdfs:label \"박가람\"@ko ; "
                   "gy:asOf ?when }", "--format", "csv", data=data)
    assert asked.stdout.split() == ["when", "2025-03-02"]  # the document's date line dates the statement

    gyoryu("remove", "busan-news.txt", data=data)
    assert _sorted_quads(data) == _sorted_quads(graph_data)
    assert json.loads((data / "report.json").read_text()) == json.loads((graph_data / "report.json").read_text())


def _index_files(data: Path) -> dict[str, bytes]:
    folder = data / "index"
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _ranking(data: Path, query: str, mode: str) -> list[tuple]:
    hits = json.loads(gyoryu("search", query, "--json", "-k", "8", "--mode", mode, data=data).stdout)["hits"]
    return [(h["doc"], h["line_start"], h["line_end"], h.get("summary", "")) for h in hits]


@pytest.mark.slow
def test_index_after_ingest_change_and_remove_equals_a_clean_build(tmp_path: Path):
    """Only new or changed documents are cut, tokenised and embedded; the index after build, ingest, change and
    remove holds the passages, BM25 weights, profiles and search ranking of a clean build of the same corpus."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seed = "000_1e4d94b91b241818.txt"
    shutil.copy2(DEFAULT_CORPUS / seed, corpus / seed)
    data = tmp_path / "data"
    gyoryu("build", "--corpus", str(corpus), "--data", str(data))
    note = tmp_path / "gangneung-note.txt"
    note.write_text("강릉시 국제교류 메모\n강릉시와 서울특별시는 2025년 3월 5일 우호교류 협약을 체결했다.\n"
                    "양 도시는 해양 관광과 청소년 교류에서 협력한다.\n", encoding="utf-8")
    news = tmp_path / "sokcho.html"
    news.write_text(NEWS, encoding="utf-8")
    table = tmp_path / "wonju-partners.tsv"
    table.write_text("원주시 해외 자매도시\n" + "\n".join("\t".join(r) for r in AGREEMENTS), encoding="utf-8")

    first = gyoryu("ingest", str(note), str(news), data=data)
    assert "2 documents cut into passages, 1 kept from the previous build" in first.stderr
    second = gyoryu("ingest", str(table), data=data)
    assert "1 documents cut into passages, 3 kept from the previous build" in second.stderr
    note.write_text(note.read_text(encoding="utf-8") + "두 도시는 2026년 5월 1일 문화 교류 양해각서도 체결했다.\n",
                    encoding="utf-8")
    changed = gyoryu("ingest", str(note), data=data)
    assert "1 documents cut into passages, 3 kept from the previous build" in changed.stderr
    removed = gyoryu("remove", "sokcho.html", data=data)
    assert "0 documents cut into passages, 3 kept from the previous build" in removed.stderr
    assert "(0 passage texts tokenised)" in removed.stderr and ": 0 embedded," in removed.stderr

    clean = tmp_path / "clean"
    gyoryu("build", "--corpus", str(data / "corpus"), "--data", str(clean))
    ours, theirs = _index_files(data), _index_files(clean)
    vectors = ("embeddings.npy", "passages.faiss", "profile_vectors.npy", "profile_text_vectors.npy", "manifest.json",
               "line_vectors.npy", "lines.faiss")
    assert sorted(ours) == sorted(theirs)
    assert {k: v for k, v in ours.items() if k not in vectors} == {k: v for k, v in theirs.items() if k not in vectors}
    for name in ("embeddings.npy", "profile_vectors.npy", "line_vectors.npy"):  # depends on its batch (float rounding)
        a, b = (np.load(side / "index" / name) for side in (data, clean))
        assert a.shape == b.shape and np.allclose(a, b, rtol=0, atol=1e-5)
    for query in ("강릉시 해양 관광 청소년 교류", "원주시 자매도시 오타루시", "우호교류 협약"):
        assert _ranking(data, query, "lexical") == _ranking(clean, query, "lexical")
        assert _ranking(data, query, "hybrid") == _ranking(clean, query, "hybrid")
    asked = gyoryu("search", "강릉시 서울특별시 우호교류 협약", "--json", "-k", "20", data=data)
    hits = json.loads(asked.stdout)["hits"]
    facts = {(h["doc"], h["method"]) for h in hits if h["summary"]}
    assert ("gangneung-note.txt", "automatic") in facts  # hits say how their fact was read
    assert all(0 < h["confidence"] <= 1 for h in hits if h["method"] == "automatic")
    assert all(h["method"] is None and h["confidence"] is None for h in hits if not h["summary"])
