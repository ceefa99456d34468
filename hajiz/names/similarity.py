"""Similarity of two name parts in any scripts, with the reason an officer can read.

Evidence is tried from the strongest to the weakest: the same word; a known variant (the
lexicon's groups: Mohammed/Muhammad, محمد/Mohamed); a transliteration that lands on the other
spelling; the same phonetic key; the same consonant skeleton across scripts; and last, a few
edits. Short names get no loose edit budget: Ali/Aly and Omar/Umar match through the lexicon and
the keys, while Ali/Alia or Ahmad/Hamid, one or two edits apart, do not.

The structure around the words (abd-, kunya, compounds, particles written onto a word) is
compared in `hajiz.names.parts`.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import OSA, Hamming

from hajiz.names.analysis import AnalysedPart, analyse_part, initials_of
from hajiz.names.normalize import normalize_word, same_plain_spelling
from hajiz.names.phonetic import phonetic_key
from hajiz.names.structure import Part, Role
from hajiz.names.transcription import can_spell, one_arabic_word


class Reason(StrEnum):
    """Why two parts were judged alike."""

    IDENTICAL = "identical"
    VARIANT = "known variant"
    TRANSLITERATION = "transliteration"
    PHONETIC = "same phonetic key"
    SKELETON = "same consonants"
    SPELLING = "spelling"
    TRUNCATED = "truncated"
    INITIAL = "initial"
    DIFFERENT = "different"


class PartMatch(NamedTuple):
    """How alike two parts are, in [0, 1], and why.

    A named tuple, not a frozen dataclass: a screening compares a few hundred pairs of parts
    it has never seen, and a tuple is built in half the time.
    """

    score: float
    reason: Reason
    detail: str = ""
    # The factor a structural disagreement (abd- or -din on one side only) took off the score:
    # the words themselves still agree at score / structure.
    structure: float = 1.0


# Scores of each kind of evidence, tuned with scripts/eval_part_equivalence.py and hajiz eval.
SCORE_VARIANT = 0.95
SCORE_PHONETIC = 0.86
# A romanisation of the Arabic landing on the Latin word's phonetic key is stronger evidence.
SCORE_PHONETIC_CROSS_SCRIPT = 0.9
# A Latin word the lexicon cannot place but that spells the Arabic letter by letter (see
# transcription.can_spell): good evidence, as good as a shared phonetic key.
SCORE_TRANSCRIBED = 0.86
# Two Latin words are checked for one Arabic word behind them (transcription.one_arabic_word)
# only when their spellings are this alike already (Kazem/Kadhim: 0.5).
ONE_WORD_FROM = 0.45
# Shared consonants (across scripts, or where the vowels are written apart): weak evidence,
# just above alignment.
SCORE_SKELETON = 0.76
# A skeleton of fewer consonants than this (Ali = l) is no evidence on its own.
MIN_SKELETON = 1
# Where more than the vowels differ (an unwritten first alef, an attached bou-), only a skeleton
# this long is evidence: Aqrin against Quren, Boubacar against Abu Bakr.
MIN_LONG_SKELETON = 3
# A masculine name and its feminine form (Karim/Karima) are different people.
FEMININE_PAIR_SCORE = 0.6
CROSS_SCRIPT_FACTOR = 0.98
# Known names this short that the lexicon keeps apart are different names, whatever the edits.
SHORT_NAME = 5
DISTINCT_SHORT_NAMES = 0.6
# Unless the two differ by two neighbouring letters swapped, the commonest slip of a typist
# (Ahmad typed Hamad, Ayman typed Yaman): just aligned, as weak evidence.
SWAPPED_SHORT_NAMES = 0.7
# Per-edit penalty is EDIT_BUDGET / length: one edit in 4 letters costs 0.3, in 10 letters 0.12.
EDIT_BUDGET = 1.2


_VOWEL_FOLD = str.maketrans({"e": "i", "o": "u"})
# Two Latin spellings that differ only in doubled letters and long-vowel pairs (see
# normalize.plain_spelling) are one name written in two styles; their edit similarity is at
# least PLAIN_FROM, so pairs below it are not checked.
SCORE_PLAIN_SPELLING = 0.93
PLAIN_FROM = 0.5


# A y after a vowel and before a consonant (or at the end) writes the diphthong's second half,
# as an i does: Zayd/Zaid, Khayrallah/Kheirallah. Before a vowel it is a consonant (Sayyid).
_Y_AFTER_VOWEL = re.compile(r"(?<=[aeiou])y(?![aeiouy])")


@lru_cache(maxsize=1 << 16)
def _folded(word: str) -> str:
    # ai, ay, ei and ey spell one diphthong (Khairullah/Kheirullah, Zayd/Zeid, Shaikh/Sheikh).
    if "y" in word:
        word = _Y_AFTER_VOWEL.sub("i", word)
    return word.replace("ai", "ei").replace("ay", "ey").translate(_VOWEL_FOLD)


def spelling_similarity(a: str, b: str) -> float:
    """Edit-distance similarity of two Latin words, strict for short ones."""
    if a == b:
        return 1.0
    length = len(a) if len(a) > len(b) else len(b)
    if length == 0:
        return 0.0
    distance = float(OSA.distance(a, b))  # halves come later: a float from the start
    # A feminine ending is one or two letters more: only then can the pair be one.
    if distance <= 2 and (_is_feminine_pair(a, b) or _is_feminine_pair(b, a)):
        return FEMININE_PAIR_SCORE
    scale = length if length > 3 else 3
    # Even at half price, more edits than half the length leave a word far from alike.
    if distance and distance * 2 <= scale:
        # e/i and o/u spell the same Arabic vowel (Hedayat/Hidayat, Yousuf/Yusuf): such a
        # substitution counts half an edit.
        fa, fb = _folded(a), _folded(b)
        if fa != a or fb != b:
            # Folding may also part letters that agreed (Javai/Javad): it only ever helps.
            distance = min(distance, (distance + OSA.distance(fa, fb)) / 2.0)
        if distance == 1 and (_first_vowel_dropped(a, b) or _first_vowel_dropped(b, a)):
            distance = 0.5
    score = 1.0 - distance * EDIT_BUDGET / scale
    return score if score > 0.0 else 0.0


def _first_vowel_dropped(short: str, long: str) -> bool:
    """The Maghrebi spelling that drops the first short vowel (Hbib/Habib, Slim/Salim,
    Mhamed/Mohamed): the long word less its second letter, a vowel, and the short word opens
    with two consonants, as no Arabic name said in full does."""
    return (
        len(long) == len(short) + 1
        and len(short) >= _MIN_DROPPED_VOWEL_WORD
        and long[1] in "aeiou"
        and long[0] == short[0]
        and long[2:] == short[1:]
        and short[0] not in "aeiouy"
        and short[1] not in "aeiouy"
        and short[:2] not in _DIGRAPHS  # Shir is not Sahir
    )


_MIN_DROPPED_VOWEL_WORD = 3
_DIGRAPHS = frozenset({"sh", "kh", "gh", "th", "dh", "ch", "zh", "ph"})


def _is_gender_pair(a: str, b: str) -> bool:
    """Whether two Latin words are a masculine name and its feminine form in -a or -ah, either
    way round (a final -e is as often French or Portuguese spelling: Momade, Tewolde)."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return long[len(short) :] in ("a", "ah") and _is_feminine_pair(short, long)


def _gender_forms(a: AnalysedPart, b: AnalysedPart) -> bool:
    """Whether two Latin parts are he and she (Amin/Amina, and Amin/Aminata, which is read as
    Amina) and share no form: Ibrahima is read as Ibrahim, and so is no feminine."""
    if len(a.forms) == 1 == len(b.forms):  # most words: only their own spelling
        return a.core != b.core and _is_gender_pair(a.core, b.core)
    if a.core == b.core or not set(a.forms).isdisjoint(b.forms):
        return False
    return any(_is_gender_pair(x, y) for x in a.forms for y in b.forms)


def _is_feminine_pair(short: str, long: str) -> bool:
    """Karim/Karima, Samir/Samira, Nabil/Nabilah: a masculine name and its feminine form."""
    return (
        long.startswith(short)
        and long[len(short) :] in ("a", "ah", "e", "eh")
        and short[-1:] not in "aeiouy"
    )


def _arabic_similarity(a: str, b: str) -> float:
    """Edit-distance similarity of two Arabic words (letters are consonants and long vowels)."""
    length = max(len(a), len(b))
    distance = OSA.distance(a, b)
    return max(0.0, 1.0 - distance * 1.5 / max(length, 3))


def _best_forms(a: AnalysedPart, b: AnalysedPart) -> tuple[float, str, str]:
    forms_b = b.forms
    for form_a in a.forms:
        if form_a in forms_b:
            return 1.0, form_a, form_a
    best, best_a, best_b = 0.0, a.forms[0], forms_b[0]
    for form_a in a.forms:
        for form_b in forms_b:
            score = spelling_similarity(form_a, form_b)
            if score > best:
                best, best_a, best_b = score, form_a, form_b
    return best, best_a, best_b


def _consonants_agree(a: AnalysedPart, b: AnalysedPart) -> bool:
    """Whether two words a variant group joins have any consonant in common.

    The name data's groups are sound but for a few that join unrelated names (one joins Ahmad
    with Kristus, another Kaan with Ham): two words whose skeletons share no consonant class
    at all are not believed to be one name. Spellings of one name always share some (Kadija
    and Khadiya, Medvedev and Medwedew, Yozhef and Jozef); a word of fewer than two consonants
    is too short to tell.
    """
    for sa in a.skeletons:
        for sb in b.skeletons:
            if min(len(sa), len(sb)) < 2 or not set(sa).isdisjoint(sb):
                return True
    return not a.skeletons or not b.skeletons


def _distinct_short_names(a: AnalysedPart, b: AnalysedPart) -> bool:
    """Two short names the lexicon knows, and knows apart (Badr/Bakr, Said/Saad, Ali/Alia).

    A typo rarely lands on another real name, so an edit between two known names is a
    different name, not a misspelling. Two ways of writing one Arabic vowel are not an edit:
    the Persian and Turkish e for the Arabic i (Edris/Idris, Erfan/Irfan, Esmat/Ismat), which
    the name data often files in groups of their own."""
    short = len(a.core) <= SHORT_NAME and len(b.core) <= SHORT_NAME
    return short and _known_apart(a, b) and _folded(a.core) != _folded(b.core)


def _swapped(a: str, b: str) -> bool:
    """Whether two words differ only by two neighbouring letters swapped (Ahmad, Hamad): one
    edit counting a swap as one, where two letters differ in place."""
    return len(a) == len(b) and OSA.distance(a, b) == 1 and Hamming.distance(a, b) == 2


def _known_apart(a: AnalysedPart, b: AnalysedPart) -> bool:
    """Two words the lexicon knows, in different variant groups: two names (Said, Saad)."""
    return bool(a.groups) and bool(b.groups) and not a.groups & b.groups


def _vowel_onset(part: AnalysedPart) -> bool:
    """Whether the word starts with a vowel (alef, ayn and hamza count as vowels)."""
    first = part.core[:1]
    return first in ("اعأإآء" if part.is_arabic else "aeiou")


def core_similarity(a: AnalysedPart, b: AnalysedPart, shortcut: bool = True) -> PartMatch:
    """Compare the cores of two parts, ignoring the structure around them (`shortcut`: take
    `_far_apart`'s quicker way to the same result when it applies)."""
    if a.core == b.core:
        return PartMatch(1.0, Reason.IDENTICAL)
    far = _far_apart(a, b) if shortcut else None
    if far is not None:
        return far
    cross_script = a.is_arabic != b.is_arabic
    if not (a.is_arabic or b.is_arabic) and _gender_forms(a, b):
        # Before the lexicon, whose groups sometimes hold both forms (Aziz and Aziza).
        return PartMatch(FEMININE_PAIR_SCORE, Reason.SPELLING, f"{a.core} ~ {b.core}: he and she")
    if a.groups & b.groups and _consonants_agree(a, b):
        reason = Reason.TRANSLITERATION if cross_script else Reason.VARIANT
        return PartMatch(SCORE_VARIANT, reason, "in the name lexicon")
    if a.is_arabic and b.is_arabic:
        score = _arabic_similarity(a.core, b.core)
        result = PartMatch(score, Reason.SPELLING, f"{a.core} ~ {b.core}")
    else:
        score, form_a, form_b = _best_forms(a, b)
        if cross_script:
            arabic, latin = (a, form_a) if a.is_arabic else (b, form_b)
            romanised = form_a if a.is_arabic else form_b
            reason = Reason.TRANSLITERATION
            detail = f"{arabic.core} → {romanised}" + ("" if score == 1.0 else f" ~ {latin}")
            score *= CROSS_SCRIPT_FACTOR
        else:
            reason = Reason.IDENTICAL if score == 1.0 else Reason.SPELLING
            detail = "" if score == 1.0 else f"{form_a} ~ {form_b}"
            # Spellings that can differ only so are already alike (Hamoud/Hammud: 0.6).
            plain = PLAIN_FROM <= score < SCORE_PLAIN_SPELLING
            if plain and same_plain_spelling(a.core, b.core):
                score = SCORE_PLAIN_SPELLING
                detail = f"{a.core} ~ {b.core}: doubled letters or long vowels"
            elif _distinct_short_names(a, b):
                cap = SWAPPED_SHORT_NAMES if _swapped(a.core, b.core) else DISTINCT_SHORT_NAMES
                score = min(score, cap)
        result = PartMatch(score, reason, detail)
    phonetic_score = SCORE_PHONETIC_CROSS_SCRIPT if cross_script else SCORE_PHONETIC
    if result.score < phonetic_score and not a.phonetic.isdisjoint(b.phonetic):
        # The most specific key they share, whatever order a set iterates in.
        shared = min(a.phonetic & b.phonetic, key=lambda key: (-len(key), key))
        result = PartMatch(phonetic_score, Reason.PHONETIC, shared)
    if result.score < SCORE_TRANSCRIBED and not _known_apart(a, b):
        if cross_script:
            source, written = (a, b) if a.is_arabic else (b, a)
            if can_spell(source.core, written.core):
                detail = f"{source.core} → {written.core}, letter by letter"
                result = PartMatch(SCORE_TRANSCRIBED, Reason.TRANSLITERATION, detail)
        elif result.score >= ONE_WORD_FROM and not a.is_arabic and one_arabic_word(a.core, b.core):
            detail = f"{a.core} ~ {b.core}: one Arabic word"
            result = PartMatch(SCORE_TRANSCRIBED, Reason.SPELLING, detail)
    # A one-consonant skeleton (Ali = l) says nothing; Ahmad (أحمد) and Hamid share "hmd" but
    # not their first sound.
    if cross_script and result.score < SCORE_SKELETON:
        shared = max(a.skeletons & b.skeletons, key=len, default="")
        if len(shared) >= MIN_SKELETON and _vowel_onset(a) == _vowel_onset(b):
            result = PartMatch(SCORE_SKELETON, Reason.SKELETON, shared)
        elif len(shared) >= MIN_LONG_SKELETON and _elided_alef(a, b):
            detail = f"{shared}, the first alef unwritten"
            result = PartMatch(SCORE_SKELETON, Reason.SKELETON, detail)
    return result


def _far_apart(a: AnalysedPart, b: AnalysedPart) -> PartMatch | None:
    """The result for two Latin words of one spelling each that differ in more than half
    their letters and share no lexicon group or phonetic key (most pairs a screening meets
    for the first time), or None to compare them in full.

    Then no evidence but the edits is left: `spelling_similarity` scores them below 0.4 (no
    half-price vowels so far apart, and too many edits for a feminine ending), below every
    further check's floor. The same result as the full comparison, in half the time.
    """
    if a.is_arabic or b.is_arabic or len(a.forms) != 1 or len(b.forms) != 1:
        return None
    if not a.groups.isdisjoint(b.groups) or not a.phonetic.isdisjoint(b.phonetic):
        return None
    x, y = a.forms[0], b.forms[0]
    length = len(x) if len(x) > len(y) else len(y)
    scale = length if length > 3 else 3
    distance: int = OSA.distance(x, y)
    if distance * 2 <= scale or distance <= 2:
        return None
    score = 1.0 - distance * EDIT_BUDGET / scale
    return PartMatch(score if score > 0.0 else 0.0, Reason.SPELLING, f"{x} ~ {y}")


def _elided_alef(a: AnalysedPart, b: AnalysedPart) -> bool:
    """An Arabic word's first alef left out of the Latin (أقرين as Quren, إبراهيم as Brahim).

    North African speech drops the vowel before a consonant cluster. Two names the lexicon
    knows apart (أحمد and Hamid) stay apart."""
    arabic, latin = (a, b) if a.is_arabic else (b, a)
    known_apart = bool(arabic.groups) and bool(latin.groups)
    return arabic.core[:1] == "ا" and not _vowel_onset(latin) and not known_apart


def with_note(match: PartMatch, note: str) -> PartMatch:
    """The match with a note on how the words were read added to its detail."""
    detail = f"{match.detail}; {note}" if match.detail else note
    return PartMatch(match.score, match.reason, detail, match.structure)


@lru_cache(maxsize=1 << 18)
def truncated_match(query: AnalysedPart, entry: AnalysedPart) -> PartMatch | None:
    """A query part cut short (machine-readable zone truncation) that starts the entry's part.

    Only a Latin part: machine-readable zones and the name fields that cut names are Latin, and
    the romanisations of an Arabic word (العمرو: amro) start many longer names (Amran)."""
    if query.is_arabic:
        return None
    for form in query.forms:
        if len(form) >= 3 and any(f.startswith(form) and f != form for f in entry.forms):
            return PartMatch(0.85, Reason.TRUNCATED, f"{form}… of {entry.forms[0]}")
    return None


# Prefixes a joined word starts with: Abd + Fattah = Abdelfattah, Abu + Bakr = Aboubakr.
_JOINED_PREFIXES = {"abd": ("abd", "abdul", "abdel"), "abu": ("abu", "abou")}


def joined_initials(first: AnalysedPart) -> frozenset[str]:
    """The initials of any word that starts with `first` (see `joined_part`), cheaply."""
    prefix = _JOINED_PREFIXES.get(first.part.prefix or "")
    return frozenset(p[:1] for p in prefix) if prefix else first.initials


@lru_cache(maxsize=1 << 16)
def joined_part(first: AnalysedPart, second: AnalysedPart) -> AnalysedPart:
    """Two adjacent parts read as one word: Wali + Jan = Walijan, Abd + Fattah = Abdefattah."""
    prefix = _JOINED_PREFIXES.get(first.part.prefix or "", ("",))
    forms = tuple(
        dict.fromkeys(
            p + fa + fb for p in prefix for fa in first.forms[:3] for fb in second.forms[:3]
        )
    )
    core = first.core + second.core
    part = Part(core=core, words=first.part.words + second.part.words, role=first.part.role)
    phonetic = frozenset(phonetic_key(f) for f in forms)
    return AnalysedPart(
        part=part,
        forms=forms,
        phonetic=phonetic,
        skeletons=frozenset(a + b for a in first.skeletons for b in second.skeletons),
        groups=frozenset(),
        weight=max(first.weight, second.weight),
        frequency=min(first.frequency, second.frequency),
        is_arabic=first.is_arabic,
        initials=initials_of(forms, phonetic) | joined_initials(first),
    )


@lru_cache(maxsize=1 << 14)
def abd_compound(abd: AnalysedPart, name: AnalysedPart) -> AnalysedPart:
    """An abd word and the name after it read as one compound: Abid + Hamid = Abd al-Hamid."""
    part = Part(
        core=name.core,
        words=abd.part.words + name.part.words,
        role=Role.COMPOUND,
        prefix="abd",
        article=name.part.article,
    )
    return analyse_part(part)


@lru_cache(maxsize=65536)
def word_part(word: str) -> AnalysedPart:
    """A lone word as a part (the rest of a word read with a particle, a single query word)."""
    return analyse_part(Part(core=word, words=(word,)))


def part_similarity(a: str, b: str) -> PartMatch:
    """Compare two single words in any scripts (normalised first)."""
    na, nb = normalize_word(a), normalize_word(b)
    if not na or not nb:
        return PartMatch(0.0, Reason.DIFFERENT)
    return core_similarity(word_part(na), word_part(nb))
