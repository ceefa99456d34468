"""Watchlist storage: the Store protocol and its backends."""

from hajiz.store.base import EntryChange, ImportRecord, Store, UpsertResult

__all__ = ["EntryChange", "ImportRecord", "Store", "UpsertResult"]
