# Fixture strategy
#
# * One batch of a few hundred travellers, written three ways (JSONL, CSV, Parquet): names of
#   the fixture UN list's persons (so there are hits), synthetic unlisted travellers from the
#   benchmark's generator, and bad lines of every kind the readers turn into error records.
# * The in-process result is the real `screen-batch` command on the same database; the Dask
#   result is the same command with `--engine dask`, so both go through the same store, index
#   and options.
# * One Dask cluster (2 worker processes, 1 thread each) serves the whole module through
#   `--scheduler`; it is the same code path as a real cluster's. A local cluster started by
#   the command itself is tested once, with 1 worker.
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from hajiz.benchmarking.synthetic import traveller_query
from hajiz.importers.base import parse_list
from hajiz.model import Entry

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
UN_SMALL = FIXTURES / "un_sc_small.xml"
RunCli = Callable[..., Result]
TRAVELLERS = 240


def listed_entries() -> list[Entry]:
    """The persons of the fixture UN list."""
    return [e for e in parse_list("un-sc", UN_SMALL).entries if e.schema_.value == "Person"]


def traveller_rows() -> list[dict[str, Any] | str]:
    """The batch as rows: a dict per traveller (CSV column names), or a raw bad line."""
    listed = listed_entries()
    rows: list[dict[str, Any] | str] = []
    for index in range(TRAVELLERS):
        if index % 40 == 7:
            rows.append("{not json")
        elif index % 40 == 15:
            rows.append({"id": f"t{index}", "name": "", "birth_date": "1971"})  # no name
        elif index % 40 == 23:
            rows.append({"id": f"t{index}", "name": "A" * 10_000})  # over the length limit
        elif index % 40 == 31:
            rows.append({"id": f"t{index}", "name": "Ahmad Khan", "birth_date": "1971-13-40"})
        elif index % 3 == 0:
            entry = listed[index % len(listed)]
            name = entry.names[(index // 3) % len(entry.names)].full
            dates = [str(d) for d in entry.birth_dates[:1]]
            rows.append({"id": f"t{index}", "name": name, "birth_date": ";".join(dates)})
        else:
            query = traveller_query(20240601, index, "bulk-test")
            row = {"id": "" if index % 11 == 0 else f"t{index}", "name": query.names[0]}
            row["birth_date"] = ";".join(str(d) for d in query.birth_dates)
            row["nationality"] = ";".join(query.nationalities)
            rows.append(row)
    return rows


def _ftm(row: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, list[str]] = {"name": [row["name"]]}
    for column, key in (("birth_date", "birthDate"), ("nationality", "nationality")):
        values = [v for v in row.get(column, "").split(";") if v]
        if values:
            properties[key] = values
    data: dict[str, Any] = {"schema": "Person", "properties": properties}
    if row["id"]:
        data["id"] = row["id"]
    return data


def write_jsonl(path: Path, rows: list[dict[str, Any] | str]) -> Path:
    """The batch as yente-style JSONL, with a blank line and CRLF line ends in places."""
    lines = [r if isinstance(r, str) else json.dumps(_ftm(r), ensure_ascii=False) for r in rows]
    lines.insert(100, "")
    text = "".join(line + ("\r\n" if i % 5 == 0 else "\n") for i, line in enumerate(lines))
    path.write_text(text, encoding="utf-8")
    return path


def write_csv(path: Path, rows: list[dict[str, Any] | str]) -> Path:
    """The batch as CSV; bad JSON lines become rows without a name, one name is quoted."""
    import csv

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "name", "birth_date", "nationality"])
        writer.writeheader()
        for index, row in enumerate(rows):
            if isinstance(row, str):
                row = {"id": f"bad{index}", "name": ""}
            elif index == 50:
                # A quoted field with a comma and a line break: one record over two lines.
                row = {**row, "name": row["name"] + ",\nJr"}
            writer.writerow(row)
            if index == 120:
                handle.write("\r\n")  # a blank record, which csv skips
    return path


def write_parquet(path: Path, rows: list[dict[str, Any] | str], row_group_size: int) -> Path:
    """The batch as Parquet with the CSV columns, names as lists of strings."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    records = [
        {"id": f"bad{i}", "name": [], "birth_date": None}
        if isinstance(r, str)
        else {
            "id": r["id"] or None,
            "name": [r["name"]] if r["name"] else [],
            "birth_date": r.get("birth_date") or None,
        }
        for i, r in enumerate(rows)
    ]
    pq.write_table(pa.Table.from_pylist(records), path, row_group_size=row_group_size)
    return path


@pytest.fixture(scope="module")
def batch_rows() -> list[dict[str, Any] | str]:
    """The batch's rows (module-wide: drawing them loads the name pools)."""
    return traveller_rows()


@pytest.fixture
def listed_db(run_cli: RunCli) -> RunCli:
    """The CLI runner with the fixture UN list imported into its database."""
    result = run_cli("import", "un-sc", str(UN_SMALL))
    assert result.exit_code == 0, result.output
    return run_cli


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a 2-worker Dask cluster, for the whole module."""
    distributed = pytest.importorskip("distributed")
    import logging

    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.ERROR,
    ) as cluster:
        yield cluster.scheduler_address


def strip_timing(record: dict[str, Any]) -> dict[str, Any]:
    """A result record without its elapsed time, the one field two runs never share."""
    return {k: v for k, v in record.items() if k != "elapsed_ms"}
