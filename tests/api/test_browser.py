"""The web page in headless Chromium: search, open an entity, run an example query, see the charts.

Screenshots go to ``artifacts/`` (git-ignored). Chromium and its driver are the Debian packages
``chromium`` and ``chromium-driver`` (``make browser-deps``).
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from graph.examples import all_examples
from tests.api.conftest import SEOUL_DOC

pytestmark = pytest.mark.browser

WAIT_S = 120
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory, downloads: Path) -> Iterator[WebDriver]:
    """Headless Chromium with a fresh profile and no background networking."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1280,1600", "--lang=ko-KR",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(WAIT_S)
    yield driver
    driver.quit()


def wait(driver: WebDriver) -> WebDriverWait:
    return WebDriverWait(driver, WAIT_S)


def shot(driver: WebDriver, artifacts: Path, name: str) -> None:
    driver.save_screenshot(str(artifacts / f"browser-{name}.png"))


def test_search_then_open_an_entity(browser: WebDriver, live_server: str, artifacts: Path) -> None:
    browser.get(live_server + "/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ko"
    box = browser.find_element(By.ID, "search-q")
    box.send_keys("귀농귀촌을 돕는 지역")
    browser.find_element(By.CSS_SELECTOR, "#search-form button[type=submit]").click()
    hits = wait(browser).until(ec.presence_of_all_elements_located((By.CSS_SELECTOR, "#search-results li.hit")))
    assert len(hits) == 10
    assert any("귀농" in h.text for h in hits)
    source = hits[0].find_element(By.CSS_SELECTOR, "a.source").get_attribute("href")
    assert "/doc/" in source and "#L" in source
    shot(browser, artifacts, "search")
    chip = browser.find_element(By.CSS_SELECTOR, "#search-results a.chip.entity")
    label = chip.text
    chip.click()
    heading = wait(browser).until(ec.presence_of_element_located((By.ID, "entity-label")))
    assert heading.text == label
    assert browser.find_elements(By.CSS_SELECTOR, "table.facts tbody tr")
    shot(browser, artifacts, "entity")


YASQE = "window.gyoryuEditor.getTab().getYasqe()"


def run_in_editor(browser: WebDriver, query: str) -> None:
    """Put ``query`` in the editor and press its run button, as a user does."""
    browser.execute_script(YASQE + ".setValue(arguments[0])", query)
    browser.find_element(By.CSS_SELECTOR, "#yasgui .yasqe_queryButton").click()


def wait_rows(browser: WebDriver) -> str:
    """The status line once the editor has drawn a result (``N 행 · M ms``)."""
    return wait(browser).until(lambda d: (t := d.find_element(By.ID, "sparql-status").text) and "행" in t and t)


def complete(browser: WebDriver, text: str) -> list[str]:
    """The completions the editor offers at the end of ``text`` (Ctrl+Space)."""
    lines = text.split("\n")
    browser.execute_script(f"const yasqe = {YASQE}; yasqe.setValue(arguments[0]); yasqe.focus(); "
                           "yasqe.setCursor({line: arguments[1], ch: arguments[2]})", text, len(lines) - 1,
                           len(lines[-1]))
    ActionChains(browser).key_down(Keys.CONTROL).send_keys(" ").key_up(Keys.CONTROL).perform()
    hints = wait(browser).until(ec.presence_of_all_elements_located((By.CSS_SELECTOR, ".CodeMirror-hints li")))
    offered = [h.text for h in hints]
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    return offered


def test_editor_is_yasgui_offline_with_highlighting(browser: WebDriver, live_server: str, artifacts: Path) -> None:
    browser.get(live_server + "/#sparql")
    wait(browser).until(lambda d: d.find_element(By.ID, "yasgui").get_attribute("data-ready") == "true")
    loaded = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert loaded and all(url.startswith(live_server) for url in loaded)
    assert any(url.endswith("/static/vendor/yasgui/yasgui.min.js") for url in loaded)
    keywords = {k.text for k in browser.find_elements(By.CSS_SELECTOR, "#yasgui .CodeMirror .cm-keyword")}
    assert {"SELECT", "WHERE", "PREFIX"} <= keywords
    assert not browser.find_element(By.ID, "sparql-form").is_displayed()
    csp = requests.get(live_server + "/", timeout=30).headers["Content-Security-Policy"]
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    shot(browser, artifacts, "editor")


def test_completion_is_local_prefixes_and_vocabulary(browser: WebDriver, live_server: str) -> None:
    browser.get(live_server + "/#sparql")
    wait(browser).until(lambda d: d.find_element(By.ID, "yasgui").get_attribute("data-ready") == "true")
    assert complete(browser, "PREFIX reg") == ["region: <https://w3id.org/gyoryu/id/region/>"]
    assert complete(browser, "SELECT * WHERE {\n  ?a gy:sig") == ["gy:signedOn", "gy:signedWith"]
    assert complete(browser, "SELECT * WHERE {\n  ?r a gy:Reg") == ["gy:Region"]
    assert "gy:search" in complete(browser, "SELECT * WHERE {\n  SERVICE gy:sea")
    assert "gy:lineStart" in complete(browser, "SELECT * WHERE {\n  ?h gy:line")
    loaded = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert all(url.startswith(live_server) for url in loaded)


def test_example_query_fills_the_table_and_downloads_csv(browser: WebDriver, live_server: str,
                                                         artifacts: Path, downloads: Path) -> None:
    browser.get(live_server + "/#sparql")
    wait(browser).until(lambda d: d.find_element(By.ID, "yasgui").get_attribute("data-ready") == "true")
    examples = browser.find_elements(By.CSS_SELECTOR, "#examples button.example")
    assert len(examples) == len(all_examples())
    examples[0].click()
    assert wait_rows(browser).startswith("85 행")
    table = browser.find_element(By.CSS_SELECTOR, "#yasgui .yasr_results table")
    assert "전라남도" in table.text and "2004-12-17" in table.text
    shot(browser, artifacts, "sparql")
    browser.find_element(By.ID, "sparql-csv").click()
    deadline = time.monotonic() + WAIT_S
    while not list(downloads.glob("*.csv")) and time.monotonic() < deadline:
        time.sleep(0.2)
    csv_file = next(downloads.glob("*.csv"))
    assert "전라남도" in csv_file.read_text(encoding="utf-8")


def test_search_inside_sparql_in_the_editor_links_entities(browser: WebDriver, live_server: str,
                                                          artifacts: Path) -> None:
    browser.get(live_server + "/#sparql")
    wait(browser).until(lambda d: d.find_element(By.ID, "yasgui").get_attribute("data-ready") == "true")
    browser.find_element(By.CSS_SELECTOR, 'button.example[data-example="like-chungbuk"]').click()
    assert wait_rows(browser).startswith("10 행")
    run_in_editor(browser, "PREFIX region: <https://w3id.org/gyoryu/id/region/>\n"
                  "SELECT ?r ?score WHERE { SERVICE gy:similar { ?r gy:like region:kr-chungbuk ; gy:limit 3 ; "
                  "gy:score ?score } } ORDER BY DESC(?score)")
    wait(browser).until(lambda d: d.find_element(By.ID, "sparql-status").text.startswith("3 행"))
    links = [a for a in browser.find_elements(By.CSS_SELECTOR, "#yasgui .yasr_results a.iri")
             if "/id/" in a.get_attribute("href")]
    like = requests.get(f"{live_server}/api/partners/like", params={"region": "충청북도", "k": 3}, timeout=60).json()
    assert [a.get_attribute("href") for a in links] == [
        f"{live_server}/id/{p['iri'].removeprefix('https://w3id.org/gyoryu/id/')}" for p in like["partners"]]
    assert [a.text for a in links] == [
        "id:" + p["iri"].removeprefix("https://w3id.org/gyoryu/id/") for p in like["partners"]]
    shot(browser, artifacts, "sparql-similar")
    links[1].click()
    heading = wait(browser).until(ec.presence_of_element_located((By.ID, "entity-label")))
    assert heading.text == like["partners"][1]["label"]


def test_editor_shows_the_servers_error(browser: WebDriver, live_server: str) -> None:
    browser.get(live_server + "/#sparql")
    wait(browser).until(lambda d: d.find_element(By.ID, "yasgui").get_attribute("data-ready") == "true")
    run_in_editor(browser, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    status = wait(browser).until(lambda d: (t := d.find_element(By.ID, "sparql-status").text) and "오류" in t and t)
    assert status == "오류: SERVICE is not allowed: this endpoint never fetches other endpoints"


def test_region_page_draws_timeline_and_network(browser: WebDriver, live_server: str, artifacts: Path) -> None:
    browser.get(live_server + "/id/region/kr-seoul")
    bars = browser.find_elements(By.CSS_SELECTOR, "svg.timeline rect.bar")
    assert len(bars) >= 10
    assert all(b.size["height"] > 0 for b in bars)
    years = {b.get_attribute("data-year") for b in bars}
    assert {"2004", "2014"} <= years
    nodes = browser.find_elements(By.CSS_SELECTOR, "svg.network circle.node")
    assert len(nodes) > 20
    browser.find_element(By.ID, "timeline").screenshot(str(artifacts / "browser-timeline.png"))
    shot(browser, artifacts, "region")


def test_english_toggle(browser: WebDriver, live_server: str) -> None:
    browser.get(live_server + "/")
    browser.find_element(By.ID, "lang-switch").click()
    wait(browser).until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    assert "Partner finder" in browser.find_element(By.CSS_SELECTOR, ".tabs").text
    browser.find_element(By.ID, "lang-switch").click()
    wait(browser).until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ko")


def test_partner_finder(browser: WebDriver, live_server: str, artifacts: Path) -> None:
    browser.get(live_server + "/#partners")
    browser.find_element(By.ID, "partners-q").send_keys("재난 구호 협력")
    browser.find_element(By.CSS_SELECTOR, "#partners-form button[type=submit]").click()
    partners = wait(browser).until(ec.presence_of_all_elements_located(
        (By.CSS_SELECTOR, "#partners-results li.partner")))
    assert partners and partners[0].find_element(By.CSS_SELECTOR, "a.partner-name").text
    shot(browser, artifacts, "partners")


def test_cited_lines_are_highlighted(browser: WebDriver, live_server: str, artifacts: Path) -> None:
    browser.get(f"{live_server}/doc/{SEOUL_DOC}?lines=296-297#L296")
    marked = browser.find_elements(By.CSS_SELECTOR, "ol.lines li.hl")
    assert [li.get_attribute("id") for li in marked] == ["L296", "L297"]
    assert "전 라 남 도" in marked[0].text
    assert browser.execute_script("return window.scrollY") > 0
    shot(browser, artifacts, "document")


#: Pages whose neighbourhood picture must name every node and keep every label inside its frame.
NETWORK_PAGES = ("region/kr-seoul", "region/jp-toyama", "organization/near", "subcommittee/near-environment",
                 "coordination/near-environment-002")
RAW_IRI = re.compile(r"^(?:https?://|[a-z][\w-]*:[^\s·]+$)|/")


def network_labels(browser: WebDriver) -> dict:
    """The picture's frame, and each node's and legend entry's text and bounding box, as Chromium lays them out."""
    return browser.execute_script("""
      const svg = document.querySelector('svg.network');
      const box = (el) => { const r = el.getBoundingClientRect();
                            return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
      return {frame: box(svg),
              nodes: [...svg.querySelectorAll('g.node-group')].map(g => ({
                circles: g.querySelectorAll('circle.node').length,
                text: (g.querySelector('text.node-label') || {}).textContent || '',
                box: g.querySelector('text.node-label') ? box(g.querySelector('text.node-label')) : null})),
              circles: svg.querySelectorAll('circle.node').length,
              legend: [...svg.querySelectorAll('text.legend')].map(t => ({text: t.textContent, box: box(t)}))};
    """)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_neighbourhood_labels_every_node_inside_the_frame(browser: WebDriver, live_server: str, artifacts: Path,
                                                          lang: str) -> None:
    for page in NETWORK_PAGES:
        browser.get(f"{live_server}/id/{page}?lang={lang}")
        found = network_labels(browser)
        frame = found["frame"]
        assert found["circles"] == len(found["nodes"]) > 1, page
        for item in found["nodes"] + found["legend"]:
            assert item["text"].strip(), (page, item)
            assert not RAW_IRI.search(item["text"]), (page, item["text"])
            box = item["box"]
            assert frame["left"] - 0.5 <= box["left"] and box["right"] <= frame["right"] + 0.5, (page, item)
            assert frame["top"] - 0.5 <= box["top"] and box["bottom"] <= frame["bottom"] + 0.5, (page, item)
        browser.find_element(By.ID, "network").screenshot(str(artifacts / f"browser-network-{page.replace('/', '-')}"
                                                             f"-{lang}.png"))


def test_neighbourhood_names_fact_nodes_and_relations_in_the_page_language(browser: WebDriver,
                                                                          live_server: str) -> None:
    browser.get(f"{live_server}/id/region/jp-toyama?lang=ko")
    found = network_labels(browser)
    texts = {n["text"] for n in found["nodes"]}
    assert {"환경분과위원회 · 도야마현 · 2024", "환경분과위원회 · 도야마현 · 2010"} <= texts
    assert {"동북아시아지방정부연합 · 도야마현 · 2010", "동북아시아지방정부연합 · 도야마현 · 2024"} <= texts
    assert {"회원", "코디네이터", "국가"} <= {t["text"] for t in found["legend"]}
    browser.get(f"{live_server}/id/region/jp-toyama?lang=en")
    found = network_labels(browser)
    assert "Environment Sub-Committee · Toyama · 2024" in {n["text"] for n in found["nodes"]}
    assert {"member", "coordinator", "country"} <= {t["text"] for t in found["legend"]}


@pytest.mark.parametrize("lang,chip", [("en", "Hyogo"), ("ko", "효고현")])
def test_hits_show_title_marked_terms_line_links_and_linked_chips(browser: WebDriver, live_server: str,
                                                                   artifacts: Path, lang: str, chip: str) -> None:
    browser.get(f"{live_server}/?lang={lang}")
    browser.find_element(By.ID, "search-q").send_keys("Hyogo disaster prevention <b>bold</b>")
    browser.find_element(By.CSS_SELECTOR, "#search-form button[type=submit]").click()
    hits = wait(browser).until(ec.presence_of_all_elements_located((By.CSS_SELECTOR, "#search-results li.hit")))
    chips = browser.find_elements(By.CSS_SELECTOR, "#search-linked .chip.linked-entity")
    hyogo = next(c for c in chips if c.text == chip)
    assert hyogo.get_attribute("href").endswith("/id/region/jp-hyogo")
    assert all(h.find_element(By.CSS_SELECTOR, ".title").text for h in hits)
    link = hits[0].find_element(By.CSS_SELECTOR, "a.source").get_attribute("href")
    assert "/doc/" in link and "?lines=" in link
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#search-results mark")]
    assert "효고현" in marks
    assert not browser.find_elements(By.CSS_SELECTOR, "#search-results b, #search-linked b")  # text, never HTML
    shot(browser, artifacts, f"search-linked-{lang}")
    browser.get(f"{live_server}/?lang=ko")


@pytest.fixture(scope="module")
def mixed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live server over a graph holding a curated signing (a seed reader's table) and an automatic one (a news
    sentence read by the general readers), as after ``gyoryu ingest`` of an article."""
    from dataclasses import replace

    from api.app import create_app
    from graph.build import build_graph
    from graph.store import OxigraphStore, write_dataset
    from runtime.settings import Settings
    from tests.api.conftest import LiveServer
    from tests.readers.helpers import document
    from tests.readers.test_reconcile import SEOUL

    news = document("news.txt", "서울시, 강릉시와 우호교류 협약\n입력 2025.03.06 10:00\n\n"
                                "서울특별시와 강릉시는 2025년 3월 5일 우호교류 협약을 체결했다.\n")
    directory = tmp_path_factory.mktemp("mixed-graph")
    write_dataset(build_graph([SEOUL, news]).dataset, directory / "graph.nq")
    app = create_app(replace(Settings.from_env(), data_dir=directory), store=OxigraphStore.load(directory).store)
    with LiveServer(app) as server:
        yield server.url
    app.extensions["gyoryu"].close()


def test_entity_pages_chip_curated_and_automatic_facts(browser: WebDriver, mixed_server: str, artifacts: Path
                                                       ) -> None:
    rows = requests.get(f"{mixed_server}/api/agreements", params={"party": "서울특별시"}, timeout=WAIT_S).json()
    by_partner = {a["partner"]["label"]: a for a in rows["agreements"]}
    automatic, curated = by_partner["강릉시"], by_partner["전라남도"]
    assert (automatic["method"], curated["method"]) == ("automatic", "curated")
    browser.get(f"{mixed_server}/?lang=ko")  # the page's language
    browser.get(mixed_server + "/id/" + automatic["iri"].split("/id/", 1)[1])
    chip = wait(browser).until(ec.presence_of_element_located((By.ID, "extraction-method")))
    assert "method-automatic" in chip.get_attribute("class").split()
    assert chip.text == f"자동 추출(automatic) · 신뢰도 {automatic['confidence']}" and 0 < automatic["confidence"] < 1
    assert chip.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"  # the chip is drawn, not hidden
    shot(browser, artifacts, "method-automatic")
    browser.get(mixed_server + "/id/" + curated["iri"].split("/id/", 1)[1])
    chip = wait(browser).until(ec.presence_of_element_located((By.ID, "extraction-method")))
    assert "method-curated" in chip.get_attribute("class").split()
    assert chip.text == "검수 판독기(curated)"  # no confidence on a curated fact


def test_search_hits_of_seed_facts_carry_the_curated_chip(browser: WebDriver, live_server: str) -> None:
    browser.get(f"{live_server}/?lang=ko")
    browser.find_element(By.ID, "search-q").send_keys("서울특별시 전라남도 우호교류 협약 체결일")
    browser.find_element(By.CSS_SELECTOR, "#search-form button[type=submit]").click()
    wait(browser).until(ec.presence_of_all_elements_located((By.CSS_SELECTOR, "#search-results li.hit")))
    chips = browser.find_elements(By.CSS_SELECTOR, "#search-results li.hit .chip.method")
    assert chips and all(c.text == "검수 판독기(curated)" for c in chips)
    assert all("method-curated" in c.get_attribute("class").split() for c in chips)


@pytest.fixture(scope="module")
def dated_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live server over a graph whose signings are stated to the year, to the month and to the day (a news
    sentence each, read by the general readers)."""
    from dataclasses import replace

    from api.app import create_app
    from graph.build import build_graph
    from graph.store import OxigraphStore, write_dataset
    from runtime.settings import Settings
    from tests.api.conftest import LiveServer
    from tests.readers.helpers import document

    news = document("dated.txt", "강릉시 국제교류 소식\n\n"
                                 "강릉시는 1990년 일본 오타루시와 자매결연을 맺었다.\n"
                                 "강릉시는 2019년 5월 중국 다롄시와 우호교류 협약을 체결했다.\n"
                                 "강릉시는 2021년 4월 2일 미국 오클랜드시와 우호교류 협약을 체결했다.\n")
    directory = tmp_path_factory.mktemp("dated-graph")
    write_dataset(build_graph([news]).dataset, directory / "graph.nq")
    app = create_app(replace(Settings.from_env(), data_dir=directory), store=OxigraphStore.load(directory).store)
    with LiveServer(app) as server:
        yield server.url
    app.extensions["gyoryu"].close()


def test_year_and_month_dates_show_as_stated(browser: WebDriver, dated_server: str, artifacts: Path) -> None:
    """Issue 9.2: a ``gYear`` shows as ``1990`` and a ``gYearMonth`` as ``2019-05`` in the JSON, on the agreement's
    page (with its datatype), in the region's list of agreements and in its timeline; never as a made-up day."""
    rows = requests.get(f"{dated_server}/api/agreements", params={"party": "강릉시"}, timeout=WAIT_S).json()
    assert [(a["partner"]["label"], a["date"]) for a in rows["agreements"]] == [
        ("오타루시", "1990"), ("다롄시", "2019-05"), ("오클랜드시", "2021-04-02")]
    browser.get(f"{dated_server}/?lang=ko")
    for agreement, shown, datatype in zip(rows["agreements"], ("1990", "2019-05", "2021-04-02"),
                                          ("xsd:gYear", "xsd:gYearMonth", "xsd:date"), strict=True):
        browser.get(dated_server + "/id/" + agreement["iri"].split("/id/", 1)[1])
        wait(browser).until(ec.presence_of_element_located((By.ID, "entity-label")))
        assert browser.find_element(By.ID, "entity-label").text.endswith(f"협약 ({shown})")
        cells = [[td.text for td in tr.find_elements(By.TAG_NAME, "td")]
                 for tr in browser.find_elements(By.CSS_SELECTOR, "#facts table.facts tbody tr")]
        signed = [c[1] for c in cells if c[0] == "체결일"]
        assert signed == [f"{shown} {datatype}"]
    shot(browser, artifacts, "date-year-month")
    browser.get(dated_server + "/id/region/kr-gangwon-gangneung")
    bars = wait(browser).until(ec.presence_of_all_elements_located((By.CSS_SELECTOR, "svg.timeline rect.bar")))
    assert [(b.get_attribute("data-year"), b.get_attribute("data-count")) for b in bars] == [
        ("1990", "1"), ("2019", "1"), ("2021", "1")]
    assert all(b.size["height"] > 0 for b in bars)
    subjects = sorted(tr.find_element(By.TAG_NAME, "td").text
                      for tr in browser.find_elements(By.CSS_SELECTOR, "#incoming table.facts tbody tr"))
    stated = ["강릉시–오클랜드시 협약 (2021-04-02)", "다롄시–강릉시 협약 (2019-05)", "오타루시–강릉시 협약 (1990)"]
    assert [s.split(")")[0] + ")" for s in subjects if "협약" in s] == stated
    shot(browser, artifacts, "date-region-timeline")
