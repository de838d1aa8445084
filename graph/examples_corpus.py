"""Example questions over the whole corpus (NEAR, officials, programmes), for the README and the web page.

Same shape as :data:`graph.examples.EXAMPLES`; the queries declare their prefixes so they run anywhere.
"Now and then": every coordination statement carries ``gy:asOf``; the ``latest`` column marks the
statement with the latest year for each sub-committee, which is what an API shows by default.
"""

from __future__ import annotations

PROLOGUE = """PREFIX gy: <https://w3id.org/gyoryu/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX org: <http://www.w3.org/ns/org#>
"""

NEAR = "<https://w3id.org/gyoryu/id/organization/near>"

EXAMPLES: list[dict[str, str]] = [
    {
        "id": "subcommittee-coordinators",
        "title_ko": "NEAR 분과위원회별 코디네이터 (현재와 과거)",
        "title_en": "Which region coordinates each NEAR sub-committee, now and then",
        "query": PROLOGUE + """SELECT DISTINCT ?subcommittee ?asOf ?coordinators ?undecided ?latest WHERE {
  { SELECT ?sc ?subcommittee ?asOf (GROUP_CONCAT(DISTINCT ?name; separator=", ") AS ?coordinators)
           (SAMPLE(?open) AS ?undecided) WHERE {
      ?c a gy:Coordination ; gy:subCommittee ?sc ; gy:asOf ?asOf .
      ?sc rdfs:label ?subcommittee FILTER(LANG(?subcommittee) = "ko")
      OPTIONAL { ?c gy:coordinator ?r . ?r rdfs:label ?name FILTER(LANG(?name) = "ko") }
      OPTIONAL { FILTER NOT EXISTS { ?c gy:coordinator ?any } ?c gy:statedName ?open }
    } GROUP BY ?sc ?subcommittee ?asOf }
  { SELECT ?sc (MAX(STR(?y)) AS ?last) WHERE { ?x a gy:Coordination ; gy:subCommittee ?sc ; gy:asOf ?y }
    GROUP BY ?sc }
  BIND(STR(?asOf) = ?last AS ?latest)
} ORDER BY ?subcommittee DESC(?asOf)""",
    },
    {
        "id": "near-members-by-country",
        "title_ko": "NEAR 회원 지방정부: 국가별, 회원 종류별, 문서 시점별",
        "title_en": "NEAR members by country and kind, as each document states them",
        "query": PROLOGUE + f"""SELECT ?asOf ?country ?kind (COUNT(DISTINCT ?region) AS ?members)
       (GROUP_CONCAT(DISTINCT ?name; separator=", ") AS ?regions) WHERE {{
  ?m a gy:Membership ; org:member ?region ; org:organization {NEAR} ; gy:asOf ?asOf .
  OPTIONAL {{ ?m gy:membershipKind ?k }}
  BIND(COALESCE(?k, "unstated") AS ?kind)
  ?region gy:country/rdfs:label ?country FILTER(LANG(?country) = "en")
  ?region rdfs:label ?name FILTER(LANG(?name) = "ko")
}} GROUP BY ?asOf ?country ?kind ORDER BY ?asOf ?country ?kind""",
    },
    {
        "id": "posts-2024",
        "title_ko": "2024년에 누가 어떤 직위에 있었나",
        "title_en": "Who held which post in 2024",
        "query": PROLOGUE + """SELECT ?person ?role ?postIn (MIN(STR(?when)) AS ?firstStated) WHERE {
  ?t gy:asOf ?when
  FILTER(IF(STRSTARTS(STR(?when), "2024"), EXISTS { ?t a gy:Tenure } && NOT EXISTS { ?t gy:former true }, false))
  ?t gy:official ?p ; gy:post ?post .
  ?p rdfs:label ?person .
  ?post gy:role ?role ; org:postIn ?o .
  ?o rdfs:label ?postIn FILTER(LANG(?postIn) = "ko")
} GROUP BY ?person ?role ?postIn ORDER BY ?postIn ?role ?person""",
    },
    {
        "id": "programme-budgets",
        "title_ko": "교류·협력 사업과 예산(백만원), 협력 상대, 달성률",
        "title_en": "Programmes with their budgets (million KRW), partners and achievement rates",
        "query": PROLOGUE + """SELECT ?programme ?partOf ?runBy ?partner ?budgetMillionKRW ?achievementRate WHERE {
  ?p a gy:Program ; rdfs:label ?programme .
  OPTIONAL { ?p gy:budgetMillionKRW ?budgetMillionKRW }
  OPTIONAL { ?p gy:achievementRate ?achievementRate }
  OPTIONAL { ?p gy:subProgramOf/rdfs:label ?partOf }
  OPTIONAL { ?p gy:runBy/rdfs:label ?runBy FILTER(LANG(?runBy) = "ko") }
  OPTIONAL { ?p gy:partner/rdfs:label ?partner FILTER(LANG(?partner) = "ko") }
} ORDER BY ?partOf ?programme""",
    },
]


def rows(store, text: str) -> list[dict[str, str]]:
    """Run a SELECT on a :class:`graph.store.GraphStore`; each solution as ``{variable: value}`` (unbound → "")."""
    from graph.queries import term_value

    solutions = store.query(text)
    names = [v.value for v in solutions.variables]
    return [{n: term_value(s[n]) for n in names} for s in solutions]
