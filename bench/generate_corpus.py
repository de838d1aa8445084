"""Generate a synthetic corpus N times the size of the seed corpus, for the scale study (fixed seed).

Usage: ``.venv/bin/python bench/generate_corpus.py --scale 10 --out DIR [--seed 13]``

The output is a corpus directory ``gyoryu build --corpus DIR`` reads: ``.txt`` documents plus a
``manifest.tsv``, until the text reaches ``scale`` × the characters of the embedded corpus. Four
document shapes follow the real ones, mixed about as the seeds are:

- **agreement tables** (like the Seoul council's appendix): ``연번 / 기관명 / 체결일자 / 주요 협력 분야``
  rows with merged-cell continuation rows, spaced-out names and ``*`` marks; one table in
  :data:`SEOUL_EVERY` (the first one too) is **Seoul's** own, as the seeds' appendix is: Korean partners only,
  fields of the areas that appendix lists (:data:`SEOUL_AREAS`), so the README's Seoul questions have answers;
- **NEAR reports**, one per year counting back from :data:`LATEST_REPORT`: meeting overview, attending officials
  with posts, members listed under ``중국(6)``-style country lines, the sub-committee table of the annual
  report (``분과위원회 / 코디네이터 / 구성연도 / 개최횟수``, coordinators written with their country);
- **news sentences**: agreements signed between two regions on a date, fields, quoted officials;
- **programme status reports**: the runner, total budget and achievement rate, then one outline per
  sub-programme (``추진지역 / 교류분야 / 예산소요 / 협업부서``).

The first documents are one of each shape (so even a small corpus has every shape; the README's questions
each answer on it, ``tests/bench/test_generate_corpus.py``); the rest are drawn by weight. A larger scale
writes the same first documents, so a question answered at one scale is answered at every larger one.

Partners are drawn from the registry (``graph/data/regions_*.tsv``), about a fifth are new invented
regions (``하령군``, ``서진시`` …) the registry does not know; officials are new names with posts from
``graph/data/titles.tsv``; fields are words of ``graph/data/field_areas.tsv``. The same seed and scale
give the same files.
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "graph" / "data"
SEED_CORPUS = ROOT / "corpus"
SURNAMES = ("김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허남심노하곽성차주우구민"
            "유나진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용")
GIVEN = "민서준지현우영수진호성은혜경태희재원동상정연하윤승미선주혁철숙순종석근용기"
PLACE = "하서진도청평화강송운월명산남북동봉안양광덕천성무"
SHAPES = (("agreements", 0.33), ("near", 0.30), ("news", 0.27), ("programmes", 0.10))
SEOUL = "서울특별시"
#: One agreement table in this many (the first one too) is Seoul's.
SEOUL_EVERY = 5
#: The field areas (``field_areas.tsv`` ids) of Seoul's tables: its domestic exchanges with rural counties.
SEOUL_AREAS = ("farm", "rural", "tourism", "youth", "culture", "urban")
#: The year of the first NEAR report; the next ones go back a year each, to NEAR's founding year, then again.
LATEST_REPORT = 2024
NEAR_FOUNDED = 1996
#: How NEAR documents write each member country, and the registry's code for it.
NEAR_COUNTRIES = (("한국", "KR"), ("중국", "CN"), ("일본", "JP"), ("러시아", "RU"), ("몽골", "MN"))


def known(name: str) -> bool:
    """Whether the registry resolves ``name`` (exactly or by its fuzzy match): an invented region must be new.

    ``천운시`` resolves to 천안시, so a table of 천안시 listing it as a partner would state an agreement of
    천안시 with itself.
    """
    import sys

    sys.path.insert(0, str(ROOT))
    from graph.registry import Registry

    return Registry.default().resolve(name).entity is not None


def read_tsv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


class Vocabulary:
    """Names and words the documents are made of, from the registry plus invented regions and people."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.korean = [r["name_ko"] for r in read_tsv("regions_kr.tsv")]
        self.world = [r["name_ko"] for r in read_tsv("regions_world.tsv")]
        self.area_fields = {r["id"]: [w for w in r["keywords"].split("|") if len(w) > 1 and not w.isascii()]
                            for r in read_tsv("field_areas.tsv")}
        self.fields = [w for words in self.area_fields.values() for w in words]
        self.by_country: dict[str, list[str]] = {}
        for r in read_tsv("regions_kr.tsv") + read_tsv("regions_world.tsv"):
            if r["country"] != "KR" or r["level"] == "광역":  # NEAR's Korean members are provinces
                self.by_country.setdefault(r["country"], []).append(r["name_ko"])
        self.titles = [r["title_ko"] for r in read_tsv("titles.tsv")]
        self.subcommittees = [r.get("name_ko") or next(iter(r.values())) for r in read_tsv("subcommittees.tsv")]
        invented = {rng.choice(PLACE) + rng.choice(PLACE) + rng.choice("시군") for _ in range(400)}
        self.invented = sorted(name for name in invented if not known(name))

    def region(self, world: float = 0.3, other_than: str = "") -> str:
        """A registry region (Korean or, with probability ``world``, abroad) or, one time in five, a new one.

        Never ``other_than`` nor a name sharing its last word (a host never agrees with itself).
        """
        while True:
            abroad = self.rng.random() < world
            name = self.rng.choice(self.invented if self.rng.random() < 0.2 else self.world if abroad else self.korean)
            if not other_than or (name not in other_than and other_than.split()[-1] not in name):
                return name

    def person(self) -> str:
        return self.rng.choice(SURNAMES) + self.rng.choice(GIVEN) + self.rng.choice(GIVEN)

    def some_fields(self, low: int = 2, high: int = 5, areas: tuple[str, ...] = ()) -> list[str]:
        """Field words, of ``areas`` only when given."""
        words = [w for a in areas for w in self.area_fields[a]] if areas else self.fields
        return self.rng.sample(words, self.rng.randint(low, high))

    def date(self) -> tuple[int, int, int]:
        return self.rng.randint(1995, 2025), self.rng.randint(1, 12), self.rng.randint(1, 28)


def josa(word: str, pair: str) -> str:
    """``word`` with the particle of ``pair`` ("은/는", "와/과", "이/가") that fits its last syllable."""
    last = word.rstrip(" *")[-1]
    closed = "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 != 0
    first, second = pair.split("/")
    with_batchim = first if pair in ("은/는", "이/가") else second
    without = second if pair in ("은/는", "이/가") else first
    return word + (with_batchim if closed else without)


def spaced(name: str, rng: random.Random) -> str:
    """Names as scanned tables print them: sometimes spaced out, sometimes marked with ``*``."""
    if rng.random() < 0.15:
        name = " ".join(name)
    return name + (" *" if rng.random() < 0.3 else "")


def agreements(v: Vocabulary, n: int, k: int) -> tuple[str, str, str]:
    """The ``k``-th agreement table (document ``n``): Seoul's for every :data:`SEOUL_EVERY`-th, longer, with
    Korean partners and fields of :data:`SEOUL_AREAS` as the seeds' appendix."""
    rng = v.rng
    seoul = k % SEOUL_EVERY == 0
    host = SEOUL if seoul else v.region(world=0.0)
    world, areas, rows = (0.0, SEOUL_AREAS, (50, 90)) if seoul else (0.1, (), (15, 60))
    lines = [f"{host} 국내 자매·우호도시 교류 현황", "",
             f"□ {josa(host, '은/는')} 아래와 같이 지방정부와 교류협약을 체결하고 있음", "",
             "연번\t기관명\t체결일자\t주 요 협 력 분 야"]
    for row in range(1, rng.randint(*rows)):
        y, m, d = v.date()
        partner = spaced(v.region(world, other_than=host), rng)
        cells = [str(row), partner, f"'{y % 100:02d}.{m:02d}.{d:02d}", ", ".join(v.some_fields(areas=areas))]
        lines.append("\t".join(cells))
        if rng.random() < 0.2:  # a second agreement with the same partner: a merged-cell continuation row
            y2 = min(y + rng.randint(1, 8), 2025)
            lines.append(f"\t\t'{y2 % 100:02d}.{m:02d}.{d:02d}\t{', '.join(v.some_fields(areas=areas))}")
    lines += ["", f"※ 자료: {host} 대외협력과({v.date()[0]}년 기준)"]
    return f"{host} 자매·우호도시 협약 현황 {n}", f"{host}의회", "\n".join(lines)


def near(v: Vocabulary, n: int, k: int) -> tuple[str, str, str]:
    """The ``k``-th NEAR report (document ``n``), for the year :data:`LATEST_REPORT` − ``k`` (cycling back to
    :data:`NEAR_FOUNDED`)."""
    rng = v.rng
    y, m, d = LATEST_REPORT - k % (LATEST_REPORT - NEAR_FOUNDED + 1), rng.randint(1, 12), rng.randint(1, 28)
    host = v.region(world=1.0)
    title = f"동북아시아지방정부연합(NEAR) {y} 분과위원회 회의 결과보고"
    lines = [title, "", "1. 회의 개요", "",
             f"  ❍ 일    시 : {y}. {m}. {d}.", f"  ❍ 장    소 : {host}", f"  ❍ 주    최 : {host} 외사판공실", "",
             "2. 참석자", ""]
    for _ in range(rng.randint(4, 12)):
        lines.append(f"  - {v.person()} {rng.choice(v.titles)}({v.region(world=0.6)})")
    lines += ["", "3. 회원 현황", ""]
    for country, code in NEAR_COUNTRIES:
        members = sorted(set(rng.sample(v.by_country[code], min(len(v.by_country[code]), rng.randint(3, 9)))))
        lines += [f"{country}({len(members)})", ", ".join(members), ""]
    lines += ["4. 분과위원회 및 코디네이터", "", "분과위원회\t코디네이터\t구성연도\t개최횟수\t주요 사업"]
    for sub in rng.sample(v.subcommittees, min(len(v.subcommittees), rng.randint(4, 10))):
        country, code = rng.choice(NEAR_COUNTRIES)
        coordinator = f"{'대한민국' if code == 'KR' else country} {rng.choice(v.by_country[code])}"
        founded, meetings = rng.randint(NEAR_FOUNDED, y), rng.randint(1, 20)
        fields = ", ".join(v.some_fields(1, 3))
        lines.append(f"{sub.replace(' ', '')}\t{coordinator}\t{founded}년\t{meetings}회\t{fields}")
    lines += ["", "5. 주요 논의 내용", ""]
    for _ in range(rng.randint(4, 10)):
        a = v.region(0.7)
        b = v.region(0.7, other_than=a)
        fields = ", ".join(v.some_fields(1, 3))
        lines.append(f"  ❍ {josa(a, '와/과')} {josa(b, '은/는')} {fields} 분야의 공동사업을 "
                     f"{y + 1}년까지 추진하기로 합의함")
    return title, "NEAR 사무국", "\n".join(lines)


def news(v: Vocabulary, n: int, k: int) -> tuple[str, str, str]:
    rng = v.rng
    lines = []
    for _ in range(rng.randint(8, 25)):
        a = v.region(0.1)
        b = v.region(0.5, other_than=a)
        y, m, d = v.date()
        head, title = v.person(), rng.choice(v.titles)
        fields = v.some_fields(2, 4)
        listed = f"{', '.join(fields[:-1])} 및 {fields[-1]}"
        lines += [f"{josa(a, '은/는')} {y}년 {m}월 {d}일 {josa(b, '와/과')} {listed} 분야의 "
                  "우호교류 협약을 체결했다고 밝혔다.",
                  f"이번 협약에 따라 두 지역은 {rng.choice(fields)} 교류를 정례화하고 "
                  f"{rng.choice(v.fields)} 협력을 확대할 계획이다.",
                  f"{head} {josa(title, '은/는')} \"{josa(b, '와/과')}의 협력이 지역 발전의 "
                  "새로운 계기가 될 것\"이라고 말했다.", ""]
    return f"지방정부 국제교류 소식 모음 {n}", "지역 언론 보도", "\n".join(lines)


def programmes(v: Vocabulary, n: int, k: int) -> tuple[str, str, str]:
    """A programme status report (document ``n``): runner, budget, rate, one outline per sub-programme."""
    rng, host = v.rng, v.region(world=0.0)
    title = f"{host} 국제교류 사업 추진현황 {n}"
    subs = []
    for _ in range(rng.randint(3, 6)):
        partner, fields = v.region(0.5, other_than=host), v.some_fields(1, 2)
        subs.append((f"{partner} {fields[0]} 교류", partner, ", ".join(fields), rng.randint(5, 300)))
    total, rate = sum(budget for *_, budget in subs), rng.randint(40, 100)
    lines = [title, "", f"사업주체\t{host}\t총사업비\t{total:,}백만원\t이행률\t{rate}%", "", "□ 세부 사업", ""]
    for name, partner, fields, budget in subs:
        lines += [f"○ {name}", f"- 추진지역: {partner}", f"- 교류분야: {fields}", f"- 예산소요: {budget}백만원",
                  f"- 협업부서: {rng.choice(('대외협력과', '문화관광과', '농업정책과', '교육지원과'))}", ""]
    return title, f"{host} 대외협력과", "\n".join(lines)


def generate(scale: float, out: Path, seed: int = 13) -> dict[str, int]:
    """Write the corpus into ``out``; counts of documents and characters."""
    rng = random.Random(seed)
    vocab = Vocabulary(rng)
    target = scale * sum(len(p.read_text(encoding="utf-8")) for p in SEED_CORPUS.glob("*.txt"))
    makers = {"agreements": agreements, "near": near, "news": news, "programmes": programmes}
    made = dict.fromkeys(makers, 0)
    out.mkdir(parents=True, exist_ok=True)
    rows, chars = [["file", "title_ko", "title_en", "publisher", "date", "kind"]], 0
    while chars < target:
        n = len(rows)
        first = [s for s, _ in SHAPES if not made[s]]  # one of each shape first
        shape = first[0] if first else rng.choices([s for s, _ in SHAPES], [w for _, w in SHAPES])[0]
        title, publisher, text = makers[shape](vocab, n, made[shape])
        made[shape] += 1
        name = f"g{n:06d}_{shape}.txt"
        (out / name).write_text(text + "\n", encoding="utf-8")
        y, m, _ = vocab.date()
        rows.append([name, title, f"synthetic {shape} {n}", publisher, f"{y}-{m:02d}", f"synthetic {shape}"])
        chars += len(text) + 1
    with (out / "manifest.tsv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter="\t", lineterminator="\n").writerows(rows)
    return {"documents": len(rows) - 1, "characters": chars}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, required=True, help="size as a multiple of the seed corpus")
    parser.add_argument("--out", type=Path, required=True, help="corpus directory to write")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    print(generate(args.scale, args.out, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
