"""List-aware rarity weights of name parts (hajiz/matching/weights.py)."""

from __future__ import annotations

from collections import Counter

import pytest

from hajiz.matching.weights import LIST_PRIOR, PartWeights
from hajiz.names.analysis import TITLE_WEIGHT, AnalysedPart, analyse


def part(text: str) -> AnalysedPart:
    (found,) = analyse(text).name_parts
    return found


def frequencies(part_: AnalysedPart, count: int) -> dict[str, int]:
    """Document frequencies giving `count` entries to every phonetic key of a part."""
    return {f"p:{key}": count for key in part_.phonetic}


def test_an_empty_list_leaves_the_lexicon_weight() -> None:
    weights = PartWeights(lambda key: 0, persons=0)
    for text in ("Baghdadi", "Muhammad", "Qwzxtrab", "محمد"):
        assert weights(part(text)) == part(text).weight


def test_a_part_common_in_a_large_list_weighs_less() -> None:
    zarqawi = part("Zarqawi")
    counts = frequencies(zarqawi, 400_000)
    weights = PartWeights(lambda key: counts.get(key, 0), persons=1_000_000)
    assert weights(zarqawi) < zarqawi.weight
    assert weights(zarqawi) >= 0.25


def test_a_small_list_cannot_tell_common_from_rare() -> None:
    # The same share of persons (all of them) says less in a list of 10 than in one of 100,000.
    rare = part("Zarqawi")

    def weights_for(persons: int) -> float:
        counts = frequencies(rare, persons)
        return PartWeights(lambda key: counts.get(key, 0), persons=persons)(rare)

    small, large = weights_for(10), weights_for(100_000)
    assert small > large
    assert large == 0.25
    assert LIST_PRIOR >= 100


def test_the_list_never_raises_a_weight_above_the_lexicon_s() -> None:
    common = part("Muhammad")
    weights = PartWeights(lambda key: 0, persons=1_000_000)
    assert weights(common) == common.weight


def test_a_title_keeps_weighing_little() -> None:
    title = analyse("Sheikh Ahmed Yassin").parts[0]
    weights = PartWeights(lambda key: 0, persons=0)
    plain = analyse("Sheikh").parts[0]
    assert weights(title) == pytest.approx(min(title.weight, plain.weight) * TITLE_WEIGHT)
    assert weights(title) < weights(plain)


def test_weights_are_cached_per_core_and_role() -> None:
    calls: Counter[str] = Counter()

    def document_frequency(key: str) -> int:
        calls[key] += 1
        return 0

    weights = PartWeights(document_frequency, persons=100)
    baghdadi = part("al-Baghdadi")
    first = weights(baghdadi)
    asked = sum(calls.values())
    assert asked >= 1
    assert weights(baghdadi) == first
    assert weights(part("al-Baghdadi")) == first
    assert sum(calls.values()) == asked
