"""Prefix → namespace IRI, as plain strings: the one table behind ``namespaces.PREFIXES``.

Importing it costs nothing (no rdflib), so the SPARQL worker processes start quickly.

>>> PREFIX_IRIS["region"]
'https://w3id.org/gyoryu/id/region/'
"""

GY_IRI = "https://w3id.org/gyoryu/ontology#"
ID_IRI = "https://w3id.org/gyoryu/id/"

#: Prefixes bound in every graph we write and offered to every SPARQL query.
PREFIX_IRIS: dict[str, str] = {
    "gy": GY_IRI,
    "id": ID_IRI,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "region": ID_IRI + "region/",
}
