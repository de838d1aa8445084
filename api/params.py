"""Validated query-string parameters: every failure is a 400 JSON error naming the parameter."""

from __future__ import annotations

import re
from collections.abc import Sequence

from flask import request

from api.errors import bad_request

INTEGER = re.compile(r"-?[0-9]{1,9}")
#: Characters ECMAScript's ``\s`` matches.
ECMA_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
             "\u2028\u2029\u202f\u205f\u3000\ufeff"
#: Characters Python's ``str.strip()`` (the engines' own check of a query) takes as space beyond ECMAScript's:
#: the information separators and NEL. A text of these alone is blank to the search engine, so it is blank here.
PYTHON_ONLY_SPACE = "\x1c\x1d\x1e\x1f\x85"
BLANK = ECMA_SPACE + PYTHON_ONLY_SPACE


def _one(name: str) -> str | None:
    values = request.args.getlist(name)
    if len(values) > 1:
        raise bad_request("invalid_parameter", f"`{name}` is given more than once")
    return values[0] if values else None


def text_param(name: str, max_length: int, required: bool = True) -> str | None:
    """A text of at most ``max_length`` characters with a non-space character (returned stripped).

    "Space" is what the OpenAPI pattern (``api.openapi.NON_BLANK``) calls space, ECMAScript's and Python's, so the
    schema, this check and the engines' own ``str.strip()`` agree.
    """
    raw = _one(name)
    if raw is None:
        if required:
            raise bad_request("missing_parameter", f"`{name}` is required")
        return None
    if len(raw) > max_length:
        raise bad_request("invalid_parameter",
                          f"`{name}` has {len(raw)} characters; the limit is {max_length}")
    value = raw.strip(BLANK)
    if not value:
        raise bad_request("invalid_parameter", f"`{name}` must not be blank")
    return value


def int_param(name: str, default: int, low: int, high: int) -> int:
    """An integer in ``low..high`` (``default`` when absent)."""
    raw = _one(name)
    if raw is None:
        return default
    if not INTEGER.fullmatch(raw):
        raise bad_request("invalid_parameter", f"`{name}` must be an integer from {low} to {high}")
    value = int(raw)
    if not low <= value <= high:
        raise bad_request("invalid_parameter", f"`{name}` must be from {low} to {high}, not {value}")
    return value


def choice_param(name: str, allowed: Sequence[str], default: str | None) -> str | None:
    """One of ``allowed`` (``default`` when absent)."""
    raw = _one(name)
    if raw is None:
        return default
    if raw not in allowed:
        raise bad_request("invalid_parameter", f"`{name}` must be one of {', '.join(allowed)}, not {raw!r}")
    return raw


def bool_param(name: str, default: bool) -> bool:
    """``true`` or ``false``."""
    raw = _one(name)
    if raw is None:
        return default
    if raw in ("true", "false"):
        return raw == "true"
    raise bad_request("invalid_parameter", f"`{name}` must be true or false, not {raw!r}")
