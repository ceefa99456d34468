"""Compare two analysed names: align their parts regardless of order, and weigh what is left.

Agreement on a rare part counts more than on a common one (each part carries a rarity weight).
What is left unaligned costs by its role: a nasab element or a nisba the other name omits costs
little, since passports and lists keep different subsets of a long Arabic name; a distinctive
part of the traveller's name with no counterpart at all costs its full weight.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from hajiz.names.analysis import (
    AnalysedName,
    AnalysedPart,
    count_names,
    first_given,
    middle_parts,
    natural_order,
)
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
from hajiz.names.structure import Role, is_patronymic
from hajiz.names.vocabulary import ABD, MUHAMMAD, TITLES_ALSO_NAMES

# Parts aligned below this similarity count as unaligned.
MIN_PART_SCORE = 0.7
# Two parts written as one word (Walijan, Abdefattah) must match more closely.
MIN_JOINED_SCORE = 0.75
# A left-over part is read with its aligned neighbour only when the neighbour's partner is
# this many letters longer than it (Dongdong against Dong, Alighadeer against Ghadeer).
MIN_REGROUP_GAP = 3
# Weight of an unaligned part, by role, relative to its rarity weight.
UNMATCHED_QUERY_COST = {
    Role.NAME: 0.75,
    Role.KUNYA: 0.7,
    Role.COMPOUND: 0.75,
    Role.NISBA: 0.5,
    Role.NASAB: 0.25,
    Role.TITLE: 0.0,
}
UNMATCHED_ENTRY_COST = {
    Role.NAME: 0.35,
    Role.KUNYA: 0.35,
    Role.COMPOUND: 0.35,
    Role.NISBA: 0.3,
    Role.NASAB: 0.15,
    Role.TITLE: 0.0,
}
# A Slavic patronymic one name adds costs almost nothing: Russian and Ukrainian passports
# leave it out of the Latin name, and lists keep or drop it at will.
PATRONYMIC_OMITTED_COST = 0.1
# A name of this many parts or more may open with a Muhammad that the other name drops.
OPENING_MUHAMMAD_FROM = 3
# An abd word written apart from its compound (Abid Hamid = Abd al-Hamid): Abid is a name too.
ABD_APART_FACTOR = 0.9
# Parts aligned out of order (surname first) cost a little.
REORDER_FACTOR = 0.97
# The traveller's own first name missing from the list, whose name runs on from the traveller's
# second part for at least SHIFT_RUN parts: the traveller's father's chain is the listed name,
# as a son's is (Ali Saddam Hussein al-Tikriti against Saddam Hussein al-Tikriti).
SHIFTED_NASAB_FACTOR = 0.85
SHIFT_RUN = 3
SHIFTED_NASAB_NOTE = (
    "the traveller's first name is not on the list, and the listed name follows from the "
    "traveller's father's name on: a son of the listed person?"
)
# The same the other way round: the traveller's name is the listed person's father's chain.
FATHER_NOTE = (
    "the listed person's first name is not in the traveller's name, which follows from the "
    "listed person's father's name on: the listed person's father?"
)
# Two Arabic-style names whose first names differ, each unaligned, and whose father's chain
# agrees for SIBLING_RUN parts: brothers (Ali and Tarak ben Taher ben Faleh al-Harzi).
SIBLING_FACTOR = 0.85
SIBLING_RUN = 2
SIBLING_NOTE = (
    "the first names differ, and the names agree from the father's name on: a brother or "
    "sister of the listed person?"
)
_FAMILY_FACTORS = {
    SHIFTED_NASAB_NOTE: SHIFTED_NASAB_FACTOR,
    FATHER_NOTE: SHIFTED_NASAB_FACTOR,
    SIBLING_NOTE: SIBLING_FACTOR,
}
# Agreement must carry enough information: a name made only of common parts (Mohammed Ali)
# scores at most INFO_BASE plus its share of INFO_FULL, the weight of two fairly rare parts.
INFO_BASE = 0.65
INFO_FULL = 1.4
# A one-part name agreeing with a one-part name (an Afghan passport's single name against a
# listed mononym) carries all the information there is. Two common parts agreeing completely
# (Mohammed Hafez) do not: that is the innocent namesake the information cap is there for.
INFO_BASE_MONONYM = 0.8


class AlignedPair(NamedTuple):
    """A query part and the entry part it was matched to."""

    query: AnalysedPart
    entry: AnalysedPart
    match: PartMatch

    def to_dict(self) -> dict[str, object]:
        """The pair as an officer reads it."""
        return {
            "query": self.query.part.label,
            "entry": self.entry.part.label,
            "query_latin": self.query.forms[0],
            "entry_latin": self.entry.forms[0],
            "score": round(self.match.score, 3),
            "reason": self.match.reason.value,
            "detail": self.match.detail,
            "role": self.entry.role.value,
        }


class NameComparison(NamedTuple):
    """How a query name compares with an entry name.

    Named tuples, like `AlignedPair`: a screening builds one for every name pair it aligns,
    about twenty, and a tuple is built in a third of the time of a frozen dataclass.
    """

    score: float
    query_name: AnalysedName
    entry_name: AnalysedName
    pairs: tuple[AlignedPair, ...] = ()
    unmatched_query: tuple[AnalysedPart, ...] = ()
    unmatched_entry: tuple[AnalysedPart, ...] = ()
    is_reordered: bool = False
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """The comparison as an officer reads it."""
        return {
            "score": round(self.score, 3),
            "query_name": self.query_name.text,
            "entry_name": self.entry_name.text,
            "pairs": [p.to_dict() for p in self.pairs],
            "unmatched_query": [p.part.label for p in self.unmatched_query],
            "unmatched_entry": [p.part.label for p in self.unmatched_entry],
            "reordered": self.is_reordered,
        }


Compare = Callable[[AnalysedPart, AnalysedPart], PartMatch]
Weigh = Callable[[AnalysedPart], float]


def lexicon_weight(part: AnalysedPart) -> float:
    """A part's rarity weight from the name lexicon alone."""
    return part.weight


def _weight(rq: float, re: float) -> float:
    return (min(1.0, rq) + min(1.0, re)) / 2.0


@dataclass
class _Alignment:
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
    ) -> _Alignment:
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
        weight = _weight(sum(self.q_weights[i] for i in qi), sum(self.e_weights[j] for j in ei))
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


def _align_one_to_one(work: _Alignment, compare: Compare) -> None:
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
    candidates.sort()
    used_q, used_e, pairs = work.used_q, work.used_e, work.pairs
    for _, i, j, match in candidates:
        if not used_q[i] and not used_e[j]:
            # `work.take` for one part a side, inlined: the commonest step of every alignment.
            used_q[i] = used_e[j] = True
            weight = _weight(work.q_weights[i], work.e_weights[j])
            pairs.append(((i,), (j,), match, weight, work.q_parts[i], e_parts[j]))


def _align_joined(
    work: _Alignment, compare: Compare, q_order: tuple[int, ...], e_order: tuple[int, ...]
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


def _regroup_joined(
    work: _Alignment, compare: Compare, q_order: tuple[int, ...], e_order: tuple[int, ...]
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


def _abd_apart(work: _Alignment, compare: Compare) -> bool:
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
    return before.role is Role.NAME and before.core in ABD


def _unmatched_cost(
    name: AnalysedName,
    free: list[int],
    weights: list[float],
    costs: dict[Role, float],
    is_omission: bool,
    drops_muhammad: bool = False,
) -> float:
    """What the unaligned parts of one name cost, by role.

    When the other name has nothing left over, this name only says more: a middle name or a
    father's name it adds costs no more than an omitted nasab element, and so does, with
    `drops_muhammad`, a Muhammad opening its given names. When both names have parts left
    over, they contradict each other, and every part costs by its own role.
    """
    if not free:
        return 0.0
    middle = middle_parts(name) if is_omission else frozenset()
    opening = _opening_muhammad(name) if is_omission and drops_muhammad else None
    total = 0.0
    for i in free:
        part = name.name_parts[i]
        cost = costs[part.role]
        if i in middle and part.role is Role.NASAB and is_patronymic(part.part.core):
            cost = min(cost, PATRONYMIC_OMITTED_COST)
        elif (
            i in middle
            or i == opening
            or (part.role is Role.NAME and part.part.core in TITLES_ALSO_NAMES)
        ):
            # A middle name, an opening Muhammad, or a title the parser kept as a name (Seyed
            # Esmaeil against Esmail) costs little.
            cost = min(cost, costs[Role.NASAB])
        total += weights[i] * cost
    return total


def _opening_muhammad(name: AnalysedName) -> int | None:
    """The position of a Muhammad that opens a double given name (Mohammad Jawad NASRALLAH),
    which people and lists drop as often as they keep it (Jawad NASRALLAH); None if none."""
    if len(name.name_parts) < OPENING_MUHAMMAD_FROM:
        return None
    first = natural_order(name)[0]
    part = name.name_parts[first]
    return first if part.role is Role.NAME and _is_muhammad(part) else None


def _is_muhammad(part: AnalysedPart) -> bool:
    """Whether the part is a spelling of Muhammad, in either script."""
    return compare_parts(part, word_part(MUHAMMAD)).score >= MIN_PART_SCORE


def align(
    query: AnalysedName,
    entry: AnalysedName,
    compare: Compare = compare_parts,
    weigh: Weigh = lexicon_weight,
) -> NameComparison:
    """Align the parts of two names by similarity, regardless of order, and score it."""
    q_parts = query.name_parts
    e_parts = entry.name_parts
    if not q_parts or not e_parts:
        return NameComparison(0.0, query, entry)
    work = _Alignment.start(q_parts, e_parts, weigh)
    _align_one_to_one(work, compare)
    if not all(work.used_q) or not all(work.used_e):
        # Parts are joined in reading order: "SURNAME, Given" reads Given SURNAME.
        q_order, e_order = natural_order(query), natural_order(entry)
        if not all(work.used_q) and not all(work.used_e):
            _align_joined(work, compare, q_order, e_order)
        while (not all(work.used_q) or not all(work.used_e)) and (
            _regroup_joined(work, compare, q_order, e_order) or _abd_apart(work, compare)
        ):
            pass
    if not all(work.used_q) or not all(work.used_e):
        q_repeat, q_initial = _quirks(q_parts)
        e_repeat, e_initial = _quirks(e_parts)
        if q_repeat or e_repeat:
            _untangle_repeats(query, entry, work)
        if q_initial or e_initial:
            _pair_initials(work)
    work.pairs.sort(key=lambda p: p[0])
    matched = sum(m.score * w for _, _, m, w, _, _ in work.pairs)
    aligned_weight = sum(w for _, _, _, w, _, _ in work.pairs)
    free_q, free_e = work.free_q(), work.free_e()
    unmatched_q = tuple(q_parts[i] for i in free_q)
    unmatched_e = tuple(e_parts[j] for j in free_e)
    # The traveller's Muhammad only: the list's own unaligned parts already cost half as much.
    q_cost = _unmatched_cost(
        query, free_q, work.q_weights, UNMATCHED_QUERY_COST, not free_e, drops_muhammad=True
    )
    cost = q_cost + _unmatched_cost(entry, free_e, work.e_weights, UNMATCHED_ENTRY_COST, not free_q)
    score = matched / (aligned_weight + cost) if aligned_weight + cost > 0 else 0.0
    # One name against one name, titles aside: Haji Khairullah is as much a mononym.
    is_mononym = bool(work.pairs) and count_names(q_parts) == 1 == count_names(e_parts)
    base = INFO_BASE_MONONYM if is_mononym else INFO_BASE
    score *= min(1.0, base + (1.0 - base) * aligned_weight / INFO_FULL)
    entry_order = [ei[0] for _, ei, _, _, _, _ in work.pairs]
    is_reordered = entry_order != sorted(entry_order)
    if is_reordered:
        score *= REORDER_FACTOR
    notes: tuple[str, ...] = ()
    family = _family_resemblance(query, entry, work) if free_q or free_e else None
    if family is not None:
        score *= _FAMILY_FACTORS[family]
        notes = (family,)
    pairs = tuple(AlignedPair(q, e, m) for _, _, m, _, q, e in work.pairs)
    return NameComparison(score, query, entry, pairs, unmatched_q, unmatched_e, is_reordered, notes)


def _untangle_repeats(query: AnalysedName, entry: AnalysedName, work: _Alignment) -> None:
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


def _pair_initials(work: _Alignment) -> None:
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
def _quirks(parts: tuple[AnalysedPart, ...]) -> tuple[bool, bool]:
    """Whether a name says a name twice, and whether it has an initial (both rare)."""
    return len({part.core for part in parts}) < len(parts), any(len(p.core) == 1 for p in parts)


def _inversions(placed: list[tuple[int, int]], pair: tuple[int, int]) -> int:
    """How many placed pairs `pair` crosses (one is before the other in one name only)."""
    return sum((q < pair[0]) != (e < pair[1]) for q, e in placed)


def _arabic_naming(name: AnalysedName) -> bool:
    """Whether a name is written the Arabic way: in Arabic script, or with an article or a
    nasab particle (al-Tikriti, bin Laden)."""
    return any(p.is_arabic or p.part.article or p.part.link for p in name.name_parts)


def _family_resemblance(query: AnalysedName, entry: AnalysedName, work: _Alignment) -> str | None:
    """Why the names may be of two people of one family, or None: a son, a father, a sibling.

    An Arab's name is his own name and then his father's chain, so a chain that agrees but is
    shifted by one name, or that agrees after two different first names, is a relative's."""
    # Each reading needs three parts a side (SHIFT_RUN, or the first name and SIBLING_RUN).
    if len(query.parts) <= SIBLING_RUN or len(entry.parts) <= SIBLING_RUN:
        return None
    q_first, e_first = not work.used_q[first_given(query)], not work.used_e[first_given(entry)]
    son = q_first and len(query.parts) > SHIFT_RUN
    father = e_first and len(entry.parts) > SHIFT_RUN
    if not (son or father or (q_first and e_first)):
        return None  # the usual case: a first name aligned, and the other too or short
    if not (_arabic_naming(query) or _arabic_naming(entry)):
        return None
    q_order, e_order = natural_order(query), natural_order(entry)
    pairs = [(qi[0], ei[0]) for qi, ei, _, _, _, _ in work.pairs if len(qi) == len(ei) == 1]
    to_query = {e: q for q, e in pairs}
    if son and _shifted(query, q_order, e_order, to_query, entry):
        return SHIFTED_NASAB_NOTE
    if father and _shifted(entry, e_order, q_order, {q: e for q, e in pairs}, query):
        return FATHER_NOTE
    if not (q_first and e_first):
        return None
    firsts = (query.name_parts[q_order[0]], entry.name_parts[e_order[0]])
    if any(part.role is not Role.NAME for part in firsts):
        return None
    if all(to_query.get(e_order[t]) == q_order[t] for t in range(1, SIBLING_RUN + 1)):
        return SIBLING_NOTE
    return None


def _shifted(
    longer: AnalysedName,
    l_order: tuple[int, ...],
    s_order: tuple[int, ...],
    partner: dict[int, int],
    shorter: AnalysedName,
) -> bool:
    """Whether `longer` is `shorter` with a first name put before it, as an Arab son's name is
    his own name and then his father's chain (its first part being unaligned). Muhammad, which
    opens double given names (Mohammad Jawad), and titles do not count; nor does a shorter
    name opening with a prefix (the word left over may be its abd or abu, misspelt)."""
    if len(longer.parts) <= SHIFT_RUN or len(shorter.parts) < SHIFT_RUN:
        return False
    first = longer.name_parts[l_order[0]]
    if first.role is not Role.NAME:
        return False
    if _is_muhammad(first):
        return False
    if shorter.name_parts[s_order[0]].part.prefix:
        return False
    return all(partner.get(s_order[t]) == l_order[t + 1] for t in range(SHIFT_RUN))
