"""The entity registry: canonical names as data, tolerant matching, homographs never guessed."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from graph.registry import Registry, jamo_similarity, normalize_name


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.default()


def test_every_korean_local_government(registry):
    levels = Counter(e.level for e in registry.entities.values() if e.country == "KR" and e.kind == "region")
    assert levels["광역"] == 17
    assert levels["기초"] == 226


@pytest.mark.parametrize(("surface", "expected"), [
    ("전 라 남 도 *", "kr-jeonnam"), ("충청 북도*", "kr-chungbuk"), ("전남", "kr-jeonnam"),
    ("충북", "kr-chungbuk"), ("부산시", "kr-busan"), ("세종시", "kr-sejong"), ("제주도", "kr-jeju"),
    ("강원도", "kr-gangwon"), ("전라북도", "kr-jeonbuk"), ("광주 광산구", "kr-gwangju-gwangsan"),
    ("③ 경상남도 *", "kr-gyeongnam"), ("제 주 시", "kr-jeju-jejusi"), ("경상북돠", "kr-gyeongbuk"),
])
def test_resolves_spacing_short_forms_former_names_and_noise(registry, surface, expected):
    assert registry.resolve(surface).entity.id == expected


@pytest.mark.parametrize("surface", ["고성군", "광주", "중구", "광주시"])
def test_homographs_stay_ambiguous(registry, surface):
    result = registry.resolve(surface)
    assert result.entity is None and result.ambiguous


def test_context_narrows_a_homograph(registry):
    assert registry.resolve("고성군", parent="kr-gangwon").entity.id == "kr-gangwon-goseong"


@pytest.mark.parametrize("surface", ["라 즈 라 여 시 *", "저 ㅇ ㅂ", "관망 그래"])
def test_garbage_is_reported_not_guessed(registry, surface):
    result = registry.resolve(surface)
    assert result.entity is None and result.reason


def test_mentions_tolerate_ocr_spacing(registry):
    found = [m.entity.id for m in registry.find_mentions("전 라 남 도 와 완주군, 그리고 서울시")]
    assert found == ["kr-jeonnam", "kr-jeonbuk-wanju", "kr-seoul"]


def test_mentions_take_the_longest_name_at_a_place(registry):
    """The trie regex reads the longest registry name starting at a place, OCR spacing inside it, as one
    alternation of every name (longest first) does."""
    text = "강원 특별 자치도와 강원도, 전라 남도청, 서 울 특 별 시장"
    found = [(m.entity.id, m.surface) for m in registry.find_mentions(text)]
    assert found == [("kr-gangwon", "강원 특별 자치도"), ("kr-gangwon", "강원도"), ("kr-jeonnam", "전라 남도"),
                     ("kr-seoul", "서 울 특 별 시")]
    pattern, owners = registry._mention_pattern
    naive = re.compile("|".join(r"\s*".join(re.escape(ch) for ch in key)
                                for key in sorted(owners, key=len, reverse=True)), re.IGNORECASE)
    spaced = " ".join(" ".join(key) + "와" for key in list(owners)[::37])
    assert [m.span() for m in pattern.finditer(spaced)] == [m.span() for m in naive.finditer(spaced)]
    assert registry.find_mentions(text) == registry.find_mentions(text)  # remembered, same answer


@pytest.mark.parametrize("surface", ["경상북돠", "이르쿠츠쿠즈", "전라남두"])
def test_fuzzy_scores_are_jamo_similarity(registry, surface):
    result = registry.resolve(surface)
    key = normalize_name(surface)
    best = max(jamo_similarity(key, normalize_name(name)) for e in registry.entities.values() for name in e.names
               if normalize_name(name))
    assert result.score == best


@pytest.mark.parametrize("surface", ["경상북돠", "이르쿠츠쿠즈", "전라남두", "가나다라시", "효고혀", "부산광역시"])
def test_fuzzy_candidates_are_the_names_difflib_quick_ratio_keeps(registry, surface):
    import difflib

    from graph.registry import FUZZY_THRESHOLD, to_jamo

    key = normalize_name(surface)
    floor = FUZZY_THRESHOLD - 0.1
    names = registry._fuzzy_names
    kept = [n for n, name in enumerate(names.names) if abs(len(name) - len(key)) <= 2
            and difflib.SequenceMatcher(None, to_jamo(key), to_jamo(name), autojunk=False).quick_ratio() >= floor]
    assert names.close(len(key), to_jamo(key), floor).tolist() == kept
    assert kept  # every surface here comes close to some registry name


def test_latin_names_match_with_or_without_their_diacritics():
    from graph.registry import Registry

    reg = Registry.default()
    assert [e.id for e in reg.candidates("Töv")] == ["mn-tuv"]
    assert [e.id for e in reg.candidates("Tuv")] == [e.id for e in reg.candidates("TOV")] == ["mn-tuv"]  # ö as u, o
    assert [e.id for e in reg.candidates("Umnugovi")] == [e.id for e in reg.candidates("Ömnögovi")]
    assert reg.candidates("Tav") == [] and reg.candidates("Tuvv") == []  # a letter changed: no match


@pytest.mark.parametrize(("text", "expected"), [
    ("미국 애리조나주 투손시", []),  # 나주 inside a foreign state's name
    ("필리핀 라구나주 칼람바시", []),
    ("전라남도나주시", ["kr-jeonnam", "kr-jeonnam-naju"]),  # glued to the name before it (OCR)
    ("전라남도 나주", ["kr-jeonnam", "kr-jeonnam-naju"]),
    ("부산과울산", ["kr-busan", "kr-ulsan"]),  # joined by a particle
    ("나주와 목포", ["kr-jeonnam-naju", "kr-jeonnam-mokpo"]),
])
def test_a_short_name_inside_a_longer_word_is_no_mention(registry, text, expected):
    assert [m.entity.id for m in registry.find_mentions(text)] == expected
