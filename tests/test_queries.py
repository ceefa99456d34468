"""Queries from yente-style JSON and plain values, with their limits (hajiz/queries.py)."""

from __future__ import annotations

from typing import Any

import pytest

from hajiz.errors import InvalidInput
from hajiz.model import BirthDate, Document, Gender
from hajiz.queries import (
    MAX_NAMES,
    MAX_VALUES,
    build_query,
    check_name,
    parse_document,
    parse_gender,
    query_from_ftm,
)


def test_a_yente_style_person_becomes_a_query() -> None:
    query = query_from_ftm(
        {
            "id": "q1",
            "schema": "Person",
            "properties": {
                "name": ["Abu Bakr al-Baghdadi", "أبو بكر البغدادي"],
                "birthDate": ["1971-07-28"],
                "nationality": ["Iraq", "sy"],
                "gender": ["male"],
                "passportNumber": ["A1234567"],
                "idNumber": ["0134852"],
            },
        }
    )
    assert query.id == "q1"
    assert query.names == ("Abu Bakr al-Baghdadi", "أبو بكر البغدادي")
    assert query.birth_dates == (BirthDate.parse("1971-07-28"),)
    assert query.nationalities == ("IQ", "SY")
    assert query.gender is Gender.MALE
    assert query.documents == (
        Document(type="passport", number="A1234567"),
        Document(type="id", number="0134852"),
    )


def test_first_and_last_name_are_joined_into_a_full_name() -> None:
    query = query_from_ftm({"properties": {"firstName": ["Ibrahim"], "lastName": ["al-Badri"]}})
    assert query.names == ("Ibrahim al-Badri",)
    middle = query_from_ftm(
        {
            "properties": {
                "firstName": ["Ibrahim"],
                "fatherName": ["Awwad"],
                "lastName": ["al-Badri"],
                "name": ["Abu Dua"],
            }
        }
    )
    assert middle.names == ("Abu Dua", "Ibrahim Awwad al-Badri")


def test_duplicate_names_are_kept_once_and_a_lone_string_is_a_list() -> None:
    query = query_from_ftm({"properties": {"name": "Abu Dua", "alias": ["Abu Dua", "Abu Duaa"]}})
    assert query.names == ("Abu Dua", "Abu Duaa")


def test_citizenship_counts_as_nationality_and_unknown_countries_are_dropped() -> None:
    query = query_from_ftm(
        {"properties": {"name": ["Ali"], "nationality": ["Atlantis"], "citizenship": ["Iraq"]}}
    )
    assert query.nationalities == ("IQ",)


def test_a_numeric_id_is_read_as_text() -> None:
    assert query_from_ftm({"id": 42, "properties": {"name": ["Ali"]}}).id == "42"


def test_names_are_cleaned() -> None:
    query = query_from_ftm({"properties": {"name": ["  \u200bAli\u200f Hassan  "]}})
    assert query.names == ("Ali Hassan",)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"properties": {"name": [f"Name Number {i}" for i in range(MAX_NAMES + 1)]}}, "limit"),
        ({"properties": {"name": ["A" * 501]}}, "501 characters long; the limit is 500"),
        ({"properties": {"name": ["Ali\x00Hassan"]}}, "NUL"),
        ({"properties": {"name": ["1971 - 07"]}}, "no letters"),
        ({"properties": {"name": [""]}}, "no letters"),
        ({"properties": {}}, "at least one name"),
        ({"properties": {"name": [1, 2]}}, "'name' must be a list of strings"),
        ({"properties": {"name": {"first": "Ali"}}}, "'name' must be a list of strings"),
        ({"properties": {"name": ["Ali"], "birthDate": [1971]}}, "'birthDate'"),
        ({"properties": []}, "'properties' must be an object"),
        ({"id": ["q1"], "properties": {"name": ["Ali"]}}, "'id' must be a string"),
        ([{"name": "Ali"}], "must be a JSON object"),
        ("Ali", "must be a JSON object"),
        (None, "must be a JSON object"),
        ({"properties": {"name": ["Ali"], "birthDate": ["yesterday"]}}, "'yesterday'"),
        (
            {"properties": {"name": ["Ali"], "birthDate": ["1970"] * (MAX_VALUES + 1)}},
            f"{MAX_VALUES + 1} birth dates; the limit is {MAX_VALUES}",
        ),
        (
            {"properties": {"name": ["Ali"], "nationality": ["IQ"] * (MAX_VALUES + 1)}},
            "nationalities; the limit",
        ),
    ],
)
def test_bad_queries_are_refused_with_a_clear_message(data: Any, words: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        query_from_ftm(data)
    assert words in raised.value.detail
    assert raised.value.status == 400


def test_the_name_limit_is_a_setting() -> None:
    long_name = "Ali " * 150
    assert query_from_ftm({"properties": {"name": [long_name]}}, max_name_length=1000).names
    with pytest.raises(InvalidInput, match="the limit is 100"):
        query_from_ftm({"properties": {"name": [long_name]}}, max_name_length=100)


def test_a_refused_name_is_quoted_short() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_name("-" * 400, 500)
    assert len(raised.value.detail) < 100


def test_an_impossible_birth_date_gets_a_one_line_message() -> None:
    with pytest.raises(InvalidInput) as raised:
        query_from_ftm({"properties": {"name": ["Ali"], "birthDate": ["1971-13"]}})
    assert "'1971-13'" in raised.value.detail
    assert "\n" not in raised.value.detail


def test_check_name_refuses_non_strings() -> None:
    with pytest.raises(InvalidInput, match="must be a string, not int"):
        check_name(42, 500)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "gender"),
    [
        ("male", Gender.MALE),
        ("M", Gender.MALE),
        (" Female ", Gender.FEMALE),
        ("f", Gender.FEMALE),
        ("other", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_gender(value: str | None, gender: Gender | None) -> None:
    assert parse_gender(value) is gender


def test_parse_document() -> None:
    assert parse_document("passport:A1234567:Iraq") == Document(
        type="passport", number="A1234567", country="IQ"
    )
    assert parse_document("passport:A1234567") == Document(type="passport", number="A1234567")
    assert parse_document("A1234567") == Document(type="document", number="A1234567")
    for bad in ("passport:", "a:b:c:d"):
        with pytest.raises(InvalidInput, match="TYPE:NUMBER"):
            parse_document(bad)


def test_build_query_from_plain_values() -> None:
    query = build_query(
        ["Ibrahim al-Badri"],
        query_id="cli",
        birth_dates=["1971", ""],
        nationalities=["Iraq"],
        gender="male",
        documents=["passport:A1234567:IQ"],
    )
    assert query.id == "cli"
    assert query.birth_dates == (BirthDate.parse("1971"),)
    assert query.nationalities == ("IQ",)
    assert query.documents[0].country == "IQ"
    with pytest.raises(InvalidInput, match="at least one name"):
        build_query([])
