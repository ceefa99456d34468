from __future__ import annotations

import pytest

from hajiz.errors import ConfigError
from hajiz.importers.agency_csv import COLUMNS, parse_agency_csv
from hajiz.model import DateKind, Document, Gender, NameKind, Place, Script

from .conftest import AGENCY_SMALL, FIXTURES


@pytest.fixture(scope="module")
def parsed():
    return parse_agency_csv(AGENCY_SMALL, "BORDER-X")


def test_ids_and_source(parsed):
    assert [e.id for e in parsed.entries] == ["BORDER-X:W-001", "BORDER-X:W-002", "BORDER-X:W-003"]
    assert (parsed.source, parsed.source_version, parsed.warnings) == ("agency:BORDER-X", None, [])
    assert {e.agency for e in parsed.entries} == {"BORDER-X"}


def test_a_full_row(parsed):
    entry = parsed.entries[0]
    assert [(n.full, n.kind, n.script) for n in entry.names] == [
        ("Ibrahim Awwad Ibrahim al-Badri", NameKind.PRIMARY, Script.LATIN),
        ("إبراهيم عواد البدري", NameKind.ALIAS, Script.ARABIC),
        ("Ibrahim al-Samarrai", NameKind.ALIAS, Script.LATIN),
        ("Abu Du'a", NameKind.WEAK_ALIAS, Script.LATIN),
        ("Dr. Ibrahim", NameKind.WEAK_ALIAS, Script.LATIN),
    ]
    assert [(str(d), d.kind) for d in entry.birth_dates] == [
        ("1971", DateKind.EXACT),
        ("~1972", DateKind.APPROXIMATE),
    ]
    assert entry.birth_places == (Place(text="Samarra, Iraq", country="IQ"),)
    assert entry.nationalities == ("IQ",)
    assert entry.gender is Gender.MALE
    assert entry.documents == (
        Document(type="PASSPORT", number="A1234567", country="IQ"),
        Document(type="NATIONAL_ID", number="0134852"),
    )
    assert entry.programs == ("terrorism",)
    assert (entry.listing_reason, entry.listed_on, entry.remarks) == (
        "Leader of an armed group",
        "2011-10-05",
        "Believed dead",
    )
    assert entry.releasable_to == ("BORDER", "CUSTOMS")


def test_sparse_rows(parsed):
    chouka, fatima = parsed.entries[1], parsed.entries[2]
    assert chouka.nationalities == ("DE", "MA")  # names or codes both work
    assert chouka.gender is Gender.MALE  # "m"
    assert chouka.releasable_to is None and chouka.listing_reason is None
    assert fatima.primary_name == "Fatima Hassan, née Ali"
    assert [(str(d), d.kind) for d in fatima.birth_dates] == [("1960..1962", DateKind.BETWEEN)]


def test_only_id_and_name_are_required(tmp_path):
    path = tmp_path / "min.csv"
    path.write_text("name,id\nAhmad Khan,7\n", encoding="utf-8")
    (entry,) = parse_agency_csv(path, "A1").entries
    assert (entry.id, entry.primary_name) == ("A1:7", "Ahmad Khan")


@pytest.mark.parametrize("agency", ["", "has space", "a:b", "x" * 41])
def test_unusable_agency_is_a_config_error(agency):
    with pytest.raises(ConfigError, match="Agency"):
        parse_agency_csv(AGENCY_SMALL, agency)


def test_docs_describe_every_column():
    doc = (FIXTURES.parent.parent / "docs" / "agency-csv.md").read_text(encoding="utf-8")
    assert all(f"`{column}`" in doc for column in COLUMNS)
