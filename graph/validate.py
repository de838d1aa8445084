"""SHACL validation of the graph against ``ontology/shapes.ttl`` (pyshacl).

The union of all named graphs is validated as one data graph, with the vocabulary as the
ontology graph (so ``rdfs:subClassOf`` is honoured).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pyshacl import validate
from rdflib import Dataset, Graph

from graph.store import GRAPH_FILE
from ontology import SHAPES_FILE, VOCABULARY_FILE
from runtime.built_data import MANIFEST_FILE, read_data_manifest, verify_files


def union_graph(dataset: Dataset) -> Graph:
    """All quads of ``dataset`` as one graph."""
    g = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def validate_dataset(dataset: Dataset) -> tuple[bool, str]:
    """``(conforms, report text)`` for the whole dataset."""
    return validate_graph(union_graph(dataset))


def validate_graph(data: Graph) -> tuple[bool, str]:
    """``(conforms, report text)`` for one graph."""
    conforms, _, text = validate_graph_results(data)
    return conforms, text


def validate_graph_results(data: Graph) -> tuple[bool, Graph, str]:
    """``(conforms, results graph, report text)`` for one graph."""
    shapes, ontology = _shapes_and_vocabulary()
    conforms, results, text = validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                       allow_warnings=True, advanced=True)
    return bool(conforms), results, str(text)


@lru_cache(maxsize=1)
def _shapes_and_vocabulary() -> tuple[Graph, Graph]:
    """The shapes and the vocabulary, parsed once per process (pyshacl reads them, never changes them)."""
    return Graph().parse(SHAPES_FILE, format="turtle"), Graph().parse(VOCABULARY_FILE, format="turtle")


def validate_data_dir(data_dir: Path) -> tuple[bool, str]:
    """Validate the ``graph.nq`` of built data."""
    path = Path(data_dir) / GRAPH_FILE
    if not path.exists():
        raise FileNotFoundError(f"no graph in {data_dir}: run `gyoryu build` first")
    if (Path(data_dir) / MANIFEST_FILE).exists():  # every data file hashed, however large
        verify_files(data_dir, read_data_manifest(data_dir), hash_limit=None)
    ds = Dataset()
    ds.parse(path, format="nquads")
    return validate_dataset(ds)
