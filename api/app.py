"""The Flask application factory."""

from __future__ import annotations

from typing import Any

from flask import Flask

from api import entity_pages, graph_store, json_api, sparql_routes, web
from api.caching import register_caching
from api.errors import register_error_handlers
from api.forms import FastFormRequest
from api.limits import RequestLimits, register_form_limit
from api.security import register_security
from api.services import EXTENSION, Services
from runtime.settings import Settings


def create_app(settings: Settings | None = None, *, search_engine: Any = None, store: Any = None) -> Flask:
    """Build the app for ``settings`` (default: from the environment).

    ``search_engine`` (an ``index.search.SearchEngine``) and ``store`` (a pyoxigraph ``Store``)
    may be given ready-made; otherwise they are opened from ``settings.data_dir`` on first use.
    """
    settings = settings or Settings.from_env()
    app = Flask(__name__)
    app.request_class = FastFormRequest  # URL-encoded forms decoded without a Python loop a byte (decision 0078)
    app.config.update(
        DEBUG=False, TESTING=False, PROPAGATE_EXCEPTIONS=False, JSON_SORT_KEYS=False,
        MAX_CONTENT_LENGTH=settings.max_body_bytes, MAX_FORM_MEMORY_SIZE=settings.max_body_bytes,
        SEND_FILE_MAX_AGE_DEFAULT=3600,
    )
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    app.extensions[EXTENSION] = Services(settings, search_engine=search_engine, store=store)
    for blueprint in (web.bp, sparql_routes.bp, graph_store.bp, json_api.bp, entity_pages.bp):
        app.register_blueprint(blueprint)
    register_error_handlers(app)
    register_caching(app)
    register_security(app)
    register_form_limit(app)
    app.wsgi_app = RequestLimits(app.wsgi_app, settings)  # raw sizes, before Flask parses the request
    return app
