from __future__ import annotations

from pathlib import Path

import pytest

from hajiz.errors import ConfigError
from hajiz.store.open import open_store
from hajiz.store.sqlite import SQLiteStore, parse_sqlite_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("hajiz.db", Path("hajiz.db")),
        ("data/hajiz.db", Path("data/hajiz.db")),
        ("/srv/hajiz.db", Path("/srv/hajiz.db")),
        ("sqlite:///data/hajiz.db", Path("data/hajiz.db")),
        ("sqlite:////srv/hajiz.db", Path("/srv/hajiz.db")),
        ("sqlite:///:memory:", None),
        (":memory:", None),
    ],
)
def test_sqlite_locations(url, expected):
    assert parse_sqlite_url(url) == expected


def test_home_is_expanded():
    assert parse_sqlite_url("~/hajiz.db") == Path.home() / "hajiz.db"


@pytest.mark.parametrize("url", ["sqlite://hajiz.db", "sqlite:hajiz.db", "sqlite:///", ""])
def test_unusable_sqlite_urls(url):
    with pytest.raises(ConfigError):
        parse_sqlite_url(url)


def test_open_store_opens_sqlite_paths_and_urls(tmp_path):
    for url in (str(tmp_path / "a.db"), f"sqlite:///{tmp_path / 'b.db'}", "sqlite:///:memory:"):
        store = open_store(url)
        try:
            assert isinstance(store, SQLiteStore)
            assert store.count() == 0
        finally:
            store.close()
    assert (tmp_path / "a.db").exists()
    assert (tmp_path / "b.db").exists()


@pytest.mark.parametrize("url", ["postgresql://u:secret@db/hajiz", "postgres://db/hajiz"])
def test_postgres_is_not_available_yet(url):
    with pytest.raises(ConfigError, match=r"PostgreSQL backend is not available yet") as caught:
        open_store(url)
    assert "hajiz[postgres]" in str(caught.value)
    assert "secret" not in str(caught.value)


def test_other_schemes_name_the_allowed_ones():
    with pytest.raises(ConfigError, match=r"unsupported scheme 'mysql'.*sqlite:///"):
        open_store("mysql://db/hajiz")
