"""User-interface strings in Korean (default) and English, and the page language of a request."""

from __future__ import annotations

from flask import request

LANGS = ("ko", "en")
COOKIE = "gyoryu_lang"

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {"ko": "교류 — 지방정부 교류 지식그래프",
                  "en": "Gyoryu — local-government exchange knowledge graph"},
    "tagline": {"ko": "지방정부 국제·국내 교류 문서를 지식그래프와 의미 검색으로",
                "en": "Korean local-government exchange documents as a knowledge graph with semantic search"},
    "switch_lang": {"ko": "English", "en": "한국어"},
    "tab_search": {"ko": "검색", "en": "Search"},
    "tab_partners": {"ko": "협력 상대 찾기", "en": "Partner finder"},
    "tab_sparql": {"ko": "SPARQL 질의", "en": "SPARQL editor"},
    "search_placeholder": {"ko": "예: 귀농귀촌을 지원하는 군",
                           "en": "e.g. a county that helps people move to the countryside"},
    "partners_placeholder": {"ko": "예: 재난 예방 협력", "en": "e.g. disaster prevention cooperation"},
    "search_button": {"ko": "검색", "en": "Search"},
    "find_button": {"ko": "찾기", "en": "Find"},
    "mode": {"ko": "방식", "en": "Mode"},
    "mode_hybrid": {"ko": "혼합", "en": "hybrid"},
    "mode_dense": {"ko": "의미", "en": "dense"},
    "mode_lexical": {"ko": "어휘", "en": "lexical"},
    "type": {"ko": "유형", "en": "Type"},
    "type_any": {"ko": "전체", "en": "any"},
    "type_region": {"ko": "지방정부", "en": "region"},
    "type_organization": {"ko": "기구·단체", "en": "organization"},
    "country": {"ko": "국가 코드", "en": "Country code"},
    "results": {"ko": "결과", "en": "Results"},
    "no_results": {"ko": "결과가 없습니다.", "en": "No results."},
    "source": {"ko": "출처", "en": "Source"},
    "entities": {"ko": "개체", "en": "Entities"},
    "evidence": {"ko": "근거", "en": "Evidence"},
    "score": {"ko": "점수", "en": "score"},
    "examples": {"ko": "예시 질문", "en": "Example questions"},
    "run_query": {"ko": "실행", "en": "Run"},
    "download_csv": {"ko": "CSV 내려받기", "en": "Download CSV"},
    "rows": {"ko": "행", "en": "rows"},
    "error": {"ko": "오류", "en": "Error"},
    "loading": {"ko": "불러오는 중…", "en": "Loading…"},
    "labels": {"ko": "이름", "en": "Labels"},
    "alt_labels": {"ko": "다른 표기", "en": "Other spellings"},
    "types": {"ko": "분류", "en": "Types"},
    "facts": {"ko": "사실", "en": "Facts"},
    "property": {"ko": "속성", "en": "Property"},
    "value": {"ko": "값", "en": "Value"},
    "graph": {"ko": "그래프", "en": "Graph"},
    "referenced_by": {"ko": "이 개체를 가리키는 사실", "en": "Facts pointing here"},
    "subject": {"ko": "주어", "en": "Subject"},
    "timeline": {"ko": "연도별 협약 체결", "en": "Agreements per year"},
    "network": {"ko": "이웃 관계망", "en": "Neighbourhood"},
    "formats": {"ko": "다른 형식", "en": "Other formats"},
    "document": {"ko": "문서", "en": "Document"},
    "lines": {"ko": "줄", "en": "lines"},
    "back_home": {"ko": "처음으로", "en": "Home"},
    "api_docs": {"ko": "API 설명", "en": "API description"},
    "sparql_endpoint": {"ko": "SPARQL 엔드포인트", "en": "SPARQL endpoint"},
    "like_region": {"ko": "비슷한 지역 찾기 (지역 이름)", "en": "Partners like a region (name)"},
    "exclude_existing": {"ko": "기존 협약 상대 제외", "en": "exclude existing partners"},
    "method_curated": {"ko": "검수 판독기(curated)", "en": "curated reader"},
    "method_automatic": {"ko": "자동 추출(automatic)", "en": "automatic (general reader)"},
    "confidence": {"ko": "신뢰도", "en": "confidence"},
}


def page_lang() -> str:
    """The request's UI language: ``?lang=``, then the cookie, then Korean."""
    asked = request.args.get("lang") or request.cookies.get(COOKIE) or "ko"
    return asked if asked in LANGS else "ko"


def translator(lang: str):
    """A function ``t(key)`` giving the string for ``lang``."""
    def t(key: str) -> str:
        entry = STRINGS.get(key)
        return entry.get(lang, entry["ko"]) if entry else key
    return t


def client_strings(lang: str) -> dict[str, str]:
    """All strings in ``lang`` for the page's script."""
    return {k: v.get(lang, v["ko"]) for k, v in STRINGS.items()}
