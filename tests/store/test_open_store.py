from __future__ import annotations

import sys
from pathlib import Path

import pytest
from psycopg.conninfo import conninfo_to_dict

from hajiz.errors import ConfigError
from hajiz.store.open import open_store, redact_url
from hajiz.store.postgres import postgres_conninfo
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


def test_postgres_without_the_driver_names_the_extra(monkeypatch):
    # As if psycopg were not installed: its import fails, and so does our backend's.
    monkeypatch.setitem(sys.modules, "psycopg", None)
    monkeypatch.delitem(sys.modules, "hajiz.store.postgres", raising=False)
    with pytest.raises(ConfigError, match=r"pip install 'hajiz\[postgres\]'") as caught:
        open_store("postgresql://u:secret@127.0.0.1:1/hajiz")
    assert "secret" not in str(caught.value)


@pytest.mark.parametrize(
    "url", ["postgresql://u:secret@127.0.0.1:1/hajiz", "postgres://u:secret@127.0.0.1:1/hajiz"]
)
def test_an_unreachable_postgres_is_a_config_error_without_the_password(url):
    # Nothing listens on port 1 of the loopback: the connection is refused at once.
    with pytest.raises(ConfigError, match=r"Cannot connect to the database") as caught:
        open_store(url)
    assert "u:***@127.0.0.1:1/hajiz" in str(caught.value)
    assert "secret" not in str(caught.value)


@pytest.mark.parametrize(
    ("url", "redacted"),
    [
        ("postgresql://u:secret@db/hajiz", "postgresql://u:***@db/hajiz"),
        ("postgresql://u@db:5432/hajiz", "postgresql://u@db:5432/hajiz"),
        (
            "postgresql://db/hajiz?password=secret&sslmode=require",
            "postgresql://db/hajiz?password=***&sslmode=require",
        ),
        (
            "postgresql://u:p%40ss@db/hajiz?options=-csearch_path%3Dx",
            "postgresql://u:***@db/hajiz?options=-csearch_path%3Dx",
        ),
        ("sqlite:////srv/hajiz.db", "sqlite:////srv/hajiz.db"),
    ],
)
def test_redact_url_hides_passwords_only(url, redacted):
    assert redact_url(url) == redacted


def test_postgres_urls_become_conninfo_with_defaults():
    conninfo = postgres_conninfo("postgresql+psycopg://u:pw@db:6543/hajiz?sslmode=disable")
    params = conninfo_to_dict(conninfo)
    assert params["host"] == "db" and params["port"] == "6543" and params["dbname"] == "hajiz"
    assert params["password"] == "pw" and params["sslmode"] == "disable"
    assert params["connect_timeout"] == "10" and params["application_name"] == "hajiz"
    given = conninfo_to_dict(postgres_conninfo("postgres://db/hajiz?connect_timeout=3"))
    assert given["connect_timeout"] == "3"
    with pytest.raises(ConfigError, match="unusable"):
        postgres_conninfo("postgresql://db/hajiz?nonsense=1")


def test_other_schemes_name_the_allowed_ones():
    with pytest.raises(ConfigError, match=r"unsupported scheme 'mysql'.*sqlite:///"):
        open_store("mysql://db/hajiz")
