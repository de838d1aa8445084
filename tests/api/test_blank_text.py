"""A text parameter of space alone is refused as blank by the API itself, for every character that ECMAScript's
``\\s`` (the OpenAPI pattern) or Python's ``str.strip()`` (the engines' own check) takes as space, so the schema, the
API and the engines agree (schemathesis found ``q=%1E`` accepted by the schema and refused by the engine)."""

from __future__ import annotations

import re
import sys
from urllib.parse import quote

import pytest

from api.params import ECMA_SPACE

PYTHON_SPACE = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
SPACES = sorted(set(PYTHON_SPACE) | set(ECMA_SPACE))


@pytest.mark.parametrize("space", SPACES, ids=lambda c: f"U+{ord(c):04X}")
def test_space_alone_is_blank(client, space: str) -> None:
    resp = client.get(f"/api/search?q={quote(space * 2)}&mode=lexical")
    assert resp.status_code == 400
    error = resp.get_json()["error"]
    assert error["code"] == "invalid_parameter" and "must not be blank" in error["message"]


def test_the_description_pattern_refuses_space_and_takes_text(client) -> None:
    search = client.get("/openapi.json").get_json()["paths"]["/api/search"]["get"]["parameters"]
    pattern = next(p["schema"]["pattern"] for p in search if p["name"] == "q")
    assert not [c for c in SPACES if re.search(pattern, c * 3)]
    assert all(re.search(pattern, text) for text in ("a", "교류", " \x1e x ", "\u200b"))


def test_text_with_a_separator_inside_is_kept(client) -> None:
    resp = client.get(f"/api/search?q={quote(chr(0x1e) + '서울' + chr(0x85))}&mode=lexical&k=1")
    assert resp.status_code == 200 and resp.get_json()["query"] == "서울"
