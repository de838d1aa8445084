"""``Server-Timing`` headers: where a request's time went, in milliseconds, for clients and the bench."""

from __future__ import annotations


def server_timing(durations: dict[str, float]) -> str:
    """The header value for ``{name: milliseconds}``, in the given order.

    >>> server_timing({"embed": 21.456, "search": 24.1})
    'embed;dur=21.46, search;dur=24.10'
    """
    return ", ".join(f"{name};dur={ms:.2f}" for name, ms in durations.items())
