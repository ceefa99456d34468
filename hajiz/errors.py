"""Typed errors with a user-facing message and an HTTP-style status.

Each adapter (CLI, HTTP API) translates these once, at its edge.

    HajizError                 base: `detail` (what went wrong, for the user) and `status`
    ├── ConfigError            a setting or command-line value is unusable (400)
    ├── InvalidInput           a query, record or request value is unusable (400)
    ├── ImportFailed           a list file could not be read; names the file, where, and why (422)
    │   └── WrongFormat        the file is not of the format asked for (422)
    ├── EntryNotFound          no entry with that id (404)
    ├── UnknownAlgorithm       no scoring algorithm of that name (400)
    └── StoreError             the store cannot be opened or written (500)
"""

from __future__ import annotations


class HajizError(Exception):
    """Base of every hajiz error: a message for the user and a status."""

    status: int = 500

    def __init__(self, detail: str, status: int | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        if status is not None:
            self.status = status


class ConfigError(HajizError):
    """A setting or command-line value is unusable."""

    status = 400


class InvalidInput(HajizError):
    """A query, record or request value is unusable."""

    status = 400


class ImportFailed(HajizError):
    """A list file could not be imported; nothing was written."""

    status = 422

    def __init__(self, file: str, problem: str, where: str | None = None) -> None:
        location = f" ({where})" if where else ""
        super().__init__(f"{file}{location}: {problem}")
        self.file = file
        self.problem = problem
        self.where = where


class WrongFormat(ImportFailed):
    """The file is not of the format the importer reads."""


class EntryNotFound(HajizError):
    """No entry with the given id."""

    status = 404

    def __init__(self, entry_id: str) -> None:
        super().__init__(f"No entry with id {entry_id!r}")
        self.entry_id = entry_id


class UnknownAlgorithm(HajizError):
    """No scoring algorithm of that name."""

    status = 400


class StoreError(HajizError):
    """The store cannot be opened or written."""

    status = 500
