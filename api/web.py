"""The web page at ``/``, the API description, readiness, and what every page template gets."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, jsonify, render_template, request
from werkzeug.urls import iri_to_uri

from api.examples import load_examples
from api.i18n import COOKIE, LANGS, client_strings, page_lang, translator
from api.openapi import openapi_document
from api.services import services

bp = Blueprint("web", __name__)


@bp.app_context_processor
def page_context() -> dict[str, Any]:
    """Language, translator and the language-switch link for every template."""
    lang = page_lang()
    other = "en" if lang == "ko" else "ko"
    args = {k: v for k, v in request.args.items() if k != "lang"}
    args["lang"] = other
    return {"lang": lang, "t": translator(lang), "lang_url": f"{iri_to_uri(request.path)}?{urlencode(args)}"}


@bp.after_app_request
def remember_language(resp: Response) -> Response:
    """Keep an explicit ``?lang=`` choice in a cookie."""
    asked = request.args.get("lang")
    if asked in LANGS and resp.mimetype == "text/html":
        resp.set_cookie(COOKIE, asked, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return resp


@bp.get("/")
def index() -> str:
    """Search, partner finder and SPARQL editor."""
    lang = page_lang()
    settings = services().settings
    return render_template("index.html", examples=load_examples(), strings=client_strings(lang),
                           max_text=settings.max_text_length, max_query=settings.max_query_length)


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI description of the JSON API."""
    return jsonify(openapi_document(services().settings))


@bp.get("/healthz")
def healthz() -> Response:
    """Readiness: the graph is loaded (HTTP 200) or why not (HTTP 503)."""
    try:
        triples = len(services().reader)
    except (FileNotFoundError, OSError, ValueError) as exc:
        resp = jsonify({"status": "unavailable", "error": {"code": "not_ready", "message": str(exc)}})
        resp.status_code = 503
        return resp
    return jsonify({"status": "ok", "quads": triples})
