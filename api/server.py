"""Run the app under waitress, a production WSGI server (never Flask's debug server)."""

from __future__ import annotations

import logging

from waitress import serve as waitress_serve

from api.app import create_app
from gyoryu.settings import Settings

#: Seconds an idle connection is kept, and the largest request body waitress reads (bytes).
CHANNEL_TIMEOUT = 60
MAX_REQUEST_BODY = 1 << 20


def serve(settings: Settings) -> None:
    """Serve the web page, SPARQL endpoint and JSON API on ``settings.host:settings.port``."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    app = create_app(settings)
    print(f"Gyoryu serving {settings.data_dir} on http://{settings.host}:{settings.port}/", flush=True)
    waitress_serve(app, host=settings.host, port=settings.port, threads=settings.threads, ident="gyoryu",
                   channel_timeout=CHANNEL_TIMEOUT, max_request_body_size=MAX_REQUEST_BODY,
                   clear_untrusted_proxy_headers=True)
