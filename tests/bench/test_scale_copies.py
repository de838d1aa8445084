"""The 1000× row's store: copies of a build's document graphs, renamed, with the union default graph."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from scale_copies import store_child  # noqa: E402

from graph.store import GRAPH_FILE  # noqa: E402

ID = "https://w3id.org/gyoryu/id/"
FIXED = {ID + "graph/registry", ID + "graph/ontology"}


def test_copies_rename_each_document_graph_and_keep_registry_entities_shared(built_data, tmp_path, capsys):
    seed = ox.Dataset(ox.parse(path=str(built_data / GRAPH_FILE), format=ox.RdfFormat.N_QUADS))
    graphs = {q.graph_name.value for q in seed}
    documents = graphs - FIXED
    fixed_quads = sum(1 for q in seed if q.graph_name.value in FIXED)
    store_child(built_data, tmp_path / "store", 2, float("inf"))
    figures = json.loads(capsys.readouterr().out)
    assert figures["copies_loaded"] == 2 and figures["stopped"] is None
    assert figures["named_graph_quads"] == fixed_quads + 2 * (len(seed) - fixed_quads)

    store = ox.Store.read_only(str(tmp_path / "store"))
    named = {g.value for g in store.named_graphs()}
    assert named == FIXED | {f"{g}--c{n}" for g in documents for n in (0, 1)}
    in_graphs = [q for q in store if not isinstance(q.graph_name, ox.DefaultGraph)]
    assert len(in_graphs) == figures["named_graph_quads"]
    union = {q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert union == {q.triple for q in in_graphs}  # the union default graph, as a set
    assert len(store) == figures["stored"] == len(in_graphs) + len(union)
    # an agreement of a seed document: one per copy, none under its own name; a registry region stays itself
    agreement = next(q.subject.value for q in seed if q.subject.value.startswith(ID + "agreement/"))
    subjects = {q.subject.value for q in in_graphs}
    assert {f"{agreement}--c0", f"{agreement}--c1"} <= subjects and agreement not in subjects
    hyogo = ox.NamedNode(ID + "region/jp-hyogo")
    assert len(list(store.quads_for_pattern(hyogo, None, None, None))) > 0
    assert not any(s.startswith(ID + "region/jp-hyogo--") for s in subjects)
