"""The review queue through the page: referral, decision buttons, false positive, clearance."""

from __future__ import annotations

import re

from httpx import Response

from tests.web.conftest import Browser, Keys

TRAVELLER = {"arabic_name": "أبو بكر البغدادي", "birth_date": "1971-07-28", "nationality": "IQ"}
_CASE = re.compile(r"Referred: case <a href=\"/web/review/(c_[0-9a-f]+)\"")


def screen_for_case(browser: Browser, form: dict[str, str]) -> tuple[str, str | None]:
    html = browser.post("/web/screen", form).text
    found = _CASE.search(html)
    return html, found.group(1) if found else None


def post_decision(browser: Browser, case_id: str, decision: str, reason: str) -> Response:
    """Decide the Baghdadi hit of a case through the page's form."""
    return browser.client.post(
        f"/web/review/{case_id}/decision",
        data={
            "csrf_token": browser.token(),
            "hit": "un-sc:QDi.299",
            "decision": decision,
            "reason": reason,
        },
        follow_redirects=False,
    )


def test_a_false_positive_clears_the_same_traveller_next_time(browser: Browser, keys: Keys) -> None:
    browser.sign_in(keys.admin_a)  # admins screen and review
    traveller = {**TRAVELLER, "birth_date": "1971-03-14"}
    html, case_id = screen_for_case(browser, traveller)
    assert case_id, "the hit at or above the threshold opens a case"
    assert 'name="decision" value="false_positive"' in html  # decided right from the results
    queue = browser.client.get("/web/review").text
    assert case_id in queue.split('id="awaiting"')[1].split("</table>")[0]

    response = post_decision(browser, case_id, "false_positive", "Different person: born in Mosul")
    assert response.status_code == 303
    assert response.headers["location"] == f"/web/review/{case_id}"
    case = browser.client.get(f"/web/review/{case_id}").text
    assert "Different person: born in Mosul" in case
    assert 'name="decision"' not in case  # decided: no buttons left

    again, second_case = screen_for_case(browser, traveller)
    assert second_case is None
    assert "Cleared: an earlier review decided" in again and case_id in again


def test_a_decision_needs_a_reason(browser: Browser, keys: Keys) -> None:
    browser.sign_in(keys.admin_a)
    _, case_id = screen_for_case(browser, {**TRAVELLER, "birth_date": "1971-05-02"})
    assert case_id
    response = browser.client.post(
        f"/web/review/{case_id}/decision",
        data={"csrf_token": browser.token(), "hit": "un-sc:QDi.299", "decision": "confirmed"},
    )
    assert response.status_code == 400
    assert "needs a reason" in response.text
    assert "awaiting decision" in response.text  # nothing was decided


def test_screeners_see_cases_but_get_no_buttons(browser: Browser, keys: Keys) -> None:
    browser.sign_in(keys.screener_a)
    html, case_id = screen_for_case(browser, {**TRAVELLER, "birth_date": "1971-09-09"})
    assert case_id and 'name="decision"' not in html
    case = browser.client.get(f"/web/review/{case_id}")
    assert case.status_code == 200 and 'name="decision"' not in case.text
    refused = browser.client.post(
        f"/web/review/{case_id}/decision",
        data={"csrf_token": browser.token(), "decision": "false_positive", "reason": "x"},
    )
    assert refused.status_code == 403


def test_another_agency_cannot_open_the_case(browser: Browser, keys: Keys) -> None:
    browser.sign_in(keys.screener_a)
    _, case_id = screen_for_case(browser, {**TRAVELLER, "birth_date": "1971-10-10"})
    browser.client.cookies.clear()
    browser.sign_in(keys.screener_b)
    assert browser.client.get(f"/web/review/{case_id}").status_code == 404
    assert case_id not in browser.client.get("/web/review").text
