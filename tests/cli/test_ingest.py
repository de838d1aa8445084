"""``gyoryu ingest``: a new document joins the graph and the index; unchanged passages are not re-embedded."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from corpus.loader import CORPUS_DIR
from tests.cli.runner import gyoryu

NEW_DOC = """부산광역시 우호교류협약 및 협력분야 현황

□ 포괄적 우호교류 협약 체결현황 : 총2개 지자체(광역1, 기초1)

연번\t기관명\t체결일자\t주 요 협 력 분 야
1\t전 라 남 도 *\t'21.04.02\t해양관광 활성화, 수산물 직거래 확대
2\t완 주 군\t'22.09.15\t귀농귀촌 지원, 로컬푸드 직거래
"""


def test_ingest_adds_a_document_without_re_embedding_the_rest(built_data: Path, tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(built_data, data)
    doc = tmp_path / "005_busan_agreements.txt"
    doc.write_text(NEW_DOC, encoding="utf-8")
    before = sorted(p.name for p in CORPUS_DIR.iterdir())

    gyoryu("ingest", str(doc), data=data)

    result = json.loads(gyoryu("agreements", "부산광역시", "--json", data=data).stdout)
    new = [(a["partner"]["label"], a["date"], a["source"]["doc"], a["source"]["line_start"])
           for a in result["agreements"] if a["source"]["doc"] == doc.name]
    assert new == [("전라남도", "2021-04-02", doc.name, 6), ("완주군", "2022-09-15", doc.name, 7)]
    manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    assert doc.name in manifest["corpus"]["documents"]
    assert manifest["index"]["reused_vectors"] >= manifest["index"]["passages"] - 5
    assert (data / "corpus" / doc.name).exists()
    assert sorted(p.name for p in CORPUS_DIR.iterdir()) == before  # the repository's corpus is untouched
    search = json.loads(gyoryu("search", "부산 해양관광 수산물 직거래", "--json", "-k", "3", data=data).stdout)
    assert any(h["doc"] == doc.name for h in search["hits"])


def test_ingest_refuses_a_name_already_in_the_corpus(built_data: Path, tmp_path: Path):
    doc = tmp_path / "001_4aac3573a45a98c8.txt"
    doc.write_text("x", encoding="utf-8")
    proc = gyoryu("ingest", str(doc), data=built_data, check=False)
    assert proc.returncode == 2 and "already in the corpus" in proc.stderr
