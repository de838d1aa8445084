"""People with posts listed in a table: a trip report's delegation (``구분 | 성명 | 직위``), a list of attendees.

A header row names a column of names (``성명``, ``이름``) and a column of posts (``직위``, ``직책``, ``소속 및
직위``); each row below it, until a line that is no row of the same width, names one person and their post. The
post cell is read as written: its last word is the role when it ends with a lexicon title (``미래전략과
국제협력팀장`` → 국제협력팀장; a place glued to its title, ``가나군수``, gives 군수 in 가나군) or is a council
member's (``의원``); a registry place or a council or other body at its start (``가나시의회 의장``) is where the
post is, else the Korean region the section or the document is about. A bracketed remark (``주무관(통역)``) is
no part of it. A ``前``/``전`` before the post (``前 지사``) marks it former.

A foreign person's name in Hangul of several words (``가나 다라``) under a foreign region's heading or title holds
the post there. English participant lists (``Name | Title | Organization``) are read by
:func:`graph.readers.people_en.english_row`: the title cell as written when it holds a lexicon title, the
organisation cell through the registry (else minted as written).
"""

from __future__ import annotations

import re

from graph.facts import FactWriter
from graph.readers.context import context_at, first_region, headings_above, lead_region
from graph.readers.entities import place_level
from graph.readers.people_en import english_row
from graph.readers.posts import base_title, collapse_spaced, provincial_title, titles
from graph.registry import Entity, normalize_name

#: Header words of the column of names and of the column of posts.
_NAME_HEAD = re.compile(r"성\s*명|이\s*름|성명\s*\(.{1,10}\)|외\s*빈|내\s*빈|인\s*사|참석자|방문자|접견\s*인사")
#: A name as a table cell writes it: Korean, or foreign in Hangul of up to four words (``가나 다 라마``).
_CELL_NAME = re.compile(r"[가-힣]{1,7}(?:\s[가-힣]{1,7}){0,3}")
_POST_HEAD = re.compile(r"직\s*위|직\s*책|직\s*급|소속\s*(?:및|/|·)?\s*직[위책]|직위\s*\(.{1,10}\)")
#: Header words of a column of affiliations beside the posts (``성명 | 소속 | 직위``).
_ORG_HEAD = re.compile(r"소\s*속|소속\s*기관|기\s*관|기관명")
#: The same three headers in English (``Name | Title | Organization``).
_EN_NAME_HEAD = re.compile(r"(?i)(?:full\s+)?names?")
_EN_POST_HEAD = re.compile(r"(?i)titles?|positions?|posts?|designations?")
_EN_ORG_HEAD = re.compile(r"(?i)organi[sz]ations?|affiliations?|institutions?|agenc(?:y|ies)")
#: A former post's marker before the post cell (``前 지사``, ``전 시장``).
_FORMER = re.compile(r"^(?:前|전)\s+|^前")
#: A council member's post, which the title lexicon leaves out (a member is no head of anything).
_MEMBER = ("의원",)
_SEPARATOR = re.compile(r"\s*\|\s*|\t")


def cells(line: str) -> list[str]:
    """The cells of a table row (``|`` or tab between them); one cell for a line that is no row."""
    return [c.strip() for c in _SEPARATOR.split(line)] if ("|" in line or "\t" in line) else [line.strip()]


def _header(row: list[str]) -> tuple[int, int, int | None, bool] | None:
    """The columns of names, posts and (if any) affiliations a header row names, and whether it is English."""
    for heads, english in (((_NAME_HEAD, _POST_HEAD, _ORG_HEAD), False),
                           ((_EN_NAME_HEAD, _EN_POST_HEAD, _EN_ORG_HEAD), True)):
        names, posts, orgs = ([i for i, c in enumerate(row) if h.fullmatch(c)] for h in heads)
        if len(names) == 1 and len(posts) == 1:
            return names[0], posts[0], orgs[0] if len(orgs) == 1 else None, english
    return None


def table_posts(w: FactWriter, reader) -> list[tuple[int, str, str, Entity, bool]]:
    """``(line, name, role, organisation, former)`` of every row of a table of people with posts in ``w.doc``, of its
    signature blocks and of its seating charts; ``reader`` is the people reader's
    :class:`graph.readers.people.SentenceReader` (names, places, minted bodies). A diplomat in a row naming the
    mission (``주한 가나대사관 | 대사 | 홍길동``) is the mission's country's."""
    out = []
    columns: tuple[int, int, int | None, bool] | None = None
    width = 0
    for n, raw in w.doc.numbered(1, None):
        row = cells(raw)
        head = _header(row) if len(row) > 1 else None
        if head is not None:
            columns, width = head, len(row)
            continue
        if columns is None or not max(columns[:3], key=lambda c: c or 0) < len(row) <= width:
            columns = None  # a line that is no row of the table (its empty last cells may be dropped)
            continue
        if columns[3]:
            stated = english_row(w.registry, row[columns[0]], row[columns[1]],
                                 row[columns[2]] if columns[2] is not None else "", lead_region(w))
            out.extend([(n, *stated)] if stated else [])
            continue
        name, post = collapse_spaced(row[columns[0]]), re.sub(r"\s*\([^()]*\)", "", row[columns[1]]).strip()
        former = bool(_FORMER.match(post))
        post = _FORMER.sub("", post).strip()
        if not post:
            continue
        foreign = _foreign_name_post(w, reader, n, name, post)
        if foreign is not None:
            out.append((n, name, *foreign, former))
            continue
        found = _post(w, reader, n, post) if re.fullmatch(r"[가-힣]{2,4}", name) and reader.name_word(name) else None
        if found is None and columns[2] is not None and row[columns[2]] and re.fullmatch(r"[가-힣]{2,4}", name) and \
                reader.name_word(name):
            # no section or document region to place the post: the row's affiliation cell (``양평군 | 군수``)
            found = _post(w, reader, n, f"{row[columns[2]]} {post}")
        mission = any(_MISSION.fullmatch(c) for c in row) and getattr(base_title(post), "kind", "") == "diplomat"
        if (found is None or found[1].country not in ("", "KR") or mission) and _CELL_NAME.fullmatch(name):
            # a post abroad keeps its units (가나성 외사판공실 주임); a mission's diplomat is never the own region's
            found = _stated(reader, name, post, row) or (None if mission else found)
        if found is not None:
            out.append((n, name, *found, former))
    return out + signature_posts(w, reader) + seating_posts(w, reader)


#: A cell naming a diplomatic mission (``주한 가나대사관``, ``주부산 가나국 총영사관``): the post's organisation.
_MISSION = re.compile(r"주[가-힣]{1,4}\s+[가-힣]{1,12}\s*(?:대사관|총영사관|영사관)")
#: A mark after a signed name (``홍길동 (서명)``, ``(인)``).
_SIGNED = re.compile(r"\s*[(（]\s*(?:서\s*명|인|印|직인)\s*[)）]\s*$")


def signature_posts(w: FactWriter, reader) -> list[tuple[int, str, str, Entity, bool]]:
    """A signature block: a line of posts each naming its place (``가나시장 | 다라현지사``, ``가나시 부시장``) right
    above a line of as many names (``홍길동 (서명) | 가나 다라 (서명)``): each name holds the post above it."""
    from graph.readers.people import SURNAMES

    out = []
    lines = w.doc.lines
    for i in range(len(lines) - 1):
        posts, names = cells(lines[i]), cells(lines[i + 1])
        if len(posts) != len(names) or not all(posts) or not all(names) or (
                len(posts) == 1 and not _SIGNED.search(names[0])):
            continue
        pairs = []
        signed = all(_SIGNED.search(c) for c in names)  # else only Korean names: no line of words is signed
        for post, name in zip(posts, names, strict=True):
            name = collapse_spaced(_SIGNED.sub("", name).strip())
            found = _post(w, reader, i + 2, post) if _person(reader, name) and (
                signed or re.fullmatch(r"[가-힣]{3}", name) and name[0] in SURNAMES) else None
            if found is None or (found[0] == post and len(post.split()) == 1):
                break  # not a name, or a title with no place of its own: no signature block
            pairs.append((i + 2, name, *found, False))
        else:
            out.extend(pairs)
    return out


def _person(reader, name: str) -> bool:
    """A Korean name (2–4 syllables) or a foreign one in Hangul of two to four words."""
    if re.fullmatch(r"[가-힣]{2,4}", name):
        return reader.name_word(name)
    words = name.split()
    return 2 <= len(words) <= 4 and all(re.fullmatch(r"[가-힣]{1,5}", x) and x not in titles()
                                        and not reader.is_unit(x) and not reader.is_place(x) for x in words)


#: A seating chart's cell: a post and a foreign name in Hangul of two to four words (``지사 가나 다라``).
_SEAT = re.compile(r"(?P<post>(?:[가-힣]+\s)?[가-힣]{2,14})\s+(?P<name>[가-힣]{1,5}(?:\s[가-힣]{1,5}){1,3})")
#: A row label naming a side (``가나측``, ``가나현 측``, ``가나 대표단``).
_SIDE = re.compile(r"(?P<place>[가-힣]{2,12}?)\s*(?:측|대표단|방문단)")


def seating_posts(w: FactWriter, reader) -> list[tuple[int, str, str, Entity, bool]]:
    """A seating chart's row (``가나측 | 통역 | 국제과장 가나 다라 | 지사 마바 사아``): a foreign name of several
    words after its post in one cell holds the post in the foreign region the row's first cell names (Korean names
    after their titles are read by :mod:`graph.readers.titled_names`)."""
    out = []
    for n, raw in w.doc.numbered(1, None):
        row = cells(raw)
        side = _SIDE.fullmatch(row[0]) if len(row) >= 3 else None
        region = _side_region(reader, side.group("place")) if side else None
        if region is None or region.country in ("", "KR"):
            continue  # a foreign name in Hangul holds a post on a foreign side
        for cell in row[1:]:
            m = _SEAT.fullmatch(cell)
            if m is None or not _person(reader, m.group("name")):
                continue
            *units, role = m.group("post").split()
            if base_title(role) is None or (units and not _COUNCIL.fullmatch(units[0])):
                continue
            place = _council(region, units[0]) if units else _fitting_region(reader, side.group("place"), role)
            if place is not None:
                out.append((n, m.group("name"), role, place, False))
    return out


def _side_region(reader, place: str) -> Entity | None:
    """The one registry region a side's label names (``가나``, ``가나현``)."""
    found = {e.id: e for e in reader.registry.candidates(place) if e.kind == "region"}
    return next(iter(found.values())) if len(found) == 1 else None


def _council(region: Entity, word: str) -> Entity:
    """A region's council written with its level alone (``현의회``): minted under the region's name."""
    council = f"{region.name_ko}{word[-2:]}"
    return Entity(id=f"minted-{normalize_name(council)}", kind="organization", name_ko=council,
                  note="minted by the people reader: a council of a region")


def _foreign_name_post(w: FactWriter, reader, line: int, name: str, post: str) -> tuple[str, Entity] | None:
    """A foreign name in Hangul of two to four words (``가나 다라``) with a bare title (``지사``, ``부지사``,
    ``가나부장``) under a heading or title about a foreign region: the post is that region's."""
    if " " not in name or not _person(reader, name):
        return None
    *units, role = post.split()
    if base_title(role) is None or len(units) > 1 or (units and not _COUNCIL.fullmatch(units[0])):
        return None
    title = cells(w.doc.title_ko or "")[0]  # a title printed as a row of the table (``가나현 간부 명단 |  |``)
    for text in [t for _, t in headings_above(w, line)] + [title]:
        region = first_region(w, text)
        if region is None:
            continue
        if region.country in ("", "KR"):
            return None
        if units:
            return role, _council(region, units[0])  # 현의회 의장: that region's council
        fitting = _fitting_region(reader, text, role)
        return (role, fitting) if fitting is not None else None
    return None


def _fitting_region(reader, text: str, role: str) -> Entity | None:
    """The most specific foreign region ``text`` names (a registry one or one the document placed) whose level fits
    the head's or deputy's title ``role`` (a 시장 is a city's, a 지사 a prefecture's: :func:`fits_title`); ``None``
    when none fits."""
    from graph.readers.people import fits_title

    regions = [m.entity for m in reader._mentions(text) if m.entity.kind == "region"
               and m.entity.country not in ("", "KR")]
    return next((e for e in reversed(regions) if fits_title(e.name_ko, role)), None)


#: A region's council written with its level alone before its chair's title (``현의회 의장``, ``도의회 의장``).
_COUNCIL = re.compile(r"[현도시성주군구]의회")


def _stated(reader, name: str, post: str, row: list[str]) -> tuple[str, Entity] | None:
    """The role and organisation of a name and post cell read as a sentence would state them (``가나 다라 마바시
    부시장``, ``주한 가나 대사 가나 다라``), the row's other cells (a country column) placing a place the registry
    lacks; ``None`` unless a statement names exactly that person."""
    from graph.readers.people import SentenceReader, document_places

    context = " ".join(c for c in row if c not in (name, post) and (reader._country(c) is not None
                                                                   or _MISSION.fullmatch(c)))
    probe = SentenceReader(reader.registry, {**reader.local, **document_places(reader.registry, f"{context} {post}")})
    probe.home = reader.home
    stand_in = _STAND_IN[min(len(name.split()), len(_STAND_IN)) - 1]
    for written in (name, stand_in):  # the cell is a name: one the sentence reader doubts stands in as another
        for sentence in (f"{context} {post} {written} 참석", f"{written} {context} {post} 참석"):
            found = [st for st in probe.statements(sentence) if collapse_spaced(st.name) == written]
            if len(found) == 1:
                return found[0].role, found[0].org
    return None


#: Names of one, two and three words that the sentence reader reads as names, standing in for a name cell.
_STAND_IN = ("김갑동", "갑동 을동", "갑동 을동 병동")


def _post(w: FactWriter, reader, line: int, post: str) -> tuple[str, Entity] | None:
    """The role and organisation a post cell states; ``None`` when its last word is no post."""
    words = post.split()
    role = words[-1]
    org = None
    if base_title(role) is None and role not in _MEMBER:
        return None
    for title in sorted(titles(), key=len, reverse=True):  # a place glued to its title: 가나군수 → 군수 in 가나군
        if role.endswith(title) and len(role) > len(title):
            glued, left = reader._glued(role[:-len(title)], title)
            if glued is not None and glued.kind == "region":
                org, role = glued, provincial_title(left, glued)
            break
    if org is None and len(words) > 1:
        first = words[0]
        found = [e for e in reader.registry.candidates(first) if e.kind in ("region", "organization")]
        org = found[0] if len(found) == 1 else reader.organisation(first)
        if org is None and place_level(first) is not None and not reader.is_unit(first):
            return None  # a place the registry lacks (가나시 부시장): read as a sentence, never the own region
    if org is None:
        subject = context_at(w, line).subject
        org = subject.entity if subject is not None and subject.entity.country == "KR" else lead_region(w)
    return (role, org) if org is not None else None
