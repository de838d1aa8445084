"""Train the acceptance model of the general readers (``eval/acceptance_model.json``; decision 0060).

Usage::

    python eval/train_acceptance.py eval/extraction:tune SET_DIR:all SET_DIR:tune … [--out FILE] [--dump TSV]

Each argument is a judged set (``docs/`` + ``judgements.jsonl`` in the format of ``eval/extraction``) and the split
whose documents may train (``tune``; ``all`` only for a set whose every document is open). The documents of other
splits are never read. Every document is extracted alone with the model off; each agreement candidate the readers
propose becomes a row of features (:func:`graph.readers.acceptance.features`) labelled by matching its parties and
date with the judgements the way ``gyoryu eval --extraction`` does (:mod:`graph.extraction_eval`): judged → 1; not
judged and written to the graph → 0; not judged and merged away by reconciliation → no row (it changes nothing).

A logistic regression (scikit-learn, a test/training dependency only) is fitted; the acceptance threshold is chosen
from out-of-fold probabilities of a cross-validation grouped by document (never on a held-out half): the one that
keeps the most judged candidates less twice the wrong ones kept (precision first). The file stores the features,
their scaling, the weights, the threshold and the sha256 of every training document. The readers use a model only
when the setting ``GYORYU_ACCEPTANCE_MODEL`` names its file (off by default: it moved no held-out figure).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from graph.extraction_eval import agreement_key, gold_agreements, load_jsonl, score_document  # noqa: E402
from graph.readers.acceptance import LIBERAL, READERS_PART, part_of, recording  # noqa: E402
from graph.registry import Registry  # noqa: E402

#: Where the trained model is written (``GYORYU_ACCEPTANCE_MODEL=eval/acceptance_model.json`` switches it on).
TRAINED_FILE = ROOT / "eval" / "acceptance_model.json"
#: Cost of a wrong candidate kept, in judged candidates lost: 9 keeps a group of candidates only where nine in ten
#: of them are judged signings (precision first; the issue's target is 0.95 / 0.9).
WRONG_COST = 9.0
FOLDS = 5


def training_rows(sets: list[tuple[Path, str]], registry: Registry
                  ) -> tuple[list[tuple[str, dict, bool]], list[int], list[str], dict]:
    """Feature rows, labels, the document (group) of each row and ``{set/doc: sha256}`` of the documents read."""
    import hashlib

    rows, labels, groups, hashes = [], [], [], {}
    for directory, split in sets:
        for judged in load_jsonl(directory / "judgements.jsonl"):
            if split != "all" and judged.get("split") != split:
                continue
            seen: list[tuple] = []
            with recording(lambda c, values, seen=seen: seen.append((c, values))):
                result = score_document(judged, directory, registry)
            gold = gold_agreements(judged)
            written = {p.key for p in result.predicted}
            name = f"{directory.name}/{judged['doc']}"
            hashes[name] = hashlib.sha256((directory / "docs" / judged["doc"]).read_bytes()).hexdigest()
            read = set().union(*(range(c.lines[0], c.lines[1] + 1) for c, _ in seen if part_of(c) != LIBERAL))
            for c, values in seen:
                key = agreement_key(c.party_ids, c.date.iso)
                if key in gold or key in written:
                    # a liberal candidate on a line a reader read is never proposed in use: it trains, not judges
                    rows.append((part_of(c), values, part_of(c) == LIBERAL and c.lines[1] in read))
                    labels.append(int(key in gold))
                    groups.append(name)
    return rows, labels, groups, hashes


def rows_of_dump(path: Path) -> tuple[list[tuple[str, dict, bool]], list[int], list[str], dict]:
    """The rows of a ``--dump`` file, as :func:`training_rows` gives them."""
    import csv

    rows, labels, groups, hashes = [], [], [], {}
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            part, label, document, digest = r.pop("part"), r.pop("label"), r.pop("document"), r.pop("sha256")
            covered = r.pop("covered") == "1"
            rows.append((part, {k: float(v) for k, v in r.items()}, covered))
            labels.append(int(label))
            groups.append(document)
            hashes[document] = digest
    return rows, labels, groups, hashes


def choose_threshold(probabilities: list[float], labels: list[int]) -> float:
    """The threshold keeping the most judged candidates less :data:`WRONG_COST` × the wrong ones kept."""
    best, best_gain = 0.0, float("-inf")
    for t in sorted({0.0, *(round(p, 3) for p in probabilities)}):
        gain = sum(y if p >= t else 0 for p, y in zip(probabilities, labels, strict=True)) - WRONG_COST * sum(
            (1 - y) if p >= t else 0 for p, y in zip(probabilities, labels, strict=True))
        if gain > best_gain:
            best, best_gain = t, gain
    return best


def fit_part(name: str, rows: list[dict], labels: list[int], groups: list[str], c: float, judged: list[bool]
             ) -> dict:
    """Fit one model part on every row; choose its threshold on the out-of-fold probabilities of the rows ``judged``
    marks (the candidates it would meet in use: a liberal candidate on a line no reader read); print the
    cross-validated figures; return its JSON (features, scaling, weights, threshold)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    names = sorted(rows[0])
    x = np.array([[r[n] for n in names] for r in rows], dtype=float)
    y = np.array(labels)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-6] = 1.0  # a feature constant over the rows (a liberal candidate spans one line)
    z = (x - mean) / scale
    oof = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=FOLDS).split(z, y, groups):
        oof[test] = LogisticRegression(C=c, max_iter=2000).fit(z[train], y[train]).predict_proba(z[test])[:, 1]
    use = np.array(judged)
    threshold = choose_threshold(list(oof[use]), list(y[use]))
    print(f"[{name}] threshold chosen on {int(use.sum())} rows met in use ({int(y[use].sum())} judged)")
    for floor in (0.5, 0.6, 0.7, 0.8, 0.9):
        chosen = use & (oof >= floor)
        print(f"[{name}]   in use, out-of-fold probability ≥ {floor:.2f}: {int(chosen.sum())} candidates, "
              f"{int(y[chosen].sum())} judged")
    kept = oof >= threshold
    print(f"[{name}] rows {len(y)} (judged {int(y.sum())}, wrong {int(len(y) - y.sum())}) "
          f"from {len(set(groups))} documents")
    print(f"[{name}] cross-validated (grouped by document, {FOLDS} folds): threshold {threshold:.3f} keeps "
          f"{int((kept & (y == 1)).sum())} judged and {int((kept & (y == 0)).sum())} wrong; drops "
          f"{int((~kept & (y == 1)).sum())} judged and {int((~kept & (y == 0)).sum())} wrong")
    for floor in (0.5, 0.7, 0.8, 0.9, 0.95):
        chosen = oof >= floor
        if chosen.any():
            print(f"[{name}]   out-of-fold probability ≥ {floor:.2f}: {int(chosen.sum())} candidates, precision "
                  f"{y[chosen].mean():.3f}")
    final = LogisticRegression(C=c, max_iter=2000).fit(z, y)
    for n, wt in sorted(zip(names, final.coef_[0], strict=True), key=lambda t: -abs(t[1]))[:10]:
        print(f"[{name}]   {n:22} {wt:+.3f}")
    return {"features": names, "mean": [round(float(v), 6) for v in mean],
            "scale": [round(float(v), 6) for v in scale], "weights": [round(float(v), 6) for v in final.coef_[0]],
            "intercept": round(float(final.intercept_[0]), 6), "threshold": round(float(threshold), 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", help="DIR:SPLIT (SPLIT: tune, or all for a wholly open set)")
    parser.add_argument("--out", type=Path, default=TRAINED_FILE,
                        help="default eval/acceptance_model.json; GYORYU_ACCEPTANCE_MODEL=FILE switches it on")
    parser.add_argument("--dump", type=Path, help="write the training rows as TSV (part, features, label, document)")
    parser.add_argument("--from-dump", type=Path, help="train on the rows of an earlier --dump (no extraction)")
    parser.add_argument("--c", type=float, default=0.5, help="inverse regularisation strength")
    parser.add_argument("--parts", default=LIBERAL, help=f"parts to ship, comma-separated ({LIBERAL}, {READERS_PART})")
    args = parser.parse_args(argv)
    sets = [(Path(s.rsplit(":", 1)[0]).resolve(), s.rsplit(":", 1)[1]) for s in args.sets]
    if args.from_dump:
        rows, labels, groups, hashes = rows_of_dump(args.from_dump)
    else:
        rows, labels, groups, hashes = training_rows(sets, Registry.default())
    if args.dump and not args.from_dump:
        names = sorted(rows[0][1])
        with args.dump.open("w", encoding="utf-8") as fh:
            fh.write("\t".join(["part", *names, "covered", "label", "document", "sha256"]) + "\n")
            for (part, r, covered), label, g in zip(rows, labels, groups, strict=True):
                fh.write("\t".join([part, *(f"{r[n]:.4f}" for n in names), str(int(covered)), str(label), g,
                                     hashes[g]]) + "\n")
    out: dict = {"wrong_cost": WRONG_COST, "C": args.c}
    for part in (LIBERAL, READERS_PART):
        chosen = [i for i, (p, _, _) in enumerate(rows) if p == part]
        fitted = fit_part(part, [rows[i][1] for i in chosen], [labels[i] for i in chosen],
                          [groups[i] for i in chosen], args.c, [not rows[i][2] for i in chosen])
        if part in args.parts.split(","):
            out[part] = fitted
    out["trained_on"] = sorted(set(hashes.values()))  # hashes only: the names are in decision 0060
    print("trained on:", ", ".join(f"{k} {v[:12]}" for k, v in sorted(hashes.items())))
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
