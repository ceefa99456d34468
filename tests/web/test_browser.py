"""The officer page in a real browser: headless Chromium (Debian's package) driven by Playwright,
against `hajiz serve --workers 2` on a loopback port.

Chromium comes from Debian (`apt-get install -y chromium`). `.ci/run` installs it and sets
HAJIZ_REQUIRE_BROWSER=1, under which a missing browser fails these tests; elsewhere (a
developer's machine without it) they skip, saying what to install. Playwright never downloads
a browser here; it drives the system one through `executable_path`.

Each test saves screenshots of the pages it visits in tests/artifacts/screenshots/ (ignored
by git) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, sync_playwright
from playwright.sync_api import expect as playwright_expect

from hajiz.access import create_key
from hajiz.store.service import open_service_store
from tests.api.conftest import SECRET_ID, SECRET_NAME
from tests.live_server import serving
from tests.web.conftest import XSS_ID, XSS_NAME, Keys, seed_web

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "artifacts" / "screenshots"
STARTUP_SECONDS = 120
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LAPTOP = {"width": 1366, "height": 900}
TABLET = {"width": 820, "height": 1180}
BAGHDADI = "أبو بكر البغدادي"


def chromium_path() -> str:
    """The system Chromium; fail when it is missing and required (CI), else skip."""
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        message = "Chromium is not installed: apt-get install -y chromium (Debian's package)"
        if os.environ.get("HAJIZ_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return path


@dataclass(frozen=True)
class Live:
    """A running `hajiz serve` and the keys of its store."""

    base: str
    keys: Keys
    officer_a: str  # ALPHA, screener and reviewer


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    folder = tmp_path_factory.mktemp("browser")
    db_url = f"sqlite:///{folder / 'hajiz.db'}"
    keys = seed_web(db_url)
    store = open_service_store(db_url)
    try:
        officer_a = create_key(store, "ALPHA", ["screener", "reviewer"])[1]
    finally:
        store.close()
    with serving(db_url, [folder], log_level="info") as (server,):
        yield Live(server.base, keys, officer_a)
    # The server's log must never hold a key, a session token or a traveller's name.
    text = server.log.read_text()
    for secret in (keys.screener_a, keys.screener_b, officer_a, BAGHDADI):
        assert secret not in text


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Browser) -> Iterator[Page]:
    """A fresh browser context (no cookies) at laptop size; fails on any JavaScript dialog."""
    context = chromium.new_context(viewport=LAPTOP, locale="en-GB")
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    context.close()
    assert dialogs == [], f"a script ran and opened a dialog: {dialogs}"


def shoot(tab: Page, name: str) -> None:
    """Save a full-page screenshot for people to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def sign_in(tab: Page, live: Live, key: str, shot: str | None = None) -> None:
    tab.goto(f"{live.base}/")
    tab.get_by_label("API key").fill(key)
    if shot:
        shoot(tab, shot)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_load_state()


def screen(tab: Page, live: Live, *, latin: str = "", arabic: str = "", **more: str) -> None:
    tab.goto(f"{live.base}/web/screen")
    if latin:
        tab.get_by_label("Name in Latin letters").fill(latin)
    if arabic:
        tab.get_by_label("Name in Arabic letters").fill(arabic)
    for label, value in more.items():
        tab.get_by_label(label.replace("_", " ")).fill(value)
    tab.get_by_role("button", name="Screen", exact=True).click()
    tab.wait_for_load_state()


def hit(tab: Page, entry_id: str) -> Locator:
    return tab.locator(f'article.hit[data-entry-id="{entry_id}"]')


def test_sign_in_screen_arabic_and_read_the_aligned_explanation(page: Page, live: Live) -> None:
    sign_in(page, live, live.keys.screener_a, shot="sign-in")
    assert page.url.endswith("/web/screen")
    # The key went in a POST body and a cookie the page cannot read: nowhere in the URL.
    assert live.keys.screener_a not in page.url
    assert page.evaluate("document.cookie") == ""
    shoot(page, "screen-form")

    screen(page, live, arabic=BAGHDADI, Birth_date="1971", Nationality="Iraq")
    card = hit(page, "un-sc:QDi.299")
    playwright_expect(card).to_be_visible()
    assert page.get_by_label("Name in Arabic letters").get_attribute("dir") == "rtl"

    # Two aligned columns: each row holds the traveller's part and the list part, with why.
    rows = card.locator("table.alignment tbody tr.pair")
    assert rows.count() >= 2
    first = rows.nth(0)
    query_cell, entry_cell = first.locator("td.query"), first.locator("td.entry")
    assert query_cell.get_attribute("dir") == "rtl" and query_cell.get_attribute("lang") == "ar"
    assert entry_cell.get_attribute("dir") == "rtl"
    assert first.locator(".reason").inner_text().strip()
    # Aligned: the two parts of a pair sit on the same line, the list part to the right.
    q_box, e_box = query_cell.bounding_box(), entry_cell.bounding_box()
    assert q_box and e_box and abs(q_box["y"] - e_box["y"]) < 1 and q_box["x"] < e_box["x"]
    # Arabic is laid out right to left: the text hugs the right edge of its cell.
    part = query_cell.locator(".part")
    assert page.evaluate("el => getComputedStyle(el).direction", part.element_handle()) == "rtl"
    fields = card.locator("table.fields")
    playwright_expect(fields).to_contain_text("Birth date")
    playwright_expect(fields).to_contain_text("MATCH")
    shoot(page, "results")

    page.set_viewport_size(TABLET)
    # Nothing runs off the side of a tablet's screen.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shoot(page, "results-tablet")
    page.set_viewport_size(LAPTOP)

    card.get_by_role("link").first.click()
    page.wait_for_load_state()
    assert "/web/entries/" in page.url
    playwright_expect(page.locator("h1")).to_contain_text("IBRAHIM AWWAD")
    shoot(page, "entry")

    page.get_by_role("link", name="Import history").click()
    playwright_expect(page.locator("table.imports")).to_contain_text("un-sc")
    shoot(page, "imports")


def test_signing_out_ends_the_session(page: Page, live: Live) -> None:
    sign_in(page, live, live.keys.screener_a)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    assert page.url.endswith("/web/sign-in")
    page.goto(f"{live.base}/web/screen")
    assert page.url.endswith("/web/sign-in")  # back at the form: the session is gone


def test_a_restricted_entry_stays_invisible_to_another_agency(page: Page, live: Live) -> None:
    sign_in(page, live, live.keys.screener_a)
    screen(page, live, latin=SECRET_NAME, Birth_date="1980")
    playwright_expect(page.locator("#results-title")).to_be_visible()
    assert hit(page, SECRET_ID).count() == 0
    response = page.goto(f"{live.base}/web/entries/{SECRET_ID}")
    assert response is not None and response.status == 404
    missing = page.goto(f"{live.base}/web/entries/BRAVO:no-such-entry")
    assert missing is not None and missing.status == 404
    shoot(page, "restricted-404")

    # The agency it belongs to sees it: the test above could fail.
    page.context.clear_cookies()
    sign_in(page, live, live.keys.screener_b)
    screen(page, live, latin=SECRET_NAME, Birth_date="1980")
    playwright_expect(hit(page, SECRET_ID)).to_be_visible()


def test_markup_in_a_query_and_in_an_entry_renders_as_text(page: Page, live: Live) -> None:
    sign_in(page, live, live.keys.screener_a)
    screen(page, live, latin=XSS_NAME)
    # The name typed comes back as text in its field, and the entry named the same as text.
    assert page.get_by_label("Name in Latin letters").input_value() == XSS_NAME
    card = hit(page, XSS_ID)
    playwright_expect(card.locator("h3")).to_have_text(XSS_NAME)
    assert page.locator("main script").count() == 0
    shoot(page, "xss-results")
    page.goto(f"{live.base}/web/entries/{XSS_ID}")
    playwright_expect(page.locator("h1")).to_have_text(XSS_NAME)
    # The page fixture fails the test if any alert() ran.


def test_the_keyboard_reaches_the_skip_link_and_the_form(page: Page, live: Live) -> None:
    sign_in(page, live, live.keys.screener_a)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Skip to content"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.id")
    assert focused == "latin_name"
    page.keyboard.type("Ibrahim Awwad Ibrahim al-Badri")
    page.keyboard.press("Enter")  # submits the form
    page.wait_for_load_state()
    playwright_expect(hit(page, "un-sc:QDi.299")).to_be_visible()


def test_a_false_positive_decided_in_the_queue_clears_the_traveller(page: Page, live: Live) -> None:
    sign_in(page, live, live.officer_a)
    traveller = {"arabic": BAGHDADI, "Birth_date": "1971-07-28", "Nationality": "Iraq"}
    screen(page, live, **traveller)
    card = hit(page, "un-sc:QDi.299")
    referred = page.locator(".results > p.referred a")
    playwright_expect(referred).to_be_visible()
    case_id = referred.inner_text().strip()
    assert case_id.startswith("c_")

    page.get_by_role("link", name="Review queue").click()
    row = page.locator("#awaiting tr", has=page.get_by_role("link", name=case_id))
    playwright_expect(row).to_be_visible()
    shoot(page, "review-queue")
    row.get_by_role("link", name=case_id).click()
    page.wait_for_load_state()
    card = hit(page, "un-sc:QDi.299")
    playwright_expect(card.locator("table.alignment")).to_be_visible()
    card.get_by_label("Reason for the decision").fill("Born 1971-07-28 in Mosul; different person")
    shoot(page, "case-open")
    card.get_by_role("button", name="False positive").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/web/review/{case_id}")  # back on the case: a reload decides nothing
    playwright_expect(page.locator("h1 .case-status")).to_have_text("false positive")
    playwright_expect(page.locator("table.decisions")).to_contain_text("different person")
    shoot(page, "case-decided")

    # The same traveller, screened again, comes back cleared and opens no case.
    screen(page, live, **traveller)
    card = hit(page, "un-sc:QDi.299")
    playwright_expect(card.locator(".cleared-note")).to_contain_text(case_id)
    playwright_expect(card.locator(".band")).to_have_text("cleared")
    assert page.locator(".results > p.referred").count() == 0
    shoot(page, "results-cleared")
