"""Officials: every person named with a role, as ``gy:Official`` holding an ``org:Post``.

A person is recognised where a title of ``graph/data/titles.tsv`` stands next to a name and a
registry region or organisation, in the orders the documents use:

* name – place – title: ``리러청 랴오닝성 성장``, ``장상길 한국 포항시 부시장``;
* place – name – title: ``러시아 부랴티야공화국 무힌 브세볼로드 제1부총리``;
* place – title – name: ``바양울기아이막 지사 장가르``; signatures ``포항시장   이 강 덕``;
* name – mission – title for diplomats: ``진일표 주부산 중국 총영사``;
* lists ``국제관계대사: 정해관(대구), …`` and the secretariat's staff list (title line, name line).

The post is one node per organisation and role (``org:postIn``, ``gy:role`` as stated); each
statement that someone holds it becomes a ``gy:Tenure`` with ``gy:asOf`` (the statement's date, or
the document's year) and its lines, plus the shortcut ``?official org:holds ?post``.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rdflib import Literal, URIRef

from graph.dates import month_day
from graph.extractors import extractor
from graph.extractors.names import COUNTRY_WORDS, is_near_document, resolve_in_context
from graph.extractors.text import Stream, nonblank, report_year
from graph.facts import FactWriter, Lines
from graph.registry import DATA_DIR, Entity, Registry, normalize_name
from ontology.namespaces import FOAF, GY, ORG, RDF, RDFS, SKOS

_COUNTRY_TOKENS = "|".join(sorted(COUNTRY_WORDS, key=len, reverse=True))
_NAME_TOKEN = rf"(?!(?:{_COUNTRY_TOKENS})(?:\s|$))[가-힣]{{2,7}}"
_ALT = r"(?:\((?P<alt>[A-Za-z\u4e00-\u9fff\u3040-\u30ff][^)]{0,30})\))?"
NAME = rf"(?<![가-힣])(?P<name>{_NAME_TOKEN}(?:\s{_NAME_TOKEN})?){_ALT}"
_PARTICLES = ("은", "는", "이", "가", "과", "와", "의", "을", "를", "에게", "님", "도", "께")
_END = r"(?=$|[\s,.)」”\"'·]|" + "|".join(_PARTICLES) + ")"
_UNIT = r"(?:[가-힣]{2,10}(?:실|부|국|원|회|청|처|과|단|소|협회|정부)\s+){0,2}"
_POSTS = "한|부산|블라디보스토크|선양|일본|중국|우한"
MISSION = rf"(?P<mission>주(?:{_POSTS})\s*(?:[가-힣]{{2,8}}?)?)\s*"
#: Words that look like names but are not.
STOP = {"사무국", "회원정부", "대표단", "일행", "신임", "역대", "국내", "관계자", "참석자", "대표", "우리",
        "특히", "또한", "이어서", "한편", "이에", "이날", "임", "각국", "고위급", "전체", "현재", "금년",
        "지난", "내년", "이번", "중국측", "몽골측", "회원단체", "부랴티야", "리셉션", "행사", "축사", "연하장",
        "사무총장", "유관기관", "외사판공실", "사회과학원", "인민대외우호협회", "공화국", "정부", "주재",
        "의장단체", "코디네이터", "상무", "경제", "면담", "의회", "우협", "당위", "대회", "내용", "함께",
        "카자흐스탄", "미얀마", "파키스탄", "폴란드", "벨라루스", "키르키즈공화국", "초청장", "접견", "예방",
        "방문", "참석", "개최"}
#: Endings of a word that is not a name but a noun with a particle or a verb form (의장인, 계시는, 총회에).
_PARTICLE_END = ("은", "는", "을", "를", "에", "서", "의", "와", "과", "인", "로", "한", "신", "된", "던", "여",
                 "기", "께", "도", "고", "며", "데")
#: Endings of organisation-like words (조직위원회, 중국총영사관) when four syllables or longer.
_ORG_END = ("회", "원", "부", "국", "관", "청", "소", "단", "실", "시", "성", "현", "군", "구", "주", "도", "장")


@dataclass(frozen=True)
class Title:
    """A title as written, its English form and kind."""

    ko: str
    en: str
    kind: str


@lru_cache(maxsize=1)
def titles() -> dict[str, Title]:
    """The title lexicon (``graph/data/titles.tsv``)."""
    with (DATA_DIR / "titles.tsv").open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t")
        return {r["title_ko"]: Title(r["title_ko"], r["title_en"], r["kind"]) for r in rows}


@lru_cache(maxsize=1)
def title_pattern() -> str:
    """Regex alternation of every title, longest first, with glued unit prefixes for ``…국장``-style titles."""
    alts = "|".join(re.escape(t) for t in sorted(titles(), key=len, reverse=True))
    return rf"(?P<title>(?:[가-힣]{{0,8}}(?:본부장|국장|부장|실장|과장|팀장))|{alts}){_END}"


def base_title(role: str) -> Title | None:
    """The lexicon title a stated role ends with (``경제통상국장`` → 국장)."""
    for ko in sorted(titles(), key=len, reverse=True):
        if role.endswith(ko):
            return titles()[ko]
    return None


def clean_name(name: str, registry: Registry) -> str | None:
    """The person name inside a candidate, or ``None``: drops a leading word that ends in a particle
    (``의장인 리러청`` → ``리러청``), rejects stop words, places and organisation-like words."""
    tokens = name.split()
    if len(tokens) == 2 and (tokens[0].endswith(_PARTICLE_END) or tokens[0] in STOP or _is_place(tokens[0], registry)):
        tokens = tokens[1:]
    if len(tokens) == 1 and (tokens[0].endswith(("에", "한", "된", "던", "여", "고", "며"))
                             or tokens[0].endswith(_PARTICLE_END) and len(tokens[0]) > 3):
        return None
    for t in tokens:
        if t in STOP or t in titles() or _is_place(t, registry) or (len(t) >= 4 and t.endswith(_ORG_END)):
            return None
        if len(tokens) == 1 and t.endswith(("에서", "에게", "에는", "께서")):
            return None
    return " ".join(tokens) if tokens else None


def valid_name(name: str, registry: Registry) -> bool:
    """Whether :func:`clean_name` finds a name."""
    return clean_name(name, registry) is not None


def _is_place(token: str, registry: Registry) -> bool:
    return bool(registry.candidates(token))


def official(w: FactWriter, name: str, alt: str | None, lines: Lines) -> URIRef:
    """The person node (one per name, shared by documents)."""
    clean = collapse_spaced(name)
    node = w.node("person", normalize_name(clean), GY.Official, lines, label_ko=clean)
    w.add(node, RDF.type, FOAF.Person)
    w.add(node, FOAF.name, Literal(clean, lang="ko"))
    if alt:
        lang = "zh" if re.search(r"[\u4e00-\u9fff]", alt) else "en"
        w.add(node, SKOS.altLabel, Literal(alt.strip(), lang=lang))
    return node


def collapse_spaced(name: str) -> str:
    """``임 병 진`` → ``임병진`` (a name printed with a space between syllables); others unchanged."""
    tokens = name.split()
    return "".join(tokens) if len(tokens) > 1 and all(len(t) == 1 for t in tokens) else " ".join(tokens)


def hold(w: FactWriter, person: URIRef, org: URIRef, org_label: str, role: str, lines: Lines,
         when: date | int | None) -> URIRef:
    """``person`` holds the post ``role`` in ``org`` as of ``when``: a Post, a Tenure and ``org:holds``."""
    post = w.node("post", f"{org.rsplit('/', 1)[-1]}-{normalize_name(role)}", GY.Post, lines,
                  label_ko=f"{org_label} {role}")
    w.add(post, RDF.type, ORG.Post)
    w.add(post, ORG.postIn, org)
    if (post, GY.role, None) not in w.graph:
        w.add(post, GY.role, Literal(role, lang="ko"))
    title = base_title(role)
    if title is not None:
        w.add(post, RDFS.label, Literal(f"{title.en}", lang="en"))
    w.add(person, ORG.holds, post)
    key = f"{normalize_name(str(person).rsplit('/', 1)[-1])}-{post.rsplit('/', 1)[-1]}-{w.doc.id.split('_', 1)[0]}"
    tenure = w.node("tenure", key, GY.Tenure, lines)
    w.add(tenure, GY.official, person)
    w.add(tenure, GY.post, post)
    if isinstance(when, date):
        w.add(tenure, GY.asOf, w.date(when))
    elif when:
        w.add(tenure, GY.asOf, w.year(when))
    return post


@extractor("NEAR officials", applies=is_near_document)
def extract_officials(w: FactWriter) -> int:
    """Every person named with a role: governors, mayors, ambassadors, the secretariat's staff."""
    year = report_year(w.doc)
    stream = Stream.of(w.doc)
    found = []
    for start, _, sentence in stream.sentences():
        when = month_day(sentence, year) if year else None
        for name, alt, place, role, a, b in _statements(w, sentence):
            found.append((name, alt, place, role, stream.span(start + a, start + b), when or year))
    full = _full_names([(name, place.id) for name, _, place, *_ in found])
    seen: set[tuple[str, str, str]] = set()
    count = 0
    for name, alt, place, role, lines, when in found:
        name = full.get((name, place.id), name)
        key = (normalize_name(name), place.id, role)
        if key in seen:
            continue
        seen.add(key)
        person = official(w, name, alt, lines)
        hold(w, person, w.entity(place), place.name_ko, role, lines, when)
        count += 1
    count += extract_role_lists(w, seen) + extract_staff(w, seen) + extract_signatures(w, seen)
    if count:
        w.report.summary("officials", f"{w.doc.id}: {count} person–post statements")
    return count


def _full_names(pairs: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """A one-word name used for the same place as a longer name containing it is that person:
    ``두드니크`` → ``두드니크 옥사나``, ``니콜라예프`` → ``니콜라예프 아이센``."""
    longer = [(n, p) for n, p in pairs if len(n.split()) > 1]
    out = {}
    for name, place in pairs:
        if len(name.split()) == 1:
            matches = {n for n, p in longer if p == place and name in n.split()}
            if len(matches) == 1:
                out[(name, place)] = matches.pop()
    return out


def _statements(w: FactWriter, s: str):
    """``(name, alt, place, role, start, end)`` for each recognised statement in sentence ``s``."""
    title = title_pattern()
    country = r"(?:(?:" + "|".join(COUNTRY_WORDS) + r")\s+)?"
    mentions = [m for m in w.registry.find_mentions(s) if m.entity.kind in ("region", "organization")
                and not (m.start > 0 and re.match(r"[가-힣]", s[m.start - 1]))]
    for m in mentions:
        if m.entity.id == "near" and not re.match(r"\s*(?:의장|사무총장)", s[m.end:]):
            continue
        after, before = s[m.end:], s[:m.start]
        a = re.match(rf"\s*(?:정부\s+)?(?P<unit>{_UNIT}){title}", after)
        n = re.search(rf"{NAME}\s+{country}$", before)
        if a and n and valid_name(n.group("name"), w.registry):
            yield _yield(w, n, m.entity, (a.group("unit") + a.group("title")).strip(), n.start(), m.end + a.end())
            continue
        b = re.match(rf"\s*(?P<unit>{_UNIT}){NAME}\s+{title}", after)
        if b and valid_name(b.group("name"), w.registry) and not _is_place(b.group("name").split()[0], w.registry):
            role = (b.group("unit") + b.group("title")).strip()
            yield _yield(w, b, m.entity, role, m.start, m.end + b.end())
            continue
        c = re.match(rf"\s*{title}\s+{NAME}(?=\s*(?:[,·(]|$|지사|\s*등))", after)
        if c and valid_name(c.group("name"), w.registry):
            yield _yield(w, c, m.entity, c.group("title"), m.start, m.end + c.end())
    yield from _diplomats(w, s)
    for k in re.finditer(rf"{NAME}\s+NEAR\s+사무총장{_END}", s):
        if valid_name(k.group("name"), w.registry):
            yield _yield(w, k, w.registry.get("near"), "사무총장", k.start(), k.end())


def _yield(w: FactWriter, m: re.Match[str], place: Entity, role: str, a: int, b: int):
    name = clean_name(m.group("name"), w.registry) or m.group("name")
    return name, m.groupdict().get("alt"), place, role, a + m.group("name").find(name.split()[0]), b


def _diplomats(w: FactWriter, s: str):
    """``진일표 주부산 중국 총영사``: the post is in the sending country."""
    for m in re.finditer(rf"{NAME}\s+{MISSION}(?P<title>대사|총영사|부총영사|영사){_END}", s):
        if not valid_name(m.group("name"), w.registry):
            continue
        mission = re.sub(r"\s+", " ", m.group("mission")).strip()
        glued = next((c for c in sorted(COUNTRY_WORDS, key=len, reverse=True) if mission.endswith(c)), "")
        code = COUNTRY_WORDS[glued] if glued else ("KR" if len(mission.split()) == 1 else "")
        if code and code in w.registry.entities:
            yield _yield(w, m, w.registry.get(code), f"{mission} {m.group('title')}", m.start(), m.end())


def extract_role_lists(w: FactWriter, seen: set) -> int:
    """``•국제관계대사:  정해관(대구), 박선철(광주), …`` — a title, then names with their place in brackets."""
    year = report_year(w.doc)
    count = 0
    stream = Stream.of(w.doc)
    items = r"(?P<items>(?:[가-힣]{2,4}\([^)]{1,6}\)\s*,?\s*)+)"
    for m in re.finditer(rf"(?P<title>국제관계대사|[가-힣]{{2,8}}대사)\s*:\s*{items}", stream.text):
        for item in re.finditer(r"(?P<name>[가-힣]{2,4})\((?P<place>[^)]{1,6})\)", m.group("items")):
            a = m.start("items") + item.start()
            lines = stream.span(a, a + len(item.group(0)))
            r = resolve_in_context(w, item.group("place"), lines, prefer_upper=True)
            key = (item.group("name"), r.entity.id if r.entity else "", m.group("title"))
            if r.entity is None or key in seen:
                continue
            seen.add(key)
            person = official(w, item.group("name"), None, lines)
            hold(w, person, w.entity(r.entity), r.entity.name_ko, m.group("title"), lines, year)
            count += 1
    return count


def extract_staff(w: FactWriter, seen: set) -> int:
    """The secretariat's staff list: a title line (``기획홍보부장(경상북도)``) followed by a name line."""
    rows = list(nonblank(w.doc))
    year = report_year(w.doc)
    starts = [i for i, (_, line) in enumerate(rows) if re.match(r"^\d+\.\s*사무국\s*직원", line)]
    count = 0
    secretariat = w.registry.get("near-secretariat")
    for i in starts:
        j = i + 1
        while j + 1 < len(rows):
            (n1, role_line), (n2, name_line) = rows[j], rows[j + 1]
            role_m = re.match(rf"^(?P<role>[가-힣A-Za-z]+?(?:{'|'.join(titles())}))(?:\((?P<from>[^)]+)\))?$",
                              role_line.replace(" ", ""))
            if not role_m or not re.match(r"^[가-힣 ]{2,20}$", name_line):
                break
            name = collapse_spaced(name_line)
            person = official(w, name, None, (n1, n2))
            hold(w, person, w.entity(secretariat), secretariat.name_ko, role_m.group("role"), (n1, n2), year)
            seen.add((normalize_name(name), secretariat.id, role_m.group("role")))
            if role_m.group("from"):
                r = resolve_in_context(w, role_m.group("from"), n1, report=False)
                if r.entity is not None:
                    w.add(person, GY.seconded, r.entity.iri)
            count += 1
            j += 2
    return count


def extract_signatures(w: FactWriter, seen: set) -> int:
    """Signature lines: ``동북아시아지방정부연합 의장(랴오닝성 성장) 리 러 청``, ``포항시장   이 강 덕``."""
    year = report_year(w.doc)
    count = 0
    for n, line in nonblank(w.doc):
        m = re.match(r"^(?P<pre>\S.*?)\s{2,}(?P<name>(?:[가-힣]\s){1,3}[가-힣])$", line)
        if not m:
            continue
        name = collapse_spaced(m.group("name"))
        for place, role in _signature_posts(w, m.group("pre")):
            key = (normalize_name(name), place.id, role)
            if key in seen:
                continue
            seen.add(key)
            hold(w, official(w, name, None, n), w.entity(place), place.name_ko, role, n, year)
            count += 1
    return count


def _signature_posts(w: FactWriter, pre: str) -> list[tuple[Entity, str]]:
    """``경상북도지사`` → (경상북도, 지사); ``NEAR 의장(랴오닝성 성장)`` → (NEAR, 의장), (랴오닝성, 성장)."""
    out: list[tuple[Entity, str]] = []
    for part in [re.sub(r"\(.*\)", "", pre), *re.findall(r"\(([^)]*)\)", pre)]:
        part = part.strip()
        m = re.match(rf"^(?P<org>.+?)\s*(?P<title>{'|'.join(sorted(titles(), key=len, reverse=True))})$", part)
        if not m:
            continue
        for org_text, title in ((m.group("org"), m.group("title")), (m.group("org") + m.group("title")[0],
                                                                       m.group("title")[1:])):
            r = w.registry.resolve(org_text, kinds=("region", "organization"))
            if r.entity is not None and title in titles():
                out.append((r.entity, title))
                break
    return out
