"""The OpenAPI 3.1 description of the JSON API (``/openapi.json``); limits come from the settings."""

from __future__ import annotations

from typing import Any

from api.json_api import DEFAULT_K, MAX_COUNTRY_LENGTH
from graph.entity_kinds import PARTNER_KINDS
from graph.result_formats import ENTITY, SPARQL, accepted_names, formats_for, media_offers, offered
from index.modes import DEFAULT_MODE, MODES, SEARCH_MODES
from runtime.settings import Settings
from runtime.version import __version__

#: A character that is space neither to ECMAScript's ``\s`` nor to Python's ``str.strip()`` (``api.params.BLANK``); the
#: BOM is named because Python's ``\s`` lacks it, so the pattern means the same in both engines.
NON_BLANK = r"[^\s\x1c-\x1f\x85\ufeff]"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _obj(required: list[str], **props: Any) -> dict[str, Any]:
    return {"type": "object", "required": required, "properties": props}


def _param(name: str, schema: dict[str, Any], description: str, required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "description": description, "schema": schema}


def _responses(ok: str, description: str, *errors: int) -> dict[str, Any]:
    out: dict[str, Any] = {"200": {"description": description,
                                   "content": {"application/json": {"schema": _ref(ok)}}}}
    texts = {400: "invalid parameters", 404: "unknown name", 503: "data or index not ready"}
    for status in (400, *errors, 503):
        out[str(status)] = _error(texts[status])
    out.update({status: _error(text) for status, text in REQUEST_LIMIT_ERRORS.items()})
    return out


def _schemas() -> dict[str, Any]:
    str_ = {"type": "string"}
    num = {"type": "number"}
    int_ = {"type": "integer"}
    named = _obj(["iri", "label"], iri=str_, label=str_)
    method = {"type": ["string", "null"], "enum": ["curated", "automatic", None],
              "description": "how a fact passage's fact was read (null for other passages)"}
    confidence = {"type": ["number", "null"], "minimum": 0, "maximum": 1}
    return {
        "EntityRef": _obj(["iri", "label"], iri=str_, label=str_, type=str_),
        "Hit": _obj(["doc", "line_start", "line_end", "text", "score"], doc=str_, line_start=int_,
                    line_end=int_, text=str_, score=num, title=str_,
                    entities={"type": "array", "items": _ref("EntityRef")},
                    summary={"type": ["string", "null"]}, summary_en={"type": ["string", "null"]},
                    terms={"type": "array", "items": str_}, method=method, confidence=confidence),
        "LinkedTerm": _obj(["iri", "type", "label_ko", "label_en", "surface"], iri=str_, type=str_, label_ko=str_,
                           label_en=str_, surface=str_),
        "SearchResult": _obj(["query", "mode", "hits", "took_ms"], query=str_, mode={"enum": list(MODES)},
                             hits={"type": "array", "items": _ref("Hit")}, took_ms=num,
                             linked={"type": "array", "items": _ref("LinkedTerm")}),
        "Reason": _obj(["fact", "field"], fact=str_, fact_en={"type": ["string", "null"]}, field=str_,
                       doc={"type": ["string", "null"]},
                       line_start={"type": ["integer", "null"]}, line_end={"type": ["integer", "null"]},
                       method=method, confidence=confidence),
        "Partner": _obj(["iri", "label", "score", "evidence"], iri=str_, label=str_, type=str_, score=num,
                        evidence={"type": "array", "items": _ref("Hit")},
                        reasons={"type": "array", "items": _ref("Reason")}),
        "PartnersResult": _obj(["partners", "took_ms"], query=str_,
                               linked={"type": "array", "items": _ref("LinkedTerm")},
                               partners={"type": "array", "items": _ref("Partner")}, took_ms=num),
        "Named": named,
        "Agreement": _obj(["iri", "partner", "date", "method"], iri=str_, partner=_ref("Named"),
                          date={"type": ["string", "null"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
                                "description": "YYYY-MM-DD, YYYY-MM or YYYY: as precise as the document states"},
                          type={"type": ["string", "null"]},
                          fields={"type": "array", "items": str_},
                          method={"type": "string", "enum": ["curated", "automatic"]},
                          confidence=confidence,
                          source=_obj(["doc", "line_start", "line_end"], doc=str_, line_start=int_,
                                      line_end=int_),
                          sources={"type": "array", "items": _obj(["doc", "line_start", "line_end"], doc=str_,
                                                                  line_start=int_, line_end=int_)}),
        "AgreementsResult": _obj(["party", "agreements"], party=_ref("Named"),
                                 agreements={"type": "array", "items": _ref("Agreement")}),
        "Statement": _obj(["as_of", "coordinators", "source"], as_of=str_,
                          coordinators={"type": "array", "items": _ref("Named")},
                          stated={"type": ["string", "null"]},
                          source=_obj(["doc", "line_start", "line_end"], doc=str_, line_start=int_,
                                      line_end=int_)),
        "SubCommittee": _obj(["iri", "label", "latest"], iri=str_, label=str_,
                             latest={"type": "array", "items": _ref("Statement")},
                             earlier={"type": "array", "items": _ref("Statement")}),
        "CoordinatorsResult": _obj(["subcommittees"],
                                   subcommittees={"type": "array", "items": _ref("SubCommittee")}),
        "Error": _obj(["error"], error=_obj(["code", "message"], code=str_, message=str_)),
    }


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


def _any(*media: str) -> dict[str, Any]:
    return {media_type: {"schema": {}} for media_type in media}


#: What /sparql answers (result types for SELECT/ASK, RDF types for CONSTRUCT/DESCRIBE) and /id/… serves,
#: from the one table of output formats.
SPARQL_TYPES = tuple(dict.fromkeys([*media_offers(formats_for("select")), *media_offers(formats_for("graph"))]))
ENTITY_TYPES = tuple(f.media_type for f in offered(ENTITY))
REQUEST_LIMIT_ERRORS = {"413": "body larger than GYORYU_MAX_BODY_BYTES", "414": "URL longer than GYORYU_MAX_URL_BYTES",
                        "431": "headers larger than GYORYU_MAX_HEADER_BYTES"}


def _sparql_responses() -> dict[str, Any]:
    out = {"200": {"description": "query results (SELECT/ASK) or a graph (CONSTRUCT/DESCRIBE)",
                   "content": _any(*SPARQL_TYPES)},
           "400": _error("malformed query, update, SERVICE, bad parameter"),
           "406": _error("no acceptable result type"), "415": _error("unsupported request body type"),
           "503": _error("query stopped at its time limit, or data not ready")}
    out.update({status: _error(text) for status, text in REQUEST_LIMIT_ERRORS.items()})
    out["413"] = _error("result too large, or body larger than GYORYU_MAX_BODY_BYTES")
    return out


def _linked_data_paths(settings: Settings) -> dict[str, Any]:
    """``/sparql`` (SPARQL 1.1 Protocol), ``/id/…`` entity pages, ``/doc/…`` documents and ``/healthz``."""
    from graph.examples import all_examples

    query = {"type": "string", "minLength": 1, "maxLength": settings.max_query_length,
             "examples": [e["query"] for e in all_examples()[:3]]}
    names = ", ".join(f.name for f in offered(SPARQL))
    sparql_params = [_param("format", {"type": "string", "maxLength": 64},
                            f"result format ({names}, or a media type); else by Accept"),
                     _param("timeout", {"type": "number", "exclusiveMinimum": 0, "maximum": 3600},
                            "seconds, at most GYORYU_QUERY_TIMEOUT")]
    segment = {"type": "string", "minLength": 1, "maxLength": 200, "pattern": r"^[^/?#]+$"}
    entity_formats = {"type": "string", "enum": accepted_names(offered(ENTITY))}
    return {
        "/sparql": {
            "get": {"operationId": "sparqlGet", "summary": "Read-only SPARQL 1.1 query (Protocol, GET)",
                    "parameters": [_param("query", query, "the SPARQL query", True), *sparql_params],
                    "responses": _sparql_responses()},
            "post": {"operationId": "sparqlPost", "summary": "Read-only SPARQL 1.1 query (Protocol, POST)",
                     "parameters": sparql_params,
                     "requestBody": {"required": True, "content": {
                         "application/sparql-query": {"schema": query},
                         "application/x-www-form-urlencoded": {"schema": _obj(["query"], query=query)}}},
                     "responses": _sparql_responses()},
        },
        "/id/{kind}/{name}": {"get": {
            "operationId": "entity", "summary": "An entity's page (HTML) or description (RDF) by Accept or format",
            "parameters": [{"name": "kind", "in": "path", "required": True, "schema": segment,
                            "description": "entity kind: region, organization, agreement, subcommittee, doc …"},
                           {"name": "name", "in": "path", "required": True, "schema": segment,
                            "description": "the entity's name in its kind"},
                           _param("format", entity_formats, "format instead of Accept")],
            "responses": {"200": {"description": "the entity", "content": _any(*ENTITY_TYPES)},
                          "400": _error("unknown format"), "404": _error("no such entity"),
                          "406": _error("no acceptable type")},
        }},
        "/doc/{doc}": {"get": {
            "operationId": "document", "summary": "A document with numbered lines, cited lines highlighted",
            "parameters": [{"name": "doc", "in": "path", "required": True, "schema": segment,
                            "description": "document id (file name)"},
                           _param("lines", {"type": "string", "maxLength": 200}, "lines to highlight, e.g. 3-5,9")],
            "responses": {"200": {"description": "the document", "content": _any("text/html")},
                          "404": _error("no such document")},
        }},
        "/healthz": {"get": {
            "operationId": "healthz", "summary": "Readiness of the built data",
            "responses": {"200": {"description": "ready", "content": _any("application/json")},
                          "503": {"description": "not ready, or stale", "content": _any("application/json")}},
        }},
    }


def _sparql_note() -> str:
    """Where SPARQL is served and in which media types (from the one table of output formats)."""
    results = ", ".join(f.media_type for f in formats_for("select"))
    graphs = ", ".join(f.media_type for f in formats_for("graph"))
    return (f"SPARQL is served at /sparql (SPARQL 1.1 Protocol): SELECT and ASK results as {results}; "
            f"CONSTRUCT and DESCRIBE as {graphs}.")


def openapi_document(settings: Settings) -> dict[str, Any]:
    """The API description for the limits in ``settings``."""
    text = {"type": "string", "minLength": 1, "maxLength": settings.max_text_length, "pattern": NON_BLANK}
    k = _param("k", {"type": "integer", "minimum": 1, "maximum": settings.max_k, "default": DEFAULT_K},
               "number of results")
    return {
        "openapi": "3.1.0",
        "info": {"title": "Gyoryu JSON API", "version": __version__,
                 "description": "Passage search, partner finding and agreements over Korean local-government "
                                "exchange documents. " + _sparql_note()},
        "paths": {
            "/api/search": {"get": {
                "operationId": "search", "summary": "Ranked passages (hybrid, dense or lexical)",
                "parameters": [_param("q", text, "what to look for, in Korean or English", True), k,
                               _param("mode", {"type": "string", "enum": list(MODES), "default": DEFAULT_MODE},
                                      "ranking mode: " + "; ".join(f"{m}: {d}" for m, d in SEARCH_MODES.items()))],
                "responses": _responses("SearchResult", "ranked passages"),
            }},
            "/api/partners": {"get": {
                "operationId": "partners", "summary": "Regions and organisations ranked for a need",
                "parameters": [_param("q", text, "the need, in Korean or English", True), k,
                               _param("type", {"type": "string", "enum": list(PARTNER_KINDS)}, "entity type"),
                               _param("country", {"type": "string", "minLength": 1,
                                                  "maxLength": MAX_COUNTRY_LENGTH, "pattern": NON_BLANK},
                                      "country filter (code or name)")],
                "responses": _responses("PartnersResult", "ranked partners with evidence"),
            }},
            "/api/partners/like": {"get": {
                "operationId": "partnersLike",
                "summary": "Regions whose cooperation profile resembles a region",
                "parameters": [_param("region", text, "region name (Korean or English) or IRI", True), k,
                               _param("exclude_existing", {"type": "boolean", "default": True},
                                      "leave out the region's existing partners")],
                "responses": _responses("PartnersResult", "similar regions with evidence", 404),
            }},
            "/api/agreements": {"get": {
                "operationId": "agreements", "summary": "Agreements of a party",
                "parameters": [_param("party", text, "party label (Korean or English) or IRI", True)],
                "responses": _responses("AgreementsResult", "the party's agreements", 404),
            }},
            "/api/coordinators": {"get": {
                "operationId": "coordinators",
                "summary": "Who coordinates each sub-committee (latest statement; earlier ones on request)",
                "parameters": [_param("subcommittee", text, "sub-committee name (e.g. 관광) or IRI; all if absent"),
                               _param("history", {"type": "boolean", "default": False},
                                      "also list earlier statements")],
                "responses": _responses("CoordinatorsResult", "coordinators with year and source lines", 404),
            }},
            **_linked_data_paths(settings),
        },
        "components": {"schemas": _schemas()},
    }
