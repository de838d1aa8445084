"""The search modes, once: the CLI's ``--mode`` choices, the API's validation and its description derive from here.

>>> MODES, DEFAULT_MODE
(('hybrid', 'dense', 'lexical'), 'hybrid')
"""

from __future__ import annotations

#: Mode name → what it ranks by. The first is the default.
SEARCH_MODES: dict[str, str] = {
    "hybrid": "reciprocal rank fusion of dense and lexical, weighted by the query's share of Hangul",
    "dense": "multilingual-e5-small embeddings in FAISS (meaning, Korean or English)",
    "lexical": "BM25 over Kiwi morphemes (the words of the text)",
}
MODES: tuple[str, ...] = tuple(SEARCH_MODES)
DEFAULT_MODE = MODES[0]
