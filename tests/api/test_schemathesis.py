"""A bounded property-based run against the OpenAPI spec: no 5xx, and responses as documented.

Schemathesis generates requests from each operation's schema (valid and invalid bodies,
parameters and uploads), sends them with an admin key through the running app, and checks
every response: never a server error, a documented status code and content type, a body that
fits the documented schema. Seeded and bounded (a few dozen examples per operation).
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, seed, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.conftest import auth

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(scope="module")
def api_schema(client):
    """The app's own OpenAPI document."""
    return schemathesis.openapi.from_dict(client.get("/openapi.json").json())


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@seed(20240501)
@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_never_fails_and_answers_as_documented(case, client, keys):
    kwargs = case.as_transport_kwargs(base_url="http://testserver", headers=auth(keys.admin_a))
    response = client.request(**kwargs)
    case.validate_response(response, checks=CHECKS)
