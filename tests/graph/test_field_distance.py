"""The field repair's jamo distance with a limit: exact up to the limit, above it otherwise (decision 0101)."""

import random

from graph import fields


def _vowel_swapped(word: str, rng: random.Random) -> str:
    """``word`` with one syllable's vowel replaced by another (the OCR confusion the repair undoes)."""
    chars = list(word)
    at = rng.randrange(len(chars))
    code = ord(chars[at]) - 0xAC00
    if 0 <= code < 11172:
        vowel = (code // 28) % 21
        chars[at] = chr(0xAC00 + (code // 588) * 588 + (vowel + 1 + rng.randrange(20)) % 21 * 28 + code % 28)
    return "".join(chars)


def _pairs() -> list[tuple[str, str]]:
    rng = random.Random(101)
    words = sorted(fields.lexicon())
    pairs = []
    for _ in range(300):
        a, b = rng.choice(words), rng.choice(words)
        pairs += [(a, b), (_vowel_swapped(a, rng), a), (a + b, b + a), (a[:-1] or a, a)]
    return pairs


def test_limited_distance_is_exact_up_to_the_limit_and_above_it_otherwise():
    for a, b in _pairs():
        exact = fields._distance(a, b)
        for limit in (0.0, 0.5, 1.0, 1.5, 3.0):
            limited = fields._distance(a, b, limit)
            if exact <= limit:
                assert limited == exact, (a, b, limit)
            else:
                assert limited > limit, (a, b, limit)


def test_a_vowel_confusion_is_repaired_to_the_lexicon_word():
    rng = random.Random(5)
    words = [w for w in sorted(fields.lexicon()) if len(w) >= 3 and all("가" <= c <= "힣" for c in w)]
    repaired = 0
    for word in rng.sample(words, min(40, len(words))):
        typo = _vowel_swapped(word, rng)
        if typo == word or typo in fields.lexicon():
            continue
        assert fields._distance(typo, word, 1.0) == 0.5
        repaired += fields._repair_run.__wrapped__(typo) != typo
    assert repaired > 0
