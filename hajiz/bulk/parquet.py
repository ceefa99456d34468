"""Parquet batch files: travellers as rows, read whole (in-process engine) or by row ranges.

Two layouts are read (see README, "Bulk screening on Dask"):

* the CSV columns (`id`, `name`, `birth_date`, `nationality`, `gender`, `document`), each a
  string (several values separated by ";", as in CSV) or a list of strings;
* `id` and a yente-style `properties` column: a JSON object as a string, or a struct or map of
  lists of strings (`{"name": [...], "birthDate": [...]}`).

Rows are numbered from 1; a row without an id is `row-N`, and a bad row gives the error record
`row N: <why>`. Needs pyarrow (`pip install 'hajiz[dask]'`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import orjson

from hajiz.batch import CSV_COLUMNS, BatchItem
from hajiz.bulk.partitions import Partition
from hajiz.errors import HajizError, InvalidInput
from hajiz.queries import build_query, query_from_ftm

INSTALL_HINT = "Parquet batches need pyarrow: pip install 'hajiz[dask]'"


def _parquet_file(path: Path) -> Any:
    try:
        import pyarrow.parquet as pq
    except ModuleNotFoundError:
        raise InvalidInput(f"{path}: {INSTALL_HINT}") from None
    try:
        return pq.ParquetFile(path)
    except (OSError, ValueError) as error:
        raise InvalidInput(f"{path}: not a readable Parquet file ({error})") from None


def _columns(handle: Any, path: Path) -> list[str]:
    names = list(handle.schema_arrow.names)
    if "properties" in names:
        return [c for c in ("id", "properties") if c in names]
    if "name" in names:
        return [c for c in CSV_COLUMNS if c in names]
    raise InvalidInput(
        f"{path}: a Parquet batch needs a 'name' column (columns: {CSV_COLUMNS}) "
        f"or a 'properties' column; it has {names}"
    )


def plan_parquet(path: Path, size: int) -> tuple[Partition, ...]:
    """Row-range partitions of about `size` rows: small row groups together, big ones split."""
    handle = _parquet_file(path)
    _columns(handle, path)
    metadata = handle.metadata
    cuts: list[int] = []  # the row after each partition
    start = 0
    for group in range(metadata.num_row_groups):
        rows = metadata.row_group(group).num_rows
        end = start + rows
        if rows >= size:
            if (cuts[-1] if cuts else 0) < start:
                cuts.append(start)  # close what gathered before this big group
            pieces = -(-rows // size)
            cuts.extend(start + rows * k // pieces for k in range(1, pieces + 1))
        elif end - (cuts[-1] if cuts else 0) >= size:
            cuts.append(end)
        start = end
    if start and (not cuts or cuts[-1] < start):
        cuts.append(start)
    partitions: list[Partition] = []
    begin = 0
    for end in cuts:
        if end > begin:
            rows = end - begin
            partitions.append(
                Partition(len(partitions), str(path), "parquet", begin, end, begin + 1, rows)
            )
        begin = end
    return tuple(partitions)


def _values(cell: Any) -> list[str]:
    if cell is None:
        return []
    if isinstance(cell, list | tuple):
        return [str(v).strip() for v in cell if v is not None and str(v).strip()]
    return [v.strip() for v in str(cell).split(";") if v.strip()]


def _properties(cell: Any) -> Any:
    if isinstance(cell, str | bytes):
        try:
            return orjson.loads(cell)
        except orjson.JSONDecodeError as error:
            raise InvalidInput(f"'properties' is not valid JSON ({error})") from None
    if isinstance(cell, list):  # a Parquet map arrives as (key, value) pairs
        cell = dict(cell)
    if isinstance(cell, Mapping):
        # A struct column has every field on every row; absent ones are null.
        return {k: v for k, v in cell.items() if v is not None}
    return cell


def row_item(number: int, row: Mapping[str, Any], max_name_length: int) -> BatchItem:
    """One Parquet row as a batch item (or its error)."""
    raw_id = row.get("id")
    has_id = isinstance(raw_id, str | int) and str(raw_id).strip() != ""
    query_id = str(raw_id).strip() if has_id else f"row-{number}"
    try:
        if "properties" in row:
            data = {"id": query_id, "properties": _properties(row["properties"])}
            query = query_from_ftm(data, max_name_length=max_name_length)
        else:
            genders = _values(row.get("gender"))
            query = build_query(
                _values(row.get("name")),
                query_id=query_id,
                birth_dates=_values(row.get("birth_date")),
                nationalities=_values(row.get("nationality")),
                gender=genders[0] if genders else None,
                documents=_values(row.get("document")),
                max_name_length=max_name_length,
            )
    except HajizError as error:
        return BatchItem(number, query_id, None, f"row {number}: {error.detail}")
    return BatchItem(number, query_id, query.model_copy(update={"id": query_id}))


def read_parquet_rows(path: Path, start: int, end: int, max_name_length: int) -> list[BatchItem]:
    """The batch items of rows `start` to `end` (0-based, end excluded), reading only the row
    groups that hold them."""
    handle = _parquet_file(path)
    columns = _columns(handle, path)
    metadata = handle.metadata
    groups, first_row, offset = [], None, 0
    for group in range(metadata.num_row_groups):
        rows = metadata.row_group(group).num_rows
        if offset < end and offset + rows > start:
            groups.append(group)
            first_row = offset if first_row is None else first_row
        offset += rows
    if not groups or first_row is None:
        return []
    table = handle.read_row_groups(groups, columns=columns)
    records = table.slice(start - first_row, end - start).to_pylist()
    return [row_item(start + i + 1, row, max_name_length) for i, row in enumerate(records)]


def read_parquet_batch(path: Path, *, max_name_length: int = 500) -> list[BatchItem]:
    """Every row of a Parquet batch file as batch items (the in-process engine's reader)."""
    rows = _parquet_file(path).metadata.num_rows
    return read_parquet_rows(path, 0, rows, max_name_length)
