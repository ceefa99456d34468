"""Normalisation: every evasion trick folds to the plain name (hajiz/names/normalize.py)."""

from __future__ import annotations

import pytest

from hajiz.model import Script
from hajiz.names.normalize import (
    clean,
    detect_script,
    fold_arabic,
    normalize_name,
    normalize_word,
    split_words,
)

ZWSP, ZWNJ, ZWJ = "\u200b", "\u200c", "\u200d"
LRM, RLM, ALM = "\u200e", "\u200f", "\u061c"
RLO, PDF, LRI, PDI, BOM = "\u202e", "\u202c", "\u2066", "\u2069", "\ufeff"
TATWEEL = "\u0640"


def test_clean_applies_nfkc() -> None:
    assert clean("Ｍｏｈａｍｍｅｄ") == "Mohammed"
    assert clean("ﬁras") == "firas"
    assert clean("ﻣﺤﻤﺪ") == "محمد"  # Arabic presentation forms
    assert clean("Ali\u00a0Hassan") == "Ali Hassan"  # no-break space


def test_clean_drops_format_characters_and_tatweel() -> None:
    text = f"{RLO}A{ZWSP}l{ZWNJ}i{ZWJ} {LRM}H{RLM}a{ALM}s{LRI}s{PDI}a{BOM}n{PDF}{TATWEEL}"
    assert clean(text) == "Ali Hassan"


def test_clean_maps_arabic_indic_and_persian_digits() -> None:
    assert clean("١٩٧١-٠٧-٢٨") == "1971-07-28"
    assert clean("۱۹۷۱") == "1971"
    assert normalize_name("٠١٣٤٨٥٢") == ["0134852"]


@pytest.mark.parametrize(
    "evasion",
    [
        f"MOHAM{ZWSP}MED",
        f"MO{ZWJ}HAMMED",
        f"MOHA{ZWNJ}MMED",
        f"{RLO}MOHAMMED{PDF}",
        f"{LRM}Mohammed{RLM}",
        f"MOHAMMED{BOM}",
        "mohammed",
        "ＭＯＨＡＭＭＥＤ",
        "Mohammed\u0301",  # a stray combining accent
    ],
)
def test_latin_evasions_normalise_like_the_plain_name(evasion: str) -> None:
    assert normalize_name(evasion) == ["mohammed"]


@pytest.mark.parametrize(
    "evasion",
    [
        "محـــمد",
        f"م{TATWEEL}ح{TATWEEL}م{TATWEEL}د",
        f"{RLM}محمد{LRM}",
        f"مح{ZWNJ}مد",
        f"م{ZWJ}حمد",
        f"{ALM}محمد",
        "مُحَمَّد",  # harakat and shadda
        "مُحَمَّدٌ",  # tanwin
        "ﻣﺤﻤﺪ",
    ],
)
def test_arabic_evasions_normalise_like_the_plain_name(evasion: str) -> None:
    assert normalize_name(evasion) == ["محمد"]


def test_case_is_folded() -> None:
    assert (
        normalize_name("IBRAHIM AWWAD") == normalize_name("ibrahim awwad") == ["ibrahim", "awwad"]
    )
    assert normalize_word("STRASSE") == normalize_word("Straße") == "strasse"


@pytest.mark.parametrize(
    ("accented", "plain"),
    [
        ("Ḥusayn", "husayn"),
        ("Ṣāliḥ", "salih"),
        ("ʿAbd al-Raḥmān", "abd al rahman"),
        ("Abdülkadir", "abdulkadir"),
        ("Müslüm", "muslum"),
        ("Ğazi", "gazi"),
        ("Şükrü", "sukru"),
        ("José", "jose"),
        ("Ødegård", "odegard"),
        ("Łukasz", "lukasz"),
        ("Yıldız", "yildiz"),
        ("Məmmədov Əli", "mammadov ali"),  # the Azerbaijani schwa
    ],
)
def test_latin_accents_and_special_letters_are_folded(accented: str, plain: str) -> None:
    assert normalize_name(accented) == plain.split()


@pytest.mark.parametrize("mark", ["'", "`", "’", "‘", "‛", "ʿ", "ʾ", "ʼ", "ʻ", "′"])
def test_apostrophes_and_ayn_hamza_marks_are_dropped(mark: str) -> None:
    assert normalize_word(f"Sa{mark}id") == "said"
    assert normalize_name(f"{mark}Awwad") == ["awwad"]
    assert normalize_name(f"Samarra{mark}i") == ["samarrai"]


def test_acute_accent_used_as_an_ayn_mark_is_dropped_inside_a_name() -> None:
    assert normalize_name("Sa´id Samarra´i") == ["said", "samarrai"]


def test_the_un_list_spelling_with_curly_quotes_reads_like_the_plain_one() -> None:
    listed = "Dr. Ibrahim ‘Awwad Ibrahim ’Ali al-Badri al-Samarrai’"
    assert normalize_name(listed) == normalize_name(
        "Dr Ibrahim Awwad Ibrahim Ali al Badri al Samarrai"
    )


@pytest.mark.parametrize(
    "mixed",
    [
        "ABDUL\u0410ZIZ",  # Cyrillic capital A
        "\u0410bdulaziz",
        "Abdul\u0430ziz",  # Cyrillic small a
        "Abdul\u0430z\u0456z",  # Cyrillic a and Ukrainian i
        "Abdul\u03b1ziz",  # Greek small alpha
        "Abdulaz\u03b9z",  # Greek small iota
    ],
)
def test_cyrillic_and_greek_look_alikes_inside_a_latin_name_are_folded(mixed: str) -> None:
    assert normalize_word(mixed) == "abdulaziz"


def test_greek_omicron_inside_a_latin_name_is_folded() -> None:
    assert normalize_word("\u039fMAR") == "omar"  # Greek capital omicron
    assert normalize_word("\u041eMAR") == "omar"  # Cyrillic capital o


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Владимир", "vladimir"),
        ("Усама", "usama"),
        ("Магомед", "magomed"),
        ("Абдурахманов", "abdurakhmanov"),
        ("Шамиль", "shamil"),
        ("Јовановић", "jovanovic"),  # Serbian
        ("Љубиша", "ljubisha"),
        ("Ѓорѓе", "gjorgje"),  # Macedonian
        ("Нұрсұлтан", "nursultan"),  # Kazakh
        ("Җәлил", "jalil"),  # Tatar
        ("Һади", "hadi"),
        ("Ҡасим", "qasim"),  # Bashkir
        ("КӀанта", "kanta"),  # Chechen palochka
        ("Раҳмон", "rakhmon"),  # Tajik
    ],
)
def test_wholly_cyrillic_names_are_transliterated(cyrillic: str, latin: str) -> None:
    assert normalize_word(cyrillic) == latin


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("أحمد", "احمد"),  # alef with hamza above
        ("إبراهيم", "ابراهيم"),  # alef with hamza below
        ("آمنة", "امنه"),  # alef madda, ta marbuta
        ("ٱلله", "الله"),  # alef wasla
        ("مؤمن", "مومن"),  # hamza on waw
        ("فائز", "فايز"),  # hamza on ya
        ("علاء", "علا"),  # hamza on the line
        ("فاطمة", "فاطمه"),  # ta marbuta
        ("مصطفى", "مصطفي"),  # alef maqsura
        ("علی", "علي"),  # Persian ye
        ("کریم", "كريم"),  # Persian kaf and ye
        ("رحمٰن", "رحمن"),  # superscript alef
        ("ګل", "گل"),  # Pashto gaf: Gul
        ("ځدران", "زدران"),  # Pashto dze: Zadran
        ("اڅکزی", "اچكزي"),  # Pashto tse: Achakzai
        ("پښتون", "پشتون"),  # Pashto shin: Pashtun
        ("مەسعود", "مسعود"),  # Kurdish written e, unwritten in Arabic: Masoud
        ("فاتمە", "فاتمه"),  # ...and at the end, the -e Arabic writes ه
        ("ئەحمەد", "احمد"),  # Kurdish vowel seat: Ahmad
        ("ڕەسوڵ", "رسول"),  # Kurdish trilled r and heavy l: Rasul
        ("تۇرسۇن", "تورسون"),  # Uyghur u: Tursun
        ("ئوسمان", "اوسمان"),  # Uyghur vowel seat: Osman
        ("ئابدۇللا", "ابدوللا"),  # ...silent before an alef
    ],
)
def test_arabic_letter_forms_are_folded(written: str, folded: str) -> None:
    assert normalize_word(written) == folded


def test_arabic_spellings_of_one_name_meet() -> None:
    assert normalize_word("مصطفى") == normalize_word("مصطفي") == normalize_word("مُصْطَفَى")
    assert normalize_word("فاطمة") == normalize_word("فاطمه")
    assert normalize_word("علی") == normalize_word("علي") == normalize_word("على")
    assert normalize_word("أسامة") == normalize_word("اسامه") == normalize_word("إسامة")


def test_fold_arabic_keeps_distinct_letters_distinct() -> None:
    # Folding is orthographic only: different consonants stay different.
    assert fold_arabic("حسن") != fold_arabic("حسين")
    assert fold_arabic("سالم") != fold_arabic("سلمى")
    assert fold_arabic("عمر") != fold_arabic("عمرو")


@pytest.mark.parametrize(
    "word",
    ["Mohammed", "مُحَمَّد", "Ḥusayn", "Sa’id", "ABDUL\u0410ZIZ", "Владимир", "آمنة", "۱۹۷۱", "Straße"],
)
def test_normalize_word_is_idempotent(word: str) -> None:
    once = normalize_word(word)
    assert once
    assert normalize_word(once) == once


def test_split_words_splits_at_spaces_hyphens_and_punctuation() -> None:
    assert split_words("al-Badri, Ibrahim (Abu Du'a)") == ["al", "Badri", "Ibrahim", "Abu", "Du'a"]
    assert split_words("Abu-Shaima / Abu Shayma") == ["Abu", "Shaima", "Abu", "Shayma"]
    assert split_words("  \t ") == []


def test_normalize_name_removes_words_without_letters() -> None:
    assert normalize_name("Ali - ' Hassan") == ["ali", "hassan"]
    assert normalize_name("’ ‘") == []


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Ibrahim Awwad", Script.LATIN),
        ("إبراهيم عواد", Script.ARABIC),
        ("Абдурахманов Магомед", Script.CYRILLIC),
        ("أبو بكر (Abu)", Script.ARABIC),  # Arabic dominates
        ("ab عل", Script.ARABIC),  # a tie goes to Arabic
        ("1971", Script.LATIN),  # no letters at all
        ("", Script.LATIN),
    ],
)
def test_detect_script(text: str, script: Script) -> None:
    assert detect_script(text) is script


def test_detect_script_reads_fullwidth_latin_as_latin() -> None:
    assert detect_script("ＭＯＨＡＭＭＥＤ ＡＬＩ") is Script.LATIN


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("HAMID AL‘ALI", ["hamid", "al", "ali"]),
        ("al'Issawi", ["al", "issawi"]),
        ("El'dar", ["eldar"]),  # a Russian soft sign before a consonant
        ("Jamal'a", ["jamala"]),
    ],
)
def test_an_article_before_an_ayn_mark_and_a_vowel_is_its_own_word(
    text: str, words: list[str]
) -> None:
    assert normalize_name(text) == words
