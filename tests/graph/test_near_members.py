"""NEAR membership: the brochure's 70 members in 6 countries and observers; the 2024 state and new members."""

from __future__ import annotations

from graph.examples_corpus import rows

REPORT = "002_034c79dc83e9e66f.txt"
BROCHURE = "003_f806944ff0a1a74c.txt"
G = "https://w3id.org/gyoryu/id/graph/"


def members(store, doc: str) -> dict[str, dict[str, str]]:
    found = rows(store, f"""SELECT ?r ?kind ?since ?asOf WHERE {{ GRAPH <{G}{doc}> {{
        ?m a gy:Membership ; org:member ?r ; org:organization <https://w3id.org/gyoryu/id/organization/near> ;
           gy:asOf ?asOf . ?r gy:memberOf <https://w3id.org/gyoryu/id/organization/near> .
        OPTIONAL {{ ?m gy:membershipKind ?kind }} OPTIONAL {{ ?m gy:since ?since }} }} }}""")
    return {r["r"].rsplit("/", 1)[-1]: r for r in found}


def stated_counts(store, doc: str) -> dict[tuple[str, str], tuple[str, str]]:
    found = rows(store, f"""SELECT ?kind ?country ?n ?c WHERE {{ GRAPH <{G}{doc}> {{
        ?x a gy:MemberCount ; gy:membershipKind ?kind ; gy:memberCount ?n .
        OPTIONAL {{ ?x gy:country ?country }} OPTIONAL {{ ?x gy:countryCount ?c }} }} }}""")
    return {(r["kind"], r["country"].rsplit("/", 1)[-1] or "all"): (r["n"], r["c"]) for r in found}


def test_brochure_members_by_country_match_the_stated_counts(graph_store, graph_build):
    full = [r for r in members(graph_store, BROCHURE).values() if r["kind"] == "full"]
    assert len(full) == 70
    by_country = {}
    for r in rows(graph_store, f"""SELECT ?country (COUNT(DISTINCT ?r) AS ?n) WHERE {{ GRAPH <{G}{BROCHURE}> {{
        ?m gy:membershipKind "full" ; org:member ?r }} ?r gy:country ?country }} GROUP BY ?country"""):
        by_country[r["country"].rsplit("/", 1)[-1]] = int(r["n"])
    assert by_country == {"CN": 6, "JP": 10, "KR": 15, "KP": 2, "MN": 22, "RU": 15}
    counts = stated_counts(graph_store, BROCHURE)
    assert {c: int(n) for (k, c), (n, _) in counts.items() if k == "full"} == by_country
    assert not [i for i in graph_build.report.issues if i.doc == BROCHURE and i.kind == "inconsistency"]


def test_brochure_observers_keep_shanxi_and_shaanxi_apart(graph_store):
    observers = {k for k, r in members(graph_store, BROCHURE).items() if r["kind"] == "observer"}
    assert observers == {"cn-tianjin", "cn-shanxi", "cn-shaanxi", "cn-liaoning", "jp-yamaguchi"}


def test_2024_stated_totals(graph_store):
    counts = stated_counts(graph_store, REPORT)
    assert counts[("full", "all")][0] == "82"
    assert counts[("associate", "all")][0] == "2"
    assert counts[("special", "all")][0] == "1"
    assert counts[("observer", "all")][0] == "5"
    assert counts[("all", "all")] == ("90", "8")


def test_new_members_of_2024_with_kind_and_year(graph_store):
    now = members(graph_store, REPORT)
    assert (now["cn-qinghai"]["kind"], now["cn-qinghai"]["since"]) == ("full", "2024")
    assert (now["kg-chuy"]["kind"], now["kg-chuy"]["since"]) == ("associate", "2024")
    assert (now["kr-gyeongbuk-pohang"]["kind"], now["kr-gyeongbuk-pohang"]["since"]) == ("special", "2024")
    assert (now["jp-okinawa"]["kind"], now["jp-okinawa"]["since"]) == ("observer", "2024")
    assert now["vn-ho-chi-minh"]["kind"] == "associate"


def test_earlier_joinings_stated_in_the_report(graph_store):
    now = members(graph_store, REPORT)
    assert now["cn-inner-mongolia"]["since"] == "2016"
    assert now["cn-hunan"]["since"] == "2006"
    assert now["cn-liaoning"]["since"] == "2021"
    assert now["cn-gansu"]["since"] == "2023"


def test_membership_without_stated_kind_says_so(graph_store):
    unstated = rows(graph_store, f"""SELECT ?m ?note WHERE {{ GRAPH <{G}{REPORT}> {{ ?m a gy:Membership ;
        gy:note ?note FILTER NOT EXISTS {{ ?m gy:membershipKind ?k }} }} }}""")
    assert unstated and all("kind not stated" in r["note"] for r in unstated)
