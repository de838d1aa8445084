"""HTTP content negotiation: parse ``Accept`` with quality values and pick the best offer.

>>> pick("application/sparql-results+json, application/json;q=0.9, */*;q=0.1",
...      ["application/sparql-results+xml", "application/sparql-results+json"])
'application/sparql-results+json'
>>> pick("text/*;q=0.5, text/csv;q=0", ["text/csv", "text/tab-separated-values"])
'text/tab-separated-values'
>>> pick("image/png", ["text/turtle"]) is None
True
>>> pick(None, ["text/turtle", "application/n-triples"])
'text/turtle'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class MediaRange:
    """One element of an ``Accept`` header."""

    type: str
    subtype: str
    q: float

    def specificity(self, media_type: str) -> int:
        """How specifically this range matches ``media_type`` (-1 none, 0 ``*/*``, 1 ``t/*``, 2 exact)."""
        mtype, _, msub = media_type.partition("/")
        if self.type == "*":
            return 0
        if self.type != mtype:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == msub else -1


def parse_accept(header: str | None) -> list[MediaRange]:
    """Media ranges of an ``Accept`` header; malformed elements and q-values are skipped."""
    ranges: list[MediaRange] = []
    for element in (header or "").split(","):
        parts = [p.strip() for p in element.split(";")]
        full = parts[0].lower()
        if "/" not in full:
            continue
        mtype, _, msub = full.partition("/")
        if not mtype or not msub:
            continue
        q = 1.0
        for param in parts[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append(MediaRange(mtype, msub, q))
    return ranges


def quality(ranges: Sequence[MediaRange], media_type: str) -> float:
    """The q-value the most specific matching range gives ``media_type`` (0 when none matches)."""
    best, best_spec = 0.0, -1
    for r in ranges:
        spec = r.specificity(media_type)
        if spec > best_spec or (spec == best_spec and spec >= 0 and r.q > best):
            best, best_spec = r.q, spec
    return best if best_spec >= 0 else 0.0


def pick(header: str | None, offers: Sequence[str]) -> str | None:
    """The offer the client prefers most (ties: the server's order); ``None`` when none is acceptable.

    A missing or empty header accepts anything, so the first offer wins.
    """
    ranges = parse_accept(header)
    if not ranges:
        return offers[0] if offers else None
    best, best_q = None, 0.0
    for offer in offers:
        q = quality(ranges, offer)
        if q > best_q:
            best, best_q = offer, q
    return best


def prefers_html(header: str | None) -> bool:
    """Whether a client (a browser) asks for HTML at least as much as for JSON.

    >>> prefers_html("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    True
    >>> prefers_html("application/json")
    False
    """
    ranges = parse_accept(header)
    return bool(ranges) and quality(ranges, "text/html") > 0 and quality(ranges, "text/html") >= quality(
        ranges, "application/json"
    ) and any(r.type == "text" and r.subtype == "html" for r in ranges)
