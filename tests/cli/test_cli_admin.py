"""`hajiz agencies`, `hajiz keys` and `hajiz audit` through the command line."""

from __future__ import annotations

import pytest

from hajiz.access import authenticate
from tests.backends import execute_sql, store_at


@pytest.fixture(autouse=True)
def _wide_tables(monkeypatch):
    # These tests read values out of tables: keep rich from shortening cells to fit a terminal.
    monkeypatch.setenv("COLUMNS", "200")


def test_agencies_and_keys_round_trip(run_cli, db_url):
    assert run_cli("agencies", "add", "BORDER", "--name", "Border Police").exit_code == 0
    listed = run_cli("agencies", "list")
    assert "BORDER" in listed.stdout and "Border Police" in listed.stdout
    created = run_cli(
        "keys", "create", "--agency", "BORDER", "--role", "screener", "--role", "admin"
    )
    assert created.exit_code == 0, created.output
    secret = created.stdout.strip()
    assert secret.startswith("hajiz_") and "\n" not in secret
    assert "not shown again" in created.stderr
    with store_at(db_url) as store:
        principal = authenticate(store, secret)
    assert principal.agency == "BORDER"
    keys = run_cli("keys", "list")
    assert principal.key_id in keys.stdout and "active" in keys.stdout
    assert secret not in keys.stdout
    revoked = run_cli("keys", "revoke", principal.key_id)
    assert revoked.exit_code == 0 and "Revoked" in revoked.stdout
    assert "revoked" in run_cli("keys", "list", "--agency", "BORDER").stdout


def test_bad_input_is_a_one_line_error(run_cli):
    missing = run_cli("keys", "create", "--agency", "NOPE", "--role", "screener")
    assert missing.exit_code == 1 and "No agency 'NOPE'" in missing.output
    bad_role = run_cli("keys", "create", "--agency", "NOPE", "--role", "root")
    assert bad_role.exit_code == 2
    assert run_cli("keys", "revoke", "k_nothing").exit_code == 1
    assert run_cli("agencies", "add", "bad code", "--name", "x").exit_code == 1


def test_audit_verify_passes_then_names_a_tampered_record(run_cli, db_url):
    run_cli("agencies", "add", "BORDER", "--name", "Border Police")
    run_cli("keys", "create", "--agency", "BORDER", "--role", "screener")
    run_cli("keys", "create", "--agency", "BORDER", "--role", "admin")
    verified = run_cli("audit", "verify")
    assert verified.exit_code == 0 and "intact: 3 records" in verified.stdout
    execute_sql(db_url, "UPDATE audit_log SET agency = 'OTHER' WHERE seq = 2")
    tampered = run_cli("audit", "verify")
    assert tampered.exit_code == 1
    assert "record 2: altered" in tampered.stderr
    assert "not intact" in tampered.stderr


def test_audit_list_and_redact(run_cli):
    run_cli("agencies", "add", "BORDER", "--name", "Border Police")
    listed = run_cli("audit", "list", "--json", "--action", "agency.add")
    assert listed.exit_code == 0
    assert '"action":"agency.add"' in listed.stdout
    table = run_cli("audit", "list")
    assert "agency.add" in table.stdout
    assert "Redacted the queries of 0" in run_cli("audit", "redact").stdout
