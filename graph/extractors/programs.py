"""Programmes run by local governments and foundations, chosen by what a document contains:

* an outline status report (``추진지역`` / ``예산소요`` blocks) — :mod:`graph.extractors.programs_outline`;
* a council review of an outsourced programme (민간위탁/수탁) — :mod:`graph.extractors.programs_commission`;
* a foundation's monthly work plan (team sections ``【…】``) — :mod:`graph.extractors.programs_workplan`.
"""

from __future__ import annotations

from graph.extractors import extractor, text_contains
from graph.extractors.programs_commission import extract_commission
from graph.extractors.programs_outline import extract_outline
from graph.extractors.programs_workplan import extract_workplan
from graph.facts import FactWriter


@extractor("programme outline", applies=text_contains("추진지역", "예산소요"))
def extract_outline_report(w: FactWriter) -> None:
    """Sub-programmes with partner, field, budget, department and achievement rates."""
    extract_outline(w)


@extractor("outsourced programme", applies=text_contains("민간위탁", "수탁"))
def extract_outsourced(w: FactWriter) -> None:
    """Operator history, budgets by year, the facility and its sales."""
    extract_commission(w)


@extractor("foundation work plan", applies=text_contains("업무추진계획", "【"))
def extract_foundation_plan(w: FactWriter) -> None:
    """Teams, programmes and their figures."""
    extract_workplan(w)
