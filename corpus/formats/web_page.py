"""Saved web pages (``.html``, ``.htm``): the article text, without menus, headers, footers or navigation.

Parsed with selectolax (Lexbor). The article is the page's ``<article>``, else ``<main>`` (or
``role="main"``), else ``<body>``; inside it navigation, forms, scripts and asides are dropped, and
when only ``<body>`` was found also page headers, footers and blocks whose id or class names a menu
(``gnb``, ``lnb``, ``footer`` …). Blocks become lines, list items lines of their own (``- `` or
``N. ``, an item of a nested list indented by two spaces), table rows lines with their cells separated.

>>> page = '''<html><head><title>목록 | 시청</title></head><body><header>시청 로고</header>
... <nav><a href="/">홈</a></nav><main><h1>자매도시 현황</h1><p>우리 시의 <b>자매도시</b>는</p>
... <ol><li>강릉시</li><li>속초시</li></ol><table><tr><th>도시</th><th>체결일</th></tr>
... <tr><td>강릉시</td><td>2019. 5. 24.</td></tr></table></main><footer>저작권</footer></body></html>'''
>>> lines, title = page_lines(page)
>>> lines
['자매도시 현황', '우리 시의 자매도시는', '1. 강릉시', '2. 속초시', '도시 | 체결일', '강릉시 | 2019. 5. 24.']
>>> title
'자매도시 현황'

The ``<title>``'s office of a local government (``가나시청``), when the ``<h1>`` does not name its region
(``가나시``), says whose page it is: ``자매도시 현황 | 가나시청``.
"""

from __future__ import annotations

import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from corpus.formats.extraction import Extraction, finish, is_blank_row, one_line, span_grid, table_row
from corpus.formats.plain_text import decode, decoding_problems

#: Never article text.
DROPPED_TAGS = ("script", "style", "noscript", "template", "nav", "aside", "form", "iframe", "svg", "button",
                "select", "dialog", "object", "canvas")
#: Page furniture, dropped when the article could not be told apart from ``<body>``.
PAGE_TAGS = ("header", "footer")
DROPPED_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar")
#: Id or class names of menus and page furniture on Korean and other sites (whole names, case-insensitive).
FURNITURE_NAMES = frozenset({
    "header", "footer", "nav", "navigation", "gnb", "lnb", "snb", "menu", "topmenu", "sidebar", "side",
    "breadcrumb", "breadcrumbs", "skip", "skipnav", "util", "utility", "quick", "quickmenu", "banner",
    "copyright", "sitemap", "location", "top", "bottom", "site-header", "site-footer", "global-nav",
})
#: Words inside an id or class name (split at ``-``, ``_`` and lower-to-upper case) that mark a block beside the
#: article on a news site, wherever it stands: related and most-read articles, sharing, comments, advertising.
BESIDE_WORDS = frozenset({
    "related", "relation", "rank", "ranking", "popular", "most", "hot", "best", "recommend", "share", "sns",
    "comment", "comments", "reply", "ad", "ads", "advert", "advertisement", "banner", "subscribe", "widget",
})
#: Words of an article's own id or class names (``article_view``, ``articleBody``, ``news-content``): a word above
#: inside such a name does not drop it.
ARTICLE_WORDS = frozenset({"article", "body", "content", "contents", "view", "text", "txt", "story", "detail"})
#: Such words that mark page furniture when the article could not be told apart from ``<body>`` (a ``right_area``
#: column, a ``top_menu``).
FURNITURE_WORDS = BESIDE_WORDS | {"menu", "gnb", "lnb", "snb", "sidebar", "side", "right", "aside", "footer", "nav",
                                  "navigation", "breadcrumb", "sitemap", "copyright", "quick", "util"}
#: Inline tags that mark part of a word (``<b>자매</b>결연``, ``H<sub>2</sub>O``): no space before them.
INLINE_JOINED = frozenset({"sub", "sup", "ruby", "rt", "rp", "wbr"})
BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "hr", "main", "ol", "p", "pre", "section",
    "summary", "body", "center", "li",
})


class _Lines:
    """Collects inline text into lines."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._parts: list[str] = []
        self.depth = 0  # how deep in nested lists: an item under an item is indented, as in Markdown
        self.indent = ""  # the indent of the line being collected

    def text(self, text: str) -> None:
        self._parts.append(text)

    def gap(self) -> None:
        """A space between two elements whose texts touch (``<span>국가</span><span>일본</span>``): the page
        lays them out apart, so their words are apart."""
        if self._parts and self._parts[-1][-1:].strip():
            self._parts.append(" ")

    def end(self) -> None:
        line = one_line("".join(self._parts))
        if line:
            self.lines.append(self.indent + line)
        self._parts, self.indent = [], ""

    def line(self, text: str) -> None:
        self.end()
        self.lines.append(text)


def _names(node: LexborNode) -> set[str]:
    attrs = node.attributes
    return {n.lower() for n in f"{attrs.get('id') or ''} {attrs.get('class') or ''}".split()}


def name_words(node: LexborNode) -> set[str]:
    """The words of a node's id and class names (``relation_news`` → relation, news; ``rankNews`` → rank, news).

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> sorted(name_words(LexborHTMLParser('<div id="rankNews" class="side-box relation_news">').css_first("div")))
    ['box', 'news', 'rank', 'relation', 'side']
    """
    attrs = node.attributes
    names = f"{attrs.get('id') or ''} {attrs.get('class') or ''}"
    return {w.lower() for w in re.split(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])", names) if w}


def article_root(tree: LexborHTMLParser) -> tuple[LexborNode | None, bool]:
    """The node holding the article, and whether it is only ``<body>`` (so page furniture must go)."""
    articles = tree.css("article")
    if len(articles) == 1:
        return articles[0], False
    main = tree.css_first("main") or tree.css_first('[role="main"]')
    if main is not None:
        return main, False
    return tree.body, True


def _strip(root: LexborNode, whole_page: bool) -> None:
    selectors = list(DROPPED_TAGS) + [f'[role="{r}"]' for r in DROPPED_ROLES]
    if whole_page:
        selectors += list(PAGE_TAGS)
    for node in root.css(", ".join(selectors)):
        node.decompose()
    total = len(root.text(strip=True))
    for node in root.css("[id], [class]"):
        if node.parent is None:
            continue
        words = name_words(node)
        if words & BESIDE_WORDS or whole_page and (_names(node) & FURNITURE_NAMES or words & FURNITURE_WORDS):
            if words.isdisjoint(_names(node)) and (words & ARTICLE_WORDS or len(node.text(strip=True)) > total / 2):
                continue  # a word inside the article's name (``hot_article_view``) or most of the page's text: kept
            node.decompose()


#: Inside a cell, these make the table a page layout rather than data.
LAYOUT_INSIDE = "table, h1, h2, h3, h4, h5, h6, ul, ol, article, section"
#: A cell of this many characters, in two blocks or more, is a column of the page, not a datum.
LAYOUT_CELL_CHARS = 200


def is_layout_table(node: LexborNode, rows: list[LexborNode]) -> bool:
    """Whether a ``<table>`` with its own ``rows`` (:func:`_own_rows`) lays out the page (old sites put the menu, the
    article and a sidebar in its cells) rather than holding rows of data: marked presentational, or a cell holds a
    table, a heading or a list, or a long text in several paragraphs.

    >>> table = LexborHTMLParser("<table><tr><td>가나시</td><td>2019. 5. 24.</td></tr></table>").css_first("table")
    >>> is_layout_table(table, _own_rows(table))
    False
    >>> page = LexborHTMLParser("<table><tr><td><h2>소식</h2><p>본문</p></td></tr></table>").css_first("table")
    >>> is_layout_table(page, _own_rows(page))
    True
    """
    if (node.attributes.get("role") or "").lower() in ("presentation", "none"):
        return True
    for row in rows:
        for cell in _cells(row):
            if cell.css_first(LAYOUT_INSIDE) is not None:
                return True
            blocks = len(cell.css("p, div")) + len(cell.css("br"))
            if blocks >= 2 and len(cell.text(deep=True)) > LAYOUT_CELL_CHARS:
                return True
    return False


def _own_rows(table: LexborNode) -> list[LexborNode]:
    """The table's own rows (not those of a table nested in one of its cells)."""
    def owner(row: LexborNode) -> LexborNode | None:
        node = row.parent
        while node is not None and node.tag != "table":
            node = node.parent
        return node
    return [row for row in table.css("tr") if owner(row) == table]


def _cells(row: LexborNode) -> list[LexborNode]:
    return [c for c in row.iter() if c.tag in ("td", "th")]


def _layout(rows: list[LexborNode], out: _Lines) -> None:
    """A layout table's cells (of its own ``rows``) in page order, each read as a block of the page."""
    out.end()
    for row in rows:
        for cell in _cells(row):
            _walk(cell, out)
            out.end()


def _table(node: LexborNode, out: _Lines) -> None:
    """Each row as one line of cells; a cell merged down (``rowspan``) repeats its text in the rows it covers and a
    cell merged across (``colspan``) leaves empty cells in the columns it covers, so every row keeps its columns (as
    every format reader does: :func:`~corpus.formats.extraction.span_grid`). A table that lays out the page is read
    as blocks instead (``is_layout_table``)."""
    rows = _own_rows(node)
    if is_layout_table(node, rows):
        _layout(rows, out)
        return
    out.end()
    placed: list[tuple[int, int, str, int, int]] = []
    covered: set[tuple[int, int]] = set()  # positions taken by a cell merged down from a row above
    widths = [0] * len(rows)  # each row keeps its own width (a one-cell row stays a line of text)
    for r, row in enumerate(rows):
        c = 0
        for cell in _cells(row):
            while (r, c) in covered:
                c += 1
            down, across = _span(cell, "rowspan"), _span(cell, "colspan")
            placed.append((r, c, cell.text(deep=True, separator=" "), down, across))
            covered.update((r + i, c + j) for i in range(1, min(down, len(rows) - r)) for j in range(across))
            c += across
        widths[r] = max([c, *(k + 1 for i, k in covered if i == r)])
    for cells, width in zip(span_grid(placed, len(rows)), widths, strict=True):
        if not is_blank_row(cells[:width]):
            out.line(table_row(cells[:width]))


def _span(cell: LexborNode, name: str) -> int:
    """A cell's ``rowspan`` or ``colspan`` (1 when missing or not a number, at most 100)."""
    value = (cell.attributes.get(name) or "").strip()
    return min(int(value), 100) if value.isdigit() and int(value) > 0 else 1


def _walk(node: LexborNode, out: _Lines) -> None:
    after_element = False
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            text = child.text_content or ""
            out.text(text)
            after_element = after_element and not text
            continue
        if after_element and tag not in INLINE_JOINED:
            out.gap()
        after_element = tag not in ("-comment", "br")
        if tag == "br":
            out.end()
        elif tag == "table":
            _table(child, out)
        elif tag in ("ol", "ul"):
            _list(child, out)
        elif tag in BLOCK_TAGS:
            out.end()
            _walk(child, out)
            out.end()
        elif tag not in ("-comment", "head", "title", "meta", "link"):
            _walk(child, out)


def _list(node: LexborNode, out: _Lines) -> None:
    """Each item of a list on lines of its own, marked ``- `` or with its number."""
    out.end()
    number = 0
    out.depth += 1
    for item in node.iter(include_text=False):
        if item.tag != "li":
            _walk(item, out)
            continue
        number += 1
        out.indent = "  " * (out.depth - 1)
        out.text(f"{number}. " if node.tag == "ol" else "- ")
        _walk(item, out)
        out.end()
    out.depth -= 1


def page_lines(html: str) -> tuple[list[str], str]:
    """The article's lines and the page's title (its first ``<h1>``, else ``<title>``)."""
    tree = LexborHTMLParser(html)
    root, whole_page = article_root(tree)
    if root is None:
        return [], ""
    _strip(root, whole_page)
    out = _Lines()
    _walk(root, out)
    out.end()
    heading = root.css_first("h1") or tree.css_first("h1")
    title_node = tree.css_first("title")
    title = one_line(heading.text(separator=" ")) if heading is not None else ""
    page_title = one_line(title_node.text()) if title_node is not None else ""
    office = next((s for s in _TITLE_PARTS.split(page_title)
                   if _OFFICE.search(s) and s.strip().removesuffix("청") not in title), None)
    return out.lines, (f"{title} | {office.strip()}" if title and office else title or page_title)


#: Separators of a page's ``<title>`` (``자매도시 | 국제교류 | 가나시청``).
_TITLE_PARTS = re.compile(r"\s+[|\-–—:>·]\s+|\s*[|>]\s*")
#: The site of a local government's office (가나시청, 다라군청, 가나도청): whose page it is.
_OFFICE = re.compile(r"[가-힣]{1,8}(?:시|군|구|도)청$")


def read(path: Path) -> Extraction:
    """Read a saved web page (UTF-8, else CP949/EUC-KR)."""
    text, encoding = decode(path.read_bytes())
    lines, title = page_lines(text)
    return finish(lines, title, "html", decoding_problems(encoding))
