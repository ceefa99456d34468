"""A bounded property-based run against the OpenAPI spec: no 5xx, and responses as documented.

Schemathesis generates requests from each operation's schema (valid and invalid bodies,
parameters and uploads); they are sent with an admin key through the running app, and every
response is checked: never a server error, a documented status code and content type, a body
that fits the documented schema. Seeded and bounded: a few dozen examples per operation.
"""

from __future__ import annotations

from typing import Any

import orjson
import pytest
import schemathesis
from hypothesis import HealthCheck, given, seed, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from hajiz.api.app import create_app
from hajiz.settings import Settings
from tests.api.conftest import auth

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES = 30

# The spec needs no running service: build it once at collection, to parametrize by operation.
API = schemathesis.openapi.from_dict(create_app(Settings()).openapi())
OPERATIONS = [(op.method.upper(), op.path) for op in (r.ok() for r in API.get_all_operations())]


def as_bytes(part: Any) -> Any:
    """A multipart part whose content httpx can encode (the generator may give numbers)."""
    if isinstance(part, tuple) and len(part) >= 2 and not isinstance(part[1], str | bytes):
        return (part[0], orjson.dumps(part[1]), *part[2:])
    return part


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_api_never_fails_and_answers_as_documented(client, keys, method, path):
    operation = API[path][method]
    headers = auth(keys.admin_a)

    @seed(20240501)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def check(case: schemathesis.Case) -> None:
        kwargs = case.as_transport_kwargs(base_url="http://testserver", headers=headers)
        if kwargs.get("files"):
            kwargs["files"] = [(name, as_bytes(part)) for name, part in kwargs["files"]]
        response = client.request(**kwargs)
        case.validate_response(response, checks=CHECKS)

    check()
