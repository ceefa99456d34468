"""`hajiz cases`: review cases, decisions and suppressions from the command line.

The CLI has no API key: `--agency` says which agency's view to take, and `--reviewer` names
the person deciding (recorded as `cli:NAME`, like every decision, in the audit log).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import click
import orjson
from rich.table import Column, Table

from hajiz.access import Principal, Role
from hajiz.cli.context import CliContext, out, pass_cli
from hajiz.errors import ConfigError
from hajiz.review.model import Case, DecisionKind, HitStatus
from hajiz.review.rules import CaseNotFound
from hajiz.review.service import Queue, ReviewService
from hajiz.store.service import open_service_store

_DECISIONS = click.Choice([kind.value for kind in DecisionKind])
_STATUSES = click.Choice([status.value for status in HitStatus])
_QUEUES = click.Choice([queue.value for queue in Queue])


@contextmanager
def _review(cli: CliContext) -> Iterator[ReviewService]:
    store = open_service_store(cli.db_url)
    try:
        yield ReviewService(store, cli.settings)
    finally:
        store.close()


def _principal(review: ReviewService, agency: str, reviewer: str = "cli") -> Principal:
    if review.store.get_agency(agency) is None:
        raise ConfigError(f"No agency {agency!r} (see: hajiz agencies list)")
    name = reviewer.strip()
    if not name:
        raise ConfigError("--reviewer must name the person deciding")
    actor = name if name == "cli" else f"cli:{name}"
    return Principal(key_id=actor, agency=agency, roles=frozenset({Role.REVIEWER}))


def _when(value: datetime | None) -> str:
    return "" if value is None else value.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


def _json(value: object) -> None:
    sys.stdout.write(orjson.dumps(value, option=orjson.OPT_INDENT_2).decode() + "\n")


def _names(case: Case) -> str:
    names = case.query.get("names") or []
    return " / ".join(str(name) for name in names)


@click.group("cases")
def cases_group() -> None:
    """Review cases: hits referred for a person to decide, and remembered false positives.

    \b
    Example:
      hajiz cases list --agency BORDER --status open
      hajiz cases show c_9a1e3b7c5d2f4e6a
      hajiz cases decide c_9a1e3b7c5d2f4e6a --decision false_positive \\
        --reason "born 1985, listed person 1971" --reviewer "A. Haddad" --agency BORDER
    """


@cases_group.command("list")
@click.option("--status", type=_STATUSES, default=None, help="Only cases with this status.")
@click.option("--agency", default=None, help="As this agency sees them (default: every case).")
@click.option("--queue", type=_QUEUES, default=None, help="With --agency: mine or escalated-to-me.")
@click.option(
    "--limit", type=click.IntRange(1, 10_000), default=50, show_default=True, help="Most cases."
)
@click.option("--json", "as_json", is_flag=True, help="Print the cases as JSON.")
@pass_cli
def cases_list(
    cli: CliContext,
    status: str | None,
    agency: str | None,
    queue: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """List cases, oldest first.

    \b
    Example:
      hajiz cases list --agency BORDER --queue escalated-to-me --status escalated
    """
    if queue is not None and agency is None:
        raise ConfigError("--queue needs --agency (whose queue?)")
    with _review(cli) as review:
        if agency is None:
            cases = review.all_cases(status=status, limit=limit)
        else:
            cases = review.list_cases(
                _principal(review, agency),
                queue=None if queue is None else Queue(queue),
                status=status,
                limit=limit,
            )
    if as_json:
        _json([case.to_dict() for case in cases])
        return
    table = Table(
        Column("Id", no_wrap=True), "Opened (UTC)", "Agency", "Status", "Traveller", "Hits"
    )
    for case in cases:
        hits = ", ".join(f"{hit.entry_id} ({hit.status.value})" for hit in case.hits)
        table.add_row(
            case.id, _when(case.opened_at), case.agency, case.status.value, _names(case), hits
        )
    out().print(table)


@cases_group.command("show")
@click.argument("case_id")
@click.option("--agency", default=None, help="As this agency sees it (default: all of it).")
@click.option("--json", "as_json", is_flag=True, help="Print the case as JSON.")
@pass_cli
def cases_show(cli: CliContext, case_id: str, agency: str | None, as_json: bool) -> None:
    """Show one case: the traveller, each hit with its score and review, and the decisions.

    \b
    Example:
      hajiz cases show c_9a1e3b7c5d2f4e6a --json
    """
    with _review(cli) as review:
        if agency is None:
            case = review.store.get_case(case_id)
            if case is None:
                raise CaseNotFound(case_id)
        else:
            case = review.get_case(_principal(review, agency), case_id)
    if as_json:
        _json(case.to_dict())
        return
    console = out()
    console.print(f"Case {case.id}: {case.status.value}, opened {_when(case.opened_at)} UTC")
    console.print(f"Screened by {case.agency} ({case.actor}); traveller: {_names(case)}")
    if not case.traveller_keys:
        console.print("No document with birth date and no full birth date: nothing is remembered")
    hits = Table(Column("Entry", no_wrap=True), "Version", "Owner", "Name", "Score", "Status")
    for hit in case.hits:
        status = hit.status.value + (f" to {hit.escalated_to}" if hit.escalated_to else "")
        hits.add_row(
            hit.entry_id,
            str(hit.entry_version),
            hit.entry_agency,
            hit.caption,
            f"{hit.score:.2f}",
            status,
        )
    console.print(hits)
    if case.decisions:
        decisions = Table(Column("Decision", no_wrap=True), "Entry", "What", "By", "When", "Why")
        for made in case.decisions:
            decisions.add_row(
                made.id,
                made.entry_id,
                made.kind.value,
                f"{made.reviewer} ({made.agency})",
                _when(made.decided_at),
                made.reason,
            )
        console.print(decisions)


@cases_group.command("decide")
@click.argument("case_id")
@click.option("--decision", type=_DECISIONS, required=True, help="What was decided.")
@click.option("--reason", required=True, help="Why (required; kept with the decision).")
@click.option("--reviewer", required=True, help="The person deciding (recorded as cli:NAME).")
@click.option("--agency", required=True, help="The reviewer's agency.")
@click.option("--hit", default=None, help="The entry id of the hit (if several await).")
@pass_cli
def cases_decide(
    cli: CliContext,
    case_id: str,
    decision: str,
    reason: str,
    reviewer: str,
    agency: str,
    hit: str | None,
) -> None:
    """Decide one hit of a case: confirmed, false_positive, escalated or rejected.

    \b
    Example:
      hajiz cases decide c_9a1e3b7c5d2f4e6a --decision escalated --hit BRAVO:case-17 \\
        --reason "their record, their call" --reviewer "A. Haddad" --agency BORDER
    """
    with _review(cli) as review:
        outcome = review.decide(
            _principal(review, agency, reviewer), case_id, decision=decision, reason=reason, hit=hit
        )
    made = outcome.decision
    click.echo(
        f"Decision {made.id}: {made.entry_id} in case {made.case_id} is {made.kind.value} "
        f"(case now {outcome.case.status.value}; audit record {made.audit_seq})"
    )
    if outcome.suppression is not None:
        click.echo(
            f"Suppression {outcome.suppression.id}: this traveller is cleared for this entry"
        )
    elif made.kind in (DecisionKind.FALSE_POSITIVE, DecisionKind.REJECTED):
        click.echo(
            "Not remembered: the traveller had no document with birth date or full birth date"
        )


@cases_group.command("suppressions")
@click.option("--agency", required=True, help="As this agency sees them.")
@click.option("--entity-id", default=None, help="Only this entry's.")
@click.option("--json", "as_json", is_flag=True, help="Print them as JSON.")
@pass_cli
def cases_suppressions(cli: CliContext, agency: str, entity_id: str | None, as_json: bool) -> None:
    """List remembered false positives (newest first), with their state.

    \b
    Example:
      hajiz cases suppressions --agency BORDER
    """
    now = datetime.now(UTC)
    with _review(cli) as review:
        found = review.list_suppressions(_principal(review, agency), entry_id=entity_id)
        days = review.suppression_days
    if as_json:
        _json([s.to_dict(now, days) for s in found])
        return
    table = Table(
        Column("Id", no_wrap=True), "Entry", "Version", "By", "Decided", "Expires", "State"
    )
    for s in found:
        table.add_row(
            s.id,
            s.entry_id,
            str(s.entry_version),
            f"{s.reviewer} ({s.agency})",
            _when(s.decided_at),
            _when(s.expires_at(days)),
            s.state(now, days),
        )
    out().print(table)


@cases_group.command("revoke")
@click.argument("suppression_id")
@click.option("--reason", required=True, help="Why (required; kept in the audit log).")
@click.option("--reviewer", required=True, help="The person revoking (recorded as cli:NAME).")
@click.option("--agency", required=True, help="The reviewer's agency.")
@pass_cli
def cases_revoke(
    cli: CliContext, suppression_id: str, reason: str, reviewer: str, agency: str
) -> None:
    """Revoke a suppression: the traveller's hit on that entry opens a case again.

    \b
    Example:
      hajiz cases revoke d_5f0c2a9e1b7d4c3a --reason "decided in error" --reviewer "A. Haddad" \\
        --agency BORDER
    """
    with _review(cli) as review:
        revoked = review.revoke_suppression(
            _principal(review, agency, reviewer), suppression_id, reason=reason
        )
    click.echo(f"Revoked suppression {revoked.id} (since {_when(revoked.revoked_at)} UTC)")


COMMANDS = [cases_group]
