import re

import pytest

from hajiz.matching.features import dates
from hajiz.matching.features.dates import birth_date_agreement
from hajiz.matching.features.types import Agreement
from hajiz.model import BirthDate, DateKind, PartialDate

MATCH, MISMATCH, UNKNOWN = Agreement.MATCH, Agreement.MISMATCH, Agreement.UNKNOWN


def d(*texts: str) -> list[BirthDate]:
    """Birth dates from `YYYY[-MM[-DD]]`, `~YYYY` (approximate) or `YYYY..YYYY` (range)."""
    out = []
    for text in texts:
        if text.startswith("~"):
            parsed = BirthDate.parse(text[1:])
            fields = parsed.model_dump(exclude={"kind"})
            out.append(BirthDate(kind=DateKind.APPROXIMATE, **fields))
        else:
            out.append(BirthDate.parse(text))
    return out


# (traveller dates, listed dates, agreement, strength, words the detail must contain)
CASES = [
    (d("1971-03-05"), d("1971-03-05"), MATCH, 1.0, "same date"),
    (d("1971-03-05"), d("1971-05-03"), MATCH, 0.7, "day and month swapped"),
    (d("1971-03-05"), d("1971"), MATCH, 0.6, "list gives the year only"),
    (d("1971"), d("1971-03-05"), MATCH, 0.6, "traveller's date gives the year only"),
    (d("1971-03-05"), d("1971-03"), MATCH, 0.7, "same month"),
    (d("1971-03-05"), d("1971-01-01"), MATCH, 0.6, "1 January, read as year only"),
    (d("1971-01-01"), d("1971-06-30"), MATCH, 0.6, "1 January"),
    (d("1971-03-05"), d("1971-03-20"), MATCH, 0.3, "same month, different day"),
    (d("1971-12-31"), d("1972-01-02"), MATCH, 0.3, "2 days apart"),
    (d("1971-03-05"), d("1971-09-20"), MISMATCH, -0.1, "same year, different month"),
    (d("1971-03-05"), d("1972"), MATCH, 0.2, "one year apart"),
    (d("1971-03-05"), d("1970-01-01"), MATCH, 0.2, "one year apart"),
    (d("1971-03-05"), d("1972-03-05"), MATCH, 0.2, "one year apart, same day and month"),
    (d("1971-03-05"), d("1972-09-20"), MISMATCH, -0.2, "one year apart, different day"),
    (d("1971-03-05"), d("1973"), MISMATCH, -0.5, "2 years apart"),
    (d("1971-03-05"), d("1974-03-05"), MISMATCH, -0.667, "3 years apart"),
    (d("1971"), d("1976"), MISMATCH, -1.0, "5 years apart"),
    (d("1971-03-05"), d("1981-03-05"), MISMATCH, -1.0, "10 years apart"),
    (d("1971-03-05"), d("1970..1972"), MATCH, 0.45, "within the range"),
    (d("1971"), d("1970..1971"), MATCH, 0.5, "within the range"),
    (d("1971"), d("1960..1980"), MATCH, 0.1, "within the range"),
    (d("1971"), d("1972..1973"), MATCH, 0.2, "one year outside the range"),
    (d("1971"), d("1962..1968"), MISMATCH, -0.667, "3 years outside the range"),
    (d("1970..1972"), d("1971-03-05"), MATCH, 0.45, "within the range"),
    (d("1971-03-05"), d("~1971"), MATCH, 0.4, "approximate, same year"),
    (d("~1971"), d("1972-08-01"), MATCH, 0.25, "approximate, one year apart"),
    (d("1971-03-05"), d("~1973"), MATCH, 0.1, "approximate, 2 years apart"),
    (d("1971-03-05"), d("~1974"), MISMATCH, -0.5, "approximate, 3 years apart"),
    (d("1971-03-05"), d("~1960..1980"), MATCH, 0.1, "within the range"),
    (d("1950", "1971-03-05"), d("1990", "1971-03-05", "1971"), MATCH, 1.0, "closest of 3"),
    (d("1971-03-05"), d("1990", "1972"), MATCH, 0.2, "closest of 2 listed dates"),
    (d("1971-03-05"), [], UNKNOWN, 0.0, "list states no birth date"),
    ([], d("1971"), UNKNOWN, 0.0, "traveller's birth date not given"),
    ([], [], UNKNOWN, 0.0, "no birth date"),
    (d("1971"), [BirthDate(kind=DateKind.BETWEEN)], UNKNOWN, 0.0, "no birth date"),
]


@pytest.mark.parametrize(("query", "entry", "agreement", "strength", "words"), CASES)
def test_birth_date_agreement(query, entry, agreement, strength, words):
    result = birth_date_agreement(query, entry)
    assert result.agreement is agreement
    assert result.strength == pytest.approx(strength, abs=0.001)
    assert words in result.detail
    assert result.feature == "birth_date_agreement"
    assert not result.is_decisive


@pytest.mark.parametrize(("query", "entry", "agreement", "strength", "words"), CASES)
def test_detail_names_both_values(query, entry, agreement, strength, words):
    result = birth_date_agreement(query, entry)
    assert result.detail
    for value in (result.query_value, result.candidate_value):
        if value is not None:
            assert value in result.detail


def strength(query: str, entry: str) -> float:
    return birth_date_agreement(d(query), d(entry)).strength


def test_strengths_order_from_exact_to_far_apart():
    ordered = [
        strength("1971-03-05", "1971-03-05"),  # exact
        strength("1971-03-05", "1971"),  # year only
        strength("1971-03-05", "1972"),  # one year apart
        birth_date_agreement(d("1971-03-05"), []).strength,  # unknown
        strength("1971-03-05", "1973"),  # two years apart
        strength("1971-03-05", "1981"),  # ten years apart
    ]
    assert ordered == sorted(ordered, reverse=True)
    assert len(set(ordered)) == len(ordered)


def test_wider_ranges_are_weaker():
    narrow = strength("1971", "1970..1972")
    wide = strength("1971", "1965..1975")
    assert 0 < wide < narrow < strength("1971-03-05", "1971")


def test_approximate_is_weaker_than_stated_and_tolerates_two_years():
    assert 0 < strength("1971", "~1971") < strength("1971", "1971")
    assert strength("1971", "~1973") > 0
    assert strength("1971", "1973") < 0


def test_tolerances_are_never_widened():
    # Exact dates tolerate one year and approximate ones two; a step further is a mismatch.
    assert birth_date_agreement(d("1971"), d("1973")).agreement is MISMATCH
    assert birth_date_agreement(d("1971"), d("~1974")).agreement is MISMATCH
    assert birth_date_agreement(d("1971"), d("1973..1975")).agreement is MISMATCH


def test_swap_needs_both_days_to_be_possible_months():
    # 1971-03-25 has no swapped reading; it is just another month.
    assert birth_date_agreement(d("1971-03-25"), d("1971-05-03")).agreement is MISMATCH


def test_impossible_listed_date_does_not_crash():
    odd = BirthDate(date=PartialDate(year=1971, month=2, day=30))
    result = birth_date_agreement(d("1971-02-28"), [odd])
    assert result.agreement is MATCH  # same month, another day
    assert "1971-02-30" in result.detail


def test_every_constant_is_documented():
    names = [name for name in vars(dates) if re.fullmatch(r"[A-Z][A-Z_]+", name)]
    assert dates.__doc__ is not None
    for name in names:
        if name != "FEATURE":
            assert f"`{name}`" in dates.__doc__, name


def test_a_range_of_months_is_compared_by_month():
    # The UN list's "between August and September 1977": November is another month, August
    # and a year-only 1977 are within it.
    months = [BirthDate(kind=DateKind.BETWEEN, start=PartialDate(year=1977, month=8),
                        end=PartialDate(year=1977, month=9))]  # fmt: skip
    outside = birth_date_agreement(d("1977-11-29"), months)
    assert outside.agreement is MISMATCH
    assert "outside the range's months" in outside.detail
    assert birth_date_agreement(d("1977-08-15"), months).agreement is MATCH
    assert birth_date_agreement(d("1977"), months).agreement is MATCH
