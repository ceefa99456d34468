"""The UN Security Council Consolidated List (XML, schema sc-sanctions.xsd) to entries.

One INDIVIDUAL becomes a Person and one ENTITY an Organization, with id `un-sc:<REFERENCE_NUMBER>`.
Titles, designations, addresses, comments and anything not understood go to `remarks`; the XML
has no separate reason for listing, so `listing_reason` stays empty.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from hajiz.errors import ImportFailed, WrongFormat
from hajiz.importers.common import (
    DEFAULT_MAX_NAME_LENGTH,
    EntryCollector,
    ParsedList,
    collapse,
    country_code,
    decode_utf8,
    make_name,
    read_bytes,
    unique,
    unique_dates,
    unique_names,
)
from hajiz.importers.un_sc_details import birth_dates, documents
from hajiz.importers.un_sc_names import names_in_note, split_name_field
from hajiz.model import BirthDate, EntrySchema, Gender, Name, NameKind, NamePart, Place

SOURCE = "un-sc"
AGENCY = "UN"
ROOT = "CONSOLIDATED_LIST"
_NAME_PARTS = (
    ("FIRST_NAME", "first"),
    ("SECOND_NAME", "second"),
    ("THIRD_NAME", "third"),
    ("FOURTH_NAME", "fourth"),
)
_SECTIONS = (
    ("INDIVIDUALS", "INDIVIDUAL", EntrySchema.PERSON),
    ("ENTITIES", "ENTITY", EntrySchema.ORGANIZATION),
)
_QUALITY_KIND = {"good": NameKind.ALIAS, "low": NameKind.WEAK_ALIAS}
_GENDERS = {"male": Gender.MALE, "female": Gender.FEMALE}


def _text(element: Element | None, path: str | None = None) -> str:
    if element is not None and path is not None:
        element = element.find(path)
    return collapse(element.text) if element is not None else ""


def _values(element: Element, path: str) -> list[str]:
    return [v for v in (collapse(e.text) for e in element.findall(f"{path}/VALUE")) if v]


def _load_root(path: Path) -> Element:
    file = str(path)
    data = read_bytes(path)
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        raise WrongFormat(file, "not an XML file (expected the UN consolidated list XML)", "line 1")
    declaration = head[: head.find(b"?>")] if head.startswith(b"<?xml") else b""
    if b"encoding" not in declaration or b"utf-8" in declaration.lower():
        decode_utf8(data, file)  # a precise message for a bad byte, before expat's terse one
    try:
        root: Element = SafeET.fromstring(data)
    except ParseError as exc:
        line, column = exc.position
        problem = str(exc).split(":")[0]
        raise ImportFailed(
            file, f"malformed XML: {problem}", f"line {line}, column {column}"
        ) from exc
    except DefusedXmlException as exc:
        raise ImportFailed(file, f"refused unsafe XML ({exc})") from exc
    except LookupError as exc:
        # The XML declaration names an encoding Python does not know (encoding="ATF-8").
        raise ImportFailed(file, f"unknown encoding in the XML declaration ({exc})") from exc
    if root.tag != ROOT:
        raise WrongFormat(file, f"root element is <{root.tag}>, expected <{ROOT}>")
    if root.find("INDIVIDUALS") is None and root.find("ENTITIES") is None:
        raise WrongFormat(file, "no <INDIVIDUALS> or <ENTITIES> in the list")
    return root


def parse_un_sc(path: Path, *, max_name_length: int = DEFAULT_MAX_NAME_LENGTH) -> ParsedList:
    """Parse the UN SC consolidated list XML into Person and Organization entries."""
    root = _load_root(path)
    collector = EntryCollector(str(path), max_name_length)
    version = collapse(root.get("dateGenerated")) or None
    for section_tag, tag, schema in _SECTIONS:
        section = root.find(section_tag)
        for index, record in enumerate(section.findall(tag) if section is not None else [], 1):
            _add_record(collector, record, tag, index, schema, version)
    return collector.result(SOURCE, version, [])


def _add_record(
    collector: EntryCollector,
    record: Element,
    tag: str,
    index: int,
    schema: EntrySchema,
    version: str | None,
) -> None:
    reference = _text(record, "REFERENCE_NUMBER")
    if not reference:
        dataid = _text(record, "DATAID") or "?"
        where = f"{tag} #{index} (DATAID {dataid})"
        raise ImportFailed(collector.file, "no REFERENCE_NUMBER", where)
    where = f"{tag} {reference}"
    is_person = schema is EntrySchema.PERSON
    names = _primary_names(record, is_person)
    alias_dates: list[BirthDate] = []
    alias_places: list[Place] = []
    for alias in record.findall(f"{tag}_ALIAS"):
        names.extend(_alias_names(alias, is_person))
        alias_dates.extend(_alias_birth_dates(alias, collector.file, where))
        place = _alias_birth_place(alias)
        if place is not None:
            alias_places.append(place)
    dates, unparsed_dates = birth_dates(
        record.findall("INDIVIDUAL_DATE_OF_BIRTH"), collector.file, where
    )
    docs, loose_docs = documents(record.findall("INDIVIDUAL_DOCUMENT"))
    nationalities = _values(record, "NATIONALITY")
    codes = [country_code(n) for n in nationalities]
    unknown = [n for n, code in zip(nationalities, codes, strict=True) if code is None]
    titles, designations = unique(_values(record, "TITLE")), unique(_values(record, "DESIGNATION"))
    remarks = [f"Title: {'; '.join(titles)}" if titles else ""]
    remarks += [f"Designation: {'; '.join(designations)}" if designations else ""]
    remarks += [_text(record, "COMMENTS1")]
    remarks += [f"Nationality (not a recognised country): {n}" for n in unknown]
    remarks += [f"Date of birth as stated: {text}" for text in unparsed_dates]
    remarks += [f"Document: {text}" for text in loose_docs]
    remarks += [f"Address: {a}" for a in _addresses(record, f"{tag}_ADDRESS")]
    collector.add(
        where,
        id=f"{SOURCE}:{reference}",
        schema=schema,
        agency=AGENCY,
        source=SOURCE,
        source_version=version,
        names=unique_names(names),
        birth_dates=unique_dates([*dates, *alias_dates]),
        birth_places=unique([*_birth_places(record), *alias_places]),
        nationalities=unique(c for c in codes if c),
        gender=_GENDERS.get(_text(record, "GENDER").casefold()),
        documents=unique(docs),
        programs=unique(p for p in [_text(record, "UN_LIST_TYPE")] if p),
        listed_on=_text(record, "LISTED_ON")[:10] or None,
        remarks="\n".join(r for r in remarks if r) or None,
    )


def _primary_names(record: Element, is_person: bool) -> list[Name]:
    names: list[Name] = []
    if is_person:
        parts = tuple(
            NamePart(kind=kind, value=value)
            for tag, kind in _NAME_PARTS
            if (value := _text(record, tag))
        )
        if parts:
            names.append(make_name(" ".join(p.value for p in parts), NameKind.PRIMARY, parts=parts))
    else:
        # A few entity names hold two names: "A (ACRONYM) ; B (ACRONYM)".
        for index, found in enumerate(
            split_name_field(_text(record, "FIRST_NAME"), is_person=False)
        ):
            kind = NameKind.PRIMARY if index == 0 else NameKind.ALIAS
            names.append(make_name(found.full, kind, note=found.note))
    original = _text(record, "NAME_ORIGINAL_SCRIPT")
    if original:
        names.append(make_name(original, NameKind.ORIGINAL_SCRIPT))
    return names


def _alias_names(alias: Element, is_person: bool) -> list[Name]:
    quality = _text(alias, "QUALITY")
    # Persons' QUALITY is Good/Low; entities' holds the alias type (a.k.a., f.k.a.), not a
    # quality, so those stay full aliases.
    kind = _QUALITY_KIND.get(quality.casefold(), NameKind.ALIAS)
    note = _text(alias, "NOTE")
    names: list[Name] = []
    for found in split_name_field(_text(alias, "ALIAS_NAME"), is_person=is_person):
        own_note = "; ".join(n for n in (found.note, note) if n)
        name = make_name(found.full, kind, quality=quality, note=own_note)
        names.append(name)
        for extra in names_in_note(note, name.script):
            names.append(make_name(extra, kind, quality=quality, note=note))
    return names


def _alias_birth_dates(alias: Element, file: str, where: str) -> list[BirthDate]:
    text = _text(alias, "DATE_OF_BIRTH")
    if not text:
        return []
    try:
        found = BirthDate.parse(text)
    except ValueError as exc:
        raise ImportFailed(file, f"alias DATE_OF_BIRTH {text!r}: {exc}", where) from exc
    note = f"given for alias {_text(alias, 'ALIAS_NAME')}"
    return [found.model_copy(update={"note": note})]


def _alias_birth_place(alias: Element) -> Place | None:
    city, country = _text(alias, "CITY_OF_BIRTH"), _text(alias, "COUNTRY_OF_BIRTH")
    text = ", ".join(p for p in (city, country) if p)
    return Place(text=text, country=country_code(country)) if text else None


def _birth_places(record: Element) -> list[Place]:
    places: list[Place] = []
    for element in record.findall("INDIVIDUAL_PLACE_OF_BIRTH"):
        parts = [_text(element, t) for t in ("STREET", "CITY", "STATE_PROVINCE", "COUNTRY")]
        text = ", ".join(p for p in parts if p)
        note = _text(element, "NOTE")
        if text or note:
            full = f"{text} ({note})" if text and note else text or note
            places.append(Place(text=full, country=country_code(_text(element, "COUNTRY"))))
    return places


def _addresses(record: Element, tag: str) -> list[str]:
    found: list[str] = []
    for element in record.findall(tag):
        parts = [_text(element, t) for t in ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE")]
        parts.append(_text(element, "COUNTRY"))
        text = ", ".join(p for p in parts if p)
        note = _text(element, "NOTE")
        if text:
            found.append(f"{text} ({note})" if note else text)
    return found
