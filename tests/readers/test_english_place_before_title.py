"""An English delegation list names the place, a separator, then the title and name: ``- Gana Province: Vice
Governor Hong Gil-dong``, ``Gana Prefecture — Governor …``, a table's ``Gana Prefecture | Governor …``. The post is
in the place before the separator, as in ``Gana Governor Hong Gil-dong`` written without one. Names are invented;
the places are registry names, each list read as plain text, Markdown, HTML and DOCX.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, store_of

POSTS = """PREFIX gy: <https://w3id.org/gyoryu/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?name ?role ?org WHERE { ?t a gy:Tenure ; gy:official/rdfs:label ?name ; gy:post ?p .
  ?p gy:role ?role ; org:postIn ?org . }"""

HEAD = ["Regional Leaders Forum: Summary", "Published: March 3, 2025", "Heads of delegations"]
LAYOUTS = {
    "colon": ["- Shandong Province: Vice Governor Liang Wenhua", "- Toyama Prefecture: Governor Harada Kenta"],
    "dash": ["Shandong Province — Vice Governor Liang Wenhua", "Toyama Prefecture - Governor Harada Kenta"],
    "bar": [[["Delegation", "Head"], ["Shandong Province", "Vice Governor Liang Wenhua"],
             ["Toyama Prefecture", "Governor Harada Kenta"]]],
}
EXPECTED = {("Liang Wenhua", "Vice-Governor", "cn-shandong"), ("Harada Kenta", "Governor", "jp-toyama")}


def posts(tmp_path: Path, kind: str, blocks: list) -> set[tuple[str, str, str]]:
    store = store_of(build(page(tmp_path, kind, blocks)).dataset, tmp_path)
    return {(r["name"].value, r["role"].value, r["org"].value.rsplit("/", 1)[-1])
            for r in store.query(POSTS, use_default_graph_as_union=True)}


@pytest.mark.parametrize("kind", ("txt", "md", "html", "docx"))
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_the_place_before_a_separator_holds_the_post(tmp_path: Path, kind: str, layout: str):
    assert posts(tmp_path, kind, [*HEAD, *LAYOUTS[layout]]) == EXPECTED


def test_a_country_or_a_sentence_before_the_colon_names_no_place(tmp_path: Path):
    # perturbation: a country is no region to hold a governor's post; a clause before the colon is no place
    blocks = [*HEAD, "- Japan: Governor Harada Kenta", "Remarks by the chair: Governor Harada Kenta thanked the hosts."]
    assert posts(tmp_path, "txt", blocks) == set()


ABBREVIATED = [
    "Toyama Gov. Harada Kenta and Shandong Vice Gov. Liang Wenhua signed the agreement on Monday.",
    "The agreement was signed by Gov. Harada Kenta of Toyama Prefecture and Vice Gov. Liang Wenhua of Shandong "
    "Province.",
    "- Toyama Prefecture: Gov. Harada Kenta",
]


@pytest.mark.parametrize("kind", ("txt", "html", "docx"))
@pytest.mark.parametrize("case", range(len(ABBREVIATED)))
def test_a_governor_abbreviated_in_news_style(tmp_path: Path, kind: str, case: int):
    found = posts(tmp_path, kind, [*HEAD, ABBREVIATED[case]])
    assert ("Harada Kenta", "Governor", "jp-toyama") in found
    assert found <= EXPECTED


def test_an_abbreviation_with_no_name_is_no_post(tmp_path: Path):
    # perturbation: the abbreviation alone, or before a word that is no name
    blocks = [*HEAD, "The Gov. said the Toyama Gov. Office would answer.", "Toyama Gov. Residence hosted the dinner."]
    assert posts(tmp_path, "txt", blocks) == set()
