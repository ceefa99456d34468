"""Name alignment: parts matched regardless of order, what is left weighed (matching/names.py)."""

from __future__ import annotations

from typing import Any

import pytest

from hajiz.matching.names import NameComparison, align
from hajiz.matching.pairing import MIN_PART_SCORE, NEAR_PART_SCORE
from hajiz.names.analysis import analyse
from hajiz.names.similarity import Reason
from hajiz.names.structure import Role

# The algorithm's referral threshold (hajiz-v1): names at or above it alone get a second look.
THRESHOLD = 0.8


def compare(query: str, entry: str) -> NameComparison:
    return align(analyse(query), analyse(entry))


def score(query: str, entry: str) -> float:
    return compare(query, entry).score


def compare_whole(query: str, entry: str) -> NameComparison:
    """Compare two names whose parts must all be aligned, none left over on either side."""
    result = compare(query, entry)
    assert (result.unmatched_query, result.unmatched_entry) == ((), ())
    return result


def test_the_same_name_scores_one() -> None:
    result = compare_whole("Ibrahim Awwad al-Badri", "Ibrahim Awwad al-Badri")
    assert result.score == 1.0
    assert not result.is_reordered
    assert [p.match.reason for p in result.pairs] == [Reason.IDENTICAL] * 3


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Ibrahim Awwad al-Badri", "Ibrahim Awwad al-Badri"),
        ("Abu Bakr al-Baghdadi", "أبو بكر البغدادي"),
        ("Mohammed Ali", "Ali Mohammed"),
        ("Ahmad Khan", "Hamid Khan"),
        ("X", "Osama bin Laden"),
    ],
)
def test_scores_are_in_the_unit_interval(query: str, entry: str) -> None:
    assert 0.0 <= score(query, entry) <= 1.0


def test_order_does_not_matter_but_costs_a_little() -> None:
    same_order = compare("Ibrahim Awwad al-Badri", "Ibrahim Awwad al-Badri")
    surname_first = compare("al-Badri Ibrahim Awwad", "Ibrahim Awwad al-Badri")
    assert surname_first.is_reordered
    assert THRESHOLD <= surname_first.score < same_order.score
    assert same_order.score - surname_first.score <= 0.05
    assert len(surname_first.pairs) == 3
    assert compare("Awwad Ibrahim", "Ibrahim Awwad").score >= THRESHOLD


def test_pairs_are_listed_in_query_order() -> None:
    result = compare("al-Badri Ibrahim", "Ibrahim al-Badri")
    assert [p.query.core for p in result.pairs] == ["badri", "ibrahim"]


def test_an_omitted_nasab_element_costs_little_and_a_contradicting_one_costs_more() -> None:
    entry = "Osama bin Mohammed bin Awad bin Laden"
    omitted = compare("Osama bin Laden", entry)
    contradicting = compare("Osama bin Hassan bin Laden", entry)
    assert omitted.score >= THRESHOLD
    assert [p.part.label for p in omitted.unmatched_entry] == ["bin mohammed", "bin awad"]
    assert omitted.unmatched_query == ()
    assert contradicting.score < omitted.score
    assert "bin hassan" in [p.part.label for p in contradicting.unmatched_query]


def test_a_muhammad_opening_the_traveller_s_given_names_costs_like_a_middle_name() -> None:
    # Mohammad Jawad is Jawad: the list dropped the Muhammad, as people and lists often do.
    dropped = score("NASRALLAH, Mohammad Jawad", "NASRALLAH, Jawad")
    assert dropped == pytest.approx(score("NASRALLAH, Jawad Mohammad", "NASRALLAH, Jawad"))
    assert dropped > score("NASRALLAH, Hassan Jawad", "NASRALLAH, Jawad")
    # The list's own Muhammad costs as any name it adds: already half the traveller's cost.
    assert score("Jawad NASRALLAH", "Mohammad Jawad NASRALLAH") < dropped
    # Not on its own: Mohammed Ali is not Ali.
    assert score("Mohammed Ali", "Ali") < THRESHOLD


def test_a_middle_name_omitted_costs_like_a_nasab_and_less_than_a_first_name() -> None:
    without_nasab = score("Osama Laden", "Osama bin Mohammed Laden")
    without_middle = score("Osama Laden", "Osama Mohammed Laden")
    without_first = score("Mohammed Laden", "Osama Mohammed Laden")
    assert without_middle == pytest.approx(without_nasab)
    assert without_first < without_middle


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Nusret Sulejman Imamovic", "IMAMOVIC, Nusret"),  # the traveller's middle name
        ("KARATE, Mahad Mohamed Ali", "Mahad Karate"),  # "SURNAME, Given" read surname last
        ("PLOTNITSKY, Igor", "PLOTNITSKY, Igor Venediktovich"),  # a patronymic
        ("KHATIB, Seyed Esmaeil", "KHATIB, Esmail"),  # Seyed: a title read as a name
        # A Saudi passport's father's and grandfather's names, which lists often leave out.
        ("Khalid Abdullah Saleh al-Shehri", "Khalid al-Shehri"),
        ("Faisal Hamad Mubarak al-Dosari", "Faisal al-Dosari"),
    ],
)
def test_a_name_that_only_adds_middle_names_reaches_the_threshold(query: str, entry: str) -> None:
    assert score(query, entry) >= THRESHOLD


def test_an_added_patronymic_costs_less_than_an_added_middle_name() -> None:
    patronymic = score("KIM, Lidia Egorovna", "KIM, Lidia")
    middle_name = score("KIM, Lidia Egorova", "KIM, Lidia")
    assert patronymic >= THRESHOLD
    assert middle_name < patronymic


def test_middle_names_that_differ_contradict_and_cost_in_full() -> None:
    omitted = score("Akram Turki al-Mazidih", "Akram Turki Hishan al-Mazidih")
    contradicting = score("Akram Turki Hashim al-Mazidih", "Akram Turki Hishan al-Mazidih")
    assert omitted >= THRESHOLD
    assert contradicting < THRESHOLD


def test_a_traveller_s_extra_part_costs_more_than_a_list_s_extra_part() -> None:
    extra_on_list = score("Osama Laden", "Osama Hassan Laden")
    extra_given = score("Osama Hassan Laden", "Osama Laden")
    assert extra_given < extra_on_list


def test_a_contradicting_part_lowers_the_score_below_the_threshold() -> None:
    result = compare("Ahmad Khan", "Hamid Khan")
    assert result.score < THRESHOLD
    assert [p.part.core for p in result.unmatched_query] == ["ahmad"]
    assert [p.part.core for p in result.unmatched_entry] == ["hamid"]


def test_a_name_of_common_parts_scores_lower_than_one_with_a_rare_part() -> None:
    common = score("Mohammed Ali", "Mohammed Ali")
    rare = score("Mohammed Zawahiri", "Mohammed Zawahiri")
    assert rare >= 0.92  # the "strong" band on the name alone
    assert common < rare
    assert common < 0.92


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Walijan Ahmadzai", "Wali Jan Ahmadzai"),
        ("Wali Jan Ahmadzai", "Walijan Ahmadzai"),
        ("Haibatullah Akhundzada", "Haibatullah Akhund Zada"),
        ("Hibatullah Akhund Zada", "Hibatullah Akhundzada"),
        ("Abdelfattah Ahmad", "Abd al-Fattah Ahmad"),
        # Joined in reading order: the last given name and the surname put first.
        ("BANDARABADI, Mohammad Reza Jafari", "JAFARIBANDARABADI, Mohammadreza"),
        ("JAFARIBANDARABADI, Mohammadreza", "BANDARABADI, Mohammad Reza Jafari"),
    ],
)
def test_parts_written_as_one_word_align_with_two(query: str, entry: str) -> None:
    result = compare_whole(query, entry)
    assert result.score >= 0.9


def test_an_identical_part_is_aligned_before_a_rarer_look_alike() -> None:
    result = compare("ABDOLLAHI, Ali", "ABDOLLAHI ALIABADI, Ali")
    assert [(p.query.core, p.entry.core) for p in result.pairs][-1] == ("ali", "ali")
    assert [p.core for p in result.unmatched_entry] == ["aliabadi"]


def test_a_truncated_last_part_still_matches() -> None:
    # Machine-readable zones cut long names short.
    full = "IBRAHIM AWWAD IBRAHIM AL-BADRI AL-SAMARRAI"
    result = compare("IBRAHIM AWWAD IBRAHIM AL-BADRI AL-SAMA", full)
    assert result.score >= THRESHOLD
    assert result.pairs[-1].match.reason is Reason.TRUNCATED
    assert compare("MAGHOMED ABDURAKHMA", "MAGHOMED ABDURAKHMANOV").score >= THRESHOLD


def test_truncation_is_read_only_in_the_last_part() -> None:
    result = compare("SAMA IBRAHIM", "SAMARRAI IBRAHIM")
    assert all(p.match.reason is not Reason.TRUNCATED for p in result.pairs)


def test_cross_script_names_align() -> None:
    result = compare("أبو بكر البغدادي", "Abu Bakr al-Baghdadi")
    assert result.score >= 0.9
    assert [p.entry.role for p in result.pairs] == [Role.KUNYA, Role.NISBA]
    assert {p.match.reason for p in result.pairs} <= {Reason.TRANSLITERATION, Reason.PHONETIC}


def test_titles_cost_nothing_when_the_other_name_lacks_them() -> None:
    assert score("Sheikh Ahmed Yassin", "Ahmed Yassin") >= 0.95
    assert score("Ahmed Yassin", "Dr. Ahmed Yassin") >= 0.95


def test_nothing_aligns_below_the_part_threshold() -> None:
    result = compare("Ahmad Hassan Salim", "Hamid Hussein Salma")
    assert all(p.match.score >= MIN_PART_SCORE for p in result.pairs)
    assert result.score < 0.5


def test_a_name_without_name_parts_scores_zero() -> None:
    empty = align(analyse("Dr. Sheikh"), analyse("Ahmed Yassin"))
    assert empty.score == 0.0
    assert empty.pairs == ()


def test_the_explanation_carries_each_pair_with_its_reason() -> None:
    data: dict[str, Any] = compare("Abu Bakr al-Baghdadi al-Husseini", "أبو بكر البغدادي").to_dict()
    assert set(data) >= {
        "score",
        "query_name",
        "entry_name",
        "pairs",
        "unmatched_query",
        "unmatched_entry",
        "reordered",
    }
    assert data["query_name"] == "Abu Bakr al-Baghdadi al-Husseini"
    assert data["entry_name"] == "أبو بكر البغدادي"
    first, second = data["pairs"]
    assert first["query"] == "abu bakr" and first["entry"] == "abu بكر"
    assert first["entry_latin"] == "bakr" and first["role"] == "kunya"
    assert second["query"] == "al-baghdadi" and second["role"] == "nisba"
    for pair in data["pairs"]:
        assert pair["reason"] in {r.value for r in Reason}
        assert 0.0 <= pair["score"] <= 1.0
    assert data["unmatched_query"] == ["al-husseini"]
    assert data["unmatched_entry"] == []
    assert data["reordered"] is False


def test_weights_can_be_supplied() -> None:
    query, entry = analyse("Mohammed Zawahiri"), analyse("Mohammed Hamid")
    flat = align(query, entry, weigh=lambda part: 1.0)
    rare_first = align(query, entry, weigh=lambda part: 1.0 if part.core == "mohammed" else 0.25)
    # When the agreeing part is what matters most, the disagreement weighs less.
    assert rare_first.score > flat.score


def test_a_son_s_name_is_not_his_father_s() -> None:
    # An Arab son's name is his own name, then his father's chain: the father's listed name.
    son = compare("Ali Saddam Hussein al-Tikriti", "AL-TIKRITI, Saddam Hussein")
    assert son.score < THRESHOLD
    assert son.notes and "son of the listed person" in son.notes[0]
    # Muhammad opens double given names (Mohammad Jawad): no son by this rule.
    double = compare("Mohammad Barzan Ibrahim Hasan al-Tikriti", "Barzan Ibrahim Hassan al-Tikriti")
    assert not double.notes and double.score >= THRESHOLD
    # A name not written the Arabic way: a first name put before is an added one.
    added = compare("KAN, Andrew Kai Yan Ming", "KAN, Kai Yan Ming")
    assert not added.notes


def test_a_father_s_name_is_not_his_son_s() -> None:
    # The traveller's name is the listed person's name without its first name: his father's.
    father = compare("Saddam Hussein al-Tikriti", "علي صدام حسين التكريتي")
    assert father.score < THRESHOLD
    assert father.notes and "father" in father.notes[0]
    assert [p.part.label for p in father.unmatched_entry] == ["علي"]


def test_brothers_names_differ_in_the_first_name_only() -> None:
    brother = compare("ALI BEN TAHER BEN FALEH OUNI HARZI", "TARAK BEN TAHER BEN FALEH OUNI HARZI")
    assert brother.score < THRESHOLD
    assert brother.notes and "brother or sister" in brother.notes[0]
    # Without the family rule the chain alone would flag him: the notes say why it did not.
    same = compare("TARAK BEN TAHER BEN FALEH OUNI HARZI", "TARAK BEN TAHER BEN FALEH OUNI HARZI")
    assert same.score >= THRESHOLD and not same.notes
    # A first name only omitted is no contradiction (see the middle-name tests above).
    assert not compare("BEN TAHER BEN FALEH OUNI HARZI", "ALI BEN TAHER OUNI HARZI").notes


def test_a_repeated_name_aligns_with_the_repeat_that_keeps_the_order() -> None:
    # Ibrahim Sabawi Ibrahim: the grandson bears his grandfather's name. The traveller's
    # Ibrahim is the father's-chain one, which leaves the listed first name over: his father.
    result = compare("SAB'AWI IBRAHIM HASSAN AL-TIKRITI", "IBRAHIM SABAWI IBRAHIM HASAN AL-TIKRITI")
    assert not result.is_reordered
    assert [p.part.label for p in result.unmatched_entry] == ["ibrahim"]
    assert result.unmatched_entry[0] is result.entry_name.name_parts[0]
    assert result.notes and "father" in result.notes[0]


def test_an_initial_agrees_with_a_name_it_starts_but_says_nothing() -> None:
    initial = compare("M. Ali Hassan", "Mohammed Ali Hassan")
    assert (initial.unmatched_query, initial.unmatched_entry) == ((), ())
    (pair,) = [p for p in initial.pairs if p.match.reason is Reason.INITIAL]
    assert (pair.query.part.core, pair.entry.part.core) == ("m", "mohammed")
    other = compare("K. Ali Hassan", "Mohammed Ali Hassan")  # an initial that disagrees
    assert other.score < initial.score < score("Mohammed Ali Hassan", "Mohammed Ali Hassan")
    # It carries no information: an initial and one common name stay below the threshold.
    assert score("A Hassan", "Ahmed Hassan") < THRESHOLD
    assert score("HAIDER, S.M.", "HAIDER, Syed Mohammed") > score("HAIDER", "HAIDER, Syed Mohammed")


def test_an_omitted_first_name_that_is_no_title_still_costs_in_full() -> None:
    assert score("Ahmad Zahir Khan", "Zahir Khan") < THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [("ZHAO, Dong Dong", "ZHAO, Dongdong"), ("MEHDI, Alighadeer", "MEHDI, Ali Ghadeer")],
)
def test_a_left_over_part_beside_an_aligned_one_is_read_with_it(query: str, entry: str) -> None:
    # Dong alone was taken as Dongdong cut short; Dong Dong is the word itself.
    result = compare_whole(query, entry)
    assert result.score >= 0.95


def test_words_that_agree_align_though_abd_is_on_one_side_only() -> None:
    result = compare("QAYYUM, Tabish Abdul", "QAYYUUM, Tabish")
    assert [p.entry.part.label for p in result.pairs] == ["qayyuum", "tabish"]
    assert result.pairs[0].match.score < MIN_PART_SCORE  # the missing abd- still costs


def test_a_title_does_not_make_a_single_name_two() -> None:
    # Haji Khairullah is a one-part name: it gets the one-part base as Khairullah does.
    with_title = score("KHEIRULLAH, Haji", "KHAIRULLAH, Haji")
    assert with_title >= score("KHEIRULLAH", "KHAIRULLAH") >= THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Abu Abd al-Aziz", "ABU ABDUL AZIZ"),  # a strong alias on the OFAC list
        ("أبو عبد العزيز", "Abu Abdul Aziz"),
    ],
)
def test_a_kunya_naming_an_abd_compound_aligns_however_abd_is_spelt(query: str, entry: str) -> None:
    result = compare_whole(query, entry)
    assert result.score >= THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("عبد حميد محمد", "Abdul Hamid Mohammed"),  # the article left out in Arabic script
        ("Abid Hamid Mohammed", "عبد الحميد محمد"),
    ],
)
def test_an_abd_written_apart_joins_the_compound_it_opens(query: str, entry: str) -> None:
    result = compare_whole(query, entry)
    first = result.pairs[0]
    assert first.entry.part.prefix == first.query.part.prefix == "abd"
    assert "abd written apart" in first.match.detail
    assert THRESHOLD <= result.score < score("Abdul Hamid Mohammed", "عبد الحميد محمد")


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("SAAD, Adbul Latif", "SAAD, Abdul Latif"),
        ("AL-TALHI, Abduol Rahim", "AL-TALHI, Abdul Rahim"),
        ("MANAN, Ebdul Rahim", "MANAN, Abdul Rahim"),
    ],
)
def test_a_mistyped_abd_written_apart_joins_the_compound_it_opens(query: str, entry: str) -> None:
    result = compare_whole(query, entry)
    assert result.score >= THRESHOLD
    assert any("abd written apart" in p.match.detail for p in result.pairs)


def test_a_known_name_one_letter_from_abd_is_no_abd() -> None:
    # Abbas is one letter from Abdas, but a name of its own: Abbas Rahman is no Abd al-Rahman.
    result = compare("Abbas Rahman Khan", "Abd al-Rahman Khan")
    assert [p.part.label for p in result.unmatched_query] == ["abbas"]
    assert result.score < THRESHOLD


def test_sheikh_inside_a_name_is_aligned_as_a_name() -> None:
    # Khalid Sheikh Mohammed: two common names and a Sheikh that is his, not a title. Read as
    # a title it weighed nothing, and the common names alone fell under the threshold.
    result = compare_whole("Khaled Shaikh Mohamad", "MOHAMMED, Khalid Shaikh")
    assert result.score >= THRESHOLD
    assert ("shaikh", Role.NAME) in [(p.entry.part.label, p.entry.role) for p in result.pairs]


def test_near_pairs_left_over_parts_nearly_alike_best_first() -> None:
    strict = align(analyse("Swy Myint Tun"), analyse("Swe Myint Thein"))
    near = align(analyse("Swy Myint Tun"), analyse("Swe Myint Thein"), near=True)
    assert [p.part.label for p in strict.unmatched_query] == ["swy", "tun"]
    labels = {p.query.part.label: p.entry.part.label for p in near.pairs}
    assert labels["swy"] == "swe"
    assert all(p.match.score >= NEAR_PART_SCORE for p in near.pairs)
    assert near.score > strict.score


def test_near_leaves_parts_too_unlike_unpaired() -> None:
    near = align(analyse("Ahmad Yusuf"), analyse("Ahmad Khalid"), near=True)
    assert [p.part.label for p in near.unmatched_query] == ["yusuf"]
    assert [p.part.label for p in near.unmatched_entry] == ["khalid"]
