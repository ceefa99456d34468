"""Synthetic travellers: drawn from name counts, never exactly a listed name."""

from __future__ import annotations

import lzma
import random

from hajiz.evaluation.population import (
    NameFrequencies,
    NamePool,
    load_name_frequencies,
    pools_from_counts,
    read_rigour_spellings,
    read_wikidata_counts,
    synthesise_travellers,
)
from hajiz.evaluation.watchlist import name_key


def test_tokens_split_by_their_arabic_spelling():
    counts = {"mohamed": 9, "john": 9, "ahmed": 1, "al": 50, "von": 9, "hassan": 5}
    arabic = {"mohamed": "محمد", "john": "جون", "ahmed": "أحمد", "al": "ال", "hassan": "حسن"}
    arabic_pool, other_pool = pools_from_counts(counts, arabic)
    assert arabic_pool.tokens == ("hassan", "mohamed")  # ahmed: too rare; al: too short
    assert arabic_pool.weights == (5.0, 9.0)
    assert other_pool.tokens == ("john",)  # von: a particle, not a name


def test_wikidata_counts_add_up_per_token(tmp_path):
    path = tmp_path / "tokens"
    path.write_text("ali\tع ل ي\t5\nali\tع ا ل ي\t2\nbad line\nomar\tع م ر\t3\n", encoding="utf-8")
    counts, spelling = read_wikidata_counts(path)
    assert counts == {"ali": 7, "omar": 3}
    assert spelling == {"ali": "علي", "omar": "عمر"}


def test_rigour_groups_give_other_latin_spellings(tmp_path):
    path = tmp_path / "persons.txt.xz"
    with lzma.open(path, "wt", encoding="utf-8") as handle:
        handle.write("mohamed, mohammed, muhammad, محمد => Q1\njohn, jon => Q2\n")
    assert read_rigour_spellings(path, {"mohamed"}) == {"mohamed": ("mohammed", "muhammad")}


def _frequencies() -> NameFrequencies:
    arabic = NamePool(("ali", "omar"), (1.0, 1.0), {"ali": "علي", "omar": "عمر"})
    other = NamePool(("john", "smith"), (1.0, 1.0))
    return NameFrequencies(arabic, other)


def test_travellers_never_bear_a_listed_name():
    listed = frozenset({name_key("Ali Omar"), name_key("Omar Ali"), name_key("John Smith")})
    travellers = synthesise_travellers(
        _frequencies(), 300, random.Random(1), listed_keys=listed, with_birth_date=False
    )
    assert len(travellers) == 300
    assert all(name_key(t.name) not in listed for t in travellers)
    assert all(t.birth_date is None for t in travellers)


def test_travellers_with_birth_dates_and_both_scripts():
    travellers = synthesise_travellers(
        _frequencies(), 400, random.Random(2), listed_keys=frozenset(), with_birth_date=True
    )
    assert all(t.birth_date is not None and 1940 <= t.birth_date.year <= 2006 for t in travellers)
    assert any("\u0600" <= t.name[0] <= "\u06ff" for t in travellers)
    assert any(t.is_arabic_origin and t.name[0].isascii() for t in travellers)
    assert any(not t.is_arabic_origin for t in travellers)


def test_travellers_are_the_same_for_the_same_seed():
    def draw():
        return synthesise_travellers(
            _frequencies(), 50, random.Random(3), listed_keys=frozenset(), with_birth_date=True
        )

    assert draw() == draw()


def test_name_frequencies_from_a_data_folder(tiny_data_dir):
    frequencies = load_name_frequencies(tiny_data_dir)
    assert set(frequencies.arabic_origin.tokens) == {"mohamed", "ahmed", "hassan", "khalid", "omar"}
    assert set(frequencies.other.tokens) == {"john", "smith", "maria"}
    assert frequencies.spellings == {}  # no rigour file in the tiny folder
