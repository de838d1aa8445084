"""A stated signing the readers cannot turn into a fact is reported with its line, never dropped in silence."""

from __future__ import annotations

import pytest

from graph.readers.automatic import UNREAD_SIGNING
from ontology.namespaces import GY, RDF
from tests.readers.helpers import build, document


def _read(text: str) -> tuple[int, list[tuple[str, int, str]]]:
    result = build(document("note.txt", text))
    agreements = len(set(result.dataset.subjects(RDF.type, GY.Agreement)))
    return agreements, [(i.kind, i.line, i.detail) for i in result.report.issues if i.doc == "note.txt"]


@pytest.mark.parametrize("line", [
    "강릉시는 2015년 3월 1일 바르나와 우호교류 협약을 체결했다.",  # a bare name: no place suffix, no country
    "가나시와 다라시는 2019년 5월 24일 자매결연을 맺었다.",  # place suffixes but no country, not in the registry
    "춘천시는 이날 일본 가나자와시와 자매결연을 맺었다.",  # no date of its own
    "춘천시는 이날 일본 가나자와시와\n자매결연 협약을 체결하였다.",  # the same over two lines
])
def test_a_signing_nothing_could_be_read_from_is_reported_at_its_line(line: str):
    agreements, issues = _read(f"교류 소식\n\n{line}\n")
    assert agreements == 0
    assert issues == [("unresolved", 3, UNREAD_SIGNING)]


@pytest.mark.parametrize("line", [
    "강릉시는 2015년 3월 1일 불가리아 바르나와 우호교류 협약을 체결했다.",  # read: a new place with its country
    "강릉시는 2025년 3월 일본 오타루시와 자매결연 체결을 추진 중이다.",  # a plan: an intent, no signing
    "강릉시는 2024년 관광 박람회에 참가했다.",  # no relation word
    "강릉시와 오타루시는 자매결연 체결 이후 교류를 이어왔다.",  # a past signing named, not stated here
])
def test_signings_read_plans_and_other_sentences_are_not_reported(line: str):
    _, issues = _read(f"교류 소식\n\n{line}\n")
    assert [i for i in issues if i[2] == UNREAD_SIGNING] == []


def test_a_name_already_reported_is_not_reported_again():
    agreements, issues = _read("교류 소식\n\n고성군은 2018년 4월 27일 중국 훈춘시와 우호교류 협약을 체결했다.\n")
    assert agreements == 0
    assert [(kind, line) for kind, line, _ in issues] == [("ambiguous", 3)]
