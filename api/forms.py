"""URL-encoded query strings and form bodies decoded in a few C-speed passes, not Python's ``unquote`` loop.

A SPARQL query in Korean sent as a form (``query=PREFIX…``) has a hundred or more ``%XX`` escapes;
``urllib.parse.parse_qsl`` decodes them in a Python loop (about 40 µs a request, the largest part of
``/sparql``'s own work beyond Flask's; decision 0078). :func:`parse_form` gives exactly what werkzeug's
``parse_qsl(text, keep_blank_values=True, errors="werkzeug.url_quote")`` gives: for a name or value that is
ASCII with only well-formed escapes, ``%XX`` becomes ``\\xXX`` and Python's ``unicode_escape`` codec decodes
it; anything else (raw non-ASCII text, a ``%`` not followed by two hex digits) takes ``unquote`` itself.

>>> parse_form("query=SELECT+%3Fs+%7B%7D&a=%ED%95%9C&b&&c=%ZZ%25")
[('query', 'SELECT ?s {}'), ('a', '한'), ('b', ''), ('c', '%ZZ%')]
"""

from __future__ import annotations

import typing as t
from urllib.parse import unquote

import werkzeug.urls  # noqa: F401 - registers the "werkzeug.url_quote" error handler
from flask import Request
from werkzeug.datastructures import MultiDict
from werkzeug.formparser import FormDataParser
from werkzeug.utils import cached_property

FORM_TYPE = "application/x-www-form-urlencoded"
#: Invalid UTF-8 after decoding is quoted again, as werkzeug does (its handler, registered when werkzeug.urls loads).
ERRORS = "werkzeug.url_quote"


def unquote_plus_text(text: str) -> str:
    """``unquote(text.replace("+", " "), "utf-8", ERRORS)``, fast for ASCII text with well-formed escapes."""
    text = text.replace("+", " ")
    if "%" not in text:
        return text
    if not text.isascii():
        return unquote(text, "utf-8", ERRORS)
    escaped = text.replace("\\", "\\\\").replace("%", "\\x").encode("ascii")
    try:
        raw = escaped.decode("unicode_escape").encode("latin-1")
    except UnicodeDecodeError:  # a % not followed by two hex digits: unquote keeps it as it is
        return unquote(text, "utf-8", ERRORS)
    return raw.decode("utf-8", ERRORS)


def parse_form(text: str) -> list[tuple[str, str]]:
    """The ``(name, value)`` pairs of a URL-encoded body, blank values kept, empty parts skipped (as ``parse_qsl``)."""
    pairs = []
    for part in text.split("&"):
        if not part:
            continue
        name, _, value = part.partition("=")
        pairs.append((unquote_plus_text(name), unquote_plus_text(value)))
    return pairs


class FastFormParser(FormDataParser):
    """werkzeug's form parser with :func:`parse_form` for URL-encoded bodies (multipart as before)."""

    def parse(self, stream: t.IO[bytes], mimetype: str, content_length: int | None,
              options: dict[str, str] | None = None) -> tuple[t.IO[bytes], t.Any, t.Any]:
        if mimetype != FORM_TYPE:
            return super().parse(stream, mimetype, content_length, options)
        try:
            items = parse_form(stream.read().decode())
        except ValueError:  # as werkzeug: a body that is not UTF-8 is an empty form unless the parser is strict
            if not self.silent:
                raise
            return stream, self.cls(), self.cls()
        return stream, self.cls(items), self.cls()


class FastFormRequest(Request):
    """Flask's request with :func:`parse_form` for the query string and :class:`FastFormParser` for form bodies."""

    form_data_parser_class = FastFormParser

    @cached_property
    def args(self) -> MultiDict[str, str]:
        """The URL's parameters, as werkzeug's ``args`` (invalid bytes stay percent-encoded)."""
        return self.parameter_storage_class(parse_form(self.query_string.decode()))
