"""Generate a synthetic corpus N times the size of the seed corpus, for the scale study (fixed seed).

Usage: ``.venv/bin/python bench/generate_corpus.py --scale 10 --out DIR [--seed 13]``

The output is a corpus directory ``gyoryu build --corpus DIR`` reads: ``.txt`` documents plus a
``manifest.tsv``, until the text reaches ``scale`` × the characters of the embedded corpus. Three
document shapes follow the real ones, mixed about as the seeds are:

- **agreement tables** (like the Seoul council's appendix): ``연번 / 기관명 / 체결일자 / 주요 협력 분야``
  rows with merged-cell continuation rows, spaced-out names and ``*`` marks;
- **NEAR-like reports**: meeting overview, members by country, sub-committees with coordinator
  regions, attending officials with posts;
- **news sentences**: agreements signed between two regions on a date, fields, quoted officials.

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
SHAPES = (("agreements", 0.35), ("near", 0.35), ("news", 0.30))


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
        self.fields = [w for r in read_tsv("field_areas.tsv") for w in r["keywords"].split("|") if len(w) > 1
                       and w.isascii() is False]
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

    def some_fields(self, low: int = 2, high: int = 5) -> list[str]:
        return self.rng.sample(self.fields, self.rng.randint(low, high))

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


def agreements(v: Vocabulary, n: int) -> tuple[str, str, str]:
    rng, host = v.rng, v.region(world=0.0)
    lines = [f"{host} 국내 자매·우호도시 교류 현황", "",
             f"□ {josa(host, '은/는')} 아래와 같이 지방정부와 교류협약을 체결하고 있음", "",
             "연번\t기관명\t체결일자\t주 요 협 력 분 야"]
    for row in range(1, rng.randint(15, 60)):
        y, m, d = v.date()
        partner = spaced(v.region(0.1, other_than=host), rng)
        cells = [str(row), partner, f"'{y % 100:02d}.{m:02d}.{d:02d}", ", ".join(v.some_fields())]
        lines.append("\t".join(cells))
        if rng.random() < 0.2:  # a second agreement with the same partner: a merged-cell continuation row
            y2 = min(y + rng.randint(1, 8), 2025)
            lines.append(f"\t\t'{y2 % 100:02d}.{m:02d}.{d:02d}\t{', '.join(v.some_fields())}")
    lines += ["", f"※ 자료: {host} 대외협력과({v.date()[0]}년 기준)"]
    return f"{host} 자매·우호도시 협약 현황 {n}", f"{host}의회", "\n".join(lines)


def near(v: Vocabulary, n: int) -> tuple[str, str, str]:
    rng = v.rng
    y, m, d = v.date()
    host = v.region(world=1.0)
    lines = [f"동북아시아지방정부연합(NEAR) 제{rng.randint(1, 30)}차 분과위원회 회의 결과보고", "", "1. 회의 개요", "",
             f"  ❍ 일    시 : {y}. {m}. {d}.", f"  ❍ 장    소 : {host}", f"  ❍ 주    최 : {host} 외사판공실", "",
             "2. 참석자", ""]
    for _ in range(rng.randint(4, 12)):
        lines.append(f"  - {v.person()} {rng.choice(v.titles)}({v.region(world=0.6)})")
    lines += ["", "3. 회원 현황", ""]
    for country in ("한국", "중국", "일본", "러시아", "몽골"):
        members = sorted({v.region(world=0.8) for _ in range(rng.randint(3, 9))})
        lines.append(f"{country}({len(members)}): {', '.join(members)}")
    lines += ["", "4. 분과위원회 및 코디네이터", "", "분과위원회\t코디네이터\t설치연도"]
    for sub in rng.sample(v.subcommittees, min(len(v.subcommittees), rng.randint(4, 10))):
        lines.append(f"{sub}\t{v.region(world=0.6)}\t{rng.randint(1996, 2024)}")
    lines += ["", "5. 주요 논의 내용", ""]
    for _ in range(rng.randint(4, 10)):
        a = v.region(0.7)
        b = v.region(0.7, other_than=a)
        fields = ", ".join(v.some_fields(1, 3))
        lines.append(f"  ❍ {josa(a, '와/과')} {josa(b, '은/는')} {fields} 분야의 공동사업을 "
                     f"{y + 1}년까지 추진하기로 합의함")
    return f"NEAR 분과위원회 회의 결과보고 {n}", "NEAR 사무국", "\n".join(lines)


def news(v: Vocabulary, n: int) -> tuple[str, str, str]:
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


def generate(scale: float, out: Path, seed: int = 13) -> dict[str, int]:
    """Write the corpus into ``out``; counts of documents and characters."""
    rng = random.Random(seed)
    vocab = Vocabulary(rng)
    target = scale * sum(len(p.read_text(encoding="utf-8")) for p in SEED_CORPUS.glob("*.txt"))
    makers = {"agreements": agreements, "near": near, "news": news}
    out.mkdir(parents=True, exist_ok=True)
    rows, chars = [["file", "title_ko", "title_en", "publisher", "date", "kind"]], 0
    while chars < target:
        n = len(rows)
        shape = rng.choices([s for s, _ in SHAPES], [w for _, w in SHAPES])[0]
        title, publisher, text = makers[shape](vocab, n)
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
