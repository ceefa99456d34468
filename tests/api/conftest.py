# Fixture strategy
#
# * Every test talks HTTP to the real app (FastAPI's TestClient, which runs the lifespan: store
#   opened, index built, change feed followed) over a real store: a SQLite file in a temporary
#   folder and, when a PostgreSQL test server is given, a schema of its own there too (every
#   module runs once per backend, see tests/backends.py).
# * One service per test module and backend (`service`, `client`): building the index is the
#   slow part, so modules share it. Tests that change entries use ids of their own, so order
#   never matters.
# * The store is seeded through the library, as an operator would with the CLI: two agencies,
#   ALPHA and BRAVO, one key per role and agency (plus an expired and a revoked key), the small
#   UN list fixture, and BRAVO entries that only BRAVO may see.
# * `auth(key)` builds the Authorization header; `Keys` names every seeded key.
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from hajiz.access import ApiKey, Role, add_agency, create_key, hash_key
from hajiz.api.app import create_app
from hajiz.lists import import_list
from hajiz.model import BirthDate, Entry, Name
from hajiz.settings import Settings
from hajiz.store.service import open_service_store
from tests.backends import BACKENDS, PostgresTestDatabase, new_database_url

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# A BRAVO entry released to BRAVO only: no other agency may ever learn of it.
SECRET_ID = "BRAVO:secret-1"
SECRET_NAME = "Zubair Qasim Hamdani"
# A BRAVO entry released to BRAVO and ALPHA.
SHARED_ID = "BRAVO:shared-1"
SHARED_NAME = "Tariq Jamil Oudeh"
# A list whose every entry only BRAVO may see: ALPHA must not even learn its name.
HIDDEN_SOURCE = "csv:BRAVO"


@dataclass(frozen=True)
class Keys:
    """The seeded API keys, by role and agency."""

    screener_a: str
    contributor_a: str
    reviewer_a: str
    admin_a: str
    screener_b: str
    contributor_b: str
    expired_a: str
    revoked_a: str


@dataclass(frozen=True)
class Service:
    """A seeded database and the settings that point at it."""

    settings: Settings
    keys: Keys
    db_url: str


def auth(key: str, scheme: str = "Bearer") -> dict[str, str]:
    """The Authorization header for a key."""
    return {"Authorization": f"{scheme} {key}"}


def bravo_entry(
    entry_id: str, name: str, releasable_to: tuple[str, ...] | None, source: str = "api:BRAVO"
) -> Entry:
    """An entry of agency BRAVO."""
    return Entry(
        id=entry_id,
        agency="BRAVO",
        source=source,
        names=(Name(full=name),),
        birth_dates=(BirthDate.parse("1980"),),
        releasable_to=releasable_to,
    )


def seed(db_url: str) -> Keys:
    """Agencies, keys, the small UN list and BRAVO's entries."""
    store = open_service_store(db_url)
    try:
        add_agency(store, "ALPHA", "Alpha Border Police")
        add_agency(store, "BRAVO", "Bravo Customs")

        def key(agency: str, *roles: str) -> str:
            return create_key(store, agency, roles)[1]

        now = datetime.now(UTC)
        expired, revoked = "hajiz_expired-key-for-tests", "hajiz_revoked-key-for-tests"
        for key_id, secret, expires, revoked_at in (
            ("k_expired", expired, now - timedelta(days=1), None),
            ("k_revoked", revoked, None, now - timedelta(minutes=1)),
        ):
            store.add_api_key(
                ApiKey(
                    id=key_id,
                    key_hash=hash_key(secret),
                    agency="ALPHA",
                    roles=(Role.SCREENER,),
                    created_at=now - timedelta(days=2),
                    expires_at=expires,
                    revoked_at=revoked_at,
                )
            )
        keys = Keys(
            screener_a=key("ALPHA", "screener"),
            contributor_a=key("ALPHA", "contributor"),
            reviewer_a=key("ALPHA", "reviewer"),
            admin_a=key("ALPHA", "admin"),
            screener_b=key("BRAVO", "screener"),
            contributor_b=key("BRAVO", "contributor"),
            expired_a=expired,
            revoked_a=revoked,
        )
        import_list(store, "un-sc", FIXTURES / "un_sc_small.xml")
        store.upsert(
            [
                bravo_entry(SECRET_ID, SECRET_NAME, ("BRAVO",)),
                bravo_entry(SHARED_ID, SHARED_NAME, ("BRAVO", "ALPHA")),
                bravo_entry("BRAVO:csv-1", "Hidden Person Name", ("BRAVO",), HIDDEN_SOURCE),
            ]
        )
    finally:
        store.close()
    return keys


def service_settings(db_url: str, data_dir: Path, **overrides: object) -> Settings:
    """Settings for a test service on the database at `db_url`."""
    values: dict[str, object] = {
        "database_url": db_url,
        "data_dir": data_dir,
        "use_snapshots": False,
        "api_sync_interval": 0.05,
        **overrides,
    }
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="module", params=BACKENDS)
def service_backend(request: pytest.FixtureRequest) -> str:
    """The store backend of this module's service."""
    return str(request.param)


@pytest.fixture(scope="module")
def service(
    service_backend: str,
    tmp_path_factory: pytest.TempPathFactory,
    postgres_database: PostgresTestDatabase | None,
) -> Service:
    """A seeded database for this module."""
    folder = tmp_path_factory.mktemp("api")
    db_url = new_database_url(service_backend, folder, postgres_database)
    keys = seed(db_url)
    return Service(service_settings(db_url, folder / "data"), keys, db_url)


@pytest.fixture(scope="module")
def keys(service: Service) -> Keys:
    """The seeded keys."""
    return service.keys


@pytest.fixture(scope="module")
def client(service: Service) -> Iterator[TestClient]:
    """The app over the module's database, started (lifespan run) and stopped after."""
    with TestClient(create_app(service.settings)) as test_client:
        yield test_client
