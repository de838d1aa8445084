"""NEAR (Association of North East Asia Regional Governments) documents: annual reports and brochures.

Chosen by content: a document about NEAR's sub-committees and their coordinators. The work is split
into small modules: sub-committees, members, events and officials.
"""

from __future__ import annotations

from corpus import Document
from graph.extractors import extractor
from graph.extractors import near_events as events
from graph.extractors import near_members as members
from graph.extractors import near_officials as officials
from graph.extractors import near_subcommittees as subcommittees
from graph.facts import FactWriter


def is_near_document(doc: Document) -> bool:
    """A document about NEAR that names sub-committee coordinators."""
    text = "\n".join(doc.lines)
    return "NEAR" in text and "분과위원회" in text and "코디네이터" in text


@extractor("NEAR sub-committees", applies=is_near_document)
def extract_subcommittees(w: FactWriter) -> None:
    """Sub-committees with coordinators, founding year, meetings and fields."""
    subcommittees.extract_report_table(w)
    subcommittees.extract_brochure_list(w)
    subcommittees.extract_rules_list(w)


@extractor("NEAR members", applies=is_near_document)
def extract_members(w: FactWriter) -> None:
    """Members by country, observers, stated totals and joinings."""
    members.extract_country_lists(w)
    members.extract_observer_list(w)
    members.extract_stated_counts(w)
    members.extract_joinings(w)


@extractor("NEAR events", applies=is_near_document)
def extract_events(w: FactWriter) -> None:
    """General assemblies, working committees, sub-committee meetings, workshops."""
    events.extract_history(w)
    events.extract_mentions(w)
    events.extract_participants(w)
    events.extract_section_events(w)
    events.extract_outcomes(w)


@extractor("NEAR officials", applies=is_near_document)
def extract_officials(w: FactWriter) -> None:
    """Every person named with a role: governors, mayors, ambassadors, the secretariat's staff."""
    officials.extract_officials(w)
