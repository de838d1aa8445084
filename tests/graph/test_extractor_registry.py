"""The extractor registry: extractors register where they are defined, run in the order of MODULES,
and a missing module or a name taken twice is an error; extractors use the registry they are handed."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extractors
from graph.extractors import MODULES, ExtractorError, all_extractors, extractor
from graph.extractors.near_events import host_phrase
from graph.readers.people import SentenceReader
from graph.registry import Entity, Registry

EXTRACTOR_DIR = Path(extractors.__file__).parent
REPO = EXTRACTOR_DIR.parents[1]


def test_every_extractor_comes_from_the_module_that_defines_it_in_module_order() -> None:
    found = all_extractors()
    assert [(e.name, e.module) for e in found][:9] == [
        ("document metadata", "graph.extractors.document_metadata"),
        ("agreement tables", "graph.extractors.agreement_tables"),
        ("NEAR sub-committees", "graph.extractors.near_subcommittees"),
        ("NEAR members", "graph.extractors.near_members"),
        ("NEAR events", "graph.extractors.near_events"),
        ("NEAR officials", "graph.extractors.near_officials"),
        ("programme outline", "graph.extractors.programs_outline"),
        ("outsourced programme", "graph.extractors.programs_commission"),
        ("foundation work plan", "graph.extractors.programs_workplan"),
    ]
    assert {e.module for e in found} == set(MODULES)
    order = [MODULES.index(e.module) for e in found]
    assert order == sorted(order)


def test_modules_name_real_files_and_no_forwarding_module_is_left() -> None:
    for module in MODULES:
        assert (REPO / f"{module.replace('.', '/')}.py").is_file(), module
    assert not (EXTRACTOR_DIR / "near.py").exists()
    assert not (EXTRACTOR_DIR / "programs.py").exists()


def test_a_missing_module_is_an_error() -> None:
    with pytest.raises(ExtractorError, match="graph.extractors.no_such_family .* does not exist"):
        all_extractors(("graph.extractors.document_metadata", "graph.extractors.no_such_family"))


def test_an_import_error_inside_a_module_is_not_taken_for_a_missing_module(tmp_path, monkeypatch) -> None:
    (tmp_path / "broken_family.py").write_text("import no_such_dependency_anywhere\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError, match="no_such_dependency_anywhere"):
        all_extractors(("broken_family",))


def test_a_name_taken_twice_is_an_error_and_leaves_the_first() -> None:
    before = [e.name for e in all_extractors()]

    def impostor(w) -> None:
        """Another function claiming a taken name."""

    with pytest.raises(ExtractorError, match="'NEAR events' is taken twice"):
        extractor("NEAR events", applies=lambda doc: True)(impostor)
    assert [e.name for e in all_extractors()] == before
    assert next(e for e in all_extractors() if e.name == "NEAR events").run.__name__ == "extract_events"


def test_the_same_definition_registered_again_is_one_extractor() -> None:
    first = next(e for e in all_extractors() if e.name == "document metadata")
    extractor("document metadata", applies=first.applies)(first.run)
    assert [e.name for e in all_extractors()].count("document metadata") == 1


def _registry(*entities: Entity) -> Registry:
    reg = Registry()
    for e in entities:
        reg.add(e)
    return reg


def test_event_hosts_come_from_the_registry_handed_in() -> None:
    sentence = "2024년 9월 도야마현에서 개최된 회의"
    toyama = Entity(id="jp-toyama", kind="region", name_ko="도야마현", country="JP")
    found = host_phrase(sentence, _registry(toyama))
    assert found is not None and found[0].id == "jp-toyama"
    assert host_phrase(sentence, _registry()) is None


def test_person_names_and_places_are_told_apart_by_the_registry_handed_in() -> None:
    seoul = Entity(id="kr-seoul", kind="region", name_ko="서울특별시", aliases=("서울",), country="KR")
    knows_seoul, knows_nothing = SentenceReader(_registry(seoul)), SentenceReader(_registry())
    assert (knows_seoul.is_place("서울"), knows_seoul.name_word("서울")) == (True, False)
    assert (knows_nothing.is_place("서울"), knows_nothing.name_word("서울")) == (False, True)
