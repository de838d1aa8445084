"""Errors raised when the search index cannot answer.

They also derive from the built-in error a caller would expect (a missing index is a
``FileNotFoundError``, a mismatched one a ``ValueError``), so generic handlers report them too.
"""


class SearchIndexError(Exception):
    """Base class: the built index is unusable (the message says why and what to do)."""


class MissingIndexError(SearchIndexError, FileNotFoundError):
    """No index (or an incomplete one) in the data directory."""


class StaleIndexError(SearchIndexError, ValueError):
    """The index was built with another embedding model (or another index format) than configured."""


class UnknownRegionError(SearchIndexError, LookupError):
    """No region profile in the index has that name or IRI."""
