"""Keys and roles over HTTP: no key or a bad key is 401, a wrong role is 403."""

from __future__ import annotations

import pytest

from tests.api.conftest import auth

SCREEN = {"names": ["Joseph Kony"]}
PUBLIC = {"/healthz", "/readyz", "/docs", "/docs/oauth2-redirect", "/openapi.json", "/redoc"}


def protected_routes(client) -> list[tuple[str, str]]:
    """Every (method, path) of the OpenAPI spec but the health checks, with sample ids."""
    routes = []
    for path, operations in client.get("/openapi.json").json()["paths"].items():
        if path in PUBLIC:
            continue
        path = path.replace("{dataset}", "default")
        path = path.replace("{entity_id}", "x").replace("{entry_id}", "x")
        routes.extend((method.upper(), path) for method in operations)
    return routes


def test_health_needs_no_key(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready"}


def test_every_other_endpoint_refuses_a_request_without_a_key(client):
    routes = protected_routes(client)
    assert len(routes) >= 12
    for method, path in routes:
        response = client.request(method, path, json={})
        assert response.status_code == 401, (method, path, response.text)
        assert response.json()["status"] == 401
        assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "header",
    [
        {"Authorization": "Bearer hajiz_not-a-real-key"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": "Bearer"},
        {"Authorization": "hajiz_no-scheme"},
    ],
    ids=["unknown", "basic", "empty-bearer", "no-scheme"],
)
def test_bad_keys_are_401(client, header):
    response = client.post("/v1/screen", json=SCREEN, headers=header)
    assert response.status_code == 401
    assert "detail" in response.json()


def test_expired_and_revoked_keys_are_401_with_one_message(client, keys):
    expired = client.post("/v1/screen", json=SCREEN, headers=auth(keys.expired_a))
    revoked = client.post("/v1/screen", json=SCREEN, headers=auth(keys.revoked_a))
    assert expired.status_code == revoked.status_code == 401
    assert expired.json() == revoked.json()


def test_bearer_and_apikey_schemes_both_work(client, keys):
    for scheme in ("Bearer", "ApiKey", "bearer"):
        response = client.post("/v1/screen", json=SCREEN, headers=auth(keys.screener_a, scheme))
        assert response.status_code == 200, scheme


@pytest.mark.parametrize(
    ("key_name", "method", "path", "body"),
    [
        ("contributor_a", "POST", "/v1/screen", SCREEN),
        ("reviewer_a", "POST", "/v1/screen", SCREEN),
        ("contributor_a", "POST", "/match/default", {"queries": {}}),
        ("screener_a", "POST", "/v1/entries", {"properties": {"name": ["X Y"]}}),
        ("screener_a", "GET", "/v1/entries", None),
        ("screener_a", "GET", "/v1/audit", None),
        ("contributor_a", "GET", "/v1/audit", None),
        ("reviewer_a", "GET", "/v1/audit/verify", None),
        ("screener_a", "POST", "/v1/lists/import", None),
    ],
)
def test_a_key_without_the_role_is_403(client, keys, key_name, method, path, body):
    response = client.request(method, path, json=body, headers=auth(getattr(keys, key_name)))
    assert response.status_code == 403, response.text
    assert "role" in response.json()["detail"]


def test_admin_may_do_what_every_role_may(client, keys):
    headers = auth(keys.admin_a)
    assert client.post("/v1/screen", json=SCREEN, headers=headers).status_code == 200
    assert client.get("/v1/entries", headers=headers).status_code == 200
    assert client.get("/v1/audit", headers=headers).status_code == 200


def test_algorithms_needs_any_valid_key(client, keys):
    assert client.get("/algorithms").status_code == 401
    assert client.get("/algorithms", headers=auth(keys.contributor_a)).status_code == 200
