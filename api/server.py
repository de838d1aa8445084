"""Run the app under waitress, a production WSGI server (never Flask's debug server)."""

from __future__ import annotations

import logging
import threading
from typing import Any

from flask import Flask

from api.app import create_app
from api.limits import server_limits
from api.server_errors import create_json_server
from api.services import EXTENSION
from runtime.built_data import check_built_data
from runtime.settings import Settings

#: Seconds an idle connection is kept.
CHANNEL_TIMEOUT = 60
log = logging.getLogger("gyoryu.server")


def warm_up(app: Flask) -> threading.Thread:
    """Open the graph, SPARQL worker and search index in the background, so first requests are quick."""
    def run() -> None:
        services = app.extensions[EXTENSION]
        for name in ("build", "reader", "sparql", "search"):
            try:
                getattr(services, name)
            except Exception as exc:  # noqa: BLE001 - reported here, and again as 503 on use
                log.warning("%s is not available: %s", name, exc)
        log.info("ready")

    thread = threading.Thread(target=run, name="gyoryu-warm-up", daemon=True)
    thread.start()
    return thread


def refuse_damaged_data(settings: Settings) -> None:
    """Raise :class:`DataError` (naming the file) for damaged or mismatched data; data not built yet is served
    as 503 ``not_ready`` until it is."""
    try:
        check_built_data(settings.data_dir, settings.embed_model)
    except FileNotFoundError:
        log.warning("no built data in %s yet: answering 503 until `gyoryu build` has run", settings.data_dir)


def waitress_options(settings: Settings) -> dict[str, Any]:
    """waitress's options: our threads and ident, limits above the app's (so the app answers in JSON)."""
    return {"threads": settings.threads, "ident": "gyoryu", "channel_timeout": CHANNEL_TIMEOUT,
            "clear_untrusted_proxy_headers": True, **server_limits(settings)}


def serve(settings: Settings) -> None:
    """Serve the web page, SPARQL endpoint and JSON API on ``settings.host:settings.port``."""
    refuse_damaged_data(settings)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    app = create_app(settings)
    warm_up(app)
    print(f"Gyoryu serving {settings.data_dir} on http://{settings.host}:{settings.port}/", flush=True)
    try:
        create_json_server(app, host=settings.host, port=settings.port, **waitress_options(settings)).run()
    finally:
        app.extensions[EXTENSION].close()
