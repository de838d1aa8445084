"""A title written before a Korean name: ``주무관 홍길동``, ``국제협력팀장 김가람 (02-000-0000)``,
``가나시의회 의장 이다라``, ``가나군수 박마바 귀하``, ``부총영사 최사아``.

Contact lines, staff rows, signature blocks and minutes print the post first. The title word is a lexicon title,
maybe after policy-field nouns (``국제협력팀장``), a unit (``국제협력과장``) or its place glued to it
(``가나군수``, whose place is the organisation). The name is a Korean name of three syllables starting with a
common surname, closing its phrase (the end of the line, punctuation, a bracket, a particle, or a word that is
not a title). The organisation is the registry place or body written right before the title (unit words between
skipped); a diplomat's is the mission named earlier on the line, else Korea (a Korean name); anyone else's is the
Korean region the section is about (:func:`graph.readers.context.context_at`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from graph.facts import FactWriter
from graph.readers.context import context_at, lead_region
from graph.readers.posts import provincial_title, titles
from graph.registry import Entity

#: A name closes its phrase: the end, punctuation or a bracket, a particle or the copula, or a space before another
#: word.
_CLOSE = r"(?=$|[\s,.)(|·/:;]|(?:이|가|은|는|과|와|의|에게|께|입니다)(?:$|[\s,.)]))"
#: Last syllables of words that stand where a name could but are a group, body or clause (방문단, 유고시).
_NOT_NAME_END = ("시", "단", "측", "팀", "청", "회", "실", "처", "관", "님", "들")
#: Particles that may end a three-syllable word after a two-syllable name.
_PARTICLE_ENDS = frozenset("이가은는을를과와의도")
#: What may stand right before the title word: the line's start, a space, a bullet, a bracket, a separator.
_OPEN = r"(?:^|(?<=[\s,(|:·\-※○■□▶◆•]))"


@dataclass(frozen=True)
class TitledName:
    """``name`` holds ``role`` in ``org`` (``None``: the section's subject), written at ``start:end`` of its line."""

    name: str
    role: str
    org: Entity | None
    start: int
    end: int
    former: bool = False


def _title_words() -> str:
    return "|".join(re.escape(t) for t in sorted(titles(), key=len, reverse=True))


#: A civil servant's grade, which a personnel order prints between the post and the name (``국제교류팀장
#: 지방행정사무관 홍길동``), maybe marked acting (``(직무대리)``).
GRADE = (r"(?:지방)?[가-힣]{0,4}?(?:부이사관|이사관|서기관|사무관|주사보|주사|서기보|연구관|연구사|지도관|지도사)"
         r"(?:\s*\((?:직무대리|직대|대리)\))?")
#: A post held before, in brackets after the name (``홍길동 (前 관광진흥과장)``, ``(전 가나군 부군수)``).
_EARLIER = re.compile(r"\s*\(\s*(?:前|전)\s*(?P<post>[가-힣](?:[가-힣]|\s(?=[가-힣])){1,20})\s*\)")
#: A grade, a name and the post in brackets (``지방서기관 홍길동 (국제통상과장)``: a personnel order's entry).
_GRADE_NAME_POST = re.compile(rf"{_OPEN}(?P<grade>{GRADE})\s+(?P<name>[가-힣]{{3}})"
                              r"\s*\(\s*(?P<post>[가-힣]{2,14})\s*\)")


def titled_names(reader, line: str, previous: str = "") -> Iterator[TitledName]:
    """Every ``title name`` phrase of ``line``, read with the people reader ``reader``
    (:class:`graph.readers.people.SentenceReader`); ``previous``: the line before, whose last word a title at the
    start of ``line`` may end (``실행위`` / ``원장 홍길동``: no title of its own; blank lines between skipped)."""
    from graph.readers.people import SURNAMES, qualifier

    pattern = re.compile(rf"{_OPEN}(?P<pre>[가-힣]{{0,10}}?)(?P<title>{_title_words()})"
                         rf"\s*:?\s+(?:{GRADE}\s+)?(?P<name>[가-힣]{{3}}){_CLOSE}")
    mentions = None
    for m in pattern.finditer(line):
        name, pre, title = m.group("name"), m.group("pre"), m.group("title")
        if name[0] not in SURNAMES or not reader.name_word(name) or name in titles() or name.endswith(_NOT_NAME_END):
            continue
        if name[-1] in _PARTICLE_ENDS and not re.match(r"\s*(?:$|[,.)(|·/:;→])", line[m.end("name"):]):
            continue  # ``비서장 홍길동이 축사를``: a two-syllable name and its particle
        if not line[:m.start()].strip() and re.search(r"[가-힣]$", previous.rstrip("\n")):
            continue  # the title ends a word begun on the line before
        after = re.match(r"\s+(?P<w>[가-힣]+)", line[m.end("name"):])
        if after and any(after.group("w").startswith(t) or after.group("w").endswith(t) for t in titles()) and not (
                (named := re.match(r"\s+(?P<n>[가-힣]{2,7})(?=$|[\s,·)])", line[m.end("name") + after.end():]))
                and reader.name_word(named.group("n"))):
            continue  # ``시장 홍길동 부시장``: the name's own title follows (``부시장 가나다 국장 마바사``: pairs)
        glued, left = reader._glued(pre, title) if pre else (None, title)
        title = left if glued is not None else title  # (가나다부시장: the place 가나다부 and 시장)
        if pre and glued is None and not (qualifier(pre) or reader.is_unit(pre + title[0])
                                          or reader.is_unit(pre)):
            continue
        role = provincial_title(title, glued) if glued is not None else pre + title
        if mentions is None:
            mentions = [k for k in reader._mentions(line) if k.entity.kind in ("region", "organization")]
        org = glued or _org_before(reader, line, mentions, m.start())
        if org is None and titles()[title].kind == "diplomat":
            mission = reader._mission_before(line[:m.start()], title)
            org = mission[0] if mission else reader.registry.entities.get("KR")
        yield TitledName(name, role, org, m.start(), m.end("name"))
        earlier = _EARLIER.match(line, m.end("name"))
        read = reader.bracketed_post(name, earlier.group("post").strip()) if earlier and _post_title(
            earlier.group("post").strip()) else None
        if read is not None:  # its own place when it names one (前 가나군수), else the organisation of the post before
            yield TitledName(name, read[1], read[0] or org, m.start(), earlier.end(), former=True)
    yield from _graded(reader, line)


def _post_title(post: str) -> bool:
    """Whether ``post`` is a post: a lexicon title, maybe after a unit or field words (``관광진흥과장``)."""
    return any(post.endswith(t) for t in titles()) and post not in ("서기",)


def _graded(reader, line: str) -> Iterator[TitledName]:
    """``지방서기관 홍길동 (국제통상과장)``: a name between its grade and its post in brackets."""
    from graph.readers.people import SURNAMES

    for m in _GRADE_NAME_POST.finditer(line):
        name, post = m.group("name"), m.group("post")
        if name[0] in SURNAMES and reader.name_word(name) and _post_title(post) and not post.startswith(("前", "전")):
            yield TitledName(name, post, None, m.start(), m.end())


def _org_before(reader, line: str, mentions, p: int) -> Entity | None:
    """The registry place or body ending right before ``p``, unit words between skipped."""
    words = line[:p].split()
    while words and reader.is_unit(re.sub(r"[^가-힣]", "", words[-1]) or "-"):
        p = line.rfind(words.pop(), 0, p)
    found = reader._org_before(line, mentions, p)
    return found[0] if found else None


def titled_posts(w: FactWriter, reader) -> Iterator[tuple[int, TitledName, Entity]]:
    """``(line, statement, organisation)`` for every title-first phrase of ``w.doc`` whose organisation is known;
    one with none written is the Korean region the section is about (the lines of such phrases above are entries
    of the same roster, no headings), else the document's own Korean region."""
    previous = ""
    found_at: dict[int, list[TitledName]] = {}
    for n, raw in w.doc.numbered(1, None):
        found_at[n] = list(titled_names(reader, raw, previous))
        previous = raw if raw.strip() else previous
    entries = {n for n, found in found_at.items() if found}  # a roster's entries are no heading of the ones below
    for n, found_here in found_at.items():
        for found in found_here:
            org = found.org
            if org is None:
                subject = context_at(w, n, exclude=entries).subject
                org = subject.entity if subject is not None and subject.entity.country == "KR" else lead_region(w)
            if org is not None:
                yield n, found, org
