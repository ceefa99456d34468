"""Negatives are not listed; near misses are listed names with a birth date far from theirs."""

from __future__ import annotations

import random

from hajiz.evaluation.cases import Category
from hajiz.evaluation.negatives import (
    NEAR_MISS_GAP,
    near_miss_cases,
    near_miss_date,
    negative_cases,
)
from hajiz.evaluation.population import NameFrequencies, NamePool
from hajiz.evaluation.watchlist import birth_years, listed_keys, name_key, twins
from hajiz.model import NameKind

from .factory import entry

P, A = NameKind.PRIMARY, NameKind.ALIAS


def test_negatives_never_equal_a_listed_full_name():
    listed = [
        entry("a", ("Ali Omar", P), born=("1970",)),
        entry("b", ("OMAR, Hassan", P), ("Hassan Ali", A)),
    ]
    pool = NamePool(("ali", "omar", "hassan"), (1.0, 1.0, 1.0), {})
    frequencies = NameFrequencies(pool, NamePool(("john",), (1.0,)))
    no_dob, dob = negative_cases(listed, frequencies, count=400, rng=random.Random(5))
    assert (no_dob.category, dob.category) == (Category.NEGATIVES_NO_DOB, Category.NEGATIVES_DOB)
    assert (len(no_dob.cases), len(dob.cases)) == (200, 200)
    keys = listed_keys(listed)
    for case in no_dob.cases + dob.cases:
        assert name_key(case.query.names[0]) not in keys
        assert not case.expected
    assert all(not c.query.birth_dates for c in no_dob.cases)
    assert all(len(c.query.birth_dates) == 1 for c in dob.cases)


def test_near_miss_date_is_far_from_every_year():
    years = {1960, 1971, 1990}
    for seed in range(50):
        born = near_miss_date(years, random.Random(seed))
        assert born is not None and born.day is not None
        assert all(abs(born.year - y) >= NEAR_MISS_GAP for y in years)
    assert near_miss_date(set(range(1900, 2100)), random.Random(0)) is None


def test_near_misses_differ_from_every_bearer_of_the_name():
    listed = [
        entry("un:1", ("AHMED ALI", P), source="un", born=("1970",), nationalities=("IQ",)),
        entry(
            "ofac:1", ("ALI, Ahmed", P), source="ofac", born=("1975..1977",), nationalities=("SY",)
        ),
        entry("ofac:2", ("Other Person", P), source="ofac"),
    ]
    cases = near_miss_cases(listed, twins(listed), count=10, rng=random.Random(1))
    assert len(cases.cases) == 2  # ofac:2 has no birth date to differ from
    for case in cases.cases:
        assert case.expected == {"un:1", "ofac:1"}
        assert case.query.names[0] in {"AHMED ALI", "ALI, Ahmed"}
        year = case.query.birth_dates[0].date.year
        for bearer in listed[:2]:
            assert all(abs(year - y) >= NEAR_MISS_GAP for y in birth_years(bearer))
        assert case.query.nationalities[0] not in {"IQ", "SY"}
