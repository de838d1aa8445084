"""General readers: facts from any document's tables, lists and sentences, driven by patterns and the registry.

:mod:`graph.readers.candidates` holds what a reader proposes and the one function that writes it;
:mod:`graph.readers.entities` resolves or mints the parties; :mod:`graph.readers.automatic` runs the
readers on every document. Reader code holds no place names, titles or phrases of particular documents:
names come from the registry (``graph/data``).
"""
