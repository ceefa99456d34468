"""Cut a batch file into partitions that workers read on their own, and read one partition.

JSONL and CSV are cut at line ends found by byte offset: planning reads the file once, at numpy
speed, and a worker then reads only its own bytes. A CSV line end inside a quoted field is not
a record end (RFC 4180 quoting: an odd number of quotes before it means inside a field), and
blank CSV records are not counted, as the csv module skips them. Each partition carries the line
number of its first line, so ids (`line-N`) and error messages are those of the in-process
reader. Parquet is cut by rows, along row groups where they are small enough.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from hajiz.batch import CSV_COLUMNS, BatchItem, csv_items, jsonl_items
from hajiz.errors import InvalidInput

# Bytes read at a time while looking for line ends.
SCAN_BLOCK = 4 * 1024 * 1024
NEWLINE, CARRIAGE_RETURN, QUOTE = 10, 13, 34
FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv"}
PARQUET_SUFFIXES = (".parquet", ".pq")


@dataclass(frozen=True)
class Partition:
    """One part of a batch file: a byte range (JSONL, CSV) or a row range (Parquet)."""

    index: int
    path: str
    format: str  # "jsonl" | "csv" | "parquet"
    start: int  # first byte, or first row (0-based) for Parquet
    end: int  # byte or row after the last
    first_line: int  # number of its first line, as the in-process reader numbers lines
    rows: int  # lines (JSONL), records (CSV) or rows (Parquet) in it
    fieldnames: tuple[str, ...] = ()  # the CSV header


@dataclass(frozen=True)
class Plan:
    """A batch file cut into partitions."""

    path: Path
    format: str
    partitions: tuple[Partition, ...]

    @property
    def rows(self) -> int:
        """Lines, records or rows in the whole file."""
        return sum(p.rows for p in self.partitions)


def batch_format(path: Path) -> str:
    """`jsonl`, `csv` or `parquet` from the file's suffix, or InvalidInput naming it."""
    suffix = path.suffix.lower()
    if suffix in PARQUET_SUFFIXES:
        return "parquet"
    if suffix in FORMATS:
        return FORMATS[suffix]
    raise InvalidInput(f"{path}: unknown batch format {suffix!r} (use .jsonl, .csv or .parquet)")


def _record_ends(
    path: Path, start: int, is_csv: bool
) -> Iterator[tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]]:
    """Per block read: byte offsets of the line ends that end a record, and which records count.

    A record without a final newline ends at the file's size.
    """
    inside = 0  # parity of the quotes seen so far: 1 = inside a quoted CSV field
    last_end, last_byte, offset = start - 1, NEWLINE, start
    with path.open("rb") as handle:
        handle.seek(start)
        while block := handle.read(SCAN_BLOCK):
            data = np.frombuffer(block, dtype=np.uint8)
            local = np.flatnonzero(data == NEWLINE)
            if is_csv:
                quotes = data == QUOTE
                if inside or quotes.any():
                    seen = np.cumsum(quotes, dtype=np.int64)[local] + inside
                    local = local[seen % 2 == 0]
                    inside = (inside + int(np.count_nonzero(quotes))) % 2
            ends = local.astype(np.int64) + offset
            counted = np.ones(len(ends), dtype=np.bool_)
            if is_csv and len(ends):
                # A blank record (nothing, or a lone \r, before its newline) is skipped by csv.
                previous = np.concatenate(([last_end], ends[:-1]))
                before = np.where(local > 0, data[np.maximum(local - 1, 0)], last_byte)
                length = ends - previous - 1
                counted = ~((length == 0) | ((length == 1) & (before == CARRIAGE_RETURN)))
            if len(ends):
                last_end = int(ends[-1])
            last_byte = int(data[-1])
            offset += len(block)
            yield ends, counted
    if offset - 1 > last_end and not (offset - 1 == last_end + 1 and last_byte == CARRIAGE_RETURN):
        yield np.array([offset], dtype=np.int64), np.ones(1, dtype=np.bool_)


def _cut(
    path: Path, fmt: str, start: int, first_line: int, size: int, fieldnames: tuple[str, ...]
) -> tuple[Partition, ...]:
    """Partitions of `size` counted records each, from byte `start` to the end of the file."""
    cuts: list[tuple[int, int]] = []  # (byte after the partition, records in it)
    counted_so_far = 0
    for ends, counted in _record_ends(path, start, fmt == "csv"):
        numbers = counted_so_far + np.cumsum(counted)
        at = np.flatnonzero(counted & (numbers % size == 0))
        cuts.extend((int(ends[i]) + 1, size) for i in at)
        counted_so_far = int(numbers[-1]) if len(numbers) else counted_so_far
    file_size = path.stat().st_size
    rest = counted_so_far % size
    if rest or not cuts:
        cuts.append((file_size, rest))
    elif cuts[-1][0] < file_size:
        # Only blank lines after the last full partition: they go with it.
        cuts[-1] = (file_size, cuts[-1][1])
    partitions: list[Partition] = []
    begin, line = start, first_line
    for end, rows in cuts:
        end = min(end, file_size)
        if end > begin:
            partitions.append(
                Partition(len(partitions), str(path), fmt, begin, end, line, rows, fieldnames)
            )
        begin, line = end, line + rows
    return tuple(partitions)


def _csv_header(path: Path) -> tuple[tuple[str, ...], int]:
    """The CSV header's field names and the byte where the data starts."""
    end = 0
    for ends, _ in _record_ends(path, 0, True):
        if len(ends):
            end = min(int(ends[0]) + 1, path.stat().st_size)
            break
    with path.open("rb") as handle:
        raw = handle.read(end)
    fieldnames = next(csv.reader(io.StringIO(_decode(raw, path, 0), newline="")), [])
    if "name" not in fieldnames:
        raise InvalidInput(
            f"CSV batch needs a header with at least 'name' (columns: {CSV_COLUMNS})"
        )
    return tuple(fieldnames), end


def plan_partitions(path: Path, size: int) -> Plan:
    """Cut the batch file into partitions of about `size` lines, records or rows."""
    if size < 1:
        raise InvalidInput(f"Partition size {size} is too small (at least 1)")
    # Absolute: workers may run elsewhere, in another folder.
    path = path.resolve()
    fmt = batch_format(path)
    if fmt == "parquet":
        from hajiz.bulk.parquet import plan_parquet

        return Plan(path, fmt, plan_parquet(path, size))
    if fmt == "csv":
        fieldnames, start = _csv_header(path)
        return Plan(path, fmt, _cut(path, fmt, start, 2, size, fieldnames))
    return Plan(path, fmt, _cut(path, fmt, 0, 1, size, ()))


def _decode(raw: bytes, path: Path, start: int) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidInput(
            f"{path}: not UTF-8 text ({error.reason} at byte {start + error.start})"
        ) from None


def read_partition(partition: Partition, max_name_length: int) -> list[BatchItem]:
    """The batch items of one partition, numbered as in the whole file."""
    path = Path(partition.path)
    if partition.format == "parquet":
        from hajiz.bulk.parquet import read_parquet_rows

        return read_parquet_rows(path, partition.start, partition.end, max_name_length)
    try:
        with path.open("rb") as handle:
            handle.seek(partition.start)
            raw = handle.read(partition.end - partition.start)
    except OSError as error:
        raise InvalidInput(
            f"{path}: cannot read bytes {partition.start}-{partition.end} of partition "
            f"{partition.index} ({error.strerror}); on a cluster every worker needs the input "
            "at the same path"
        ) from None
    text = _decode(raw, path, partition.start)
    if partition.format == "csv":
        rows = io.StringIO(text, newline="")
        return list(csv_items(rows, max_name_length, partition.first_line, partition.fieldnames))
    return list(jsonl_items(text.split("\n"), max_name_length, partition.first_line))
