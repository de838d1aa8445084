"""``/openapi.json`` describes every route (the JSON API, /sparql, /id/…, /doc/…, /healthz), and the server keeps
to it (schemathesis).

Schemathesis drives each operation with valid and invalid data from the description and checks
every response: no server errors, documented status codes, content types and response schemas,
and that invalid input is rejected. `make test` runs 30 examples per operation and mode; `make fuzz`
(``HYPOTHESIS_PROFILE=fuzz``) runs 100.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

API_PATHS = {"/api/search", "/api/partners", "/api/partners/like", "/api/agreements", "/api/coordinators"}
#: Routes served but described elsewhere: the page and its assets, the description itself, the Graph Store reads.
UNDESCRIBED = {"/", "/static/<path:filename>", "/openapi.json", "/sparql/graph"}
DESCRIBED = {("get", p) for p in API_PATHS} | {("get", "/sparql"), ("post", "/sparql"), ("get", "/id/{kind}/{name}"),
                                               ("get", "/doc/{doc}"), ("get", "/healthz")}
EXAMPLES_PER_OPERATION = 100 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 30


def test_openapi_lists_exactly_the_json_api(client, app) -> None:
    doc = client.get("/openapi.json").get_json()
    assert doc["openapi"].startswith("3.")
    assert {(m, p) for p, ops in doc["paths"].items() for m in ops} == DESCRIBED
    api_rules = {r.rule for r in app.url_map.iter_rules() if r.rule.startswith("/api/")}
    assert api_rules == API_PATHS
    served = {r.rule.replace("<path:rest>", "{kind}/{name}").replace("<doc_id>", "{doc}")
              for r in app.url_map.iter_rules()}
    assert served - UNDESCRIBED == {p for _, p in DESCRIBED}
    k = next(p for p in doc["paths"]["/api/search"]["get"]["parameters"] if p["name"] == "k")
    assert k["schema"]["maximum"] == app.extensions["gyoryu"].settings.max_k


@pytest.fixture(scope="module")
def operations(live_server: str) -> dict:
    """Every operation of the served description, against the live server."""
    schema = schemathesis.openapi.from_url(f"{live_server}/openapi.json")
    ops = [result.ok() for result in schema.get_all_operations()]
    return {(op.method.lower(), op.path): (op, live_server) for op in ops}


#: Every operation with valid input, and with invalid input where it takes any (``/healthz`` takes none).
RUNS = [(key, mode) for key in sorted(DESCRIBED) for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
        if not (mode is GenerationMode.NEGATIVE and key == ("get", "/healthz"))]


def documented_refusal(case, response) -> bool:
    """A refusal the description documents that schemathesis's checks do not know, in the JSON error shape.

    * 413, 414 or 431 from the request-size limits (``GYORYU_MAX_BODY_BYTES`` …): schemathesis generates
      queries of 200 KB and counts only 4xx codes of its own list as a rejection of invalid data;
    * 503 ``query_timeout`` for a query sent with a sub-second ``timeout``: schemathesis pairs the
      description's example query with limits such as ``timeout=8e-26``.
    """
    try:
        code = response.json()["error"]["code"]
    except (ValueError, KeyError, TypeError):
        return False
    if response.status_code in (413, 414, 431):
        return code in ("request_entity_too_large", "request_uri_too_large", "request_header_fields_too_large")
    params = {**(case.query or {}), **(case.body if isinstance(case.body, dict) else {})}
    try:
        asked = float(params.get("timeout", "inf"))
    except (TypeError, ValueError):
        return False
    return response.status_code == 503 and asked < 1 and code == "query_timeout"


@pytest.mark.parametrize(("operation_key", "mode"), RUNS)
def test_api_conforms_to_its_description(operations: dict, operation_key: tuple[str, str],
                                         mode: GenerationMode) -> None:
    operation, base_url = operations[operation_key]
    # A string that fits the schema is not yet a SPARQL query: /sparql may answer valid-looking text with 400.
    excluded = [positive_data_acceptance] if operation_key[1] == "/sparql" else []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case) -> None:
        response = case.call(base_url=base_url, timeout=120)
        if documented_refusal(case, response):
            return
        case.validate_response(response, excluded_checks=excluded)

    check()
