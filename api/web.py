"""The web page at ``/``, the API description, readiness, and what every page template gets."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, jsonify, render_template, request
from werkzeug.urls import iri_to_uri

from api.i18n import COOKIE, LANGS, client_strings, page_lang, translator
from api.openapi import openapi_document
from api.services import services
from graph.examples import all_examples

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
    return render_template("index.html", examples=all_examples(), strings=client_strings(lang),
                           editor=services().editor_terms, max_text=settings.max_text_length,
                           max_query=settings.max_query_length)


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI description of the JSON API."""
    return jsonify(openapi_document(services().settings))


@bp.get("/healthz")
def healthz() -> Response:
    """Readiness: built data of the right format, loaded, and matching the corpus (200), or why not (503)."""
    svc = services()
    try:
        build, _, _ = svc.build, svc.reader, svc.sparql  # each opened once; later probes only look them up
    except (FileNotFoundError, OSError, ValueError, RuntimeError) as exc:
        return _unavailable("not_ready", str(exc))
    if build.rebuilt():
        return _unavailable("stale_data", f"the data in {svc.settings.data_dir} changed since this server loaded it "
                            f"(build {build.build_id}); restart the server")
    changed = build.changed_documents()
    if changed:
        return _unavailable("stale_data", "documents changed since the build: " + ", ".join(changed)
                            + "; run `gyoryu build` again")
    return jsonify({"status": "ok", "quads": build.quads, "built_at": build.manifest.get("built_at"),
                    "build": build.build_id})


def _unavailable(code: str, message: str) -> Response:
    resp = jsonify({"status": "unavailable", "error": {"code": code, "message": message}})
    resp.status_code = 503
    return resp
