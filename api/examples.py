"""Example SPARQL questions offered by the web page: ``graph.examples`` when present, else a starter set."""

from __future__ import annotations

from typing import Any

_PROLOGUE = """PREFIX gy: <https://w3id.org/gyoryu/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
SEOUL = "<https://w3id.org/gyoryu/id/region/kr-seoul>"

#: Used only until ``graph/examples.py`` (the README's canonical questions) exists.
STARTER_EXAMPLES: list[dict[str, str]] = [
    {"id": "seoul-partners", "title_ko": "서울시와 협약을 맺은 지역 (체결일, 협력분야)",
     "title_en": "Regions Seoul has agreements with (dates, fields)",
     "query": _PROLOGUE + f"""SELECT ?partner ?name ?date
       (GROUP_CONCAT(DISTINCT ?field; separator=", ") AS ?fields)
WHERE {{
  ?a a gy:Agreement ; gy:party {SEOUL}, ?partner ; gy:signedOn ?date .
  FILTER(?partner != {SEOUL})
  ?partner rdfs:label ?name . FILTER(lang(?name) = "ko")
  OPTIONAL {{ ?a gy:cooperationField/skos:prefLabel ?field }}
}}
GROUP BY ?partner ?name ?date ORDER BY ?date"""},
    {"id": "repeat-partners", "title_ko": "서울시와 두 번 이상 협약한 지역",
     "title_en": "Partners with more than one agreement with Seoul",
     "query": _PROLOGUE + f"""SELECT ?partner ?name (COUNT(DISTINCT ?a) AS ?agreements)
WHERE {{
  ?a a gy:Agreement ; gy:party {SEOUL}, ?partner .
  FILTER(?partner != {SEOUL})
  ?partner rdfs:label ?name . FILTER(lang(?name) = "ko")
}}
GROUP BY ?partner ?name HAVING (COUNT(DISTINCT ?a) > 1) ORDER BY DESC(?agreements)"""},
    {"id": "per-year", "title_ko": "연도별 협약 수", "title_en": "Agreements per year",
     "query": _PROLOGUE + """SELECT ?year (COUNT(DISTINCT ?a) AS ?agreements)
WHERE { ?a a gy:Agreement ; gy:signedOn ?date . BIND(YEAR(?date) AS ?year) }
GROUP BY ?year ORDER BY ?year"""},
]


def load_examples() -> list[dict[str, Any]]:
    """The canonical example questions (``graph.examples.EXAMPLES``), else :data:`STARTER_EXAMPLES`."""
    try:
        from graph import examples
    except ImportError:
        return STARTER_EXAMPLES
    found = getattr(examples, "EXAMPLES", None)
    return list(found) if found else STARTER_EXAMPLES
