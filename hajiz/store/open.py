"""Open the store a database URL names: the one place that maps URL schemes to backends."""

from __future__ import annotations

import re

from hajiz.errors import ConfigError
from hajiz.store.base import Store
from hajiz.store.sqlite import SQLiteStore

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
POSTGRES_SCHEMES = frozenset({"postgres", "postgresql", "postgresql+psycopg"})
_ALLOWED = "a file path, sqlite:///path/to/file.db, sqlite:///:memory: or postgresql://..."


def url_scheme(url: str) -> str | None:
    """The lowercased scheme of a database URL; None for a plain file path."""
    match = _SCHEME.match(url)
    # "C:\\data\\hajiz.db" has a one-letter "scheme": that is a Windows drive, i.e. a path.
    return match.group(1).lower() if match and len(match.group(1)) > 1 else None


def open_store(url: str) -> Store:
    """Open (creating and migrating if needed) the store at a path or database URL."""
    scheme = url_scheme(url)
    if scheme is None or scheme == "sqlite":
        return SQLiteStore(url)
    if scheme in POSTGRES_SCHEMES:
        try:
            from hajiz.store.postgres import PostgresStore
        except ModuleNotFoundError as error:
            if error.name is None or not error.name.startswith("psycopg"):
                raise
            raise ConfigError(
                f"Database URL {redact_url(url)!r} needs the PostgreSQL driver, which is not "
                "installed: pip install 'hajiz[postgres]'"
            ) from error
        return PostgresStore(url)
    raise ConfigError(
        f"Database URL {redact_url(url)!r} has the unsupported scheme {scheme!r}; use {_ALLOWED}"
    )


def redact_url(url: str) -> str:
    """The URL without a password, so messages and logs never print one."""
    url = re.sub(r"(//[^:/@?#]*):[^@/?#]*@", r"\1:***@", url)
    return re.sub(r"(?i)([?&]password=)[^&#]*", r"\1***", url)
