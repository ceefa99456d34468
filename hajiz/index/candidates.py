"""The in-memory candidate index: matching keys → entries, weighted by rarity.

Every part of every name of every entry contributes its matching keys (phonetic keys of its
Latin forms, its script-independent consonant skeleton, its lexicon variant groups). A query
scores entries by the inverse document frequency of the keys they share with it, so agreeing on
"baghdadi" counts far more than agreeing on "muhammad"; the commonest keys are read last and
only within a budget, so they cannot explode the candidate set. Changes are incremental: added
entries get a new slot, removed ones a tombstone, and the arrays are compacted lazily.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from hajiz.matching.subjects import PreparedQuery, Subject
from hajiz.names.analysis import AnalysedPart
from hajiz.names.phonetic import phonetic_key
from hajiz.names.structure import Role

Slots = npt.NDArray[np.int32]

# Default number of candidates handed to the scorer.
DEFAULT_CANDIDATES = 15
# Candidates whose key score falls below this share of the best one's are not worth scoring:
# on the evaluation's positive cases the expected entry scores at least 0.4 of the best
# candidate in 99.5% of cases, and dropping the tail halves the scoring work.
MIN_SHARE_OF_BEST = 0.4
# Upper bound on posting entries read per query: common keys beyond this are skipped.
POSTINGS_BUDGET = 400_000
# Above this many postings, scores are counted densely over every slot.
DENSE_FROM = 50_000
# A key is rare when at most max(RARE_POSTINGS_MIN, entries / RARE_POSTINGS_SHARE) carry it.
RARE_POSTINGS_MIN = 2_000
RARE_POSTINGS_SHARE = 200
# Pending additions per key merged into the key's array once they pass this many.
MERGE_AT = 256


def joined_keys(parts: tuple[AnalysedPart, ...], forms: int) -> Iterator[frozenset[str]]:
    """Keys of adjacent parts read as one word (Wali Jan = Walijan), one set per pair."""
    for first, second in itertools.pairwise(parts):
        if first.role is Role.TITLE or second.role is Role.TITLE:
            continue
        yield _joined_pair_keys(first, second, forms)


# Pairs of interned parts recur across a list (Mohammed Ali, Abdul Rahman): remember their keys.
@lru_cache(maxsize=1 << 20)
def _joined_pair_keys(first: AnalysedPart, second: AnalysedPart, forms: int) -> frozenset[str]:
    joined = (fa + fb for fa in first.forms[:forms] for fb in second.forms[:forms])
    return frozenset(f"p:{phonetic_key(f)}" for f in joined)


def subject_keys(subject: Subject) -> set[str]:
    """The keys of a subject: of every part of every name, and of adjacent parts joined."""
    keys: set[str] = set()
    for subject_name in subject.names:
        parts = subject_name.name.name_parts
        for part in parts:
            keys |= part.keys()
        for joined in joined_keys(parts, 2):
            keys |= joined
    return keys


def _flatten(postings: list[tuple[Slots, float]]) -> tuple[Slots, npt.NDArray[np.float64]]:
    """Every posting's slot, and beside it its key's weight."""
    slots = np.concatenate([a for a, _ in postings])
    weights = np.concatenate([np.full(len(a), w) for a, w in postings])
    return slots, weights


def _summed(
    postings: list[tuple[Slots, float]],
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.float64]]:
    """The slots the postings name, each once, and the summed weight of its keys."""
    slots, weights = _flatten(postings)
    unique, inverse = np.unique(slots, return_inverse=True)
    return unique.astype(np.intp), np.bincount(inverse, weights=weights).astype(np.float64)


class CandidateIndex:
    """Find the entries a query may be, fast, over lists of up to millions of entries."""

    def __init__(self) -> None:
        self._subjects: list[Subject | None] = []
        self._slot_of: dict[str, int] = {}
        # The postings as built: one flat array of slots, each key's run between two bounds.
        # Millions of small arrays would cost memory and make the snapshot slow to load.
        self._rows: dict[str, int] = {}
        self._packed: Slots = np.zeros(0, dtype=np.int32)
        self._bounds: npt.NDArray[np.int64] = np.zeros(1, dtype=np.int64)
        # Keys changed since: their whole postings, in place of the packed run.
        self._postings: dict[str, Slots] = {}
        self._pending: dict[str, list[int]] = defaultdict(list)
        self._dead = 0

    @classmethod
    def build(cls, subjects: Iterable[Subject]) -> CandidateIndex:
        """Build an index from prepared entries in one pass."""
        index = cls()
        lists: dict[str, list[int]] = defaultdict(list)
        for subject in subjects:
            slot = index._place(subject)
            for key in subject_keys(subject):
                lists[key].append(slot)
        index._pack(lists)
        return index

    def _pack(self, lists: dict[str, Any]) -> None:
        """Lay every key's slots end to end in one array."""
        keys = list(lists)
        lengths = np.fromiter((len(lists[k]) for k in keys), dtype=np.int64, count=len(keys))
        self._bounds = np.zeros(len(keys) + 1, dtype=np.int64)
        np.cumsum(lengths, out=self._bounds[1:])
        runs = [np.asarray(lists[k], dtype=np.int32) for k in keys]
        self._packed = np.concatenate(runs) if runs else np.zeros(0, dtype=np.int32)
        self._rows = {key: row for row, key in enumerate(keys)}
        self._postings = {}

    def __getstate__(self) -> dict[str, Any]:
        # A snapshot holds the postings packed again, changes merged in.
        for key in list(self._pending):
            self._merge(key)
        if self._postings:
            self._pack({key: self._stored(key) for key in self._rows.keys() | self._postings})
        return {
            "subjects": self._subjects,
            "rows": self._rows,
            "packed": self._packed,
            "bounds": self._bounds,
            "dead": self._dead,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._subjects = state["subjects"]
        self._slot_of = {s.id: slot for slot, s in enumerate(self._subjects) if s is not None}
        self._rows = state["rows"]
        self._packed = state["packed"]
        self._bounds = state["bounds"]
        self._postings = {}
        self._pending = defaultdict(list)
        self._dead = state["dead"]

    def _stored(self, key: str) -> Slots | None:
        """A key's merged postings (pending additions not included)."""
        changed = self._postings.get(key)
        if changed is not None:
            return changed
        row = self._rows.get(key)
        if row is None:
            return None
        return self._packed[self._bounds[row] : self._bounds[row + 1]]

    def __len__(self) -> int:
        return len(self._slot_of)

    def document_frequency(self, key: str) -> int:
        """How many entries (live or recently removed) carry this key."""
        base = self._stored(key)
        return (0 if base is None else len(base)) + len(self._pending.get(key, ()))

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._slot_of

    def get(self, entry_id: str) -> Subject | None:
        """The prepared entry with this id, or None."""
        slot = self._slot_of.get(entry_id)
        return None if slot is None else self._subjects[slot]

    def subjects(self) -> Iterable[Subject]:
        """Every live prepared entry."""
        return (s for s in self._subjects if s is not None)

    def add(self, subject: Subject) -> None:
        """Add an entry, replacing any entry with the same id."""
        slot = self._place(subject)
        for key in subject_keys(subject):
            pending = self._pending[key]
            pending.append(slot)
            if len(pending) >= MERGE_AT:
                self._merge(key)

    def _place(self, subject: Subject) -> int:
        """Give the subject a new slot, retiring the slot of an entry with the same id."""
        if subject.id in self._slot_of:
            self._remove_slot(self._slot_of[subject.id])
        slot = len(self._subjects)
        self._subjects.append(subject)
        self._slot_of[subject.id] = slot
        return slot

    def remove(self, entry_id: str) -> bool:
        """Remove an entry; return whether it was there."""
        slot = self._slot_of.get(entry_id)
        if slot is None:
            return False
        self._remove_slot(slot)
        return True

    def _remove_slot(self, slot: int) -> None:
        subject = self._subjects[slot]
        if subject is not None:
            del self._slot_of[subject.id]
        self._subjects[slot] = None
        self._dead += 1

    def _merge(self, key: str) -> None:
        pending = self._pending.pop(key, None)
        if not pending:
            return
        base = self._stored(key)
        extra = np.asarray(pending, dtype=np.int32)
        self._postings[key] = extra if base is None else np.concatenate((base, extra))

    def _slots(self, key: str) -> Slots | None:
        if key in self._pending:
            self._merge(key)
        return self._stored(key)

    def query_keys(self, query: PreparedQuery) -> dict[str, float]:
        """The query's keys, each weighted by its part's share (a part's keys share one vote)."""
        weights: dict[str, float] = {}
        for name in query.names:
            key_sets = [p.keys() for p in name.name_parts]
            key_sets += list(joined_keys(name.name_parts, 3))
            for keys in key_sets:
                if not keys:
                    continue
                share = 1.0 / len(keys)
                for key in keys:
                    weights[key] = max(weights.get(key, 0.0), share)
        return weights

    def candidates(
        self,
        query: PreparedQuery,
        limit: int = DEFAULT_CANDIDATES,
        accept: Callable[[Subject], bool] | None = None,
        min_share: float = MIN_SHARE_OF_BEST,
    ) -> list[Subject]:
        """The entries most likely to be the query, best first, at most `limit`.

        `accept` filters entries while collecting (e.g. what an agency may see), so entries
        it rejects never take the place of ones it accepts. Entries whose key score is below
        `min_share` of the best accepted entry's are left out.
        """
        total = max(len(self._subjects), 1)
        found: list[tuple[Slots, float]] = []
        for key, share in self.query_keys(query).items():
            slots = self._slots(key)
            if slots is not None and len(slots):
                idf = math.log(1.0 + total / len(slots))
                found.append((slots, idf * share))
        if not found:
            return []
        found.sort(key=lambda item: len(item[0]))
        kept: list[tuple[Slots, float]] = []
        budget = POSTINGS_BUDGET
        for slots, weight in found:
            if kept and len(slots) > budget:
                continue
            budget -= len(slots)
            kept.append((slots, weight))
        rare_at_most = self._rare_postings()
        rare = [(a, w) for a, w in kept if len(a) <= rare_at_most]
        common = kept[len(rare) :]
        if rare and common and sum(len(a) for a, _ in rare) <= DENSE_FROM:
            pruned = self._rare_first(rare, common, limit, accept, min_share)
            if pruned is not None:
                return pruned
        if sum(len(a) for a, _ in kept) > DENSE_FROM:
            # Many postings: count into one array over all slots, no sort of the postings.
            all_slots, all_weights = _flatten(kept)
            dense = np.bincount(all_slots, weights=all_weights, minlength=len(self._subjects))
            hits = np.flatnonzero(dense)
            scores = dense[hits].astype(np.float64)
        else:
            hits, scores = _summed(kept)
        return [subject for subject, _ in self._best(hits, scores, limit, accept, min_share)]

    def _rare_postings(self) -> int:
        """Keys carried by at most this many entries are rare; the others, common."""
        return max(RARE_POSTINGS_MIN, len(self._subjects) // RARE_POSTINGS_SHARE)

    def _rare_first(
        self,
        rare: list[tuple[Slots, float]],
        common: list[tuple[Slots, float]],
        limit: int,
        accept: Callable[[Subject], bool] | None,
        min_share: float,
    ) -> list[Subject] | None:
        """The same candidates without reading the long postings of common keys in full.

        Entries with a rare key are scored on it, then looked up in the common keys' postings
        (sorted, so a binary search each). An entry with no rare key scores at most the common
        keys' total weight; when that is below what the result needs, the result is exact.
        Otherwise None: the caller counts every posting.
        """
        hits, scores = _summed(rare)
        common_weight = sum(w for _, w in common)
        # Entries that cannot reach the limit-th best even with every common key are dropped
        # (the limit-th best counts removed slots too, which the result skips).
        reach = limit + self._dead
        if accept is None and len(scores) > reach:
            needed = np.partition(scores, -reach)[-reach]
            keep = scores + common_weight >= needed
            hits, scores = hits[keep], scores[keep]
        for postings, weight in common:
            at = np.searchsorted(postings, hits).clip(max=len(postings) - 1)
            scores = scores + weight * (postings[at] == hits)
        ranked = self._best(hits, scores, limit, accept, min_share)
        if not ranked:
            return None
        bound = ranked[-1][1] if len(ranked) >= limit else ranked[0][1] * min_share
        if common_weight >= bound:
            return None
        return [subject for subject, _ in ranked]

    def _best(
        self,
        slots: npt.NDArray[np.intp],
        scores: npt.NDArray[np.float64],
        limit: int,
        accept: Callable[[Subject], bool] | None,
        min_share: float,
    ) -> list[tuple[Subject, float]]:
        """The best-scoring live (and accepted) subjects and their scores, ties by slot."""
        # Sums taken in another order differ in the last bits: ties must stay ties.
        scores = np.round(scores, 9)
        # Only the top few need ordering; dead or rejected slots may need a wider window.
        window = limit * 4
        while True:
            if len(scores) > window:
                # Every entry tied with the window's last one comes along, so that ties are
                # broken by slot, the same way every time.
                last = -np.partition(-scores, window - 1)[window - 1]
                top = np.flatnonzero(scores >= last)
                chosen_slots, chosen_scores = slots[top], scores[top]
            else:
                chosen_slots, chosen_scores = slots, scores
            order = np.lexsort((chosen_slots, -chosen_scores))
            result: list[tuple[Subject, float]] = []
            floor = 0.0
            for position in order:
                score = float(chosen_scores[position])
                if score < floor:
                    return result
                subject = self._subjects[int(chosen_slots[position])]
                if subject is not None and (accept is None or accept(subject)):
                    if not result:
                        floor = score * min_share
                    result.append((subject, score))
                    if len(result) >= limit:
                        return result
            if len(scores) <= window:
                return result
            window *= 4
