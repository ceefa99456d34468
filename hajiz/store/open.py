"""Open the store a database URL names: the one place that maps URL schemes to backends."""

from __future__ import annotations

import re

from hajiz.errors import ConfigError
from hajiz.store.base import Store
from hajiz.store.sqlite import SQLiteStore

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_POSTGRES_SCHEMES = {"postgres", "postgresql", "postgresql+psycopg"}
_ALLOWED = "a file path, sqlite:///path/to/file.db or sqlite:///:memory:"


def open_store(url: str) -> Store:
    """Open (creating and migrating if needed) the store at a path or database URL."""
    match = _SCHEME.match(url)
    # "C:\\data\\hajiz.db" has a one-letter "scheme": that is a Windows drive, i.e. a path.
    scheme = match.group(1).lower() if match and len(match.group(1)) > 1 else None
    if scheme is None or scheme == "sqlite":
        return SQLiteStore(url)
    if scheme in _POSTGRES_SCHEMES:
        raise ConfigError(
            f"Database URL {_redact(url)!r}: the PostgreSQL backend is not available yet; "
            "it will come with the 'postgres' extra (pip install 'hajiz[postgres]'). "
            f"Use {_ALLOWED} meanwhile"
        )
    raise ConfigError(
        f"Database URL {_redact(url)!r} has the unsupported scheme {scheme!r}; use {_ALLOWED}"
    )


def _redact(url: str) -> str:
    """The URL without a password, so error messages never print one."""
    return re.sub(r"(//[^:/@]+):[^@/]*@", r"\1:***@", url)
