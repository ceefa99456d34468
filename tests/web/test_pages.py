"""The web page over plain HTTP: signing in and out, the pages, visibility and escaping."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from hajiz.web.sessions import SESSION_COOKIE, SIGN_IN_COOKIE
from tests.api.conftest import SECRET_ID
from tests.web.conftest import XSS_ID, XSS_NAME, Browser, Keys, form_token

ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_the_site_root_and_every_page_send_a_stranger_to_sign_in(client: TestClient) -> None:
    assert client.get("/", follow_redirects=False).headers["location"] == "/web/"
    for path in ("/web/", "/web/screen", "/web/review", "/web/imports", "/web/entries/x"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"] == "/web/sign-in"


def test_signing_in_sets_a_strict_httponly_cookie_holding_no_key(
    client: TestClient, keys: Keys
) -> None:
    form = client.get("/web/sign-in")
    sign_in_cookie = form.headers["set-cookie"]
    assert "HttpOnly" in sign_in_cookie and "SameSite=strict" in sign_in_cookie
    response = client.post(
        "/web/sign-in",
        data={"csrf_token": form_token(form.text), "api_key": keys.screener_a},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/web/screen"
    cookie = next(
        c for c in response.headers.get_list("set-cookie") if c.startswith(SESSION_COOKIE)
    )
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/web" in cookie
    assert "Secure" not in cookie  # plain http in tests; https requests get Secure
    assert keys.screener_a not in cookie
    assert keys.screener_a not in response.headers["location"]
    assert client.get("/web/screen").status_code == 200


def test_a_bad_key_is_refused_with_the_form_again(client: TestClient) -> None:
    form = client.get("/web/sign-in")
    response = client.post(
        "/web/sign-in", data={"csrf_token": form_token(form.text), "api_key": "hajiz_wrong"}
    )
    assert response.status_code == 401
    assert "unknown, expired or revoked" in response.text
    assert SESSION_COOKIE not in client.cookies


def test_expired_and_revoked_keys_cannot_sign_in(browser: Browser, keys: Keys) -> None:
    for key in (keys.expired_a, keys.revoked_a):
        form = browser.client.get("/web/sign-in")
        response = browser.client.post(
            "/web/sign-in", data={"csrf_token": form_token(form.text), "api_key": key}
        )
        assert response.status_code == 401


def test_signing_out_ends_the_session_on_the_server(browser: Browser, keys: Keys) -> None:
    browser.sign_in(keys.screener_a)
    token = browser.client.cookies[SESSION_COOKIE]
    response = browser.client.post(
        "/web/sign-out", data={"csrf_token": browser.token()}, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/web/sign-in"
    # Even a browser that kept the cookie is signed out: the session is gone from the store.
    browser.client.cookies.set(SESSION_COOKIE, token, path="/web")
    again = browser.client.get("/web/screen", follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"] == "/web/sign-in"


def test_a_screening_shows_the_hit_with_its_aligned_explanation(
    browser: Browser, keys: Keys
) -> None:
    browser.sign_in(keys.screener_a)
    response = browser.post(
        "/web/screen", {"arabic_name": "أبو بكر البغدادي", "birth_date": "1971"}
    )
    assert response.status_code == 200
    html = response.text
    assert 'data-entry-id="un-sc:QDi.299"' in html
    assert '<table class="alignment">' in html
    # The aligned Arabic parts are right-to-left cells, in Arabic script alone.
    assert re.search(r'<td class="query" dir="rtl" lang="ar">\s*<span class="part">أبو بكر', html)
    assert re.search(r'<td class="entry" dir="rtl" lang="ar">\s*<span class="part">أبو بكر', html)
    assert "MATCH" in html and "Birth date" in html
    assert "audit record #" in html


def test_a_form_without_a_name_comes_back_with_a_message(browser: Browser, keys: Keys) -> None:
    browser.sign_in(keys.screener_a)
    response = browser.post("/web/screen", {"birth_date": "1971"})
    assert response.status_code == 400
    assert "Enter the traveller&#39;s name" in response.text
    assert 'value="1971"' in response.text  # what was typed is kept


def test_a_restricted_entry_is_the_same_404_as_a_missing_one(browser: Browser, keys: Keys) -> None:
    browser.sign_in(keys.screener_a)
    hidden = browser.client.get(f"/web/entries/{SECRET_ID}")
    missing = browser.client.get("/web/entries/BRAVO:nothing-here")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.text.replace(SECRET_ID, "X") == missing.text.replace("BRAVO:nothing-here", "X")
    browser.client.cookies.clear()
    browser.sign_in(keys.screener_b)
    assert browser.client.get(f"/web/entries/{SECRET_ID}").status_code == 200


def test_markup_in_an_entry_name_and_in_a_query_is_escaped(browser: Browser, keys: Keys) -> None:
    browser.sign_in(keys.screener_a)
    entry = browser.client.get(f"/web/entries/{XSS_ID}")
    assert entry.status_code == 200
    assert XSS_NAME not in entry.text and ESCAPED in entry.text
    results = browser.post("/web/screen", {"latin_name": XSS_NAME})
    assert results.status_code == 200
    assert f'data-entry-id="{XSS_ID}"' in results.text
    assert XSS_NAME not in results.text and ESCAPED in results.text
    # An unknown page echoing its path escapes it too.
    page = browser.client.get("/web/%3Cscript%3Ealert(1)%3C/script%3E")
    assert page.status_code == 404 and XSS_NAME not in page.text


def test_import_history_lists_only_lists_the_agency_may_know(browser: Browser, keys: Keys) -> None:
    browser.sign_in(keys.screener_a)
    alpha = browser.client.get("/web/imports")
    assert alpha.status_code == 200 and "un-sc" in alpha.text
    assert "csv:BRAVO" not in alpha.text


def test_pages_refuse_keys_without_the_role(browser: Browser, keys: Keys) -> None:
    browser.sign_in(keys.contributor_a)
    assert browser.client.get("/web/screen").status_code == 403
    assert browser.client.get("/web/review").status_code == 403
    assert browser.client.get("/web/imports").status_code == 200


def test_the_sign_in_form_cookie_is_scoped_to_the_form(client: TestClient) -> None:
    cookie = client.get("/web/sign-in").headers["set-cookie"]
    assert cookie.startswith(SIGN_IN_COOKIE) and "Path=/web/sign-in" in cookie
