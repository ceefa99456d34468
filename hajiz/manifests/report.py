"""Screen a manifest's travellers and report the flight, each traveller's status and hits as JSON.

Each traveller ends in one status: `hit` (at least one entry at or above the threshold that no
earlier false-positive decision clears; an officer must look), `clear` (nothing of the kind),
or `error` (the traveller's data could not be read, so it was not screened: an officer must
look too).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hajiz.manifests.model import Flight, Manifest, Stop, Traveller
from hajiz.manifests.queries import Planned
from hajiz.screening import Screener

HIT, CLEAR, ERROR = "hit", "clear", "error"


@dataclass(frozen=True, slots=True)
class Outcome:
    """One traveller's screening: its hits (as the adapter shows them) or its error."""

    planned: Planned
    hits: tuple[dict[str, Any], ...] = ()
    audit_seq: int | None = None  # the service's audit record of the screening
    case_id: str | None = None  # the review case the service opened

    @property
    def status(self) -> str:
        """hit, clear or error."""
        if self.planned.query is None:
            return ERROR
        is_hit = any(hit.get("match") and not hit.get("cleared") for hit in self.hits)
        return HIT if is_hit else CLEAR

    @property
    def traveller(self) -> Traveller:
        """The traveller screened."""
        return self.planned.traveller


def screen_planned(
    screener: Screener,
    planned: Sequence[Planned],
    *,
    limit: int = 10,
    threshold: float | None = None,
    workers: int | None = None,
) -> list[Outcome]:
    """Screen every traveller that has a query (in parallel), in manifest order."""
    queries = [p.query for p in planned if p.query is not None]
    results = iter(
        screener.screen_batch(queries, limit=limit, threshold=threshold, workers=workers)
    )
    outcomes = []
    for item in planned:
        if item.query is None:
            outcomes.append(Outcome(item))
        else:
            outcomes.append(Outcome(item, tuple(h.to_dict() for h in next(results).hits)))
    return outcomes


def _time(value: datetime | None) -> str | None:
    return value.isoformat(timespec="minutes") if value else None


def _stop(stop: Stop | None) -> dict[str, Any] | None:
    return {"airport": stop.airport, "at": _time(stop.at)} if stop else None


def flight_document(flight: Flight) -> dict[str, Any]:
    """The flight as JSON."""
    return {
        "number": flight.number,
        "carrier": flight.carrier,
        "departure": _stop(flight.departure),
        "arrival": _stop(flight.arrival),
    }


def traveller_record(outcome: Outcome) -> dict[str, Any]:
    """One traveller: who, what was read, status, and the hits or the error."""
    traveller = outcome.traveller
    query = outcome.planned.query
    return {
        "number": traveller.number,
        "query_id": outcome.planned.query_id,
        "role": traveller.role,
        "party": traveller.party,
        "name": traveller.name,
        "surname": traveller.surname,
        "given_names": traveller.given_names,
        "screened_names": list(query.names) if query else [],
        "birth_date": traveller.birth_date.isoformat() if traveller.birth_date else None,
        "gender": traveller.gender.value if traveller.gender else None,
        "nationalities": list(traveller.nationalities),
        "documents": [
            {
                "code": d.code,
                "type": d.label,
                "number": d.number,
                "expiry": d.expiry.isoformat() if d.expiry else None,
                "issuing_country": d.issuing_country,
            }
            for d in traveller.documents
        ],
        "reservation": traveller.reservation,
        "message": traveller.message,
        "segment": traveller.segment,
        "status": outcome.status,
        "error": outcome.planned.error,
        "notes": list(traveller.notes),
        "results": list(outcome.hits),
        "audit_seq": outcome.audit_seq,
        "case_id": outcome.case_id,
    }


def summary(outcomes: Sequence[Outcome]) -> dict[str, int]:
    """How many travellers, passengers, crew, and of each status."""
    statuses = [o.status for o in outcomes]
    return {
        "travellers": len(outcomes),
        "passengers": sum(1 for o in outcomes if o.traveller.role == "passenger"),
        "crew": sum(1 for o in outcomes if o.traveller.role == "crew"),
        "hits": statuses.count(HIT),
        "clear": statuses.count(CLEAR),
        "errors": statuses.count(ERROR),
    }


def manifest_document(
    manifest: Manifest,
    outcomes: Sequence[Outcome],
    *,
    algorithm: str,
    threshold: float,
    list_versions: dict[str, str | None],
) -> dict[str, Any]:
    """The whole screened manifest as JSON: envelope, flight, summary, warnings, travellers."""
    return {
        "manifest": {
            "reference": manifest.reference,
            "sender": manifest.sender,
            "recipient": manifest.recipient,
            "prepared_at": _time(manifest.prepared_at),
            "syntax": manifest.syntax,
            "messages": list(manifest.messages),
            "document": manifest.document,
        },
        "flight": flight_document(manifest.flight),
        "summary": summary(outcomes),
        "warnings": list(manifest.warnings),
        "algorithm": algorithm,
        "threshold": threshold,
        "list_versions": list_versions,
        "travellers": [traveller_record(o) for o in outcomes],
    }
