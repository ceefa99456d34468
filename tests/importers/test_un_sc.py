from __future__ import annotations

import pytest

from hajiz.importers.un_sc import parse_un_sc
from hajiz.model import BirthDate, DateKind, Document, EntrySchema, NameKind, Place, Script

from .conftest import UN_SMALL


@pytest.fixture(scope="module")
def entries():
    parsed = parse_un_sc(UN_SMALL)
    assert parsed.source == "un-sc"
    assert parsed.source_version == "2026-02-27T00:00:09.554Z"
    return {entry.id: entry for entry in parsed.entries}


def names_of(entry, kind=None):
    return [n.full for n in entry.names if kind is None or n.kind is kind]


def test_ids_schemas_and_agency(entries):
    assert sorted(entries) == [
        "un-sc:CDe.003",
        "un-sc:CFi.009",
        "un-sc:LYi.022",
        "un-sc:QDe.137",
        "un-sc:QDi.299",
        "un-sc:QDi.300",
        "un-sc:QDi.306",
        "un-sc:QDi.363",
        "un-sc:TAi.002",
    ]
    assert entries["un-sc:QDi.299"].schema_ is EntrySchema.PERSON
    assert entries["un-sc:QDe.137"].schema_ is EntrySchema.ORGANIZATION
    assert {e.agency for e in entries.values()} == {"UN"}


def test_qdi_299_primary_name_keeps_its_parts(entries):
    primary = entries["un-sc:QDi.299"].names[0]
    assert primary.kind is NameKind.PRIMARY
    assert primary.full == "IBRAHIM AWWAD IBRAHIM ALI AL-BADRI AL-SAMARRAI"
    assert [(p.kind, p.value) for p in primary.parts] == [
        ("first", "IBRAHIM"),
        ("second", "AWWAD"),
        ("third", "IBRAHIM"),
        ("fourth", "ALI AL-BADRI AL-SAMARRAI"),
    ]


def test_qdi_299_arabic_names_are_separate_from_their_latin_forms(entries):
    entry = entries["un-sc:QDi.299"]
    arabic = [(n.full, n.kind) for n in entry.names if n.script is Script.ARABIC]
    assert arabic == [
        ("إبراهيم عواد إبراهيم علي البدري السامرائي", NameKind.ORIGINAL_SCRIPT),
        ("أبو دعاء", NameKind.WEAK_ALIAS),
        ("أبو بكر البغدادي الحسيني القريشي", NameKind.WEAK_ALIAS),
    ]
    weak = names_of(entry, NameKind.WEAK_ALIAS)
    assert weak == [
        "أبو دعاء",
        "Abu Du’a",
        "Abu Duaa’",
        "Dr. Ibrahim",
        "أبو بكر البغدادي الحسيني القريشي",
        "Abu Bakr al-Baghdadi al-Husayni al-Quraishi",
        "Abu Bakr al-Baghdadi",
    ]
    assert all(n.quality == "Low" for n in entry.names if n.kind is NameKind.WEAK_ALIAS)


def test_qdi_299_names_listed_in_an_alias_note_become_aliases_with_the_note(entries):
    entry = entries["un-sc:QDi.299"]
    good = [n for n in entry.names if n.kind is NameKind.ALIAS]
    assert [n.full for n in good] == [
        "Dr. Ibrahim ‘Awwad Ibrahim ’Ali al-Badri al-Samarrai’",
        "Ibrahim ‘Awad Ibrahim al-Badri al-Samarrai",
        "Ibrahim ‘Awad Ibrahim al-Samarra’i",
        "Dr. Ibrahim Awwad Ibrahim al-Samarra’i",
    ]
    assert {n.quality for n in good} == {"Good"}
    assert all(n.note and n.note.startswith("born in 1971 in Samarra, Iraq (") for n in good)
    abu_dua = next(n for n in entry.names if n.full == "Abu Du’a")
    assert abu_dua.note == "(Abu Du’a; Abu Duaa’) prominently known by this nom de guerre"


def test_qdi_299_facts(entries):
    entry = entries["un-sc:QDi.299"]
    assert entry.birth_dates == (BirthDate.parse("1971"),)
    assert entry.birth_places == (Place(text="Iraq", country="IQ"),)
    assert entry.nationalities == ("IQ",)
    assert entry.gender is None
    assert entry.documents == (
        Document(type="National Identification Number (Ration card number)", number="0134852"),
    )
    assert entry.programs == ("Al-Qaida",)
    assert entry.listed_on == "2011-10-05"
    assert entry.listing_reason is None
    assert entry.remarks is not None
    assert entry.remarks.startswith("Title: Dr.\nDescription: Height: 1.65 m.")
    assert "Address: Syrian Arab Republic" in entry.remarks


def test_documents_with_issuing_country_dates_and_notes(entries):
    entry = entries["un-sc:QDi.300"]
    assert entry.documents == (
        Document(
            type="Passport",
            number="5208323009",
            country="DE",
            note="issued 2007-02-02 in Stadt Bonn; expires on 1 Feb. 2012",
        ),
        Document(
            type="National Identification Number",
            number="5209530116",
            country="DE",
            note="issued 2006-06-21 in Stadt Bonn; expired on 20 Jun. 2011",
        ),
    )
    assert entry.nationalities == ("DE", "MA")
    assert entry.birth_dates == (BirthDate.parse("1981-07-30"),)
    assert entry.birth_places == (Place(text="Bonn, Germany", country="DE"),)


def test_between_dates_keep_their_range_and_note(entries):
    entry = entries["un-sc:TAi.002"]
    assert [(str(d), d.kind, d.note) for d in entry.birth_dates] == [
        ("1955..1958", DateKind.BETWEEN, "Approximately"),
        ("1945..1950", DateKind.BETWEEN, "Approximately"),
    ]
    assert entry.remarks is not None and entry.remarks.startswith("Title: Mullah; Haji\n")


def test_month_year_dates_written_in_notes_are_read_without_widening(entries):
    kony = entries["un-sc:CFi.009"]
    assert [str(d) for d in kony.birth_dates] == [
        "1959", "1960", "1961", "1963", "1964-09-18", "1965", "1961-08", "1961-07", "1961-01-01",
        "1963-04",
    ]  # fmt: skip
    assert {d.kind for d in kony.birth_dates} == {DateKind.EXACT}
    between_months = entries["un-sc:QDi.306"].birth_dates[0]
    assert (str(between_months), between_months.kind) == ("1977-08..1977-09", DateKind.BETWEEN)


def test_a_date_that_is_not_a_date_goes_to_remarks(entries):
    entry = entries["un-sc:LYi.022"]
    assert entry.birth_dates == ()
    assert entry.remarks is not None
    assert "Date of birth as stated: approximately 30-35 years old" in entry.remarks


def test_arabic_alias_with_latin_forms_in_parentheses(entries):
    entry = entries["un-sc:QDi.306"]
    assert names_of(entry, NameKind.ALIAS)[:4] == [
        "حسن غول",
        "Hassan Ghul",
        "Hassan Gul",
        "Hasan Gul",
    ]
    assert "أبو شيماء" in names_of(entry, NameKind.WEAK_ALIAS)


def test_cyrillic_original_script_in_alias_notes(entries):
    entry = entries["un-sc:QDi.363"]
    assert entry.names[1].kind is NameKind.ORIGINAL_SCRIPT
    assert entry.names[1].script is Script.CYRILLIC
    cyrillic_weak = [
        n.full for n in entry.names if n.kind is NameKind.WEAK_ALIAS and n.script is Script.CYRILLIC
    ]
    assert cyrillic_weak == ["Абу Банат", "Абу аль Банат"]


def test_entities_split_packed_names_and_keep_acronyms(entries):
    cagl = entries["un-sc:CDe.003"]
    assert names_of(cagl, NameKind.PRIMARY) == ["COMPAGNIE AERIENNE DES GRANDS LACS (CAGL)"]
    assert "GREAT LAKES BUSINESS COMPANY (GLBC)" in names_of(cagl, NameKind.ALIAS)
    nusrah = entries["un-sc:QDe.137"]
    aliases = names_of(nusrah, NameKind.ALIAS)
    assert aliases[:3] == [
        "Hay’at Tahrir al-Sham (HTS)",
        "هيئة تحرير الشام",
        "Hay’at Tahrir al-Sham",
    ]
    assert "جبهة النصرة" in aliases and "Jabhat al-Nusrah" in aliases
    assert len(aliases) == len(set(aliases))  # repeated spellings are kept once
    assert {n.quality for n in nusrah.names if n.kind is NameKind.ALIAS} == {"a.k.a."}
    assert nusrah.birth_dates == () and nusrah.documents == ()
