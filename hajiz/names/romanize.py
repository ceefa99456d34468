"""Romanisation of Arabic-script name words: the lexicon first, rules for the words it lacks.

Arabic script writes consonants and long vowels; short vowels and doubling are not written. The
rules therefore split a word into its consonants and the *gaps* between them (the vowel letters
ا و ي, ayn, a final ta marbuta, or nothing), spell each consonant from a name-aware table
(ح → h, خ → kh/h, ق → q/k/g, ج → j/g, ث → th/t/s ...), and fill the gaps from vowel patterns
learned on the training pairs (scripts/build_lexicon.py): the word's *shape* — consonants as C,
vowel letters kept, e.g. خالد → "CاCC" — selects the Latin vowel templates seen for that shape
("a|i" for Khalid, "a|e" for Khaled); a shape never seen falls back to the commonest spelling of
each gap on its own. A word that starts with م keeps it in its shape, so the maCCuC pattern of
Mahmud and Mansur is learned apart. Pairs whose Arabic side has letters of Arabic-origin names
(ح ع ص ض ط ظ ذ ق ث خ) weigh three times as much in that learning, so the many European names of
the training data do not set the vowels of Arabic ones.

The best template is then respelled with the consonants' second choices (Qasim → Kasim). ف → v
and ك → c are among them because Arabic writes European v and c that way (Savin = سافين,
Carlos = كارلوس). A leading article is spelled al- (best) and el-: البغدادي → albaghdadi,
elbaghdadi. Outputs are normalised Latin words, letters a-z only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, product

from hajiz.names.lexicon import Lexicon, load_lexicon
from hajiz.names.normalize import normalize_word

# Letters that stand for vowels (or glides) rather than consonants; ء is dropped by normalisation.
ARABIC_VOWEL_LETTERS = frozenset("اويعے")
# The ta marbuta (folded to ه) and a final ه are read as a vowel ending: Fatimah, Abdullah.
_FINAL_H = "ه"
# Two letters that spell one sound: تش is "ch" (Charles = تشارلز), read as the Persian چ.
_ARABIC_DIGRAPH = "تش"
_CH = "چ"

# Each consonant's Latin spellings, most usual in names first.
CONSONANTS: dict[str, tuple[str, ...]] = {
    "ب": ("b",), "پ": ("p", "b"), "ت": ("t",), "ث": ("th", "t", "s"), "ج": ("j", "g", "dj"),
    "چ": ("ch",), "ح": ("h",), "خ": ("kh", "h"), "د": ("d",), "ذ": ("dh", "z", "d"),
    "ر": ("r",), "ز": ("z",), "ژ": ("zh", "j"), "س": ("s",), "ش": ("sh", "ch"), "ص": ("s",),
    "ض": ("d", "dh", "z"), "ط": ("t",), "ظ": ("z", "dh", "d"), "غ": ("gh", "g"),
    "ف": ("f", "v"), "ڤ": ("v",), "ق": ("q", "k", "g"), "ك": ("k", "c"), "گ": ("g",), "ل": ("l",),
    "م": ("m",), "ن": ("n",), "ه": ("h",),
    # Urdu letters (Pakistani and Afghan names).
    "ٹ": ("t",), "ڈ": ("d",), "ڑ": ("r",), "ں": ("n",),
}  # fmt: skip
_ARTICLE = "ال"
# Word-initial و and ي are consonants.
_INITIAL_GLIDES = {"و": ("w", "v"), "ي": ("y",)}
# Pashto tribal names end in -zai, written زي (Noorzai = نورزي, Ishakzai = اسحاقزي).
_PASHTO_ZAI = "زي"
_PASHTO_ZAI_MIN = 5
# Tribe and lineage suffixes written onto a name: -zai and -khel (Pashto), -zada (Persian).
_TRIBAL_SUFFIXES = {_PASHTO_ZAI: ("zai",), "خيل": ("khel",), "زاده": ("zada", "zadeh")}
_SUFFIX_STEM_SPELLINGS = 3
# Words that start with ال but are not article + noun (Ilyas, Ilham, Alfat, Almas, Alan).
_NOT_ARTICLE = frozenset({"الياس", "الهام", "الفت", "الماس", "الان", "الله"})

# Latin consonant spellings, longest first, for splitting a Latin word the same way.
_LATIN_CONSONANT_UNITS = (
    "tsch", "dsch", "sch", "tch", "sh", "ch", "kh", "gh", "th", "dh", "ph", "dj", "ck",
)  # fmt: skip
_LATIN_VOWELS = frozenset("aeiouyw")
# How many consonant variants of the best template to add after the templates themselves.
_MAX_CONSONANT_VARIANTS = 2


@dataclass(frozen=True, slots=True)
class Segmented:
    """A word split into consonants and the gaps before, between and after them."""

    consonants: tuple[str, ...]
    gaps: tuple[str, ...]  # len(consonants) + 1
    doubled: tuple[bool, ...] = ()  # Latin only: was each consonant written double


def split_article(arabic_word: str) -> tuple[str, str]:
    """Split a leading article off an Arabic word: البغدادي → ("ال", "بغدادي"), else ("", word)."""
    if (
        arabic_word.startswith(_ARTICLE)
        and len(arabic_word) >= 4
        and arabic_word not in _NOT_ARTICLE
    ):
        return _ARTICLE, arabic_word[2:]
    return "", arabic_word


def segment_arabic(word: str) -> Segmented:
    """Split a normalised Arabic word (article removed) into consonants and vowel-letter gaps."""
    word = word.replace(_ARABIC_DIGRAPH, _CH)
    consonants: list[str] = []
    gaps: list[str] = []
    gap = ""
    last = len(word) - 1
    for i, letter in enumerate(word):
        # A word never starts with a vowel: a leading و or ي is w or y (Wali, Yusuf).
        is_glide = i == 0 and last > 0 and letter in _INITIAL_GLIDES
        if not is_glide and (
            letter in ARABIC_VOWEL_LETTERS or (letter == _FINAL_H and i == last and i > 0)
        ):
            gap += letter
        else:
            gaps.append(gap)
            consonants.append(letter)
            gap = ""
    gaps.append(gap)
    return Segmented(tuple(consonants), tuple(gaps))


def segment_latin(word: str) -> Segmented:
    """Split a normalised Latin word into consonant spellings (doubles merged) and vowel gaps."""
    consonants: list[str] = []
    doubled: list[bool] = []
    gaps: list[str] = []
    gap = ""
    i, n = 0, len(word)
    while i < n:
        letter = word[i]
        # A final h after a vowel ends the word's vowel (Fatimah, Abdullah); w and y are glides.
        if letter in _LATIN_VOWELS or (letter == "h" and i == n - 1 and gap):
            gap += letter
            i += 1
            continue
        unit = next((u for u in _LATIN_CONSONANT_UNITS if word.startswith(u, i)), letter)
        i += len(unit)
        is_double = False
        while word.startswith(unit, i):  # mm, ss, shsh: one doubled consonant (shadda)
            i += len(unit)
            is_double = True
        doubled.append(is_double)
        gaps.append(gap)
        consonants.append(unit)
        gap = ""
    gaps.append(gap)
    return Segmented(tuple(consonants), tuple(gaps), tuple(doubled))


def arabic_shape(segmented: Segmented, first: str = "") -> str:
    """The shape of a segmented Arabic word: consonants as C, vowel letters kept ("CاCC")."""
    out = [segmented.gaps[0]]
    for i, gap in enumerate(segmented.gaps[1:]):
        out.append(first if i == 0 and first else "C")
        out.append(gap)
    return "".join(out)


def shape_keys(segmented: Segmented) -> tuple[str, ...]:
    """Shapes to look a word up by, most specific first (a leading م kept as itself)."""
    generic = arabic_shape(segmented)
    if segmented.consonants and segmented.consonants[0] == "م" and not segmented.gaps[0]:
        return (arabic_shape(segmented, "م"), generic)
    return (generic,)


def gap_key(letters: str, position: int, count: int) -> str:
    """The back-off key of one gap: its letters and where it is (first, after the first
    consonant, inside, last): a gap after the first consonant is rarely empty in a name."""
    where = "$" if position == count else "^" if position == 0 else "1" if position == 1 else "-"
    return where + letters


def _spell(consonants: tuple[str, ...], gaps: tuple[str, ...], doubled: str) -> str:
    """Interleave consonant spellings with gap spellings, doubling where the template says."""
    out = [gaps[0]]
    for i, consonant in enumerate(consonants):
        out.append(consonant * 2 if doubled[i] == "1" and len(consonant) == 1 else consonant)
        out.append(gaps[i + 1])
    return "".join(out)


def _parse_template(template: str) -> tuple[tuple[str, ...], str]:
    """A stored template "a|i||0100" as (gaps, doubling flags)."""
    *gaps, doubled = template.split("|")
    return tuple(gaps), doubled


def _templates(lexicon: Lexicon, segmented: Segmented) -> list[tuple[tuple[str, ...], str]]:
    """Vowel templates for a word: learned for its shape, else built gap by gap."""
    for key in shape_keys(segmented):
        learned = lexicon.vowel_patterns(key)
        if learned:
            return [_parse_template(t) for t in learned]
    count = len(segmented.consonants)
    choices = [
        lexicon.gap_spellings(gap_key(letters, i, count)) or (_default_gap(letters),)
        for i, letters in enumerate(segmented.gaps)
    ]
    # The commonest spelling of every gap, then each gap's second choice on its own.
    best = tuple(c[0] for c in choices)
    out = [(best, "0" * count)]
    for i, options in enumerate(choices):
        if len(options) > 1:
            out.append(((*best[:i], options[1], *best[i + 1 :]), "0" * count))
    return out


def _default_gap(letters: str) -> str:
    """A plain reading of vowel letters when nothing was learned: ا a, و u, ي i, ع a."""
    readings = {"ا": "a", "و": "u", "ي": "i", "ع": "a", "ه": "a", "ے": "e"}
    return "".join(readings.get(c, "") for c in letters)


def romanize_rules_with(lexicon: Lexicon, arabic_word: str, limit: int = 6) -> tuple[str, ...]:
    """Rule-based spellings of an Arabic word using a given lexicon's vowel patterns."""
    word = normalize_word(arabic_word)
    if not word or not any("\u0600" <= ch <= "\u06ff" for ch in word):
        return ()
    article, stem = split_article(word)
    segmented = segment_arabic(stem)
    if not segmented.consonants:
        return (_default_gap(stem),) if stem else ()
    options = [CONSONANTS.get(c) or _INITIAL_GLIDES.get(c, ("",)) for c in segmented.consonants]
    firsts = tuple(o[0] for o in options)
    templates = _templates(lexicon, segmented)
    spellings = [_spell(firsts, gaps, doubled) for gaps, doubled in templates]
    # Consonant alternatives (q/k, j/g, th/t ...) on the best template.
    gaps, doubled = templates[0]
    alternatives = islice(product(*options), 1, 1 + _MAX_CONSONANT_VARIANTS)  # [0] is firsts
    spellings += [_spell(c, gaps, doubled) for c in alternatives]
    unique = [s for s in dict.fromkeys(spellings) if s]
    if stem.endswith(_PASHTO_ZAI) and len(stem) >= _PASHTO_ZAI_MIN and unique:
        zai = unique[0].removesuffix("i").removesuffix("y") + "ai"
        unique.insert(1, zai)
    if article and unique:
        # The article as al- and, second, as el- (Egypt, the Maghreb: el-Sayed, el-Khatib).
        unique = ["al" + unique[0], "el" + unique[0], *("al" + s for s in unique[1:])]
    return tuple(unique[:limit])


@lru_cache(maxsize=65536)
def romanize_rules(arabic_word: str, limit: int = 6) -> tuple[str, ...]:
    """A few plausible Latin spellings of an Arabic word, from rules alone (best first)."""
    return romanize_rules_with(load_lexicon(), arabic_word, limit)


def _with_tribal_suffix(lexicon: Lexicon, word: str) -> list[str]:
    """Ishakzai = اسحاقزي: a known name with a Pashto or Persian suffix written onto it."""
    for suffix, readings in _TRIBAL_SUFFIXES.items():
        stem = word.removesuffix(suffix)
        if stem != word and len(stem) >= 2:
            spellings = lexicon.romanizations(stem)[:_SUFFIX_STEM_SPELLINGS]
            if spellings:
                return [s + r for r in readings for s in spellings]
    return []


@lru_cache(maxsize=65536)
def romanize(arabic_word: str, limit: int = 8) -> tuple[str, ...]:
    """Latin spellings of an Arabic word: the lexicon's, most common first, then the rules'."""
    word = normalize_word(arabic_word)
    lexicon = load_lexicon()
    known = list(lexicon.romanizations(word))
    article, stem = split_article(word)
    if article and not known:
        known = ["al" + s for s in lexicon.romanizations(stem)]
    if not known:
        known = _with_tribal_suffix(lexicon, word)
    spellings = dict.fromkeys(known[:limit])
    for spelling in romanize_rules(word):
        spellings.setdefault(spelling)
    return tuple(spellings)[:limit]
