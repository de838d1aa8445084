"""The general sentence reader: agreements and intents stated in running text, through the real build."""

from __future__ import annotations

from tests.readers.helpers import build, document, facts, store_of

NEWS = """서울특별시-강릉시 우호교류 협약 체결
입력 2025.03.07 10:00

서울특별시와 강릉시는 2025년 3월 5일 서울시청에서 우호교류 협약을 체결했다.
양 도시는 관광과 문화 분야에서 협력하기로 했다.
"""

WANJU = """완주군 국제교류 현황

군은 2019년 5월 일본 하루미시와 자매결연을 맺었다.
앞서 군은 미국 레드우드시(1998년), 중국 청룡시(2005년)과 각각 친선결연을 맺었다.
군은 올해 베트남 반하성과 우호교류 협약 체결을 추진 중이며, 내년에는 몽골 초원시에 교류의향서를 전달할 계획이다.
완주군은 2020년 자매결연 20주년 기념 행사를 열었다.
"""


def test_news_article_both_parties_named_with_day_date():
    assert facts(build(document("news.txt", NEWS))) == {("강릉시", "서울특별시", "2025-03-05", "friendship")}


def test_subject_carried_from_the_title_pairs_in_brackets_and_plans_as_intents():
    result = build(document("wanju.txt", WANJU))
    assert facts(result) == {
        ("완주군", "하루미시", "2019-05", "sister"),
        ("레드우드시", "완주군", "1998", "goodwill"),
        ("완주군", "청룡시", "2005", "goodwill"),
    }
    # 추진 중 / 의향서 전달 계획: intents with their stated (relative) year, never agreements
    assert facts(result, "AgreementIntent") == {
        ("반하성", "완주군", "", "friendship"),
        ("완주군", "초원시", "", "letterOfIntent"),
    }


def test_dates_keep_their_precision_and_minted_partners_their_country(tmp_path):
    store = store_of(build(document("wanju.txt", WANJU)).dataset, tmp_path)
    rows = {(r[0].value, r[1].value.rsplit("#", 1)[-1], r[2].value.rsplit("/", 1)[-1]) for r in store.query(
        """PREFIX gy: <https://w3id.org/gyoryu/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?d (DATATYPE(?d) AS ?t) ?c WHERE { ?a a gy:Agreement ; gy:signedOn ?d ; gy:party ?p .
          ?p gy:country ?c ; gy:extractionMethod "automatic" }""", use_default_graph_as_union=True)}
    assert rows == {("2019-05", "gYearMonth", "JP"), ("1998", "gYear", "US"), ("2005", "gYear", "CN")}


def test_a_sentence_wrapped_over_two_lines_cites_both(tmp_path):
    text = """충청북도 소식

충청북도는 2018년 10월 2일 중국 청룡시와
자매결연을 체결했다. 이어 도는 2019. 4. 1. 일본 하루미시와 우호교류 협약을 맺었다.
"""
    result = build(document("wrap.txt", text))
    assert facts(result) == {("청룡시", "충청북도", "2018-10-02", "sister"),
                             ("충청북도", "하루미시", "2019-04-01", "friendship")}
    store = store_of(result.dataset, tmp_path)
    spans = {(r[0].value.rsplit("/", 1)[-1], int(r[1].value), int(r[2].value)) for r in store.query(
        """PREFIX gy: <https://w3id.org/gyoryu/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?p ?s ?e WHERE { ?a a gy:Agreement ; gy:party ?p ; prov:wasDerivedFrom ?src .
          ?src gy:lineStart ?s ; gy:lineEnd ?e }""", use_default_graph_as_union=True)
        if "kr-" not in r[0].value}
    assert spans == {("cn-청룡시", 3, 4), ("jp-하루미시", 4, 4)}


def test_council_report_bullets_clauses_and_relative_dates():
    text = """부산광역시와 베트남 다람시 간 자매도시 협정 체결 동의안 검토보고
2024. 2. 15.

  ○ 협정 체결 예정일 : 2024. 4. 중 (다람시 현지)
  ○ 부산광역시는 1995년 베트남 호찌민시와 자매결연을 체결한 이후 교류를 이어 왔으며,
    2018. 5. 24. 다람시와 양해각서(MOU)를 체결하였음.
  ○ 또한 주한 베트남 대사는 양 도시의 자매결연을 적극 지지한다는 뜻을 밝혔음.
"""
    result = build(document("council.txt", text))
    automatic = facts(result)
    assert ("부산광역시", "호찌민시", "1995", "sister") in automatic
    assert ("다람시", "부산광역시", "2018-05-24", "mou") in automatic
    assert facts(result, "AgreementIntent") == {("다람시", "부산광역시", "2024-04", "cooperationAgreement")}


def test_relative_day_from_the_article_date_and_a_district_with_its_city():
    text = """대구 남구, 일본 하루미시와 우호교류 협약
기사입력 2024-11-15

대구 남구(구청장 김가람)는 지난 14일 구청에서 일본 하루미시와 우호교류 협약을 체결했다.
남구는 2016년 중국 산둥성 청룡시와 자매결연을 맺은 바 있다.
"""
    assert facts(build(document("namgu.txt", text))) == {
        ("남구", "하루미시", "2024-11-14", "friendship"),
        ("남구", "청룡시", "2016", "sister"),  # 산둥성 is where 청룡시 is, not a party
    }


def test_a_plan_overtaken_by_a_signing_is_a_signing():
    text = """경상남도 보도자료
배포일시 : 2024. 10. 25.

□ 도는 25일 일본 하루미시에서 하루미시와 교류의향서를 체결할 예정이었으나,
일정이 앞당겨져 24일 교류의향서를 체결했다.
"""
    result = build(document("press.txt", text))
    assert facts(result) == {("경상남도", "하루미시", "2024-10-24", "letterOfIntent")}
    assert facts(result, "AgreementIntent") == set()


def test_perturbations_date_changed_pair_added_noise():
    changed = NEWS.replace("2025년 3월 5일", "2024년 12월 1일")
    assert facts(build(document("news.txt", changed))) == {("강릉시", "서울특별시", "2024-12-01", "friendship")}
    added = WANJU.replace("중국 청룡시(2005년)과", "중국 청룡시(2005년), 독일 베르크시(2011년)과")
    assert facts(build(document("wanju.txt", added))) == {
        ("완주군", "하루미시", "2019-05", "sister"), ("레드우드시", "완주군", "1998", "goodwill"),
        ("완주군", "청룡시", "2005", "goodwill"), ("베르크시", "완주군", "2011", "goodwill")}
    noisy = NEWS.replace("서울특별시와 강릉시는", "  서울특별시와   강릉시는 ")
    noisy = noisy.replace("체결했다.", "체결했다.\n\n\n(끝)")
    assert facts(build(document("news.txt", noisy))) == {("강릉시", "서울특별시", "2025-03-05", "friendship")}


def test_anniversaries_support_and_visits_are_not_signings():
    text = """완주군 소식

완주군은 2022년 자매결연 20주년을 맞아 일본 하루미시를 방문했다.
군은 미국 레드우드시와의 자매결연을 적극 지지한다고 밝혔다.
"""
    result = build(document("visit.txt", text))
    assert facts(result) == set() and facts(result, "AgreementIntent") == set()
