"""The positive test sets on a tiny watchlist whose right answers are known."""

from __future__ import annotations

import random

from hajiz.evaluation.cases import SHARES_A_KEY, SHARES_NO_KEY, Category, DobMode
from hajiz.evaluation.generators import (
    alias_cases,
    cross_script_cases,
    shift_year,
    variant_cases,
    with_listed_birth_date,
)
from hajiz.evaluation.watchlist import is_arabic, name_key, twins
from hajiz.model import BirthDate, NameKind, PartialDate

from .factory import entry

P, A, W, ORIG = NameKind.PRIMARY, NameKind.ALIAS, NameKind.WEAK_ALIAS, NameKind.ORIGINAL_SCRIPT

UN_SADDAM = entry(
    "un:1",
    ("SADDAM HUSSEIN AL-TIKRITI", P),
    ("صدام حسين التكريتي", ORIG),
    ("Abu Uday", W),
    source="un",
    born=("1937-04-28",),
)
OFAC_SADDAM = entry(
    "ofac:1", ("AL-TIKRITI, Saddam Hussein", P), ("HUSSEIN, Saddam", A), source="ofac",
    born=("1937-04-28",),
)  # fmt: skip
OFAC_OTHER = entry(
    "ofac:2",
    ("AL-MASRI, Abu Hamza", P),
    ("MUSTAFA, Kamel Mustafa", A),
    ("ABU HAMZA", W),
    source="ofac",
    born=("1958-04-15",),
)
LATIN_ONLY = entry("ofac:3", ("PETROV, Ivan", P), source="ofac", born=("1970",))
NASAB = entry(
    "ofac:4", ("BIN LADEN, Usama bin Muhammad bin Awad", P), source="ofac", born=("1957",)
)
ENTRIES = (LATIN_ONLY, NASAB, OFAC_SADDAM, OFAC_OTHER, UN_SADDAM)


def by_id(case_set):
    return {e.id: e for e in case_set.watchlist}


def test_arabic_queries_against_latin_names():
    tw = twins(ENTRIES)
    cases = cross_script_cases(ENTRIES, tw, to_arabic=False, limit=None, rng=random.Random(0))
    assert cases.category is Category.CROSS_SCRIPT_AR_LAT
    assert [c.query.names for c in cases.cases] == [("صدام حسين التكريتي",)]
    assert cases.cases[0].expected == {"un:1", "ofac:1"}
    listed = by_id(cases)
    assert not any(is_arabic(n) for n in listed["un:1"].names)
    assert [n.full for n in listed["un:1"].names] == ["SADDAM HUSSEIN AL-TIKRITI", "Abu Uday"]
    assert len(cases.watchlist) == len(ENTRIES)


def test_latin_queries_against_arabic_names():
    tw = twins(ENTRIES)
    cases = cross_script_cases(ENTRIES, tw, to_arabic=True, limit=None, rng=random.Random(0))
    assert [c.query.names for c in cases.cases] == [("SADDAM HUSSEIN AL-TIKRITI",)]
    listed = by_id(cases)
    assert [n.full for n in listed["un:1"].names] == ["صدام حسين التكريتي"]
    # The twin has no Arabic name: it leaves the watchlist, and so the expected answers.
    assert "ofac:1" not in listed
    assert cases.cases[0].expected == {"un:1"}


def test_held_out_strong_alias_leaves_no_copy_behind():
    tw = twins(ENTRIES)
    cases = alias_cases(ENTRIES, tw, kind=A, limit=None, rng=random.Random(0))
    assert cases.category is Category.ALIAS_STRONG
    queries = {c.query.names[0]: c for c in cases.cases}
    assert set(queries) == {"HUSSEIN, Saddam", "MUSTAFA, Kamel Mustafa"}
    listed = by_id(cases)
    for query, case in queries.items():
        for entry_id in case.expected:
            assert name_key(query) not in {name_key(n.full) for n in listed[entry_id].names}
    assert queries["HUSSEIN, Saddam"].expected == {"ofac:1", "un:1"}


def test_an_alias_is_marked_by_whether_it_shares_a_name_key_with_what_is_left():
    tw = twins(ENTRIES)
    cases = alias_cases(ENTRIES, tw, kind=A, limit=None, rng=random.Random(0))
    relation = {c.query.names[0]: c.relation for c in cases.cases}
    # Saddam Hussein is still listed as AL-TIKRITI, Saddam Hussein; Kamel Mustafa shares
    # nothing with AL-MASRI, Abu Hamza.
    assert relation == {
        "HUSSEIN, Saddam": SHARES_A_KEY,
        "MUSTAFA, Kamel Mustafa": SHARES_NO_KEY,
    }


def test_held_out_weak_alias():
    tw = twins(ENTRIES)
    cases = alias_cases(ENTRIES, tw, kind=W, limit=None, rng=random.Random(0))
    assert cases.category is Category.ALIAS_WEAK
    assert sorted(c.query.names[0] for c in cases.cases) == ["ABU HAMZA", "Abu Uday"]


def test_strong_aliases_again_with_the_listed_birth_date():
    tw = twins(ENTRIES)
    undated = entry("ofac:5", ("QASIM, Ali", P), ("QASSEM, Ali Hassan", A), source="ofac")
    aliases = alias_cases((*ENTRIES, undated), tw, kind=A, limit=None, rng=random.Random(0))
    dated = with_listed_birth_date(aliases, (*ENTRIES, undated))
    assert dated.category is Category.ALIAS_STRONG_DOB
    assert dated.watchlist == aliases.watchlist
    assert [c.query.names for c in dated.cases] == [c.query.names for c in aliases.cases]
    assert [c.expected for c in dated.cases] == [c.expected for c in aliases.cases]
    born = {c.query.names[0]: (c.dob_mode, c.query.birth_dates) for c in dated.cases}
    assert born["HUSSEIN, Saddam"] == (DobMode.GIVEN, (BirthDate.parse("1937-04-28"),))
    assert born["MUSTAFA, Kamel Mustafa"][1] == (BirthDate.parse("1958-04-15"),)
    assert born["QASSEM, Ali Hassan"] == (DobMode.ABSENT, ())
    assert all(c.query.id == c.id and c.id.startswith("alias-strong-dob-") for c in dated.cases)


def test_alias_limit_samples_persons():
    tw = twins(ENTRIES)
    cases = alias_cases(ENTRIES, tw, kind=A, limit=1, rng=random.Random(0))
    assert len(cases.cases) == 1


def test_variants_cycle_transforms_and_birth_date_modes():
    tw = twins(ENTRIES)
    cases = variant_cases(ENTRIES, tw, count=18, rng=random.Random(0))
    assert len(cases.cases) == 18
    assert {c.dob_mode for c in cases.cases} == set(DobMode)
    source = {e.id: e for e in ENTRIES}
    for case in cases.cases:
        assert case.query.names[0] != case.source_name
        listed = {str(b.date) for e in case.expected for b in source[e].birth_dates if b.date}
        dates = [b.date for b in case.query.birth_dates]
        if case.dob_mode is DobMode.ABSENT:
            assert dates == []
        elif case.dob_mode is DobMode.GIVEN:
            assert str(dates[0]) in listed
        else:
            assert any(str(shift_year(dates[0], step)) in listed for step in (-1, 1)), case
    kinds = [c.kind for c in cases.cases]
    assert all(kinds.count(k) == 3 for k in ("mrz", "surname-first", "particle", "drop-nasab"))


def test_shift_year_keeps_dates_valid():
    assert shift_year(PartialDate(year=2000, month=2, day=29), 1) == PartialDate(
        year=2001, month=2, day=28
    )
    assert shift_year(PartialDate(year=1970), -1) == PartialDate(year=1969)
