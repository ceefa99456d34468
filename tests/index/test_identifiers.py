"""Document numbers and birth years kept beside the names (index/identifiers.py)."""

from __future__ import annotations

import numpy as np

from hajiz.index.identifiers import (
    Identifiers,
    fewest_parts,
    full_day,
    listed_names,
    lookup_number,
)
from hajiz.matching.subjects import prepare_entry
from hajiz.model import BirthDate, DateKind, Document, Entry, Name, NameKind, PartialDate
from hajiz.names.analysis import analyse


def passport(number: str) -> Document:
    return Document(type="passport", number=number, country="IQ")


def years(*texts: str) -> tuple[BirthDate, ...]:
    return tuple(BirthDate.parse(t) for t in texts)


def test_numbers_are_looked_up_as_the_document_feature_compares_them() -> None:
    assert lookup_number("a12-345 67") == "A1234567"
    assert lookup_number("0012 3456") == "123456"  # leading zeros are a typing habit


def test_entries_are_found_by_any_number_they_list() -> None:
    ids = Identifiers()
    ids.add(0, [passport("A1234567"), passport("B7654321")], ())
    ids.add(1, [passport("a1234567")], ())
    ids.add(2, [], ())
    assert ids.slots_listing([passport("A 123 4567")]) == [0, 1]
    assert ids.slots_listing([passport("B7654321"), passport("A1234567")]) == [0, 1]
    assert ids.slots_listing([passport("C9999999")]) == []


def test_a_short_number_is_not_looked_up_alone() -> None:
    ids = Identifiers()
    ids.add(0, [passport("0001234")], ())  # 1234 once the zeros are gone
    assert ids.slots_listing([passport("1234")]) == []


def test_born_near_allows_a_year_either_way_and_needs_a_known_year() -> None:
    ids = Identifiers()
    ids.add(0, [], years("1971-07-28"))
    ids.add(1, [], years("1969"))
    ids.add(2, [], ())
    ids.add(3, [], years("1960..1965", "1990"))  # several dates: the years they span
    slots = np.arange(4)
    assert ids.born_near(slots, (1970, 1970)).tolist() == [True, True, False, True]
    assert ids.born_near(slots, (1972, 1972)).tolist() == [True, False, False, True]
    assert ids.born_near(slots, (1967, 1967)).tolist() == [False, False, False, True]
    assert ids.born_near(slots, (1950, 1955)).tolist() == [False, False, False, False]


def test_born_on_finds_the_entries_giving_that_full_date() -> None:
    ids = Identifiers()
    ids.add(0, [], years("1971-07-28"))
    ids.add(1, [], years("1971"))  # a year only: no day to look up
    ids.add(2, [], years("1969-03-01", "1971-07-28"))  # the first full date is kept
    ids.add(3, [], years("1971-01-01"))  # 1 January: an unknown day
    about = BirthDate(kind=DateKind.APPROXIMATE, date=PartialDate(year=1971, month=7, day=28))
    ids.add(4, [], (about,))
    assert ids.born_on(19710728).tolist() == [0]
    assert ids.born_on(19690301).tolist() == [2]
    assert ids.born_on(19710101).tolist() == []
    assert full_day(BirthDate.parse("1971-01-01")) == 0
    assert full_day(BirthDate.parse("1971-07-28")) == 19710728


def test_name_sizes_count_the_parts_beyond_the_traveller_s_shortest_name() -> None:
    ids = Identifiers()
    ids.add(0, [], (), fewest_parts=1)
    ids.add(1, [], (), fewest_parts=3)
    ids.add(2, [], (), fewest_parts=2)
    assert ids.longer_names(np.array([0, 1, 2]), 2).tolist() == [0, 1, 0]


def test_the_shortest_name_counts_parts_without_titles_and_weak_aliases() -> None:
    entry = Entry(
        id="t:1",
        source="test",
        agency="TEST",
        names=(
            Name(full="Haji Khairullah Barakzai"),
            Name(full="Abu Khalid", kind=NameKind.WEAK_ALIAS),
        ),
    )
    subject = prepare_entry(entry)
    assert fewest_parts(listed_names(subject)) == 2  # Haji is a title; the weak alias aside
    # A name of titles only has no parts to count.
    assert fewest_parts([analyse("Dr. Sheikh"), analyse("Ali Hassan")]) == 2
