"""Compare two analysed names: align their parts regardless of order, and weigh what is left.

Agreement on a rare part counts more than on a common one (each part carries a rarity weight).
What is left unaligned costs by its role: a nasab element or a nisba the other name omits costs
little, since passports and lists keep different subsets of a long Arabic name; a distinctive
part of the traveller's name with no counterpart at all costs its full weight.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from hajiz.names.analysis import AnalysedName, AnalysedPart
from hajiz.names.similarity import PartMatch, compare_parts, truncated_match
from hajiz.names.structure import Role

# Parts aligned below this similarity count as unaligned.
MIN_PART_SCORE = 0.7
# Weight of an unaligned part, by role, relative to its rarity weight.
UNMATCHED_QUERY_COST = {
    Role.NAME: 1.0,
    Role.KUNYA: 0.8,
    Role.COMPOUND: 1.0,
    Role.NISBA: 0.6,
    Role.NASAB: 0.35,
    Role.TITLE: 0.0,
}
UNMATCHED_ENTRY_COST = {
    Role.NAME: 0.45,
    Role.KUNYA: 0.4,
    Role.COMPOUND: 0.45,
    Role.NISBA: 0.3,
    Role.NASAB: 0.15,
    Role.TITLE: 0.0,
}
# Parts aligned out of order (surname first) cost a little.
REORDER_FACTOR = 0.97
# Agreement must carry enough information: a name made only of common parts (Mohammed Ali)
# scores at most INFO_BASE plus its share of INFO_FULL, the weight of two fairly rare parts.
INFO_BASE = 0.55
INFO_FULL = 1.5


@dataclass(frozen=True, slots=True)
class AlignedPair:
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


@dataclass(frozen=True, slots=True)
class NameComparison:
    """How a query name compares with an entry name."""

    score: float
    query_name: AnalysedName
    entry_name: AnalysedName
    pairs: tuple[AlignedPair, ...] = ()
    unmatched_query: tuple[AnalysedPart, ...] = ()
    unmatched_entry: tuple[AnalysedPart, ...] = ()
    is_reordered: bool = False
    notes: tuple[str, ...] = field(default=())

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


def align(
    query: AnalysedName,
    entry: AnalysedName,
    compare: Compare = compare_parts,
    weigh: Weigh = lexicon_weight,
) -> NameComparison:
    """Align the parts of two names greedily by similarity and score the alignment."""

    def _pair_weight(q: AnalysedPart, e: AnalysedPart) -> float:
        return (weigh(q) + weigh(e)) / 2.0

    q_parts = query.name_parts
    e_parts = entry.name_parts
    if not q_parts or not e_parts:
        return NameComparison(0.0, query, entry)
    candidates: list[tuple[float, int, int, PartMatch]] = []
    last = len(q_parts) - 1
    for i, qp in enumerate(q_parts):
        for j, ep in enumerate(e_parts):
            match = compare(qp, ep)
            if i == last and match.score < MIN_PART_SCORE:
                match = truncated_match(qp, ep) or match
            if match.score >= MIN_PART_SCORE:
                candidates.append((match.score * _pair_weight(qp, ep), i, j, match))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_q: set[int] = set()
    used_e: set[int] = set()
    aligned: list[tuple[int, int, PartMatch]] = []
    for _, i, j, match in candidates:
        if i in used_q or j in used_e:
            continue
        used_q.add(i)
        used_e.add(j)
        aligned.append((i, j, match))
    aligned.sort()
    matched = 0.0
    for i, j, match in aligned:
        matched += match.score * _pair_weight(q_parts[i], e_parts[j])
    unmatched_q = tuple(p for i, p in enumerate(q_parts) if i not in used_q)
    unmatched_e = tuple(p for j, p in enumerate(e_parts) if j not in used_e)
    cost = sum(weigh(p) * UNMATCHED_QUERY_COST[p.role] for p in unmatched_q)
    cost += sum(weigh(p) * UNMATCHED_ENTRY_COST[p.role] for p in unmatched_e)
    aligned_weight = sum(_pair_weight(q_parts[i], e_parts[j]) for i, j, _ in aligned)
    score = matched / (aligned_weight + cost) if aligned_weight + cost > 0 else 0.0
    score *= min(1.0, INFO_BASE + (1.0 - INFO_BASE) * aligned_weight / INFO_FULL)
    entry_order = [j for _, j, _ in aligned]
    is_reordered = entry_order != sorted(entry_order)
    if is_reordered:
        score *= REORDER_FACTOR
    pairs = tuple(AlignedPair(q_parts[i], e_parts[j], m) for i, j, m in aligned)
    return NameComparison(score, query, entry, pairs, unmatched_q, unmatched_e, is_reordered)
