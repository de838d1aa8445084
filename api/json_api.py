"""The JSON API: ``/api/search``, ``/api/partners``, ``/api/agreements`` (shapes in DESIGN.md)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import orjson
from flask import Blueprint, Response

from api.errors import ApiError
from api.params import bool_param, choice_param, int_param, text_param
from api.services import require, services
from api.timing import server_timing
from graph import queries
from graph.entity_kinds import PARTNER_KINDS
from index import partners as ranking
from index.modes import DEFAULT_MODE, MODES

bp = Blueprint("json_api", __name__, url_prefix="/api")

DEFAULT_K = 10
MAX_COUNTRY_LENGTH = 64


def _k() -> int:
    return int_param("k", DEFAULT_K, 1, services().settings.max_k)


def _text(name: str, required: bool = True) -> str | None:
    return text_param(name, services().settings.max_text_length, required)


@contextmanager
def _rejects_bad_input() -> Iterator[None]:
    """The engines' own input checks (``ValueError``) become 400 errors."""
    try:
        yield
    except ValueError as exc:
        raise ApiError(400, "invalid_parameter", str(exc)) from exc


def jsonify(result: dict[str, Any] | list) -> Response:
    """The JSON answer: compact UTF-8 by orjson (a search answer of 12 KB in about a tenth of the standard
    encoder's time, decision 0070); the same values as Flask's ``jsonify``."""
    return Response(orjson.dumps(result), mimetype="application/json")


def _with_took(result: dict[str, Any], started: float) -> dict[str, Any]:
    result.setdefault("took_ms", round((time.perf_counter() - started) * 1000, 1))
    return result


@bp.get("/search")
def search() -> Response:
    """Ranked passages for ``q`` (``mode``: hybrid, dense or lexical); ``Server-Timing`` says where the time went."""
    q, k, mode = _text("q"), _k(), choice_param("mode", MODES, DEFAULT_MODE)
    engine = require("search")
    started = time.perf_counter()
    timings: dict[str, float] = {}
    with _rejects_bad_input():
        result = engine.search(q, k, mode, timings=timings)
    timings["search"] = (time.perf_counter() - started) * 1000
    response = jsonify(_with_took(result, started))
    response.headers["Server-Timing"] = server_timing(timings)
    return response


@bp.get("/partners")
def partners() -> Response:
    """Regions and organisations ranked for a need ``q``, each with evidence passages."""
    q, k = _text("q"), _k()
    kind = choice_param("type", PARTNER_KINDS, None)
    country = text_param("country", MAX_COUNTRY_LENGTH, required=False)
    engine = require("search")
    started = time.perf_counter()
    with _rejects_bad_input():
        result = ranking.rank_partners(engine, q, k, kind, country)
    return jsonify(_with_took(result, started))


@bp.get("/partners/like")
def partners_like() -> Response:
    """Regions whose cooperation profile resembles ``region`` ("who should we approach next?")."""
    region, k = _text("region"), _k()
    exclude = bool_param("exclude_existing", True)
    engine = require("search")
    started = time.perf_counter()
    try:  # first, so a name that no region has (even one the engine finds blank) is a 404
        ranking.find_profile(engine, region)
    except LookupError as exc:
        raise ApiError(404, "unknown_region", f"no region is named {region!r}") from exc
    with _rejects_bad_input():
        result = ranking.partners_like(engine, region, k, exclude)
    return jsonify(_with_took(result, started))


@bp.get("/agreements")
def agreements() -> Response:
    """Agreements of ``party`` (Korean or English label, or IRI) with partner, date, fields and source."""
    party = _text("party")
    store = require("store")
    try:
        result = queries.agreements_of(store, party)
    except LookupError as exc:
        raise ApiError(404, "unknown_party", f"no party is named {party!r}") from exc
    return jsonify(result)


@bp.get("/coordinators")
def coordinators() -> Response:
    """Who coordinates each sub-committee: the latest statement, earlier ones with ``history=true``."""
    name = _text("subcommittee", required=False)
    history = bool_param("history", False)
    try:
        result = queries.coordinators(require("store"), name, history)
    except LookupError as exc:
        raise ApiError(404, "unknown_subcommittee", f"no sub-committee is named {name!r}") from exc
    return jsonify(result)
