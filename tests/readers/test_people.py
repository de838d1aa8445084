"""The general people reader: persons and the posts sentences state, through the real build and SPARQL."""

from __future__ import annotations

from tests.readers.helpers import build, document, store_of

POSTS = """PREFIX gy: <https://w3id.org/gyoryu/ontology#> PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT ?name ?role ?org ?when ?method WHERE {
  ?t a gy:Tenure ; gy:official ?p ; gy:post ?post ; gy:extractionMethod ?method .
  OPTIONAL { ?t gy:asOf ?when }
  ?p a foaf:Person ; rdfs:label ?name . ?p org:holds ?post .
  ?post gy:role ?role ; org:postIn ?o . BIND(STRAFTER(STR(?o), "/id/") AS ?org) }"""

EVENT = """부산광역시 국제교류 소식
2024. 5. 20.

개막식에는 박가람 부산광역시장, 왕하오 랴오닝성 성장, 리웨이 주한 중국 대사가 참석하였다.
이어 주부산 일본 총영사 다나카 히로시, 몽골 옵스아이막 지사 바트나랑이 축사를 하였다.
행사에는 김나래, 이다온 국회의원과 최가온 경상북도 국제관계대사도 함께하였다.
"""


def posts(text: str, tmp_path, doc_id: str = "event.txt") -> set[tuple[str, str, str]]:
    store = store_of(build(document(doc_id, text)).dataset, tmp_path)
    return {(r["name"].value, r["role"].value, r["org"].value)
            for r in store.query(POSTS, use_default_graph_as_union=True)}


def test_event_paragraph_people_in_every_order(tmp_path):
    assert posts(EVENT, tmp_path) == {
        ("박가람", "시장", "region/kr-busan"),  # name + region glued to its title
        ("왕하오", "성장", "region/cn-liaoning"),  # name – place – title
        ("리웨이", "주한 중국 대사", "country/CN"),  # a diplomat's post is in the sending country
        ("다나카 히로시", "주부산 일본 총영사", "country/JP"),  # mission – title – name, a two-word name
        ("바트나랑", "지사", "region/mn-uvs"),  # country – place – title – name
        ("김나래", "국회의원", "organization/kr-national-assembly"),  # names sharing a title that implies
        ("이다온", "국회의원", "organization/kr-national-assembly"),  # its organisation (titles.tsv)
        ("최가온", "국제관계대사", "region/kr-gyeongbuk"),
    }


def test_tenures_are_automatic_dated_and_cite_their_lines(tmp_path):
    store = store_of(build(document("event.txt", EVENT)).dataset, tmp_path)
    rows = {(r["name"].value, r["when"].value if r["when"] else "", r["method"].value) for r in store.query(
        POSTS, use_default_graph_as_union=True)}
    assert ("왕하오", "2024-05-20", "automatic") in rows  # the document's date line
    lines = {r[0].value: (int(r[1].value), int(r[2].value)) for r in store.query(
        """PREFIX gy: <https://w3id.org/gyoryu/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?n ?s ?e WHERE { ?t a gy:Tenure ; gy:official/rdfs:label ?n ; prov:wasDerivedFrom ?src .
          ?src gy:lineStart ?s ; gy:lineEnd ?e }""", use_default_graph_as_union=True)}
    assert lines["왕하오"] == (4, 4) and lines["다나카 히로시"] == (5, 5) and lines["이다온"] == (6, 6)


def test_a_statement_wrapped_over_two_lines_and_a_title_alone(tmp_path):
    text = """충청북도 보도자료

이날 협약식에는 충청북도 정무부지사 한가람과 일본 돗토리현
지사 히라노 신이치가 참석했다. 한가람 부지사는 환영사를 했다.
"""
    found = posts(text, tmp_path, "wrap.txt")
    assert ("한가람", "정무부지사", "region/kr-chungbuk") in found
    assert ("히라노 신이치", "지사", "region/jp-tottori") in found
    # ‘한가람 부지사는’ restates someone already placed: no second, context-guessed post
    assert {n for n, _, _ in found} == {"한가람", "히라노 신이치"}


def test_words_that_are_not_people(tmp_path):
    text = """경상북도 소식

경상북도는 지속가능한 성장을 이루었다. 지사 면담은 연기되었다.
도지사 시상(1명), 원장 시상(2명)을 하였다. 참석한 시장 3명과 지사 15명에게 감사를 전했다.
"""
    assert posts(text, tmp_path, "noise.txt") == set()


def test_perturbations_name_changed_person_added_noise(tmp_path):
    changed = EVENT.replace("왕하오 랴오닝성 성장", "장민 랴오닝성 성장")
    assert ("장민", "성장", "region/cn-liaoning") in posts(changed, tmp_path, "a.txt")
    added = EVENT.replace("참석하였다.", "참석하였다. 또한 정하늘 한국 포항시 부시장도 참석하였다.")
    assert ("정하늘", "부시장", "region/kr-gyeongbuk-pohang") in posts(added, tmp_path, "b.txt")
    noisy = EVENT.replace("왕하오 랴오닝성 성장", "왕하오  랴오닝성  성장").replace("\n이어", "\n\n이어")
    assert posts(noisy, tmp_path, "c.txt") == posts(EVENT, tmp_path, "d.txt")
