"""Choosing the candidates from key scores (index/ranking.py)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from hajiz.index.identifiers import Identifiers
from hajiz.index.ranking import NEAR_TIE, Wanted, best_subjects
from hajiz.matching.subjects import Subject, prepare_entry
from hajiz.model import Entry

EntryFactory = Callable[..., Entry]


def setup(e: EntryFactory, births: list[str | None]) -> tuple[list[Subject | None], Identifiers]:
    subjects: list[Subject | None] = []
    identifiers = Identifiers()
    for slot, born in enumerate(births):
        subject = prepare_entry(e(f"s{slot}", "Some Name", birth_date=born))
        subjects.append(subject)
        identifiers.add(slot, subject.documents, subject.birth_dates)
    return subjects, identifiers


def ids(ranked: list[tuple[Subject, float]]) -> list[str]:
    return [subject.id for subject, _ in ranked]


def test_ties_are_broken_by_slot_and_scores_come_back(e: EntryFactory) -> None:
    subjects, identifiers = setup(e, [None] * 5)
    slots = np.array([4, 3, 2, 1, 0])
    scores = np.array([1.0, 2.0, 2.0, 2.0, 3.0])
    ranked = best_subjects(subjects, identifiers, slots, scores, Wanted(3))
    assert ids(ranked) == ["s0", "s1", "s2"]
    assert [score for _, score in ranked] == [3.0, 2.0, 2.0]


def test_removed_and_rejected_subjects_give_their_place_to_the_next(e: EntryFactory) -> None:
    subjects, identifiers = setup(e, [None] * 4)
    subjects[0] = None  # removed
    slots, scores = np.arange(4), np.array([4.0, 3.0, 2.0, 1.0])

    def accept(subject: Subject) -> bool:
        return subject.id != "s1"

    ranked = best_subjects(subjects, identifiers, slots, scores, Wanted(2, accept))
    assert ids(ranked) == ["s2", "s3"]


def test_a_birth_year_promotes_near_ties_only(e: EntryFactory) -> None:
    # s0 scores above the cut; s1..s3 tie at it; s4 is near; s5 is far below.
    subjects, identifiers = setup(e, [None, "1950", "1950", "1980", "1980", "1980"])
    slots = np.arange(6)
    near = 2.0 * (1.0 - NEAR_TIE / 2)
    scores = np.array([5.0, 2.0, 2.0, 2.0, near, 1.0])
    plain = best_subjects(subjects, identifiers, slots, scores, Wanted(3))
    assert ids(plain) == ["s0", "s1", "s2"]
    born = best_subjects(subjects, identifiers, slots, scores, Wanted(3, born=(1980, 1980)))
    assert ids(born) == ["s0", "s3", "s4"]


def test_a_promoted_near_tie_stays_above_the_best_s_floor(e: EntryFactory) -> None:
    subjects, identifiers = setup(e, [None, None, "1980"])
    slots, scores = np.arange(3), np.array([10.0, 4.0, 3.9])
    ranked = best_subjects(
        subjects, identifiers, slots, scores, Wanted(2, min_share=0.45, born=(1980, 1980))
    )
    assert ids(ranked) == ["s0"]  # 3.9 is within a tenth of 4.0 but below 10 × 0.45
