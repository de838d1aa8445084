"""Ingest cost against corpus size: one small file into built data of growing corpora, wall and CPU per stage.

Usage: ``.venv/bin/python bench/ingest.py --corpora seed seed+16 seed+64 [--workdir DIR] [--seed-data DIR]
[--real-model]``

For each corpus (``seed``: the embedded documents; ``seed+N``: they and the first N documents
``bench/generate_corpus.py`` writes; a number: a generated corpus at that scale)
the data is built once in ``--workdir`` (kept between runs) with stand-in passage vectors, as
``bench/scale.py`` builds (the model would cost hours at 5×; it is loaded once per ingest that has new
text, whatever the corpus size — ``--real-model`` measures it on the seed data). Then, in child
processes: a warm-up ingest of one file (data built by older code has to be brought up to date once),
the measured ingest of another three-line ``.txt`` and its removal, and the same ingest into a copy of the
data without ``graph-state.json`` (the whole-graph stages every ingest ran before decision 0030). Reported
per run: wall and CPU seconds of the child (``getrusage``) and per stage, the documents cut into passages
and the passage texts tokenised and embedded (from the progress lines).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate_corpus import generate  # noqa: E402
from graph.incremental import STATE_FILE  # noqa: E402
from runtime.progress import Progress  # noqa: E402

WARM_UP = "강릉시 교류 메모\n강릉시는 2024년 5월 10일 일본 오타루시와 우호교류 협약을 체결했다.\n"
MEASURED = ("춘천시 국제교류 소식\n춘천시는 2025년 3월 5일 일본 가나자와시와 우호교류 협약을 체결했다.\n"
            "양 도시는 문화와 관광 분야에서 협력하기로 했다.\n")
FIGURES = (("cut", r"(\d+) documents cut into passages"), ("tokenised", r"\((\d+) passage texts tokenised\)"),
           ("embedded", r"passages with \S+: (\d+) embedded"))


def stand_in(real_model: bool) -> None:
    """Replace passage embedding by seeded random unit vectors (as ``bench/scale.py``), unless ``real_model``."""
    if real_model:
        return
    import numpy as np

    import index.build
    from index.embedder import Embedder

    class StandInEmbedder(Embedder):
        @classmethod
        def load(cls, settings, *, lazy: bool = True) -> Embedder:
            return super().load(settings, lazy=True)

        def encode_passages(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
            vectors = np.random.default_rng(len(texts)).standard_normal((len(texts), self.dim)).astype(np.float32)
            return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    index.build.Embedder = StandInEmbedder


def child(command: str, data: Path, argument: str, real_model: bool) -> None:
    """Run one ingest / remove / build in this process; print its per-stage CPU as JSON on the last line."""
    stand_in(real_model)
    from runtime.settings import Settings

    progress = Progress()
    settings = Settings.from_env()
    if command == "ingest":
        from gyoryu.ingest import ingest

        ingest([Path(argument)], data, settings, progress)
    elif command == "remove":
        from gyoryu.ingest import remove

        remove([argument], data, settings, progress)
    else:
        from gyoryu.build import build

        build(Path(argument), data, settings, progress)
    print(json.dumps({name: round(cpu, 2) for name, cpu in progress.cpu_timings.items()}))


def run_child(command: str, data: Path, argument: str, real_model: bool) -> dict:
    """One child run: wall, CPU (user + system of the child), per-stage wall and CPU, and the progress figures."""
    args = [sys.executable, __file__, "--child", command, str(data), argument] + (["--real-model"] if real_model
                                                                               else [])
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        raise SystemExit(f"{command} failed:\n{proc.stderr[-3000:]}")
    cpu_stages = json.loads(proc.stdout.strip().splitlines()[-1])
    wall_stages = json.loads((data / "manifest.json").read_text())["timings_s"]
    figures = {name: int(m.group(1)) for name, pattern in FIGURES if (m := re.search(pattern, proc.stderr))}
    return {"wall_s": round(wall, 1), "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime
                                                      - before.ru_stime, 1),
            "stages": {k: {"wall": wall_stages.get(k), "cpu": v} for k, v in cpu_stages.items()}, **figures}


def corpus_of(name: str, workdir: Path) -> Path:
    """The corpus folder of ``seed``, of ``seed+N`` (the seeds and the first N generated documents) or of a
    generated scale."""
    from runtime.settings import DEFAULT_CORPUS

    if name == "seed":
        return DEFAULT_CORPUS
    folder = workdir / f"corpus{name}"
    if folder.exists():
        return folder
    if name.startswith("seed+"):
        extra = int(name.removeprefix("seed+"))
        generated = workdir / f"generated{extra}"
        generate(extra / 48, generated)
        _seed_plus(DEFAULT_CORPUS, generated, extra, folder)
    else:
        generate(float(name), folder)
    return folder


def _seed_plus(seed: Path, generated: Path, extra: int, folder: Path) -> None:
    """``folder``: the seed corpus and the first ``extra`` documents of ``generated``, with one ``manifest.tsv``."""
    def rows(corpus: Path) -> list[list[str]]:
        with (corpus / "manifest.tsv").open(encoding="utf-8", newline="") as fh:
            return list(csv.reader(fh, delimiter="\t"))

    seed_rows, more = rows(seed), rows(generated)[1:]
    if len(more) < extra:
        raise SystemExit(f"{generated} holds {len(more)} documents, fewer than {extra}")
    folder.mkdir(parents=True)
    for row in seed_rows[1:] + more[:extra]:
        source = seed if (seed / row[0]).exists() and row in seed_rows else generated
        shutil.copy2(source / row[0], folder / row[0])
    with (folder / "manifest.tsv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter="\t", lineterminator="\n").writerows(seed_rows + more[:extra])


def measure(name: str, workdir: Path, real_model: bool, seed_data: Path | None = None) -> dict:
    """Build (once) the data of corpus ``name``, then the warm-up ingest, the measured ingest and the removal."""
    corpus = corpus_of(name, workdir)
    base = workdir / f"data-{name}"
    if not (base / "manifest.json").exists() and name == "seed" and seed_data is not None:
        shutil.copytree(seed_data, base)
    if not (base / "manifest.json").exists():
        run_child("build", base, str(corpus), False)
    data = workdir / f"run-{name}"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(base, data)
    files = workdir / "files"
    files.mkdir(exist_ok=True)
    (files / "warm-up.txt").write_text(WARM_UP, encoding="utf-8")
    (files / "measured.txt").write_text(MEASURED, encoding="utf-8")
    run_child("ingest", data, str(files / "warm-up.txt"), False)
    manifest = json.loads((data / "manifest.json").read_text())
    whole = workdir / f"run-{name}-whole"
    shutil.rmtree(whole, ignore_errors=True)
    shutil.copytree(data, whole)
    (whole / STATE_FILE).unlink()  # without the graph state the ingest takes the whole-graph path, as before 0030
    row = {"corpus": name, "documents": len(manifest["corpus"]["documents"]), "passages": manifest["index"]["passages"],
           "quads": manifest["graph"]["quads"], "model": "real" if real_model else "stand-in vectors",
           "ingest": run_child("ingest", data, str(files / "measured.txt"), real_model),
           "remove": run_child("remove", data, "measured.txt", real_model),
           "ingest, whole graph": run_child("ingest", whole, str(files / "measured.txt"), real_model),
           "load_average": round(os.getloadavg()[0], 1)}
    shutil.rmtree(data, ignore_errors=True)
    shutil.rmtree(whole, ignore_errors=True)
    return row


INDEX_STAGES = ("passages", "embed", "faiss", "bm25", "profiles")
GRAPH_STAGES = ("extract", "validate", "write graph")
#: The measured runs: the ingest and removal (incremental graph stages) and the same ingest without the graph state.
RUNS = ("ingest", "remove", "ingest, whole graph")


def markdown(rows: list[dict]) -> str:
    """The README table: per run, wall / CPU seconds in all, of the graph stages and of the index stages."""
    def part(run: dict, names: tuple[str, ...]) -> str:
        stages = [run["stages"].get(n, {}) for n in names]
        return f"{sum(s.get('wall') or 0 for s in stages):.1f} / {sum(s.get('cpu') or 0 for s in stages):.1f}"

    lines = ["| corpus | documents | passages | quads | run | wall / CPU s | graph stages | "
             "CPU s: extract / validate / write graph | index stages | cut / tokenised / embedded | load |",
             "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: |"]
    for r in rows:
        for kind in RUNS:
            run = r[kind]
            graph_cpu = " / ".join(f"{run['stages'].get(n, {}).get('cpu') or 0:.2f}" for n in GRAPH_STAGES)
            lines.append(f"| {r['corpus']} ({r['model']}) | {r['documents']} | {r['passages']:,} | {r['quads']:,} | "
                         f"{kind} | {run['wall_s']} / {run['cpu_s']} | {part(run, GRAPH_STAGES)} | {graph_cpu} | "
                         f"{part(run, INDEX_STAGES)} | {run.get('cut')} / {run.get('tokenised')} / "
                         f"{run.get('embedded')} | {r['load_average']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        child(argv[1], Path(argv[2]), argv[3], "--real-model" in argv)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", nargs="+", default=["seed", "seed+16", "seed+64"],
                        help="seed, seed+N (the seeds and N generated documents) or a generated scale (1, 5 …)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "gyoryu-bench-ingest",
                        help="where corpora and their built data are kept between runs")
    parser.add_argument("--seed-data", type=Path, help="built seed data to start from (copied; default: built here)")
    parser.add_argument("--real-model", action="store_true", help="embed the new passages with the real model")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "ingest.json")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    for name in args.corpora:
        rows.append(measure(name, args.workdir, args.real_model, args.seed_data))
        print(json.dumps(rows[-1]), flush=True)
    args.results.write_text(json.dumps(rows, indent=1))
    print(markdown(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
