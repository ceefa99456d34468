"""Helpers on the watchlist: name keys, birth years, twins (one person listed twice)."""

from __future__ import annotations

from hajiz.evaluation.watchlist import birth_years, first_birth_date, name_key, twins, without_names
from hajiz.model import NameKind

from .factory import entry

P, A, W = NameKind.PRIMARY, NameKind.ALIAS, NameKind.WEAK_ALIAS


def test_name_key_ignores_order_case_and_punctuation():
    assert name_key("BIN LADEN, Usama") == name_key("Usama bin-Laden")
    assert name_key("Ali Hassan") != name_key("Ali Hasan")


def test_birth_years_span_ranges():
    person = entry("x", ("A B", P), born=("1970..1972", "1980-05-01"))
    assert birth_years(person) == {1970, 1971, 1972, 1980}
    assert str(first_birth_date(person)) == "1980-05-01"


def test_without_names_drops_or_gives_up():
    person = entry("x", ("Ahmed Ali", P), ("أحمد علي", NameKind.ORIGINAL_SCRIPT))
    kept = without_names(person, lambda n: n.kind is NameKind.ORIGINAL_SCRIPT)
    assert kept is not None and [n.full for n in kept.names] == ["Ahmed Ali"]
    assert without_names(person, lambda n: True) is None


def test_twins_by_shared_name_and_year():
    un = entry("un:1", ("SALAH GASMI", P), source="un", born=("1971",))
    ofac = entry("ofac:1", ("GASMI, Salah", P), source="ofac", born=("1971-04-13",))
    other = entry("ofac:2", ("GASMI, Salah", P), source="ofac", born=("1950",))
    found = twins([un, ofac, other])
    assert found["un:1"] == {"ofac:1"}
    assert "ofac:2" not in found  # same name, birth years apart: another person


def test_twins_by_birth_day_and_rare_words():
    un = entry("un:1", ("SALAH EDDINE GASMI", P), source="un", born=("1971-04-13",))
    ofac = entry("ofac:1", ("GASMI, Salah", P), source="ofac", born=("1971-04-13",))
    found = twins([un, ofac])
    assert found["un:1"] == {"ofac:1"}


def test_common_words_and_a_shared_birth_day_are_not_enough():
    fillers = [entry(f"f:{i}", (f"Mohamed Filler{i}", P), source="f") for i in range(20)]
    un = entry("un:1", ("MOHAMED ALPHA", P), source="un", born=("1960-12-30",))
    ofac = entry("ofac:1", ("BETA, Mohamed", P), source="ofac", born=("1960-12-30",))
    assert "un:1" not in twins([*fillers, un, ofac])


def test_a_person_listed_twice_in_one_source():
    first = entry("un:1", ("HASSAN DAHIR AWEYS", P), source="un", born=("1935",))
    second = entry("un:2", ("Hassan Dahir Aweys", P), source="un", born=("1935",))
    no_date = entry("un:3", ("Hassan Dahir Aweys", P), source="un")
    found = twins([first, second, no_date])
    assert found["un:1"] == {"un:2"}
    assert "un:3" not in found  # within one source, birth years must agree
