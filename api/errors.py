"""Errors as JSON: ``{"error": {"code": "…", "message": "…"}}`` with a 4xx/5xx status.

Browsers asking for HTML get the same error as a small page.
"""

from __future__ import annotations

import json

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from api.negotiation import prefers_html
from api.security import CSP


class ApiError(Exception):
    """An error with an HTTP status, a stable machine code and a human message."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def bad_request(code: str, message: str) -> ApiError:
    """A 400 error."""
    return ApiError(400, code, message)


def error_body(code: str, message: str) -> bytes:
    """The API's error shape as UTF-8 JSON (for answers made outside Flask)."""
    return json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False).encode()


def json_error_headers(body: bytes) -> list[tuple[str, str]]:
    """The headers of a JSON error answered outside Flask (type, length and the safety headers)."""
    return [("Content-Type", "application/json"), ("Content-Length", str(len(body))),
            ("Content-Security-Policy", CSP), ("X-Content-Type-Options", "nosniff")]


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    """Render an error as JSON (or as HTML for a browser on a page route)."""
    if prefers_html(request.headers.get("Accept")) and not request.path.startswith(("/api/", "/sparql")):
        resp = Response(render_template("error.html", status=status, code=code, message=message), status,
                        mimetype="text/html")
    else:
        resp = jsonify({"error": {"code": code, "message": message}})
        resp.status_code = status
    resp.headers.update(headers or {})
    return resp


def _code_for(exc: HTTPException) -> str:
    return (exc.name or "error").lower().replace(" ", "_").replace("'", "")


def register_error_handlers(app: Flask) -> None:
    """JSON bodies for our own errors, for every HTTP error and for unexpected failures."""

    @app.errorhandler(ApiError)
    def _api_error(exc: ApiError) -> Response:
        return error_response(exc.status, exc.code, exc.message, exc.headers)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> Response:
        headers = {k: v for k, v in exc.get_headers() if k.lower() == "allow"}
        return error_response(exc.code or 500, _code_for(exc), exc.description or exc.name, headers)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Response:
        app.logger.exception("unhandled error on %s", request.path)
        return error_response(500, "internal_error", "the server failed to answer this request")
