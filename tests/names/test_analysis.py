"""Analysed names: parts with roles, Latin forms, keys and rarity weights (names/analysis.py)."""

from __future__ import annotations

import pytest

from hajiz.model import Script
from hajiz.names.analysis import (
    MAX_FORMS,
    TITLE_WEIGHT,
    AnalysedPart,
    adopt_parts,
    analyse,
    analyse_part,
    analysed_name,
    middle_parts,
    natural_order,
    rarity_weight,
    read_name,
)
from hajiz.names.structure import Part, Role


def only_part(text: str) -> AnalysedPart:
    (part,) = analyse(text).name_parts
    return part


@pytest.mark.parametrize(
    "text",
    ["Abu Bakr al-Baghdadi", "أبو بكر البغدادي", "AL-BADRI, Ibrahim Awwad", "Sheikh Ahmed Yassin"],
)
def test_a_name_read_then_its_parts_analysed_is_its_analysis(text: str) -> None:
    script, parts = read_name(text)
    assert all(isinstance(p, Part) for p in parts)
    rebuilt = analysed_name(text, script, tuple(analyse_part(p) for p in parts))
    assert rebuilt == analyse(text)


def test_an_adopted_part_is_what_analyse_part_answers() -> None:
    adopted, mine = (Part(core=word, words=(word,)) for word in ("zzyzxhajiz", "qqyzxhajiz"))
    made_elsewhere = analyse_part.__wrapped__(adopted)  # as a build's worker would make it
    adopt_parts([made_elsewhere])
    try:
        assert analyse_part(adopted) is made_elsewhere
    finally:
        adopt_parts((), replace=True)
    # A part nobody adopted is analysed here, to the same values.
    assert analyse_part(mine) is not analyse_part.__wrapped__(mine)
    assert analyse_part(mine).forms == analyse_part.__wrapped__(mine).forms


def test_analyse_keeps_the_text_and_detects_the_script() -> None:
    latin = analyse("Abu Bakr al-Baghdadi")
    arabic = analyse("أبو بكر البغدادي")
    assert latin.text == "Abu Bakr al-Baghdadi"
    assert (latin.script, arabic.script) == (Script.LATIN, Script.ARABIC)
    assert [p.role for p in latin.parts] == [Role.KUNYA, Role.NISBA]
    assert [p.role for p in arabic.parts] == [Role.KUNYA, Role.NISBA]
    assert [p.core for p in latin.parts] == ["bakr", "baghdadi"]


def test_titles_stay_among_the_parts_but_a_name_of_titles_only_has_no_name_parts() -> None:
    titled = analyse("Sheikh Ahmed Yassin")
    assert [p.role for p in titled.parts] == [Role.TITLE, Role.NAME, Role.NAME]
    assert titled.name_parts == titled.parts
    assert analyse("Dr. Sheikh").name_parts == ()
    assert analyse("Dr. Sheikh").keys() == frozenset()
    assert analyse("’ -").parts == ()


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [("محمد", "muhammad"), ("بغدادي", "baghdadi"), ("عواد", "awwad"), ("ابراهيم", "ibrahim")],
)
def test_an_arabic_part_gets_latin_forms(arabic: str, latin: str) -> None:
    part = only_part(arabic)
    assert part.is_arabic
    assert latin in part.forms
    assert 1 <= len(part.forms) <= 8
    assert all(form.isascii() and form.isalpha() for form in part.forms)


def test_the_article_is_not_part_of_the_forms() -> None:
    assert "baghdadi" in only_part("البغدادي").forms
    assert only_part("al-Baghdadi").forms[0] == "baghdadi"


def test_a_latin_part_s_first_form_is_its_core_and_an_attached_article_adds_a_form() -> None:
    assert only_part("Baghdadi").forms == ("baghdadi",)
    attached = only_part("Albaghdadi")
    assert attached.forms[0] == "albaghdadi"
    assert "baghdadi" in attached.forms
    assert attached.keys() & only_part("Baghdadi").keys()


def test_persian_readings_of_arabic_letters_are_among_the_forms() -> None:
    # Sanaullah = ثناء الله: Persian and Urdu read ث as s.
    thana = only_part("ثناء الله")
    assert any(form.startswith("san") for form in thana.forms)
    assert analyse("Sanaullah").keys() & analyse("ثناء الله").keys()


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [("Mohammed", "محمد"), ("al-Baghdadi", "البغدادي"), ("Awwad", "عواد"), ("Osama", "أسامة")],
)
def test_both_scripts_of_a_name_share_matching_keys(latin: str, arabic: str) -> None:
    assert analyse(latin).keys() & analyse(arabic).keys()


def test_keys_are_prefixed_by_kind() -> None:
    keys = only_part("Baghdadi").keys()
    assert keys
    assert {key[:2] for key in keys} <= {"p:", "s:", "g:"}
    assert analyse("Abu Bakr al-Baghdadi").keys() == (
        analyse("Abu Bakr").keys() | analyse("al-Baghdadi").keys()
    )


def test_rare_parts_weigh_more_than_common_ones() -> None:
    assert only_part("Baghdadi").weight > only_part("Muhammad").weight
    assert only_part("Zawahiri").weight > only_part("Ali").weight
    assert only_part("Qwzxtrab").weight == 1.0  # unseen
    assert only_part("Qwzxtrab").frequency == 0.0
    for text in ("Muhammad", "Ali", "Baghdadi", "محمد"):
        assert 0.25 <= only_part(text).weight <= 1.0


def test_a_name_weighs_the_same_in_both_scripts() -> None:
    assert only_part("محمد").weight == pytest.approx(only_part("Muhammad").weight, abs=0.15)


def test_a_title_weighs_little() -> None:
    sheikh_title = analyse("Sheikh Ahmed Yassin").parts[0]
    sheikh_name = analyse("Sheikh").parts[0]
    assert sheikh_title.role is Role.TITLE and sheikh_name.role is Role.NAME
    assert sheikh_title.weight == pytest.approx(sheikh_name.weight * TITLE_WEIGHT)


def test_rarity_weight_falls_with_frequency_within_bounds() -> None:
    frequencies = [0.0, 1e-9, 1e-6, 1e-5, 1e-4, 1e-3, 3e-3, 1e-2, 0.5, 1.0]
    weights = [rarity_weight(f) for f in frequencies]
    assert weights[0] == 1.0
    assert weights == sorted(weights, reverse=True)
    assert all(0.25 <= w <= 1.0 for w in weights)
    assert rarity_weight(1e-2) == 0.25
    assert rarity_weight(1e-6) == 1.0


def test_analysis_is_interned() -> None:
    assert analyse("Abu Bakr") is analyse("Abu Bakr")
    first = analyse("Mohammed Ali").parts[0]
    assert analyse("Ali Mohammed").parts[1] is first
    assert analyse_part(first.part) is first


def test_analyse_part_of_a_hand_made_part() -> None:
    part = analyse_part(Part(core="بكر", words=("ابو", "بكر"), role=Role.KUNYA, prefix="abu"))
    assert part.role is Role.KUNYA and part.core == "بكر"
    assert "bakr" in part.forms
    assert part.skeletons and part.phonetic


def test_one_or_two_letter_latin_words_weigh_little() -> None:
    placeholder, name = analyse("NOORZAI na").name_parts[1], analyse("Noorzai").name_parts[0]
    assert placeholder.core == "na"
    assert placeholder.weight < 0.35 < name.weight


@pytest.mark.parametrize(
    ("name", "middle"),
    [
        ("Mahad Mohamed Ali Karate", {"mohamed", "ali"}),
        ("KARATE, Mahad Mohamed Ali", {"mohamed", "ali"}),  # the surname comes last
        ("GONZALEZ DIAZ, Juan Carlos", {"diaz", "carlos"}),  # the mother's surname too
        ("Osama Laden", set()),
        ("محمد قاسم مير ولي", {"qasim", "mir"}),
    ],
)
def test_middle_parts_lie_between_the_first_name_and_the_last(name: str, middle: set[str]) -> None:
    analysed = analyse(name)
    assert {analysed.parts[i].forms[0] for i in middle_parts(analysed)} == middle


def test_a_dha_reads_as_d_too() -> None:
    # ظ is z in the Levant and Iran, d or dh in the Gulf and Somalia (Dahir = ظاهر).
    assert {"zhr", "dhr"} <= analyse("ظاهر").parts[0].skeletons


def test_a_comma_that_cut_a_compound_is_undone_in_analysis() -> None:
    def labels(text: str) -> list[str]:
        return [p.part.label for p in analyse(text).name_parts]

    assert labels("KARIM, Jamil Abdul") == labels("ABDUL KARIM, Jamil") == ["abd karim", "jamil"]
    assert labels("KARIM<<JAMIL<ABDUL<<<<") == ["abd karim", "jamil"]  # and so does the MRZ's <<
    assert labels("KALAM, Abul") == ["abu al-kalam"]  # Abu with the article


@pytest.mark.parametrize(
    ("arabic_reading", "persian_reading"), [("Rida", "Reza"), ("Fadl", "Fazal")]
)
def test_a_latin_name_meets_its_persian_reading(arabic_reading: str, persian_reading: str) -> None:
    # رضا and فضل have a ض, which Persian and Urdu read as z.
    assert only_part(arabic_reading).phonetic & only_part(persian_reading).phonetic


@pytest.mark.parametrize(("arabic", "egyptian"), [("جمعه", "guma"), ("فرجاني", "fargani")])
def test_a_jim_word_also_reads_the_egyptian_way(arabic: str, egyptian: str) -> None:
    # The lexicon spells these with j only; Egypt says ج as g (Gomaa, Fargany).
    assert egyptian in only_part(arabic).forms
    assert sum("g" in form for form in only_part("جمال").forms) == 1  # gamal, known: no more


def test_a_dhu_word_reads_as_zul() -> None:
    assert {"zulfaqar", "dhulfaqar"} <= set(only_part("ذوالفقار").forms[:MAX_FORMS])


def test_a_plain_d_has_no_persian_z() -> None:
    # Nadir is نادر (د); Nazir is نذير. Only the lexicon's Arabic spelling lends a z.
    assert not only_part("Nadir").phonetic & only_part("Nazir").phonetic


@pytest.mark.parametrize(("mr", "other"), [("Cho", "Jo"), ("Chun", "Jun"), ("Chong", "Jong")])
def test_a_korean_syllable_s_ch_meets_its_j_spelling(mr: str, other: str) -> None:
    assert only_part(mr).phonetic & only_part(other).phonetic


@pytest.mark.parametrize(("malay", "other"), [("Baasyir", "Bashir"), ("Syarif", "Sharif")])
def test_a_malay_sy_meets_its_sh_spelling(malay: str, other: str) -> None:
    assert only_part(malay).phonetic & only_part(other).phonetic


@pytest.mark.parametrize(
    ("turkish", "other"),
    [
        ("Hamit", "Hamid"),  # a final d written t
        ("Muhammet", "Muhammad"),
        ("Davut", "Dawud"),
        ("Recep", "Rajab"),  # a final b written p, and ج written c
        ("Mecit", "Majid"),
        ("Nurettin", "Nuruddin"),  # -din written -tin, which the parser reads as al-Din
    ],
)
def test_a_turkish_spelling_meets_the_arabic_name(turkish: str, other: str) -> None:
    assert only_part(turkish).phonetic & only_part(other).phonetic


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("Farhat", "Farhad"),  # a final -at is as often Arabic's own t
        ("Cesar", "Jasser"),  # a c is Turkish only in a word with a Turkish ending
    ],
)
def test_a_word_without_a_turkish_ending_keeps_its_letters(word: str, other: str) -> None:
    assert not only_part(word).phonetic & only_part(other).phonetic


def test_a_slavic_surname_carries_the_groups_of_the_name_it_is_made_from() -> None:
    assert only_part("Magomedov").groups & only_part("Muhammadov").groups
    assert not only_part("Magomedov").groups & only_part("Magomed").groups


@pytest.mark.parametrize(("russian", "other"), [("Gusein", "Husayn"), ("Gadzhi", "Hajji")])
def test_a_rare_russian_g_word_meets_its_h_spelling(russian: str, other: str) -> None:
    assert only_part(russian).phonetic & only_part(other).phonetic


def test_a_common_g_name_keeps_its_g() -> None:
    assert not only_part("Gamal").phonetic & only_part("Hamal").phonetic


def test_syed_is_no_shed() -> None:
    assert not only_part("Syed").phonetic & only_part("Shed").phonetic


@pytest.mark.parametrize(("french", "other"), [("Chadi", "Jadi"), ("Cherif", "Jerif")])
def test_a_longer_ch_word_keeps_its_sh_reading(french: str, other: str) -> None:
    assert not only_part(french).phonetic & only_part(other).phonetic


@pytest.mark.parametrize(
    ("name", "order"),
    [
        ("Saddam Hussein al-Tikriti", ["saddam", "hussein", "tikriti"]),
        ("AL-TIKRITI, Saddam Hussein", ["saddam", "hussein", "tikriti"]),
        ("GONZALEZ DIAZ, Juan", ["juan", "gonzalez", "diaz"]),
        # A passport's machine-readable zone: the primary identifier, <<, the given names.
        ("AL<TIKRITI<<SADDAM<HUSSEIN<<<<<<", ["saddam", "hussein", "tikriti"]),
    ],
)
def test_natural_order_puts_a_list_s_given_names_first(name: str, order: list[str]) -> None:
    analysed = analyse(name)
    assert [analysed.parts[i].core for i in natural_order(analysed)] == order
