"""The JSON API on the real corpus: shapes from DESIGN.md, validated parameters, JSON errors."""

from __future__ import annotations

import re
import uuid

import pytest

from tests.api.conftest import JEONNAM, SEOUL, SEOUL_DOC


def error_code(resp) -> str:
    assert resp.is_json
    return resp.get_json()["error"]["code"]


def test_search_finds_return_to_farming_rows(client) -> None:
    resp = client.get("/api/search", query_string={"q": "귀농귀촌 지원", "k": 5})
    assert resp.status_code == 200
    body = resp.get_json()
    assert body["query"] == "귀농귀촌 지원" and body["mode"] == "hybrid"
    assert isinstance(body["took_ms"], float | int)
    assert len(body["hits"]) == 5
    top = body["hits"][0]
    assert set(top) >= {"doc", "line_start", "line_end", "text", "score", "title", "entities"}
    assert any("귀농" in h["text"] for h in body["hits"])
    assert any(h["doc"] == SEOUL_DOC and any(e["iri"] == SEOUL for e in h["entities"]) for h in body["hits"])


@pytest.mark.parametrize("mode", ["hybrid", "dense", "lexical"])
def test_every_mode_answers(client, mode: str) -> None:
    resp = client.get("/api/search", query_string={"q": "재난 구호 협력", "k": 3, "mode": mode})
    assert resp.status_code == 200
    body = resp.get_json()
    assert body["mode"] == mode and len(body["hits"]) == 3


def test_partners_rank_entities_with_evidence(client) -> None:
    resp = client.get("/api/partners", query_string={"q": "귀농귀촌", "k": 5, "type": "region"})
    assert resp.status_code == 200
    partners = resp.get_json()["partners"]
    assert 1 <= len(partners) <= 5
    assert all(p["type"] == "Region" for p in partners)
    assert all(p["evidence"] and {"doc", "line_start", "text"} <= set(p["evidence"][0]) for p in partners)


def test_partners_like_excludes_existing_partners(client) -> None:
    resp = client.get("/api/partners/like", query_string={"region": "서울특별시", "k": 10})
    assert resp.status_code == 200
    iris = {p["iri"] for p in resp.get_json()["partners"]}
    assert iris and SEOUL not in iris and JEONNAM not in iris


def test_agreements_of_seoul(client) -> None:
    resp = client.get("/api/agreements", query_string={"party": "서울특별시"})
    assert resp.status_code == 200
    body = resp.get_json()
    assert body["party"] == {"iri": SEOUL, "label": "서울특별시"}
    first = body["agreements"][0]
    assert first["partner"] == {"iri": JEONNAM, "label": "전라남도"}
    assert first["date"] == "2004-12-17"
    assert "청소년" in first["fields"]
    assert first["source"] == {"doc": SEOUL_DOC, "line_start": 296, "line_end": 296}
    assert len({a["partner"]["iri"] for a in body["agreements"]}) > 60


@pytest.mark.parametrize("party", ["Seoul", SEOUL])
def test_agreements_by_english_label_or_iri(client, party: str) -> None:
    resp = client.get("/api/agreements", query_string={"party": party})
    assert resp.status_code == 200
    assert resp.get_json()["party"]["iri"] == SEOUL


@pytest.mark.parametrize(("path", "params", "status", "code"), [
    ("/api/search", {}, 400, "missing_parameter"),
    ("/api/search", {"q": "   "}, 400, "invalid_parameter"),
    ("/api/search", {"q": "x" * 501}, 400, "invalid_parameter"),
    ("/api/search", {"q": "관광", "k": 0}, 400, "invalid_parameter"),
    ("/api/search", {"q": "관광", "k": 51}, 400, "invalid_parameter"),
    ("/api/search", {"q": "관광", "k": "ten"}, 400, "invalid_parameter"),
    ("/api/search", {"q": "관광", "mode": "fuzzy"}, 400, "invalid_parameter"),
    ("/api/search", {"q": ["관광", "체육"]}, 400, "invalid_parameter"),
    ("/api/partners", {"q": "관광", "type": "person"}, 400, "invalid_parameter"),
    ("/api/partners/like", {"region": "아틀란티스"}, 404, "unknown_region"),
    ("/api/partners/like", {"region": "서울", "exclude_existing": "maybe"}, 400, "invalid_parameter"),
    ("/api/agreements", {"party": "아틀란티스"}, 404, "unknown_party"),
    ("/api/agreements", {}, 400, "missing_parameter"),
    ("/api/nothing", {}, 404, "not_found"),
])
def test_invalid_requests_get_json_errors(client, path: str, params: dict, status: int, code: str) -> None:
    resp = client.get(path, query_string=params)
    assert resp.status_code == status
    assert error_code(resp) == code
    assert resp.get_json()["error"]["message"]


def test_write_methods_are_refused(client) -> None:
    resp = client.post("/api/search", data={"q": "관광"})
    assert resp.status_code == 405
    assert error_code(resp) == "method_not_allowed"
    assert "GET" in resp.headers["Allow"]


def test_user_text_is_not_reflected_as_html(client) -> None:
    resp = client.get("/api/agreements", query_string={"party": "<script>alert(1)</script>"})
    assert resp.status_code == 404
    assert resp.mimetype == "application/json"
    assert resp.headers["X-Content-Type-Options"] == "nosniff"


def test_coordinators_show_the_latest_statement_by_default(client):
    body = client.get("/api/coordinators", query_string={"subcommittee": "관광"}).get_json()
    (tourism,) = body["subcommittees"]
    assert [s["as_of"] for s in tourism["latest"]] == ["2024"]
    assert {c["label"] for c in tourism["latest"][0]["coordinators"]} == {"허난성", "닝샤후이족자치구"}
    assert "earlier" not in tourism
    history = client.get("/api/coordinators", query_string={"subcommittee": "관광", "history": "true"}).get_json()
    (earlier,) = history["subcommittees"][0]["earlier"]
    assert earlier["as_of"] == "2010" and earlier["source"]["doc"] == "003_f806944ff0a1a74c.txt"
    assert [c["label"] for c in earlier["coordinators"]] == ["허난성"]


def test_coordinators_of_every_subcommittee_and_an_undecided_one(client):
    body = client.get("/api/coordinators").get_json()
    by_label = {s["label"]: s for s in body["subcommittees"]}
    assert len(by_label) >= 19
    energy = by_label["에너지기후변화분과위원회"]["latest"][0]
    assert energy["coordinators"] == [] and energy["stated"] == "중국 산시성"  # Shanxi or Shaanxi: not guessed


def test_unknown_subcommittee_is_404(client):
    response = client.get("/api/coordinators", query_string={"subcommittee": "없는분과"})
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "unknown_subcommittee"


def _server_timing(resp) -> dict[str, float]:
    header = resp.headers["Server-Timing"]
    assert re.fullmatch(r"(\w+;dur=\d+\.\d\d)(, \w+;dur=\d+\.\d\d)*", header), header
    return {name: float(dur) for name, dur in re.findall(r"(\w+);dur=([\d.]+)", header)}


def test_search_says_in_server_timing_how_long_the_model_and_the_search_took(client) -> None:
    # a question no earlier test asked (the store tests run this test once per store on one embedding cache)
    question = {"q": f"청양군 자매결연 농산물 Server-Timing {uuid.uuid4().hex[:8]}", "k": 3}
    first = _server_timing(client.get("/api/search", query_string=question))
    assert set(first) == {"embed", "embed_cpu", "search"} and 0 < first["embed"] <= first["search"]
    assert first["embed_cpu"] > 0  # the thread's CPU during the model run
    again = _server_timing(client.get("/api/search", query_string=question))  # remembered: no model run
    assert set(again) == {"search"}
    lexical = _server_timing(client.get("/api/search", query_string={**question, "mode": "lexical"}))
    assert set(lexical) == {"search"}


@pytest.mark.parametrize("q", ["귀농귀촌 지원", "disaster prevention sub-committee", "서울 Seoul 자매도시 1995"])
def test_search_answer_is_the_engines_result_as_flask_would_encode_it(app, client, q: str) -> None:
    """The JSON API encodes with orjson (decision 0070): the answer parses to exactly the values Flask's own encoder
    gives for the engine's result of the same question (took_ms aside)."""
    import json

    from flask import json as flask_json

    engine = app.extensions["gyoryu"].search
    resp = client.get("/api/search", query_string={"q": q, "k": 10})
    assert resp.status_code == 200 and resp.mimetype == "application/json"
    body = json.loads(resp.get_data())
    expected = engine.search(q, 10, "hybrid")
    for answer in (body, expected):
        answer.pop("took_ms")
    with app.app_context():
        assert body == json.loads(flask_json.dumps(expected))
    assert body["hits"] and isinstance(body["hits"][0]["score"], float)
