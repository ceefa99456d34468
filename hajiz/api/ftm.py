"""FollowTheMoney-shaped entities on the wire, to and from watchlist entries.

Incoming entries reuse the FtM importer's own per-entity conversion (`importers/ftm.py`), so
an entry posted to the API and the same entity in an imported FtM file become the same Entry.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hajiz.errors import ImportFailed, InvalidInput
from hajiz.importers import ftm as ftm_importer
from hajiz.importers.common import EntryCollector
from hajiz.model import DateKind, Entry, NameKind

# Document types (as importers name them) and the FtM property each goes to.
_ID_PROPERTIES = {"passport": "passportNumber"}


def entry_from_ftm(
    data: dict[str, Any],
    *,
    entry_id: str,
    agency: str,
    source: str,
    releasable_to: tuple[str, ...] | None,
    max_name_length: int,
) -> Entry:
    """An Entry from one FtM entity (`{"schema": "Person", "properties": {...}}`)."""
    schema = data.get("schema")
    if schema not in ftm_importer._SCHEMAS:
        allowed = ", ".join(ftm_importer._SCHEMAS)
        raise InvalidInput(f"Entry schema {schema!r} is not supported (choose from: {allowed})")
    file = "request body"
    collector = EntryCollector(file, max_name_length)
    try:
        entity = ftm_importer._entity({**data, "id": entry_id}, 1, file)
        ftm_importer._add_entry(collector, entity, agency, source, [], [])
    except ImportFailed as error:
        raise InvalidInput(f"Entry {entry_id!r}: {error.problem}") from None
    (entry,) = collector.entries
    return entry.model_copy(update={"releasable_to": releasable_to})


def _time(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def entity_properties(entry: Entry) -> dict[str, list[str]]:
    """The FtM properties of an entry."""
    props: dict[str, list[str]] = {}

    def put(prop: str, value: str | None) -> None:
        if value and value not in props.setdefault(prop, []):
            props[prop].append(value)

    for name in entry.names:
        if name.kind is NameKind.WEAK_ALIAS:
            put("weakAlias", name.full)
        elif name.kind is NameKind.PRIMARY:
            put("name", name.full)
        else:
            put("alias", name.full)
    for birth in entry.birth_dates:
        if birth.kind is DateKind.BETWEEN:
            put("birthDate", str(birth.start) if birth.start else None)
            put("birthDate", str(birth.end) if birth.end else None)
        else:
            put("birthDate", str(birth.date) if birth.date else None)
    for place in entry.birth_places:
        put("birthPlace", place.text)
    for country in entry.nationalities:
        put("nationality", country.lower())
    if entry.gender is not None:
        put("gender", entry.gender.value)
    for document in entry.documents:
        put(_ID_PROPERTIES.get(document.type.casefold(), "idNumber"), document.number)
    for program in entry.programs:
        put("program", program)
    put("notes", entry.remarks)
    return {prop: values for prop, values in props.items() if values}


def entity_from_entry(entry: Entry) -> dict[str, Any]:
    """A yente-style entity: id, caption, schema, properties, datasets and times."""
    return {
        "id": entry.id,
        "caption": entry.primary_name,
        "schema": entry.schema_.value,
        "properties": entity_properties(entry),
        "datasets": [entry.source],
        "referents": [],
        "target": True,
        "first_seen": _time(entry.created_at),
        "last_seen": _time(entry.updated_at),
        "last_change": _time(entry.updated_at),
    }


def entry_document(entry: Entry) -> dict[str, Any]:
    """An agency's own entry as `/v1/entries` returns it: the entity plus ownership."""
    return {
        **entity_from_entry(entry),
        "agency": entry.agency,
        "releasable_to": None if entry.releasable_to is None else list(entry.releasable_to),
        "version": entry.version,
    }
