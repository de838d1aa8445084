"""The web page in headless Chromium: search, open an entity, run an example query, see the charts.

Screenshots go to ``artifacts/`` (git-ignored). Chromium and its driver are the Debian packages
``chromium`` and ``chromium-driver`` (``make browser-deps``).
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

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


def test_example_query_fills_the_table_and_downloads_csv(browser: WebDriver, live_server: str,
                                                         artifacts: Path, downloads: Path) -> None:
    browser.get(live_server + "/#sparql")
    examples = browser.find_elements(By.CSS_SELECTOR, "#examples button.example")
    assert len(examples) >= 3
    examples[0].click()
    wait(browser).until(ec.presence_of_element_located((By.CSS_SELECTOR, "#sparql-results tbody tr")))
    table = browser.find_element(By.ID, "sparql-results")
    assert "전라남도" in table.text
    assert "행" in browser.find_element(By.ID, "sparql-status").text
    shot(browser, artifacts, "sparql")
    browser.find_element(By.ID, "sparql-csv").click()
    deadline = time.monotonic() + WAIT_S
    while not list(downloads.glob("*.csv")) and time.monotonic() < deadline:
        time.sleep(0.2)
    csv_file = next(downloads.glob("*.csv"))
    assert "전라남도" in csv_file.read_text(encoding="utf-8")


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
