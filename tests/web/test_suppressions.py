"""Suppressions through the page: listed after a false positive, revoked with a reason."""

from __future__ import annotations

import re

from tests.web.conftest import Browser, Keys
from tests.web.test_review import TRAVELLER, post_decision, screen_for_case

_REVOKE = re.compile(r'action="/web/suppressions/([^"/]+)/revoke"')


def decide_false_positive(browser: Browser, traveller: dict[str, str]) -> str:
    _, case_id = screen_for_case(browser, traveller)
    assert case_id
    response = post_decision(browser, case_id, "false_positive", "Different person: born in Basra")
    assert response.status_code == 303
    return case_id


def test_a_revoked_suppression_refers_the_traveller_again(browser: Browser, keys: Keys) -> None:
    browser.sign_in(keys.admin_a)
    traveller = {**TRAVELLER, "birth_date": "1971-02-11"}
    case_id = decide_false_positive(browser, traveller)
    listing = browser.client.get("/web/suppressions").text
    assert case_id in listing and "Different person: born in Basra" in listing
    (suppression_id,) = _REVOKE.findall(listing)

    refused = browser.client.post(
        f"/web/suppressions/{suppression_id}/revoke",
        data={"csrf_token": browser.token(), "reason": "  "},
    )
    assert refused.status_code == 400 and "needs a reason" in refused.text
    assert screen_for_case(browser, traveller)[1] is None  # still cleared

    revoked = browser.client.post(
        f"/web/suppressions/{suppression_id}/revoke",
        data={"csrf_token": browser.token(), "reason": "New intelligence: same person"},
        follow_redirects=False,
    )
    assert revoked.status_code == 303
    assert revoked.headers["location"] == "/web/suppressions"
    after = browser.client.get("/web/suppressions").text
    assert "New intelligence: same person" in after
    assert not _REVOKE.findall(after)  # nothing active is left to revoke
    _, again = screen_for_case(browser, traveller)
    assert again and again != case_id


def test_revoking_needs_the_session_s_token(browser: Browser, keys: Keys) -> None:
    browser.sign_in(keys.admin_a)
    decide_false_positive(browser, {**TRAVELLER, "birth_date": "1971-04-21"})
    (suppression_id, *_) = _REVOKE.findall(browser.client.get("/web/suppressions").text)
    forged = browser.client.post(
        f"/web/suppressions/{suppression_id}/revoke",
        data={"csrf_token": "forged", "reason": "x"},
    )
    assert forged.status_code == 403
    assert suppression_id in _REVOKE.findall(browser.client.get("/web/suppressions").text)


def test_screeners_neither_see_nor_revoke_suppressions(browser: Browser, keys: Keys) -> None:
    browser.sign_in(keys.screener_a)
    page = browser.client.get("/web/suppressions")
    assert page.status_code == 403
    assert "/web/suppressions" not in browser.client.get("/web/screen").text
    refused = browser.client.post(
        "/web/suppressions/d_0000/revoke", data={"csrf_token": browser.token(), "reason": "x"}
    )
    assert refused.status_code == 403


def test_an_unknown_suppression_is_not_found(browser: Browser, keys: Keys) -> None:
    browser.sign_in(keys.admin_a)
    missing = browser.client.post(
        "/web/suppressions/d_missing/revoke", data={"csrf_token": browser.token(), "reason": "x"}
    )
    assert missing.status_code == 404
