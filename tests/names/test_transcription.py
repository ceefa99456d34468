"""A Latin word spelled letter by letter from an Arabic one (hajiz/names/transcription.py)."""

from __future__ import annotations

import pytest

from hajiz.names.similarity import SCORE_TRANSCRIBED, Reason, core_similarity, part_similarity
from hajiz.names.transcription import can_spell, one_arabic_word

from .conftest import without_lexicon, word


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("فيصل", "Faisal"),  # ي after the first consonant: ai
        ("فيصل", "Faycal"),  # French ç for ص
        ("يحيى", "Yahya"),  # a first ي read as a vowel letter, the final alef maqsura as a
        ("يحيى", "Yahia"),
        ("هدايت", "Hidayat"),  # an unwritten short vowel after the first consonant
        ("اسحاق", "Ishaq"),  # the first alef carries the first vowel; sh across س and ح
        ("نصرالله", "Nasrullah"),  # the article's alef read as u, its two l as one
        ("نضال", "Nidhal"),  # ض as dh
        ("جوادي", "Djouadi"),  # French dj and ou
        ("مقرمد", "Magarmid"),  # ق as g
        ("عزيز", "Aziz"),  # a first ayn written as a vowel
        ("جعفر", "Jafar"),  # an ayn inside the word left out
        ("جواد", "Javad"),  # و as the v of Persian names
        ("موسوي", "Mousavi"),
        ("خالد", "Jalid"),  # خ as a Spanish j
        ("ياشار", "Yaşar"),  # Turkish ş, and without its cedilla
        ("ياشار", "Yasar"),
        ("يوجسير", "Yücesir"),  # Turkish c for ج
    ],
)
def test_a_latin_spelling_of_the_arabic_letters_is_recognised(arabic: str, latin: str) -> None:
    assert can_spell(word(arabic).core, word(latin).core)


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("حامد", "Ahmad"),  # a word that starts with a consonant cannot start with a vowel
        ("حسن", "Hussein"),  # a long vowel the Arabic does not write
        ("حسين", "Hasan"),  # a long vowel the Arabic writes, left out
        ("رود", "Rueda"),  # Arabic writes a final vowel
        ("عنبر", "Naber"),  # a first ayn is written as a vowel
        ("كريم", "Kasim"),  # consonants that do not correspond
        ("علي", "Ali"),  # one consonant is too little to judge
    ],
)
def test_a_latin_word_the_arabic_letters_do_not_spell_is_refused(arabic: str, latin: str) -> None:
    assert not can_spell(word(arabic).core, word(latin).core)


def test_an_unknown_name_spelled_letter_by_letter_is_a_transliteration() -> None:
    match = core_similarity(without_lexicon(word("مقرمد")), without_lexicon(word("Magarmid")))
    assert match.reason is Reason.TRANSLITERATION
    assert match.score == SCORE_TRANSCRIBED
    assert "letter by letter" in match.detail


def test_two_names_the_lexicon_knows_apart_gain_nothing_from_their_letters() -> None:
    # سعد (Saad) could be written Said letter by letter, but Said is سعيد: the lexicon decides.
    assert can_spell(word("سعد").core, word("Said").core)
    assert part_similarity("سعد", "Said").score < SCORE_TRANSCRIBED


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Kazem", "Kadhim"),  # ظ as z and as dh
        ("Finianos", "Fenyanus"),
        ("Ousama", "Usama"),
        ("Fatima", "Fatimah"),
        ("Mahfoudh", "Mahfud"),
    ],
)
def test_two_latin_spellings_of_one_arabic_word_are_recognised(first: str, second: str) -> None:
    assert one_arabic_word(word(first).core, word(second).core)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Omar", "Amir"),  # the first vowel is heard clearly
        ("Borja", "Borji"),  # and so is the last
        ("Hamid", "Ahmad"),  # a word that starts with a consonant and one that does not
        ("Karim", "Kasim"),  # r and s are no one Arabic letter
        ("Peter", "Petra"),
        ("Jamal", "Kamal"),  # j and k meet only in a foreign reading of خ
        ("Sami", "Shami"),  # and s and sh only in the Turkish reading of ش
    ],
)
def test_latin_words_no_arabic_word_spells_both_are_refused(first: str, second: str) -> None:
    assert not one_arabic_word(word(first).core, word(second).core)


def test_two_unknown_latin_spellings_of_one_arabic_word_are_a_spelling() -> None:
    match = core_similarity(without_lexicon(word("Finianos")), without_lexicon(word("Fenyanus")))
    assert match.reason is Reason.SPELLING
    assert match.score == SCORE_TRANSCRIBED
    assert "one Arabic word" in match.detail
