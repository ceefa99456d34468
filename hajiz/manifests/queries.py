"""Each traveller of a manifest as a screening query, or the reason it cannot be one."""

from __future__ import annotations

from dataclasses import dataclass

from hajiz.errors import HajizError
from hajiz.manifests.icao_arabic import to_arabic
from hajiz.manifests.model import Manifest, Traveller
from hajiz.model import Document, Query
from hajiz.queries import build_query


@dataclass(frozen=True, slots=True)
class Planned:
    """A traveller, its query id, and its query or why it has none."""

    traveller: Traveller
    query_id: str
    query: Query | None
    error: str | None = None


def query_names(traveller: Traveller) -> list[str]:
    """The names to screen: given names then surname, and its Arabic reading if Doc 9303."""
    full = " ".join(p for p in (traveller.given_names, traveller.surname) if p)
    names = [full] if full else []
    arabic = to_arabic(full) if full else None
    if arabic:
        names.append(arabic)
    return names


def traveller_query(traveller: Traveller, query_id: str, *, max_name_length: int = 500) -> Query:
    """The query for one readable traveller; raise InvalidInput for an unusable name."""
    query = build_query(
        query_names(traveller),
        query_id=query_id,
        birth_dates=[traveller.birth_date.isoformat()] if traveller.birth_date else [],
        max_name_length=max_name_length,
    )
    documents = tuple(
        Document(type=d.label, number=d.number, country=d.issuing_country)
        for d in traveller.documents
    )
    return query.model_copy(
        update={
            "nationalities": traveller.nationalities,
            "gender": traveller.gender,
            "documents": documents,
            "birth_country": traveller.birth_country,
        }
    )


def plan_manifest(manifest: Manifest, *, max_name_length: int = 500) -> list[Planned]:
    """Every traveller with its query, or its error (a traveller with problems is not screened)."""
    planned: list[Planned] = []
    for traveller in manifest.travellers:
        query_id = f"{manifest.reference}-{traveller.number}"
        if traveller.error is not None:
            planned.append(Planned(traveller, query_id, None, traveller.error))
            continue
        try:
            query = traveller_query(traveller, query_id, max_name_length=max_name_length)
        except HajizError as error:
            where = f"NAD at segment {traveller.segment}"
            planned.append(Planned(traveller, query_id, None, f"{traveller.label}, {where}: "
                                   f"{error.detail}"))  # fmt: skip
            continue
        planned.append(Planned(traveller, query_id, query))
    return planned
