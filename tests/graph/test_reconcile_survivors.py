"""Restated signings looked up by date: the same pairs as scanning every survivor, in the same order."""

from __future__ import annotations

import random

import pytest
from rdflib import URIRef

from graph.dates import StatedDate
from graph.reconcile import _Signing, restated, signing

PARTIES = [frozenset({URIRef(f"https://x/{a}"), URIRef(f"https://x/{b}")}) for a, b in ("ab", "ac", "bc")]


def scanned(signings: list[_Signing]) -> list[tuple[URIRef, URIRef]]:
    """The rule written plainly: each signing, best rank first, restates the first earlier survivor of its parties
    whose date contains it or is contained by it."""
    pairs, survivors = [], {}
    for s in sorted(signings, key=lambda s: s.rank):
        kept = survivors.setdefault(s.parties, [])
        target = None
        if not s.curated and s.date is not None:
            target = next((t for t in kept if t.date is not None and t.date.compatible(s.date)), None)
        if target is None:
            kept.append(s)
        else:
            pairs.append((s.node, target.node))
    order = {p: n for n, p in enumerate(dict.fromkeys(s.parties for s in sorted(signings, key=lambda s: s.rank)))}
    return sorted(pairs, key=lambda pair: order[next(s.parties for s in signings if s.node == pair[0])])


def random_signings(rng: random.Random, count: int) -> list[_Signing]:
    out = []
    for n in range(count):
        year, month, day = rng.choice((2001, 2002, 2003)), rng.choice((None, 1, 2, 3)), rng.choice((None, 1, 2, 28))
        stated = [] if rng.random() < 0.1 else [StatedDate(year, month, day if month else None).iso]
        out.append(signing(URIRef(f"https://x/agreement/{n:05d}"), rng.choice(PARTIES), stated, rng.random() < 0.1))
    return out


@pytest.mark.parametrize("seed", range(6))
def test_the_same_pairs_as_a_scan_of_every_survivor(seed):
    signings = random_signings(random.Random(seed), 60 if seed < 3 else 2_000)
    expected = scanned(signings)
    assert restated(signings) == expected
    assert restated(list(reversed(signings))) == expected  # the input's order does not matter
    assert expected and len(expected) < len(signings)


def test_a_month_restates_a_day_within_it_and_a_year_the_earliest_of_that_year():
    p = PARTIES[0]
    day = signing(URIRef("https://x/d"), p, ["2004-12-17"], True)
    other_day = signing(URIRef("https://x/e"), p, ["2004-11-02"], False)
    month = signing(URIRef("https://x/m"), p, ["2004-12"], False)
    year = signing(URIRef("https://x/y"), p, ["2004"], False)
    later = signing(URIRef("https://x/l"), p, ["2005-01"], False)
    assert restated([year, later, month, other_day, day]) == [
        (URIRef("https://x/m"), URIRef("https://x/d")), (URIRef("https://x/y"), URIRef("https://x/d"))]
