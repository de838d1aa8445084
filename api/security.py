"""Response headers that keep the pages inert to injected content, and open CORS on the read-only APIs."""

from __future__ import annotations

from flask import Flask, Response, request

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
PUBLIC_PREFIXES = ("/sparql", "/api/", "/id/", "/openapi.json")
#: Headers every response gets unless it sets them itself.
SAFETY_HEADERS = (("Content-Security-Policy", CSP), ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"),
                  ("Referrer-Policy", "no-referrer"), ("Cross-Origin-Opener-Policy", "same-origin"))
#: Headers the public read-only endpoints' responses get (replacing any of the same name).
CORS_HEADERS = (("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
                ("Access-Control-Allow-Headers", "Accept, Content-Type"))


def register_security(app: Flask) -> None:
    """Add security headers to every response, and CORS headers to the public read-only endpoints."""

    @app.after_request
    def _headers(resp: Response) -> Response:
        h = resp.headers
        present = {key.lower() for key, _ in h.items()}  # one pass over the headers, not one a name
        added = [(k, v) for k, v in SAFETY_HEADERS if k.lower() not in present]
        if request.path.startswith(PUBLIC_PREFIXES):
            for k, v in CORS_HEADERS:
                if k.lower() in present:
                    h[k] = v
                else:
                    added.append((k, v))
        h.extend(added)
        return resp
