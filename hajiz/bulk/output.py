"""Partitioned output: a folder of `part-00000.jsonl` (or `.csv`) files and a `_SUCCESS` manifest.

Each part holds the records of one input partition, in input order, with the records the
in-process engine writes (a CSV part has its own header row). `_SUCCESS` is written last: a
JSON manifest with the counts per part and in all, so its presence means the run finished.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson

from hajiz.batch import write_csv, write_jsonl
from hajiz.errors import InvalidInput

MANIFEST = "_SUCCESS"
OUTPUT_FORMATS = ("jsonl", "csv")


def part_name(index: int, fmt: str) -> str:
    """The file name of the index-th part."""
    return f"part-{index:05d}.{fmt}"


def prepare_output(directory: Path) -> None:
    """Create the output folder, refusing one that already holds results."""
    if directory.exists() and not directory.is_dir():
        raise InvalidInput(f"{directory}: the output of a Dask run is a folder, and this is a file")
    directory.mkdir(parents=True, exist_ok=True)
    old = [p.name for p in directory.iterdir() if p.name == MANIFEST or p.name.startswith("part-")]
    if old:
        raise InvalidInput(
            f"{directory} already holds results ({', '.join(sorted(old)[:3])}...): "
            "remove them or choose another folder"
        )


def _write_atomically(path: Path, payload: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_part(directory: Path, index: int, records: Sequence[dict[str, Any]], fmt: str) -> Path:
    """Write one part atomically (a retried task never leaves half a file)."""
    path = directory / part_name(index, fmt)
    if fmt == "jsonl":
        binary = io.BytesIO()
        write_jsonl(records, binary)
        payload = binary.getvalue()
    else:
        text = io.StringIO(newline="")
        write_csv(records, text)
        payload = text.getvalue().encode("utf-8")
    _write_atomically(path, payload)
    return path


def write_manifest(directory: Path, manifest: dict[str, Any]) -> Path:
    """Write `_SUCCESS`, the manifest that marks the run as complete."""
    path = directory / MANIFEST
    _write_atomically(path, orjson.dumps(manifest, option=orjson.OPT_INDENT_2) + b"\n")
    return path


def read_manifest(directory: Path) -> dict[str, Any]:
    """The manifest of a finished run, or InvalidInput if the run did not finish."""
    path = directory / MANIFEST
    try:
        data: dict[str, Any] = orjson.loads(path.read_bytes())
    except FileNotFoundError:
        raise InvalidInput(
            f"{directory}: no {MANIFEST} manifest (the run did not finish)"
        ) from None
    return data


def read_records(directory: Path) -> Iterator[dict[str, Any]]:
    """Every record of a finished JSONL run, part after part: the input order."""
    for part in read_manifest(directory)["parts"]:
        with (directory / part["file"]).open("rb") as handle:
            for line in handle:
                yield orjson.loads(line)
