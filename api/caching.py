"""``ETag`` and ``Cache-Control`` on the read-only data routes, and 304 for a matching conditional GET.

Every answer of these routes is a function of the build, the URL and the negotiated type, so the
(weak) ``ETag`` is the build id (the hash of ``manifest.json``) plus a hash of the path with its query
string, ``Accept`` and the page language. A GET whose ``If-None-Match`` holds it gets 304 before any
query runs. ``Cache-Control: public, no-cache``: caches may keep answers but revalidate each use.
"""

from __future__ import annotations

import hashlib

from flask import Flask, Response, request

from api.i18n import COOKIE
from api.services import services

#: Route prefixes whose GET answers depend only on the build and the request.
CACHEABLE = ("/sparql", "/api/", "/id/", "/doc/", "/openapi.json")
CACHE_CONTROL = "public, no-cache"
#: Pages whose language comes from the cookie as well as ``Accept``.
COOKIE_PAGES = ("/id/", "/doc/")


def _cacheable() -> bool:
    return request.method in ("GET", "HEAD") and request.path.startswith(CACHEABLE)


def current_etag() -> str | None:
    """The ETag of this request's answer under the loaded build (``None`` if no build is loaded)."""
    try:
        build_id = services().build.build_id
    except (FileNotFoundError, OSError, ValueError):
        return None
    varying = "\n".join((request.full_path, request.headers.get("Accept", ""), request.cookies.get(COOKIE, "")))
    return f"{build_id}-{hashlib.sha256(varying.encode()).hexdigest()[:16]}"


def _vary(resp: Response) -> None:
    names = ("Accept", "Cookie") if request.path.startswith(COOKIE_PAGES) else ("Accept",)
    if "Vary" not in resp.headers:  # the common case, without parsing a header set
        resp.headers["Vary"] = ", ".join(names)
        return
    for name in names:
        resp.vary.add(name)


def register_caching(app: Flask) -> None:
    """Answer matching conditional GETs with 304; tag every successful GET of the data routes."""

    @app.before_request
    def _not_modified() -> Response | None:
        if not _cacheable() or not request.if_none_match:
            return None
        tag = current_etag()
        if tag is None or not request.if_none_match.contains_weak(tag):
            return None
        resp = Response(status=304)
        resp.set_etag(tag, weak=True)
        resp.headers["Cache-Control"] = CACHE_CONTROL
        _vary(resp)
        return resp

    @app.after_request
    def _tag(resp: Response) -> Response:
        if _cacheable() and resp.status_code == 200:
            tag = current_etag()
            if tag is not None:
                resp.set_etag(tag, weak=True)
                resp.headers["Cache-Control"] = CACHE_CONTROL
                _vary(resp)
        return resp
