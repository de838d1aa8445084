"""``/openapi.json`` describes exactly the JSON API, and the API keeps to it (schemathesis)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from api.app import create_app
from tests.api import conftest

API_PATHS = {"/api/search", "/api/partners", "/api/partners/like", "/api/agreements"}


def test_openapi_lists_exactly_the_json_api(client, app) -> None:
    doc = client.get("/openapi.json").get_json()
    assert doc["openapi"].startswith("3.")
    assert set(doc["paths"]) == API_PATHS
    api_rules = {r.rule for r in app.url_map.iter_rules() if r.rule.startswith("/api/")}
    assert api_rules == API_PATHS
    k = next(p for p in doc["paths"]["/api/search"]["get"]["parameters"] if p["name"] == "k")
    assert k["schema"]["maximum"] == app.extensions["gyoryu"].settings.max_k


@pytest.fixture(scope="module")
def api_app(settings):
    """An app of its own for the fuzzer (its search engine is loaded once)."""
    application = create_app(settings)
    yield application
    application.extensions["gyoryu"].close()


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(scope="module")
def api_schema(api_app):
    return schemathesis.openapi.from_wsgi("/openapi.json", api_app)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_description(case) -> None:
    case.call_and_validate()


assert conftest  # the fixtures above come from tests/api/conftest.py
