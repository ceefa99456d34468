from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hajiz.store.dialect import IN_LIST_SIZE, POSTGRESQL, SQLITE, in_lists


def test_upsert_updates_every_column_but_the_key():
    sql = SQLITE.upsert("t", ["id", "a", "body"], "id", json_columns=["body"])
    assert sql == (
        "INSERT INTO t (id, a, body) VALUES (?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET a = excluded.a, body = excluded.body"
    )


def test_postgres_spells_params_and_json_its_way():
    sql = POSTGRESQL.upsert("t", ["id", "body"], "id", json_columns=["body"])
    assert "VALUES (%s, %s::jsonb)" in sql
    assert POSTGRESQL.params(3) == "%s, %s, %s"


def test_times_round_trip_as_utc():
    local = datetime(2026, 2, 27, 10, 0, tzinfo=timezone(timedelta(hours=3)))
    stored = SQLITE.to_db_time(local)
    assert stored == "2026-02-27T07:00:00+00:00"
    assert SQLITE.from_db_time(stored) == local
    assert SQLITE.from_db_time(stored).tzinfo == UTC
    assert POSTGRESQL.to_db_time(local) == local


def test_in_lists_give_each_value_once_in_order_and_in_bounded_runs() -> None:
    values = [f"k{i}" for i in range(IN_LIST_SIZE * 2 + 3)]
    runs = list(in_lists([*values, "k0", "k1"]))  # repeats come once
    assert [len(run) for run in runs] == [IN_LIST_SIZE, IN_LIST_SIZE, 3]
    assert [value for run in runs for value in run] == values
    assert list(in_lists([])) == []
