"""Watchlist storage: the Store protocol and its backends."""

from hajiz.store.base import ImportRecord, Store, UpsertResult

__all__ = ["ImportRecord", "Store", "UpsertResult"]
