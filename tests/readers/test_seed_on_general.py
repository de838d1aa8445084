"""The seed readers on the general machinery: Seoul's table through the general table reader (any cell separator),
every spelling of a sub-committee kept, an unreadable cell flagged and kept raw, not made a concept."""

from __future__ import annotations

from rdflib import Literal

from graph.fields import readable_field
from ontology.namespaces import GY, ID, RDF, SKOS
from tests.readers.helpers import build, document


def test_seoul_shaped_pipe_table_is_read_by_the_curated_reader_with_merged_name_cells():
    text = "\n".join([
        "서울시 우호교류협약 체결 현황",
        "연번 | 기관명 | 체결일자 | 주요 협력분야",
        "  |  | '04.12.17 | 문화관광, 청소년",
        "1 | 전 라 남 도 * | '05.06.13 | 행정분야 교류",
        "  |  | '06.01.02 | 재난 구호",
        "2 | 충청 북도* | '08.07.11 | 관광, 문화예술",
    ])
    result = build(document("seoul_pipe.txt", text))
    ds = result.dataset
    nodes = {str(s).rsplit("/", 1)[-1] for s, _, _, _ in ds.quads((None, RDF.type, GY.Agreement, None))}
    assert nodes == {"kr-seoul--kr-jeonnam--2004-12-17", "kr-seoul--kr-jeonnam--2005-06-13",
                     "kr-seoul--kr-jeonnam--2006-01-02", "kr-seoul--kr-chungbuk--2008-07-11"}
    assert {o for _, _, o, _ in ds.quads((None, GY.extractionMethod, None, None))} == {Literal("curated")}


def test_brochure_sub_committee_names_are_alt_labels(graph_build):
    ds = graph_build.dataset
    alt = {str(o) for _, _, o, _ in ds.quads((ID["subcommittee/near-economy"], SKOS.altLabel, None, None))}
    assert "경제통상분과위원회" in alt
    alt = {str(o) for _, _, o, _ in ds.quads((ID["subcommittee/near-mineral"], SKOS.altLabel, None, None))}
    assert "광물자원개발·조정분과위원회" in alt


def test_unreadable_cell_is_flagged_and_kept_raw(graph_build):
    issues = [i for i in graph_build.report.issues if i.line == 304 and i.doc.startswith("001")]
    assert [i.text for i in issues] == ["관망 그래 가장"]
    ds = graph_build.dataset
    labels = {str(o) for _, _, o, _ in ds.quads((None, SKOS.prefLabel, None, None))}
    assert "관망 그래 가장" not in labels
    raw = {str(o) for _, _, o, _ in ds.quads((None, GY.fieldText, None, None))}
    assert "관망 그래 가장" in raw
    assert not readable_field("냠냐 뇽뇽") and readable_field("관광 활성화")
