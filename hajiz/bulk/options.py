"""The options of a bulk run, apart from Dask so the CLI can build them without importing it."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_CONNECT_TIMEOUT = 10.0
# Lines per partition: enough to keep a worker busy for a while, few enough to show progress.
DEFAULT_PARTITION_SIZE = 10_000


@dataclass(frozen=True)
class DaskOptions:
    """Where to run: a scheduler's address, or a local cluster of `workers` processes."""

    scheduler: str | None = None
    workers: int | None = None  # local cluster only; None: one per core
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT
    partition_size: int = DEFAULT_PARTITION_SIZE
    processes: bool = True  # local cluster: worker processes (False: threads of this process)


@dataclass(frozen=True)
class BulkRun:
    """What to screen with: the same options as the in-process engine."""

    limit: int = 10
    threshold: float | None = None
    output_format: str = "jsonl"
    max_name_length: int = 500
