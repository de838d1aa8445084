"""The ``gyoryu`` command end to end, as a user runs it (subprocesses on the real corpus)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic

from graph.examples import EXAMPLES
from graph.query_pool import QueryPool
from graph.store import STORE_DIR
from graph.validate import union_graph
from runtime.built_data import file_inventory
from tests.cli.runner import gyoryu


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("cli") / "data"
    proc = gyoryu("build", "--graph-only", data=directory)
    assert "Agreement 85" in proc.stdout
    assert "서울특별시: 69 partners (광역 13, 기초 56), 85 agreements" in proc.stderr
    assert "document states 69 (광역 13, 기초 56)" in proc.stderr
    assert "'저 ㅇ ㅂ' row assigned to 정읍시" in proc.stderr  # unresolved names are listed
    return directory


def _graph(directory: Path) -> Dataset:
    ds = Dataset()
    ds.parse(directory / "graph.nq", format="nquads")
    return ds


def test_build_writes_a_manifest_with_input_hashes(data):
    manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["corpus"]["documents"]["001_4aac3573a45a98c8.txt"] == (
        "061e34374f849bc580f4e5a0e7a9f3a71773b64221e695639e26de0cc0142f3c")
    assert manifest["graph"]["counts"]["Agreement"] == 85


def test_two_builds_give_isomorphic_graphs(data, tmp_path):
    again = tmp_path / "again"
    gyoryu("build", "--graph-only", "-q", "--data", str(again))
    assert (again / "graph.nq").read_bytes() == (data / "graph.nq").read_bytes()
    assert isomorphic(union_graph(_graph(again)), union_graph(_graph(data)))


def test_a_failed_build_keeps_the_previous_data(data, tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(data, copy)
    before = (copy / "graph.nq").read_bytes()
    proc = gyoryu("build", "--graph-only", "--corpus", str(tmp_path / "missing"), "--data", str(copy), check=False)
    assert proc.returncode != 0 and "previous data kept" in proc.stderr
    assert (copy / "graph.nq").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]  # no half-built directory left behind


def test_validate_is_clean(data):
    proc = gyoryu("validate", data=data)
    assert "Conforms: True" in proc.stdout


def test_validate_fails_on_a_violation(data, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(data, broken)
    with (broken / "graph.nq").open("a", encoding="utf-8") as fh:
        fh.write('<https://w3id.org/gyoryu/id/agreement/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
                 '<https://w3id.org/gyoryu/ontology#Agreement> <https://w3id.org/gyoryu/id/graph/x> .\n')
    # as if a build had written this graph: its inventory matches, so validate reaches the shapes
    manifest = json.loads((broken / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"] = file_inventory(broken)
    (broken / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    proc = gyoryu("validate", data=broken, check=False)
    assert proc.returncode == 1 and "Conforms: False" in proc.stdout


def test_sparql_json_is_sparql_results(data):
    proc = gyoryu("sparql", "--format", "json", EXAMPLES[3]["query"], data=data)
    result = json.loads(proc.stdout)
    assert result["head"]["vars"] == ["level", "partners", "agreements"]
    values = {b["level"]["value"]: (b["partners"]["value"], b["agreements"]["value"])
              for b in result["results"]["bindings"]}
    assert values == {"광역": ("13", "25"), "기초": ("56", "60")}


def test_sparql_csv_tsv_table_and_turtle(data, tmp_path):
    query_file = tmp_path / "q.rq"
    query_file.write_text(EXAMPLES[1]["query"], encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(gyoryu("sparql", "-f", str(query_file), "--format", "csv",
                                                  data=data).stdout)))
    several = {r["partner"]: int(r["agreements"]) for r in rows}
    assert several["제주특별자치도"] == 3 and several["대구광역시"] == 3 and several["경상북도"] == 3
    assert len(several) == 13
    tsv = gyoryu("sparql", "-f", str(query_file), "--format", "tsv", data=data).stdout
    assert tsv.splitlines()[0].startswith("?partner\t?agreements")
    table = gyoryu("sparql", "-f", str(query_file), data=data).stdout
    assert "(13 rows)" in table
    turtle = gyoryu("sparql", "--format", "turtle", "CONSTRUCT { ?a gy:signedOn ?d } WHERE { "
                    "?a gy:party <https://w3id.org/gyoryu/id/region/kr-jeonnam> ; gy:signedOn ?d }", data=data).stdout
    assert '"2004-12-17"^^xsd:date' in turtle


def test_every_readme_example_answers(data):
    for example in EXAMPLES:
        result = json.loads(gyoryu("sparql", "--format", "json", example["query"], data=data).stdout)
        assert result["results"]["bindings"], example["id"]


@pytest.mark.parametrize(("query", "message"), [
    ("DELETE WHERE { ?s ?p ?o }", "read-only"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE is not allowed"),
    ("SELECT * WHERE { ?s ?p }", "syntax error"),
])
def test_sparql_rejects_bad_queries_with_a_message(data, query, message):
    proc = gyoryu("sparql", query, data=data, check=False)
    assert proc.returncode == 1 and message in proc.stderr and "Traceback" not in proc.stderr


def test_missing_data_is_a_clear_error(tmp_path):
    proc = gyoryu("sparql", "ASK {}", data=tmp_path / "nothing", check=False)
    assert proc.returncode == 1 and "run `gyoryu build` first" in proc.stderr


def test_eval_against_a_file_that_is_no_earlier_run_fails_before_searching(tmp_path):
    (tmp_path / "notes.json").write_text("[1, 2]", encoding="utf-8")
    proc = gyoryu("eval", "--against", str(tmp_path / "notes.json"), data=tmp_path / "nothing", check=False)
    assert proc.returncode == 1 and "holds no per-question scores" in proc.stderr and "Traceback" not in proc.stderr


def test_a_tuners_eval_tools_print_no_held_out_figure(built_data):
    out = gyoryu("eval", "--tune-questions", "--tune-oracle", data=built_data).stdout
    rows = [line.split() for line in out.splitlines()]
    assert {row[0] for row in rows if len(row) == 7 and row[1] in ("lexical", "dense", "hybrid")} == {"tune"}
    assert "heldout" not in out and "partner recall@10 [tune]" in out
    assert "tune questions, worst hybrid nDCG@10 first" in out
    oracle = out[out.index("in the best order"):].splitlines()
    assert oracle[1].split() == ["lang", "n", "shipped", "n=10", "n=20", "n=30", "n=50", "n=100"]
    shipped, *best = (float(x) for x in next(r for r in oracle if r.startswith("all")).split()[2:])
    assert shipped <= best[0] and best == sorted(best)


def test_agreements_command(data):
    result = json.loads(gyoryu("agreements", "충청북도", "--json", data=data).stdout)
    assert [(a["partner"]["label"], a["date"]) for a in result["agreements"]] == [
        ("서울특별시", "2008-07-11"), ("서울특별시", "2023-06-10")]
    assert result["agreements"][1]["source"] == {"doc": "001_4aac3573a45a98c8.txt", "line_start": 301,
                                                 "line_end": 301}


def test_network_degree_and_path(data):
    degrees = gyoryu("network", "--top", "1", data=data).stdout
    assert "서울특별시" in degrees.splitlines()[1]
    path = gyoryu("network", "--path", "완주군", "전라남도", data=data).stdout.strip()
    assert path == "완주군 → 서울특별시 → 전라남도"


def test_coordinators_command_latest_and_history(data):
    latest = gyoryu("coordinators", "환경", data=data).stdout.splitlines()
    assert latest == ["환경분과위원회  2024 [latest]  도야마현  002_034c79dc83e9e66f.txt:403"]
    history = gyoryu("coordinators", "환경", "--history", data=data).stdout
    assert "2010 [earlier]  도야마현  003_f806944ff0a1a74c.txt:170" in history  # printed 토야마현 in 2010


def test_build_writes_the_store_the_sparql_workers_share(data):
    quads = list(ox.parse(path=str(data / "graph.nq"), format=ox.RdfFormat.N_QUADS))
    distinct = {q.triple for q in quads}
    store = ox.Store.read_only(str(data / STORE_DIR))
    default = list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert len(store) == len(quads) + len(distinct) and {q.triple for q in default} == distinct
    pool = QueryPool(data, workers=1)
    try:
        assert pool.shared.path == (data / STORE_DIR).resolve() and not pool.shared.temporary
        counts = json.loads((data / "manifest.json").read_text(encoding="utf-8"))["graph"]["counts"]
        answer = pool.run("SELECT (COUNT(?a) AS ?n) WHERE { ?a a gy:Agreement }", "csv").body
        assert answer.split() == [b"n", str(counts["Agreement"]).encode()]
    finally:
        pool.close()
