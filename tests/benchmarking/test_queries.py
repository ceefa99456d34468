from __future__ import annotations

from collections import Counter

from hajiz.benchmarking.queries import (
    MANIFEST_MIX,
    SCREEN_MIX,
    BenchList,
    QueryKind,
    query_mix,
)
from hajiz.benchmarking.synthetic import synthetic_entry
from hajiz.model import Script
from hajiz.names.normalize import detect_script, normalize_name


def test_real_persons_take_at_most_half_of_the_list(e):
    real = [e(f"un-{i:03d}", name=f"Person Number {i}") for i in range(30)]
    small = BenchList.of(40, 1, real)
    assert len(small) == 40
    assert len(small.real) == 20 and small.synthetic_count == 20
    assert [x.id for x in small.real] == sorted(x.id for x in small.real)
    large = BenchList.of(100, 1, real)
    assert len(large.real) == 30 and large.synthetic_count == 70
    assert BenchList.of(40, 1, real).real == small.real  # the sample is seeded


def test_a_list_without_real_persons_is_all_synthetic():
    listed = BenchList.of(25, 3)
    entries = list(listed)
    assert len(entries) == 25 and listed.synthetic_count == 25
    assert entries[4] == listed.entry(4) == synthetic_entry(3, 4)


def test_the_list_puts_real_persons_first(e):
    real = [e("un-1", name="Ahmad Khan")]
    listed = BenchList.of(10, 1, real)
    entries = list(listed)
    assert entries[0].id == "un-1"
    assert entries[1] == synthetic_entry(1, 0)


def test_a_query_mix_has_the_asked_size_and_proportions():
    listed = BenchList.of(200, 1)
    mix = query_mix(listed, 500, 1, SCREEN_MIX, "screen")
    assert len(mix) == 500
    kinds = Counter(kind for kind, _ in mix)
    assert 150 < kinds[QueryKind.VARIANT] < 250
    assert 60 < kinds[QueryKind.ARABIC] < 140
    assert 150 < kinds[QueryKind.UNLISTED] < 260
    assert len({q.id for _, q in mix}) == 500
    assert query_mix(listed, 500, 1, SCREEN_MIX, "screen") == mix
    assert query_mix(listed, 500, 1, SCREEN_MIX, "batch") != mix


def test_arabic_queries_are_in_arabic_script_and_variants_come_from_listed_names():
    listed = BenchList.of(100, 2)
    listed_words = {
        w for entry in listed for name in entry.names for w in normalize_name(name.full)
    }
    sharing = variants = 0
    for kind, query in query_mix(listed, 200, 2, SCREEN_MIX, "screen"):
        (name,) = query.names
        if kind is QueryKind.ARABIC:
            assert detect_script(name) is Script.ARABIC
        if kind is QueryKind.VARIANT:
            words = normalize_name(name)
            assert words  # varied, never emptied
            variants += 1
            sharing += bool(set(words) & listed_words)
    # A variant keeps most listed words: typos and respellings touch one or two.
    assert variants > 50 and sharing > 0.9 * variants


def test_a_manifest_is_mostly_unlisted_travellers():
    listed = BenchList.of(100, 2)
    kinds = Counter(k for k, _ in query_mix(listed, 400, 2, MANIFEST_MIX, "manifest"))
    assert kinds[QueryKind.UNLISTED] > 360


def test_persons_without_an_arabic_script_name_give_other_queries(e):
    real = [e(f"un-{i}", name="John Smith") for i in range(10)]
    listed = BenchList(tuple(real), 10, 1)  # only Latin names to draw from
    mix = query_mix(listed, 30, 1, {QueryKind.ARABIC: 1.0}, "screen")
    assert {kind for kind, _ in mix} == {QueryKind.UNLISTED}
    assert all(q.id.startswith("screen-") for _, q in mix)
