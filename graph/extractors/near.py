"""NEAR (Association of North East Asia Regional Governments) documents: annual reports and brochures.

Chosen by content: a document about NEAR's sub-committees and their coordinators. The work is split
into small modules: sub-committees, members, events and officials.
"""

from __future__ import annotations

from corpus import Document
from graph.extractors import extractor
from graph.extractors.near_subcommittees import extract_brochure_list, extract_report_table, extract_rules_list
from graph.facts import FactWriter


def is_near_document(doc: Document) -> bool:
    """A document about NEAR that names sub-committee coordinators."""
    text = "\n".join(doc.lines)
    return "NEAR" in text and "분과위원회" in text and "코디네이터" in text


@extractor("NEAR sub-committees", applies=is_near_document)
def extract_subcommittees(w: FactWriter) -> None:
    """Sub-committees with coordinators, founding year, meetings and fields."""
    extract_report_table(w)
    extract_brochure_list(w)
    extract_rules_list(w)
