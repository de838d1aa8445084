"""Saved news-site pages: the article and its dateline, without the blocks beside it that news sites name by words
inside their class or id names (``relation_news``, ``rankNews``, ``share_box``, ``right_area``, ``ad-banner``) —
related and most-read articles there state other regions' signings, which must not become this page's facts.
Names of foreign places are invented; Korean parties come from the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.formats.web_page import page_lines
from tests.readers.helpers import build, from_file
from tests.readers.test_people import POSTS
from tests.readers.test_report_prose import party_ids

ARTICLE = """<div class="{head}"><h2>강릉시, 일본 가나시와 자매결연</h2>
<p class="info">입력 2024.05.20 10:12 | 홍길동 기자</p></div>
<div class="{body}" id="articleBody">
<p>강릉시는 지난 14일 일본 가나시와 자매결연 협약을 체결했다고 20일 밝혔다.</p>
<p>이날 협약식에는 김홍규 강릉시장과 야마다 타로 가나시장이 참석했다.</p>
<div class="photo"><p class="caption">▲ 지난해 강릉시를 방문한 가나시 대표단. (사진=강릉시)</p></div>
<p>한편 시는 2015년 중국 마라시와 우호교류 협약을 맺었다.</p>
</div>"""
BESIDE = """<div class="share_box">이 기사를 공유합니다 페이스북 트위터</div>
<div class="relation_news"><h4>관련기사</h4><ul><li><a>속초시는 지난 2일 러시아 다라시와 자매결연을 체결했다</a></li>
<li><a>삼척시는 2019년 중국 사아시와 우호협약을 맺었다</a></li></ul></div>
<div id="rankNews"><h4>많이 본 뉴스</h4><ol><li>동해시는 1994년 일본 라바시와 자매결연을 맺었다</li></ol></div>
<div class="ad-banner">양양군은 2020년 베트남 하바시와 MOU를 체결했다</div>"""
FACTS = {("jp-가나시", "kr-gangwon-gangneung", "2024-05-14"), ("cn-마라시", "kr-gangwon-gangneung", "2015")}


def _page(layout: str, body: str = "news_view", head: str = "news_title") -> str:
    article = ARTICLE.format(head=head, body=body)
    if layout == "divs":  # no <article>, <main> or <aside>: the blocks beside it named by their classes
        inner = (f'<div id="top_header"><ul class="top_menu"><li>정치</li><li>경제</li></ul></div>'
                 f'<div id="container"><div class="left_area">{article}{BESIDE}</div>'
                 f'<div class="right_area"><div class="hot_issue">고성군은 2018년 일본 마바시와 자매결연을 맺었다'
                 f'</div></div>'
                 f'</div><div id="bottom"><p>다라신문 | 발행인 김다라</p></div>')
    else:  # an <article> holding the blocks beside its text
        inner = f"<nav><a>홈</a></nav><article>{article}{BESIDE}</article><footer>다라신문</footer>"
    return (f"<!DOCTYPE html><html lang='ko'><head><meta charset='utf-8'><title>강릉시, 일본 가나시와 자매결연 - "
            f"다라신문</title></head><body>{inner}</body></html>")


@pytest.mark.parametrize("layout", ["divs", "article"])
def test_a_news_page_without_the_blocks_beside_its_article(tmp_path: Path, layout: str):
    lines, _ = page_lines(_page(layout))
    assert "입력 2024.05.20 10:12 | 홍길동 기자" in lines  # the dateline stays: relative days are read against it
    assert not any(word in line for line in lines for word in ("관련기사", "많이 본", "공유", "속초시", "동해시",
                                                               "양양군", "고성군", "정치"))
    path = tmp_path / f"{layout}.html"
    path.write_text(_page(layout), encoding="utf-8")
    result = build(from_file(path))
    assert party_ids(result) == FACTS
    result.dataset.default_union = True
    names = {str(r.name) for r in result.dataset.query(POSTS.replace("?name ?role ?org ?when ?method", "?name"))}
    assert names == {"김홍규", "야마다 타로"}


def test_an_article_whose_class_holds_such_a_word_keeps_its_text():
    # ``hot_article_view`` names the article itself: most of the page's text is never dropped for a word in a name
    lines, _ = page_lines(_page("divs", body="hot_article_view"))
    assert "강릉시는 지난 14일 일본 가나시와 자매결연 협약을 체결했다고 20일 밝혔다." in lines
    assert not any("속초시" in line for line in lines)
