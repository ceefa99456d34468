"""Pair the parts of two names: each part with its likeliest counterpart in the other name.

Parts pair regardless of order, the rarest and most alike first. Then what is left over is
read again: a part may be two parts of the other name written as one word (Walijan = Wali Jan),
an abd written apart from its compound (Abid Hamid = Abd al-Hamid), a name said twice, or an
initial. What the pairs and the parts left over are worth is `matching.names`' business.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import OSA

from hajiz.names.analysis import AnalysedName, AnalysedPart, natural_order
from hajiz.names.parts import compare_parts
from hajiz.names.similarity import (
    PartMatch,
    Reason,
    abd_compound,
    joined_initials,
    joined_part,
    truncated_match,
    with_note,
    word_part,
)
from hajiz.names.structure import Role
from hajiz.names.vocabulary import ABD, AMBIGUOUS_ABD, MUHAMMAD

# Parts aligned below this similarity count as unaligned.
MIN_PART_SCORE = 0.7
# With a birth date that agrees, a left-over part of each name this alike is read as the same
# name misspelt (Ain for Amin, Swy for Swe) rather than as two names that contradict.
NEAR_PART_SCORE = 0.5
NEAR_PART_NOTE = "read as one name misspelt: the birth date agrees"
# Two parts written as one word (Walijan, Abdefattah) must match more closely.
MIN_JOINED_SCORE = 0.75
# A left-over part is read with its aligned neighbour only when the neighbour's partner is
# this many letters longer than it (Dongdong against Dong, Alighadeer against Ghadeer).
MIN_REGROUP_GAP = 3
# An abd word written apart from its compound (Abid Hamid = Abd al-Hamid): Abid is a name too.
ABD_APART_FACTOR = 0.9
Compare = Callable[[AnalysedPart, AnalysedPart], PartMatch]
Weigh = Callable[[AnalysedPart], float]


def _pair_weight(rq: float, re: float) -> float:
    return (min(1.0, rq) + min(1.0, re)) / 2.0


@dataclass
class Pairing:
    """Work in progress of one alignment: which parts are taken, and the pairs so far."""

    q_parts: tuple[AnalysedPart, ...]
    e_parts: tuple[AnalysedPart, ...]
    q_weights: list[float]  # rarity weight of each part, as `weigh` gives it
    e_weights: list[float]
    used_q: list[bool]
    used_e: list[bool]
    # (query indices, entry indices, match, weight, query part shown, entry part shown)
    pairs: list[
        tuple[tuple[int, ...], tuple[int, ...], PartMatch, float, AnalysedPart, AnalysedPart]
    ] = field(default_factory=list)

    @classmethod
    def start(
        cls, q_parts: tuple[AnalysedPart, ...], e_parts: tuple[AnalysedPart, ...], weigh: Weigh
    ) -> Pairing:
        return cls(
            q_parts,
            e_parts,
            [weigh(p) for p in q_parts],
            [weigh(p) for p in e_parts],
            [False] * len(q_parts),
            [False] * len(e_parts),
        )

    def take(
        self,
        qi: tuple[int, ...],
        ei: tuple[int, ...],
        match: PartMatch,
        shown: tuple[AnalysedPart, AnalysedPart] | None = None,
    ) -> None:
        if shown is not None:
            q, e = shown
        else:
            q = self.q_parts[qi[0]] if len(qi) == 1 else joined_part(*(self.q_parts[i] for i in qi))
            e = self.e_parts[ei[0]] if len(ei) == 1 else joined_part(*(self.e_parts[j] for j in ei))
        for i in qi:
            self.used_q[i] = True
        for j in ei:
            self.used_e[j] = True
        q_weight = sum(self.q_weights[i] for i in qi)
        weight = _pair_weight(q_weight, sum(self.e_weights[j] for j in ei))
        self.pairs.append((qi, ei, match, weight, q, e))

    def retake(
        self,
        index: int,
        qi: tuple[int, ...],
        ei: tuple[int, ...],
        match: PartMatch,
        shown: tuple[AnalysedPart, AnalysedPart] | None = None,
    ) -> None:
        """Replace the index-th pair by a better reading of its parts and their neighbours."""
        old_qi, old_ei = self.pairs.pop(index)[:2]
        for i in old_qi:
            self.used_q[i] = False
        for j in old_ei:
            self.used_e[j] = False
        self.take(qi, ei, match, shown)

    def free_q(self) -> list[int]:
        return [i for i, used in enumerate(self.used_q) if not used]

    def free_e(self) -> list[int]:
        return [j for j, used in enumerate(self.used_e) if not used]


def pair_one_to_one(work: Pairing, compare: Compare) -> None:
    candidates: list[tuple[float, int, int, PartMatch]] = []
    last = len(work.q_parts) - 1
    e_parts = work.e_parts
    e_weights = [min(1.0, w) for w in work.e_weights]
    for i, qp in enumerate(work.q_parts):
        wq = min(1.0, work.q_weights[i])
        for j, ep in enumerate(e_parts):
            match = compare(qp, ep)
            # Words that agree align, even when the structure around them does not (Abdul
            # Qayyum against Qayyuum): the disagreement is in the pair's score.
            if match.score < MIN_PART_SCORE * match.structure:
                if i != last:
                    continue
                match = truncated_match(qp, ep) or match
                if match.score < MIN_PART_SCORE * match.structure:
                    continue
            # Negated, so that a plain sort puts the best first (and ties in part order).
            # Rarer parts first, but a part's identical twin before any look-alike: Ali is
            # Ali, not the start of Aliabadi, even though Aliabadi is the rarer word.
            rank = -match.score * (wq + e_weights[j]) / 2.0 - (match.score == 1.0)
            candidates.append((rank, i, j, match))
    _take_in_rank_order(work, candidates)


def _take_in_rank_order(work: Pairing, candidates: list[tuple[float, int, int, PartMatch]]) -> None:
    """Take (rank, query part, entry part, match) pairs lowest rank first, each part once."""
    candidates.sort()
    used_q, used_e, pairs = work.used_q, work.used_e, work.pairs
    for _, i, j, match in candidates:
        if not used_q[i] and not used_e[j]:
            # `work.take` for one part a side, inlined: the commonest step of every alignment.
            used_q[i] = used_e[j] = True
            weight = _pair_weight(work.q_weights[i], work.e_weights[j])
            pairs.append(((i,), (j,), match, weight, work.q_parts[i], work.e_parts[j]))


def pair_joined(
    work: Pairing, compare: Compare, q_order: tuple[int, ...], e_order: tuple[int, ...]
) -> None:
    """Match a part to two parts read one after the other, written as one word (Walijan =
    Wali Jan; Jafaribandarabadi = BANDARABADI, Mohammad Reza Jafari)."""
    used_q, used_e = work.used_q, work.used_e
    for i in work.free_q():
        initials = work.q_parts[i].initials
        for j, k in itertools.pairwise(e_order):
            # Most pairs start unlike the part: skip them before building the joined word.
            if used_e[j] or used_e[k] or not initials & joined_initials(work.e_parts[j]):
                continue
            match = compare(work.q_parts[i], joined_part(work.e_parts[j], work.e_parts[k]))
            if match.score >= MIN_JOINED_SCORE:
                work.take((i,), (j, k), match)
                break
    for j in work.free_e():
        initials = work.e_parts[j].initials
        for i, k in itertools.pairwise(q_order):
            if used_q[i] or used_q[k] or not initials & joined_initials(work.q_parts[i]):
                continue
            match = compare(joined_part(work.q_parts[i], work.q_parts[k]), work.e_parts[j])
            if match.score >= MIN_JOINED_SCORE:
                work.take((i, k), (j,), match)
                break


def _may_be_one_word(first: AnalysedPart, second: AnalysedPart, word: AnalysedPart) -> bool:
    """Whether `first` and `second` written together could be `word`: it starts like `first`
    and is about as long as both (cheap, before building the joined part)."""
    if not word.initials & joined_initials(first):
        return False
    together = len(first.forms[0]) + len(second.forms[0])
    length = len(word.forms[0])
    return abs(together - length) <= max(2, length // 4)


def _neighbours(order: tuple[int, ...], index: int) -> list[tuple[int, int]]:
    """The pairs of parts read one after the other that hold the part at `index`."""
    at = order.index(index)
    before = [(order[at - 1], index)] if at > 0 else []
    return before + ([(index, order[at + 1])] if at + 1 < len(order) else [])


def regroup_joined(
    work: Pairing, compare: Compare, q_order: tuple[int, ...], e_order: tuple[int, ...]
) -> bool:
    """A part left over beside an aligned part may be the rest of one word written apart.

    Dong Dong against Dongdong: the second Dong was aligned alone (as Dongdong cut short) and
    the first left over; read together they are the word itself, and the better explanation.
    Alighadeer against Ali Ghadeer likewise."""
    q_parts, e_parts = work.q_parts, work.e_parts
    for index, (qi, ei, match, _, _, _) in enumerate(work.pairs):
        if len(qi) != 1 or len(ei) != 1 or match.score >= 1.0:
            continue
        i, j = qi[0], ei[0]
        # Only a word clearly longer than its partner can be two parts written together.
        gap = len(q_parts[i].forms[0]) - len(e_parts[j].forms[0])
        if -MIN_REGROUP_GAP < gap < MIN_REGROUP_GAP:
            continue
        best: tuple[PartMatch, tuple[int, ...], tuple[int, ...]] = (match, qi, ei)
        for a, b in _neighbours(q_order, i):
            if work.used_q[a if b == i else b]:
                continue
            if _may_be_one_word(q_parts[a], q_parts[b], e_parts[j]):
                joined = compare(joined_part(q_parts[a], q_parts[b]), e_parts[j])
                if joined.score > best[0].score:
                    best = (joined, (a, b), ei)
        for a, b in _neighbours(e_order, j):
            if work.used_e[a if b == j else b]:
                continue
            if _may_be_one_word(e_parts[a], e_parts[b], q_parts[i]):
                joined = compare(q_parts[i], joined_part(e_parts[a], e_parts[b]))
                if joined.score > best[0].score:
                    best = (joined, qi, (a, b))
        if best[0] is not match and best[0].score >= MIN_JOINED_SCORE:
            work.retake(index, best[1], best[2], best[0])
            return True
    return False


def abd_apart(work: Pairing, compare: Compare) -> bool:
    """An abd word left over just before a part aligned to an abd- compound is that compound's
    abd written apart: Abid Hamid or a careless عبد حميد against Abd al-Hamid. Read so, at a
    small cost, since Abid is also a name of its own."""
    q_parts, e_parts = work.q_parts, work.e_parts
    for index, (qi, ei, match, _, _, _) in enumerate(work.pairs):
        if len(qi) != 1 or len(ei) != 1:
            continue
        i, j = qi[0], ei[0]
        q, e = q_parts[i], e_parts[j]
        if e.part.prefix == "abd" and _abd_before(q_parts, work.used_q, i):
            shown = (abd_compound(q_parts[i - 1], q), e)
            taken: tuple[tuple[int, ...], tuple[int, ...]] = ((i - 1, i), ei)
        elif q.part.prefix == "abd" and _abd_before(e_parts, work.used_e, j):
            shown = (q, abd_compound(e_parts[j - 1], e))
            taken = (qi, (j - 1, j))
        else:
            continue
        found = compare(*shown)
        apart = PartMatch(found.score * ABD_APART_FACTOR, found.reason, found.detail)
        regrouped = with_note(apart, "abd written apart")
        if regrouped.score > match.score:
            work.retake(index, *taken, regrouped, shown)
            return True
    return False


def _abd_before(parts: tuple[AnalysedPart, ...], used: list[bool], at: int) -> bool:
    """Whether the part at `at` has no prefix and a free bare abd word just before it."""
    if parts[at].part.prefix or at == 0 or used[at - 1]:
        return False
    before = parts[at - 1]
    return before.role is Role.NAME and (before.core in ABD or _misspelt_abd(before))


# Spellings of abd that are no names of their own, for reading a misspelt one.
_PLAIN_ABD = frozenset(w for w in ABD - AMBIGUOUS_ABD if w.isascii())


def _misspelt_abd(part: AnalysedPart) -> bool:
    """An abd word with one typo (Adbul, Abduol, Absur, Ebdul) that the parser read as a name:
    a word the lexicon does not know, one edit from a spelling of abd. Known names one edit
    away (Abbas, Abdas) stay names."""
    word = part.core
    if part.is_arabic or part.groups or word[:1] not in "ae" or len(word) < len("abd"):
        return False
    return any(OSA.distance(word, abd, score_cutoff=1) <= 1 for abd in _PLAIN_ABD)


def is_muhammad(part: AnalysedPart) -> bool:
    """Whether the part is a spelling of Muhammad, in either script."""
    return compare_parts(part, word_part(MUHAMMAD)).score >= MIN_PART_SCORE


def pair_near(work: Pairing, compare: Compare) -> None:
    """Pair the parts both names have left over that are nearly alike (NEAR_PART_SCORE), best
    first. Only for a pair whose birth dates agree: without that, a letter apart is as often
    another name (Amin, Amir) as a slip, and the parts stay unaligned."""
    near: list[tuple[float, int, int, PartMatch]] = []
    for i in work.free_q():
        for j in work.free_e():
            match = compare(work.q_parts[i], work.e_parts[j])
            if match.score >= NEAR_PART_SCORE:
                near.append((-match.score, i, j, with_note(match, NEAR_PART_NOTE)))
    _take_in_rank_order(work, near)


def untangle_repeats(query: AnalysedName, entry: AnalysedName, work: Pairing) -> None:
    """A name said twice in one name (Ibrahim Sabawi Ibrahim: a grandson named after his
    grandfather) is aligned with the one of its repeats that keeps the two names in order."""
    q_rank = {i: r for r, i in enumerate(natural_order(query))}
    e_rank = {j: r for r, j in enumerate(natural_order(entry))}
    for index, (qi, ei, match, _, _, _) in enumerate(work.pairs):
        if len(qi) != 1 or len(ei) != 1:
            continue
        i, j = qi[0], ei[0]
        others = [(i, j2) for j2 in work.free_e() if work.e_parts[j2].core == work.e_parts[j].core]
        others += [(i2, j) for i2 in work.free_q() if work.q_parts[i2].core == work.q_parts[i].core]
        if not others:
            continue
        placed = [(q_rank[a[0]], e_rank[b[0]]) for a, b, *_ in work.pairs if len(a) == len(b) == 1]
        placed.remove((q_rank[i], e_rank[j]))
        best = min(
            [(i, j), *others],
            key=lambda ij: _inversions(placed, (q_rank[ij[0]], e_rank[ij[1]])),
        )
        if best != (i, j):
            work.retake(index, (best[0],), (best[1],), match)
            return


def pair_initials(work: Pairing) -> None:
    """A lone letter left over (M. Ali Hassan, A Moayied Rida H) is paired with a left-over
    part of the other name that starts with it, in order. An initial agrees without saying
    anything: the pair weighs nothing, so it neither costs nor adds to the score."""
    for initials, others, flip in (
        (work.q_parts, work.e_parts, False),
        (work.e_parts, work.q_parts, True),
    ):
        used, other_used = (work.used_e, work.used_q) if flip else (work.used_q, work.used_e)
        for i, part in enumerate(initials):
            if used[i] or len(part.core) != 1 or part.is_arabic:
                continue
            for j, other in enumerate(others):
                if not other_used[j] and len(other.core) > 1 and other.forms[0][:1] == part.core:
                    used[i] = other_used[j] = True
                    match = PartMatch(1.0, Reason.INITIAL, f"{part.core}. = {other.forms[0]}")
                    pair = (
                        ((j,), (i,), match, 0.0, other, part)
                        if flip
                        else ((i,), (j,), match, 0.0, part, other)
                    )
                    work.pairs.append(pair)
                    break


@lru_cache(maxsize=1 << 16)
def quirks(parts: tuple[AnalysedPart, ...]) -> tuple[bool, bool]:
    """Whether a name says a name twice, and whether it has an initial (both rare)."""
    return len({part.core for part in parts}) < len(parts), any(len(p.core) == 1 for p in parts)


def _inversions(placed: list[tuple[int, int]], pair: tuple[int, int]) -> int:
    """How many placed pairs `pair` crosses (one is before the other in one name only)."""
    return sum((q < pair[0]) != (e < pair[1]) for q, e in placed)
