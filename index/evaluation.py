"""The retrieval evaluation: graded nDCG@10, Recall@10 and MRR per mode × language × split, and partner recall.

The judged set (``eval/questions.jsonl``, frozen by ``eval/SHA256SUMS``) holds Korean and English
questions, each with judged line spans ``[doc, line_start, line_end, grade]`` (grade 3 states
the answer, 2 clearly relevant, 1 partial) and a ``split`` (``tune`` or ``heldout``). A returned
hit is relevant when its lines overlap a judged span (or, for spans judged with a ``quote``, when
its text contains the quote: readers that drop markup renumber lines). Each judged span counts
once: a hit earns the grade of the best judged span it newly covers, so many hits over the same
span are not rewarded, and the ideal ranking lists the judged spans by grade. Recall@10 is the
share of judged spans any of the first ten hits overlaps. Partner needs
(``eval/partner_needs.jsonl``) list the entities a good answer names; partner recall@10 is the
share of them (up to 10) among the first ten partners.

Questions about documents of ``eval/search_docs/`` count only when the evaluated data holds
those documents (``gyoryu ingest eval/search_docs/*``); :func:`run_eval` reports which are missing.
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path

from index.artifacts import read_jsonl
from index.modes import MODES
from index.search import SearchEngine
from runtime.progress import Progress
from runtime.settings import REPO_ROOT, Settings

EVAL_DIR = REPO_ROOT / "eval"
QUESTIONS = EVAL_DIR / "questions.jsonl"
PARTNER_NEEDS = EVAL_DIR / "partner_needs.jsonl"
SEARCH_DOCS = EVAL_DIR / "search_docs"
SPLITS = ("tune", "heldout")
K = 10

Span = tuple[str, int, int, str]  # doc, line_start, line_end, text


def _squash(label: str) -> str:
    return "".join(label.split())


def judged_spans(question: dict) -> list[dict]:
    """The question's judged spans as dicts ``{doc, start, end, grade, quotes}`` (grade 1 when ungraded)."""
    quotes: dict[tuple[str, int], list[str]] = {}
    for q in question.get("quotes", ()):
        quotes.setdefault((q["doc"], q["line"]), []).append(_squash(q["quote"]))
    out = []
    for row in question["relevant"]:
        doc, start, end = row[:3]
        grade = row[3] if len(row) > 3 else 1
        found = [text for (qdoc, line), texts in quotes.items() if qdoc == doc and start <= line <= end
                 for text in texts]
        out.append({"doc": doc, "start": start, "end": end, "grade": grade, "quotes": found})
    return out


def _overlaps(hit: Span, span: dict) -> bool:
    doc, start, end, text = hit
    if doc != span["doc"]:
        return False
    if start <= span["end"] and end >= span["start"]:
        return True
    return any(quote in _squash(text) for quote in span["quotes"])


def judge(hits: list[Span], spans: list[dict]) -> list[int]:
    """For each hit, the index of the best-graded judged span it newly covers, or -1.

    >>> spans = [{"doc": "a", "start": 2, "end": 2, "grade": 1, "quotes": []},
    ...          {"doc": "a", "start": 3, "end": 3, "grade": 3, "quotes": []},
    ...          {"doc": "b", "start": 1, "end": 1, "grade": 2, "quotes": ["xy"]}]
    >>> judge([("a", 1, 3, ""), ("a", 2, 2, ""), ("b", 9, 9, "see xy"), ("c", 1, 1, "")], spans)
    [1, 0, 2, -1]
    """
    seen: set[int] = set()
    out = []
    for hit in hits:
        match = _credit(hit, spans, seen)
        if match >= 0:
            seen.add(match)
        out.append(match)
    return out


def _credit(hit: Span, spans: list[dict], seen: set[int]) -> int:
    """The index of the best-graded span not in ``seen`` that ``hit`` overlaps (the first of equals), or -1."""
    fresh = [j for j, span in enumerate(spans) if j not in seen and _overlaps(hit, span)]
    return max(fresh, key=lambda j: (spans[j]["grade"], -j)) if fresh else -1


def metrics(hits: list[Span], spans: list[dict], k: int = K) -> dict[str, float]:
    """Graded nDCG@k (gain = grade), Recall@k (share of judged spans overlapped) and MRR.

    >>> spans = [{"doc": "a", "start": 1, "end": 1, "grade": 3, "quotes": []},
    ...          {"doc": "a", "start": 5, "end": 5, "grade": 1, "quotes": []}]
    >>> m = metrics([("a", 5, 5, ""), ("a", 1, 1, "")], spans)
    >>> round(m["ndcg@10"], 3), m["recall@10"], m["mrr"]
    (0.797, 1.0, 1.0)
    """
    top = hits[:k]
    judged = judge(top, spans)
    dcg = sum(spans[j]["grade"] / math.log2(i + 2) for i, j in enumerate(judged) if j >= 0)
    grades = sorted((s["grade"] for s in spans), reverse=True)[:k]
    ideal = sum(g / math.log2(i + 2) for i, g in enumerate(grades))
    covered = sum(1 for span in spans if any(_overlaps(hit, span) for hit in top))
    first = next((i for i, j in enumerate(judged) if j >= 0), None)
    return {"ndcg@10": dcg / ideal if ideal else 0.0,
            "recall@10": covered / len(spans) if spans else 0.0,
            "mrr": 1 / (first + 1) if first is not None else 0.0}


def _mean(rows: list[dict[str, float]]) -> dict[str, float]:
    out = {key: round(sum(r[key] for r in rows) / len(rows), 4) for key in rows[0]} if rows else {}
    return {**out, "n": len(rows)}


def hit_spans(engine: SearchEngine, query: str, mode: str, vector) -> list[Span]:
    """The first :data:`K` hits of a search as ``(doc, line_start, line_end, text)``."""
    hits = engine.hits(query, mode, K, query_vector=vector)
    return [(h["doc"], h["line_start"], h["line_end"], h["text"]) for h in hits]


def evaluate_passages(engine: SearchEngine, queries: list[dict]) -> tuple[dict, list[dict]]:
    """Mean metrics by split → mode → language (``all`` for both), and per-question nDCG@10."""
    groups: dict[tuple[str, str, str], list[dict]] = {}
    details = []
    for q in queries:
        vector = engine.embed_query(q["query"])
        spans = judged_spans(q)
        split = q.get("split", "all")
        row = {"id": q["id"], "lang": q["lang"], "split": split, "kind": q.get("kind", "")}
        for mode in MODES:
            m = metrics(hit_spans(engine, q["query"], mode, vector), spans)
            for lang in (q["lang"], "all"):
                groups.setdefault((split, mode, lang), []).append(m)
            row[mode] = round(m["ndcg@10"], 3)
        details.append(row)
    table: dict = {}
    for (split, mode, lang), rows in sorted(groups.items()):
        table.setdefault(split, {}).setdefault(mode, {})[lang] = _mean(rows)
    return table, details


def evaluate_partners(engine: SearchEngine, needs: list[dict]) -> dict:
    """Mean partner recall@10 per split (and ``all``)."""
    from index.partners import rank_partners

    recalls: dict[str, list[float]] = {}
    for q in needs:
        result = rank_partners(engine, q["query"], k=K, type=q.get("type"))
        found = {_squash(p["label"]) for p in result["partners"]}
        expected = {_squash(label) for label in q["expected"]}
        value = len(found & expected) / min(len(expected), K)
        for split in (q.get("split", "all"), "all"):
            recalls.setdefault(split, []).append(value)
    return {split: {"recall@10": round(sum(v) / len(v), 4), "needs": len(v)} for split, v in recalls.items()}


def missing_search_docs(engine: SearchEngine) -> list[str]:
    """Files of ``eval/search_docs/`` that the evaluated data does not hold."""
    held = {p.doc for p in engine.passages}
    return sorted(p.name for p in SEARCH_DOCS.iterdir() if p.is_file() and p.name not in held) \
        if SEARCH_DOCS.is_dir() else []


def read_split(path: Path, split: str) -> list[dict]:
    """The rows of a JSON-lines file whose ``split`` is ``split``: every other row is dropped as it is read, before
    anything else is done with it (a tuner's run never searches, scores or lists a held-out question)."""
    rows = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row = json.loads(line)
                if row.get("split") == split:
                    rows.append(row)
    return rows


def run_eval(data_dir: Path, settings: Settings, progress: Progress | None = None,
             engine: SearchEngine | None = None, questions: Path = QUESTIONS, needs: Path = PARTNER_NEEDS,
             split: str | None = None) -> dict:
    """Evaluate the index in ``data_dir`` on the judged questions and partner needs (only those of ``split`` when
    given: :func:`read_split`)."""
    progress = progress or Progress(quiet=True)
    started = time.perf_counter()
    with progress.stage("eval"):
        engine = engine or SearchEngine.load(data_dir, settings)
        queries = read_split(questions, split) if split else read_jsonl(questions)
        table, details = evaluate_passages(engine, queries)
        progress.step(f"{len(queries)} questions")
        partners = evaluate_partners(engine, read_split(needs, split) if split else read_jsonl(needs))
        progress.step(f"{partners['all']['needs']} partner needs")
    languages: dict[str, int] = {}
    for q in queries:
        languages[q["lang"]] = languages.get(q["lang"], 0) + 1
    return {"questions": len(queries), "languages": languages, "k": K, "splits": table, "partners": partners,
            "missing_documents": missing_search_docs(engine), "per_query": details,
            "model": engine.manifest.get("model", {}).get("id"), "seconds": round(time.perf_counter() - started, 2)}


def paired_gain(before: dict[str, float], after: dict[str, float], draws: int = 2000, seed: int = 0) -> dict:
    """The mean gain from ``before`` to ``after`` (scores by question id, over the ids in both) with the 5–95 % range
    of a paired bootstrap of it (``draws`` resamplings of the questions), and how many questions rose and fell.

    >>> gain = paired_gain({"a": 0.5, "b": 0.5, "c": 1.0}, {"a": 0.8, "b": 0.5, "c": 0.7, "d": 1.0})
    >>> gain["n"], gain["mean"], gain["up"], gain["down"], gain["low"] <= 0.0 <= gain["high"]
    (3, 0.0, 1, 1, True)
    """
    import numpy as np

    ids = sorted(set(before) & set(after))
    diffs = np.array([after[i] - before[i] for i in ids], dtype=float)
    if not len(diffs):
        return {"n": 0, "mean": 0.0, "low": 0.0, "high": 0.0, "up": 0, "down": 0}
    means = diffs[np.random.default_rng(seed).integers(0, len(diffs), (draws, len(diffs)))].mean(axis=1)
    return {"n": len(ids), "mean": round(float(diffs.mean()), 4), "low": round(float(np.percentile(means, 5)), 4),
            "high": round(float(np.percentile(means, 95)), 4), "up": int((diffs > 1e-9).sum()),
            "down": int((diffs < -1e-9).sum())}


def earlier_run(path: Path) -> dict:
    """An earlier :func:`run_eval` result saved as JSON (``gyoryu eval --tune-only --json > FILE``); ValueError for a
    file that is not one."""
    try:
        run = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path} is not JSON ({exc}); save an earlier `gyoryu eval --tune-only --json`") from None
    if not isinstance(run, dict) or not isinstance(run.get("per_query"), list):
        raise ValueError(f"{path} holds no per-question scores; save an earlier `gyoryu eval --tune-only --json`")
    return run


def tune_gains(earlier: dict, result: dict) -> dict[str, dict]:
    """:func:`paired_gain` per mode from an earlier evaluation's tune questions (``earlier``, a :func:`run_eval`
    result, e.g. of ``gyoryu eval --tune-only --json``) to ``result``'s. Held-out rows of either are skipped unread."""
    def scores(run: dict, mode: str) -> dict[str, float]:
        return {r["id"]: r[mode] for r in run["per_query"] if r["split"] == "tune"}

    return {mode: paired_gain(scores(earlier, mode), scores(result, mode)) for mode in MODES}


def format_gains(gains: dict[str, dict]) -> str:
    """A line per mode of :func:`tune_gains`.

    >>> print(format_gains({"hybrid": {"n": 127, "mean": 0.0048, "low": -0.0001, "high": 0.0145, "up": 1, "down": 1}}))
    tune nDCG@10 against the earlier run (paired bootstrap, 5-95 %)
    hybrid   +0.0048 (-0.0001 to +0.0145), 1 up, 1 down of 127 questions
    """
    lines = ["tune nDCG@10 against the earlier run (paired bootstrap, 5-95 %)"]
    lines += [f"{mode:<9}{g['mean']:+.4f} ({g['low']:+.4f} to {g['high']:+.4f}), {g['up']} up, {g['down']} down of "
              f"{g['n']} questions" for mode, g in gains.items()]
    return "\n".join(lines)


def format_eval(result: dict) -> str:
    """A terminal table of :func:`run_eval`'s result: one row per split × mode × language."""
    langs = ", ".join(f"{n} {lang}" for lang, n in sorted(result["languages"].items()))
    lines = [f"Retrieval evaluation: {result['questions']} questions ({langs}), model {result.get('model')}", "",
             f"{'split':<9}{'mode':<9}{'lang':<5}{'n':>4}{'nDCG@10':>9}{'Recall@10':>11}{'MRR':>8}"]
    for split in sorted(result["splits"], key=lambda s: (s not in SPLITS, SPLITS.index(s) if s in SPLITS else 0)):
        for mode in ("lexical", "dense", "hybrid"):
            for lang, m in sorted(result["splits"][split].get(mode, {}).items(), key=lambda kv: kv[0] == "all"):
                lines.append(f"{split:<9}{mode:<9}{lang:<5}{m['n']:>4}{m['ndcg@10']:>9.3f}"
                             f"{m['recall@10']:>11.3f}{m['mrr']:>8.3f}")
    lines.append("")
    for split, p in sorted(result["partners"].items()):
        lines.append(f"partner recall@10 [{split}]: {p['recall@10']:.3f} over {p['needs']} needs")
    if result["missing_documents"]:
        lines.append(f"not in the evaluated data (their judged spans cannot be found): "
                     f"{', '.join(result['missing_documents'])}; add them with `gyoryu ingest`")
    return "\n".join(lines)


def format_tune_questions(result: dict, mode: str = "hybrid") -> str:
    """The tune half's questions, worst ``mode`` nDCG@10 first, with every mode's score (what to look at when tuning).

    Held-out questions are never listed: only their totals are read (the honesty rule of ``eval/README.md``).

    >>> rows = [{"id": "a", "lang": "ko", "split": "tune", "kind": "event", "lexical": 0.5, "dense": 0.2,
    ...          "hybrid": 0.4},
    ...         {"id": "b", "lang": "en", "split": "heldout", "kind": "event", "lexical": 0, "dense": 0, "hybrid": 0}]
    >>> print(format_tune_questions({"per_query": rows}))
    tune questions, worst hybrid nDCG@10 first
    lexical  dense hybrid lang kind               id
      0.500  0.200  0.400 ko   event              a
    """
    rows = sorted((r for r in result["per_query"] if r["split"] == "tune"), key=lambda r: (r[mode], r["id"]))
    lines = [f"tune questions, worst {mode} nDCG@10 first",
             f"{'lexical':>7}{'dense':>7}{'hybrid':>7} {'lang':<5}{'kind':<19}id"]
    lines += [f"{r['lexical']:>7.3f}{r['dense']:>7.3f}{r['hybrid']:>7.3f} {r['lang']:<5}{r['kind']:<19}{r['id']}"
              for r in rows]
    return "\n".join(lines)



#: Where a judged span of a tune question lands (:func:`tune_span_places`), best first.
PLACES = ("credited", "shadowed", "11-20", "21-100", "beyond")


def span_place(hits: list[Span], spans: list[dict], k: int = K) -> list[str]:
    """For each judged span, where ``hits`` (best first, more than ``k``) meet it: ``credited`` (it earns its grade in
    the first ``k``), ``shadowed`` (a first-``k`` hit overlaps it but earns another span's grade: one hit, one span),
    ``11-20`` / ``21-100`` (the rank of the first hit overlapping it) or ``beyond``.

    >>> spans = [{"doc": "a", "start": 1, "end": 1, "grade": 3, "quotes": []},
    ...          {"doc": "a", "start": 2, "end": 2, "grade": 2, "quotes": []},
    ...          {"doc": "a", "start": 9, "end": 9, "grade": 1, "quotes": []},
    ...          {"doc": "b", "start": 1, "end": 1, "grade": 1, "quotes": []}]
    >>> span_place([("a", 1, 2, "")] + [("c", 1, 1, "")] * 11 + [("a", 9, 9, "")], spans, k=10)
    ['credited', 'shadowed', '11-20', 'beyond']
    """
    credited = set(judge(hits[:k], spans))
    out = []
    for j, span in enumerate(spans):
        first = next((i for i, hit in enumerate(hits) if _overlaps(hit, span)), None)
        out.append("credited" if j in credited else "shadowed" if first is not None and first < k
                   else "beyond" if first is None else "11-20" if first < 20 else "21-100")
    return out


def tune_span_places(engine: SearchEngine, queries: list[dict], mode: str = "hybrid", depth: int = 100) -> dict:
    """The tune half's judged spans by question kind × place (:func:`span_place`) and grade, with each kind's
    question count and loss (the sum of 1 − nDCG@10): where the loss lies. Held-out questions are skipped unread."""
    kinds: dict[str, dict] = {}
    for q in queries:
        if q.get("split") != "tune":
            continue
        spans = judged_spans(q)
        hits = engine.hits(q["query"], mode, depth)
        spans_hits = [(h["doc"], h["line_start"], h["line_end"], h["text"]) for h in hits]
        row = kinds.setdefault(q.get("kind", ""), {"questions": 0, "loss": 0.0, "places": {}})
        row["questions"] += 1
        row["loss"] += 1 - metrics(spans_hits, spans)["ndcg@10"]
        for span, place in zip(spans, span_place(spans_hits, spans), strict=True):
            key = f"{place} g{span['grade']}"
            row["places"][key] = row["places"].get(key, 0) + 1
    return dict(sorted(kinds.items(), key=lambda kv: -kv[1]["loss"]))


#: How many first hits :func:`tune_oracle` re-orders (decision 0097).
ORACLE_DEPTHS = (10, 20, 30, 50, 100)


def oracle_order(hits: list[Span], spans: list[dict]) -> list[Span]:
    """``hits`` in the order a judge who knows the judgements would give them: each time the hit that newly earns
    the best grade left (:func:`judge`'s credit: one hit, its best-graded fresh span; ties to the earlier hit), then
    the hits that earn nothing, in their order. Its nDCG@10 is the most any re-ranking of these hits can reach.

    >>> spans = judged_spans({"relevant": [["a", 1, 1, 1], ["a", 5, 5, 3], ["b", 2, 2, 2]]})
    >>> [h[:2] for h in oracle_order([("z", 9, 9, ""), ("a", 1, 5, ""), ("a", 1, 1, ""), ("b", 2, 2, "")], spans)]
    [('a', 1), ('b', 2), ('a', 1), ('z', 9)]
    """
    left, out, earned = list(hits), [], set()
    while left:
        credits = [_credit(hit, spans, earned) for hit in left]
        gains = [spans[j]["grade"] if j >= 0 else 0 for j in credits]
        if max(gains) <= 0:
            return out + left
        best = gains.index(max(gains))
        out.append(left.pop(best))
        earned.add(credits[best])
    return out


def tune_oracle(engine: SearchEngine, queries: list[dict], mode: str = "hybrid",
                depths: tuple[int, ...] = ORACLE_DEPTHS) -> dict:
    """Mean nDCG@10 of the tune half as shipped and with its first ``n`` hits in :func:`oracle_order`, for each ``n``
    of ``depths``, by language (``all`` for both): how much a better judge of the first ``n`` hits could gain, and
    whether a change moved the answers into reach or only re-ordered them. Held-out questions are skipped unread."""
    rows: dict[str, list[dict]] = {}
    for q in queries:
        if q.get("split") != "tune":
            continue
        spans = judged_spans(q)
        hits = [(h["doc"], h["line_start"], h["line_end"], h["text"]) for h in engine.hits(q["query"], mode,
                                                                                             max(depths))]
        row = {"shipped": metrics(hits, spans)["ndcg@10"]}
        for n in depths:
            row[n] = metrics(oracle_order(hits[:n], spans), spans)["ndcg@10"]
        for lang in (q["lang"], "all"):
            rows.setdefault(lang, []).append(row)
    return {lang: {"questions": len(found), **{key: round(sum(r[key] for r in found) / len(found), 4)
                                                for key in found[0]}}
            for lang, found in sorted(rows.items())}


def format_oracle(table: dict) -> str:
    """A terminal table of :func:`tune_oracle`.

    >>> print(format_oracle({"all": {"questions": 2, "shipped": 0.5, 10: 0.6, 20: 0.7}}))
    tune nDCG@10 as shipped and with the first n hits in the best order (an oracle's)
    lang    n  shipped    n=10    n=20
    all     2    0.500   0.600   0.700
    """
    depths = [key for key in next(iter(table.values()), {}) if isinstance(key, int)]
    lines = ["tune nDCG@10 as shipped and with the first n hits in the best order (an oracle's)",
             f"{'lang':<5}{'n':>4}{'shipped':>9}" + "".join(f"{'n=' + str(d):>8}" for d in depths)]
    for lang, row in table.items():
        lines.append(f"{lang:<5}{row['questions']:>4}{row['shipped']:>9.3f}"
                     + "".join(f"{row[d]:>8.3f}" for d in depths))
    return "\n".join(lines)


def format_span_places(kinds: dict) -> str:
    """A terminal table of :func:`tune_span_places`: one row per kind, most loss first; spans per place (all grades,
    then grade 3 in brackets).

    >>> print(format_span_places({"paraphrase": {"questions": 2, "loss": 1.5,
    ...                                          "places": {"credited g3": 1, "21-100 g3": 1, "21-100 g2": 2}}}))
    tune judged spans by place (grade 3 in brackets), kinds by loss (sum of 1 - nDCG@10)
    kind                 n   loss  credited  shadowed     11-20    21-100    beyond
    paraphrase           2   1.50     1 (1)     0 (0)     0 (0)     3 (1)     0 (0)
    """
    lines = ["tune judged spans by place (grade 3 in brackets), kinds by loss (sum of 1 - nDCG@10)",
             f"{'kind':<19}{'n':>3}{'loss':>7}" + "".join(f"{p:>10}" for p in PLACES)]
    for kind, row in kinds.items():
        cells = []
        for place in PLACES:
            every = sum(n for key, n in row["places"].items() if key.split()[0] == place)
            cells.append(f"{every:>5} ({row['places'].get(f'{place} g3', 0)})")
        lines.append(f"{kind:<19}{row['questions']:>3}{row['loss']:>7.2f}" + "".join(f"{c:>10}" for c in cells))
    return "\n".join(lines)
