"""The matching keys the index files an entry under, and the keys of parts read as one word.

A part's keys are its own (analysis.py). Two adjacent parts also get the phonetic keys of
their forms written together, so that Walijan finds Wali Jan and Abdelfattah finds Abd
al-Fattah.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from functools import lru_cache

from hajiz.matching.subjects import Subject
from hajiz.names.analysis import (
    AnalysedName,
    AnalysedPart,
    analyse_part,
    natural_order,
    short_article_rest,
)
from hajiz.names.phonetic import phonetic_key
from hajiz.names.structure import Part, Role


def joined_keys(name: AnalysedName, forms: int) -> Iterator[frozenset[str]]:
    """Keys of parts read one after the other, as one word (Wali Jan = Walijan), one set per
    pair. "SURNAME, Given" reads Given SURNAME: its last given name is joined to the surname."""
    parts = name.name_parts
    if len(parts) < 2:
        return
    for i, j in itertools.pairwise(natural_order(name)):
        first, second = parts[i], parts[j]
        if first.role is Role.TITLE or second.role is Role.TITLE:
            continue
        yield _joined_pair_keys(first, second, forms)


# Pairs of interned parts recur across a list (Mohammed Ali, Abdul Rahman): remember their keys.
@lru_cache(maxsize=1 << 20)
def _joined_pair_keys(first: AnalysedPart, second: AnalysedPart, forms: int) -> frozenset[str]:
    joined = (fa + fb for fa in _sounded(first, forms) for fb in _sounded(second, forms))
    return frozenset(f"p:{phonetic_key(f)}" for f in joined)


@lru_cache(maxsize=1 << 18)
def _sounded(part: AnalysedPart, forms: int) -> tuple[str, ...]:
    """The part's first forms, leaving out any that sounds like one before it (hassan, hasan):
    joined to the same neighbour, they would almost always give the same key again."""
    kept: dict[str, str] = {}
    for form in part.forms[:forms]:
        kept.setdefault(phonetic_key(form), form)
    return tuple(kept.values())


def part_key_sets(subject: Subject) -> Iterator[frozenset[str]]:
    """The key set of every part of every name of a subject."""
    for subject_name in subject.names:
        for part in subject_name.name.name_parts:
            yield part.keys()


def joined_key_sets(subject: Subject) -> Iterator[frozenset[str]]:
    """The key sets of adjacent parts read as one word, in every name of a subject."""
    for subject_name in subject.names:
        yield from joined_keys(subject_name.name, 2)


def subject_keys(subject: Subject) -> set[str]:
    """The keys of a subject: of every part of every name, and of adjacent parts joined."""
    return set().union(*part_key_sets(subject), *joined_key_sets(subject))


# How articles are written onto a short name (ALALI, ELNUR).
_ATTACHED = ("al", "el")


@lru_cache(maxsize=1 << 16)
def article_keys(part: AnalysedPart) -> frozenset[str]:
    """Keys of the other way to write a short name with its article, for a query part: ALALI's
    for al-Ali, al-Ali's for ALALI (see similarity's attached article). The index files each
    part under its own keys only; the query asks for both."""
    if part.part.article:
        shorts = [form for form in part.forms[:2] if len(form) == 3]
        return frozenset(f"p:{phonetic_key(a + form)}" for form in shorts for a in _ATTACHED)
    rest = None if part.is_arabic else short_article_rest(part.core)
    if rest is None:
        return frozenset()
    return analyse_part(Part(core=rest, words=(rest,), article=True)).keys()
