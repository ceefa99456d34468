"""The in-memory candidate index: matching keys → entries, weighted by rarity.

Every part of every name of every entry contributes its matching keys (phonetic keys of its
Latin forms, its script-independent consonant skeleton, its lexicon variant groups). A query
scores entries part by part: each part's keys vote by inverse document frequency, half by the
rarest key the entry carries and half spread over the keys it shares, so agreeing on "baghdadi"
counts far more than agreeing on "muhammad", and an entry spelt in another script is not
outvoted by namesakes spelt like the query. The commonest keys are read last and only within a
budget, so they cannot explode the candidate set. Changes are incremental: added
entries get a new slot, removed ones a tombstone, and the arrays are compacted lazily.
"""

from __future__ import annotations

import itertools
import math
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import numpy.typing as npt

from hajiz.index.heap import collector_paused
from hajiz.index.identifiers import Identifiers, fewest_parts, listed_names
from hajiz.index.keys import (
    article_keys,
    joined_key_sets,
    joined_keys,
    part_key_sets,
    subject_keys,
)
from hajiz.index.ranking import NEAR_TIE, Wanted, best_subjects, born_that_day
from hajiz.index.votes import (
    BEST_KEY_SHARE,
    Group,
    Posting,
    Scored,
    Slots,
    group_best,
    named_in,
    summed,
    unique_runs,
)
from hajiz.matching.features.dates import year_bounds
from hajiz.matching.subjects import PreparedQuery, Subject
from hajiz.names.analysis import AnalysedPart

# Default number of candidates handed to the scorer.
DEFAULT_CANDIDATES = 15
# Candidates whose key score falls below this share of the best one's are not worth scoring.
# Raised from 0.4 to 0.45 with part-by-part voting: `hajiz eval` finds the same expected
# entries, and travellers get 8% fewer candidates to score (0.5 lost some).
MIN_SHARE_OF_BEST = 0.45
# Upper bound on posting entries read per query: common keys beyond this are skipped.
POSTINGS_BUDGET = 400_000
# Above this many postings, scores are counted densely over every slot.
DENSE_FROM = 50_000
# A key is rare when at most max(RARE_POSTINGS_MIN, entries / RARE_POSTINGS_SHARE) carry it.
RARE_POSTINGS_MIN = 2_000
RARE_POSTINGS_SHARE = 200
# Skeletons this long or longer lend a typo'd part their one-consonant-shorter neighbours.
MIN_NEAR_SKELETON = 4
# Pending additions per key merged into the key's array once they pass this many.
MERGE_AT = 256


class CandidateIndex:
    """Find the entries a query may be, fast, over lists of up to millions of entries."""

    def __init__(self) -> None:
        self._subjects: list[Subject | None] = []
        self._slot_of: dict[str, int] = {}
        self._identifiers = Identifiers()
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
        with collector_paused():
            return cls._build(subjects)

    @classmethod
    def _build(cls, subjects: Iterable[Subject]) -> CandidateIndex:
        index = cls()
        # Keys are numbered as they come, and each part's key set is turned into numbers
        # once: a million entries repeat a few hundred thousand parts.
        rows: dict[str, int] = {}
        numbered: dict[frozenset[str], tuple[int, ...]] = {}
        key_rows = array("i")
        key_slots = array("i")
        for subject in subjects:
            slot = index._place(subject)
            carried: set[int] = set()
            for key_set in part_key_sets(subject):
                numbers = numbered.get(key_set)
                if numbers is None:
                    numbers = tuple(rows.setdefault(key, len(rows)) for key in key_set)
                    numbered[key_set] = numbers
                carried.update(numbers)
            # Joined pairs rarely repeat: numbered as they come, not remembered.
            for key_set in joined_key_sets(subject):
                carried.update(rows.setdefault(key, len(rows)) for key in key_set)
            key_rows.extend(carried)
            key_slots.extend(itertools.repeat(slot, len(carried)))
        del numbered
        by_row = np.frombuffer(key_rows, dtype=np.int32)
        # A stable sort keeps each key's slots in slot order, which the binary searches need.
        order = np.argsort(by_row, kind="stable")
        index._packed = np.frombuffer(key_slots, dtype=np.int32)[order]
        index._bounds = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(np.bincount(by_row, minlength=len(rows)), out=index._bounds[1:])
        index._rows = rows
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
            "identifiers": self._identifiers,
            "rows": self._rows,
            "packed": self._packed,
            "bounds": self._bounds,
            "dead": self._dead,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._subjects = state["subjects"]
        self._identifiers = state["identifiers"]
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
        self._identifiers.add(
            slot, subject.documents, subject.birth_dates, fewest_parts(listed_names(subject))
        )
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

    def listing_documents(
        self, query: PreparedQuery, accept: Callable[[Subject], bool] | None = None
    ) -> list[Subject]:
        """The live (and accepted) entries that list one of the query's document numbers."""
        found = []
        for slot in self._identifiers.slots_listing(query.query.documents):
            subject = self._subjects[slot]
            if subject is not None and (accept is None or accept(subject)):
                found.append(subject)
        return found

    def query_key_groups(self, query: PreparedQuery) -> list[frozenset[str]]:
        """The query's keys by part, and by pair of adjacent parts read as one word; each once.

        An entry gets a group's vote once, by the rarest key of the group it carries: a part
        spelt in many ways (hassan, hasan, حسن) counts the same whichever spelling agrees, so an
        entry listed in Arabic script is not outvoted by one listed in the query's own spelling.
        """
        groups: dict[frozenset[str], None] = {}
        for name in query.names:
            for part in name.name_parts:
                groups[self._part_query_keys(part)] = None
            for keys in joined_keys(name, 3):
                groups[keys] = None
        return [keys for keys in groups if keys]

    def _part_query_keys(self, part: AnalysedPart) -> frozenset[str]:
        """A query part's keys (and those of its other spelling with an article, ALALI and
        al-Ali); for a part the list has never seen, near skeletons too.

        A typo usually adds a consonant (Fkruq for Faruq, Bukhattalah for Khattalah): its
        skeleton with one consonant left out finds the listed spelling. Only unseen parts
        get these, so a name the list knows never pulls in its neighbours. A skeleton shared by
        chance (Bizraqh and Bozorg are both bzrk) does not make a spelling known.
        """
        keys = part.keys() | article_keys(part)
        if any(self.document_frequency(key) for key in keys if not key.startswith("s:")):
            return keys
        near = {
            f"s:{form[:i]}{form[i + 1 :]}"
            for form in part.skeletons
            if len(form) >= MIN_NEAR_SKELETON
            for i in range(len(form))
        }
        return keys | near

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
        wanted = Wanted(
            limit,
            accept,
            min_share,
            year_bounds(query.query.birth_dates),
            fewest_parts(query.names),
        )
        found: list[tuple[int, Slots, float, int]] = []
        for group, keys in enumerate(self.query_key_groups(query)):
            for key in keys:
                slots = self._slots(key)
                if slots is not None and len(slots):
                    weight = math.log(1.0 + total / len(slots))
                    found.append((group, slots, weight, len(keys)))
        if not found:
            return []
        found.sort(key=lambda item: len(item[1]))
        grouped: dict[int, Group] = defaultdict(list)
        budget = POSTINGS_BUDGET
        for group, slots, weight, group_size in found:
            if grouped and len(slots) > budget:
                continue
            budget -= len(slots)
            spread = (1.0 - BEST_KEY_SHARE) * weight / group_size
            grouped[group].append((slots, BEST_KEY_SHARE * weight, spread))
        groups = list(grouped.values())
        rare_at_most = self._rare_postings()
        rare_size = sum(len(p[0]) for g in groups for p in g if len(p[0]) <= rare_at_most)
        chosen: list[Subject] | None = None
        if 0 < rare_size <= DENSE_FROM:
            chosen = self._rare_first(groups, rare_at_most, wanted)
        if chosen is None:
            hits, scores = self._count_all(groups)
            best = best_subjects(self._subjects, self._identifiers, hits, scores, wanted)
            chosen = [subject for subject, _ in best]
        born = born_that_day(self._subjects, self._identifiers, query, groups, chosen, accept)
        return chosen + born

    def _count_all(self, groups: list[Group]) -> Scored:
        """Every entry any posting names, with its score: each group's best key, summed."""
        if sum(len(p[0]) for g in groups for p in g) <= DENSE_FROM:
            return summed([group_best(g) for g in groups])
        # Many postings: score into arrays over all slots, no sort of the postings.
        size = len(self._subjects)
        total = np.zeros(size)
        best = np.zeros(size)
        for group in groups:
            for slots, heaviest, spread in sorted(group, key=lambda posting: posting[1]):
                best[slots] = heaviest  # lightest first, so each slot keeps its heaviest key
                total[slots] += spread  # a key names each slot once
            touched = np.concatenate([p[0] for p in group]) if len(group) > 1 else group[0][0]
            # A slot named twice in `touched` is added once: fancy indexing assigns, not adds.
            total[touched] += best[touched]
            best[touched] = 0.0
        hits = np.flatnonzero(total)
        return hits, total[hits]

    def _rare_postings(self) -> int:
        """Keys carried by at most this many entries are rare; the others, common."""
        return max(RARE_POSTINGS_MIN, len(self._subjects) // RARE_POSTINGS_SHARE)

    def _rare_first(
        self,
        groups: list[Group],
        rare_at_most: int,
        wanted: Wanted,
    ) -> list[Subject] | None:
        """The same candidates without reading the long postings of common keys in full.

        Entries with a rare key are found through it, then scored by looking them up in every
        key's postings (sorted, so a binary search each). An entry with no rare key scores at
        most the sum of each group's heaviest common key; when that is below what the result
        needs, the result is exact. Otherwise None: the caller counts every posting.
        """
        rare: list[tuple[int, Posting]] = []
        common: list[tuple[int, Posting]] = []
        common_bound = 0.0
        for number, group in enumerate(groups):
            heaviest = 0.0
            for posting in group:
                if len(posting[0]) <= rare_at_most:
                    rare.append((number, posting))
                else:
                    common.append((number, posting))
                    heaviest = max(heaviest, posting[1])
                    common_bound += posting[2]
            common_bound += heaviest
        if not common:
            return None  # every key is rare: counting them all is as cheap
        # The entries the rare keys name, and their score from those keys alone: one row of
        # best-key weights per group, and the spread summed.
        rare.sort(key=lambda item: item[1][1])  # lightest first: each slot keeps its heaviest
        unique, _, inverse = unique_runs(np.concatenate([p[0] for _, p in rare]))
        hits = unique.astype(np.intp)
        best = np.zeros((len(groups), len(hits)))
        spreads = np.empty(len(inverse))
        offset = 0
        for number, (postings, heaviest, share) in rare:
            run = slice(offset, offset + len(postings))
            best[number, inverse[run]] = heaviest  # a key names each slot once
            spreads[run] = share
            offset += len(postings)
        counted = np.bincount(inverse, weights=spreads, minlength=len(hits))
        spread = counted.astype(np.float64, copy=False)  # weighted: floats already, no copy
        # Entries that cannot reach the limit-th best even with every common key are dropped
        # (the limit-th best counts removed slots too, which the result skips).
        reach = wanted.limit + self._dead
        # Near ties of the limit-th best compete by birth year: they must survive too.
        near = 1.0 if wanted.born is None else 1.0 - NEAR_TIE
        if wanted.accept is None and len(hits) > reach:
            lower = best.sum(axis=0) + spread
            needed = np.partition(lower, -reach)[-reach] * near
            keep = lower + common_bound >= needed
            hits, best, spread = hits[keep], best[:, keep], spread[keep]
        for number, (postings, heaviest, share) in common:
            present = named_in(postings, hits)
            np.maximum(best[number], heaviest * present, out=best[number])
            spread += share * present
        scores = best.sum(axis=0) + spread
        ranked = best_subjects(self._subjects, self._identifiers, hits, scores, wanted)
        if not ranked:
            return None
        if len(ranked) >= wanted.limit:
            bound = min(score for _, score in ranked) * near
        else:
            bound = max(s for _, s in ranked) * wanted.min_share
        if common_bound >= bound:
            return None
        return [subject for subject, _ in ranked]
