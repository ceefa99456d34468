"""Compare two analysed names: align their parts regardless of order, and weigh what is left.

Agreement on a rare part counts more than on a common one (each part carries a rarity weight).
What is left unaligned costs by its role: a nasab element or a nisba the other name omits costs
little, since passports and lists keep different subsets of a long Arabic name; a distinctive
part of the traveller's name with no counterpart at all costs its full weight.
"""

from __future__ import annotations

from typing import NamedTuple

from hajiz.matching.family import FAMILY_FACTORS, family_resemblance
from hajiz.matching.pairing import (
    Compare,
    Pairing,
    Weigh,
    abd_apart,
    is_muhammad,
    pair_initials,
    pair_joined,
    pair_near,
    pair_one_to_one,
    quirks,
    regroup_joined,
    untangle_repeats,
)
from hajiz.names.analysis import (
    AnalysedName,
    AnalysedPart,
    count_names,
    middle_parts,
    natural_order,
)
from hajiz.names.parts import compare_parts
from hajiz.names.similarity import PartMatch
from hajiz.names.structure import Role, is_patronymic
from hajiz.names.vocabulary import TITLES_ALSO_NAMES

# Weight of an unaligned part, by role, relative to its rarity weight.
UNMATCHED_QUERY_COST = {
    Role.NAME: 0.5,
    Role.KUNYA: 0.7,
    Role.COMPOUND: 0.5,
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
# Parts aligned out of order (surname first) cost a little.
REORDER_FACTOR = 0.97
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


def lexicon_weight(part: AnalysedPart) -> float:
    """A part's rarity weight from the name lexicon alone."""
    return part.weight


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
    return first if part.role is Role.NAME and is_muhammad(part) else None


def align(
    query: AnalysedName,
    entry: AnalysedName,
    compare: Compare = compare_parts,
    weigh: Weigh = lexicon_weight,
    near: bool = False,
) -> NameComparison:
    """Align the parts of two names by similarity, regardless of order, and score it.

    `near`: also pair left-over parts that are nearly alike (see `pairing.pair_near`)."""
    q_parts = query.name_parts
    e_parts = entry.name_parts
    if not q_parts or not e_parts:
        return NameComparison(0.0, query, entry)
    work = Pairing.start(q_parts, e_parts, weigh)
    pair_one_to_one(work, compare)
    if not all(work.used_q) or not all(work.used_e):
        # Parts are joined in reading order: "SURNAME, Given" reads Given SURNAME.
        q_order, e_order = natural_order(query), natural_order(entry)
        if not all(work.used_q) and not all(work.used_e):
            pair_joined(work, compare, q_order, e_order)
        while (not all(work.used_q) or not all(work.used_e)) and (
            regroup_joined(work, compare, q_order, e_order) or abd_apart(work, compare)
        ):
            pass
    if not all(work.used_q) or not all(work.used_e):
        q_repeat, q_initial = quirks(q_parts)
        e_repeat, e_initial = quirks(e_parts)
        if q_repeat or e_repeat:
            untangle_repeats(query, entry, work)
        if q_initial or e_initial:
            pair_initials(work)
        if near and not all(work.used_q) and not all(work.used_e):
            pair_near(work, compare)
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
    family = family_resemblance(query, entry, work) if free_q or free_e else None
    if family is not None:
        score *= FAMILY_FACTORS[family]
        notes = (family,)
    pairs = tuple(AlignedPair(q, e, m) for _, _, m, _, q, e in work.pairs)
    return NameComparison(score, query, entry, pairs, unmatched_q, unmatched_e, is_reordered, notes)
