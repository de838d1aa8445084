"""Requests waitress refuses before the app sees them get the API's JSON error, over a raw socket to a real server."""

from __future__ import annotations

import json

import pytest

from tests.api.conftest import raw_request

HOST = b"Host: 127.0.0.1\r\nConnection: close\r\n"


@pytest.mark.parametrize(("request_bytes", "status", "detail"), [
    # a raw UTF-8 request URI (a client that did not percent-encode 교류)
    ("GET /api/search?q=교류 HTTP/1.1\r\n".encode() + HOST + b"\r\n", 400, "Bad URI"),
    ("GET /id/region/교류 HTTP/1.1\r\n".encode() + HOST + b"\r\n", 400, "Bad URI"),
    (b"GET /sparql HTTP/1.1\r\n" + HOST + b"Accept: text/html\nX-A: b\r\n\r\n", 400, "Bare CR or LF"),
    (b"GET /api/search?q=a HTTP/1.1\r\n" + HOST + b"no colon here\r\n\r\n", 400, "Invalid header"),
    (b"POST /sparql HTTP/1.1\r\n" + HOST + b"Content-Length: twelve\r\n\r\n", 400, "Content-Length"),
])
def test_requests_waitress_refuses_get_json(live_server: str, request_bytes: bytes, status: int,
                                            detail: str) -> None:
    answered, headers, body = raw_request(live_server, request_bytes)
    assert answered == status
    assert headers["content-type"] == "application/json"
    assert headers["x-content-type-options"] == "nosniff" and "default-src 'self'" in headers[
        "content-security-policy"]
    error = json.loads(body)["error"]
    assert error["code"] == "bad_request"
    assert detail in error["message"]
    assert int(headers["content-length"]) == len(body)


def test_headers_past_waitress_limit_get_json(live_server: str, settings) -> None:
    """Headers larger than waitress's own limit (the app's times the server margin) are refused by waitress."""
    from api.limits import server_limits

    size = server_limits(settings)["max_request_header_size"] + 1024
    answered, headers, body = raw_request(live_server, b"GET /api/search?q=a HTTP/1.1\r\n" + HOST
                                          + b"X-Padding: " + b"a" * size + b"\r\n\r\n")
    assert answered == 431
    assert headers["content-type"] == "application/json"
    assert json.loads(body)["error"]["code"] == "request_header_fields_too_large"


def test_a_percent_encoded_uri_still_reaches_the_app(live_server: str) -> None:
    answered, headers, body = raw_request(live_server, b"GET /api/search?q=%EA%B5%90%EB%A5%98&k=1 HTTP/1.1\r\n"
                                          + HOST + b"\r\n")
    assert answered == 200, body[:300]
    assert json.loads(body)["query"] == "교류"
