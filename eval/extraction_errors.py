"""Why the general readers miss or get wrong the judged facts of a TUNE half: counts per cause, with examples.

Usage::

    python eval/extraction_errors.py DIR [DIR …] [--split tune] [--examples N] [--json]

Each ``DIR`` is a judged set in the format of ``eval/extraction`` (``docs/`` + ``judgements.jsonl``). Only the
documents of the ``tune`` split are read and extracted; any other split is refused (held-out documents are never
opened, not even for counts). Every tune document is extracted alone, as ``gyoryu eval --extraction`` does
(:func:`graph.extraction_eval.score_document`), and every missed and every wrong agreement and official gets one
cause:

agreements missed
    ``date precision`` (the pair is there at another precision), ``date wrong`` (the pair is there with another
    date), ``renewal confusion`` (the judged pair signs more than once and another signing stands for this one),
    ``signing taken as plan`` (an intent of the pair), ``wrong subject`` (the foreign side and the date are
    there, but with another home party), ``party resolved elsewhere`` / ``party minted with another
    label`` / ``party minted in another country`` (the home side and the date are there with another partner),
    ``party unresolved`` / ``homograph unsettled`` (the build reports the name on the judged lines),
    ``date missing`` (a signing reported without a date there), ``own sub-unit`` (a region and its own city),
    ``other fact on the line`` (a fact of other parties and date cites the judged lines), ``no candidate on the
    judged lines``.
agreements wrong
    ``plan taken as signing`` (a judged intent), ``duplicate`` (a judged pair already found, another date),
    ``date wrong`` / ``date precision`` (the judged pair, missed, under another date), ``judged not a fact:
    NOTE`` (its lines are a judged non-fact), ``wrong subject`` / ``party wrong`` (a judged signing's date and one
    side), ``spurious``.
officials
    missed: ``role differs`` (the name with another role), ``person missed``; wrong: ``role differs``, ``judged not
    a fact: NOTE``, ``spurious person``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from graph.build import build_graph  # noqa: E402
from graph.extraction_eval import (  # noqa: E402
    JUDGEMENTS,
    _name_key,
    describe_judged,
    gold_officials,
    judged_party_keys,
    load_jsonl,
    predicted_officials,
    read_document,
)
from graph.registry import Registry  # noqa: E402
from ontology.namespaces import GY, PROV, RDF, RDFS  # noqa: E402

#: The only split whose documents this tool reads.
TUNE = "tune"


@dataclass
class Stated:
    """A pair of parties with a date, on some lines: party keys (as the scorer keys them) and labels."""

    parties: tuple[str, str]
    labels: tuple[str, str]
    date: str
    lines: frozenset[int]


@dataclass
class Fact(Stated):
    """An agreement or intent of a built document graph (``minted``: which party a reader minted)."""

    intent: bool = False
    minted: tuple[bool, bool] = (False, False)


@dataclass
class Gold(Stated):
    """A judged agreement (or intent), with the countries and registry ids the judgement gives."""

    countries: tuple[str, str] = ("", "")
    ids: tuple[str | None, str | None] = (None, None)
    renewal: bool = False
    text: str = ""


@dataclass
class Finding:
    """One missed or wrong fact and its cause."""

    kind: str  # agreement missed | agreement wrong | official missed | official wrong
    cause: str
    doc: str
    text: str
    set_name: str = ""


class Taxonomy(list):
    """Findings over every tune document read (``documents``: how many)."""

    documents = 0

    def __init__(self) -> None:
        super().__init__()
        self.totals: Counter = Counter()  # judged / predicted / correct / found agreements and officials

    def counts(self) -> dict[str, Counter]:
        """Cause counts per kind."""
        out: dict[str, Counter] = defaultdict(Counter)
        for f in self:
            out[f.kind][f.cause] += 1
        return out


def _lines_of(dataset, node) -> frozenset[int]:
    lines: set[int] = set()
    for span in dataset.objects(node, PROV.wasDerivedFrom):
        start, end = dataset.value(span, GY.lineStart), dataset.value(span, GY.lineEnd)
        if start is not None and end is not None:
            lines.update(range(int(start), int(end) + 1))
    return frozenset(lines)


def _label(dataset, iri) -> str:
    labels = [lab for lab in dataset.objects(iri, RDFS.label) if getattr(lab, "language", None) in ("ko", None)]
    return str(labels[0]) if labels else str(iri).rsplit("/", 1)[-1]


def built_facts(dataset) -> list[Fact]:
    """Every agreement and intent of a built dataset (``default_union`` on) with two parties."""
    out = []
    for rdf_type, intent in ((GY.Agreement, False), (GY.AgreementIntent, True)):
        for node in sorted(set(dataset.subjects(RDF.type, rdf_type)), key=str):
            parties = sorted(set(dataset.objects(node, GY.party)), key=str)
            if len(parties) != 2:
                continue
            date = dataset.value(node, GY.statedDate if intent else GY.signedOn)
            keys = tuple(str(p).rsplit("/", 1)[-1] for p in parties)
            minted = tuple((p, GY.extractionMethod, None) in dataset for p in parties)
            out.append(Fact((keys[0], keys[1]), (_label(dataset, parties[0]), _label(dataset, parties[1])),
                            str(date) if date is not None else "", _lines_of(dataset, node), intent,
                            (minted[0], minted[1])))
    return out


def judged_facts(rows: list[dict]) -> list[Gold]:
    """The judged agreements (or intents) of one document, keyed as :func:`graph.extraction_eval.gold_agreements`."""
    out = []
    for a in rows:
        ids = tuple(a.get("party_ids") or [None, None])
        countries = tuple(c or "" for c in (a.get("countries") or [None, None]))
        keys = judged_party_keys(a)
        order = sorted(range(2), key=lambda i: keys[i])
        lines = {a.get("line") or 0, *a.get("lines", []), *a.get("also_lines", [])} - {0}
        out.append(Gold(tuple(keys[i] for i in order), tuple(a["parties"][i] for i in order), a["date"],
                        frozenset(lines), tuple(countries[i] for i in order), tuple(ids[i] for i in order),
                        bool(a.get("renewal")), describe_judged(a)))
    return out


def _related_dates(a: str, b: str) -> bool:
    """One date contains the other at a coarser precision (``2019`` and ``2019-05-24``)."""
    return a != b and (a.startswith(b) or b.startswith(a))


def _describe(f: Fact) -> str:
    where = f"lines {min(f.lines)}-{max(f.lines)}" if f.lines else "no lines"
    return f"{' – '.join(f.labels)} {f.date or '(undated)'} ({where})"


def _issues_on(report, lines: frozenset[int]) -> list:
    return [i for i in report.issues if i.line in lines]


def missed_cause(g: Gold, golds: list[Gold], facts: list[Fact], report, subject: str | None) -> tuple[str, str]:
    """The cause of a missed judged agreement, and what the build made instead (a short note)."""
    signings = [f for f in facts if not f.intent]
    same_pair = sorted((f for f in signings if set(f.parties) == set(g.parties)), key=lambda f: f.date)
    if same_pair:
        other = [x for x in golds if set(x.parties) == set(g.parties) and x.date != g.date]
        made = "; ".join(_describe(f) for f in same_pair)
        if any(_related_dates(f.date, g.date) for f in same_pair):
            return "date precision", made
        if other or g.renewal:
            return "renewal confusion", made
        return "date wrong", made
    intents = [f for f in facts if f.intent and set(f.parties) == set(g.parties)]
    if intents:
        return "signing taken as plan", "; ".join(_describe(f) for f in intents)
    for f in sorted(signings, key=lambda f: (f.date, f.parties)):
        shared = set(f.parties) & set(g.parties)
        if len(shared) != 1 or not (f.date == g.date or f.lines & g.lines):
            continue
        kept = shared.pop()
        lost = next(p for p in g.parties if p != kept)
        made = _describe(f)
        if subject and lost == subject:
            return "wrong subject", made
        i = g.parties.index(lost)
        j = 1 - f.parties.index(kept)
        if g.ids[i] is None and f.minted[j]:
            country = f.parties[j].split("-", 1)[0]
            if country != (g.countries[i] or "").lower():
                return "party minted in another country", made
            return "party minted with another label", made
        return "party resolved elsewhere", made
    issues = _issues_on(report, g.lines)
    for kind, cause in (("unresolved", "party unresolved"), ("ambiguous", "homograph unsettled")):
        found = [i for i in issues if i.kind == kind]
        if found:
            return cause, "; ".join(f"{i.text!r}: {i.detail}" for i in found[:3])
    for words, cause in (("without a date", "date missing"), ("own sub-unit", "own sub-unit")):
        found = [i for i in issues if words in i.detail]
        if found:
            return cause, "; ".join(f"{i.text!r}: {i.detail}" for i in found[:3])
    on_line = sorted((f for f in facts if f.lines & g.lines), key=lambda f: (f.date, f.parties))
    if on_line:
        return "other fact on the line", "; ".join(_describe(f) for f in on_line[:3])
    return "no candidate on the judged lines", "; ".join(f"{i.kind} {i.text!r}: {i.detail}" for i in issues[:3])


def wrong_cause(f: Fact, golds: list[Gold], intents: list[Gold], found: set[tuple], not_facts: list[dict],
                subject: str | None) -> str:
    """The cause of a written agreement no judgement names."""
    if any(set(x.parties) == set(f.parties) for x in intents):
        return "plan taken as signing"
    pair = [x for x in golds if set(x.parties) == set(f.parties)]
    if pair:
        if any((x.parties, x.date) in found for x in pair) and all((x.parties, x.date) in found for x in pair):
            return "duplicate (pair found, another date)"
        return "date precision" if any(_related_dates(f.date, x.date) for x in pair) else "date wrong"
    for nf in not_facts:
        if nf.get("line") in f.lines:
            note = re.sub(r"\s+", " ", str(nf.get("note", ""))).strip()[:60]
            return f"judged not a fact: {note}"
    for x in golds:
        shared = set(f.parties) & set(x.parties)
        if len(shared) == 1 and (f.date == x.date or f.lines & x.lines):
            lost = next(p for p in x.parties if p not in shared)
            return "wrong subject" if subject and lost == subject else "party wrong"
    return "spurious"


def official_findings(judged: dict, dataset) -> list[tuple[str, str, str]]:
    """``(kind, cause, text)`` of every missed and wrong person-post of one document."""
    gold = gold_officials(judged.get("officials", []))
    keys = {p.key for p in predicted_officials(dataset)}
    accepted = set().union(*gold) if gold else set()
    gold_names = {n for g in gold for n, _ in g}
    not_facts = [_name_key(str(nf.get("quote", ""))) for nf in judged.get("not_facts", [])]
    out = []
    for o, g in zip(judged.get("officials", []), gold, strict=True):
        if not g & keys:
            roles = sorted(r for n, r in keys if n in {n for n, _ in g})
            cause = "role differs" if roles else "person missed"
            built = f" → {', '.join(roles)}" if roles else ""
            out.append(("official missed", cause, f"{o['name']} {o['role']} (line {o.get('line')}){built}"))
    for key in sorted(keys - accepted):
        name, role = key
        if name in gold_names:
            cause = "role differs"
        elif any(name and name in q for q in not_facts):
            cause = "judged not a fact"
        else:
            cause = "spurious person"
        out.append(("official wrong", cause, f"{name} {role}"))
    return out


def classify_document(judged: dict, directory: Path, registry: Registry, totals: Counter | None = None
                      ) -> list[Finding]:
    """Extract one tune document alone and classify every missed and wrong fact (``totals``: add the document's
    agreement figures, facts keyed as the scorer keys them)."""
    if judged.get("split") != TUNE:
        raise ValueError(f"refusing a {judged.get('split')!r} document: only the tune split is read")
    doc = read_document(directory / "docs" / judged["doc"])
    built = build_graph([doc], registry)
    built.dataset.default_union = True
    facts = built_facts(built.dataset)
    golds = judged_facts(judged.get("agreements", []))
    intents = judged_facts(judged.get("intents", []))
    subject = judged.get("subject_id")
    predicted = {(f.parties, f.date) for f in facts if not f.intent}
    found = {(g.parties, g.date) for g in golds if (g.parties, g.date) in predicted}
    lines = doc.lines
    if totals is not None:
        totals.update({"agreements judged": len({(g.parties, g.date) for g in golds}),
                       "agreements predicted": len(predicted), "agreements found": len(found),
                       "agreements correct": len(predicted & {(g.parties, g.date) for g in golds})})
    out = []
    for g in golds:
        if (g.parties, g.date) in found:
            continue
        cause, made = missed_cause(g, golds, facts, built.report, subject)
        quote = " / ".join(lines[n - 1].strip()[:100] for n in sorted(g.lines) if 0 < n <= len(lines))
        out.append(Finding("agreement missed", cause, judged["doc"],
                           f"{g.text}\n        line: {quote}" + (f"\n        built: {made}" if made else "")))
    gold_keys = {(g.parties, g.date) for g in golds}
    for f in facts:
        if f.intent or (f.parties, f.date) in gold_keys:
            continue
        cause = wrong_cause(f, golds, intents, found, judged.get("not_facts", []), subject)
        quote = " / ".join(lines[n - 1].strip()[:100] for n in sorted(f.lines)[:2] if 0 < n <= len(lines))
        out.append(Finding("agreement wrong", cause, judged["doc"], f"{_describe(f)}\n        line: {quote}"))
    for kind, cause, text in official_findings(judged, built.dataset):
        out.append(Finding(kind, cause, judged["doc"], text))
    return out


def tune_judgements(directory: Path, split: str = TUNE) -> list[dict]:
    """The judgements of the tune split of ``directory`` (any other split is refused)."""
    if split != TUNE:
        raise SystemExit(f"refused: split {split!r} — this tool reads the tune split only (held-out stays unread)")
    path = directory / JUDGEMENTS
    if not path.is_file():
        raise SystemExit(f"{directory}: no {JUDGEMENTS}")
    rows = [j for j in load_jsonl(path) if j.get("split") == TUNE]
    if not rows:
        raise SystemExit(f"refused: {directory} has no tune documents (a set held out whole is never read)")
    return rows


def run(directories: list[Path], registry: Registry | None = None) -> Taxonomy:
    """Classify the findings of the tune documents of every set."""
    registry = registry or Registry.default()
    result = Taxonomy()
    for directory in directories:
        for judged in tune_judgements(directory):
            for finding in classify_document(judged, directory, registry, result.totals):
                finding.set_name = directory.name
                result.append(finding)
            result.documents += 1
    return result


def format_taxonomy(result: Taxonomy, examples: int = 3) -> str:
    """Counts per kind and cause, each with up to ``examples`` examples."""
    t = result.totals
    lines = [f"{result.documents} tune documents; agreements: {t['agreements judged']} judged, "
             f"{t['agreements predicted']} predicted, {t['agreements correct']} right, {t['agreements found']} found"]
    counts = result.counts()
    for kind in ("agreement missed", "agreement wrong", "official missed", "official wrong"):
        per = counts.get(kind, Counter())
        lines.append(f"\n== {kind}: {sum(per.values())}")
        for cause, n in per.most_common():
            lines.append(f"  {n:4}  {cause}")
            chosen = [f for f in result if f.kind == kind and f.cause == cause][:examples]
            lines.extend(f"      {f.set_name}/{f.doc}: {f.text}" for f in chosen)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: sets to read, the split (tune only), examples per cause, JSON output."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directories", nargs="+", type=Path)
    parser.add_argument("--split", default=TUNE, help="only 'tune' is accepted")
    parser.add_argument("--examples", type=int, default=3, help="examples printed per cause (default 3)")
    parser.add_argument("--json", action="store_true", help="counts per kind and cause as JSON")
    args = parser.parse_args(argv)
    if args.split != TUNE:
        parser.error(f"refused: split {args.split!r} — only the tune split is read (held-out stays unread)")
    result = run(args.directories)
    if args.json:
        print(json.dumps({k: dict(v) for k, v in result.counts().items()}, ensure_ascii=False, indent=1))
    else:
        print(format_taxonomy(result, args.examples))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
