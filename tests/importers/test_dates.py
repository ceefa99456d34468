from __future__ import annotations

import pytest

from hajiz.importers.dates import month_number, parse_iso_prefix, parse_text_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07 Oct 1984", "1984-10-07"),
        ("Oct 1984", "1984-10"),
        ("Nov. 1973", "1973-11"),
        ("August 1961", "1961-08"),
        ("1971", "1971"),
        ("1 Jan. 1953", "1953-01-01"),
    ],
)
def test_parse_text_date_keeps_the_stated_precision(text, expected):
    assert str(parse_text_date(text)) == expected


@pytest.mark.parametrize(
    "text", ["30-35 years old", "24/06/1402 (Hijri Calendar)", "07 1984", "Foo 1984"]
)
def test_parse_text_date_returns_none_for_other_forms(text):
    assert parse_text_date(text) is None


def test_parse_text_date_rejects_impossible_dates():
    with pytest.raises(ValueError):
        parse_text_date("31 Feb 1970")


def test_month_number():
    assert (month_number("Sep."), month_number("sept"), month_number("Foo")) == (9, 9, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1971", "1971"), ("1971-10", "1971-10"), ("2011-10-05T00:00:00Z", "2011-10-05")],
)
def test_parse_iso_prefix(text, expected):
    assert str(parse_iso_prefix(text)) == expected


@pytest.mark.parametrize("text", ["71", "1971/10/05", "1971-13", "1971-02-30", ""])
def test_parse_iso_prefix_rejects(text):
    with pytest.raises(ValueError):
        parse_iso_prefix(text)
