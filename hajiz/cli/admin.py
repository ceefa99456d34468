"""Commands for the service's administrators: agencies, API keys and the audit log."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import click
import orjson
from rich.table import Column, Table

from hajiz.access import Role, add_agency, create_key, revoke_key
from hajiz.audit import verify_chain
from hajiz.cli.context import CliContext, out, pass_cli
from hajiz.store.audit_log import AuditFilter, redact_expired
from hajiz.store.service import ServiceStore, open_service_store

_ROLES = click.Choice([role.value for role in Role])


@contextmanager
def _store(cli: CliContext) -> Iterator[ServiceStore]:
    store = open_service_store(cli.db_url)
    try:
        yield store
    finally:
        store.close()


def _when(value: datetime | None) -> str:
    return "" if value is None else value.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


@click.group("agencies")
def agencies_group() -> None:
    """The agencies that share the watchlist.

    \b
    Example:
      hajiz agencies add BORDER --name "Border Police"
      hajiz agencies list
    """


@agencies_group.command("add")
@click.argument("code")
@click.option("--name", required=True, help="The agency's full name.")
@pass_cli
def agencies_add(cli: CliContext, code: str, name: str) -> None:
    """Add an agency (CODE: capitals, digits, '-' or '_').

    \b
    Example:
      hajiz agencies add BORDER --name "Border Police"
    """
    with _store(cli) as store:
        agency = add_agency(store, code, name)
    click.echo(f"Added agency {agency.code} ({agency.name})")


@agencies_group.command("list")
@pass_cli
def agencies_list(cli: CliContext) -> None:
    """List the agencies.

    \b
    Example:
      hajiz agencies list
    """
    with _store(cli) as store:
        agencies = store.list_agencies()
    table = Table("Code", "Name", "Added")
    for agency in agencies:
        table.add_row(agency.code, agency.name, _when(agency.created_at))
    out().print(table)


@click.group("keys")
def keys_group() -> None:
    """API keys: each bound to one agency, with roles, an optional expiry, revocable.

    \b
    Example:
      hajiz keys create --agency BORDER --role screener --expires-days 90
      hajiz keys list
      hajiz keys revoke k_1a2b3c4d5e6f
    """


@keys_group.command("create")
@click.option("--agency", required=True, help="The agency the key acts for.")
@click.option(
    "--role", "roles", multiple=True, required=True, type=_ROLES, help="A role (repeatable)."
)
@click.option("--expires-days", type=click.IntRange(1, 3650), default=None, help="Days valid.")
@click.option("--note", default=None, help="What the key is for (shown in `keys list`).")
@pass_cli
def keys_create(
    cli: CliContext, agency: str, roles: tuple[str, ...], expires_days: int | None, note: str | None
) -> None:
    """Create a key and print it: it is shown this once, only its hash is stored.

    The key goes to standard output alone, so it can be captured; the rest to standard error.

    \b
    Example:
      hajiz keys create --agency BORDER --role admin
      KEY=$(hajiz keys create --agency BORDER --role screener --expires-days 30)
    """
    with _store(cli) as store:
        key, secret = create_key(store, agency, roles, expires_days=expires_days, note=note)
    expiry = f", expires {_when(key.expires_at)} UTC" if key.expires_at else ""
    click.echo(
        f"Created key {key.id} for {key.agency} ({', '.join(r.value for r in key.roles)}"
        f"{expiry}). Store it now: it is not shown again.",
        err=True,
    )
    click.echo(secret)


@keys_group.command("revoke")
@click.argument("key_id")
@pass_cli
def keys_revoke(cli: CliContext, key_id: str) -> None:
    """Revoke a key: it stops working at once.

    \b
    Example:
      hajiz keys revoke k_1a2b3c4d5e6f
    """
    with _store(cli) as store:
        key = revoke_key(store, key_id)
    click.echo(f"Revoked key {key.id} of {key.agency} (since {_when(key.revoked_at)} UTC)")


@keys_group.command("list")
@click.option("--agency", default=None, help="Only this agency's keys.")
@pass_cli
def keys_list(cli: CliContext, agency: str | None) -> None:
    """List keys (never the keys themselves: only their ids).

    \b
    Example:
      hajiz keys list --agency BORDER
    """
    now = datetime.now(UTC)
    with _store(cli) as store:
        keys = store.list_api_keys(agency)
    # Ids are copied into `keys revoke`: never wrap them.
    table = Table(
        Column("Id", no_wrap=True), "Agency", "Roles", "State", "Created", "Expires", "Note"
    )
    for key in keys:
        table.add_row(
            key.id,
            key.agency,
            ", ".join(r.value for r in key.roles),
            key.state(now),
            _when(key.created_at),
            _when(key.expires_at),
            key.note or "",
        )
    out().print(table)


@click.group("audit")
def audit_group() -> None:
    """The audit log: every screening and every change, hash-chained.

    \b
    Example:
      hajiz audit verify
      hajiz audit list --action screen --limit 20
    """


@audit_group.command("verify")
@pass_cli
def audit_verify(cli: CliContext) -> None:
    """Check the hash chain; name every altered, inserted or deleted record (exit 1 if any).

    \b
    Example:
      hajiz audit verify
    """
    with _store(cli) as store:
        head = store.audit_head()
        records = list(store.iter_audit())
    problems = verify_chain(records, head)
    if problems:
        for problem in problems:
            click.echo(f"TAMPERED {problem}", err=True)
        raise click.ClickException(
            f"the audit log is not intact: {len(problems)} problem(s) in {len(records)} records"
        )
    last = f"; head {head[1]}" if head and head[0] else ""
    click.echo(f"Audit log intact: {len(records)} records{last}")


@audit_group.command("list")
@click.option("--agency", default=None, help="Only this agency's records.")
@click.option("--actor", default=None, help="Only this key id's records.")
@click.option("--action", default=None, help="Only this action (screen, match, entry.update…).")
@click.option("--since", type=click.DateTime(), default=None, help="From this UTC time.")
@click.option("--until", type=click.DateTime(), default=None, help="Before this UTC time.")
@click.option(
    "--limit", type=click.IntRange(1, 100_000), default=100, show_default=True, help="Most records."
)
@click.option("--json", "as_json", is_flag=True, help="One JSON record per line.")
@pass_cli
def audit_list(
    cli: CliContext,
    agency: str | None,
    actor: str | None,
    action: str | None,
    since: datetime | None,
    until: datetime | None,
    limit: int,
    as_json: bool,
) -> None:
    """List audit records, oldest first.

    \b
    Example:
      hajiz audit list --agency BORDER --since 2024-05-01
    """
    where = AuditFilter(
        actor=actor,
        agency=agency,
        action=action,
        since=since.replace(tzinfo=UTC) if since else None,
        until=until.replace(tzinfo=UTC) if until else None,
        limit=limit,
    )
    with _store(cli) as store:
        records = store.find_audit(where)
    if as_json:
        for record in records:
            click.echo(orjson.dumps(record.to_dict()).decode())
        return
    table = Table("Seq", "At (UTC)", "Agency", "Actor", "Action", "Subject", "Results")
    for record in records:
        results = record.detail.get("results")
        table.add_row(
            str(record.seq),
            _when(record.at),
            record.agency,
            record.actor,
            record.action,
            record.subject or "",
            "" if results is None else str(len(results)),
        )
    out().print(table)


@audit_group.command("redact")
@pass_cli
def audit_redact(cli: CliContext) -> None:
    """Redact queries older than the retention setting now (the service also does it hourly).

    \b
    Example:
      HAJIZ_AUDIT_QUERY_RETENTION_DAYS=30 hajiz audit redact
    """
    with _store(cli) as store:
        count = redact_expired(store, cli.settings.audit_query_retention_days)
    click.echo(f"Redacted the queries of {count} audit records")


COMMANDS = [agencies_group, keys_group, audit_group]
