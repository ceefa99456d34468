from __future__ import annotations

import random

import pytest

from hajiz.benchmarking.name_pools import NOT_GIVEN, WordPool, name_pools
from hajiz.benchmarking.synthetic import (
    arabic_name,
    distinct_names,
    draw_person,
    latin_name,
    synthetic_entries,
    synthetic_entry,
    traveller_query,
)
from hajiz.model import NameKind, Script
from hajiz.names.normalize import detect_script


@pytest.fixture(scope="module")
def pools():
    return name_pools()


def test_the_same_seed_and_index_give_the_same_person():
    assert synthetic_entry(7, 123) == synthetic_entry(7, 123)
    assert synthetic_entry(7, 123) != synthetic_entry(8, 123)
    assert synthetic_entry(7, 123) != synthetic_entry(7, 124)


def test_entries_are_drawn_in_order_with_unique_ids():
    entries = list(synthetic_entries(1, 50, start=10))
    assert [e.id for e in entries] == [f"bench:{i:07d}" for i in range(10, 60)]
    assert entries[0] == synthetic_entry(1, 10)


def test_every_entry_has_one_primary_name_and_particulars():
    for entry in synthetic_entries(3, 200):
        kinds = [n.kind for n in entry.names]
        assert kinds.count(NameKind.PRIMARY) == 1
        assert len(entry.nationalities) == 1
        for name in entry.names:
            expected = Script.ARABIC if name.kind is NameKind.ORIGINAL_SCRIPT else Script.LATIN
            assert detect_script(name.full) is expected, name.full


def test_the_list_looks_like_a_list_of_mostly_arabic_origin_names():
    entries = list(synthetic_entries(5, 1000))
    with_arabic = sum(any(n.script is Script.ARABIC for n in e.names) for e in entries)
    with_date = sum(bool(e.birth_dates) for e in entries)
    assert 300 < with_arabic < 600  # 70% Arabic-origin, 60% of those with the original script
    assert 850 < with_date < 950  # 90% with a birth date
    words = " ".join(n.full.lower() for e in entries for n in e.names).split()
    assert "bin" in words  # nasab chains
    assert "abu" in words  # kunyas
    assert any(w.startswith("abd") for w in words)  # abd-compounds
    assert any(w.startswith(("al-", "el-")) for w in words)  # nisbas


def test_a_person_is_the_same_person_in_both_scripts(pools):
    rng = random.Random(4)
    for _ in range(200):
        person = draw_person(pools, rng)
        latin = latin_name(person, pools, rng)
        arabic = arabic_name(person, rng)
        assert detect_script(latin) is Script.LATIN
        if person.is_arabic_origin:
            assert arabic is not None and detect_script(arabic) is Script.ARABIC
            assert len(arabic.split()) >= len(person.elements)
        else:
            assert arabic is None
            assert len(latin.split()) == len(person.latin_words)


def test_the_given_name_pool_is_arabic_origin(pools):
    assert "محمد" in pools.given.words
    assert not NOT_GIVEN & set(pools.given.words)
    assert "smith" in pools.other.words
    assert all(w.isascii() for w in pools.other.words)


def test_a_pool_draws_in_proportion_to_its_weights():
    pool = WordPool.of([("never", 0.0), ("always", 1.0)])
    rng = random.Random(1)
    assert {pool.draw(rng) for _ in range(100)} == {"always"}
    skewed = WordPool.of([("rare", 1.0), ("common", 9.0)])
    draws = [skewed.draw(rng) for _ in range(2000)]
    assert 1600 < draws.count("common") < 2000


def test_travellers_are_reproducible_and_differ_per_stream():
    assert traveller_query(1, 5) == traveller_query(1, 5)
    assert traveller_query(1, 5, "manifest") != traveller_query(1, 5, "screen")
    query = traveller_query(1, 5)
    assert len(query.names) == 1 and query.id == "travellers-5"


def test_distinct_names_are_distinct_and_in_both_scripts():
    names = distinct_names(2, 300)
    assert len(names) == len(set(names)) == 300
    scripts = {detect_script(n) for n in names}
    assert {Script.LATIN, Script.ARABIC} <= scripts
    assert distinct_names(2, 300) == names
