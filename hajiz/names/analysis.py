"""Turn a name string into an analysed name: parts with roles, Latin forms, keys and weights.

Analysed parts are interned: the same part (say "muhammad") analysed twice is the same object,
which keeps an index of a million names small and makes repeated comparisons cheap.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from hajiz.model import Script
from hajiz.names.lexicon import load_lexicon
from hajiz.names.normalize import detect_script, normalize_name
from hajiz.names.phonetic import phonetic_key, skeleton
from hajiz.names.romanize import romanize
from hajiz.names.structure import Part, Role, parse_parts, patronymic_stems, rejoin_surname_first
from hajiz.names.vocabulary import REGIONAL_SPELLINGS

# How many romanisations of an Arabic word to keep as its Latin forms.
MAX_FORMS = 5
# Spellings of the name after ذو ال (Dhu al-) that a Zul- word gets.
DHU_FORMS = 2
_DHU_AL = "ذوال"
# Spellings of a ج word read the Egyptian way, with g, when its spellings have none.
EGYPTIAN_FORMS = 1
# Agreement on a title (Sheikh, Sayyid, Haji) says little about who someone is.
TITLE_WEIGHT = 0.15
# Latin words of one or two letters are initials, suffixes or placeholders (M, Jr, "na" for a
# missing name on the UN list): little evidence either way.
SHORT_WORD = 2
SHORT_WORD_WEIGHT = 0.3
# Persian, Urdu and Pashto read these letters as s and z (Sanaullah = ثناء الله, Ewaz = عوض).
_PERSIAN_READING = str.maketrans({"ث": "س", "ذ": "ز", "ض": "ز", "ظ": "ز"})
# One Korean syllable with an unaspirated ch (McCune-Reischauer), which South Korean spelling
# and many lists write j: Cho = Jo, Chun = Jun, Chong = Jong. Only syllable-shaped words: a
# longer ch- word (Chadi = شادي) is French for sh.
_KOREAN_CH_SYLLABLE = re.compile(r"^ch[aeiouy]{1,2}(?:ng|n|l|k|p|m|r)?$")
# Indonesian and Malay write sh as sy before a vowel (Baasyir = Bashir, Hasyim = Hashim,
# Syarif = Sharif); not before e, which keeps Syed (Sayyid) a Syed.
_MALAY_SY = re.compile(r"sy(?=[aiou])")
# A patronymic's father's-name groups are numbered apart from the name's own groups, so that
# Ihorovych and Igorevich are variants of each other but not of Igor.
PATRONYMIC_GROUPS = 1 << 24
# A Slavic surname made from a name (Magomedov, Aliyeva) carries the groups of that name, numbered
# apart again: Magomedov and Muhammadov are variants, Magomedov and Magomed are not.
SURNAME_GROUPS = 2 << 24
_SLAVIC_SURNAME_ENDINGS = ("yeva", "ova", "eva", "yev", "ov", "ev")
_MIN_SURNAME_STEM = 3
_RUSSIAN_G = re.compile(r"^g[aeiouy]")
RUSSIAN_G_BELOW = 1e-5
# Turkish writes a final d as t and a final b as p (Hamit, Muhammet, Davut, Recep), and ج as c
# (Mecit). Not a final -at: there the t is as often Arabic's own (Farhat is not Farhad, Hikmat
# is حكمت). The -tin of Nurettin is the parser's (-ettin is al-Din).
_TURKISH_FINAL = re.compile(r"(?<=[eiu])t$|(?<=[aeiou])p$")
_TURKISH_VOICED = {"t": "d", "p": "b"}
_TURKISH_C = re.compile(r"c(?!h)")
# Latin words that may carry an attached article: "albaghdadi" also stands for "baghdadi".
_ATTACHED_ARTICLES = ("al", "el", "ul")
# Letters after an attached article that make a word too short to read so on its own: ALALI
# is al-Ali, but Elisa and Alina are names. Such a word is read as the article and the rest
# only against a part that has the article (parts.compare_parts).
_SHORT_REST = 3


@dataclass(frozen=True, slots=True, eq=False)
class AnalysedPart:
    """A part with everything needed to compare it and to find it in an index."""

    part: Part
    forms: tuple[str, ...]  # Latin spellings of the core, best first (the core itself if Latin)
    phonetic: frozenset[str]  # phonetic keys of the forms
    skeletons: frozenset[str]  # consonant skeletons (script-independent)
    groups: frozenset[int]  # lexicon variant groups
    weight: float  # how much agreeing on this part says: rare parts weigh more
    frequency: float = 0.0  # relative frequency in the name data (0 = unseen)
    is_arabic: bool = False
    # First letters of the forms and of the phonetic keys: two words that start differently
    # on both counts are not one word written apart (see matching.pairing's joined parts).
    initials: frozenset[str] = frozenset()

    @property
    def role(self) -> Role:
        """The part's role in the name."""
        return self.part.role

    @property
    def core(self) -> str:
        """The distinctive word of the part."""
        return self.part.core

    def keys(self) -> frozenset[str]:
        """Matching keys for candidate retrieval (see docs/matching.md).

        Titles keep their keys: Amir or Sayyid may be a title on one side and a name on the
        other, and the index gives keys as common as "sheikh" little weight anyway.
        """
        return _part_keys(self)


class AnalysedName(NamedTuple):
    """A name as written and its analysis.

    A named tuple, not a dataclass: an index of a million entries holds two million of them,
    and a tuple comes back from a snapshot several times faster.
    """

    text: str
    script: Script
    parts: tuple[AnalysedPart, ...]  # every part, titles included
    name_parts: tuple[AnalysedPart, ...]  # the parts compared (empty if only titles)

    def keys(self) -> frozenset[str]:
        """All matching keys of the name's identifying parts."""
        keys: set[str] = set()
        for part in self.name_parts:
            keys |= part.keys()
        return frozenset(keys)


# Parts are interned and hash by identity: a million names share a few hundred thousand parts.
@lru_cache(maxsize=1 << 20)
def _part_keys(part: AnalysedPart) -> frozenset[str]:
    keys = {f"p:{k}" for k in part.phonetic if k}
    keys.update(f"s:{k}" for k in part.skeletons if len(k) >= 2)
    keys.update(f"g:{g}" for g in part.groups)
    return frozenset(keys)


def rarity_weight(frequency: float) -> float:
    """Weight of agreeing on a part from its relative frequency: common parts weigh less.

    Unseen parts get 1.0; the most common names (muhammad, ali) fall to about 0.3.
    """
    if frequency <= 0.0:
        return 1.0
    # -log10 of the frequency: 1e-6 (rare) → 6, 1e-2 (muhammad) → 2; mapped into [0.25, 1].
    information = -math.log10(max(frequency, 1e-9))
    return max(0.25, min(1.0, (information - 1.0) / 4.0))


def short_article_rest(word: str) -> str | None:
    """The three letters after an attached article (ALALI, ELNUR, ALHAJ), else None."""
    if len(word) == 2 + _SHORT_REST and word.startswith(_ATTACHED_ARTICLES):
        return word[2:]
    return None


def _latin_forms(word: str) -> tuple[str, ...]:
    forms = [word]
    for article in _ATTACHED_ARTICLES:
        if word.startswith(article) and len(word) >= len(article) + 4:
            forms.append(word[len(article) :])
    return tuple(forms)


# Parts analysed in another process (a build's worker, see matching.preparing) and adopted
# here: `analyse_part` answers with them for parts it has not analysed itself, so a query's parts
# are the very objects of the list's, as when the list was analysed in this process.
_adopted: dict[Part, AnalysedPart] = {}


def adopt_parts(parts: Iterable[AnalysedPart], *, replace: bool = False) -> None:
    """Have `analyse_part` answer with these analysed parts (`replace`: forget earlier ones)."""
    if replace:
        _adopted.clear()
    _adopted.update((p.part, p) for p in parts)


@lru_cache(maxsize=262144)
def analyse_part(part: Part) -> AnalysedPart:
    """Analyse one part: its Latin forms, keys and weight (cached: parts are interned)."""
    adopted = _adopted.get(part)
    if adopted is not None:
        return adopted
    lexicon = load_lexicon()
    core = part.core
    skeletons = {skeleton(core)}
    if part.is_arabic:
        forms = tuple(dict.fromkeys(romanize(core)))[:MAX_FORMS] or (core,)
        if core.startswith(_DHU_AL) and len(core) > len(_DHU_AL) + 1:
            # ذوالفقار is Zulfiqar (Dhu al-Fiqar): the rules would spell the و and ا out.
            rest = romanize(core[len(_DHU_AL) :])[:DHU_FORMS]
            zul = [p + r for r in rest for p in ("zul", "dhul")]
            forms = tuple(dict.fromkeys([*zul, *forms]))[:MAX_FORMS]
        persian = core.translate(_PERSIAN_READING)
        if persian != core:
            forms = tuple(dict.fromkeys(forms + romanize(persian)[:3]))
            skeletons.add(skeleton(persian))
        if "ج" in core and not any("g" in form for form in forms):
            # Egypt says ج as g (Gamal, Ragab, Gomaa): a spelling the lexicon may not hold.
            forms += romanize(core.replace("ج", "گ"))[:EGYPTIAN_FORMS]
        if "ظ" in core:
            # ظ is z in the Levant and Iran but dh or d in the Gulf and Somalia (Dahir = ظاهر).
            skeletons.add(skeleton(core.replace("ظ", "ض")))
        frequency = lexicon.frequency(core)
    else:
        forms = _latin_forms(core)
        frequency = lexicon.frequency(core)
        standard = REGIONAL_SPELLINGS.get(core)
        if standard is not None:
            forms += (standard,)
            frequency = max(frequency, lexicon.frequency(standard))
        elif "x" in core:
            # Uzbek and Azerbaijani Latin write kh as x: Axmedov, Xudoyberdi, Abdulxamid.
            forms += (core.replace("x", "kh"),)
    groups = set(lexicon.group_ids(core))
    if not part.is_arabic:
        for form in forms[1:]:
            groups |= lexicon.group_ids(form)
        if part.role is Role.NASAB:
            for stem in patronymic_stems(core):
                groups.update(PATRONYMIC_GROUPS + g for g in lexicon.group_ids(stem))
        else:
            surname_stem = slavic_surname_stem(core)
            if surname_stem:
                groups.update(SURNAME_GROUPS + g for g in lexicon.group_ids(surname_stem))
    keys = {phonetic_key(f) for f in forms if f}
    if not part.is_arabic:
        keys |= _persian_keys(core)
        if _KOREAN_CH_SYLLABLE.match(core):
            keys.add(phonetic_key("j" + core[2:]))
        if _MALAY_SY.search(core):
            keys.add(phonetic_key(_MALAY_SY.sub("sh", core)))
        turkish = _turkish_reading(core)
        if turkish:
            keys.add(phonetic_key(turkish))
        if _RUSSIAN_G.match(core) and frequency < RUSSIAN_G_BELOW:
            # Russian has no h and writes Arabic h as g (Gusein = Husayn, Gadzhi = Hajji):
            # only for words rare in the name data, so Gamal and Ghani keep their g.
            keys.add(phonetic_key("h" + core[1:]))
    phonetic = frozenset(keys)
    if not part.is_arabic:
        skeletons.update(skeleton(f) for f in forms[1:])
    weight = rarity_weight(frequency)
    if part.role is Role.TITLE:
        weight *= TITLE_WEIGHT
    elif not part.is_arabic and len(core) <= SHORT_WORD:
        weight *= SHORT_WORD_WEIGHT
    return AnalysedPart(
        part=part,
        forms=forms,
        phonetic=phonetic,
        skeletons=frozenset(s for s in skeletons if s),
        groups=frozenset(groups),
        weight=weight,
        frequency=frequency,
        is_arabic=part.is_arabic,
        initials=initials_of(forms, phonetic),
    )


# Arabic spellings of a Latin word, and romanisations of each, read the Persian way.
PERSIAN_SOURCES = 2
PERSIAN_FORMS = 3


def _turkish_reading(word: str) -> str | None:
    """A Latin word read back from Turkish spelling (Hamit as Hamid, Mecit as Mejid), or None
    when it ends in none of Turkish's devoiced endings.

    Only such an ending makes a word's c a Turkish one: Cesar and Celia keep their c, and Jasser
    and Jalia stay other names.
    """
    voiced = _TURKISH_FINAL.sub(lambda m: _TURKISH_VOICED[m.group()], word)
    if voiced == word:
        return None
    return _TURKISH_C.sub("j", voiced)


@lru_cache(maxsize=1 << 18)
def _persian_keys(word: str) -> frozenset[str]:
    """Phonetic keys of a Latin word's Arabic name read as Persian, Urdu and Turkish read it.

    Rida and Reza are both رضا; Fadl and Fazal both فضل; Uthman and Osman both عثمان. The
    lexicon knows the Arabic spelling of Rida, so Reza, Riza and Raza meet it here. Nadir
    (نادر, with a plain d) gains nothing and stays apart from Nazir (نذير).
    """
    keys: set[str] = set()
    if "d" not in word and "z" not in word and "th" not in word:
        return frozenset()  # how ث ذ ض ظ are written in Latin: none here
    for arabic in load_lexicon().arabic_forms(word)[:PERSIAN_SOURCES]:
        persian = arabic.translate(_PERSIAN_READING)
        if persian != arabic:
            keys.update(phonetic_key(f) for f in romanize(persian)[:PERSIAN_FORMS])
    return frozenset(keys)


def initials_of(forms: tuple[str, ...], phonetic: frozenset[str]) -> frozenset[str]:
    """The first letters of a part's Latin forms and phonetic keys."""
    return frozenset(f[:1] for f in forms if f) | frozenset(k[:1] for k in phonetic if k)


@lru_cache(maxsize=65536)
def analyse(text: str) -> AnalysedName:
    """Analyse a full name in any script."""
    script, parts = read_name(text)
    return analysed_name(text, script, tuple(analyse_part(p) for p in parts))


def read_name(text: str) -> tuple[Script, tuple[Part, ...]]:
    """A name's script and its parts, read in order with their structure, not yet analysed.

    Most of the cost of analysing a name lies here, and it needs only the text: a build can
    read names in another process and analyse their parts (cached, interned) in its own.
    """
    script = detect_script(text)
    head, comma, rest = surname_first(text)
    if comma:
        surname = normalize_name(head)
        words, surname_words = surname + normalize_name(rest), len(surname)
    else:
        words, surname_words = normalize_name(text), 0
    rejoined = rejoin_surname_first(words, surname_words)
    if rejoined != words:
        words, surname_words = rejoined, 0
    return script, tuple(parse_parts(words, surname_words))


def analysed_name(text: str, script: Script, parts: tuple[AnalysedPart, ...]) -> AnalysedName:
    """The analysed name of a text from its script and its analysed parts."""
    # Titles stay in the alignment (Sayyid may be a title on one side and a name on the other)
    # but weigh little and cost nothing when the other name lacks them.
    name_parts = parts if any(p.role is not Role.TITLE for p in parts) else ()
    return AnalysedName(text=text, script=script, parts=parts, name_parts=name_parts)


def count_names(parts: tuple[AnalysedPart, ...]) -> int:
    """How many of these parts are names, titles aside (Haji Khairullah: one)."""
    count = 0
    for part in parts:
        if part.role is not Role.TITLE:
            count += 1
    return count


def middle_parts(name: AnalysedName) -> frozenset[int]:
    """Positions in `name.parts` of the parts between the first name and the last.

    These are the middle names and the father's and grandfather's names that passports and
    lists keep or drop. In "SURNAME, Given Middle" the first given name and the first surname
    are the edges: a second surname (GONZALEZ DIAZ, Juan) is the mother's, and often dropped.
    """
    # From the name's own parts: analysing the text again would cost a scorer's hot path.
    return _middle_parts(name.text, len(name.parts))


@lru_cache(maxsize=1 << 18)
def _middle_parts(text: str, count: int) -> frozenset[int]:
    if count < 3:
        return frozenset()
    surname = _surname_parts(text, count)
    if surname:
        return frozenset(range(count)) - {0, surname}
    return frozenset(range(1, count - 1))


def natural_order(name: AnalysedName) -> tuple[int, ...]:
    """Positions in `name.parts`, given names first: "SURNAME, Given" read as Given SURNAME."""
    return _natural_order(len(name.parts), _surname_parts(name.text, len(name.parts)))


@lru_cache(maxsize=1024)
def _natural_order(count: int, surname: int) -> tuple[int, ...]:
    # A few dozen distinct orders serve every name: each is built once.
    return tuple(range(surname, count)) + tuple(range(surname))


def slavic_surname_stem(word: str) -> str | None:
    """The name a Slavic surname is made from: Magomedov → magomed, Aliyeva → ali."""
    for ending in _SLAVIC_SURNAME_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_SURNAME_STEM:
            return word[: -len(ending)]
    return None


def first_given(name: AnalysedName) -> int:
    """Position of the first given name: `natural_order(name)[0]`, without building it."""
    text = name.text
    if any(separator in text for separator in _SURNAME_SEPARATORS):
        return _surname_parts(text, len(name.parts))
    return 0  # the usual name, no surname put first: not even a cache look-up


# What ends a surname put first: a list's comma, a machine-readable zone's <<.
_SURNAME_SEPARATORS = (",", "<<")


def surname_first(text: str) -> tuple[str, str, str]:
    """The surname, the separator and the given names of a "SURNAME, Given" name, or of a
    machine-readable zone's SURNAME<<GIVEN<NAMES; the text and two empty strings otherwise."""
    for separator in _SURNAME_SEPARATORS:
        head, found, rest = text.partition(separator)
        if found:
            return head, found, rest
    return text, "", ""


@lru_cache(maxsize=1 << 18)
def _surname_parts(text: str, count: int) -> int:
    """How many of the name's parts come before a list's comma or a machine-readable zone's
    << (0 without either)."""
    head, separator, _ = surname_first(text)
    surname = len(parse_parts(normalize_name(head))) if separator else 0
    return surname if 0 < surname < count else 0
