"""The example questions of the README, as SPARQL the web page offers and the tests run.

Prefixes ``gy:``, ``rdfs:``, ``skos:``, ``prov:``, ``schema:`` … are predeclared by Gyoryu's
endpoint and CLI; the queries still declare the ones they use so they run anywhere.
"""

from __future__ import annotations

PROLOGUE = """PREFIX gy: <https://w3id.org/gyoryu/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

SEOUL = "<https://w3id.org/gyoryu/id/region/kr-seoul>"

EXAMPLES: list[dict[str, str]] = [
    {
        "id": "seoul-partners",
        "title_ko": "서울시와 협약을 맺은 지역 (체결일, 협력 분야)",
        "title_en": "Regions Seoul has agreements with (date, fields)",
        "query": PROLOGUE + f"""SELECT ?partner ?date (GROUP_CONCAT(?field; separator=", ") AS ?fields) WHERE {{
  ?a a gy:Agreement ; gy:party {SEOUL}, ?p ; gy:signedOn ?date .
  FILTER(?p != {SEOUL})
  ?p rdfs:label ?partner FILTER(LANG(?partner) = "ko")
  OPTIONAL {{ ?a gy:cooperationField/skos:prefLabel ?field }}
}} GROUP BY ?partner ?date ORDER BY STR(?date) ?partner""",
    },
    {
        "id": "several-agreements",
        "title_ko": "두 번 이상 협약을 맺은 상대",
        "title_en": "Partners with more than one agreement",
        "query": PROLOGUE
        + f"""SELECT ?partner (COUNT(?a) AS ?agreements) (MIN(STR(?date)) AS ?first) (MAX(STR(?date)) AS ?latest)
WHERE {{
  ?a a gy:Agreement ; gy:party {SEOUL}, ?p ; gy:signedOn ?date .
  FILTER(?p != {SEOUL})
  ?p rdfs:label ?partner FILTER(LANG(?partner) = "ko")
}} GROUP BY ?partner HAVING (COUNT(?a) > 1) ORDER BY DESC(?agreements) ?partner""",
    },
    {
        "id": "rural-since-2019",
        "title_ko": "2019년 이후 귀농귀촌 분야 협약",
        "title_en": "Agreements since 2019 whose fields mention 귀농귀촌 (return to farming)",
        "query": PROLOGUE + f"""PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?partner ?date ?field WHERE {{
  ?a a gy:Agreement ; gy:party {SEOUL}, ?p ; gy:signedOn ?date ; gy:cooperationField ?c .
  FILTER(?p != {SEOUL} && STR(?date) >= "2019")
  ?c skos:broader <https://w3id.org/gyoryu/id/field-area/rural> ; skos:prefLabel ?field .
  ?p rdfs:label ?partner FILTER(LANG(?partner) = "ko")
}} ORDER BY STR(?date) ?partner""",
    },
    {
        "id": "levels",
        "title_ko": "서울시 협약 상대: 광역 대 기초",
        "title_en": "Seoul's partners by administrative level (광역 vs 기초)",
        "query": PROLOGUE
        + f"""SELECT ?level (COUNT(DISTINCT ?p) AS ?partners) (COUNT(DISTINCT ?a) AS ?agreements) WHERE {{
  ?a a gy:Agreement ; gy:party {SEOUL}, ?p .
  FILTER(?p != {SEOUL})
  ?p gy:adminLevel ?l . BIND(IF(STR(?l) = "광역", "광역", "기초") AS ?level)
}} GROUP BY ?level""",
    },
    {
        "id": "tourism",
        "title_ko": "관광 분야 협약 (표기와 무관하게)",
        "title_en": "Agreements about tourism, however the field is worded",
        "query": PROLOGUE + """SELECT ?partner ?date ?field WHERE {
  ?a a gy:Agreement ; gy:party ?p ; gy:signedOn ?date ; gy:cooperationField ?c .
  ?c skos:broader <https://w3id.org/gyoryu/id/field-area/tourism> ; skos:prefLabel ?field .
  FILTER(?p != <https://w3id.org/gyoryu/id/region/kr-seoul>)
  ?p rdfs:label ?partner FILTER(LANG(?partner) = "ko")
} ORDER BY STR(?date) ?partner""",
    },
]


#: Search inside SPARQL (reserved services evaluated with the search index; DESIGN "Search inside SPARQL").
SEARCH_EXAMPLES: list[dict[str, str]] = [
    {
        "id": "youth-exchange-agreements",
        "title_ko": "청소년 교류를 말하는 구절의 지역과 서울시의 협약 (SERVICE gy:search)",
        "title_en": "Seoul's agreements with the regions whose passages speak of youth exchange (SERVICE gy:search)",
        "query": PROLOGUE + """PREFIX region: <https://w3id.org/gyoryu/id/region/>
SELECT ?region ?date (MAX(?score) AS ?relevance) WHERE {
  SERVICE gy:search { ?hit gy:query "청소년 교류" ; gy:limit 20 ; gy:score ?score ; gy:about ?r . }
  ?a a gy:Agreement ; gy:party ?r, region:kr-seoul ; gy:signedOn ?date .
  FILTER(?r != region:kr-seoul)
  ?r rdfs:label ?region FILTER(LANG(?region) = "ko")
} GROUP BY ?region ?date ORDER BY DESC(?relevance) ?region ?date""",
    },
    {
        "id": "like-chungbuk",
        "title_ko": "충청북도와 협력 프로필이 비슷한 지역과 그 협약 수 (SERVICE gy:similar)",
        "title_en": "Regions whose cooperation profile is like Chungcheongbuk-do's, with their agreements "
                    "(SERVICE gy:similar)",
        "query": PROLOGUE + """PREFIX region: <https://w3id.org/gyoryu/id/region/>
SELECT ?region ?score (COUNT(DISTINCT ?a) AS ?agreements) WHERE {
  SERVICE gy:similar { ?r gy:like region:kr-chungbuk ; gy:limit 10 ; gy:score ?score . }
  ?r rdfs:label ?region FILTER(LANG(?region) = "ko")
  OPTIONAL { ?a a gy:Agreement ; gy:party ?r }
} GROUP BY ?region ?score ORDER BY DESC(?score)""",
    },
]


def all_examples() -> list[dict[str, str]]:
    """The README's examples, including those of the whole-corpus extractors when present."""
    try:
        from graph.examples_corpus import EXAMPLES as CORPUS_EXAMPLES
    except ImportError:
        CORPUS_EXAMPLES = []
    return [*EXAMPLES, *CORPUS_EXAMPLES, *SEARCH_EXAMPLES]


def example(example_id: str) -> dict[str, str]:
    """One example by id."""
    for ex in all_examples():
        if ex["id"] == example_id:
            return ex
    raise KeyError(f"no example {example_id!r}")
