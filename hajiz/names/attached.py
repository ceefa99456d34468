"""Words written together, set apart: an article, an abd, a -din or an -allah written onto
the name (Abdurrahman, Salahuddin, Nasrullah, عبدالله, البغدادي), and an idafa's article
written onto its first word (Fazlur Rehman). `structure.parse_parts` reads the words after.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA

from hajiz.names.lexicon import load_lexicon
from hajiz.names.normalize import plain_spelling
from hajiz.names.vocabulary import (
    ABD,
    ARABIC_NOT_ARTICLE,
    IDAFA_SECOND_ELEMENTS,
    KUNYA_WITH_ARTICLE,
    TITLES,
)

_LATIN_ABD = re.compile(r"^ab[de]d?([aeiou]{0,2})(.*)$")
_SUN_DOUBLE = re.compile(r"^([tdrzsnl]|sh|th|dh)\1")
# X-uddin, and Turkish X-ettin (Nurettin = Nur al-Din, Bahattin = Baha al-Din). After an o the
# d is doubled (Persian Emadoddin, Jamaloodin): a single one ends Russian surnames (Volodin).
_LATIN_DIN = re.compile(
    r"^([a-z]{3,}?)(?:(?:[aeiu]d{1,2}|o?od{2}|ood|dd|[ae]ld)(?:in|een|ine|yn|ein)|[aeiou]ttin)$"
)
# X-ullah, -allah, -ollah; -illa and -ella only with the h: without it they are Romance
# surnames (Padilla, Mantilla, Lavilla, Estrella), never compounds. -ulla, -alla and -olla
# without it only after a known name (see `_split_latin`).
_LATIN_ULLAH = re.compile(r"^([a-z]{3,}?)(?:[aou]llah?|[ie]llah)$")
# Tajik and Uzbek -ullo, -ulloh (Rahmatullo, Nurulloh), read so only after a name the name data
# knows (see `_known_before_ullah`), since Italian surnames end so too (Cirullo, Carullo).
_LATIN_ULLO = re.compile(r"^([a-z]{3,}?)ulloh?$")
# Stems this short must be known with -ullah itself: car, mas and cir are no names before it.
_MIN_ULLO_STEM = 4
# What follows abd- in Abdullah, Abdallahi, and West African Abdoulaye and Abdulai.
_ALLAH_ENDINGS = frozenset(
    {"lah", "la", "lla", "llah", "ah", "a", "aye", "ahi", "lahi", "laye", "ai", "aie", "ay"}
)
LATIN_DIN_ALONE = re.compile(r"^(?:[aeiu][ld]|u|e)d?d(?:in|een|ine)$")
ARABIC_ARTICLE = "ال"
# Compounds of عبد written without the article: Abd Rabbuh.
ARABIC_ABD_BARE = frozenset({"ربه", "ربو", "رب"})
_DHU = "ذو"  # "possessor of": Dhu al-Fiqar


# An e and a doubled sun letter opening a longer word: Essaadi, Ettayeb, Ennahdi (not a-:
# Azzawi and Assaf start with an ayn, not an article).
_LATIN_ASSIMILATED = re.compile(r"^(e([tdszrn]))(\2[a-z]{3,})$")


def _known_before_ullah(stem: str) -> bool:
    """Whether the name data knows `stem` + -ullah, or `stem` as a name long enough to trust."""
    lexicon = load_lexicon()
    return stem + "ullah" in lexicon or (len(stem) >= _MIN_ULLO_STEM and stem in lexicon)


def _split_latin_abd(word: str) -> list[str]:
    """Abdurrahman → abd, rahman; Abdullah → abd, allah; Abdelkader → abd, kader."""
    if word.startswith(("gabd", "cabd")):
        # Tatar and Bashkir write the ayn as g (Gabdulla, Gabdrakhman), Somali as c
        # (Cabdullahi, Cabdiraxmaan, Cabdi).
        word = word[1:]
    if len(word) < 6 or not word.startswith(("abd", "abed")):
        return [word]
    match = _LATIN_ABD.match(word)
    if match is None:
        return [word]
    vowels, rest = match.groups()
    shifted = vowels[1:] + rest
    if (rest.startswith("l") and not rest.startswith("ll")) or rest.startswith("ll"):
        rest = rest[1:]
    else:
        double = _SUN_DOUBLE.match(rest)
        if double:
            rest = rest[len(double.group(1)) :]
    # Two vowels may end abd and start the name: Somali Abdiaziz is abd + aziz, not abd + ziz.
    if len(vowels) == 2 and _starts_the_name(shifted, rest):
        return ["abd", shifted]
    if rest in _ALLAH_ENDINGS:
        return ["abd", "allah"]
    if rest.startswith("l") and len(rest) <= 5 and OSA.distance(rest, "lah") <= 1:
        return ["abd", "allah"]  # a typo in Abdullah (Abdullanh, Abdullwah)
    if len(rest) <= 5 and min(OSA.distance(rest, a) for a in ("ullah", "allah")) <= 1:
        return ["abd", "allah"]  # Abdlulah: the l written before the u
    if len(rest) < 3:
        return [word]
    return ["abd", *_persian_suffix(rest)]


# Persian surnames made from a name: Abdollahpour, Abdolrahimzadeh. Split off an abd- word, so
# that the word reads as the compound and the suffix, as when they are written apart.
_PERSIAN_SUFFIXES = ("pour", "pur", "zadeh", "zade", "zada", "nejad", "nezhad", "nia")


def _persian_suffix(rest: str) -> list[str]:
    """lahpour → allah, pour; rahimzadeh → rahim, zadeh; any other rest as it is."""
    for suffix in _PERSIAN_SUFFIXES:
        stem = rest[: -len(suffix)]
        if rest.endswith(suffix) and len(stem) >= 3:
            return ["allah" if stem in _ALLAH_ENDINGS else stem, suffix]
    return [rest]


def _starts_the_name(shifted: str, rest: str) -> bool:
    """Whether the name after abd is better read from its second vowel: a known name that way,
    and none without it."""
    lexicon = load_lexicon()
    return len(shifted) >= 3 and shifted in lexicon and (len(rest) < 3 or rest not in lexicon)


def _split_arabic(word: str) -> list[str]:
    """Split attached Arabic elements.

    البغدادي → ال, بغدادي; عبدالرحمن → عبد, ال, رحمن; نصرالله → نصر, الله; نورالدين → نور, ال, دين.
    """
    if word in ARABIC_NOT_ARTICLE or word in TITLES or len(word) < 3:
        return [word]
    if word.startswith("عبد") and len(word) > 4:
        rest = word[3:]
        if rest == "الله" or rest == "لله":
            return ["عبد", "الله"]
        if rest.startswith(ARABIC_ARTICLE) and len(rest) > 3:
            return ["عبد", ARABIC_ARTICLE, rest[2:]]
        if len(rest) >= 3:
            # Written onto عبد the article may be left out (عبدفتاح); as a separate word
            # عبد before a name without it is a name of its own (see `structure._opens_compound`).
            return ["عبد", rest] if rest in ARABIC_ABD_BARE else ["عبد", ARABIC_ARTICLE, rest]
    if word.startswith("بن") and len(word) >= 5 and word[2:] in load_lexicon():
        return ["بن", *_split_arabic(word[2:])]
    if word.startswith("ابو") and len(word) >= 6:
        return ["ابو", *_split_arabic(word[3:])]
    if word.endswith("الدين") and len(word) > 6:
        return [*_split_arabic(word[:-5]), ARABIC_ARTICLE, "دين"]
    if word.endswith("الله") and len(word) > 5:
        return [*_split_arabic(word[:-4]), "الله"]
    if word.startswith(ARABIC_ARTICLE) and len(word) >= 4:
        return [ARABIC_ARTICLE, word[2:]]
    if word.endswith("عبد") and len(word) >= 6:
        # محمدعبد البصير: the abd of the next compound written onto the name before it.
        return [*_split_arabic(word[:-3]), "عبد"]
    return _split_unseen_space(word)


# Letters that never join the letter after them: a space left out after one is invisible.
_NON_JOINING = frozenset("اأإآدذرزوؤ")
# Each half of a word split at an invisible space is a known name of at least this many letters.
_MIN_SPLIT_HALF = 3


def _split_unseen_space(word: str) -> list[str]:
    """ظاهرعويس → ظاهر, عويس: two known names typed without the space nobody sees is missing."""
    lexicon = load_lexicon()
    if len(word) < 2 * _MIN_SPLIT_HALF or word in lexicon:
        return [word]
    for i in range(_MIN_SPLIT_HALF, len(word) - _MIN_SPLIT_HALF + 1):
        if word[i - 1] in _NON_JOINING and word[:i] in lexicon and word[i:] in lexicon:
            return [word[:i], word[i:]]
    return [word]


# Somali contracts Abu Bakr to one word (Abukar Ali Adan).
_SOMALI_ABU_BAKR = frozenset({"abukar", "abuukar", "abukaar"})


def _split_latin(word: str) -> list[str]:
    """Split attached abd-compounds and X-uddin / X-ullah compounds of a Latin word."""
    if LATIN_DIN_ALONE.match(word):
        return ["al", "din"]
    parts = _split_latin_abd(word)
    if parts != [word]:
        return parts  # split, or an ayn written c or g taken off (Cabdi = Abdi)
    if word.startswith(("binal", "benal", "binel", "benel")) and len(word) >= 8:
        return ["bin", word[3:5], word[5:]]
    if word in _SOMALI_ABU_BAKR:
        return ["abu", "bakar"]
    for written in KUNYA_WITH_ARTICLE:
        rest = word[len(written) :]
        if word == written:
            return ["abu", "al"]  # Abul Kalam
        if word.startswith(written) and len(rest) >= 3 and rest in load_lexicon():
            return ["abu", "al", rest]  # Abolfazl = Abu al-Fazl, Abulhasan = Abu al-Hasan
    for kunya in ("abou", "abu"):
        if word.startswith(kunya + "d") and _split_latin_abd("abd" + word[len(kunya) + 1 :]) == [
            "abd",
            "allah",
        ]:
            return ["abd", "allah"]  # Abudullah: Abdullah with a vowel put in, not Abu Dullah
        if word.startswith(kunya) and len(word) >= len(kunya) + 3:
            return [kunya, word[len(kunya) :]]
    match = _LATIN_DIN.match(word)
    if match:
        return [match.group(1), "al", "din"]
    match = _LATIN_ULLAH.match(word)
    # Without the h, only after a name the name data knows (Faizulla, Fadlalla): Gaxiolla and
    # Barkalla are surnames, and a misspelt Nurulla is still compared whole.
    if (
        match
        and match.group(1) not in ("mul", "mol", "abd")
        and (word.endswith("h") or _known_before_ullah(match.group(1)))
    ):
        return [match.group(1), "allah"]
    match = _LATIN_ULLO.match(word)
    if match and _known_before_ullah(match.group(1)):
        return [match.group(1), "allah"]
    match = _LATIN_ASSIMILATED.match(word)
    if match:
        # Essaadi = es-Saadi, Ettayeb = et-Tayeb: an article assimilated to a sun letter.
        return [match.group(1), match.group(3)]
    return [word]


def plain_abd(word: str) -> str:
    """Abdool, Aabdul, Aabdelrahman: an abd- word spelt with doubled letters or ou/oo, made
    plain so that it is read as abd- (other words keep their spelling)."""
    if "bd" not in word[:5]:
        return word  # most words: no abd to read
    plain = plain_spelling(word)
    if plain != word and (plain in ABD or (plain.startswith("abd") and not word.startswith("ab"))):
        return plain
    return word


def split_attached(words: list[str]) -> list[str]:
    """Separate attached articles and compounds so every element stands as its own word."""
    out: list[str] = []
    joined = False
    for i, word in enumerate(words):
        if joined:
            joined = False
            continue
        following = words[i + 1] if i + 1 < len(words) else ""
        if word == _DHU and following.startswith(ARABIC_ARTICLE):
            out.append(word + following)  # ذو الفقار is one name, as ذوالفقار (Zulfiqar)
            joined = True
        elif "\u0600" <= word[0] <= "\u06ff":
            out.extend(_split_alone(word, True))
        else:
            word = plain_abd(word)
            out.extend(_split_idafa(word, following) or _split_alone(word, False))
    return out


@lru_cache(maxsize=1 << 17)
def _split_alone(word: str, is_arabic: bool) -> tuple[str, ...]:
    """A word split on its own, whatever follows it (cached: a list's names repeat their words,
    and a million-name build splits each of them once instead of every time)."""
    return tuple(_split_arabic(word) if is_arabic else _split_latin(word))


# The article written onto the first word of an idafa compound, as Urdu and Pashto names spell
# it (Fazlur Rehman = Fazl ur-Rehman = فضل الرحمن; Ziaul Haq = Zia ul-Haq), with the letter the
# next word must start with: ur- before r, us- before s; ul- before any letter.
_IDAFA_ARTICLES = {
    "ush": "sh", "ur": "r", "us": "s", "ud": "d", "ut": "t", "uz": "z", "un": "n", "ul": "",
}  # fmt: skip
_IDAFA_ENDINGS = tuple(_IDAFA_ARTICLES)
_IDAFA_MIN_STEM = 3


def _split_idafa(word: str, following: str) -> list[str] | None:
    """Fazlur Rehman → fazl, ur, rehman: only for a word no name list knows whole, whose stem
    is a name it knows or whose second element is one that such compounds end with (Ziaul
    Haq). Karfoul Hazem, Fazul Abdallah and Aigul Bolat are names of their own."""
    if not following.isalpha() or not word.endswith(_IDAFA_ENDINGS):
        return None
    for article, letter in _IDAFA_ARTICLES.items():
        stem = word.removesuffix(article)
        if stem != word and len(stem) >= _IDAFA_MIN_STEM and following.startswith(letter):
            lexicon = load_lexicon()
            if lexicon.frequency(word) > 0:
                return None
            known_stem = lexicon.frequency(stem) > 0 or following in IDAFA_SECOND_ELEMENTS
            return [stem, article] if known_stem else None
    return None
