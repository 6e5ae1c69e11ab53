"""The dashboard in a real browser (Debian's headless Chromium): it loads the sample articles'
events on the map and in the list, filters them, opens one, and shows its evidence highlighted
inside the Arabic article, right to left. A screenshot is kept as an artifact."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rasd.api import create_app
from rasd.api.app import WEB
from tests.api.conftest import free_port
from tests.conftest import ROOT

ARTIFACTS = Path(os.environ.get("RASD_ARTIFACTS", ROOT / "build" / "artifacts"))


def _serve(db: str) -> Iterator[str]:
    import uvicorn

    if not (WEB / "vendor" / ".built").exists():
        pytest.fail("the dashboard's libraries are not built: make web")
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def dashboard(samples_db: str) -> Iterator[str]:
    yield from _serve(samples_db)


HOSTILE = ('قصف المسلحون مواقع للجيش في مدينة تعز أمس <img src=x onerror="document.body.dataset.pwned=1">'
           '<script>document.body.dataset.pwned=1</script> وقتل ثلاثة جنود.')


@pytest.fixture(scope="module")
def hostile_dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from rasd.extract import Extractor
    from rasd.schema import Article
    from rasd.store import open_store

    db = str(tmp_path_factory.mktemp("xss") / "hostile.sqlite")
    with open_store(db) as store:
        store.save(Extractor().extract(Article(id="hostile", text=HOSTILE, published="2022-05-04",
                                               title='<b onmouseover="x()">عنوان</b>')))
    yield from _serve(db)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if chromium is None or driver is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium and chromedriver are not installed (make test installs them)")
        pytest.skip("Chromium and chromedriver are not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,1800", "--lang=en"):
        options.add_argument(flag)
    session = webdriver.Chrome(service=Service(driver), options=options)
    try:
        yield session
    finally:
        session.quit()


def _ready(browser: Any) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 30).until(
        lambda b: b.execute_script("return document.body.dataset.ready || document.body.dataset.error"))
    assert browser.execute_script("return document.body.dataset.error") is None


def test_the_dashboard_filters_opens_an_event_and_highlights_its_evidence(dashboard: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    browser.get(dashboard)
    _ready(browser)
    rows = browser.find_elements(By.CSS_SELECTOR, "#events tbody tr")
    markers = browser.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive")
    assert len(rows) > 5 and len(markers) > 5  # country outlines and event markers are drawn
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline rect")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "dashboard-map.png"))

    Select(browser.find_element(By.NAME, "type")).select_by_value("ASSAULT")
    browser.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda b: b.execute_script(
        "const rows = [...document.querySelectorAll('#events tbody tr')];"
        "return rows.length > 0 && rows.every(r => r.dataset.type === 'ASSAULT')"))
    assaults = browser.find_elements(By.CSS_SELECTOR, "#events tbody tr")
    assert 0 < len(assaults) < len(rows)

    assaults[0].click()
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#evidence .article mark"))
    article = browser.find_element(By.CSS_SELECTOR, "#evidence .article")
    assert article.get_attribute("dir") == "rtl"
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", article) == "rtl"
    marked = " ".join(m.text for m in article.find_elements(By.CSS_SELECTOR, "mark"))
    assert any("\u0600" <= c <= "\u06ff" for c in marked)  # the evidence is Arabic text
    trigger = article.find_elements(By.CSS_SELECTOR, "mark.trigger")
    assert trigger and trigger[0].text.strip()

    browser.save_screenshot(str(ARTIFACTS / "dashboard-event.png"))
    browser.find_element(By.ID, "language").click()  # Arabic labels, right to left
    assert browser.execute_script("return document.documentElement.dir") == "rtl"
    assert browser.find_element(By.CSS_SELECTOR, "#events thead th").text == "التاريخ"
    browser.save_screenshot(str(ARTIFACTS / "dashboard-arabic.png"))
    assert (ARTIFACTS / "dashboard-event.png").stat().st_size > 10_000


def test_article_text_is_shown_as_text_never_as_markup(hostile_dashboard: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(hostile_dashboard)
    _ready(browser)
    browser.find_element(By.CSS_SELECTOR, "#events tbody tr").click()
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#evidence .article"))
    article = browser.find_element(By.CSS_SELECTOR, "#evidence .article")
    assert "<img src=x" in article.text and "<script>" in article.text  # shown, as written
    assert not browser.find_elements(By.CSS_SELECTOR, "#evidence img, #evidence script, #evidence b")
    assert browser.execute_script("return document.body.dataset.pwned") is None
