"""Byte spans of a large JSON object's values in one pass (``graph.state_spans``, decision 0085)."""

from __future__ import annotations

import io
import json
import random

import pytest

from graph.state_spans import object_spans


def random_value(rng: random.Random, depth: int = 0):
    words = ["가나", 'a "quoted" }', "\\back\\slash", "{[", "line\nbreak", "é", "🙂", ""]
    if depth > 2 or rng.random() < 0.3:
        return rng.choice(words) * rng.randint(1, 3)
    if rng.random() < 0.5:
        return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {rng.choice(words) + str(n): random_value(rng, depth + 1) for n in range(rng.randint(0, 4))}


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("dumps", [dict(ensure_ascii=False, sort_keys=True), dict(ensure_ascii=True, indent=2),
                                   dict(ensure_ascii=False, separators=(",", ":"))], ids=["as written", "indented",
                                                                                           "compact"])
def test_every_value_is_found_where_it_is(seed, dumps):
    rng = random.Random(seed)
    nested = {f"https://w3id.org/g/{n}" + "가" * rng.choice([0, 1, 300]): random_value(rng) for n in range(30)}
    nested["large"] = {"mentions": ["노드" * 50] * 2_000}  # past the first window read
    nested["long key " + "키" * 200] = {}  # a key past the bytes first decoded for a key
    top = {"a": random_value(rng), "summaries": nested, "version": "v1", "z": {}}
    if seed % 2:
        top["summaries"] = {}
    text = json.dumps(top, **dumps).encode("utf-8")
    fields, inner = object_spans(io.BytesIO(text), "summaries")
    assert {k: json.loads(text[o:o + n]) for k, (o, n) in fields.items()} == {k: v for k, v in top.items()
                                                                            if k != "summaries"}
    assert {k: json.loads(text[o:o + n]) for k, (o, n) in inner.items()} == top["summaries"]


@pytest.mark.parametrize("text", [b"", b"[]", b'{"a": 1}', b'{"a": {}', b'{"summaries": {"g": {}}', b'{"a" {}}'])
def test_anything_else_is_refused(text):
    with pytest.raises(ValueError):
        object_spans(io.BytesIO(text), "summaries")
