"""FollowTheMoney entities as JSON lines (the format OpenSanctions and yente use) to entries.

Person becomes a Person; LegalEntity, Organization, Company and PublicBody become Organizations.
Sanction entities add program, reason and listing date to the entity they name, and
Identification/Passport entities add documents to their holder. Entities marked
`"target": false` (relatives, owners) are not listed persons and are skipped. Ids are kept.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from hajiz.errors import ImportFailed, WrongFormat
from hajiz.importers.common import (
    DEFAULT_MAX_NAME_LENGTH,
    EntryCollector,
    ParsedList,
    country_code,
    decode_utf8,
    make_name,
    place_from_text,
    read_bytes,
    unique,
    unique_dates,
    unique_names,
)
from hajiz.importers.dates import parse_iso_prefix
from hajiz.model import (
    BirthDate,
    Document,
    EntrySchema,
    Gender,
    Name,
    NameKind,
    NamePart,
    Place,
    Script,
)

DEFAULT_AGENCY = "FTM"
_SCHEMAS = {
    "Person": EntrySchema.PERSON,
    "LegalEntity": EntrySchema.ORGANIZATION,
    "Organization": EntrySchema.ORGANIZATION,
    "Company": EntrySchema.ORGANIZATION,
    "PublicBody": EntrySchema.ORGANIZATION,
}
_IDENTIFICATIONS = {"Identification": "Identification", "Passport": "Passport"}
_PART_PROPS = (
    ("firstName", "given"),
    ("secondName", "second"),
    ("middleName", "middle"),
    ("fatherName", "patronymic"),
    ("motherName", "matronymic"),
    ("lastName", "family"),
    ("nameSuffix", "suffix"),
)
_DOCUMENT_PROPS = (
    ("passportNumber", "Passport"),
    ("idNumber", "ID number"),
    ("socialSecurityNumber", "Social security number"),
)
_GENDERS = {"male": Gender.MALE, "female": Gender.FEMALE, "other": Gender.OTHER}


@dataclass(frozen=True)
class _Entity:
    """One FtM entity as read, with the line it came from."""

    line: int
    id: str
    schema: str
    props: dict[str, list[str]]
    data: dict[str, Any]

    @property
    def where(self) -> str:
        return f"line {self.line}"

    def values(self, prop: str) -> list[str]:
        return self.props.get(prop, [])


def source_for(agency: str) -> str:
    """`ftm`, or `ftm:<agency>` so that two agencies' FtM lists do not replace each other."""
    return "ftm" if agency == DEFAULT_AGENCY else f"ftm:{agency}"


def _read_entities(path: Path) -> list[_Entity]:
    file = str(path)
    text = decode_utf8(read_bytes(path), file)
    first = text.lstrip()[:1]
    if first != "{":
        shape = "a JSON array" if first == "[" else f"text starting {text.lstrip()[:20]!r}"
        raise WrongFormat(file, f"not FtM JSON lines (one entity object per line); found {shape}")
    entities: list[_Entity] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            data = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise ImportFailed(file, f"invalid JSON ({exc})", where) from exc
        entity = _entity(data, number, file)
        if entity.id in first_line:
            problem = f"duplicate id {entity.id!r} (first at line {first_line[entity.id]})"
            raise ImportFailed(file, problem, where)
        first_line[entity.id] = number
        entities.append(entity)
    return entities


def _entity(data: object, line: int, file: str) -> _Entity:
    where = f"line {line}"
    if not isinstance(data, dict):
        raise ImportFailed(file, "not a JSON object", where)
    entity_id, schema, props = data.get("id"), data.get("schema"), data.get("properties", {})
    if not isinstance(entity_id, str) or not entity_id.strip():
        raise ImportFailed(file, "entity has no id", where)
    if not isinstance(schema, str) or not schema:
        raise ImportFailed(file, f"entity {entity_id!r} has no schema", where)
    if not isinstance(props, dict):
        raise ImportFailed(file, f"entity {entity_id!r}: properties is not an object", where)
    clean: dict[str, list[str]] = {}
    for prop, values in props.items():
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            problem = f"entity {entity_id!r}: property {prop!r} is not a list of strings"
            raise ImportFailed(file, problem, where)
        clean[str(prop)] = [v.strip() for v in values if v.strip()]
    return _Entity(line, entity_id.strip(), schema, clean, data)


def parse_ftm(
    path: Path,
    *,
    agency: str = DEFAULT_AGENCY,
    max_name_length: int = DEFAULT_MAX_NAME_LENGTH,
) -> ParsedList:
    """Parse FtM entities (JSON lines) into Person and Organization entries."""
    entities = _read_entities(path)
    sanctions: dict[str, list[_Entity]] = defaultdict(list)
    documents: dict[str, list[Document]] = defaultdict(list)
    skipped: dict[str, int] = defaultdict(int)
    file = str(path)
    for entity in entities:
        if entity.schema == "Sanction":
            for target in entity.values("entity"):
                sanctions[target].append(entity)
        elif entity.schema in _IDENTIFICATIONS:
            for holder in entity.values("holder"):
                documents[holder].extend(_identification(entity))
    collector = EntryCollector(file, max_name_length)
    source = source_for(agency)
    for entity in entities:
        if entity.schema in ("Sanction", *_IDENTIFICATIONS):
            continue
        if entity.schema not in _SCHEMAS:
            skipped[entity.schema] += 1
            continue
        if entity.data.get("target") is False:
            skipped[f"{entity.schema} (not a target)"] += 1
            continue
        _add_entry(collector, entity, agency, source, sanctions[entity.id], documents[entity.id])
    warnings = [f"skipped {n} {schema} entities" for schema, n in sorted(skipped.items())]
    changes = [c for e in entities if isinstance(c := e.data.get("last_change"), str)]
    return collector.result(source, max(changes) if changes else None, warnings)


def _identification(entity: _Entity) -> list[Document]:
    kind = (entity.values("type") or [_IDENTIFICATIONS[entity.schema]])[0]
    country = next(
        (c for v in entity.values("country") if (c := country_code(v, allow_codes=True))), None
    )
    return [Document(type=kind, number=n, country=country) for n in entity.values("number")]


def _names(entity: _Entity) -> list[Name]:
    parts = tuple(
        NamePart(kind=kind, value=value)
        for prop, kind in _PART_PROPS
        for value in entity.values(prop)
    )
    full_names = entity.values("name")
    if not full_names and parts:
        full_names = [" ".join(p.value for p in parts)]
    names: list[Name] = []
    for index, full in enumerate(full_names):
        if index == 0:
            # FtM's name parts belong to the entity, not one name: attach them only where
            # every part is visibly in that name.
            fits = all(p.value.casefold() in full.casefold() for p in parts)
            names.append(make_name(full, NameKind.PRIMARY, parts=parts if fits else ()))
        else:
            name = make_name(full, NameKind.ALIAS)
            kind = NameKind.ALIAS if name.script is Script.LATIN else NameKind.ORIGINAL_SCRIPT
            names.append(name.model_copy(update={"kind": kind}))
    names += [make_name(v, NameKind.ALIAS) for v in entity.values("alias")]
    names += [
        make_name(v, NameKind.ALIAS, note="previous name") for v in entity.values("previousName")
    ]
    names += [make_name(v, NameKind.WEAK_ALIAS) for v in entity.values("weakAlias")]
    return names


def _date(entity: _Entity, file: str, prop: str, value: str) -> str:
    try:
        return str(parse_iso_prefix(value))
    except ValueError as exc:
        raise ImportFailed(file, f"{prop} of {entity.id!r}: {exc}", entity.where) from exc


def _add_entry(
    collector: EntryCollector,
    entity: _Entity,
    agency: str,
    source: str,
    sanctions: list[_Entity],
    documents: list[Document],
) -> None:
    file = collector.file
    birth_dates = [
        BirthDate.parse(_date(entity, file, "birthDate", v)) for v in entity.values("birthDate")
    ]
    places = [place_from_text(v) for v in entity.values("birthPlace")]
    for value in entity.values("birthCountry"):
        code = country_code(value, allow_codes=True)
        places.append(Place(text=code or value, country=code))
    countries = entity.values("nationality") + entity.values("citizenship")
    codes = [country_code(v, allow_codes=True) for v in countries]
    documents = documents + [
        Document(type=label, number=n)
        for prop, label in _DOCUMENT_PROPS
        for n in entity.values(prop)
    ]
    programs = entity.values("program") + [p for s in sanctions for p in s.values("program")]
    reasons = [r for s in sanctions for r in s.values("reason")]
    listed = sorted(
        _date(s, file, prop, v)
        for s in sanctions
        for prop in ("listingDate", "startDate")
        for v in s.values(prop)
    )
    genders = [g for v in entity.values("gender") if (g := _GENDERS.get(v.casefold()))]
    remarks = [
        f"Position: {'; '.join(entity.values('position'))}" if entity.values("position") else "",
        *entity.values("notes"),
        f"Topics: {', '.join(entity.values('topics'))}" if entity.values("topics") else "",
        *(
            f"Nationality (not recognised): {v}"
            for v, c in zip(countries, codes, strict=True)
            if not c
        ),
    ]
    datasets = entity.data.get("datasets")
    if isinstance(datasets, list) and datasets:
        remarks.append(f"Datasets: {', '.join(str(d) for d in datasets)}")
    collector.add(
        entity.where,
        id=entity.id,
        schema=_SCHEMAS[entity.schema],
        agency=agency,
        source=source,
        names=unique_names(_names(entity)),
        birth_dates=unique_dates(birth_dates),
        birth_places=unique(places),
        nationalities=unique(c for c in codes if c),
        gender=genders[0] if genders else None,
        documents=unique(documents),
        programs=unique(programs),
        listing_reason="\n".join(unique(reasons)) or None,
        listed_on=listed[0] if listed else None,
        remarks="\n".join(r for r in remarks if r) or None,
    )
