from __future__ import annotations

import pytest

from hajiz.importers.ftm import parse_ftm, source_for
from hajiz.model import DateKind, Document, EntrySchema, Gender, NameKind, NamePart, Place, Script

from .conftest import FTM_SMALL


@pytest.fixture(scope="module")
def parsed():
    return parse_ftm(FTM_SMALL)


@pytest.fixture(scope="module")
def entries(parsed):
    return {entry.id: entry for entry in parsed.entries}


def test_ids_kept_schemas_mapped_and_others_skipped(parsed, entries):
    assert sorted(entries) == [
        "os-company-1",
        "os-ibrahim-al-badri",
        "os-monir-chouka",
        "os-nusrah",
    ]
    assert entries["os-nusrah"].schema_ is EntrySchema.ORGANIZATION
    assert entries["os-company-1"].schema_ is EntrySchema.ORGANIZATION
    assert parsed.warnings == [
        "skipped 1 Address entities",
        "skipped 1 Person (not a target) entities",
    ]
    assert (parsed.source, parsed.source_version) == ("ftm", "2025-03-11T10:00:00")
    assert {(e.agency, e.source) for e in parsed.entries} == {("FTM", "ftm")}


def test_person_names(entries):
    entry = entries["os-ibrahim-al-badri"]
    assert [(n.full, n.kind, n.script) for n in entry.names] == [
        ("Ibrahim Awwad Ibrahim Ali al-Badri al-Samarrai", NameKind.PRIMARY, Script.LATIN),
        ("إبراهيم عواد إبراهيم علي البدري السامرائي", NameKind.ORIGINAL_SCRIPT, Script.ARABIC),
        ("Abu Bakr al-Baghdadi al-Husayni al-Quraishi", NameKind.ALIAS, Script.LATIN),
        ("Abu Du'a", NameKind.WEAK_ALIAS, Script.LATIN),
        ("Dr. Ibrahim", NameKind.WEAK_ALIAS, Script.LATIN),
    ]
    assert entry.names[0].parts == (
        NamePart(kind="given", value="Ibrahim"),
        NamePart(kind="patronymic", value="Awwad"),
        NamePart(kind="family", value="al-Samarrai"),
    )


def test_person_facts_with_sanction_and_passport_entities(entries):
    entry = entries["os-ibrahim-al-badri"]
    assert [(str(d), d.kind) for d in entry.birth_dates] == [("1971", DateKind.EXACT)]
    assert entry.birth_places == (Place(text="Samarra, Iraq", country="IQ"),)
    assert entry.nationalities == ("IQ",)  # "suhh" (Soviet Union) is no ISO alpha-2 country
    assert entry.gender is Gender.MALE
    assert entry.documents == (
        Document(type="Passport", number="P998877", country="IQ"),
        Document(type="Passport", number="A1234567"),
        Document(type="ID number", number="0134852"),
    )
    assert entry.programs == ("SDGT", "UN 1267 Al-Qaida")
    assert entry.listing_reason == "Leader of Al-Qaida in Iraq."
    assert entry.listed_on == "2011-10-05"
    assert entry.remarks is not None and "Nationality (not recognised): suhh" in entry.remarks


def test_name_built_from_parts_when_no_name_is_given(entries):
    entry = entries["os-monir-chouka"]
    assert entry.primary_name == "Monir Chouka"
    assert [str(d) for d in entry.birth_dates] == ["1981-07-30"]
    assert entry.birth_places == (Place(text="Bonn"), Place(text="DE", country="DE"))
    assert entry.nationalities == ("DE", "MA")


def test_organization_previous_name_is_an_alias_with_a_note(entries):
    entry = entries["os-nusrah"]
    previous = next(n for n in entry.names if n.full == "Jabhat Fath al-Sham")
    assert (previous.kind, previous.note) == (NameKind.ALIAS, "previous name")
    assert ("جبهة النصرة", Script.ARABIC) in [(n.full, n.script) for n in entry.names]


def test_agency_names_the_source(tmp_path):
    parsed = parse_ftm(FTM_SMALL, agency="OpenSanctions")
    assert parsed.source == "ftm:OpenSanctions" == source_for("OpenSanctions")
    assert {e.agency for e in parsed.entries} == {"OpenSanctions"}
