"""The store the HTTP service needs: the watchlist plus keys, the audit log and the change feed."""

from __future__ import annotations

from typing import Protocol

from hajiz.errors import ConfigError
from hajiz.store.audit_log import AuditStore
from hajiz.store.base import Store
from hajiz.store.cases import CaseStore
from hajiz.store.feed import ChangeFeed
from hajiz.store.open import open_store
from hajiz.store.security import KeyStore


class ServiceStore(Store, KeyStore, AuditStore, ChangeFeed, CaseStore, Protocol):
    """Everything `hajiz serve` and the admin commands use."""


def open_service_store(url: str) -> ServiceStore:
    """Open the store at a URL, checking that its backend offers the service's tables."""
    from hajiz.store.sql import SQLStore

    store = open_store(url)
    if not isinstance(store, SQLStore):
        store.close()
        raise ConfigError(f"The store at {url!r} cannot hold API keys and the audit log")
    return store
