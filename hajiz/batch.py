"""Batch files of travellers: read JSONL or CSV queries, write JSONL or CSV results.

A bad line never stops a batch: it becomes an error result for that line, with the reason,
and every other line is screened.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson

from hajiz.errors import HajizError, InvalidInput
from hajiz.model import Query
from hajiz.queries import build_query, query_from_ftm
from hajiz.screening import ScreeningResult

# CSV input columns; multi-valued cells separate values with ";".
CSV_COLUMNS = ("id", "name", "birth_date", "nationality", "gender", "document")


@dataclass(frozen=True)
class BatchItem:
    """One line of a batch: a query, or the reason it could not be read."""

    line: int
    query_id: str
    query: Query | None
    error: str | None = None


def _split(cell: str | None) -> list[str]:
    return [v.strip() for v in (cell or "").split(";") if v.strip()]


def jsonl_items(
    lines: Iterable[str], max_name_length: int, first_line: int = 1
) -> Iterator[BatchItem]:
    """Batch items of JSONL lines; `first_line` numbers the first one (for a file's later part)."""
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            continue
        default_id = f"line-{number}"
        try:
            data = orjson.loads(line)
        except orjson.JSONDecodeError as error:
            yield BatchItem(number, default_id, None, f"line {number}: invalid JSON ({error})")
            continue
        raw_id = data.get("id") if isinstance(data, dict) else None
        query_id = str(raw_id) if isinstance(raw_id, str | int) else default_id
        try:
            query = query_from_ftm(data, max_name_length=max_name_length)
        except HajizError as error:
            yield BatchItem(number, query_id, None, f"line {number}: {error.detail}")
            continue
        yield BatchItem(number, query_id, query.model_copy(update={"id": query_id}))


def csv_items(
    text: IO[str],
    max_name_length: int,
    first_line: int = 2,
    fieldnames: Sequence[str] | None = None,
) -> Iterator[BatchItem]:
    """Batch items of CSV rows; a later part of a file gives the header's `fieldnames`."""
    reader = csv.DictReader(text, fieldnames=fieldnames)
    if reader.fieldnames is None or "name" not in reader.fieldnames:
        raise InvalidInput(
            f"CSV batch needs a header with at least 'name' (columns: {CSV_COLUMNS})"
        )
    for number, row in enumerate(reader, start=first_line):
        query_id = (row.get("id") or "").strip() or f"line-{number}"
        try:
            query = build_query(
                _split(row.get("name")),
                query_id=query_id,
                birth_dates=_split(row.get("birth_date")),
                nationalities=_split(row.get("nationality")),
                gender=row.get("gender"),
                documents=_split(row.get("document")),
                max_name_length=max_name_length,
            )
        except HajizError as error:
            yield BatchItem(number, query_id, None, f"line {number}: {error.detail}")
            continue
        yield BatchItem(number, query_id, query)


def read_batch(path: Path, *, max_name_length: int = 500) -> list[BatchItem]:
    """Read a `.jsonl` or `.csv` batch; unreadable lines become error items."""
    suffix = path.suffix.lower()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise InvalidInput(
            f"{path}: not UTF-8 text ({error.reason} at byte {error.start})"
        ) from None
    if suffix in (".jsonl", ".ndjson", ".json"):
        # Only \n ends a JSON line: splitlines() would also cut at U+2028 and the like,
        # which may stand raw inside a JSON string.
        return list(jsonl_items(text.split("\n"), max_name_length))
    if suffix == ".csv":
        return list(csv_items(io.StringIO(text, newline=""), max_name_length))
    raise InvalidInput(f"{path}: unknown batch format {suffix!r} (use .jsonl or .csv)")


def result_record(item: BatchItem, result: ScreeningResult | None) -> dict[str, Any]:
    """One output record: the results, or the error, for one batch line."""
    if result is None:
        return {"query_id": item.query_id, "error": item.error, "results": []}
    record = result.to_dict()
    record["query_id"] = item.query_id
    return record


def write_jsonl(records: Sequence[dict[str, Any]], out: IO[bytes]) -> None:
    """One JSON object per line, in input order."""
    for record in records:
        out.write(orjson.dumps(record) + b"\n")


def write_csv(records: Sequence[dict[str, Any]], out: IO[str]) -> None:
    """One row per hit (or one row per query without hits / with an error)."""
    writer = csv.writer(out)
    writer.writerow(["query_id", "rank", "entity_id", "score", "match", "band", "error"])
    for record in records:
        results = record.get("results") or []
        if not results:
            writer.writerow([record["query_id"], "", "", "", "", "", record.get("error") or ""])
        for rank, hit in enumerate(results, start=1):
            writer.writerow(
                [
                    record["query_id"],
                    rank,
                    hit["entity_id"],
                    hit["score"],
                    hit["match"],
                    hit["band"],
                    "",
                ]
            )
