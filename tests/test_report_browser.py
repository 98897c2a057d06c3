"""The HTML report in a real headless browser (Chromium and its driver from the system packages).

The report of the example corpus is opened at a laptop's screen size: it must load without
console errors or network requests, carry every view, keep its table of contents working and
fit the screen's width. Screenshots are written to ``test-output/`` at the repository root
(or ``$WIRETRACE_TEST_OUTPUT``).

Without Chromium the tests are skipped, unless ``WIRETRACE_REQUIRE_BROWSER=1`` (set by CI),
where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import wiretrace

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
REQUIRED = os.environ.get("WIRETRACE_REQUIRE_BROWSER") == "1"
OUTPUT = Path(os.environ.get("WIRETRACE_TEST_OUTPUT", Path(__file__).resolve().parent.parent / "test-output"))

if not (CHROMIUM and DRIVER):
    message = "Chromium and chromedriver are needed (Debian: apt-get install chromium chromium-driver)"
    if REQUIRED:
        raise RuntimeError(message)
    pytest.skip(message, allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is in the test extra")


@pytest.fixture(scope="module")
def analysis() -> wiretrace.Analysis:
    return wiretrace.analyze(texts=wiretrace.demo.files())


@pytest.fixture(scope="module")
def page(analysis: wiretrace.Analysis, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    path = tmp_path_factory.mktemp("report") / "report.html"
    analysis.to_html(path)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1366,768",
                "--hide-scrollbars"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=DRIVER))
    try:
        driver.get(path.as_uri())
        yield driver
    finally:
        driver.quit()


def test_the_report_loads_without_console_errors_or_network(page: Any) -> None:
    assert page.title == "wiretrace report"
    errors = [e for e in page.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert errors == []
    # Self-contained: nothing but the file itself is fetched.
    assert page.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert page.execute_script("return document.scripts.length + document.querySelectorAll('link[rel=stylesheet]').length") == 0


def test_every_view_is_present(page: Any, analysis: wiretrace.Analysis) -> None:
    story = analysis.clusters.sort_values("size").iloc[-1]
    q = lambda css: page.execute_script(f"return document.querySelectorAll({css!r}).length")  # noqa: E731
    sec = f"section#{story['id']}"
    assert q("section#summary") == 1 and q("section#documents") == 1 and q(sec) == 1
    # Drifts with their kinds, the claim table, the heatmap, the graph, the collation, side by side.
    assert q(f"{sec} .badge") >= len(analysis.drifts)
    assert q(f"{sec} table.claims tr") == len(analysis.claim_table(story["id"])) + 1
    assert q(f"{sec} table.heat tr") == story["size"] + 1
    assert q(f"{sec} svg.graph g.node") == story["size"]
    edges = analysis.derivation.query("cluster == @story.id")["parent"].notna().sum()
    assert q(f"{sec} svg.graph g.edge") == edges > 0
    assert q(f"{sec} table.units tr") == analysis.units.query("cluster == @story.id")["unit"].nunique() + 1
    assert q(f"{sec} details .side") == story["size"] - 1
    assert q(f"{sec} .side ins") > 0 and q(f"{sec} .side del") > 0, "word edits are marked inline"
    assert q("#documents .doc .boilerplate") > 0
    assert q("#documents details") == len(analysis.documents)


def test_the_table_of_contents_leads_to_each_part(page: Any) -> None:
    targets = page.execute_script(
        "return [...document.querySelectorAll('nav.toc a')].map(a => a.getAttribute('href'))"
    )
    assert len(targets) >= 3
    for href in targets:
        assert page.execute_script(f"return document.getElementById({href[1:]!r}) !== null"), href
    link = page.find_element("css selector", f"nav.toc a[href='{targets[1]}']")
    link.click()
    top = page.execute_script(f"return document.getElementById({targets[1][1:]!r}).getBoundingClientRect().top")
    assert page.execute_script("return window.scrollY") > 0 and abs(top) < 5


def test_the_report_fits_a_laptop_screen_and_is_screenshotted(page: Any) -> None:
    # No sideways scrolling of the page at 1366 pixels (wide tables scroll inside their box).
    assert page.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.execute_script("window.scrollTo(0, 0)")
    assert page.save_screenshot(str(OUTPUT / "report.png"))
    page.execute_script("document.querySelector('section[id^=c] details.heatmap').scrollIntoView()")
    assert page.save_screenshot(str(OUTPUT / "report-story.png"))
    for name in ("report.png", "report-story.png"):
        data = (OUTPUT / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
