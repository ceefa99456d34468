"""Comparing parts with their structure: abd-, kunya, compounds and particles written onto a
word (hajiz/names/parts.py)."""

from __future__ import annotations

import pytest

from hajiz.names.analysis import AnalysedPart, analyse
from hajiz.names.parts import compare_parts
from hajiz.names.similarity import Reason

# Below this a part is not aligned at all (hajiz.matching.pairing.MIN_PART_SCORE).
NOT_ALIGNED = 0.7
# At or above this two parts count as the same name (the evaluation's cut).
SAME_NAME = 0.8


def parsed(text: str) -> AnalysedPart:
    (part,) = analyse(text).name_parts
    return part


def test_a_kunya_on_one_side_only_costs_a_little() -> None:
    full = compare_parts(parsed("Abu Bakr"), parsed("Abu Bakr"))
    one_side = compare_parts(parsed("Abu Bakr"), parsed("Bakr"))
    assert full.score == 1.0
    assert NOT_ALIGNED <= one_side.score < full.score
    assert "abu" in one_side.detail


def test_conflicting_prefixes_are_not_aligned() -> None:
    conflict = compare_parts(parsed("Abu Bakr"), parsed("Umm Bakr"))
    assert conflict.score < NOT_ALIGNED
    assert "abu" in conflict.detail and "umm" in conflict.detail
    assert compare_parts(parsed("Abu Hasan"), parsed("Abd al-Hasan")).score < NOT_ALIGNED


def test_a_missing_compound_element_costs_a_little() -> None:
    abd = compare_parts(parsed("Abd al-Rahman"), parsed("Rahman"))
    din = compare_parts(parsed("Salah al-Din"), parsed("Salah"))
    assert NOT_ALIGNED <= abd.score < 1.0
    assert NOT_ALIGNED <= din.score < 1.0
    assert "abd" in abd.detail
    assert "din" in din.detail


def test_compound_spellings_compare_as_identical() -> None:
    assert compare_parts(parsed("Abdurrahman"), parsed("Abd al-Rahman")).score == 1.0
    assert compare_parts(parsed("Salahuddin"), parsed("Salah ad-Din")).score == 1.0
    assert compare_parts(parsed("Nasrullah"), parsed("Nasr Allah")).score == 1.0
    assert compare_parts(parsed("Abdullah"), parsed("عبد الله")).score == 1.0


@pytest.mark.parametrize(
    ("attached", "apart"),
    [("Alali", "al-Ali"), ("Elnur", "al-Nur"), ("Aladl", "al-Adl"), ("Alhaj", "al-Hajj")],
)
def test_a_short_name_written_onto_its_article_is_the_name_with_the_article(
    attached: str, apart: str
) -> None:
    # Machine-readable zones and many lists leave the hyphen out: ALALI is al-Ali.
    match = compare_parts(parsed(attached), parsed(apart))
    assert match.score >= SAME_NAME
    assert f"= al-{attached[2:].lower()}" in match.detail
    assert compare_parts(parsed(apart), parsed(attached)).score == match.score


def test_a_short_name_that_starts_like_an_article_is_read_whole_without_one() -> None:
    # Elisa is not al-Isa's spelling unless the other side has the article.
    assert compare_parts(parsed("Elisa"), parsed("Isa")).score < NOT_ALIGNED
    assert compare_parts(parsed("Alina"), parsed("Ina")).score < NOT_ALIGNED


def assert_read_with_particle(word: str, other: str, note: str) -> None:
    """`word` matches `other` as the same name, read with a particle written onto it."""
    match = compare_parts(parsed(word), parsed(other))
    assert match.score >= SAME_NAME, word
    assert note in match.detail, word


def test_a_kunya_written_onto_its_name_with_bou_is_the_kunya() -> None:
    # Maghrebi and West African spellings of Abu Bakr, and Libyan Bukhattalah (Abu Khattalah).
    for word, kunya in [
        ("Boubacar", "أبو بكر"),
        ("Boubekeur", "أبو بكر"),
        ("Bukhattalah", "Abu Khattalah"),
    ]:
        assert_read_with_particle(word, kunya, "= abu")
    # Against a Latin Abu Bakr the vowels differ (bacar, bekeur): the consonants agree.
    for word in ("Boubacar", "Boubekeur"):
        latin = compare_parts(parsed(word), parsed("Abu Bakr"))
        assert latin.reason is Reason.SKELETON and latin.score >= NOT_ALIGNED, word
        assert "= abu" in latin.detail
    # A bou- word whose rest is another name is no kunya.
    assert compare_parts(parsed("Boutros"), parsed("Abu Tarek")).score < NOT_ALIGNED
    assert compare_parts(parsed("Bouteflika"), parsed("Abu Bakr")).score < NOT_ALIGNED


def test_a_nasab_written_onto_the_father_s_name_with_ben_or_bel_is_the_nasab() -> None:
    # North African spellings: Benali is bin Ali, Belhadj and Belmokhtar carry the article.
    for word, nasab in [
        ("Benali", "bin Ali"),
        ("Benali", "بن علي"),
        ("Belhadj", "bin al-Hajj"),
        ("Belmokhtar", "bin Mukhtar"),
    ]:
        assert_read_with_particle(word, nasab, "= bin")
    # A ben- word whose rest is only somewhat like the father's name is a name of its own.
    assert compare_parts(parsed("Benjamin"), parsed("bin Jamil")).score < NOT_ALIGNED
    assert compare_parts(parsed("Bennett"), parsed("bin Nabil")).score < NOT_ALIGNED


@pytest.mark.parametrize(
    ("word", "other"),
    [("Lamine", "al-Amin"), ("Laid", "al-Eid"), ("Larbi", "al-Arabi")],
)
def test_the_maghrebi_l_article_is_read_against_a_part_with_the_article(
    word: str, other: str
) -> None:
    match = compare_parts(parsed(word), parsed(other))
    assert match.score >= NOT_ALIGNED
    assert f"{word.lower()} = al-" in match.detail
    # Without the article on the other side the word is read whole: Latif is not Atif.
    assert compare_parts(parsed(word), parsed(other.removeprefix("al-"))).score < match.score
    assert compare_parts(parsed("Latif"), parsed("Atif")).score < NOT_ALIGNED


def test_an_l_before_a_consonant_is_the_article_whatever_the_other_side_writes() -> None:
    # No Arabic-origin name starts with l and a consonant: Lhoussine is al-Houssine.
    for word, other in [
        ("Lhoussaine", "al-Husayn"),
        ("Lhoussine", "Hussein"),
        ("Lmokhtar", "Mukhtar"),
    ]:
        assert_read_with_particle(word, other, f"{word.lower()} = al-")
    assert compare_parts(parsed("Lhoussine"), parsed("Hassan")).score < NOT_ALIGNED


def test_a_compound_the_parser_could_not_split_is_compared_whole() -> None:
    # Faizuulah is a misspelt Faizullah: no -ullah ending to split, one letter off the whole.
    latin = compare_parts(parsed("Faizuulah"), parsed("Faizullah"))
    assert latin.score >= SAME_NAME
    assert latin.reason is Reason.SPELLING and "faizullah" in latin.detail
    arabic = compare_parts(parsed("Faizuulah"), parsed("فيض الله"))
    assert arabic.score >= SAME_NAME
    assert arabic.reason is Reason.TRANSLITERATION
    # A West African -deen spelling, mistyped: Tajydeen against Taj al-Din.
    deen = compare_parts(parsed("Tajydeen"), parsed("Taj al-Din"))
    assert deen.score >= SAME_NAME and "deen" in deen.detail
    # Far from every whole spelling: still a different name.
    assert compare_parts(parsed("Faisal"), parsed("Faizullah")).score < NOT_ALIGNED


def test_a_kunya_the_parser_could_not_split_is_compared_whole() -> None:
    # Abloqasem is a misspelt Abolqasem (Abu al-Qasim): no Abol- to split it at.
    latin = compare_parts(parsed("Abloqasem"), parsed("Abolqasem"))
    assert latin.score >= SAME_NAME and "abolqasem" in latin.detail
    arabic = compare_parts(parsed("Abloqasem"), parsed("ابو القاسم"))
    assert arabic.score >= SAME_NAME and arabic.reason is Reason.TRANSLITERATION
    # Abraham is no Abu Rahman.
    assert compare_parts(parsed("Abraham"), parsed("Abu Rahman")).score < NOT_ALIGNED


@pytest.mark.parametrize("typed", ["Adbullah", "Aldullah", "Abwallah", "Adollah"])
def test_an_abd_compound_mistyped_into_one_word_is_compared_whole(typed: str) -> None:
    # One typo in Abdullah: the parser no longer sees the abd-, or reads -ullah as the end.
    match = compare_parts(parsed(typed), parsed("Abd Allah"))
    assert match.score >= SAME_NAME
    assert match.reason is Reason.SPELLING and "abd" in match.detail
    assert compare_parts(parsed(typed), parsed("عبد الله")).score >= SAME_NAME
    # Far from every whole spelling: still a different name.
    assert compare_parts(parsed("Ahmad"), parsed("Abd Allah")).score < NOT_ALIGNED


def test_patronymics_from_variant_names_are_variants_but_not_of_the_name() -> None:
    russian = analyse("SEMENCHEV, Igor Igorevich").name_parts
    ukrainian = analyse("SEMENCHEV, Ihor Ihorovych").name_parts
    igorevich, ihorovych, igor = russian[2], ukrainian[2], russian[1]
    assert (igorevich.part.core, ihorovych.part.core) == ("igorevich", "ihorovych")
    assert compare_parts(igorevich, ihorovych).reason is Reason.VARIANT
    assert compare_parts(igor, ihorovych).score < NOT_ALIGNED


def test_cross_script_compounds_align() -> None:
    assert compare_parts(parsed("عبدالرحمن"), parsed("Abdul Rahman")).score >= SAME_NAME
    assert compare_parts(parsed("نصرالله"), parsed("Nasrallah")).score >= SAME_NAME
    assert compare_parts(parsed("أبو بكر"), parsed("Abou Bakr")).score >= SAME_NAME
