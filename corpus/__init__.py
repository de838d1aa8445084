"""The documents: the embedded corpus, reading files of every format into numbered lines, and looking them up.

File name + 1-based line number is the provenance key everywhere.
"""

from corpus.loader import Document, load_corpus, load_document

__all__ = ["Document", "load_corpus", "load_document"]
