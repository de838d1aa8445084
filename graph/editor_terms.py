"""What the SPARQL editor completes: the prefixes and every class and property the graph uses or declares.

Completion stays local (no prefix.cc, no Linked Open Vocabularies): the page embeds these lists.
"""

from __future__ import annotations

from graph.graph_reader import GraphReader
from graph.queries import term_value
from graph.store import PREFIX_MAP

TERMS_QUERY = """SELECT ?term ?kind (SAMPLE(?ko) AS ?labelKo) (SAMPLE(?en) AS ?labelEn) WHERE {
  { SELECT DISTINCT ?term ("property" AS ?kind) WHERE { ?s ?term ?o } }
  UNION { SELECT DISTINCT ?term ("class" AS ?kind) WHERE { ?s a ?term } }
  UNION { VALUES ?type { owl:ObjectProperty owl:DatatypeProperty rdf:Property }
          ?term a ?type BIND("property" AS ?kind) }
  UNION { ?term a owl:Class BIND("class" AS ?kind) }
  UNION { ?term a gy:LocalService BIND("service" AS ?kind) }
  FILTER(isIRI(?term))
  OPTIONAL { ?term rdfs:label ?ko FILTER(LANG(?ko) = "ko") }
  OPTIONAL { ?term rdfs:label ?en FILTER(LANG(?en) = "en") }
} GROUP BY ?term ?kind ORDER BY ?kind ?term"""


def editor_terms(reader: GraphReader) -> dict:
    """``{"prefixes": {prefix: namespace}, "terms": [{"iri", "kind", "ko", "en"}]}``; kind: class, property, service."""
    terms = [{"iri": term_value(r["term"]), "kind": term_value(r["kind"]),
              "ko": term_value(r.get("labelKo")), "en": term_value(r.get("labelEn"))}
             for r in reader.select(TERMS_QUERY)]
    return {"prefixes": dict(PREFIX_MAP), "terms": terms}
