"""The hajiz-v1 algorithm: name score plus secondary identifiers, bands, explanation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from hajiz.errors import UnknownAlgorithm
from hajiz.matching.algorithm import (
    ALGORITHMS,
    DEFAULT_ALGORITHM,
    HajizV1,
    MatchResult,
    get_algorithm,
)
from hajiz.matching.features import Agreement
from hajiz.matching.subjects import prepare_entry, prepare_query
from hajiz.model import BirthDate, Document, Entry, Gender, Name, NameKind, Query

ALGORITHM = get_algorithm()
THRESHOLD = ALGORITHM.threshold
EntryFactory = Callable[..., Entry]
PASSPORT = Document(type="passport", number="A1234567", country="IQ")


def query(*names: str, dob: str | None = None, **fields: Any) -> Query:
    birth_dates = (BirthDate.parse(dob),) if dob else ()
    return Query(names=names, birth_dates=birth_dates, **fields)


@pytest.fixture
def baghdadi(e: EntryFactory) -> Entry:
    """A listed person with a primary name, a weak alias, a birth date and a passport."""
    return e(
        "qdi-299",
        birth_date="1971-07-28",
        nationalities=("IQ",),
        gender=Gender.MALE,
        documents=(PASSPORT,),
    ).model_copy(
        update={
            "names": (
                Name(full="Ibrahim Awwad Ibrahim al-Badri"),
                Name(full="إبراهيم عواد إبراهيم البدري", kind=NameKind.ORIGINAL_SCRIPT),
                Name(full="Abu Dua", kind=NameKind.WEAK_ALIAS),
            )
        }
    )


def score(q: Query, entry: Entry) -> MatchResult:
    return ALGORITHM.score(prepare_query(q), prepare_entry(entry))


@pytest.mark.parametrize(
    "q",
    [
        query("Ibrahim Awwad Ibrahim al-Badri"),
        query("Ibrahim Awwad Ibrahim al-Badri", dob="1971-07-28", documents=(PASSPORT,)),
        query("John Smith", dob="1990"),
        query("Abu Dua", dob="1971"),
        query("إبراهيم البدري", gender=Gender.FEMALE, nationalities=("FR",)),
    ],
)
def test_scores_are_in_the_unit_interval(q: Query, baghdadi: Entry) -> None:
    assert 0.0 <= score(q, baghdadi).score <= 1.0


def test_an_exact_name_alone_passes_the_threshold(baghdadi: Entry) -> None:
    result = score(query("Ibrahim Awwad Ibrahim al-Badri"), baghdadi)
    assert result.score >= THRESHOLD
    assert result.name_kind is NameKind.PRIMARY
    assert score(query("إبراهيم عواد إبراهيم البدري"), baghdadi).score >= THRESHOLD


def test_a_weak_alias_alone_is_capped_below_the_threshold(baghdadi: Entry) -> None:
    result = score(query("Abu Dua"), baghdadi)
    assert result.name_kind is NameKind.WEAK_ALIAS
    assert result.name is not None and result.name.score > THRESHOLD  # the name itself agrees
    assert result.score < THRESHOLD
    assert result.score <= ALGORITHM.config["weak_alias_cap"]
    assert any("weak alias" in note for note in result.notes)


def test_a_weak_alias_with_a_matching_birth_date_passes(baghdadi: Entry) -> None:
    result = score(query("Abu Dua", dob="1971-07-28"), baghdadi)
    assert result.name_kind is NameKind.WEAK_ALIAS
    assert result.score >= THRESHOLD


def test_a_primary_name_beats_a_weak_alias_for_the_same_text(e: EntryFactory) -> None:
    entry = e("x", names=()).model_copy(
        update={
            "names": (
                Name(full="Abu Dua", kind=NameKind.WEAK_ALIAS),
                Name(full="Abu Dua", kind=NameKind.PRIMARY),
            )
        }
    )
    result = score(query("Abu Dua"), entry)
    assert result.name_kind is NameKind.PRIMARY
    assert result.score >= THRESHOLD


def test_a_birth_date_mismatch_takes_an_exact_name_below_the_threshold(baghdadi: Entry) -> None:
    result = score(query("Ibrahim Awwad Ibrahim al-Badri", dob="1990-01-01"), baghdadi)
    assert result.score < THRESHOLD
    (dates,) = [f for f in result.features if f.feature == "birth_date_agreement"]
    assert dates.agreement is Agreement.MISMATCH


def test_a_matching_birth_date_raises_a_near_name_match(baghdadi: Entry) -> None:
    near = query("Ibrahim al-Badri")
    without = score(near, baghdadi).score
    with_date = score(
        near.model_copy(update={"birth_dates": (BirthDate.parse("1971-07-28"),)}), baghdadi
    )
    assert with_date.score > without


def test_a_birth_date_cannot_lift_a_poor_name_match(baghdadi: Entry) -> None:
    result = score(query("John Smith", dob="1971-07-28"), baghdadi)
    assert result.score < 0.5


def test_a_decisive_document_match_lifts_the_score(baghdadi: Entry) -> None:
    result = score(query("Ibrahim al-Badri", documents=(PASSPORT,)), baghdadi)
    assert result.score >= 0.97
    assert ALGORITHM.band(result.score) == "strong"
    (document,) = [f for f in result.features if f.feature == "document_agreement"]
    assert document.is_decisive
    assert any("decisive" in note for note in result.notes)


def test_a_document_number_from_another_country_is_not_decisive(baghdadi: Entry) -> None:
    other = Document(type="passport", number="A1234567", country="SY")
    result = score(query("John Smith", documents=(other,)), baghdadi)
    assert result.score < THRESHOLD


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (0.0, "clear"),
        (0.5, "clear"),
        (0.7999, "clear"),
        (0.8, "review"),
        (0.9, "review"),
        (0.92, "strong"),
        (1.0, "strong"),
    ],
)
def test_bands(value: float, band: str) -> None:
    assert ALGORITHM.band(value) == band


def test_bands_follow_the_configuration() -> None:
    strict = HajizV1(threshold=0.9, strong=0.95)
    assert strict.threshold == 0.9
    assert strict.band(0.85) == "clear"
    assert strict.band(0.93) == "review"
    assert strict.band(0.96) == "strong"


def test_unknown_algorithm_lists_the_choices() -> None:
    with pytest.raises(UnknownAlgorithm) as raised:
        get_algorithm("nope")
    message = str(raised.value)
    assert "'nope'" in message
    for name in ALGORITHMS:
        assert name in message
    assert raised.value.status == 400


def test_unknown_setting_lists_the_choices() -> None:
    with pytest.raises(UnknownAlgorithm) as raised:
        HajizV1(treshold=0.5)
    assert "treshold" in str(raised.value)
    assert "threshold" in str(raised.value).split("choose from")[1]


def test_the_default_algorithm_is_registered_and_documented() -> None:
    algorithm = get_algorithm(DEFAULT_ALGORITHM)
    assert algorithm.NAME == DEFAULT_ALGORITHM == "hajiz-v1"
    assert algorithm.VERSION and algorithm.DESCRIPTION
    assert all(var.description for var in algorithm.CONFIG.values())
    assert all(f.description for f in algorithm.FEATURES)


def test_the_explanation_has_name_pairs_and_every_feature(baghdadi: Entry) -> None:
    result = score(
        query("Abu Bakr al-Baghdadi", "Ibrahim Awwad al-Badri", dob="1971", nationalities=("IQ",)),
        baghdadi,
    )
    explanation = result.explanation()
    assert set(explanation) == {"name", "name_kind", "features", "notes"}
    name = explanation["name"]
    assert name["query_name"] == "Ibrahim Awwad al-Badri"
    assert name["entry_name"] == "Ibrahim Awwad Ibrahim al-Badri"
    assert [p["query"] for p in name["pairs"]] == ["ibrahim", "awwad", "al-badri"]
    assert all({"reason", "score", "detail", "role"} <= set(p) for p in name["pairs"])
    assert explanation["name_kind"] == "primary"
    features = {f["feature"]: f for f in explanation["features"]}
    assert set(features) >= {
        "birth_date_agreement",
        "nationality_agreement",
        "gender_agreement",
        "document_agreement",
    }
    assert features["birth_date_agreement"]["agreement"] == "match"
    assert features["nationality_agreement"]["agreement"] == "match"
    assert features["gender_agreement"]["agreement"] == "unknown"
    for feature in features.values():
        assert feature["agreement"] in {"match", "mismatch", "unknown"}
        assert feature["detail"]


def test_a_birth_country_adds_its_feature(baghdadi: Entry) -> None:
    result = score(query("Ibrahim al-Badri", birth_country="IQ"), baghdadi)
    assert "birth_country_agreement" in [f.feature for f in result.features]


def test_a_query_without_names_scores_zero(baghdadi: Entry) -> None:
    result = ALGORITHM.score(prepare_query(query("’ -")), prepare_entry(baghdadi))
    assert result.score == 0.0
    assert result.name is None
    assert result.explanation()["name"] is None


def test_a_score_that_cannot_reach_what_is_needed_skips_the_features(baghdadi: Entry) -> None:
    poor = prepare_query(query("Ibrahim Smith", dob="1971-07-28"))
    entry = prepare_entry(baghdadi)
    full = ALGORITHM.score(poor, entry)
    short = ALGORITHM.score(poor, entry, needed=THRESHOLD)
    assert full.features and not short.features
    assert short.score < THRESHOLD and full.score < THRESHOLD
    # A good name, or a document that may decide, is always scored in full.
    good = prepare_query(query("Ibrahim Awwad Ibrahim al-Badri", dob="1971-07-28"))
    assert ALGORITHM.score(good, entry, needed=THRESHOLD).features
    with_passport = prepare_query(query("John Smith", documents=(PASSPORT,)))
    assert ALGORITHM.score(with_passport, entry, needed=THRESHOLD).score >= 0.97


@pytest.fixture
def sherri(e: EntryFactory) -> Entry:
    return e("sdn-26955", "SHERRI, Amin", birth_date="1957-08-02")


def _pairs(result: MatchResult) -> dict[str, str]:
    assert result.name is not None
    return {p.query.part.label: p.entry.part.label for p in result.name.pairs}


def test_a_part_a_letter_off_pairs_when_the_birth_date_agrees(sherri: Entry) -> None:
    result = score(query("SHERRI, Ain", dob="1957-08-02"), sherri)
    assert _pairs(result) == {"sherri": "sherri", "ain": "amin"}
    assert THRESHOLD <= result.score <= ALGORITHM.config["near_cap"]
    assert ALGORITHM.band(result.score) == "review"
    assert any("misspelt" in note for note in result.notes)
    assert result.name is not None
    (near,) = [p for p in result.name.pairs if p.query.part.label == "ain"]
    assert "birth date agrees" in near.match.detail


@pytest.mark.parametrize(
    "dob",
    [None, "1958-08-02", "1980-08-02"],
    ids=["no birth date", "a year apart", "another date"],
)
def test_without_an_agreeing_birth_date_the_parts_contradict(sherri: Entry, dob: str) -> None:
    result = score(query("SHERRI, Ain", dob=dob), sherri)
    assert result.name is not None
    assert [p.part.label for p in result.name.unmatched_query] == ["ain"]
    assert [p.part.label for p in result.name.unmatched_entry] == ["amin"]
    assert result.score < 0.5
    assert not any("misspelt" in note for note in result.notes)


def test_a_part_unlike_any_left_over_is_not_paired_by_a_birth_date(sherri: Entry) -> None:
    result = score(query("SHERRI, Yusuf", dob="1957-08-02"), sherri)
    assert _pairs(result) == {"sherri": "sherri"}
    assert result.score < THRESHOLD


def test_a_misspelt_part_is_scored_even_when_the_name_alone_is_hopeless(sherri: Entry) -> None:
    # The name alone (0.4) cannot reach the threshold, but the birth date may pair its parts.
    q = prepare_query(query("SHERRI, Ain", dob="1957-08-02"))
    assert ALGORITHM.score(q, prepare_entry(sherri), needed=THRESHOLD).score >= THRESHOLD


def test_a_decisive_document_lifts_a_misspelt_match_above_the_review_cap(e: EntryFactory) -> None:
    entry = e("sdn-26955", "SHERRI, Amin", birth_date="1957-08-02", documents=(PASSPORT,))
    result = score(query("SHERRI, Ain", dob="1957-08-02", documents=(PASSPORT,)), entry)
    assert result.score >= ALGORITHM.config["decisive_floor"]


@pytest.fixture
def rahme(e: EntryFactory) -> Entry:
    return e("sdn-37679", "RAHME, Raymond Zina", birth_date="1966-03-11")


def test_a_full_birth_date_refers_a_name_one_part_apart(rahme: Entry) -> None:
    # ZINA, Raymond Samir is the same person's alias in OFAC's list.
    alias = "ZINA, Raymond Samir"
    name_alone = score(query(alias), rahme).score
    assert 0.6 < name_alone < THRESHOLD
    assert score(query(alias, dob="1966-03-11"), rahme).score >= THRESHOLD


@pytest.mark.parametrize("dob", ["1966", "1966-03", "1967-03-11"])
def test_a_birth_year_does_not_refer_a_name_one_part_apart(rahme: Entry, dob: str) -> None:
    assert score(query("ZINA, Raymond Samir", dob=dob), rahme).score < THRESHOLD


def test_a_full_birth_date_does_not_lift_a_poor_name_match(rahme: Entry) -> None:
    assert score(query("Raymond Smith", dob="1966-03-11"), rahme).score < THRESHOLD


def test_a_surname_the_list_lacks_is_referred_with_the_birth_year(e: EntryFactory) -> None:
    # CHENARI, Hadi Dehghan is an alias of OFAC's DEHGHAN, Hadi: the passport adds a surname.
    entry = e("sdn-27160", "DEHGHAN, Hadi", birth_date="1987-09-21")
    assert score(query("CHENARI, Hadi Dehghan"), entry).score < THRESHOLD
    assert score(query("CHENARI, Hadi Dehghan", dob="1987"), entry).score >= THRESHOLD
    assert score(query("CHENARI, Hadi Dehghan", dob="1990"), entry).score < THRESHOLD
