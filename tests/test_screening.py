"""Screening travellers against the fixture UN list, one by one and in batches (screening.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hajiz.errors import EntryNotFound
from hajiz.importers.base import parse_list
from hajiz.matching.subjects import prepare_entry
from hajiz.model import BirthDate, Document, Entry, Query
from hajiz.screening import Screener, ScreeningResult, is_visible

UN_SMALL = Path(__file__).resolve().parent / "fixtures" / "un_sc_small.xml"
EntryFactory = Callable[..., Entry]
BAGHDADI = "un-sc:QDi.299"


@pytest.fixture(scope="module")
def un_entries() -> list[Entry]:
    return parse_list("un-sc", UN_SMALL).entries


@pytest.fixture
def screener(un_entries: list[Entry]) -> Screener:
    return Screener.from_entries(un_entries)


def q(*names: str, **fields: Any) -> Query:
    return Query(names=names, **fields)


@pytest.mark.parametrize(
    "name",
    [
        "أبو بكر البغدادي",
        "IBRAHIM AWWAD IBRAHIM AL-BADRI",
        "Abu Bakr al-Baghdadi",
        "ابراهيم عواد ابراهيم البدري",
        "Ibrahim Awad al-Badri al-Samarrai",
    ],
)
def test_the_caliph_is_ranked_first(screener: Screener, name: str) -> None:
    result = screener.screen(q(name), threshold=0.0)
    assert result.hits[0].entry_id == BAGHDADI


def test_a_full_name_is_a_hit_at_the_default_threshold(screener: Screener) -> None:
    result = screener.screen(q("IBRAHIM AWWAD IBRAHIM AL-BADRI"))
    assert [h.entry_id for h in result.hits][:1] == [BAGHDADI]
    hit = result.hits[0]
    assert hit.is_match and hit.band in ("review", "strong")
    assert hit.score >= screener.threshold
    assert hit.agency == "UN" and hit.source == "un-sc"
    assert hit.entry_version == 0
    assert hit.explanation["name"]["pairs"]


def test_the_kunya_alone_needs_a_birth_date(screener: Screener) -> None:
    # "Abu Bakr al-Baghdadi" is a weak alias on the list: alone it is not referred.
    alone = screener.screen(q("أبو بكر البغدادي"))
    assert BAGHDADI not in [h.entry_id for h in alone.hits]
    with_date = screener.screen(q("أبو بكر البغدادي", birth_dates=(BirthDate.parse("1971"),)))
    assert [h.entry_id for h in with_date.hits][:1] == [BAGHDADI]


def test_hits_are_sorted_by_score(screener: Screener) -> None:
    for name in ("Mohammed Hassan", "Hassan Ghul", "Ibrahim Khan", "محمد حسن"):
        scores = [h.score for h in screener.screen(q(name), threshold=0.0, limit=50).hits]
        assert scores == sorted(scores, reverse=True)


def test_threshold_zero_returns_every_scored_candidate(screener: Screener) -> None:
    query = q("Mohammed Akhund al-Baghdadi")  # a little of two listed persons
    result = screener.screen(query, threshold=0.0, limit=100)
    assert result.candidates >= 2
    assert len(result.hits) == result.candidates
    assert {h.entry_id for h in result.hits} == set(screener.candidate_ids(query))
    halfway = screener.screen(query, threshold=0.5, limit=100)
    assert 0 < len(halfway.hits) < len(result.hits)
    assert all(h.score >= 0.5 for h in halfway.hits)


def test_limit_bounds_the_hits(screener: Screener) -> None:
    result = screener.screen(q("Mohammed Hassan Akhund"), threshold=0.0, limit=1)
    assert len(result.hits) == 1
    assert result.hits[0].entry_id == "un-sc:TAi.002"


def test_is_match_follows_the_threshold_in_force(screener: Screener) -> None:
    result = screener.screen(q("Mohammed Hassan Akhund"), threshold=0.0, limit=100)
    assert all(h.is_match for h in result.hits)
    strict = screener.screen(q("Mohammed Hassan Akhund"), threshold=0.999)
    assert all(h.score >= 0.999 for h in strict.hits)


def test_an_unknown_traveller_has_no_hits(screener: Screener) -> None:
    result = screener.screen(q("Qwzxtrab Plovdivski"))
    assert result.hits == []
    assert result.candidates == 0


def test_result_reports_list_versions_and_algorithm(screener: Screener) -> None:
    result = screener.screen(q("Joseph Kony"))
    assert result.algorithm == "hajiz-v1@1.14" == screener.algorithm_id
    assert result.list_versions == {"un-sc": "2026-02-27T00:00:09.554Z"}
    data = result.to_dict()
    assert set(data) == {
        "query_id",
        "results",
        "candidates",
        "elapsed_ms",
        "algorithm",
        "list_versions",
    }
    assert data["results"][0]["entity_id"] == "un-sc:CFi.009"
    assert set(data["results"][0]) == {
        "entity_id",
        "score",
        "match",
        "band",
        "agency",
        "source",
        "entry_version",
        "explanation",
    }


def test_the_query_id_is_reported(screener: Screener) -> None:
    assert (
        screener.screen(Query(id="traveller-7", names=("Joseph Kony",))).query_id == "traveller-7"
    )


def test_score_one_entry(screener: Screener) -> None:
    hit = screener.score(q("Joseph Kony"), "un-sc:CFi.009")
    assert hit.entry_id == "un-sc:CFi.009" and hit.is_match
    low = screener.score(q("Joseph Kony"), BAGHDADI)
    assert low.score < screener.threshold and not low.is_match
    with pytest.raises(EntryNotFound) as raised:
        screener.score(q("Joseph Kony"), "un-sc:nope")
    assert "un-sc:nope" in str(raised.value)


def test_added_removed_and_replaced_entries(screener: Screener, e: EntryFactory) -> None:
    screener.add(e("local-1", "Ayman al-Zawahiri", source="local", source_version="v7"))
    hits = screener.screen(q("Ayman al-Zawahiri")).hits
    assert [h.entry_id for h in hits] == ["local-1"]
    assert screener.list_versions()["local"] == "v7"
    screener.add(e("local-1", "Hamza bin Laden", source="local", version=3))
    assert screener.screen(q("Ayman al-Zawahiri")).hits == []
    assert [(h.entry_id, h.entry_version) for h in screener.screen(q("Hamza bin Laden")).hits] == [
        ("local-1", 3)
    ]
    assert screener.remove("local-1") is True
    assert screener.screen(q("Hamza bin Laden"), threshold=0.0).hits == []
    assert "local" not in screener.list_versions()


@pytest.fixture
def restricted(e: EntryFactory) -> Screener:
    """One entry owned by agency Y and releasable to X only, one open to all."""
    return Screener.from_entries(
        [
            e("secret", "Ayman al-Zawahiri", agency="Y", releasable_to=("X",)),
            e("open", "Ayman al-Zawahiri", names=("Ayman Zawahri",), agency="Y"),
        ]
    )


@pytest.mark.parametrize(
    ("agency", "visible"),
    [
        ("X", {"secret", "open"}),
        ("Y", {"secret", "open"}),
        ("Z", {"open"}),
        (None, {"secret", "open"}),
    ],
)
def test_agency_visibility(restricted: Screener, agency: str | None, visible: set[str]) -> None:
    result = restricted.screen(q("Ayman al-Zawahiri"), agency=agency, threshold=0.0)
    assert {h.entry_id for h in result.hits} == visible
    assert result.candidates == len(visible)


def test_is_visible(e: EntryFactory) -> None:
    restricted = prepare_entry(e("s", "Ali", agency="Y", releasable_to=("X",)))
    nobody_else = prepare_entry(e("t", "Ali", agency="Y", releasable_to=()))
    everyone = prepare_entry(e("u", "Ali", agency="Y"))
    assert [is_visible(restricted, a) for a in ("X", "Y", "Z", None)] == [True, True, False, True]
    assert [is_visible(nobody_else, a) for a in ("X", "Y", None)] == [False, True, True]
    assert all(is_visible(everyone, a) for a in ("X", "Y", "Z", None))


BATCH_NAMES = [
    "أبو بكر البغدادي",
    "IBRAHIM AWWAD IBRAHIM AL-BADRI",
    "Mohammed Hassan Akhund",
    "حسن غول",
    "Joseph Kony",
    "Qwzxtrab Plovdivski",
    "Monir Chouka",
    "Fitiwi Abdelrazak",
]


def comparable(result: ScreeningResult) -> dict[str, Any]:
    data = result.to_dict()
    del data["elapsed_ms"]
    return data


@pytest.mark.parametrize("workers", [1, 2])
def test_screen_batch_matches_sequential_screening(screener: Screener, workers: int) -> None:
    queries = [Query(id=f"q{i}", names=(BATCH_NAMES[i % len(BATCH_NAMES)],)) for i in range(80)]
    batch = screener.screen_batch(queries, threshold=0.0, limit=3, workers=workers)
    sequential = [screener.screen(query, threshold=0.0, limit=3) for query in queries]
    assert [r.query_id for r in batch] == [f"q{i}" for i in range(80)]
    assert [comparable(r) for r in batch] == [comparable(r) for r in sequential]


def test_screen_batch_keeps_the_agency_filter(restricted: Screener) -> None:
    queries = [Query(id=str(i), names=("Ayman al-Zawahiri",)) for i in range(70)]
    results = restricted.screen_batch(queries, agency="Z", threshold=0.0, workers=2)
    assert len(results) == 70
    assert all({h.entry_id for h in r.hits} == {"open"} for r in results)


def test_screen_batch_of_nothing() -> None:
    assert Screener.from_entries([]).screen_batch([], workers=2) == []


def test_equal_scores_are_ordered_by_entry_id(e: EntryFactory) -> None:
    screener = Screener.from_entries(
        [
            e("b-2", "Ayman al-Zawahiri"),
            e("a-1", "Ayman al-Zawahiri"),
            e("c-3", "Ayman al-Zawahiri"),
        ]
    )
    hits = screener.screen(q("Ayman al-Zawahiri")).hits
    assert [h.entry_id for h in hits] == ["a-1", "b-2", "c-3"]
    assert len({h.score for h in hits}) == 1


def test_an_exact_document_match_is_found_whatever_the_name(e: EntryFactory) -> None:
    passport = Document(type="passport", number="A1234567", country="IQ")
    listed = e("doc", "Omar Farouk Haddad", documents=(passport,))
    screener = Screener.from_entries([listed, *(e(f"o{i}", f"John Smith {i}") for i in range(20))])
    query = Query(names=("John Brown",), documents=(passport,))
    (hit,) = screener.screen(query).hits
    assert hit.entry_id == "doc"
    assert hit.band == "strong"
    assert "doc" in screener.candidate_ids(query)


def test_a_document_match_respects_what_an_agency_may_see(e: EntryFactory) -> None:
    passport = Document(type="passport", number="A1234567", country="IQ")
    secret = e("secret", "Omar Farouk Haddad", agency="Y", releasable_to=(), documents=(passport,))
    screener = Screener.from_entries([secret])
    query = Query(names=("John Brown",), documents=(passport,))
    assert screener.screen(query, agency="X").hits == []
    assert [h.entry_id for h in screener.screen(query, agency="Y").hits] == ["secret"]
