"""Request limits checked on the raw WSGI environ, before Flask parses anything.

Every refusal has the API's JSON error shape: 414 for a long URL, 431 for large headers, 413 for a
large body, 400 for too many parameters. waitress is given larger limits of its own
(:func:`server_limits`), so these bite first and the client always gets JSON.

>>> from runtime.settings import Settings
>>> s = Settings(max_url_bytes=40, max_params=2)
>>> refusal({"PATH_INFO": "/api/search", "QUERY_STRING": "q=a&k=1&mode=x"}, s)[:2]
(400, 'too_many_parameters')
>>> refusal({"PATH_INFO": "/api/search", "QUERY_STRING": "q=" + "a" * 40}, s)[:2]
(414, 'request_uri_too_large')
>>> refusal({"PATH_INFO": "/", "QUERY_STRING": "q=a"}, s) is None
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask, request

from api.errors import ApiError, error_body, json_error_headers
from api.services import services
from runtime.settings import Settings

#: waitress's own limits are this many times the app's, so a request the app refuses reaches the app.
SERVER_MARGIN = 8
STATUS_TEXT = {400: "Bad Request", 413: "Request Entity Too Large", 414: "Request URI Too Large",
               431: "Request Header Fields Too Large"}


def _header_bytes(environ: dict[str, Any]) -> int:
    total = 0
    for key, value in environ.items():
        if key.startswith("HTTP_") or key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            total += len(key) - (5 if key.startswith("HTTP_") else 0) + len(str(value)) + 4
    return total


def _param_count(query_string: str) -> int:
    return sum(1 for part in query_string.split("&") if part)


def refusal(environ: dict[str, Any], settings: Settings) -> tuple[int, str, str] | None:
    """``(status, code, message)`` when the request breaks a limit, else ``None``."""
    query = environ.get("QUERY_STRING", "")
    url = len(environ.get("PATH_INFO", "").encode("latin-1", "replace")) + len(query)
    if url > settings.max_url_bytes:
        return 414, "request_uri_too_large", (f"the URL has {url} bytes; the limit is {settings.max_url_bytes} "
                                              "(GYORYU_MAX_URL_BYTES)")
    headers = _header_bytes(environ)
    if headers > settings.max_header_bytes:
        return 431, "request_header_fields_too_large", (
            f"the headers have {headers} bytes; the limit is {settings.max_header_bytes} (GYORYU_MAX_HEADER_BYTES)")
    try:
        body = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 400, "invalid_content_length", "Content-Length is not a number"
    if body > settings.max_body_bytes:
        return 413, "request_entity_too_large", (
            f"the body has {body} bytes; the limit is {settings.max_body_bytes} (GYORYU_MAX_BODY_BYTES)")
    params = _param_count(query)
    if params > settings.max_params:
        return 400, "too_many_parameters", (
            f"the query string has {params} parameters; the limit is {settings.max_params} (GYORYU_MAX_PARAMS)")
    return None


class RequestLimits:
    """WSGI middleware: refuse requests over the limits of ``settings`` before the wrapped app sees them."""

    def __init__(self, app: Callable, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Iterable[bytes]:
        refused = refusal(environ, self.settings)
        if refused is None:
            return self.app(environ, start_response)
        status, code, message = refused
        body = error_body(code, message)
        start_response(f"{status} {STATUS_TEXT[status]}", json_error_headers(body))
        return [body]


def server_limits(settings: Settings) -> dict[str, int]:
    """waitress's header and body limits: well above the app's, so the app answers (in JSON) first."""
    return {"max_request_header_size": SERVER_MARGIN * (settings.max_url_bytes + settings.max_header_bytes),
            "max_request_body_size": SERVER_MARGIN * settings.max_body_bytes}


def register_form_limit(app: Flask) -> None:
    """Count the parameters of a form body too (the middleware counts the query string's)."""

    @app.before_request
    def _form_parameters() -> None:
        if request.method == "POST" and request.mimetype == "application/x-www-form-urlencoded":
            count = len(list(request.form.items(multi=True)))
            limit = services().settings.max_params
            if count > limit:
                raise ApiError(400, "too_many_parameters",
                               f"the form has {count} parameters; the limit is {limit} (GYORYU_MAX_PARAMS)")
