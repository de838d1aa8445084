"""The general people reader: persons and the posts sentences state, through the real build and SPARQL."""

from __future__ import annotations

from tests.readers.helpers import build, document, store_of

POSTS = """PREFIX gy: <https://w3id.org/gyoryu/ontology#> PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT ?name ?role ?org ?when ?method WHERE {
  ?t a gy:Tenure ; gy:official ?p ; gy:post ?post ; gy:extractionMethod ?method .
  OPTIONAL { ?t gy:asOf ?when }
  ?p a foaf:Person ; rdfs:label ?name . ?p org:holds ?post .
  ?post gy:role ?role ; org:postIn ?o . BIND(STRAFTER(STR(?o), "/id/") AS ?org) }"""

EVENT = """부산광역시 국제교류 소식
2024. 5. 20.

개막식에는 박가람 부산광역시장, 왕하오 랴오닝성 성장, 리웨이 주한 중국 대사가 참석하였다.
이어 주부산 일본 총영사 다나카 히로시, 몽골 옵스아이막 지사 바트나랑이 축사를 하였다.
행사에는 김나래, 이다온 국회의원과 최가온 경상북도 국제관계대사도 함께하였다.
"""


def posts(text: str, tmp_path, doc_id: str = "event.txt") -> set[tuple[str, str, str]]:
    store = store_of(build(document(doc_id, text)).dataset, tmp_path)
    return {(r["name"].value, r["role"].value, r["org"].value)
            for r in store.query(POSTS, use_default_graph_as_union=True)}


def test_event_paragraph_people_in_every_order(tmp_path):
    assert posts(EVENT, tmp_path) == {
        ("박가람", "시장", "region/kr-busan"),  # name + region glued to its title
        ("왕하오", "성장", "region/cn-liaoning"),  # name – place – title
        ("리웨이", "주한 중국 대사", "country/CN"),  # a diplomat's post is in the sending country
        ("다나카 히로시", "주부산 일본 총영사", "country/JP"),  # mission – title – name, a two-word name
        ("바트나랑", "지사", "region/mn-uvs"),  # country – place – title – name
        ("김나래", "국회의원", "organization/kr-national-assembly"),  # names sharing a title that implies
        ("이다온", "국회의원", "organization/kr-national-assembly"),  # its organisation (titles.tsv)
        ("최가온", "국제관계대사", "region/kr-gyeongbuk"),
    }


def test_tenures_are_automatic_dated_and_cite_their_lines(tmp_path):
    store = store_of(build(document("event.txt", EVENT)).dataset, tmp_path)
    rows = {(r["name"].value, r["when"].value if r["when"] else "", r["method"].value) for r in store.query(
        POSTS, use_default_graph_as_union=True)}
    assert ("왕하오", "2024-05-20", "automatic") in rows  # the document's date line
    lines = {r[0].value: (int(r[1].value), int(r[2].value)) for r in store.query(
        """PREFIX gy: <https://w3id.org/gyoryu/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?n ?s ?e WHERE { ?t a gy:Tenure ; gy:official/rdfs:label ?n ; prov:wasDerivedFrom ?src .
          ?src gy:lineStart ?s ; gy:lineEnd ?e }""", use_default_graph_as_union=True)}
    assert lines["왕하오"] == (4, 4) and lines["다나카 히로시"] == (5, 5) and lines["이다온"] == (6, 6)


def test_a_statement_wrapped_over_two_lines_and_a_title_alone(tmp_path):
    text = """충청북도 보도자료 2024. 3. 5.

이날 협약식에는 충청북도 정무부지사 한가람과 일본 돗토리현
지사 히라노 신이치가 참석했다. 한가람 부지사는 환영사를 했다.
"""
    found = posts(text, tmp_path, "wrap.txt")
    assert ("한가람", "정무부지사", "region/kr-chungbuk") in found
    assert ("히라노 신이치", "지사", "region/jp-tottori") in found
    # ‘한가람 부지사는’ restates someone already placed: no second, context-guessed post
    assert {n for n, _, _ in found} == {"한가람", "히라노 신이치"}


def test_words_that_are_not_people(tmp_path):
    text = """경상북도 소식

경상북도는 지속가능한 성장을 이루었다. 지사 면담은 연기되었다.
도지사 시상(1명), 원장 시상(2명)을 하였다. 참석한 시장 3명과 지사 15명에게 감사를 전했다.
"""
    assert posts(text, tmp_path, "noise.txt") == set()


def test_perturbations_name_changed_person_added_noise(tmp_path):
    changed = EVENT.replace("왕하오 랴오닝성 성장", "장민 랴오닝성 성장")
    assert ("장민", "성장", "region/cn-liaoning") in posts(changed, tmp_path, "a.txt")
    added = EVENT.replace("참석하였다.", "참석하였다. 또한 정하늘 한국 포항시 부시장도 참석하였다.")
    assert ("정하늘", "부시장", "region/kr-gyeongbuk-pohang") in posts(added, tmp_path, "b.txt")
    noisy = EVENT.replace("왕하오 랴오닝성 성장", "왕하오  랴오닝성  성장").replace("\n이어", "\n\n이어")
    assert posts(noisy, tmp_path, "c.txt") == posts(EVENT, tmp_path, "d.txt")


FORMER = """PREFIX gy: <https://w3id.org/gyoryu/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name ?role WHERE { ?t a gy:Tenure ; gy:former true ; gy:official/rdfs:label ?name ; gy:post/gy:role ?role }"""

REPORT = """국제교류 활동 보고
2024. 6. 12.

리셉션에는 박가온 전 국회의장, 장하늘 전 부산광역시장, 왕리(王立) 주한 중국 대사 대행이 참석하였다.
김다온 경상북도 도의원(前 부의장)과 최가윤(前 대구시국제관계대사)도 자리를 함께하였다.
사무총장은 주한 미얀마 대사관을 방문하여 딴 신 대사와 면담하였다.
이어 주한 러시아 대사관을 방문하여 이바노프 세르게이 신임 러시아 대사를 만났다.
前 주한 중국대사인 류양 외교부 국장도 참석하였다.
포럼에는 연해주 페트로바 마리나 국제협력 부국장, 러시아 사하공화국 페트로프 박 부총리가 참석하였다.
랴오닝성 정부 비서장 쑨하이가 개회사를 하였다.
경북문화관광공사(사장: 정나래)가 주최한 행사에서 베트남 응우옌 반 안 주한 베트남 대사가 축사를 하였다.
"""


def test_former_acting_and_bracketed_posts(tmp_path):
    found = posts(REPORT, tmp_path, "report.txt")
    assert {p for p in found if p[0] in ("박가온", "장하늘", "왕리", "김다온", "최가윤")} == {
        ("박가온", "국회의장", "organization/kr-national-assembly"),  # 전 is no part of the role
        ("장하늘", "시장", "region/kr-busan"),
        ("왕리", "주한 중국 대사 대행", "country/CN"),  # an acting post keeps 대행
        ("김다온", "도의원", "region/kr-gyeongbuk"),
        ("김다온", "부의장", "region/kr-gyeongbuk"),  # an earlier post in brackets, same organisation
        ("최가윤", "국제관계대사", "region/kr-daegu"),  # name(前 place+title)
    }
    store = store_of(build(document("report.txt", REPORT)).dataset, tmp_path)
    former = {(r["name"].value, r["role"].value) for r in store.query(FORMER, use_default_graph_as_union=True)}
    assert former == {("박가온", "국회의장"), ("장하늘", "시장"), ("김다온", "부의장"), ("최가윤", "국제관계대사"),
                      ("류양", "주한 중국대사")}


def test_diplomats_named_by_the_embassy_visited_and_names_of_one_syllable_words(tmp_path):
    found = posts(REPORT, tmp_path, "report.txt")
    assert {p for p in found if p[2].startswith("country/")} == {
        ("왕리", "주한 중국 대사 대행", "country/CN"),
        ("딴 신", "주한 미얀마 대사", "country/MM"),  # the embassy named earlier in the sentence
        ("이바노프 세르게이", "주한 러시아 대사", "country/RU"),  # 신임 + the sending country restated
        ("류양", "주한 중국대사", "country/CN"),  # 前 … 대사인 류양: the appositive names the person
        ("응우옌 반 안", "주한 베트남 대사", "country/VN"),
    }


def test_titles_qualified_by_fields_and_organisations_with_the_title_in_brackets(tmp_path):
    found = posts(REPORT, tmp_path, "report.txt")
    assert ("페트로바 마리나", "국제협력 부국장", "region/ru-primorsky") in found  # place – name – field – title
    assert ("페트로프 박", "부총리", "region/ru-sakha") in found  # a Korean-Russian name ending in a surname
    assert ("쑨하이", "정부 비서장", "region/cn-liaoning") in found  # place – unit – title – name
    assert ("정나래", "사장", "organization/gyeongbuk-tourism") in found  # organisation(title: name)


def test_a_post_without_a_date_is_reported_not_written(tmp_path):
    text = "부산광역시 국제교류 소식\n\n개막식에는 박가람 부산광역시장이 참석하였다.\n"
    result = build(document("undated.txt", text))
    assert posts(text, tmp_path, "undated.txt") == set()
    assert [(i.doc, i.line, i.text) for i in result.report.of_kind("anomaly")
            if "post stated without a date" in i.detail] == [("undated.txt", 3, "박가람 부산광역시 시장")]
    dated = text.replace("소식\n", "소식\n2025. 3. 2.\n")
    assert posts(dated, tmp_path, "dated.txt") == {("박가람", "시장", "region/kr-busan")}


def test_perturbations_of_the_report(tmp_path):
    base = posts(REPORT, tmp_path, "a.txt")
    noisy = REPORT.replace("딴 신 대사와", "딴 신  대사와").replace("참석하였다.\n김다온", "참석하였다.\n\n김다온")
    assert posts(noisy, tmp_path, "b.txt") == base
    reordered = REPORT.replace("연해주 페트로바 마리나 국제협력 부국장", "연해주 국제협력 부국장 페트로바 마리나")
    assert ("페트로바 마리나", "국제협력 부국장", "region/ru-primorsky") in posts(reordered, tmp_path, "c.txt")
    renamed = REPORT.replace("딴 신", "툰 아웅")
    assert ("툰 아웅", "주한 미얀마 대사", "country/MM") in posts(renamed, tmp_path, "d.txt")
    no_embassy = REPORT.replace("주한 미얀마 대사관을 방문하여", "서울에서")
    assert not {p for p in posts(no_embassy, tmp_path, "e.txt") if p[0] == "딴 신"}


NEWS = """구미시 국제교류 소식
2024. 9. 3.

구미시는 일본 가나가와현 다라마치시와 우호교류 협약을 체결했다.
협약식에는 김하람 구미시장과 야마다 다로 다라마치시장, 이소라 구미시의회 의장이 참석했다.
이어 다나카 유키 국제교류관은 향후 교류 계획을 설명하였다.
또한 베트남 나라빈시 인민위원회 응우옌 반 꽝 위원장과 중국 후난성 마루양시 당위 비서장 류진이 축사를 했다.
행사는 한빛문화재단(이사장: 박세라)이 주관하였고, 최도윤 한국농식품유통공사장도 참석하였다.
마지막으로 오다윤 해양수산자원부 장관과 구미시 국제협력부 부장 한도윤이 인사하였다.
"""


def test_places_and_organisations_the_registry_lacks_are_minted_from_the_document(tmp_path):
    found = posts(NEWS, tmp_path, "gumi.txt")
    assert found == {
        ("김하람", "시장", "region/kr-gyeongbuk-gumi"),
        ("야마다 다로", "시장", "region/jp-다라마치시"),  # placed in Japan by the sentence before
        ("이소라", "의장", "organization/minted-구미시의회"),  # a council: an organisation by its ending
        ("응우옌 반 꽝", "인민위원회 위원장", "region/vn-나라빈시"),
        ("류진", "당위 비서장", "region/cn-마루양시"),  # placed in China by its registry parent 후난성
        ("박세라", "이사장", "organization/minted-한빛문화재단"),
        ("최도윤", "사장", "organization/minted-한국농식품유통공사"),  # 공사 + 장, glued
        ("다나카 유키", "국제교류관", "region/jp-다라마치시"),  # a foreign name with its title alone: the
        # foreign place named last before it
        ("오다윤", "해양수산자원부 장관", "organization/minted-해양수산자원부"),  # a ministry: the office
        ("한도윤", "부장", "region/kr-gyeongbuk-gumi"),  # a Korean post with the name after it: the title as
        # written (the department before it is where the post is)
    }
    store = store_of(build(document("gumi.txt", NEWS)).dataset, tmp_path)
    described = {(r["l"].value, r["c"].value) for r in store.query(
        """PREFIX gy: <https://w3id.org/gyoryu/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?l ?c WHERE { ?x gy:extractionMethod "automatic" ; rdfs:label ?l ; a ?c
          FILTER(?c IN (gy:Region, gy:Organization)) }""", use_default_graph_as_union=True)}
    assert {("다라마치시", "https://w3id.org/gyoryu/ontology#Region"),
            ("한빛문화재단", "https://w3id.org/gyoryu/ontology#Organization")} <= described


def test_minting_needs_the_document_to_place_the_name(tmp_path):
    unplaced = NEWS.replace("일본 가나가와현 다라마치시와", "다라마치시와").replace("베트남 나라빈시", "나라빈시")
    names = {n for n, _, _ in posts(unplaced, tmp_path, "unplaced.txt")}
    assert "야마다 다로" not in names and "응우옌 반 꽝" not in names
    assert "다라마치" not in names  # 다라마치시장: a place the document does not place, not a name glued to 시장
    glued = NEWS + "연해주 페트렌코부지사 일행도 참석하였다.\n"
    assert ("페트렌코", "부지사", "region/ru-primorsky") in posts(glued, tmp_path, "glued.txt")  # OCR-glued name
    ministry = NEWS + "강다온 통일부 제1차관도 참석하였다.\n"  # a ministry before its vice-minister, never the place
    assert ("강다온", "통일부 제1차관", "organization/minted-통일부") in posts(ministry, tmp_path, "ministry.txt")
    assert "류진" in names  # still placed by 중국 후난성
    renamed = NEWS.replace("한빛문화재단", "다온교류협회")
    assert ("박세라", "이사장", "organization/minted-다온교류협회") in posts(renamed, tmp_path, "renamed.txt")


ENGLISH = """International exchange news
2024-05-20

Governor Hong Gil-dong of North Gyeongsang Province welcomed the delegation.
Park Min-jun, Mayor of Busan, and Liaoning Governor Wang Hao signed the agreement.
Vice Governor Sergei Ivanov of Primorsky Krai and Dashdorj Bat-Erdene, Governor of Uvs, attended.
The Governor of Tottori, Hirai Shinji, sent a message. The Governor of Busan was absent.
"""


def test_english_titles_in_every_order(tmp_path):
    assert posts(ENGLISH, tmp_path, "english.txt") == {
        ("Hong Gil-dong", "Governor", "region/kr-gyeongbuk"),  # title – name – of – place
        ("Park Min-jun", "Mayor", "region/kr-busan"),  # name, title of place
        ("Wang Hao", "Governor", "region/cn-liaoning"),  # place – title – name
        ("Sergei Ivanov", "Vice-Governor", "region/ru-primorsky"),  # the table's spelling of the title
        ("Dashdorj Bat-Erdene", "Governor", "region/mn-uvs"),  # a Mongolian name
        ("Hirai Shinji", "Governor", "region/jp-tottori"),  # title of place, name
    }
    perturbed = ENGLISH.replace("Park Min-jun, Mayor of Busan", "Park Min-jun, Deputy Mayor of Busan").replace(
        "Wang Hao", "Li Wei")
    found = posts(perturbed, tmp_path, "english2.txt")
    assert ("Park Min-jun", "Deputy Mayor", "region/kr-busan") in found and ("Li Wei", "Governor",
                                                                            "region/cn-liaoning") in found
    assert posts(ENGLISH.replace("2024-05-20\n", ""), tmp_path, "english3.txt") == set()  # undated: not written


LISTED = """시도 국제관계대사 협의회 결과
2024. 11. 5.

국제관계대사: 한가윤(대구), 문다온(광주), 고나래(제주), 서하준(경북)
이날 회의에는 리 웨 이 랴오닝성 부성장과 몽골 옵스아이막 바트에르덴 지사가 함
께 참석하여 동북아 지방정부 간 교류 확대 방안을 논의하였다.
"""


def test_a_list_of_names_with_regions_and_ocr_spaced_or_wrapped_statements(tmp_path):
    assert posts(LISTED, tmp_path, "listed.txt") == {
        ("한가윤", "국제관계대사", "region/kr-daegu"),  # label: 이름(지역), … — each holds the label there
        ("문다온", "국제관계대사", "region/kr-gwangju"),
        ("고나래", "국제관계대사", "region/kr-jeju"),  # a short name in such a list is the 광역 government
        ("서하준", "국제관계대사", "region/kr-gyeongbuk"),
        ("리웨이", "부성장", "region/cn-liaoning"),  # syllables printed apart, starting with a surname: one name
        ("바트에르덴", "지사", "region/mn-uvs"),  # place – name – title
    }
    added = LISTED.replace("서하준(경북)", "서하준(경북), 남궁윤(울산)")
    assert ("남궁윤", "국제관계대사", "region/kr-ulsan") in posts(added, tmp_path, "added.txt")
    noisy = LISTED.replace("리 웨 이 랴오닝성", "리 웨 이  랴오닝성").replace("한가윤(대구), ", "한가윤 (대구),  ")
    assert posts(noisy, tmp_path, "noisy.txt") == posts(LISTED, tmp_path, "clean.txt")


def test_a_foreign_name_of_three_words_after_a_partner_joined_by_and(tmp_path):
    text = """김해시 보도자료 2023. 7. 12.

김해시는 11일 홍태영 김해시장과 기리시 파티 트리파티 인도 아요디아시장이 자매결연 협정서에 서명했다고 밝혔다.
"""
    found = posts(text, tmp_path, "three.txt")
    assert ("기리시 파티 트리파티", "시장") in {(n, r) for n, r, _ in found}
    assert ("홍태영", "시장", "region/kr-gyeongnam-gimhae") in found
    two = text.replace("기리시 파티 트리파티", "파티 트리파티")  # two words: as before
    assert ("파티 트리파티", "시장") in {(n, r) for n, r, _ in posts(two, tmp_path, "two.txt")}
    korean = text.replace("홍태영 김해시장과 기리시 파티 트리파티 인도 아요디아시장이", "관계자 홍태영 김해시장이")
    assert {n for n, _, _ in posts(korean, tmp_path, "ko.txt")} == {"홍태영"}  # a Korean post: one word


GLOSSED = """가나시 보도자료 2024. 6. 3.

가나시는 산시성(山西省)이 개최하는 에너지 포럼에 참가하였다.
이번 포럼 개막식에는 왕가람 산시성 성위원회 서기가 환영사를 하였다.
개막식에서는 가오나래(高云龙) 중국정협부주석이 개회사를 하였다.
"""


def test_a_homograph_settled_by_an_earlier_gloss_and_a_country_glued_to_a_body_and_title(tmp_path):
    assert posts(GLOSSED, tmp_path, "glossed.txt") == {
        ("왕가람", "성위원회 서기", "region/cn-shanxi"),  # 산시성 is 山西 here: the gloss two lines above says so
        ("가오나래", "중국정협부주석", "country/CN"),  # country + a body's short name + title, a gloss after the name
    }
    other = GLOSSED.replace("山西省", "陕西省")  # the other province of the same Korean spelling
    assert ("왕가람", "성위원회 서기", "region/cn-shaanxi") in posts(other, tmp_path, "other.txt")
    bare = GLOSSED.replace("(山西省)", "")  # no gloss: the homograph is not guessed
    assert {n for n, _, _ in posts(bare, tmp_path, "bare.txt")} == {"가오나래"}
    alone = GLOSSED.replace("가오나래(高云龙) 중국정협부주석이", "중국정협부주석이")  # a title without a name: no one
    assert {n for n, _, _ in posts(alone, tmp_path, "alone.txt")} == {"왕가람"}


STAFF = """울산광역시 남구의회 해외 출장 결과 보고
2024. 5. 20.

○ 출 장 자 : 총 5명
   - 의    장  한   가   람
   - 부 의 장  이 다 온
   - 행정자치위원장  박나래
   - 수    행  의회사무국 주무관 한지율
"""


def test_a_staff_list_with_titles_and_names_printed_with_their_syllables_apart(tmp_path):
    assert posts(STAFF, tmp_path, "staff.txt") == {
        ("한가람", "의장", "region/kr-ulsan-nam"),  # title and name both spaced out: the body the title names
        ("이다온", "부의장", "region/kr-ulsan-nam"),
        ("박나래", "행정자치위원장", "region/kr-ulsan-nam"),  # a committee's chair, one word
        ("한지율", "주무관", "region/kr-ulsan-nam"),  # 수행 is no title; a grade before a name is
    }
    added = STAFF.replace("   - 수    행", "   - 위 원 장  최 다 솜, 김나린\n   - 수    행")
    assert {("최다솜", "위원장"), ("김나린", "위원장")} <= {(n, r) for n, r, _ in posts(added, tmp_path, "added.txt")}
    prose = STAFF.replace("   - 부 의 장  이 다 온", "   - 부 의 장  일정 협의")  # words, not a name
    assert "이다온" not in {n for n, _, _ in posts(prose, tmp_path, "prose.txt")} and len(
        posts(prose, tmp_path, "prose2.txt")) == 3
    glued = STAFF.replace("   - 수    행", "   - 부산광역시장  김 하 늘\n   - 수    행")  # a place glued to its title
    assert ("김하늘", "시장", "region/kr-busan") in posts(glued, tmp_path, "glued.txt")
    abroad = STAFF.replace("울산광역시 남구의회", "일본 효고현의회")  # a foreign body: Korean-name staff lists only
    assert posts(abroad, tmp_path, "abroad.txt") == {  # no staff-list post; the grade line is a sentence whose
        ("한지율", "의회사무국 주무관", "region/jp-hyogo")}  # post is in the body named before (foreign: units kept)


TITLE_FIRST = """부산광역시 국제교류 결과보고
2024. 9. 3.

1. 방문단: 의회사무국 전문위원 정가람, 주무관 한다온
2. 주요 일정
  ○ 주가나 대한민국 총영사관 윤사랑 총영사 면담
  ○ 협약 서명(부군수 최보람 서명)
※ 작성: 부산광역시 국제협력과 주무관 하누리 (051-000-0000)
담당 : 국제협력팀장 서마루 | 양양군수 김진솔 귀하
"""


def test_titles_written_before_names_in_contact_lines_staff_rows_and_signatures(tmp_path):
    found = posts(TITLE_FIRST, tmp_path, "report.txt")
    assert found == {
        ("정가람", "전문위원", "region/kr-busan"),  # the section's subject: the only Korean region named
        ("한다온", "주무관", "region/kr-busan"),
        ("윤사랑", "총영사", "country/KR"),  # the mission right before the name: the title as written after it
        ("최보람", "부군수", "region/kr-busan"),
        ("하누리", "주무관", "region/kr-busan"),  # the region before the unit is the post's
        ("서마루", "국제협력팀장", "region/kr-busan"),
        ("김진솔", "군수", "region/kr-gangwon-yangyang"),  # the place glued to its title
    }


def test_title_first_perturbations_wrapped_words_groups_and_following_titles(tmp_path):
    text = TITLE_FIRST.replace("국제협력팀장 서마루", "국제협력팀장 서마루 부장").replace(
        "부군수 최보람", "부군수 방문단") + "행사 실행위\n\n원장 손가을 회장이 축사를 했다.\n"
    found = {(n, r) for n, r, _ in posts(text, tmp_path, "report.txt")}
    assert ("서마루", "국제협력팀장") not in found  # the name's own title follows it
    assert not {n for n, _ in found} & {"방문단", "손가을"}  # a group word; a title ending a word wrapped above
    assert ("하누리", "주무관") in found and ("김진솔", "군수") in found


TRIP = """부산광역시 해외 출장 결과보고
2024. 10. 2.

1. 일본 방문
  ○ 일본 출장 첫날: 하야시 겐 다라마루시장 면담 및 간담회
  ○ 스즈키 미호 바사쿠라시 부시장 환담
2. 베트남 방문
  ○ 응우옌 반 투 타마린시 인민위원장 면담, 명지후 부총영사 동행
"""


def test_a_foreign_place_the_registry_lacks_placed_by_its_line_or_section_and_a_consul_named_without_mission(
        tmp_path):
    assert posts(TRIP, tmp_path, "trip.txt") == {
        ("하야시 겐", "시장", "region/jp-다라마루시"),  # a country word on the same line
        ("스즈키 미호", "부시장", "region/jp-바사쿠라시"),  # the section heading's country
        ("응우옌 반 투", "인민위원장", "region/vn-타마린시"),
        ("명지후", "부총영사", "country/KR"),  # a diplomat's post with no mission: Korea's, not the city's
    }
    unplaced = TRIP.replace("일본 ", "").replace("베트남 ", "")  # no country anywhere: no foreign place minted
    assert {r for _, _, r in posts(unplaced, tmp_path, "unplaced.txt")} <= {"region/kr-busan", "country/KR"}
