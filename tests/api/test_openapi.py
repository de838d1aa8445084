"""``/openapi.json`` describes exactly the JSON API, and the API keeps to it (schemathesis).

Schemathesis drives each operation with valid and invalid data from the description and checks
every response: no server errors, documented status codes, content types and response schemas,
and that invalid input is rejected.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

API_PATHS = {"/api/search", "/api/partners", "/api/partners/like", "/api/agreements", "/api/coordinators"}
EXAMPLES_PER_OPERATION = 30


def test_openapi_lists_exactly_the_json_api(client, app) -> None:
    doc = client.get("/openapi.json").get_json()
    assert doc["openapi"].startswith("3.")
    assert set(doc["paths"]) == API_PATHS
    api_rules = {r.rule for r in app.url_map.iter_rules() if r.rule.startswith("/api/")}
    assert api_rules == API_PATHS
    k = next(p for p in doc["paths"]["/api/search"]["get"]["parameters"] if p["name"] == "k")
    assert k["schema"]["maximum"] == app.extensions["gyoryu"].settings.max_k


@pytest.fixture(scope="module")
def operations(live_server: str) -> dict:
    """Every operation of the served description, against the live server."""
    schema = schemathesis.openapi.from_url(f"{live_server}/openapi.json")
    ops = [result.ok() for result in schema.get_all_operations()]
    return {op.path: (op, live_server) for op in ops}


@pytest.mark.parametrize("path", sorted(API_PATHS))
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_conforms_to_its_description(operations: dict, path: str, mode: GenerationMode) -> None:
    operation, base_url = operations[path]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case) -> None:
        case.call_and_validate(base_url=base_url, timeout=120)

    check()
