"""One table under its title as a page of any kind (:func:`tests.fixtures.pages.page`, the shared page writer), and the
countries the graph gives the parties of automatic agreements."""

from __future__ import annotations

from pathlib import Path

from corpus import Document
from tests.fixtures.pages import page

KINDS = ("tsv", "md", "docx", "hwpx", "html")


def table_document(tmp_path: Path, kind: str, title: str, rows: list[list[str]], name: str = "table") -> Document:
    """``rows`` (the header first) under ``title`` as a page of ``kind`` (one of :data:`KINDS`), read back."""
    return page(tmp_path, kind, [title, rows], name)


def party_countries(built) -> dict[str, str]:
    """Each party of an automatic agreement in ``built``: its Korean label → its country code."""
    from ontology.namespaces import GY, RDFS

    q = """SELECT ?l ?c WHERE { ?a a gy:Agreement ; gy:extractionMethod "automatic" ; gy:party ?p .
           ?p rdfs:label ?l ; gy:country ?c FILTER(LANG(?l) = "ko") }"""
    built.dataset.default_union = True
    return {str(r.l): str(r.c).rsplit("/", 1)[-1] for r in built.dataset.query(q, initNs={"gy": GY, "rdfs": RDFS})}
