"""Whether a Latin word can be a spelling of an Arabic word, letter by letter.

The lexicon knows how common names are written; a name it has never seen is judged by the
romanisation rules' few best spellings and, failing those, by shared consonants alone. This
module asks a sharper question of such words: could the Latin word have been written from the
Arabic one? Both words are split into consonants and the vowel gaps between them
(`romanize.segment_arabic` / `segment_latin`). The consonants must agree one by one (ق may be
q, k, g or c; ظ may be z, dh, d or th), and each Latin gap must be a reading of its Arabic gap:
an Arabic long vowel must be written (ا as a or e, و as u, o or w, ي as i, e or y), an empty
gap holds at most one short vowel, and a word that starts with a consonant in Arabic starts
with one in Latin. Hamid (حامد) therefore is not Ahmad, and Hussein (حسين) is not Hasan (حسن).
"""

from __future__ import annotations

import re
from functools import lru_cache

from hajiz.names.romanize import CONSONANTS, Segmented, segment_arabic, segment_latin

# Latin consonant spellings each Arabic consonant may take, beyond romanize's own table:
# European spellings of the same sound (Gaddafi with g, Kazem with k, Chaouch with ch).
_EXTRA_CONSONANTS: dict[str, tuple[str, ...]] = {
    "ب": ("p",), "ج": ("dsch", "zh"), "چ": ("tch", "tsch", "c"),
    "خ": ("ch", "x"), "د": ("dh",), "ذ": ("th",), "ز": ("s",), "ژ": ("z",),
    "س": ("c",), "ش": ("sch",), "ص": ("c",), "ظ": ("th",), "ف": ("ph",), "ڤ": ("f",),
    "ق": ("c", "ck"), "ك": ("ck", "q", "g"),
}  # fmt: skip
# Readings of an Arabic letter found in one language's spellings only, read back only from
# Arabic script: خ for Spanish j (خوسيه, Jalid for Khalid) and for a plain k; Turkish c for ج
# (Yücesir, Dogramaci) and ş, written s without its cedilla, for ش (Yaşar, Ermiş). Two Latin
# spellings do not meet through them: Jamal is not Kamal, and Sami is not Shami.
_FOREIGN_READINGS = {
    "خ": frozenset({"j", "k"}),
    "ج": frozenset({"c"}),
    "ش": frozenset({"s"}),
}
# و inside a word is a vowel letter or, in Persian and Urdu names, v (Javad, Mousavi, Rizvi).
_V = "و"
# A word-initial و or ي is a consonant in Arabic; in Latin it may be a consonant letter
# (Valid, Jusuf) or a vowel letter (Walid, Yusuf, Oualid, Iounes).
_GLIDE_CONSONANTS = {"و": ("v",), "ي": ("j",)}
_GLIDE_READINGS = {"و": "w|ou|o|u", "ي": "y|i|e"}

# How each Arabic vowel letter may be written in a Latin gap.
_VOWEL_READINGS = {
    "ا": "aa|a|e|â",
    "و": "ou|oo|uu|ow|aw|au|u|o|w",
    "ي": "yy|ee|ie|ei|ai|ay|ey|iy|ii|i|e|y",
    "ے": "ai|e",
}
# The alef maqsura (ى, folded into ي) at the end of a word is an a: Yahya, Mustafa, Musa.
_FINAL_YA = "yya|iya|ya|ia|ee|ey|ie|a|i|y|e"
# Ayn and hamza are written as a vowel, an apostrophe (dropped) or not at all.
_AYN = "[aeiouyw]{0,3}"
_FIRST_AYN = "[aeiouyw]{1,3}"
# A short vowel, which Arabic does not write: at most one, or French ou (Mouhamed).
_SHORT = "(?:ou|[aeiou])?"
# A ta marbuta or final h: Fatima, Fatimah, Fatime.
_FINAL_H = "ah|eh|a|e"
# An alef before l after two consonants or more is mostly an article's (Abdollahi, Nasrullah).
_ARTICLE_ALEF = "A"

# Two Arabic letters one Latin digraph may write: Urdu aspirates (Chaudhry = چوہدری) and a
# Latin sh or kh across two consonants (Ishaq = اسحاق, Is-hak).
_PAIRS = {
    "سح": ("sh",), "سه": ("sh",), "كه": ("kh",), "گه": ("gh",), "ته": ("th",), "ٹه": ("th",),
    "ده": ("dh",), "ڈه": ("dh",), "په": ("ph",),
}  # fmt: skip

_CONSONANT_TABLE: dict[str, frozenset[str]] = {
    letter: frozenset(CONSONANTS.get(letter, ()) + _EXTRA_CONSONANTS.get(letter, ()))
    for letter in set(CONSONANTS) | set(_EXTRA_CONSONANTS)
} | {_V: frozenset({"v"})}
_SPELLED_FROM_ARABIC = {
    letter: sounds | _FOREIGN_READINGS.get(letter, frozenset())
    for letter, sounds in _CONSONANT_TABLE.items()
}


@lru_cache(maxsize=4096)
def _gap_pattern(letters: str, first: bool, last: bool) -> re.Pattern[str]:
    """The Latin gaps that read an Arabic gap's letters, as one anchored pattern."""
    if not letters:
        # A word that starts or ends with a consonant in Arabic does so in Latin too: Arabic
        # writes a final vowel (Rueda is not رود).
        return re.compile("" if first or last else _SHORT)
    pieces = []
    for i, letter in enumerate(letters):
        final = last and i == len(letters) - 1
        if letter == "ع":
            # A first ayn is written as a vowel (Omar, Anbar), elsewhere maybe not (Jafar).
            pieces.append(_FIRST_AYN if first and i == 0 else _AYN)
        elif letter == "ه":
            pieces.append(f"(?:{_FINAL_H})")
        elif letter == "ي" and final:
            pieces.append(f"(?:{_FINAL_YA})")
        elif letter == _ARTICLE_ALEF or (letter == "ا" and first and i == 0):
            # A first alef carries the word's first vowel, whichever it is (Ishaq, Usama).
            pieces.append("(?:ou|[aeiou])")
        elif letter in _GLIDE_READINGS and first and i == 0:
            pieces.append(f"(?:{_GLIDE_READINGS[letter]})")
        else:
            pieces.append(f"(?:{_VOWEL_READINGS.get(letter, '')})")
    body = "[aeiou]?".join(pieces) + "[aeiou]?"
    return re.compile(body if first else f"[aeiou]?{body}")


def _with_initial_glide(arabic: Segmented) -> Segmented:
    """The Arabic word with its leading و or ي read as a vowel letter of the first gap."""
    first_gap = arabic.consonants[0] + arabic.gaps[1]
    return Segmented(arabic.consonants[1:], (first_gap, *arabic.gaps[2:]))


# Each word is split once: the same list words meet many travellers' words.
_latin_segments = lru_cache(maxsize=1 << 16)(segment_latin)
_arabic_segments = lru_cache(maxsize=1 << 16)(segment_arabic)


def _pair_sounds(first: str, second: str) -> frozenset[str] | tuple[str, ...]:
    """Latin consonants two Arabic consonants with nothing between them may be written as."""
    if first == second:
        return _CONSONANT_TABLE.get(first, ())
    return _PAIRS.get(first + second, ())


def _agree(arabic: Segmented, latin: Segmented) -> bool:
    """Consonant by consonant, gap by gap; two Arabic consonants may make one Latin one."""
    a, b = arabic.consonants, latin.consonants
    end_a, end_l = len(a), len(b)

    def gap_fits(i: int, j: int) -> bool:
        letters = arabic.gaps[i]
        if letters == "ا" and 1 < i < end_a and a[i] == "ل":
            letters = _ARTICLE_ALEF
        return bool(_gap_pattern(letters, i == 0, i == end_a).fullmatch(latin.gaps[j]))

    def from_(i: int, j: int) -> bool:
        if i == end_a or j == end_l:
            return i == end_a and j == end_l and gap_fits(i, j)
        if not gap_fits(i, j):
            return False
        sounds = _SPELLED_FROM_ARABIC.get(a[i], ())
        if (b[j] in sounds or b[j] in _GLIDE_CONSONANTS.get(a[i], ())) and from_(i + 1, j + 1):
            return True
        pair = i + 1 < end_a and not arabic.gaps[i + 1]
        return pair and b[j] in _pair_sounds(a[i], a[i + 1]) and from_(i + 2, j + 1)

    return from_(0, 0)


def _v_readings(arabic: Segmented) -> list[Segmented]:
    """The word as it is, and with one و after its first consonant read as a v."""
    readings = [arabic]
    consonants, gaps = arabic.consonants, arabic.gaps
    for at, gap in enumerate(gaps[1:], start=1):
        if _V in gap:
            split = gap.index(_V)
            readings.append(
                Segmented(
                    (*consonants[:at], _V, *consonants[at:]),
                    (*gaps[:at], gap[:split], gap[split + 1 :], *gaps[at + 1 :]),
                )
            )
    return readings


@lru_cache(maxsize=1 << 16)
def can_spell(arabic_core: str, latin_core: str) -> bool:
    """Whether the Latin word can be written letter by letter from the Arabic word.

    Both are normalised cores without an article. Words of fewer than two consonants say too
    little to judge (Ali, Isa) and are never passed.
    """
    arabic = _arabic_segments(arabic_core)
    latin = _latin_segments(latin_core)
    for reading in _v_readings(arabic) if "v" in latin_core else (arabic,):
        if len(reading.consonants) < 2:
            continue
        if _agree(reading, latin):
            return True
        glide = reading.consonants[0]
        if glide in _GLIDE_READINGS and _agree(_with_initial_glide(reading), latin):
            return True
    return False


# Arabic gaps two Latin spellings may both be read from (see one_arabic_word).
# (Not ayn: written as any vowel or none, it would join Omar and Amir.)
_ARABIC_GAPS = ("", "ا", "و", "ي", "ه", "اي", "يا", "وا", "او", "يي", "وي", "يو", "يه", "اه")
_ARABIC_LETTERS_OF: dict[str, frozenset[str]] = {
    sound: frozenset(letter for letter, sounds in _CONSONANT_TABLE.items() if sound in sounds)
    for sound in {s for sounds in _CONSONANT_TABLE.values() for s in sounds}
}


_QUALITY = str.maketrans({"e": "i", "o": "u", "y": "i", "h": None})


def _vowel_quality(gap: str) -> str:
    """A gap's vowels as heard: Osama and Usama, Ousama, Mahdi and Mahdy, Fatima and Fatimah."""
    return gap.replace("ou", "u").replace("ee", "i").replace("oo", "u").translate(_QUALITY)


@lru_cache(maxsize=1 << 16)
def _reading(word: str) -> tuple[tuple[frozenset[str], ...], tuple[str, ...]]:
    """A Latin word's consonants as the Arabic letters each may write, and its vowel gaps."""
    segmented = _latin_segments(word)
    letters = tuple(_ARABIC_LETTERS_OF.get(c, frozenset()) for c in segmented.consonants)
    return letters, segmented.gaps


def one_arabic_word(first: str, second: str) -> bool:
    """Whether two Latin words can both be spelled from one Arabic word (Kazem, Kadhim)."""
    letters_a, gaps_a = _reading(first)
    letters_b, gaps_b = _reading(second)
    if len(letters_a) != len(letters_b) or len(letters_a) < 2:
        return False
    if any(x.isdisjoint(y) for x, y in zip(letters_a, letters_b, strict=True)):
        return False
    last = len(gaps_a) - 1
    for i, (gap_a, gap_b) in enumerate(zip(gaps_a, gaps_b, strict=True)):
        if gap_a == gap_b:
            continue
        if i in (0, last):
            # The first and last vowels are heard clearly: Omar is not Amir, Borja not Borji.
            if _vowel_quality(gap_a) != _vowel_quality(gap_b):
                return False
            continue
        patterns = (_gap_pattern(letters, False, False) for letters in _ARABIC_GAPS)
        if not any(p.fullmatch(gap_a) and p.fullmatch(gap_b) for p in patterns):
            return False
    return True
