"""networkx views of the graph, for graph algorithms (degree, shortest paths, communities)."""

from __future__ import annotations

import networkx as nx

from graph.store import GraphStore


def agreement_graph(store: GraphStore) -> nx.Graph:
    """Region–region graph: an edge per pair of agreement parties, with the signing dates as ``dates``."""
    g = nx.Graph()
    rows = store.query("""SELECT ?a ?b ?la ?lb ?date WHERE {
        ?ag a gy:Agreement ; gy:party ?a, ?b ; gy:signedOn ?date . FILTER(STR(?a) < STR(?b))
        OPTIONAL { ?a rdfs:label ?la FILTER(LANG(?la) = "ko") }
        OPTIONAL { ?b rdfs:label ?lb FILTER(LANG(?lb) = "ko") } }""")
    for row in rows:
        a, b = row["a"].value, row["b"].value
        g.add_node(a, label=row["la"].value if row["la"] else a)
        g.add_node(b, label=row["lb"].value if row["lb"] else b)
        dates = g.edges[a, b]["dates"] if g.has_edge(a, b) else []
        g.add_edge(a, b, dates=sorted([*dates, row["date"].value]))
    return g


def label_index(g: nx.Graph) -> dict[str, str]:
    """Node IRI by Korean label."""
    return {data["label"]: node for node, data in g.nodes(data=True)}
