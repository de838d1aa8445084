"""Named questions over the graph that the API and the command line share.

``agreements_of`` answers DESIGN's ``agreements`` shape: a party's agreements with partner,
date, type, fields and source lines.
"""

from __future__ import annotations

from graph.store import GraphStore
from ontology.namespaces import ID


class UnknownEntity(LookupError):
    """No entity has that label or IRI (HTTP 404)."""

    code = "not_found"


def term_value(term: object) -> str:
    """Plain value of a pyoxigraph term: IRI string, literal text, blank node id (``""`` for unbound).

    >>> from pyoxigraph import Literal
    >>> term_value(Literal("서울")), term_value(None)
    ('서울', '')
    """
    return "" if term is None else getattr(term, "value", str(term))


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
    return rows[0]["e"].value, term_value(rows[0]["label"])


def agreements_of(store: GraphStore, party: str) -> dict:
    """The agreements of ``party`` (label, variant or IRI), oldest first, in DESIGN's JSON shape.

    ``date`` keeps the stated precision (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``); ``method`` says whether a
    document-family reader (``curated``) or a general reader (``automatic``, with its ``confidence``) made
    the fact; ``source`` is the first source span and ``sources`` every one (a restated signing has several).
    """
    iri, label = find_entity(store, party)
    query = f"""
    SELECT ?a ?partner ?plabel ?date ?typeLabel ?method ?confidence ?doc ?start ?end
           (GROUP_CONCAT(DISTINCT ?field; separator="\\u001f") AS ?fields) WHERE {{
      ?a a gy:Agreement ; gy:party <{iri}>, ?partner ; gy:signedOn ?date ;
         prov:wasDerivedFrom ?src .
      FILTER(?partner != <{iri}>)
      ?src gy:document ?d ; gy:lineStart ?start ; gy:lineEnd ?end . ?d schema:identifier ?doc .
      OPTIONAL {{ ?partner rdfs:label ?plabel FILTER(LANG(?plabel) = "ko") }}
      OPTIONAL {{ ?a gy:agreementType/skos:prefLabel ?typeLabel FILTER(LANG(?typeLabel) = "ko") }}
      OPTIONAL {{ ?a gy:cooperationField/skos:prefLabel ?field }}
      OPTIONAL {{ ?a gy:extractionMethod ?method }}
      OPTIONAL {{ ?a gy:confidence ?confidence }}
    }} GROUP BY ?a ?partner ?plabel ?date ?typeLabel ?method ?confidence ?doc ?start ?end
      ORDER BY STR(?date) ?plabel ?a ?doc ?start"""
    by_iri: dict[str, dict] = {}
    for row in store.query(query):
        source = {"doc": term_value(row["doc"]), "line_start": int(term_value(row["start"])),
                  "line_end": int(term_value(row["end"]))}
        known = by_iri.get(row["a"].value)
        if known is not None:
            if source not in known["sources"]:
                known["sources"].append(source)
            continue
        fields = term_value(row["fields"])
        confidence = term_value(row["confidence"])
        by_iri[row["a"].value] = {
            "iri": row["a"].value,
            "partner": {"iri": row["partner"].value, "label": term_value(row["plabel"])},
            "date": term_value(row["date"]),
            "type": term_value(row["typeLabel"]),
            "fields": sorted(f for f in fields.split("\u001f") if f) if fields else [],
            "method": term_value(row["method"]) or "curated",
            "confidence": float(confidence) if confidence else None,
            "source": source,
            "sources": [source],
        }
    return {"party": {"iri": iri, "label": label}, "agreements": list(by_iri.values())}


_COORDINATIONS = """
SELECT ?sc ?scLabel ?c ?asOf ?region ?regionLabel ?stated ?doc ?start ?end WHERE {
  ?c a gy:Coordination ; gy:subCommittee ?sc ; gy:asOf ?asOf ; prov:wasDerivedFrom ?src .
  ?src gy:document/schema:identifier ?doc ; gy:lineStart ?start ; gy:lineEnd ?end .
  OPTIONAL { ?sc rdfs:label ?scLabel FILTER(LANG(?scLabel) = "ko") }
  OPTIONAL { ?c gy:coordinator ?region OPTIONAL { ?region rdfs:label ?regionLabel FILTER(LANG(?regionLabel) = "ko") } }
  OPTIONAL { ?c gy:statedName ?stated }
} ORDER BY ?sc DESC(?asOf) ?c ?region"""


def coordinators(store: GraphStore, subcommittee: str | None = None, history: bool = False) -> dict:
    """Who coordinates each sub-committee: the latest statement by default, earlier ones on request.

    Each statement keeps its year (``as_of``), the coordinators resolved, the name as printed and its
    source lines; a statement whose coordinator the text cannot pin down has none resolved.
    """
    groups: dict[str, dict] = {}
    for row in store.query(_COORDINATIONS):
        sc = groups.setdefault(row["sc"].value, {"iri": row["sc"].value, "label": term_value(row["scLabel"]),
                                                 "statements": {}})
        statement = sc["statements"].setdefault(row["c"].value, {
            "as_of": term_value(row["asOf"]), "coordinators": [], "stated": term_value(row["stated"]) or None,
            "source": {"doc": term_value(row["doc"]), "line_start": int(term_value(row["start"])),
                       "line_end": int(term_value(row["end"]))}})
        region = {"iri": row["region"].value, "label": term_value(row["regionLabel"])} if row["region"] else None
        if region and region not in statement["coordinators"]:
            statement["coordinators"].append(region)
    wanted = _pick(groups, subcommittee) if subcommittee else list(groups.values())
    out = []
    for sc in sorted(wanted, key=lambda g: g["label"]):
        statements = sorted(sc["statements"].values(), key=lambda s: s["as_of"], reverse=True)
        latest_year = statements[0]["as_of"]
        entry = {"iri": sc["iri"], "label": sc["label"],
                 "latest": [s for s in statements if s["as_of"] == latest_year]}
        if history:
            entry["earlier"] = [s for s in statements if s["as_of"] != latest_year]
        out.append(entry)
    return {"subcommittees": out}


def _pick(groups: dict[str, dict], name: str) -> list[dict]:
    key = "".join(name.split())
    found = [g for g in groups.values()
             if g["iri"] == name or key and (key == "".join(g["label"].split())
                                             or key + "분과위원회" == "".join(g["label"].split()))]
    if not found:
        raise UnknownEntity(f"no sub-committee is called {name!r}")
    return found
