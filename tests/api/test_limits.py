"""Hostile input: each limit and each bad character is a 4xx with a clear message, never a 5xx."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from hajiz.api.app import create_app
from hajiz.queries import MAX_NAMES
from tests.api.conftest import auth, service_settings


def post(client, key, path, content, content_type="application/json", **params):
    headers = {**auth(key), "Content-Type": content_type}
    return client.post(path, content=content, headers=headers, params=params)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b'{"names": ["Ab\\u202edul"]}', "U+202E"),
        (b'{"names": ["Ab\\u2067dul"]}', "bidirectional"),
        (b'{"names": ["Ab\\u200bdul"]}', "zero-width"),
        (b'{"names": ["Ab\\ufeffdul"]}', "U+FEFF"),
        (b'{"names": ["Ab\\u0000dul"]}', "NUL"),
        (b'{"names": ["Ab\\u0007dul"]}', "control character"),
        (b'{"names": ["Ab\\ud800dul"]}', "surrogate"),
        (b'{"names": ["Ab\xed\xa0\x80dul"]}', "UTF-8"),
        (b'{"names": ["Ab\xffdul"]}', "UTF-8"),
        (b'{"names": ["Abdul"],}', "not valid JSON"),
        ('{"names": ["Ab\u200cdul"]}'.encode(), "U+200C"),
        (b'{"na\\u202eme": ["Abdul"]}', "key"),
    ],
    ids=[
        "rlo",
        "isolate",
        "zwsp",
        "bom",
        "nul",
        "bell",
        "lone-surrogate",
        "encoded-surrogate",
        "bad-utf8",
        "trailing-comma",
        "raw-zwnj",
        "bad-key",
    ],
)
def test_hidden_or_broken_characters_are_400_naming_them(client, keys, raw, expected):
    response = post(client, keys.screener_a, "/v1/screen", raw)
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["status"] == 400
    assert expected in body["detail"]


def test_the_message_says_where_the_character_is(client, keys):
    body = b'{"names": ["Abdul", "Om\\u200bar"]}'
    detail = post(client, keys.screener_a, "/v1/screen", body).json()["detail"]
    assert detail.startswith("names[1]:")
    assert "character 3" in detail


@pytest.mark.parametrize(
    ("body", "status", "expected"),
    [
        ({"names": [1]}, 422, "names.0"),
        ({"names": "Abdul"}, 422, "names"),
        ({"names": []}, 422, "names"),
        ({"names": ["Abdul"], "birth_dates": [1970]}, 422, "birth_dates.0"),
        ({"names": ["Abdul"], "unknown": 1}, 422, "unknown"),
        ([], 422, "body"),
        ({"names": ["A" * 600]}, 400, "limit is 500"),
        ({"names": [f"Name {i} Khan" for i in range(MAX_NAMES + 1)]}, 400, f"limit is {MAX_NAMES}"),
        ({"names": ["1234 5678"]}, 400, "no letters"),
        ({"names": ["Abdul"], "birth_dates": ["1970-02-31"]}, 400, "Birth date"),
        ({"names": ["Abdul"], "documents": [{"number": ""}]}, 422, "documents.0.number"),
    ],
    ids=[
        "name-int",
        "names-string",
        "no-names",
        "date-int",
        "extra-field",
        "array-body",
        "long-name",
        "many-names",
        "no-letters",
        "bad-date",
        "empty-document",
    ],
)
def test_wrong_values_are_4xx_naming_the_field(client, keys, body, status, expected):
    response = client.post("/v1/screen", json=body, headers=auth(keys.screener_a))
    assert response.status_code == status, response.text
    assert expected in response.json()["detail"]


def test_limit_above_the_maximum_is_400(client, keys):
    response = client.post(
        "/v1/screen",
        params={"limit": 101},
        json={"names": ["Abdul"]},
        headers=auth(keys.screener_a),
    )
    assert response.status_code == 400
    assert "maximum is 100" in response.json()["detail"]


def test_wrong_query_parameter_types_are_422(client, keys):
    response = client.post(
        "/v1/screen",
        params={"limit": "ten"},
        json={"names": ["Abdul"]},
        headers=auth(keys.screener_a),
    )
    assert response.status_code == 422
    assert "query parameter limit" in response.json()["detail"]


def test_a_body_without_json_content_is_4xx(client, keys):
    response = post(client, keys.screener_a, "/v1/screen", b"names=Abdul", "text/plain")
    assert 400 <= response.status_code < 500


@pytest.fixture(scope="module")
def tight(service):
    """The same database behind tight limits."""
    settings = service_settings(
        service.db_url,
        service.settings.data_dir,
        api_max_body_bytes=2048,
        api_max_json_depth=6,
        api_max_batch=3,
    )
    with TestClient(create_app(settings)) as tight_client:
        yield tight_client


def test_a_body_over_the_size_limit_is_413(tight, keys):
    body = {"names": ["Abdul"], "birth_dates": ["1970"] * 400}
    response = tight.post("/v1/screen", json=body, headers=auth(keys.screener_a))
    assert response.status_code == 413
    assert "limit of 2048 bytes" in response.json()["detail"]


def test_a_streamed_body_over_the_limit_is_413_without_content_length(tight, keys):
    def chunks():
        yield b'{"names": ["'
        for _ in range(100):
            yield b"A" * 100
        yield b'"]}'

    response = tight.post(
        "/v1/screen",
        content=chunks(),
        headers={**auth(keys.screener_a), "Content-Type": "application/json"},
    )
    assert response.status_code == 413


def test_nesting_deeper_than_the_limit_is_400(tight, client, keys):
    deep = {"names": ["Abdul"], "x": [[[[[["deep"]]]]]]}
    response = tight.post("/v1/screen", json=deep, headers=auth(keys.screener_a))
    assert response.status_code == 400
    assert "deeper than 6 levels" in response.json()["detail"]
    pathological = b"[" * 100_000 + b"]" * 100_000
    response = post(client, keys.screener_a, "/v1/screen", pathological)
    assert 400 <= response.status_code < 500


def test_a_batch_over_the_limit_is_400_and_a_bad_traveller_is_an_error_item(tight, keys):
    queries = [{"id": f"t{i}", "names": ["Joseph Kony"]} for i in range(4)]
    too_many = tight.post(
        "/v1/screen/batch", json={"queries": queries}, headers=auth(keys.screener_a)
    )
    assert too_many.status_code == 400
    assert "limit is 3" in too_many.json()["detail"]
    mixed = [{"id": "good", "names": ["Joseph Kony"]}, {"id": "bad", "names": ["12345"]}]
    response = tight.post(
        "/v1/screen/batch", json={"queries": mixed}, headers=auth(keys.screener_a)
    )
    assert response.status_code == 200
    good, bad = response.json()["results"]
    assert good["query_id"] == "good" and good["results"] and good["error"] is None
    assert bad["query_id"] == "bad" and bad["results"] == [] and "no letters" in bad["error"]


def test_match_with_too_many_queries_is_400(tight, keys):
    queries = {f"q{i}": {"schema": "Person", "properties": {"name": ["Kony"]}} for i in range(4)}
    response = tight.post(
        "/match/default", json={"queries": queries}, headers=auth(keys.screener_a)
    )
    assert response.status_code == 400
    assert "limit: 3" in response.json()["detail"]


def test_out_of_range_times_and_numbers_are_4xx(client, keys):
    headers = auth(keys.admin_a)
    for params in (
        {"since": "0001-01-01T00:00:00+14:00"},
        {"until": "2024-01-01T00:00:00"},
        {"after": 2**70},
        {"limit": 0},
    ):
        response = client.get("/v1/audit", params=params, headers=headers)
        assert 400 <= response.status_code < 500, (params, response.text)
