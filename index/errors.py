"""Errors raised when the search index cannot answer."""


class SearchIndexError(Exception):
    """Base class: the built index is unusable (the message says why and what to do)."""


class MissingIndexError(SearchIndexError):
    """No index (or an incomplete one) in the data directory."""


class StaleIndexError(SearchIndexError):
    """The index was built with another embedding model (or another index format) than configured."""
