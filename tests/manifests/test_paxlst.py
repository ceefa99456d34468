"""Reading PAXLST messages: the flight, each traveller, documents, crew, and unreadable segments."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hajiz.manifests import parse_paxlst, plan_manifest, read_manifest
from hajiz.model import Gender
from tests.manifests.flight import PAXLST, build_flight

TODAY = date(2025, 3, 1)


@pytest.fixture(scope="module")
def small():
    return read_manifest(PAXLST / "small.edi", today=TODAY)


def test_the_envelope_and_the_flight_are_read(small):
    assert (small.reference, small.sender, small.recipient) == (
        "000000042", "XYAIRLINE", "BORDERAGENCY",
    )  # fmt: skip
    assert small.prepared_at == datetime(2025, 3, 1, 8, 0)
    assert small.syntax == "UNOA:4" and small.document == "745"
    assert small.flight.number == "XY123" and small.flight.carrier == "XY"
    assert small.flight.departure.airport == "CAI"
    assert small.flight.departure.at == datetime(2025, 3, 1, 9, 30)
    assert small.flight.arrival.airport == "FRA"
    assert small.warnings == ()


def test_each_traveller_is_read_with_name_gender_birth_date_nationality(small):
    first = small.travellers[0]
    assert (first.number, first.role, first.party) == (1, "passenger", "FL")
    assert (first.surname, first.given_names) == ("CHOUKA", "MONIR")
    assert first.gender is Gender.MALE
    assert first.birth_date == date(1981, 7, 30)
    # ICAO 9303 writes Germany as D.
    assert first.nationalities == ("DE",)
    assert (first.embarkation, first.debarkation, first.reservation) == ("CAI", "FRA", "QX7K2L")
    assert first.segment == 13 and first.message == "PAX001"


def test_a_ccyymmdd_birth_date_and_a_birth_place_are_read(small):
    baghdadi = small.travellers[1]
    assert baghdadi.birth_date == date(1971, 1, 1)
    assert (baghdadi.birth_country, baghdadi.birth_place) == ("IQ", "SAMARRA")


def test_several_documents_keep_their_own_expiry_and_issuer(small):
    passport, card = small.travellers[1].documents
    assert (passport.code, passport.label, passport.number) == ("P", "passport", "A4417390")
    assert passport.expiry == date(2028, 6, 30) and passport.issuing_country == "IQ"
    assert (card.code, card.label, card.number) == ("I", "national identity card", "0134852")
    assert card.expiry is None and card.issuing_code == "IRQ"


def test_crew_are_read_as_crew(small):
    crew = [t for t in small.travellers if t.role == "crew"]
    assert [t.name for t in crew] == ["SMITH, JANE"]
    assert [d.code for d in crew[0].documents] == ["AC", "P"]
    assert small.passengers == 5 and small.crew == 1


def test_released_characters_come_back_as_written(small):
    names = [t.name for t in small.travellers]
    assert "O'BRIEN, SEAN" in names
    assert "DUPONT+MARTIN, ANNE:MARIE" in names
    assert small.travellers[4].reservation == "AB?12"


def test_an_icao_9303_arabic_name_is_screened_in_arabic_script_too(small):
    planned = plan_manifest(small)
    assert planned[3].query.names == ("MXSSXTTFXAY XHJY MXHMD XKHAN", "مصطفى حجي محمد خان")
    # An ordinary Latin name gets no Arabic reading.
    assert planned[0].query.names == ("MONIR CHOUKA",)


def test_queries_carry_every_fact_read(small):
    query = plan_manifest(small)[1].query
    assert query.id == "000000042-2"
    assert query.names == ("IBRAHIM AWWAD IBRAHIM AL-BADRI AL-SAMARRAI",)
    assert [str(d) for d in query.birth_dates] == ["1971-01-01"]
    assert query.nationalities == ("IQ",) and query.birth_country == "IQ"
    assert query.gender is Gender.MALE
    assert [(d.type, d.number, d.country) for d in query.documents] == [
        ("passport", "A4417390", "IQ"),
        ("national identity card", "0134852", "IQ"),
    ]


def test_custom_separators_on_one_line():
    manifest = read_manifest(PAXLST / "custom_separators.edi", today=TODAY)
    assert manifest.flight.number == "ZZ9"
    first, second, third = manifest.travellers
    assert (first.surname, first.given_names) == ("AL|HASSAN", "LAYLA UMM~KULTHUM")
    assert first.documents[0].number == "N*123!45"
    # YYMMDD birth dates take the century that keeps them in the past.
    assert second.birth_date == date(1945, 6, 7)
    assert third.birth_date == date(1999, 12, 31)
    # A stateless person's XXA names no country: left out, with a note.
    assert third.nationalities == () and "XXA" in third.notes[0]
    assert third.gender is None  # X: unspecified


def test_malformed_segments_are_errors_of_their_traveller_only():
    manifest = read_manifest(PAXLST / "malformed.edi", today=TODAY)
    planned = plan_manifest(manifest)
    errors = {p.traveller.number: p.error for p in planned if p.error}
    assert sorted(errors) == [2, 3, 4, 5]
    assert errors[2] == (
        "traveller 2 (MANSOUR, KARIM): DTM at segment 18: birth date '711328' is not a real "
        "date (YYMMDD: month must be in 1..12)"
    )
    assert errors[3] == "traveller 3: NAD at segment 20: no name (element 4, party name, is empty)"
    assert "ATT at segment 24: gender 'Q' is not M, F, U or X" in errors[4]
    assert "XYZ at segment 25: unknown segment 'XYZ'" in errors[4]
    assert errors[5] == "traveller 5 (KHALIL, NADIA): DOC at segment 29: document P has no number"
    screened = [p.traveller.name for p in planned if p.query is not None]
    assert screened == ["HADDAD, OMAR", "CHOUKA, MONIR"]


@pytest.mark.parametrize(
    ("segment", "problem"),
    [
        ("DTM+329:991301", "not a real date"),
        ("DTM+329:20300101:102", "is in the future"),
        ("DTM+329:19800101:101", "does not fit format 101"),
        ("DTM+329:ABCDEF", "digits only"),
        ("DTM+36:300101", "expiry date (DTM+36) with no DOC"),
        ("LOC+91+FRA", "issuing country (LOC+91) with no DOC"),
        ("NAT+2", "no nationality code"),
        ("TDT+20+XY9", "message header segment inside a traveller"),
        ("Nad+FL", "'Nad' is not a segment tag"),
        ("NAT+2+FR\u202eA", "invisible or control character (U+202E)"),
    ],
)
def test_each_kind_of_unreadable_segment_names_itself(segment, problem):
    text = (
        "UNB+UNOA:4+A+B+250301:0800+R'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'TDT+20+XY1'"
        f"NAD+FL+++LEE:ANNA'{segment}'NAD+FL+++KIM:JO'UNT+7+1'UNZ+1+R'"
    )
    first, second = parse_paxlst(text, today=date(2025, 3, 1)).travellers
    assert len(first.problems) == 1 and problem in first.problems[0]
    assert first.problems[0].startswith(f"{segment[:3]} at segment 6: ")
    assert second.problems == ()


def test_an_unknown_party_after_the_flight_is_a_traveller_with_an_error():
    text = (
        "UNB+UNOA:4+A+B+250301:0800+R'UNH+1+PAXLST:D:05B:UN:IATA'TDT+20+XY1'"
        "NAD+ZZ+++LEE:ANNA'DTM+329:800101'UNT+5+1'UNZ+1+R'"
    )
    (traveller,) = parse_paxlst(text).travellers
    assert traveller.role == "unknown" and traveller.birth_date == date(1980, 1, 1)
    assert "party 'ZZ' is not a traveller" in traveller.error


def test_a_count_that_disagrees_is_a_warning():
    text = (
        "UNB+UNOA:4+A+B+250301:0800+R'UNH+1+PAXLST:D:05B:UN:IATA'TDT+20+XY1'"
        "NAD+FL+++LEE:ANNA'CNT+42:2'UNT+5+1'UNZ+1+R'"
    )
    assert parse_paxlst(text).warnings == ("CNT states 2 travellers, but the manifest holds 1",)


def test_the_300_passenger_flight_in_two_messages():
    flight = build_flight()
    manifest = parse_paxlst(flight.text)
    assert len(manifest.travellers) == 300 and manifest.messages == ("PAX001", "PAX002")
    assert [t.number for t in manifest.travellers] == list(range(1, 301))
    assert manifest.warnings == ()
    assert manifest.crew == 6
    assert all(t.documents and not t.problems for t in manifest.travellers)
