"""One error shape for every error: `{"detail": str, "status": int}`, and docs at /docs."""

from __future__ import annotations

from tests.api.conftest import auth


def assert_shape(response, status):
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"detail", "status"}
    assert isinstance(body["detail"], str) and body["detail"]
    assert body["status"] == status


def test_every_kind_of_error_has_the_one_shape(client, keys):
    headers = auth(keys.screener_a)
    assert_shape(client.get("/no/such/path"), 404)
    assert_shape(client.delete("/healthz"), 405)
    assert_shape(client.post("/v1/screen", json={"names": ["A"]}), 401)
    assert_shape(client.get("/v1/audit", headers=headers), 403)
    assert_shape(client.get("/entities/none", headers=headers), 404)
    assert_shape(client.post("/v1/screen", json={"names": [1]}, headers=headers), 422)
    assert_shape(client.post("/v1/screen", json={"names": ["1"]}, headers=headers), 400)
    assert_shape(client.post("/v1/screen", content=b"{", headers=headers), 400)


def test_openapi_documents_the_error_shape_and_the_docs_page(client):
    spec = client.get("/openapi.json").json()
    assert "ErrorResponse" in spec["components"]["schemas"]
    screen = spec["paths"]["/v1/screen"]["post"]
    assert {"400", "401", "403", "503"} <= set(screen["responses"])
    assert "ApiKey" in spec["components"]["securitySchemes"]
    assert client.get("/docs").status_code == 200
