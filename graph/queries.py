"""Named questions over the graph that the API and the command line share.

``agreements_of`` answers DESIGN's ``agreements`` shape: a party's agreements with partner,
date, type, fields and source lines.
"""

from __future__ import annotations

import pyoxigraph as ox

from graph.store import GraphStore
from ontology.namespaces import ID


class UnknownEntity(LookupError):
    """No entity has that label or IRI (HTTP 404)."""

    code = "not_found"


def _literal(term) -> str:
    return term.value if term is not None else ""


def _sparql_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def find_entity(store: GraphStore, label_or_iri: str) -> tuple[str, str]:
    """``(iri, Korean label)`` of the region or organisation named by a label, variant or IRI."""
    text = label_or_iri.strip()
    if not text:
        raise UnknownEntity("empty party name")
    if text.startswith(str(ID)):
        where = f"BIND(<{text}> AS ?e) ?e a ?t ."
    else:
        where = (f"?e rdfs:label|skos:altLabel|skos:prefLabel ?l . "
                 f"FILTER(LCASE(STR(?l)) = LCASE({_sparql_string(text)}))")
    rows = list(store.query(f"""SELECT DISTINCT ?e ?label WHERE {{ {where}
        VALUES ?type {{ gy:Region gy:Organization }} ?e a ?type .
        OPTIONAL {{ ?e rdfs:label ?label FILTER(LANG(?label) = "ko") }} }} ORDER BY ?e"""))
    if not rows:
        raise UnknownEntity(f"no region or organisation is called {text!r}")
    return rows[0]["e"].value, _literal(rows[0]["label"])


def agreements_of(store: GraphStore, party: str) -> dict:
    """The agreements of ``party`` (label, variant or IRI), oldest first, in DESIGN's JSON shape."""
    iri, label = find_entity(store, party)
    query = f"""
    SELECT ?a ?partner ?plabel ?date ?typeLabel ?doc ?start ?end
           (GROUP_CONCAT(DISTINCT ?field; separator="\\u001f") AS ?fields) WHERE {{
      ?a a gy:Agreement ; gy:party <{iri}>, ?partner ; gy:signedOn ?date ;
         prov:wasDerivedFrom ?src .
      FILTER(?partner != <{iri}>)
      ?src gy:document ?d ; gy:lineStart ?start ; gy:lineEnd ?end . ?d schema:identifier ?doc .
      OPTIONAL {{ ?partner rdfs:label ?plabel FILTER(LANG(?plabel) = "ko") }}
      OPTIONAL {{ ?a gy:agreementType/skos:prefLabel ?typeLabel FILTER(LANG(?typeLabel) = "ko") }}
      OPTIONAL {{ ?a gy:cooperationField/skos:prefLabel ?field }}
    }} GROUP BY ?a ?partner ?plabel ?date ?typeLabel ?doc ?start ?end ORDER BY ?date ?plabel"""
    agreements = []
    for row in store.query(query):
        fields = _literal(row["fields"])
        agreements.append({
            "iri": row["a"].value,
            "partner": {"iri": row["partner"].value, "label": _literal(row["plabel"])},
            "date": _literal(row["date"]),
            "type": _literal(row["typeLabel"]),
            "fields": sorted(f for f in fields.split("\u001f") if f) if fields else [],
            "source": {"doc": _literal(row["doc"]), "line_start": int(_literal(row["start"])),
                       "line_end": int(_literal(row["end"]))},
        })
    return {"party": {"iri": iri, "label": label}, "agreements": agreements}


def term_value(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> str:
    """Plain value of a pyoxigraph term (``""`` for unbound)."""
    return _literal(term)
