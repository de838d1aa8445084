"""Scoring the general readers against the judged set ``eval/extraction`` (``gyoryu eval --extraction``).

Each judged document is read through its file-format reader and extracted alone (every extractor,
then reconciliation). Agreements match on the unordered party pair (registry id when the judgement
has one, else country + name as a minted region is keyed) and the date at its stated precision; people
with posts match on name and role (accepting the judged variants). Precision and recall are reported
per split (``tune``, ``heldout``). Confidence is calibrated on the ``tune`` half only
(:func:`calibration_table`).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from corpus import Document
from corpus.formats import is_supported, plain_text, read_file
from graph.build import build_graph
from graph.readers.entities import minted_id
from graph.registry import DISTRICT_LEVEL, Registry, normalize_name
from ontology.namespaces import GY

EVAL_DIR = Path(__file__).resolve().parents[1] / "eval" / "extraction"
JUDGEMENTS = "judgements.jsonl"
NEAR_OFFICIALS = "near_officials.jsonl"
#: Kinds of NEAR person-posts the 0.9 recall target is set on.
NEAR_TARGET_KINDS = ("official", "diplomat", "legislator", "secretariat")
MAX_DOCUMENT_BYTES = 20 * 2**20
#: The split the readers are tuned on: the only one reported document by document.
TUNE = "tune"

_AGREEMENTS = """SELECT ?a ?p ?date ?confidence ?method WHERE {
  ?a a gy:Agreement ; gy:party ?p ; gy:signedOn ?date ; gy:extractionMethod ?method .
  OPTIONAL { ?a gy:confidence ?confidence } }"""
_OFFICIALS = """SELECT ?name ?role (MAX(?conf) AS ?confidence) (SAMPLE(?m) AS ?method) WHERE {
  ?t a gy:Tenure ; gy:official ?person ; gy:post ?post ; gy:extractionMethod ?m .
  ?person rdfs:label ?name . ?post gy:role ?role .
  OPTIONAL { ?t gy:confidence ?conf } } GROUP BY ?name ?role"""


@dataclass
class Predicted:
    """One extracted fact, keyed for matching, with its confidence and reader method."""

    key: tuple
    confidence: float
    method: str


@dataclass
class Score:
    """Counts of one kind of fact over a set of documents."""

    gold: int = 0
    predicted: int = 0
    correct_predicted: int = 0
    found_gold: int = 0

    @property
    def precision(self) -> float:
        """Share of predicted facts that are judged true (1.0 when nothing was predicted)."""
        return self.correct_predicted / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of judged facts that were extracted (1.0 when there were none)."""
        return self.found_gold / self.gold if self.gold else 1.0

    def add(self, other: Score) -> None:
        """Accumulate ``other``."""
        self.gold += other.gold
        self.predicted += other.predicted
        self.correct_predicted += other.correct_predicted
        self.found_gold += other.found_gold

    def as_dict(self) -> dict:
        """JSON-able figures."""
        return {"gold": self.gold, "predicted": self.predicted, "correct": self.correct_predicted,
                "found": self.found_gold, "precision": round(self.precision, 3), "recall": round(self.recall, 3)}


@dataclass
class DocumentResult:
    """Scores of one judged document, and what did not match (for the tune half's reading)."""

    doc: str
    split: str
    shape: str
    agreements: Score
    officials: Score
    predicted: list[Predicted] = field(default_factory=list)
    correct: list[bool] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    people: list[tuple[Predicted, bool]] = field(default_factory=list)


def read_document(path: Path) -> Document:
    """A judged file as the corpus sees it: the numbered lines its format reader gives (``.tsv``: plain text)."""
    extraction = read_file(path, MAX_DOCUMENT_BYTES) if is_supported(path) else plain_text.read(path)
    return Document(id=path.name, lines=extraction.lines, sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
                    title_ko=extraction.title)


def load_jsonl(path: Path) -> list[dict]:
    """One JSON object per non-empty line."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def party_key(label: str, party_id: str | None, country: str | None) -> str:
    """The registry id, or the id a minted region gets from its country and name. A Korean non-autonomous district
    judged without an id (the registry had none when the set was written) is keyed by the registry's id of it now
    (``kr-gyeonggi-yongin-giheung``, decision 0107): it is a registry region, never minted.

    >>> party_key("기흥구", None, "KR"), party_key("가나시", None, "JP"), party_key("서울특별시", "kr-seoul", "KR")
    ('kr-gyeonggi-yongin-giheung', 'jp-가나시', 'kr-seoul')
    """
    if party_id:
        return party_id
    if country == "KR":
        district = Registry.default().resolve(label, kinds=("region",)).entity
        if district is not None and district.level == DISTRICT_LEVEL:
            return district.id
    return minted_id(country or "", label)


def agreement_key(parties: tuple[str, str], date: str) -> tuple:
    """Unordered party pair + date as stated."""
    return (tuple(sorted(parties)), date)


def judged_party_keys(a: dict) -> tuple[str, str]:
    """The party keys of one judged agreement, in the judgement's order (see :func:`party_key`)."""
    ids = a.get("party_ids") or [None, None]
    countries = a.get("countries") or [None, None]
    first, second = (party_key(label, pid, c) for label, pid, c in zip(a["parties"], ids, countries, strict=True))
    return first, second


def describe_judged(a: dict) -> str:
    """A judged agreement in one line: parties, date and line."""
    return f"{' – '.join(a['parties'])} {a['date']} (line {a.get('line')})"


def gold_agreements(judged: dict) -> dict[tuple, str]:
    """Key → a short description of every judged agreement of one document."""
    return {agreement_key(judged_party_keys(a), a["date"]): describe_judged(a) for a in judged.get("agreements", [])}


def _name_key(name: str) -> str:
    return normalize_name(name)


def gold_officials(judged: list[dict]) -> list[set[tuple[str, str]]]:
    """For each judged person-post, the accepted ``(name, role)`` keys."""
    out = []
    for o in judged:
        names = {o["name"], *o.get("name_variants", [])}
        roles = {o["role"], *o.get("role_alternatives", []), o.get("role_as_written") or o["role"]}
        out.append({(_name_key(n), _name_key(r)) for n in names for r in roles})
    return out


def predicted_agreements(dataset, registry: Registry) -> list[Predicted]:
    """Every ``gy:Agreement`` of a built dataset, keyed like :func:`gold_agreements`."""
    rows: dict[str, dict] = defaultdict(lambda: {"parties": set()})
    for r in dataset.query(_AGREEMENTS, initNs={"gy": GY}):
        entry = rows[str(r.a)]
        entry["parties"].add(str(r.p).rsplit("/", 1)[-1])
        entry["date"], entry["method"] = str(r.date), str(r.method)
        entry["confidence"] = float(r.confidence) if r.confidence is not None else 1.0
    out = []
    for entry in rows.values():
        parties = sorted(entry["parties"])
        if len(parties) == 2:
            out.append(Predicted(agreement_key((parties[0], parties[1]), entry["date"]), entry["confidence"],
                                 entry["method"]))
    return out


def predicted_officials(dataset) -> list[Predicted]:
    """Every person-post stated by a tenure of a built dataset."""
    from ontology.namespaces import RDFS

    out = []
    for r in dataset.query(_OFFICIALS, initNs={"gy": GY, "rdfs": RDFS}):
        out.append(Predicted((_name_key(str(r.name)), _name_key(str(r.role))),
                             float(r.confidence) if r.confidence is not None else 1.0, str(r.method)))
    return out


def score_document(judged: dict, directory: Path, registry: Registry) -> DocumentResult:
    """Extract one judged document alone and score it."""
    doc = read_document(directory / "docs" / judged["doc"])
    built = build_graph([doc], registry)
    built.dataset.default_union = True
    gold = gold_agreements(judged)
    predicted = predicted_agreements(built.dataset, registry)
    agreements = Score(gold=len(gold), predicted=len(predicted))
    result = DocumentResult(judged["doc"], judged["split"], judged.get("shape", ""), agreements, Score(),
                            predicted=predicted)
    for p in predicted:
        ok = p.key in gold
        result.correct.append(ok)
        agreements.correct_predicted += ok
        if not ok:
            result.wrong.append(f"{' – '.join(p.key[0])} {p.key[1]}")
    found = {p.key for p in predicted}
    agreements.found_gold = sum(1 for k in gold if k in found)
    result.missed = [desc for k, desc in gold.items() if k not in found]
    gold_people = gold_officials(judged.get("officials", []))
    people = predicted_officials(built.dataset)
    result.officials = score_officials(gold_people, people)
    accepted = set().union(*gold_people) if gold_people else set()
    result.people = [(p, p.key in accepted) for p in people]
    return result


def score_officials(gold: list[set[tuple[str, str]]], predicted: list[Predicted]) -> Score:
    """Name + role matching of person-posts."""
    keys = {p.key for p in predicted}
    accepted = set().union(*gold) if gold else set()
    return Score(gold=len(gold), predicted=len(keys), correct_predicted=sum(1 for k in keys if k in accepted),
                 found_gold=sum(1 for g in gold if g & keys))


def near_officials_recall(graph_dataset, directory: Path = EVAL_DIR) -> dict:
    """Recall of the NEAR report's judged person-posts in a built graph (target kinds, and all)."""
    judged = load_jsonl(directory / NEAR_OFFICIALS)
    predicted = {p.key for p in predicted_officials(graph_dataset)}
    names = {k[0] for k in predicted}
    out = {}
    for label, rows in (("target", [o for o in judged if o.get("kind") in NEAR_TARGET_KINDS]), ("all", judged)):
        gold = gold_officials(rows)
        found = sum(1 for g in gold if g & predicted)
        named = sum(1 for g in gold if {n for n, _ in g} & names)
        out[label] = {"gold": len(gold), "found": found, "recall": round(found / len(gold), 3) if gold else 1.0,
                      "name_found": named}
    return out


def run_extraction_eval(directory: Path = EVAL_DIR, registry: Registry | None = None) -> dict:
    """Score every judged document; figures per split, and per document for the tune half only (a held-out
    document's figures would tell what is in it: only its split's aggregate is reported)."""
    registry = registry or Registry.default()
    results = [score_document(j, directory, registry) for j in load_jsonl(directory / JUDGEMENTS)]
    splits: dict[str, dict[str, Score]] = {}
    for r in results:
        per = splits.setdefault(r.split, {"agreements": Score(), "officials": Score()})
        per["agreements"].add(r.agreements)
        per["officials"].add(r.officials)
    return {
        "splits": {s: {k: v.as_dict() for k, v in per.items()} for s, per in sorted(splits.items())},
        "documents": [{"doc": r.doc, "split": r.split, "shape": r.shape, "agreements": r.agreements.as_dict(),
                       "officials": r.officials.as_dict(), "missed": r.missed, "wrong": r.wrong}
                      for r in results if r.split == TUNE],
        "calibration": calibration_check([r for r in results if r.split == TUNE]),
        "_results": results,
    }


def _automatic_pairs(results: list[DocumentResult], kind: str) -> list[tuple[float, bool]]:
    if kind == "official":
        return [(p.confidence, ok) for r in results for p, ok in r.people if p.method == "automatic"]
    return [(p.confidence, ok) for r in results for p, ok in zip(r.predicted, r.correct, strict=True)
            if p.method == "automatic"]


def measure_calibration(directory: Path = EVAL_DIR, registry: Registry | None = None) -> str:
    """The calibration table (TSV) measured on the tune half with raw reader scores."""
    from graph.readers.calibration import KINDS, calibration_rows, raw_scores

    registry = registry or Registry.default()
    with raw_scores():
        results = [score_document(j, directory, registry) for j in load_jsonl(directory / JUDGEMENTS)
                   if j["split"] == TUNE]
    lines = ["kind\traw_floor\tconfidence"]
    for kind in KINDS:
        lines.extend(f"{kind}\t{floor}\t{conf}" for floor, conf in calibration_rows(_automatic_pairs(results, kind)))
    return "\n".join(lines) + "\n"


def calibration_check(results: list[DocumentResult]) -> list[dict]:
    """For each confidence c written on the tune half: precision of the automatic facts with confidence ≥ c."""
    pairs = _automatic_pairs(results, "agreement") + _automatic_pairs(results, "official")
    out = []
    for c in sorted({c for c, _ in pairs}, reverse=True):
        chosen = [ok for conf, ok in pairs if conf >= c]
        out.append({"confidence": c, "facts": len(chosen), "precision": round(sum(chosen) / len(chosen), 3)})
    return out


def format_extraction_eval(result: dict) -> str:
    """Text report: per split, then the tune documents one by one with what was missed or wrong (held-out
    documents only in their split's aggregate)."""
    lines = ["split     facts       gold  predicted  correct  precision  recall"]
    for split, per in result["splits"].items():
        for kind, s in per.items():
            lines.append(f"{split:9} {kind:10} {s['gold']:5} {s['predicted']:10} {s['correct']:8} "
                         f"{s['precision']:10.3f} {s['recall']:7.3f}")
    lines.append("")
    for d in result["documents"]:
        if d["split"] != TUNE:
            continue  # never a held-out document's own row, whatever built the result
        a = d["agreements"]
        lines.append(f"{d['split']:8} {d['doc']:40} agreements P {a['precision']:.2f} R {a['recall']:.2f} "
                     f"({a['correct']}/{a['predicted']} predicted, {a['found']}/{a['gold']} judged)")
        lines.extend(f"    missed: {m}" for m in d.get("missed", []))
        lines.extend(f"    wrong:  {w}" for w in d.get("wrong", []))
    if result["calibration"]:
        lines.append("calibration on tune (confidence ≥ c → precision): " + ", ".join(
            f"{c['confidence']:.2f}→{c['precision']:.2f} ({c['facts']})" for c in result["calibration"]))
    if "near" in result:
        near = result["near"]
        lines.append(f"NEAR report officials: recall {near['target']['recall']:.3f} "
                     f"({near['target']['found']}/{near['target']['gold']} target person-posts); "
                     f"all kinds {near['all']['recall']:.3f}")
    return "\n".join(lines)
