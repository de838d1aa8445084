"""The ``gyoryu`` command line (also ``python -m gyoryu``).

Every command reads its settings from the environment (see :mod:`runtime.settings`); ``--data``
overrides ``GYORYU_DATA``. Errors print one clear line to stderr and exit non-zero.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from graph.entity_kinds import PARTNER_KINDS
from graph.result_formats import cli_choices
from index.modes import DEFAULT_MODE, MODES
from runtime.settings import Settings
from runtime.version import __version__

EXIT_ERROR = 1
EXIT_USAGE = 2


class CliError(Exception):
    """An error to report as one line, with an exit status."""

    def __init__(self, message: str, status: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.status = status


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings.from_env()
    if getattr(args, "data", None):
        settings = replace(settings, data_dir=Path(args.data))
    if getattr(args, "cluster", None):
        settings = replace(settings, cluster=args.cluster)
    if getattr(args, "workers", None):
        settings = replace(settings, build_workers=args.workers)
    if getattr(args, "stream", False):
        settings = replace(settings, stream_above=0)
    return settings


def _worker_count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return int(text)


def _add_worker_options(p: argparse.ArgumentParser) -> None:
    """``--cluster`` and ``--workers``: where per-document extraction and embedding run."""
    p.add_argument("--cluster", metavar="ADDRESS",
                   help="Dask scheduler (tcp://host:port) whose workers extract and embed, or `local` (default: "
                        "$GYORYU_CLUSTER or local)")
    p.add_argument("--workers", type=_worker_count, metavar="N",
                   help="local worker processes when no cluster is given (default: $GYORYU_BUILD_WORKERS or 1)")


def _print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


# -- commands -----------------------------------------------------------------------------------------

def cmd_build(args: argparse.Namespace) -> int:
    from gyoryu.build import BuildError, build
    from runtime.progress import Progress

    settings = _settings(args)
    try:
        result = build(Path(args.corpus) if args.corpus else None, settings.data_dir, settings,
                       Progress(quiet=args.quiet), with_index=not args.graph_only)
    except BuildError as exc:
        raise CliError(f"build failed, previous data kept: {exc}") from exc
    counts = result.manifest["graph"]["counts"]
    print(f"built {result.data_dir}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from api.server import serve
    from runtime.built_data import DataError

    settings = _settings(args)
    if args.host:
        settings = replace(settings, host=args.host)
    if args.port:
        settings = replace(settings, port=args.port)
    try:
        serve(settings)
    except DataError as exc:
        raise CliError(f"refusing to serve: {exc}") from exc
    return 0


def _query_text(args: argparse.Namespace) -> str:
    if args.file:
        path = Path(args.file)
        if not path.exists():
            raise CliError(f"no such query file: {path}", EXIT_USAGE)
        return path.read_text(encoding="utf-8")
    if not args.query:
        raise CliError("give a query, or -f FILE", EXIT_USAGE)
    return args.query


def cmd_sparql(args: argparse.Namespace) -> int:
    from graph.sparql import QueryError, ResultTooLarge, execute
    from index.sparql_search import expand_query

    settings = _settings(args)
    text = _query_text(args)
    store = _store(settings)
    try:
        if len(text) > settings.max_query_length:
            raise QueryError(f"query is {len(text)} characters; the limit is {settings.max_query_length} "
                             "(GYORYU_MAX_QUERY_LENGTH)")
        text = expand_query(text, lambda: _engine(settings))
        outcome = execute(store, text, args.format, max_length=None, max_results=settings.max_results)
    except (QueryError, ResultTooLarge) as exc:
        raise CliError(str(exc)) from exc
    sys.stdout.write(outcome.body.decode("utf-8"))
    if not outcome.body.endswith(b"\n"):
        sys.stdout.write("\n")
    return 0


def _guard(fn: Callable):
    """Run ``fn``; missing data, bad input and unknown names become one-line CLI errors."""
    try:
        return fn()
    except (FileNotFoundError, ValueError, LookupError) as exc:
        raise CliError(str(exc)) from exc


def _engine(settings: Settings):
    from index.search import SearchEngine

    return _guard(lambda: SearchEngine.load(settings.data_dir, settings))


def _check_k(k: int, settings: Settings) -> int:
    if not 1 <= k <= settings.max_k:
        raise CliError(f"-k must be between 1 and {settings.max_k}", EXIT_USAGE)
    return k


def _check_text(text: str | None, settings: Settings) -> str | None:
    """The API's text limit (``GYORYU_MAX_TEXT_LENGTH``), checked before any data is opened."""
    if text is not None and len(text) > settings.max_text_length:
        raise CliError(f"the text has {len(text)} characters; the limit is {settings.max_text_length} "
                       "(GYORYU_MAX_TEXT_LENGTH)", EXIT_USAGE)
    return text


def _format_hit(n: int, hit: dict) -> str:
    entities = ", ".join(e["label"] for e in hit.get("entities", [])[:5])
    span = f"{hit['doc']}:{hit['line_start']}-{hit['line_end']}"
    text = " ".join(hit["text"].split())
    return f"{n:>2}. {hit['score']:.3f}  {span}  {hit.get('title', '')}\n    {text[:200]}" + (
        f"\n    → {entities}" if entities else "")


def cmd_search(args: argparse.Namespace) -> int:
    settings = _settings(args)
    k, _ = _check_k(args.k, settings), _check_text(args.text, settings)
    result = _guard(lambda: _engine(settings).search(args.text, k=k, mode=args.mode))
    if args.json:
        _print_json(result)
    else:
        print(f"{len(result['hits'])} hits ({result['mode']}, {result['took_ms']} ms)")
        for n, hit in enumerate(result["hits"], 1):
            print(_format_hit(n, hit))
    return 0


def cmd_partners(args: argparse.Namespace) -> int:
    from index.partners import partners_like, rank_partners

    settings = _settings(args)
    k, _ = _check_k(args.k, settings), _check_text(args.text, settings)
    engine = _engine(settings)
    if args.like:
        result = _guard(lambda: partners_like(engine, args.text, k=k, exclude_existing=not args.include_existing))
    else:
        result = _guard(lambda: rank_partners(engine, args.text, k=k, type=args.type, country=args.country))
    if args.json:
        _print_json(result)
    else:
        print(f"{len(result['partners'])} partners ({result['took_ms']} ms)")
        for n, p in enumerate(result["partners"], 1):
            print(f"{n:>2}. {p['score']:.3f}  {p['label']}  ({p['type']})  {p['iri']}")
            for hit in p.get("evidence", [])[:2]:
                text = " ".join(hit["text"].split())[:120]
                print(f"      {hit['doc']}:{hit['line_start']}-{hit['line_end']}  {text}")
    return 0


def _store(settings: Settings):
    """The built data's graph store (missing or damaged data: a one-line error)."""
    from graph.store import open_store

    return _guard(lambda: open_store(settings.data_dir, settings.store))


def _ask_store(args: argparse.Namespace, text: str | None, ask: Callable) -> dict:
    """``ask(store)`` for a command naming ``text`` (checked as every query text is): the answer of the store."""
    settings = _settings(args)
    _check_text(text, settings)
    store = _store(settings)
    return _guard(lambda: ask(store))


def cmd_agreements(args: argparse.Namespace) -> int:
    from graph.queries import agreements_of

    result = _ask_store(args, args.party, lambda store: agreements_of(store, args.party))
    if args.json:
        _print_json(result)
    else:
        print(f"{result['party']['label']}: {len(result['agreements'])} agreements")
        for a in result["agreements"]:
            src = a["source"]
            print(f"  {a['date']}  {a['partner']['label']}  [{a['type']}]  {src['doc']}:{src['line_start']}")
            if a["fields"]:
                print(f"      {', '.join(a['fields'])}")
    return 0


def cmd_coordinators(args: argparse.Namespace) -> int:
    from graph.queries import coordinators

    result = _ask_store(args, args.name, lambda store: coordinators(store, args.name, args.history))
    if args.json:
        _print_json(result)
        return 0
    for sc in result["subcommittees"]:
        for tag, statements in (("latest", sc["latest"]), ("earlier", sc.get("earlier", []))):
            for s in statements:
                who = ", ".join(c["label"] for c in s["coordinators"]) or f"undecided ({s['stated']})"
                src = s["source"]
                print(f"{sc['label']}  {s['as_of']} [{tag}]  {who}  {src['doc']}:{src['line_start']}")
    return 0


def cmd_network(args: argparse.Namespace) -> int:
    import networkx as nx

    from graph.network import agreement_graph, label_index

    g = agreement_graph(_store(_settings(args)))
    labels = label_index(g)
    if args.path:
        a, b = args.path
        missing = [x for x in (a, b) if x not in labels]
        if missing:
            raise CliError(f"not in the agreement network: {', '.join(missing)}")
        try:
            path = nx.shortest_path(g, labels[a], labels[b])
        except nx.NetworkXNoPath as exc:
            raise CliError(f"no path between {a} and {b}") from exc
        print(" → ".join(g.nodes[n]["label"] for n in path))
        return 0
    ranked = sorted(g.degree, key=lambda kv: (-kv[1], g.nodes[kv[0]]["label"]))[: args.top]
    print(f"{g.number_of_nodes()} regions, {g.number_of_edges()} partnerships")
    for node, degree in ranked:
        print(f"  {degree:>3}  {g.nodes[node]['label']}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from graph.validate import validate_data_dir

    settings = _settings(args)
    conforms, text = _guard(lambda: validate_data_dir(settings.data_dir))
    print(text.strip())
    return 0 if conforms else EXIT_ERROR


def cmd_eval(args: argparse.Namespace) -> int:
    if args.extraction:
        return _extraction_eval(args)
    from index.evaluation import (
        earlier_run,
        format_eval,
        format_gains,
        format_oracle,
        format_span_places,
        format_tune_questions,
        run_eval,
        tune_gains,
        tune_oracle,
        tune_span_places,
    )

    settings = _settings(args)
    engine = _engine(settings) if args.tune_spans or args.tune_oracle else None
    # a tuner's tools run on the tune half alone: no held-out figure is printed beside them
    tuning = args.tune_only or args.against or args.tune_questions or args.tune_spans or args.tune_oracle
    split = "tune" if tuning else None
    earlier = _guard(lambda: earlier_run(Path(args.against))) if args.against else None  # bad input before the run
    result = _guard(lambda: run_eval(settings.data_dir, settings, engine=engine, split=split))
    if earlier is not None:
        result["tune_gains"] = tune_gains(earlier, result)
    if args.json:
        _print_json(result)
    else:
        print(format_eval(result))
        if args.tune_questions:
            print("\n" + format_tune_questions(result))
        if earlier is not None:
            print("\n" + format_gains(result["tune_gains"]))
    if args.tune_spans:
        from index.artifacts import read_jsonl
        from index.evaluation import QUESTIONS

        print("\n" + format_span_places(tune_span_places(engine, read_jsonl(QUESTIONS))))
    if args.tune_oracle:
        from index.evaluation import QUESTIONS, read_split

        print("\n" + format_oracle(tune_oracle(engine, read_split(QUESTIONS, "tune"))))
    return 0


def _extraction_eval(args: argparse.Namespace) -> int:
    """``gyoryu eval --extraction``: the general readers against the judged set, per split; NEAR officials."""
    from corpus import load_corpus
    from graph.build import build_graph
    from graph.extraction_eval import (
        format_extraction_eval,
        measure_calibration,
        near_officials_recall,
        run_extraction_eval,
    )

    if args.calibrate:
        print(_guard(measure_calibration), end="")
        return 0
    result = _guard(run_extraction_eval)
    result.pop("_results", None)
    seed = build_graph(load_corpus()).dataset
    seed.default_union = True
    result["near"] = near_officials_recall(seed)
    if args.json:
        _print_json(result)
    else:
        print(format_extraction_eval(result))
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    """Read files and folders into the built data; exit 1 if a named file was unreadable or nothing went in."""
    from corpus.sources import MissingSource
    from gyoryu.ingest import IngestError, ingest
    from runtime.progress import Progress

    settings = _settings(args)
    try:
        outcome = ingest([Path(p) for p in args.paths], settings.data_dir, settings, Progress(quiet=args.quiet),
                         warn=lambda message: print(f"gyoryu ingest: warning: {message}", file=sys.stderr))
    except MissingSource as exc:
        raise CliError(str(exc), EXIT_USAGE) from exc
    except (FileNotFoundError, IngestError, ValueError) as exc:
        raise CliError(str(exc)) from exc
    parts = [f"{label} {len(ids)}: {', '.join(sorted(ids))}" for label, ids in
             (("added", outcome.added), ("replaced", outcome.replaced)) if ids]
    parts += [f"{label} {len(ids)}" for label, ids in
              (("unchanged", outcome.unchanged), ("skipped", outcome.skipped)) if ids]
    verb = "ingested into" if outcome.changed else "nothing to ingest in"
    print(f"{verb} {settings.data_dir}: " + ("; ".join(parts) or "no documents found"))
    if outcome.named_failures:
        raise CliError(f"could not read {', '.join(outcome.named_failures)}")
    if not outcome.changed and not outcome.unchanged:
        raise CliError("nothing could be ingested")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    """Take documents out of the built data."""
    from gyoryu.ingest import IngestError, remove
    from runtime.progress import Progress

    settings = _settings(args)
    try:
        removed = remove(args.docs, settings.data_dir, settings, Progress(quiet=args.quiet))
    except LookupError as exc:
        raise CliError(str(exc).strip("'\""), EXIT_USAGE) from exc
    except (FileNotFoundError, IngestError, ValueError) as exc:
        raise CliError(str(exc)) from exc
    print(f"removed from {settings.data_dir}: {', '.join(removed)}")
    return 0


# -- parser ---------------------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    parser = argparse.ArgumentParser(prog="gyoryu", description="Gyoryu: exchange-and-cooperation knowledge "
                                     "graph and semantic search over Korean local-government documents.")
    parser.add_argument("--version", action="version", version=f"gyoryu {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, fn: Callable, help_text: str, data: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        if data:
            p.add_argument("--data", metavar="DIR", help="data directory (default: $GYORYU_DATA or ./data)")
        p.set_defaults(func=fn)
        return p

    p = command("build", cmd_build, "extract, resolve, validate, embed and index the corpus into DATA (atomic)")
    p.add_argument("--corpus", metavar="DIR", help="corpus directory (default: the embedded corpus/)")
    p.add_argument("--graph-only", action="store_true", help="skip embeddings and search indexes")
    p.add_argument("--stream", action="store_true",
                   help="stream facts into the store document by document, whatever the corpus size (default: "
                        "above $GYORYU_STREAM_ABOVE documents)")
    p.add_argument("-q", "--quiet", action="store_true", help="print only the result line")
    _add_worker_options(p)

    p = command("serve", cmd_serve, "serve the web page and API on a production WSGI server (waitress)")
    p.add_argument("--host", help="address to listen on (default: $GYORYU_HOST or 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default: $GYORYU_PORT or 8000)")

    p = command("sparql", cmd_sparql, "run a read-only SPARQL query")
    p.add_argument("query", nargs="?", help="the query text")
    p.add_argument("-f", "--file", help="read the query from FILE")
    p.add_argument("--format", default="table", choices=cli_choices(),
                   help="output format (default: table; json is SPARQL 1.1 JSON results)")

    p = command("search", cmd_search, "ranked passages for a question, in Korean or English")
    p.add_argument("text")
    p.add_argument("-k", type=int, default=10, help="number of hits (default 10)")
    p.add_argument("--mode", default=DEFAULT_MODE, choices=MODES)
    p.add_argument("--json", action="store_true", help="print DESIGN.md's JSON shape")

    p = command("partners", cmd_partners, "rank regions and organisations for a need, with evidence")
    p.add_argument("text", help="the need, or with --like a region's name")
    p.add_argument("-k", type=int, default=10)
    p.add_argument("--type", choices=PARTNER_KINDS)
    p.add_argument("--country", help="ISO code or name, e.g. KR, CN, 일본")
    p.add_argument("--like", action="store_true", help="regions whose cooperation profile resembles TEXT")
    p.add_argument("--include-existing", action="store_true", help="with --like: keep existing partners")
    p.add_argument("--json", action="store_true")

    p = command("agreements", cmd_agreements, "agreements of a party: partner, date, type, fields, source")
    p.add_argument("party", help="label, variant spelling or IRI")
    p.add_argument("--json", action="store_true")

    p = command("coordinators", cmd_coordinators, "who coordinates each sub-committee: latest, or all with --history")
    p.add_argument("name", nargs="?", help="a sub-committee (e.g. 관광) or IRI; all when absent")
    p.add_argument("--history", action="store_true", help="also earlier statements, with year and source")
    p.add_argument("--json", action="store_true")

    p = command("network", cmd_network, "the region–region agreement network: degrees, or a shortest path")
    p.add_argument("--path", nargs=2, metavar=("FROM", "TO"), help="shortest path between two regions")
    p.add_argument("--top", type=int, default=10, help="regions with most partners to list")

    command("validate", cmd_validate, "SHACL report of the built graph; non-zero exit on violations")

    p = command("eval", cmd_eval, "the retrieval evaluation: nDCG@10, Recall@10, MRR per mode; with --extraction "
                "the general readers against eval/extraction (precision and recall per split)")
    p.add_argument("--extraction", action="store_true", help="score the extraction readers instead of retrieval")
    p.add_argument("--calibrate", action="store_true",
                   help="with --extraction: print the confidence calibration measured on the tune half (TSV for "
                        "graph/data/confidence_calibration.tsv)")
    p.add_argument("--tune-questions", action="store_true",
                   help="list the tune half's questions, worst hybrid nDCG@10 first (implies --tune-only)")
    p.add_argument("--tune-spans", action="store_true",
                   help="also count the tune half's judged spans by question kind and where the hybrid hits meet "
                        "them (credited, shadowed by another span, ranks 11-20, 21-100, beyond; implies --tune-only)")
    p.add_argument("--tune-oracle", action="store_true",
                   help="also the tune half's hybrid nDCG@10 with its first 10/20/30/50/100 hits in the best order "
                        "(an oracle's): how much a better re-ranker of them could gain (implies --tune-only)")
    p.add_argument("--tune-only", action="store_true",
                   help="evaluate the tune half alone: held-out questions and needs are dropped as they are read")
    p.add_argument("--against", metavar="JSON",
                   help="with the tune half alone, also the paired bootstrap of each mode's gain over the tune "
                        "questions of an earlier `gyoryu eval --tune-only --json` run saved in JSON")
    p.add_argument("--json", action="store_true")

    p = command("ingest", cmd_ingest, "add or update documents (.txt .md .html .htm .pdf .docx .hwpx .hwp; folders "
                "recursively) in the built data; unchanged documents are neither read, extracted nor embedded again")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files and folders")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    _add_worker_options(p)

    p = command("remove", cmd_remove, "take documents out of the built data (atomic, incremental)")
    p.add_argument("docs", nargs="+", metavar="DOC", help="document ids, as in data/corpus/manifest.tsv")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: parse, run, report errors as one line."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        print(f"gyoryu {args.command}: error: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
