"""The fast URL-encoded decoder (api.forms) gives exactly what werkzeug's parse_qsl call gives, and the app uses it
for the query string and for form bodies (real HTTP round trips)."""

from __future__ import annotations

import json
import random
from urllib.parse import parse_qsl, urlencode

import pytest
import requests
import werkzeug.urls  # noqa: F401 - registers the "werkzeug.url_quote" error handler used below

from api.forms import parse_form
from graph.examples import all_examples
from tests.api.conftest import JEONNAM, SEOUL, raw_request

#: Pieces whose mixtures cover every branch: escapes upper and lower case, invalid UTF-8 (%FF, a lone lead byte),
#: a % without two hex digits, backslashes and Python escape look-alikes, raw non-ASCII text, separators, blanks.
PIECES = [*"ab=&+%\\xX09fFzZ \n\t?{}\"'", "%ED%95%9C", "%FF", "%C3", "%41", "%e9", "%%", "%2", "%5C", "%0A", "%00",
          "한", "é", "\\x41", "\\u0041", "\\N{DASH}", "%5Cx41", "\\%41", "\\\\"]


def reference(text: str) -> list[tuple[str, str]]:
    """What werkzeug 3 decodes a query string or form body with."""
    return parse_qsl(text, keep_blank_values=True, errors="werkzeug.url_quote")


def test_equal_to_parse_qsl_on_generated_text() -> None:
    rng = random.Random(78)
    for _ in range(20000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 16)))
        assert parse_form(text) == reference(text), text


@pytest.mark.parametrize("example", all_examples(), ids=lambda e: e["id"])
def test_equal_to_parse_qsl_on_the_readme_questions(example: dict) -> None:
    body = urlencode({"query": example["query"], "format": "json", "timeout": "5"})
    assert parse_form(body) == reference(body)
    assert parse_form(body)[0] == ("query", example["query"])


def test_invalid_bytes_stay_percent_encoded() -> None:
    assert parse_form("q=%FF%ED%95%9C&r=%C3") == [("q", "%FF한"), ("r", "%C3")]


ASK = f"PREFIX gy: <https://w3id.org/gyoryu/ontology#>\nASK {{ <{SEOUL}> gy:signedWith <{JEONNAM}> }} # 교류 \\x41 %"


def test_form_post_and_get_carry_the_same_query(live_server: str) -> None:
    url = f"{live_server}/sparql"
    accept = {"Accept": "application/sparql-results+json"}
    by_form = requests.post(url, data={"query": ASK}, headers=accept, timeout=30)
    by_get = requests.get(url, params={"query": ASK}, headers=accept, timeout=30)
    for resp in (by_form, by_get):
        assert resp.status_code == 200, resp.text
        assert resp.json()["boolean"] is True


def test_form_with_a_lone_percent_reaches_the_query_checker(live_server: str) -> None:
    """``%zz`` is kept as it is, as parse_qsl keeps it: the query text is then not SPARQL (400 bad_query)."""
    body = b"query=ASK+%7B%7D+%zz+%7B"
    status, _, payload = raw_request(live_server, b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                                     b"Accept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                     b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    assert status == 400, payload
    error = json.loads(payload)["error"]
    assert error["code"] == "bad_query"
    assert error["message"].startswith("syntax error")
