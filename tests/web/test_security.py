"""The page's defences: form tokens on every POST, the security headers, no secrets in URLs."""

from __future__ import annotations

import logging
import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from hajiz.web import PAGE_ROUTERS
from hajiz.web.headers import CONTENT_SECURITY_POLICY
from tests.web.conftest import Browser, Keys

PAGES = ("/web/sign-in", "/web/screen", "/web/imports", "/web/review", "/web/entries/un-sc:QDi.299")


def post_routes() -> list[str]:
    """Every POST path of the web page, with a placeholder for path parameters."""
    return [
        re.sub(r"\{[^}]+\}", "c_0000", route.path)
        for router in PAGE_ROUTERS
        for route in router.routes
        if isinstance(route, APIRoute) and "POST" in route.methods
    ]


def test_every_post_of_the_page_is_refused_without_the_form_token(
    browser: Browser, keys: Keys
) -> None:
    paths = post_routes()
    assert {"/web/sign-in", "/web/sign-out", "/web/screen"} <= set(paths)
    assert "/web/review/c_0000/decision" in paths
    browser.sign_in(keys.admin_a)
    for path in paths:
        for token in (None, "forged-token"):
            data = {"latin_name": "Ibrahim", "reason": "x", "decision": "false_positive"}
            if token:
                data["csrf_token"] = token
            response = browser.client.post(path, data=data, follow_redirects=False)
            assert response.status_code == 403, (path, token, response.status_code)
    # Still signed in: a forged sign-out did nothing.
    assert browser.client.get("/web/screen").status_code == 200


def test_a_form_from_another_origin_is_refused_even_with_the_token(
    browser: Browser, keys: Keys
) -> None:
    browser.sign_in(keys.screener_a)
    response = browser.client.post(
        "/web/screen",
        data={"csrf_token": browser.token(), "latin_name": "Ibrahim"},
        headers={"Origin": "https://evil.example"},
    )
    assert response.status_code == 403
    same = browser.client.post(
        "/web/screen",
        data={"csrf_token": browser.token(), "latin_name": "Ibrahim"},
        headers={"Origin": "http://testserver"},
    )
    assert same.status_code == 200


def test_the_sign_in_form_needs_its_own_token(client: TestClient, keys: Keys) -> None:
    client.get("/web/sign-in")
    response = client.post(
        "/web/sign-in", data={"csrf_token": "guessed", "api_key": keys.screener_a}
    )
    assert response.status_code == 403
    assert "hajiz_session" not in client.cookies


@pytest.mark.parametrize("path", PAGES)
def test_pages_carry_the_security_headers(browser: Browser, keys: Keys, path: str) -> None:
    browser.sign_in(keys.admin_a)
    response = browser.client.get(path)
    assert response.status_code == 200, path
    headers = response.headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "default-src 'self'" in CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["cache-control"] == "no-store"
    # No inline script or style for the policy to block: the page would break if there were.
    assert "<script" not in response.text and "style=" not in response.text


def test_the_stylesheet_is_served_with_the_headers(client: TestClient) -> None:
    response = client.get("/web/static/hajiz.css")
    assert response.status_code == 200
    assert response.headers["x-content-type-options"] == "nosniff"
    assert (
        "cache-control" not in response.headers
        or "no-store" not in response.headers["cache-control"]
    )


def test_the_api_keeps_its_own_headers(client: TestClient) -> None:
    # /docs loads Swagger UI from a CDN with an inline script: the page's policy stays off it.
    assert "content-security-policy" not in client.get("/healthz").headers
    assert "content-security-policy" not in client.get("/docs").headers


def test_no_key_or_traveller_name_reaches_the_log(
    browser: Browser, keys: Keys, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        browser.sign_in(keys.screener_a)
        browser.post("/web/screen", {"latin_name": "Zubair Qasim Hamdani"})
        browser.client.get("/web/sign-in")
    text = caplog.text
    assert keys.screener_a not in text
    assert "Zubair Qasim Hamdani" not in text
    assert browser.client.cookies["hajiz_session"] not in text
