"""Compare two name parts: their words, then the structure around them.

The words are compared by `similarity.core_similarity`. Around them, an abd-, a kunya or a
compound's -din or -allah on one side only costs a little, and two different prefixes (Abu
against Umm) a lot. A particle written onto the word is read as such against a part that has
it apart: the article (ALALI, the Maghrebi Larbi), a nasab (Benali, Belhadj), a kunya
(Boubacar) and a compound's second element (Faizuulah, Tajydeen).
"""

from __future__ import annotations

from functools import lru_cache

from hajiz.names.analysis import AnalysedPart, short_article_rest
from hajiz.names.similarity import (
    CROSS_SCRIPT_FACTOR,
    MIN_LONG_SKELETON,
    SCORE_SKELETON,
    PartMatch,
    Reason,
    core_similarity,
    spelling_similarity,
    with_note,
    word_part,
)
from hajiz.names.vocabulary import KUNYA_WITH_ARTICLE

# Structure disagreements: "abu bakr" vs "bakr", "salah al-din" vs "salah",
# "abd al-rahman" vs "rahman".
KUNYA_MISSING_FACTOR = 0.8
COMPOUND_MISSING_FACTOR = 0.75
PREFIX_CONFLICT_FACTOR = 0.4
# A word compared with a compound written whole must be this close to count.
MIN_WHOLE_COMPOUND = 0.8


# Parts are interned, so the same pair recurs across names, entries and queries: remember it.
@lru_cache(maxsize=1 << 20)
def compare_parts(a: AnalysedPart, b: AnalysedPart) -> PartMatch:
    """Compare two parts: their cores, then their structure (kunya, compounds)."""
    if a.part.suffix != b.part.suffix:
        whole = _whole_compound_match(a, b) or _whole_compound_match(b, a)
        if whole is not None:
            return whole
    if a.part.prefix != b.part.prefix:
        whole = (
            _whole_kunya_match(a, b)
            or _whole_kunya_match(b, a)
            or _abd_written_whole(a, b)
            or _abd_written_whole(b, a)
        )
        if whole is not None:
            return whole
    if a.part.link != b.part.link:
        whole = _whole_nasab_match(a, b) or _whole_nasab_match(b, a)
        if whole is not None:
            return whole
    match = core_similarity(a, b)
    if a.part.article != b.part.article:
        word, other = (b, a) if a.part.article else (a, b)
        match = _article_attached(word, other, match)
    elif match.score < 1.0:
        if _maghrebi_article(a):
            match = _article_attached(a, b, match)
        elif _maghrebi_article(b):
            match = _article_attached(b, a, match)
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


def _maghrebi_article(part: AnalysedPart) -> bool:
    """A Latin word opening with an l before a consonant: the Maghrebi article, said without
    its vowel (Lhoussine, Lmokhtar). No Arabic-origin name starts so."""
    core = part.core
    return (
        not part.is_arabic and len(core) > MIN_REST and core[0] == "l" and core[1] not in "aeiouyl"
    )


def _article_attached(word: AnalysedPart, other: AnalysedPart, match: PartMatch) -> PartMatch:
    """`word` read as an article written onto a name, against `other`: ALALI against al-Ali
    (a short name written onto its article, the hyphen left out, as machine-readable zones
    and many lists write it), or the Maghrebi Larbi against al-Arabi. Longer words carry the
    bare form among their own (Albaghdadi); these are read so only against a part with the
    article, or when the word opens with the l of one: Lhoussine is al-Houssine whether or
    not the other name writes the article."""
    if word.is_arabic or word.part.prefix:
        return match
    best = match
    for rest in _attached_article_rests(word.core):
        found = core_similarity(word_part(rest), other)
        if found.score > best.score:
            best = with_note(found, f"{word.core} = al-{rest}")
    return best


# A particle written onto a word is read so only when this many letters are left after it
# (Laid = al-Eid, not Lee = al-E; Boubacar, Benali).
MIN_REST = 3


def _attached_article_rests(word: str) -> tuple[str, ...]:
    """What may follow an article written onto a word: ALALI (al-Ali), and the Maghrebi l- of
    Larbi (al-Arabi), Lamine (al-Amin), Lhoussaine (al-Husayn), Lehbib (al-Habib)."""
    short = short_article_rest(word)
    if short is not None:
        return (short,)
    if not word.startswith("l") or len(word) < 1 + MIN_REST:
        return ()
    if word[1] in "ae" and word[2] not in "aeiouy" and len(word) >= 2 + MIN_REST:
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
    return _closest_whole(compound, f"{compound.core} {compound.part.suffix}", word, wholes)


def _closest_whole(
    part: AnalysedPart,
    written: str,
    word: AnalysedPart,
    wholes: list[str],
    spellings: tuple[str, ...] = ("",),
) -> PartMatch | None:
    """The whole spelling of a compound or kunya (`wholes`) closest to a Latin word (with one
    of `spellings` after it), if it is MIN_WHOLE_COMPOUND alike; `written` is how the part
    reads in the explanation."""
    score, whole, said = max(
        (spelling_similarity(word.core + s, w), w, word.core + s) for w in wholes for s in spellings
    )
    if score < MIN_WHOLE_COMPOUND:
        return None
    if part.is_arabic:
        detail = f"{written} → {whole} ~ {said}"
        return PartMatch(score * CROSS_SCRIPT_FACTOR, Reason.TRANSLITERATION, detail)
    return PartMatch(score, Reason.SPELLING, f"{said} ~ {whole}")


# How abd- and its article are written onto the name they open (Abdullah, Abdelkader,
# Abdurrahman, with the article's l taking the sun letter's sound).
_ABD_OPENINGS = ("abd", "abdu", "abdul", "abdel", "abdal", "abdol", "abdil")
# A word shorter than this is no abd compound written whole.
MIN_ABD_WHOLE = 6


def _abd_written_whole(abd: AnalysedPart, word: AnalysedPart) -> PartMatch | None:
    """A Latin word against an abd compound written as one word: Adbullah, Aldullah or Adollah,
    a misspelt Abdullah the parser could not split, against Abd Allah. None unless it is a
    close spelling."""
    if abd.part.prefix != "abd" or word.is_arabic or word.core[:1] not in "ae":
        return None
    if word.part.prefix or word.part.link or word.part.article:
        return None
    spellings = _SUFFIX_SPELLINGS.get(word.part.suffix or "", ("",))
    if len(word.core) + len(spellings[0]) < MIN_ABD_WHOLE:
        return None
    wholes = [opening + form for form in abd.forms for opening in _ABD_OPENINGS]
    # The article's l taking a sun letter's sound (Abdurrahman), or its a the vowel (Abdullah).
    wholes += [f"abd{vowel}{form[:1]}{form}" for form in abd.forms for vowel in "ue"]
    wholes += [f"abd{v}{form[1:]}" for form in abd.forms if form[:2] == "al" for v in "uaoe"]
    return _closest_whole(abd, abd.part.label, word, wholes, spellings)


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


def _whole_nasab_match(nasab: AnalysedPart, word: AnalysedPart) -> PartMatch | None:
    """A Latin word that opens with an attached ben- or bel- against a nasab (bin Ali): the rest
    of the word is compared with the father's name; None unless it is alike. The parser does
    not split the word: too many names start so (Benjamin, Bennett, Belkin)."""
    if nasab.part.link != "bin" or word.is_arabic:
        return None
    if word.part.link or word.part.prefix or word.part.suffix or word.part.article:
        return None
    rest = _attached_rest(word, _ATTACHED_NASAB)
    if rest is None:
        return None
    found = core_similarity(rest, nasab)
    if found.score < MIN_ATTACHED_NASAB:
        return None
    return with_note(found, f"{word.core} = bin {rest.core}")


def _whole_kunya_match(kunya: AnalysedPart, word: AnalysedPart) -> PartMatch | None:
    """A Latin word that opens with an attached bou- against a kunya: Boubacar and Boubekeur
    against Abu Bakr. The rest of the word is compared with the kunya's name; None unless it
    is alike."""
    if kunya.part.prefix != "abu" or word.part.prefix or word.part.suffix or word.is_arabic:
        return None
    rest = _attached_rest(word, _ATTACHED_KUNYA)
    if rest is None:
        return _kunya_written_whole(kunya, word)
    found = core_similarity(rest, kunya)
    if found.score < MIN_ATTACHED_KUNYA:
        # Boubacar against a Latin Abu Bakr: the vowels differ, the consonants (bkr) agree.
        shared = max(rest.skeletons & kunya.skeletons, key=len, default="")
        if len(shared) < MIN_LONG_SKELETON:
            return None
        found = PartMatch(SCORE_SKELETON, Reason.SKELETON, shared)
    return with_note(found, f"{word.core} = abu {rest.core}")


# How Abu opens a kunya written as one word, without and with the article (Abuqatada,
# Abolqasem).
_KUNYA_OPENINGS = ("abu", "abou", "abo")
_KUNYA_OPENINGS_WITH_ARTICLE = (*KUNYA_WITH_ARTICLE, "abal")


def _kunya_written_whole(kunya: AnalysedPart, word: AnalysedPart) -> PartMatch | None:
    """A Latin word against a kunya written as one word: Abloqasem, a misspelt Abolqasem the
    parser could not split, against Abu al-Qasim. None unless it is a close spelling."""
    openings = _KUNYA_OPENINGS_WITH_ARTICLE if kunya.part.article else _KUNYA_OPENINGS
    if not word.core.startswith("ab"):
        return None  # every opening does: most words are out at once
    wholes = [opening + form for form in kunya.forms for opening in openings]
    return _closest_whole(kunya, kunya.part.label, word, wholes)


def _attached_rest(word: AnalysedPart, particles: tuple[str, ...]) -> AnalysedPart | None:
    """The rest of a word after one of these particles written onto it, if MIN_REST letters or
    more are left (Boubacar: bacar; Benali: ali)."""
    particle = next((p for p in particles if word.core.startswith(p)), None)
    if particle is None or len(word.core) - len(particle) < MIN_REST:
        return None
    return word_part(word.core[len(particle) :])
