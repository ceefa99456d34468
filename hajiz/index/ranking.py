"""Choosing the candidates: the best key scores, ties kept whole, birth year among near ties,
and the entries born on the traveller's day.

Sums of key weights tie often (a hundred listed namesakes share every key of a common name),
so the cut is made the same way every time: ties by the size of the entry's shortest name
(no longer than the traveller's first), then by slot, and, when the traveller gives a birth
date, near ties of the last place ranked by whether the entry was born then.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from hajiz.index.identifiers import Identifiers, full_day
from hajiz.index.votes import Group, groups_naming
from hajiz.matching.subjects import PreparedQuery, Subject

# With a birth date in the query, entries whose key score is within this share of the last
# candidate's compete for the last places by birth year: among a hundred listed namesakes, the
# one born that year is the one to score.
NEAR_TIE = 0.1
# Entries giving the traveller's full birth date and sharing a name key, added beyond those
# the names chose.
BORN_THAT_DAY = 3


@dataclass(frozen=True, slots=True)
class Wanted:
    """What a candidate search asks for.

    At most `limit` entries, only those `accept` lets through (None: all), none whose key
    score is below `min_share` of the best one's; `born` holds the first and last year of the
    traveller's birth dates, if any; `parts` the size of the traveller's shortest name, which
    orders ties (entries with a name no longer first).
    """

    limit: int
    accept: Callable[[Subject], bool] | None = None
    min_share: float = 0.0
    born: tuple[int, int] | None = None
    parts: int = 0


def best_subjects(
    subjects: Sequence[Subject | None],
    identifiers: Identifiers,
    slots: npt.NDArray[np.intp],
    scores: npt.NDArray[np.float64],
    wanted: Wanted,
) -> list[tuple[Subject, float]]:
    """The best-scoring live (and accepted) subjects and their scores, ties by slot.

    With a birth year, the last places go first to near ties born then (`NEAR_TIE`).
    """
    limit, accept, min_share, born = wanted.limit, wanted.accept, wanted.min_share, wanted.born
    # Sums taken in another order differ in the last bits: ties must stay ties.
    scores = np.round(scores, 9)
    # Only the top few need ordering; dead or rejected slots may need a wider window.
    window = limit * 4
    while True:
        if len(scores) > window:
            # Every entry tied with the window's last one comes along, so that ties are
            # broken by slot, the same way every time.
            last = -np.partition(-scores, window - 1)[window - 1]
            if born is not None:
                cut = -np.partition(-scores, limit - 1)[limit - 1]
                last = min(last, cut * (1.0 - NEAR_TIE))
            top = np.flatnonzero(scores >= last)
            chosen_slots, chosen_scores = slots[top], scores[top]
        else:
            chosen_slots, chosen_scores = slots, scores
        order = np.lexsort((chosen_slots, -chosen_scores))
        ranked = chosen_scores[order]
        if len(order) > 1 and bool(np.any(ranked[1:] == ranked[:-1])):
            # Ties go to entries whose shortest name is no longer than the traveller's, then
            # by slot (looked up only when there are ties to break).
            longer = identifiers.longer_names(chosen_slots, wanted.parts)
            order = np.lexsort((chosen_slots, longer, -chosen_scores))
        if born is not None and len(order) > limit:
            order = _born_first(
                identifiers, order, chosen_slots, chosen_scores, limit, born, min_share
            )
        result: list[tuple[Subject, float]] = []
        floor = 0.0
        for position in order:
            score = float(chosen_scores[position])
            if score < floor:
                return result
            subject = subjects[int(chosen_slots[position])]
            if subject is not None and (accept is None or accept(subject)):
                if not result:
                    floor = score * min_share
                result.append((subject, score))
                if len(result) >= limit:
                    return result
        if len(scores) <= window:
            return result
        window *= 4


def _born_first(
    identifiers: Identifiers,
    order: npt.NDArray[np.intp],
    slots: npt.NDArray[np.intp],
    scores: npt.NDArray[np.float64],
    limit: int,
    born: tuple[int, int],
    min_share: float,
) -> npt.NDArray[np.intp]:
    """The order with the near ties of the limit-th best born in `born` moved up, just
    behind the entries that score above it (never above the best's `min_share` floor)."""
    ranked = scores[order]
    cut = ranked[limit - 1]
    above = ranked > cut
    lowest = max(cut * (1.0 - NEAR_TIE), ranked[0] * min_share)
    near = np.flatnonzero(~above & (ranked >= lowest))
    promoted = np.zeros(len(order), dtype=bool)
    promoted[near[identifiers.born_near(slots[order[near]], born)]] = True
    return np.concatenate((order[above], order[promoted], order[~above & ~promoted]))


def born_that_day(
    subjects: Sequence[Subject | None],
    identifiers: Identifiers,
    query: PreparedQuery,
    groups: list[Group],
    chosen: list[Subject],
    accept: Callable[[Subject], bool] | None,
) -> list[Subject]:
    """Entries that give the traveller's full birth date and share a name key with him,
    beyond those the names chose (at most `BORN_THAT_DAY`, most groups shared first).

    A listed person travelling under a spelling the list lacks (CHEADE for CHEHADE) shares
    only a common part with it, among thousands; his birth date tells him apart."""
    day = next(filter(None, map(full_day, query.query.birth_dates)), 0)
    if not day:
        return []
    born = identifiers.born_on(day)
    shared = groups_naming(born, groups)
    taken = {subject.id for subject in chosen}
    extra: list[Subject] = []
    for position in np.lexsort((born, -shared)):
        if not shared[position]:
            break
        subject = subjects[int(born[position])]
        if subject is None or subject.id in taken or (accept and not accept(subject)):
            continue
        extra.append(subject)
        if len(extra) >= BORN_THAT_DAY:
            break
    return extra
