"""Pools of name words to draw synthetic persons from, built from the packaged name lexicon.

Arabic-origin given names are the lexicon's Arabic words that letters only Arabic uses mark as
such (plus common names none of them marks), weighted by their frequency and kept with their
attested Latin spellings; other names are the lexicon's Latin words. Nisbas and the words of
compound names are closed lists, written here with a usual Latin spelling.
"""

from __future__ import annotations

import random
from bisect import bisect
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from hajiz.names.lexicon import Lexicon, load_lexicon

# Letters that mark a word as Arabic-origin; خ is left out because it also writes the Spanish j
# (Jose = خوسيه).
ARABIC_ORIGIN_LETTERS = frozenset("عحقصضظ")
# Common Arabic-origin given names that none of those letters marks.
EXTRA_GIVEN = (
    "خالد", "خليل", "يوسف", "ابراهيم", "سليمان", "ياسر", "مهدي", "سامي", "اسماعيل", "جمال",
    "بكر", "وليد", "نبيل", "هاني", "زياد", "منير", "بشير", "ماجد", "رشيد", "امين", "ياسين",
    "شريف", "ادريس", "يونس", "انس", "مروان", "فيصل", "جابر", "بلال", "هشام", "غسان", "ايمن",
    "مازن", "نزار", "سمير", "كريم", "زكريا",
)  # fmt: skip
# Drawn as Arabic-origin by their letters but not given names: abd stands only in compounds, the
# others are European names as Wikidata writes them in Arabic (Samuel, archduke).
NOT_GIVEN = frozenset({"عبد", "صموييل", "ارشيدوق"})
# Nisbas (origin, tribe, trade) with a usual Latin spelling, and a weight.
NISBAS = (
    ("بغدادي", "Baghdadi", 8), ("مصري", "Masri", 10), ("ليبي", "Libi", 6), ("سوري", "Suri", 4),
    ("يمني", "Yemeni", 6), ("تونسي", "Tunisi", 4), ("جزائري", "Jazairi", 5),
    ("مغربي", "Maghrebi", 5), ("سوداني", "Sudani", 5), ("شامي", "Shami", 5),
    ("كويتي", "Kuwaiti", 3), ("زرقاوي", "Zarqawi", 2), ("تكريتي", "Tikriti", 3),
    ("موصلي", "Mosuli", 3), ("حلبي", "Halabi", 4), ("دمشقي", "Dimashqi", 3),
    ("انصاري", "Ansari", 8), ("هاشمي", "Hashimi", 8), ("قرشي", "Qurashi", 4),
    ("تميمي", "Tamimi", 7), ("شمري", "Shammari", 6), ("عتيبي", "Otaibi", 6),
    ("قحطاني", "Qahtani", 7), ("زهراني", "Zahrani", 5), ("غامدي", "Ghamdi", 6),
    ("حربي", "Harbi", 6), ("مطيري", "Mutairi", 6), ("دوسري", "Dosari", 5), ("عنزي", "Anazi", 5),
    ("جبوري", "Jubouri", 6), ("دليمي", "Dulaimi", 6), ("عبيدي", "Obaidi", 6),
    ("كبيسي", "Kubaisi", 4), ("راوي", "Rawi", 4), ("سامرائي", "Samarrai", 4),
    ("عراقي", "Iraqi", 5), ("صومالي", "Somali", 5), ("افغاني", "Afghani", 4),
    ("شيشاني", "Shishani", 3), ("كردي", "Kurdi", 5), ("بلوشي", "Baluchi", 4),
    ("حسيني", "Husseini", 6), ("خطيب", "Khatib", 6), ("نجار", "Najjar", 6), ("حداد", "Haddad", 7),
    ("عطار", "Attar", 4), ("فلسطيني", "Filastini", 3), ("اردني", "Urduni", 3),
)  # fmt: skip
# The second word of abd-compounds (names of God) with a usual Latin spelling.
ABD_NAMES = (
    ("رحمن", "Rahman"), ("رحيم", "Rahim"), ("عزيز", "Aziz"), ("كريم", "Karim"), ("لطيف", "Latif"),
    ("قادر", "Qadir"), ("حميد", "Hamid"), ("مجيد", "Majid"), ("ناصر", "Nasir"), ("رزاق", "Razzaq"),
    ("وهاب", "Wahhab"), ("غفار", "Ghaffar"), ("حكيم", "Hakim"), ("حليم", "Halim"),
    ("باسط", "Basit"), ("جبار", "Jabbar"), ("ستار", "Sattar"), ("منعم", "Munim"),
    ("سلام", "Salam"), ("ملك", "Malik"), ("له", "lah"),
)  # fmt: skip
# First words of X al-Din compounds.
DIN_NAMES = (
    ("صلاح", "Salah"), ("نور", "Nur"), ("عز", "Izz"), ("شمس", "Shams"), ("بدر", "Badr"),
    ("علاء", "Ala"), ("جمال", "Jamal"), ("خير", "Khair"), ("سيف", "Saif"), ("فخر", "Fakhr"),
    ("ضياء", "Diya"), ("بهاء", "Baha"), ("نصر", "Nasr"), ("محيي", "Muhyi"), ("تقي", "Taqi"),
)  # fmt: skip
# Spellings of a word kept to draw from: the rarest attested ones are often noise.
SPELLINGS_KEPT = 4


@dataclass(frozen=True)
class WordPool:
    """Words drawn in proportion to their weights."""

    words: tuple[str, ...]
    cumulative: tuple[float, ...]

    @classmethod
    def of(cls, weighted: list[tuple[str, float]]) -> WordPool:
        """A pool from (word, weight) pairs."""
        return cls(tuple(w for w, _ in weighted), tuple(accumulate(x for _, x in weighted)))

    def draw(self, rng: random.Random) -> str:
        """One word."""
        return self.words[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


@dataclass(frozen=True)
class NamePools:
    """Everything persons are drawn from."""

    given: WordPool  # Arabic-script words of Arabic-origin given names
    other: WordPool  # Latin words of other names
    nisba: WordPool  # Arabic-script nisbas
    spellings: dict[str, WordPool]  # Arabic word → its attested Latin spellings
    latin: dict[str, str]  # fixed Latin spelling of nisbas and compound words


@lru_cache(maxsize=1)
def name_pools() -> NamePools:
    """The pools drawn from the packaged lexicon (built once)."""
    return pools_from_lexicon(load_lexicon())


def pools_from_lexicon(lexicon: Lexicon, min_count: int = 3) -> NamePools:
    """Split the lexicon's romanised Arabic words into Arabic-origin and other name pools."""
    arabic_words = sorted(
        {
            word
            for group in range(lexicon.group_count)
            for word in lexicon.group_members(group)
            if not word.isascii()
        }
    )
    given: list[tuple[str, float]] = []
    other: dict[str, float] = {}
    spellings: dict[str, WordPool] = {}
    extra = frozenset(EXTRA_GIVEN)
    for word in arabic_words:
        counts = [
            (s, float(n))
            for s, n in lexicon.romanization_counts(word)[:SPELLINGS_KEPT]
            if s.isascii() and s.isalpha() and len(s) >= 2
        ]
        count = lexicon.count(word)
        if not counts or count < min_count:
            continue
        if _is_arabic_given(word, counts[0][0], extra):
            given.append((word, float(count)))
            spellings[word] = WordPool.of(counts)
        elif len(counts[0][0]) >= 3:
            other[counts[0][0]] = max(other.get(counts[0][0], 0.0), float(count))
    latin = {arabic: spelled for arabic, spelled, _ in NISBAS}
    latin.update(ABD_NAMES)
    latin.update(DIN_NAMES)
    return NamePools(
        given=WordPool.of(given),
        other=WordPool.of(sorted(other.items())),
        nisba=WordPool.of([(arabic, float(weight)) for arabic, _, weight in NISBAS]),
        spellings=spellings,
        latin=latin,
    )


def _is_arabic_given(word: str, spelling: str, extra: frozenset[str]) -> bool:
    if word in NOT_GIVEN:
        return False
    # Wikidata writes the European g as ق (August = اوقست, Guido = قايدو); Arabic ق is q or k.
    if "ق" in word and "q" not in spelling and "k" not in spelling:
        return False
    return word in extra or bool(ARABIC_ORIGIN_LETTERS & set(word))
