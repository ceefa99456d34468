# Fixture strategy
#
# * The page is tested through the real app, as the API is (tests/api/conftest.py): a seeded
#   SQLite file, FastAPI's TestClient running the lifespan. Its `seed` gives two agencies
#   (ALPHA, BRAVO), one key per role, the small UN list and BRAVO entries ALPHA may not see.
# * On top, an entry and a list name built to break out of HTML (`XSS_NAME`), so every page
#   that shows names is probed for escaping.
# * `Browser` is a signed-in TestClient session: it reads the form token from the page as a
#   browser would and posts it back. One app per module; each test signs in afresh.
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from hajiz.api.app import create_app
from hajiz.model import Entry, Name
from hajiz.settings import Settings
from hajiz.store.service import open_service_store
from tests.api.conftest import Keys, seed, service_settings
from tests.backends import BACKENDS, PostgresTestDatabase, new_database_url

XSS_NAME = "<script>alert(1)</script>"
XSS_ID = "ALPHA:xss-1"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def seed_web(db_url: str) -> Keys:
    """The API's seed plus an entry whose name is markup."""
    keys = seed(db_url)
    store = open_service_store(db_url)
    try:
        store.upsert(
            [Entry(id=XSS_ID, agency="ALPHA", source="api:ALPHA", names=(Name(full=XSS_NAME),))]
        )
    finally:
        store.close()
    return keys


@dataclass(frozen=True)
class WebService:
    """The seeded database, its settings and keys."""

    settings: Settings
    keys: Keys
    db_url: str


def form_token(html: str) -> str:
    """The form token of the first form on a page."""
    match = _TOKEN.search(html)
    assert match, "no form token on the page"
    return match.group(1)


class Browser:
    """A TestClient used as one browser: cookies kept, form tokens read from pages."""

    def __init__(self, client: TestClient) -> None:
        self.client = client

    def sign_in(self, key: str) -> None:
        """Sign in with a key through the form; fails the test if it does not work."""
        token = form_token(self.client.get("/web/sign-in").text)
        response = self.client.post(
            "/web/sign-in", data={"csrf_token": token, "api_key": key}, follow_redirects=False
        )
        assert response.status_code == 303, response.text

    def token(self, path: str = "/web/screen") -> str:
        """The session's form token, as a page shows it."""
        return form_token(self.client.get(path).text)

    def post(self, path: str, data: dict[str, str]) -> object:
        """Post a form with the session's token."""
        return self.client.post(path, data={"csrf_token": self.token(), **data})


@pytest.fixture(scope="module", params=BACKENDS)
def web_backend(request: pytest.FixtureRequest) -> str:
    """The store backend of this module's service (sessions live in the store)."""
    return str(request.param)


@pytest.fixture(scope="module")
def web_service(
    web_backend: str,
    tmp_path_factory: pytest.TempPathFactory,
    postgres_database: PostgresTestDatabase | None,
) -> WebService:
    folder = tmp_path_factory.mktemp("web")
    db_url = new_database_url(web_backend, folder, postgres_database)
    keys = seed_web(db_url)
    return WebService(service_settings(db_url, folder / "data"), keys, db_url)


@pytest.fixture(scope="module")
def keys(web_service: WebService) -> Keys:
    return web_service.keys


@pytest.fixture(scope="module")
def app_client(web_service: WebService) -> Iterator[TestClient]:
    with TestClient(create_app(web_service.settings)) as client:
        yield client


@pytest.fixture
def client(app_client: TestClient) -> TestClient:
    """The module's client with no cookies: a browser that has not signed in."""
    app_client.cookies.clear()
    return app_client


@pytest.fixture
def browser(client: TestClient) -> Browser:
    return Browser(client)
