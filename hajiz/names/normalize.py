"""Text normalisation for names in every script.

Evasion tricks must not change a name's analysis: format characters (bidi marks, ZWJ/ZWNJ),
tatweel, diacritics, apostrophe-like marks and look-alike letters from other scripts are all
folded away here, before anything else looks at the name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from hajiz.model import Script

# Arabic harakat, superscript alef, Quranic annotation marks.
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff]")
_TATWEEL = "\u0640"

_ARABIC_LETTER_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ؤ": "و",
        "ئ": "ي",
        "ى": "ي",
        "ی": "ي",
        "ې": "ي",
        "ۍ": "ي",
        # Pashto letters, as the Persian and Urdu letters for the nearest sound (Afghan names:
        # ځدران = Zadran, منګل = Mangal, پښتون = Pashtun, اڅکزی = Achakzai).
        "ګ": "گ",
        "ځ": "ز",
        "څ": "چ",
        "ښ": "ش",
        "ږ": "ژ",
        "ډ": "ڈ",
        "ټ": "ٹ",
        "ړ": "ڑ",
        "ڼ": "ن",
        # Kurdish (Sorani) letters: o, ê, the heavy l and the trilled r.
        "ۆ": "و",
        "ێ": "ي",
        "ڵ": "ل",
        "ڕ": "ر",
        # Uyghur letters: u, ü, w and ng.
        "ۇ": "و",
        "ۈ": "و",
        "ۋ": "و",
        "ڭ": "نگ",
        "ک": "ك",
        "ڪ": "ك",
        "ة": "ه",
        "ۀ": "ه",
        "ہ": "ه",
        "ھ": "ه",
        "ە": "ه",
        "ء": "",
    }
)

_DIGITS = str.maketrans(
    {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
)

# Apostrophes, ayn/hamza transliteration marks and backticks: dropped inside Latin names.
_MARKS = "'`´‘’‛′ʹʻʼʽʾʿˈˊˋ"
_MARKS_TABLE = str.maketrans({c: None for c in _MARKS})

# Latin letters that NFKD does not decompose.
_LATIN_FOLD = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        "ħ": "h",
        "ŧ": "t",
        "ŋ": "ng",
        "ſ": "s",
        "ə": "a",  # Azerbaijani: Əliyev = Aliyev, Məmmədov = Mammadov
    }
)

# Cyrillic and Greek letters that look like Latin ones; used only inside otherwise Latin words.
_HOMOGLYPHS = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
        "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
        "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ɑ": "a", "ɡ": "g",
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
        "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ζ": "z", "μ": "m",
    }
)  # fmt: skip

# Plain transliteration of Cyrillic words (names written wholly in Cyrillic).
_CYRILLIC = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "қ": "k", "ғ": "gh",
        "ҳ": "kh", "ң": "ng", "ө": "o", "ү": "u", "ә": "a",
        # Kazakh, Tatar and Bashkir (Нұрсұлтан, Җәлил, Һади, Ҡасим), and the Chechen and
        # Ingush palochka, a mark on the letter before it (Кӏанта = Kanta).
        "ұ": "u", "һ": "h", "җ": "j", "ҙ": "z", "ҫ": "s", "ҡ": "q", "ӏ": "", "Ӏ": "",
        # Serbian and Macedonian, as their own Latin alphabets write them (Јован = Jovan).
        "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "ђ": "dj", "џ": "dz", "ѓ": "gj", "ќ": "kj",
        "ѕ": "dz",
    }
)  # fmt: skip

_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_.,;:/\\()\[\]{}\"<>|+*#!?&@=~^%$]+")


# The Azerbaijani schwa (Ə, ə) sits among the phonetic letters, but is a letter of a national
# Latin alphabet.
_SCHWA = 0x0259


def script_of_char(char: str) -> Script | None:
    """The script of one letter, or None for a non-letter."""
    code = ord(char)
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0x08A0 <= code <= 0x08FF:
        return Script.ARABIC if char.isalpha() else None
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return Script.ARABIC
    if not char.isalpha():
        return None
    if code < 0x0250 or 0x1E00 <= code <= 0x1EFF or code == _SCHWA:
        return Script.LATIN
    if 0x0400 <= code <= 0x052F:
        return Script.CYRILLIC
    return Script.OTHER


def detect_script(text: str) -> Script:
    """The dominant script of a text (Arabic wins any tie: it is what we romanise)."""
    if text.isascii():
        return Script.LATIN  # the common case, decided without looking at each letter
    text = unicodedata.normalize("NFKC", text)
    counts: dict[Script, int] = {}
    for char in text:
        script = script_of_char(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return Script.LATIN
    if counts.get(Script.ARABIC, 0) and counts[Script.ARABIC] >= max(counts.values()):
        return Script.ARABIC
    return max(counts, key=lambda s: counts[s])


def clean(text: str) -> str:
    """NFKC, drop control and format characters and tatweel, map non-ASCII digits."""
    # NFKC turns the acute accent (´), used as an ayn mark, into a space and an accent.
    text = text.replace("´", "'")
    if text.isascii() and text.isprintable():
        return text  # nothing to normalise, drop or map
    text = unicodedata.normalize("NFKC", text)
    text = "".join(
        ch
        for ch in text
        if ch == " " or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn")
    )
    return text.replace(_TATWEEL, "").translate(_DIGITS)


# Kurdish and Uyghur write the short vowel e as ە, which Arabic leaves unwritten (مەسعود is
# مسعود, Masoud); at the end of a word it is the -e/-a that Arabic writes ه or ة. They open a
# word that starts with a vowel with ئ, where Arabic writes an alef (ئەحمەد is أحمد).
_WRITTEN_E = "ە"
_VOWEL_SEAT = "ئ"


def fold_arabic(word: str) -> str:
    """Arabic orthographic normalisation of one word: marks, alef and hamza forms, ta marbuta."""
    word = _ARABIC_MARKS.sub("", word.replace(_TATWEEL, ""))
    if _WRITTEN_E in word[:-1]:
        word = word[:-1].replace(_WRITTEN_E, "") + word[-1]
    if word.startswith(_VOWEL_SEAT):
        # Before an alef the seat is silent (Uyghur ئابدۇللا): the alef is the vowel.
        word = word[1:] if word[1:2] == "ا" else "ا" + word[1:]
    return word.translate(_ARABIC_LETTER_FOLD)


def _has_latin(word: str) -> bool:
    return any("a" <= ch <= "z" for ch in word)


def fold_latin(word: str) -> str:
    """Latin folding of one lower-case word: look-alikes, accents, special letters, marks."""
    if _has_latin(word):
        word = word.translate(_HOMOGLYPHS)
    elif any(script_of_char(ch) is Script.CYRILLIC for ch in word):
        word = word.translate(_CYRILLIC)
    decomposed = unicodedata.normalize("NFKD", word)
    word = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return word.translate(_LATIN_FOLD).translate(_MARKS_TABLE)


@lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    """Normalise one word in any script to its comparable form (Arabic stays Arabic)."""
    word = word.casefold()
    if any(script_of_char(ch) is Script.ARABIC for ch in word):
        word = fold_arabic(word)
        return "".join(ch for ch in word if script_of_char(ch) is Script.ARABIC or ch.isdigit())
    word = fold_latin(word)
    return "".join(ch for ch in word if ch.isalnum())


# Long vowels spelt as pairs, and doubled letters (a shadda written or not): Hammoud, Hamud and
# Hamoud are one spelling, Rasheed and Rashid too. Vowel qualities stay: Hamid is not Hamad.
_LONG_VOWELS = re.compile(r"ee|oo|ou")
_LONG_VOWEL_SOUND = {"ee": "i", "oo": "u", "ou": "u"}
_DOUBLED = re.compile(r"(.)\1+")


def first_group(match: re.Match[str]) -> str:
    """A regex match's first group, as a replacement: a function, not the template r"\1",
    which re parses again on every call."""
    return match.group(1)


@lru_cache(maxsize=1 << 16)
def plain_spelling(word: str) -> str:
    """A Latin word with long-vowel pairs made single vowels and doubled letters single."""
    single = _LONG_VOWELS.sub(lambda m: _LONG_VOWEL_SOUND[m.group(0)], word)
    return _DOUBLED.sub(first_group, single)


def same_plain_spelling(a: str, b: str) -> bool:
    """Whether two Latin words differ only in doubled letters and long-vowel pairs, read the
    English way (Rasheed = Rashid) or the Somali way, a long vowel written twice (Dheere =
    Dhere, Aadan = Adan)."""
    if plain_spelling(a) == plain_spelling(b):
        return True
    return _DOUBLED.sub(first_group, a) == _DOUBLED.sub(first_group, b)


# The article before an ayn mark and a vowel (al'Issawi, AL‘ALI) is a word of its own. Before
# a consonant the mark is more likely a Russian soft sign (El'dar, Al'bert), and stays.
_AYN_MARKS = "'’‘`ʿʻ"
_ARTICLE_BEFORE_AYN = re.compile(rf"\b([AaEe][Ll])[{_AYN_MARKS}](?=[AaEeIiOoUu])")


# "Son of" written out, as South Asian and francophone records write the nasab (Akhter Mohmad
# s/o Noor Mohmad, Mohamed fils de Ahmed): read as bin and bint, the name's own particles.
_SON_OF = re.compile(r"\b(?:s/o|son of|fils de)\b", re.IGNORECASE)
_DAUGHTER_OF = re.compile(r"\b(?:d/o|daughter of|fille de)\b", re.IGNORECASE)

# The article written a- (Nur a-Din, Abd a-Rahman), as transliterations from Hebrew write it:
# only with its hyphen, and before a word of three letters or more, so that an initial (Ahmad A
# Khan) and a Korean syllable (A-ra) stay what they are.
_HYPHEN_ARTICLE = re.compile(r"(?<![^\s])([Aa])-(?=[^\W\d_]{3})")


def split_words(text: str) -> list[str]:
    """Clean a name and split it into words at spaces, hyphens and punctuation."""
    text = clean(text)
    lowered = text.lower()
    if "/o" in lowered or " of " in lowered or " de " in lowered:
        text = _DAUGHTER_OF.sub(" bint ", _SON_OF.sub(" bin ", text))
    if "a-" in lowered:
        text = _HYPHEN_ARTICLE.sub(r"\1l-", text)
    if any(mark in text for mark in _AYN_MARKS):
        text = _ARTICLE_BEFORE_AYN.sub(r"\1 ", text)
    return [w for w in _SEPARATORS.split(text) if w]


def normalize_name(text: str) -> list[str]:
    """The normalised words of a name, empties removed."""
    words = (normalize_word(w) for w in split_words(text))
    return [w for w in words if w]
