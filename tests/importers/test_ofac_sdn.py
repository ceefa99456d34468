from __future__ import annotations

import pytest

from hajiz.importers.ofac_remarks import parse_dob, parse_document, parse_remarks, unquote_alias
from hajiz.importers.ofac_sdn import parse_ofac_sdn
from hajiz.model import DateKind, Document, EntrySchema, Gender, NameKind, NamePart, Place

from .conftest import OFAC_SMALL


@pytest.fixture(scope="module")
def parsed():
    return parse_ofac_sdn(OFAC_SMALL)


@pytest.fixture(scope="module")
def entries(parsed):
    return {entry.id: entry for entry in parsed.entries}


def test_source_ids_and_skipped_vessels(parsed, entries):
    assert (parsed.source, parsed.source_version) == ("ofac-sdn", None)
    assert "ofac-sdn:15036" not in entries  # the vessel ARTAVIL
    assert "skipped 1 vessel records" in parsed.warnings
    assert entries["ofac-sdn:306"].schema_ is EntrySchema.ORGANIZATION
    assert entries["ofac-sdn:12926"].schema_ is EntrySchema.PERSON
    assert {e.agency for e in parsed.entries} == {"OFAC"}
    assert len(parsed.entries) == 10


def test_12926_names_strong_and_weak(entries):
    entry = entries["ofac-sdn:12926"]
    primary = entry.names[0]
    assert (primary.full, primary.kind) == (
        "AL-BADRI, Dr. Ibrahim 'Awwad Ibrahim 'Ali",
        NameKind.PRIMARY,
    )
    assert primary.parts == (
        NamePart(kind="family", value="AL-BADRI"),
        NamePart(kind="given", value="Dr. Ibrahim 'Awwad Ibrahim 'Ali"),
    )
    strong = [(n.full, n.quality) for n in entry.names if n.kind is NameKind.ALIAS]
    assert strong == [
        ("AL-SAMARRA'I, Ibrahim 'Awad Ibrahim al-Badri", "strong"),
        ("AL-SAMARRA'I, Ibrahim Awwad Ibrahim", "strong"),
        ("AL-SAMARRA'I, Dr. Ibrahim Awwad Ibrahim", "strong"),
        ("AL-QURASHI, Abu Bakr al-Baghdadi al-Husseini", "strong"),
        ("AL-QURAISHI, Abu Bakr al-Baghdadi al-Husayni", "strong"),
        ("AL-BAGHDADI, Abu Bakr al-Husayni", "strong"),
    ]
    weak = [(n.full, n.quality) for n in entry.names if n.kind is NameKind.WEAK_ALIAS]
    assert weak == [("ABU DU'A", "weak"), ("DR. IBRAHIM", "weak"), ("ABU BAKR AL-BAGHDADI", "weak")]


def test_12926_facts(entries):
    entry = entries["ofac-sdn:12926"]
    assert [str(d) for d in entry.birth_dates] == ["1971"]
    assert entry.birth_places == (Place(text="Samarra'i, Iraq", country="IQ"),)
    assert entry.nationalities == ()  # add.csv's country is an address, not a nationality
    assert entry.programs == ("SDGT",)
    assert entry.remarks is not None and entry.remarks.endswith("\nAddress: Iraq")


def test_46249_facts(entries):
    entry = entries["ofac-sdn:46249"]
    assert [str(d) for d in entry.birth_dates] == ["1984-10-07"]
    assert entry.birth_places == (Place(text="Yuksekova, Turkey", country="TR"),)
    assert entry.nationalities == ("TR",)
    assert entry.gender is Gender.MALE
    assert entry.documents == (
        Document(type="Passport", number="U01292672", country="TR", note="expires 01 Feb 2021"),
    )
    assert entry.programs == ("IRAN-HR",)


def test_date_forms(entries):
    def dates(ent_num):
        return [(str(d), d.kind, d.note) for d in entries[f"ofac-sdn:{ent_num}"].birth_dates]

    assert dates(7929) == [("~1966-07-07", DateKind.APPROXIMATE, None)]
    assert dates(11748) == [
        ("1979..1982", DateKind.BETWEEN, "circa"),
        ("1982", DateKind.EXACT, None),
    ]
    assert dates(15962) == [("1961-01-01..1962-12-31", DateKind.BETWEEN, None)]
    assert dates(23470) == [("1962-03..1963-02", DateKind.BETWEEN, None)]
    assert [d for d, _, _ in dates(6925)] == [
        "1974-03-14",
        "1974-04-13",
        "1974-04-14",
        "1970-08-01",
    ]


def test_doubled_quotes_in_weak_aliases(entries):
    weak_6925 = [n.full for n in entries["ofac-sdn:6925"].names if n.kind is NameKind.WEAK_ALIAS]
    assert weak_6925[-3:] == ["FOOPIE", "FUPI", "AHMED THE TANZANIAN"]
    weak_16499 = [n.full for n in entries["ofac-sdn:16499"].names if n.kind is NameKind.WEAK_ALIAS]
    assert weak_16499 == ["ABU AL-WAFA'", "ABU ANAS"]


def test_entity_aliases_and_addresses(entries):
    bank = entries["ofac-sdn:306"]
    assert [(n.full, n.kind) for n in bank.names] == [
        ("BANCO NACIONAL DE CUBA", NameKind.PRIMARY),
        ("NATIONAL BANK OF CUBA", NameKind.ALIAS),
        ("BNC", NameKind.WEAK_ALIAS),
    ]
    assert bank.names[0].parts == ()  # organisation names are not split into family/given
    assert (
        bank.remarks is not None
        and "Address: Zweierstrasse 35, Zurich CH-8022, Switzerland" in bank.remarks
    )


def test_remarks_cut_off_inside_an_alias_is_a_warning(parsed, entries):
    assert "ofac-sdn:28263: a.k.a. 'snowsjo is cut off; not imported" in parsed.warnings
    weak = [n.full for n in entries["ofac-sdn:28263"].names if n.kind is NameKind.WEAK_ALIAS]
    assert weak == ["tianyinyin0404"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'ABU DU''A'", "ABU DU'A"),
        ("ABU DU''A", "ABU DU'A"),
        ("'FOOPIE'", "FOOPIE"),
        ("ABU AL-WAFA'", "ABU AL-WAFA'"),
    ],
)
def test_unquote_alias(text, expected):
    assert unquote_alias(text) == expected


def test_doubled_quote_escape_inside_remarks():
    found = parse_remarks("DOB 1971; a.k.a. 'ABU DU''A'; a.k.a. 'DR. IBRAHIM'.", is_person=True)
    assert found.weak_aliases == [("a.k.a.", "ABU DU'A"), ("a.k.a.", "DR. IBRAHIM")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1971", ("1971", DateKind.EXACT)),
        ("Oct 1984", ("1984-10", DateKind.EXACT)),
        ("circa 1970", ("~1970", DateKind.APPROXIMATE)),
        ("1960 to 1962", ("1960..1962", DateKind.BETWEEN)),
        ("not a date", None),
        ("31 Feb 1970", None),
    ],
)
def test_parse_dob(text, expected):
    found = parse_dob(text)
    assert (None if found is None else (str(found), found.kind)) == expected


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        (
            "National ID No. 1027508157 (Saudi Arabia)",
            Document(type="National ID No.", number="1027508157", country="SA"),
        ),
        (
            "Identification Number AO 2879097 (Italy) expires 30 Oct 2012",
            Document(
                type="Identification Number",
                number="AO 2879097",
                country="IT",
                note="expires 30 Oct 2012",
            ),
        ),
        (
            "Passport D000000483, Diplomatic (Syria)",
            Document(type="Passport", number="D000000483", country="SY", note="Diplomatic"),
        ),
        ("D.N.I. 44.129.178", Document(type="D.N.I.", number="44.129.178")),
        ("U.S.A. Passport issued 21 Jun 1992 in Amman, Jordan", None),
        ("Digital Currency Address - XBT 1Kuf2Rd8", None),
        ("Email Address jalili@sharif.edu", None),
    ],
)
def test_parse_document(statement, expected):
    assert parse_document(statement) == expected
