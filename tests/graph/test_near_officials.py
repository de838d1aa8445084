"""Officials: people named with a role, their posts and the date context of each statement."""

from __future__ import annotations

from graph.examples_corpus import rows

REPORT = "002_034c79dc83e9e66f.txt"


def posts(store, name: str) -> set[tuple[str, str]]:
    found = rows(store, f"""SELECT ?in ?role WHERE {{ ?p a gy:Official ; rdfs:label "{name}"@ko ; org:holds ?post .
        ?post gy:role ?role ; org:postIn ?in }}""")
    return {(r["in"].rsplit("/", 1)[-1], r["role"]) for r in found}


def test_secretary_general(graph_store):
    assert ("near", "사무총장") in posts(graph_store, "임병진")
    assert ("near-secretariat", "사무총장") in posts(graph_store, "임병진")  # the staff list


def test_governors_mayors_vice_governors(graph_store):
    assert ("cn-liaoning", "성장") in posts(graph_store, "리러청")
    assert ("kr-gyeongbuk", "지사") in posts(graph_store, "이철우")
    assert ("kr-gyeongbuk-pohang", "시장") in posts(graph_store, "이강덕")  # signature ‘포항시장  이 강 덕’
    assert ("kr-gyeongbuk-pohang", "부시장") in posts(graph_store, "장상길")
    assert ("ru-buryatia", "제1부총리") in posts(graph_store, "무힌 브세볼로드")
    assert ("kg-chuy", "지사") in posts(graph_store, "카나트 주마가지예프")
    assert ("ru-primorsky", "총리") in posts(graph_store, "체르비나 베라")  # written 연해주


def test_ambassadors_for_international_relations_list(graph_store):
    found = rows(graph_store, """SELECT DISTINCT ?name ?in WHERE { ?p rdfs:label ?name ; org:holds ?post .
        ?post gy:role "국제관계대사"@ko ; org:postIn ?in }""")
    by_name = {r["name"]: r["in"].rsplit("/", 1)[-1] for r in found}
    assert by_name["정해관"] == "kr-daegu"
    assert by_name["고윤주"] == "kr-jeju"  # ‘제주’ in a list of 시·도 is the province
    assert len({n for n, r in by_name.items()}) >= 13


def test_diplomats_post_in_the_sending_country(graph_store):
    assert ("CN", "주부산 중국 총영사") in posts(graph_store, "진일표")
    assert ("RU", "주부산 러시아 총영사") in posts(graph_store, "두드니크 옥사나")


def test_tenure_carries_the_date_of_the_statement(graph_store):
    found = rows(graph_store, """SELECT ?when ?start WHERE { ?t a gy:Tenure ; gy:official ?p ; gy:asOf ?when ;
        prov:wasDerivedFrom/gy:lineStart ?start . ?p rdfs:label "체르비나 베라"@ko }""")
    assert {(r["when"], r["start"]) for r in found} == {("2024-09-03", "2125")}


def test_no_particle_or_place_is_taken_for_a_name(graph_store):
    names = {r["n"] for r in rows(graph_store, "SELECT DISTINCT ?n WHERE { ?p a gy:Official ; rdfs:label ?n }")}
    assert len(names) > 100
    bad = {n for n in names if n.split()[0].endswith(("에서", "하여", "는", "인")) or n in ("중국", "러시아", "몽골")}
    assert not bad
