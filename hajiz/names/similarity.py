"""Similarity of two name parts in any scripts, with the reason an officer can read.

Evidence is tried from the strongest to the weakest: the same word; a known variant (the
lexicon's groups: Mohammed/Muhammad, محمد/Mohamed); a transliteration that lands on the other
spelling; the same phonetic key; the same consonant skeleton across scripts; and last, a few
edits. Short names get no loose edit budget: Ali/Aly and Omar/Umar match through the lexicon and
the keys, while Ali/Alia or Ahmad/Hamid, one or two edits apart, do not.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from rapidfuzz.distance import OSA

from hajiz.names.analysis import AnalysedPart, analyse_part, initials_of, short_article_rest
from hajiz.names.normalize import normalize_word, same_plain_spelling
from hajiz.names.phonetic import phonetic_key
from hajiz.names.structure import Part, Role


class Reason(StrEnum):
    """Why two parts were judged alike."""

    IDENTICAL = "identical"
    VARIANT = "known variant"
    TRANSLITERATION = "transliteration"
    PHONETIC = "same phonetic key"
    SKELETON = "same consonants"
    SPELLING = "spelling"
    TRUNCATED = "truncated"
    DIFFERENT = "different"


@dataclass(frozen=True, slots=True)
class PartMatch:
    """How alike two parts are, in [0, 1], and why."""

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
# Per-edit penalty is EDIT_BUDGET / length: one edit in 4 letters costs 0.3, in 10 letters 0.12.
EDIT_BUDGET = 1.2
# Structure disagreements: "abu bakr" vs "bakr", "salah al-din" vs "salah",
# "abd al-rahman" vs "rahman".
KUNYA_MISSING_FACTOR = 0.8
COMPOUND_MISSING_FACTOR = 0.75
PREFIX_CONFLICT_FACTOR = 0.4
# A word compared with a compound written whole must be this close to count.
MIN_WHOLE_COMPOUND = 0.8


_VOWEL_FOLD = str.maketrans({"e": "i", "o": "u"})
# Two Latin spellings that differ only in doubled letters and long-vowel pairs (see
# normalize.plain_spelling) are one name written in two styles; their edit similarity is at
# least PLAIN_FROM, so pairs below it are not checked.
SCORE_PLAIN_SPELLING = 0.93
PLAIN_FROM = 0.5


@lru_cache(maxsize=1 << 16)
def _folded(word: str) -> str:
    return word.translate(_VOWEL_FOLD)


def spelling_similarity(a: str, b: str) -> float:
    """Edit-distance similarity of two Latin words, strict for short ones."""
    if a == b:
        return 1.0
    length = len(a) if len(a) > len(b) else len(b)
    if length == 0:
        return 0.0
    distance: float = OSA.distance(a, b)
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
            distance = (distance + OSA.distance(fa, fb)) / 2.0
    score = 1.0 - distance * EDIT_BUDGET / scale
    return score if score > 0.0 else 0.0


def _is_gender_pair(a: str, b: str) -> bool:
    """Whether two Latin words are a masculine name and its feminine form in -a or -ah, either
    way round (a final -e is as often French or Portuguese spelling: Momade, Tewolde)."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return long[len(short) :] in ("a", "ah") and _is_feminine_pair(short, long)


def _gender_forms(a: AnalysedPart, b: AnalysedPart) -> bool:
    """Whether two Latin parts are he and she (Amin/Amina, and Amin/Aminata, which is read as
    Amina) and share no form: Ibrahima is read as Ibrahim, and so is no feminine."""
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
    different name, not a misspelling."""
    short = len(a.core) <= SHORT_NAME and len(b.core) <= SHORT_NAME
    return short and bool(a.groups) and bool(b.groups) and not a.groups & b.groups


def _vowel_onset(part: AnalysedPart) -> bool:
    """Whether the word starts with a vowel (alef, ayn and hamza count as vowels)."""
    first = part.core[:1]
    return first in ("اعأإآء" if part.is_arabic else "aeiou")


def core_similarity(a: AnalysedPart, b: AnalysedPart) -> PartMatch:
    """Compare the cores of two parts, ignoring the structure around them."""
    if a.core == b.core:
        return PartMatch(1.0, Reason.IDENTICAL)
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
                score = min(score, DISTINCT_SHORT_NAMES)
        result = PartMatch(score, reason, detail)
    phonetic_score = SCORE_PHONETIC_CROSS_SCRIPT if cross_script else SCORE_PHONETIC
    if a.phonetic & b.phonetic and result.score < phonetic_score:
        result = PartMatch(phonetic_score, Reason.PHONETIC, next(iter(a.phonetic & b.phonetic)))
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


def _elided_alef(a: AnalysedPart, b: AnalysedPart) -> bool:
    """An Arabic word's first alef left out of the Latin (أقرين as Quren, إبراهيم as Brahim).

    North African speech drops the vowel before a consonant cluster. Two names the lexicon
    knows apart (أحمد and Hamid) stay apart."""
    arabic, latin = (a, b) if a.is_arabic else (b, a)
    known_apart = bool(arabic.groups) and bool(latin.groups)
    return arabic.core[:1] == "ا" and not _vowel_onset(latin) and not known_apart


# Parts are interned, so the same pair recurs across names, entries and queries: remember it.
@lru_cache(maxsize=1 << 20)
def compare_parts(a: AnalysedPart, b: AnalysedPart) -> PartMatch:
    """Compare two parts: their cores, then their structure (kunya, compounds)."""
    if a.part.suffix != b.part.suffix:
        whole = _whole_compound_match(a, b) or _whole_compound_match(b, a)
        if whole is not None:
            return whole
    if a.part.prefix != b.part.prefix:
        whole = _whole_kunya_match(a, b) or _whole_kunya_match(b, a)
        if whole is not None:
            return whole
    if a.part.link != b.part.link:
        whole = _whole_nasab_match(a, b) or _whole_nasab_match(b, a)
        if whole is not None:
            return whole
    match = core_similarity(a, b)
    if a.part.article != b.part.article:
        match = _article_attached(a, b, match)
    if match.score == 0.0:
        return match
    factor = 1.0
    notes: list[str] = []
    pa, pb = a.part.prefix, b.part.prefix
    if pa != pb:
        if pa and pb:
            factor *= PREFIX_CONFLICT_FACTOR
            notes.append(f"{pa} ≠ {pb}")
        elif "abd" in (pa, pb):
            factor *= COMPOUND_MISSING_FACTOR
            notes.append("abd- on one side only")
        else:
            factor *= KUNYA_MISSING_FACTOR
            notes.append(f"{pa or pb} on one side only")
    if a.part.suffix != b.part.suffix:
        factor *= COMPOUND_MISSING_FACTOR
        notes.append(f"-{a.part.suffix or b.part.suffix} on one side only")
    if factor == 1.0:
        return match
    detail = "; ".join([match.detail, *notes]) if match.detail else "; ".join(notes)
    return PartMatch(match.score * factor, match.reason, detail, factor)


def _article_attached(a: AnalysedPart, b: AnalysedPart, match: PartMatch) -> PartMatch:
    """ALALI against al-Ali: a short name written onto its article, the hyphen left out (as
    machine-readable zones and many lists write it), or the Maghrebi Larbi against al-Arabi.
    Longer words carry the bare form among their own (Albaghdadi); these are read so only
    against a part with the article."""
    word, other = (b, a) if a.part.article else (a, b)
    if word.is_arabic or word.part.prefix:
        return match
    best = match
    for rest in _attached_article_rests(word.core):
        found = core_similarity(_word_part(rest), other)
        if found.score > best.score:
            best = with_note(found, f"{word.core} = al-{rest}")
    return best


# The Maghrebi l- is read so only before this many letters (Laid = al-Eid, not Lee = al-E).
MIN_MAGHREBI_REST = 3


def _attached_article_rests(word: str) -> tuple[str, ...]:
    """What may follow an article written onto a word: ALALI (al-Ali), and the Maghrebi l- of
    Larbi (al-Arabi), Lamine (al-Amin), Lahcen and Lhoussaine (al-Hasan, al-Husayn)."""
    short = short_article_rest(word)
    if short is not None:
        return (short,)
    if not word.startswith("l") or len(word) < 1 + MIN_MAGHREBI_REST:
        return ()
    if word[1] in "ae" and word[2] not in "aeiouy" and len(word) >= 2 + MIN_MAGHREBI_REST:
        return (word[1:], word[2:])
    return (word[1:],)


# How a compound's second element is written onto the first (Faizullah, Nuruddin, Nurettin,
# West African Tajudeen).
_SUFFIX_SPELLINGS = {
    "allah": ("ullah", "allah", "ollah"),
    "din": ("uddin", "eddin", "addin", "eddine", "ettin", "udeen", "ideen", "uddeen", "udin"),
}


def _whole_compound_match(compound: AnalysedPart, word: AnalysedPart) -> PartMatch | None:
    """A Latin word against a compound written as one word: Faizuulah, a misspelt Faizullah
    the parser could not split, against Faiz-ullah. None unless it is a close spelling."""
    spellings = _SUFFIX_SPELLINGS.get(compound.part.suffix or "")
    if not spellings or word.part.suffix or word.is_arabic:
        return None
    if word.part.prefix or compound.part.prefix:
        return None
    wholes = [form + s for form in compound.forms for s in spellings]
    score, whole = max((spelling_similarity(word.core, w), w) for w in wholes)
    if score < MIN_WHOLE_COMPOUND:
        return None
    if compound.is_arabic:
        detail = f"{compound.core} {compound.part.suffix} → {whole} ~ {word.core}"
        return PartMatch(score * CROSS_SCRIPT_FACTOR, Reason.TRANSLITERATION, detail)
    return PartMatch(score, Reason.SPELLING, f"{word.core} ~ {whole}")


# How Abu is written onto the name it opens, where the parser does not split it (it splits
# abu- and abou-): Maghrebi Boubekeur, West African Boubacar.
_ATTACHED_KUNYA = ("bou", "bu")
# The rest of a word with an attached kunya must be at least this like the kunya's name.
MIN_ATTACHED_KUNYA = 0.75


# How "son of" is written onto the father's name in North Africa: Benali (bin Ali), and with the
# article, Belhadj (bin al-Hajj), Belmokhtar (bin al-Mukhtar).
_ATTACHED_NASAB = ("ben", "bin", "ibn", "bel", "bil")
# Many more names start with ben- than with bou-: the rest must agree more closely (Benjamin is
# not bin Jamil, at 0.76).
MIN_ATTACHED_NASAB = 0.85


@lru_cache(maxsize=1 << 16)
def _whole_nasab_match(nasab: AnalysedPart, word: AnalysedPart) -> PartMatch | None:
    """A Latin word that opens with an attached ben- or bel- against a nasab (bin Ali): the rest
    of the word is compared with the father's name; None unless it is alike. The parser does
    not split the word: too many names start so (Benjamin, Bennett, Belkin)."""
    if nasab.part.link != "bin" or word.is_arabic:
        return None
    if word.part.link or word.part.prefix or word.part.suffix or word.part.article:
        return None
    prefix = next((p for p in _ATTACHED_NASAB if word.core.startswith(p)), None)
    if prefix is None or len(word.core) - len(prefix) < 3:
        return None
    rest = _word_part(word.core[len(prefix) :])
    found = core_similarity(rest, nasab)
    if found.score < MIN_ATTACHED_NASAB:
        return None
    return with_note(found, f"{word.core} = bin {rest.core}")


@lru_cache(maxsize=1 << 16)
def _whole_kunya_match(kunya: AnalysedPart, word: AnalysedPart) -> PartMatch | None:
    """A Latin word that opens with an attached bou- against a kunya: Boubacar and Boubekeur
    against Abu Bakr. The rest of the word is compared with the kunya's name; None unless it
    is alike."""
    if kunya.part.prefix != "abu" or word.part.prefix or word.part.suffix or word.is_arabic:
        return None
    prefix = next((p for p in _ATTACHED_KUNYA if word.core.startswith(p)), None)
    if prefix is None or len(word.core) - len(prefix) < 3:
        return None
    rest = _word_part(word.core[len(prefix) :])
    found = core_similarity(rest, kunya)
    if found.score < MIN_ATTACHED_KUNYA:
        # Boubacar against a Latin Abu Bakr: the vowels differ, the consonants (bkr) agree.
        shared = max(rest.skeletons & kunya.skeletons, key=len, default="")
        if len(shared) < MIN_LONG_SKELETON:
            return None
        found = PartMatch(SCORE_SKELETON, Reason.SKELETON, shared)
    return with_note(found, f"{word.core} = abu {rest.core}")


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
def _word_part(word: str) -> AnalysedPart:
    return analyse_part(Part(core=word, words=(word,)))


def part_similarity(a: str, b: str) -> PartMatch:
    """Compare two single words in any scripts (normalised first)."""
    na, nb = normalize_word(a), normalize_word(b)
    if not na or not nb:
        return PartMatch(0.0, Reason.DIFFERENT)
    return core_similarity(_word_part(na), _word_part(nb))
