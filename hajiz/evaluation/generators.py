"""Build the positive test sets from the real watchlist: cross-script, held-out aliases, variants.

Every set comes with its own watchlist. Where a case removes names from its listed person
(the Arabic names, the held-out alias), the same names are removed from that person's twin
on the other list, so no copy of the answer stays behind; twins still count as a right answer.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from hajiz.evaluation.cases import SHARES_A_KEY, SHARES_NO_KEY, Case, CaseSet, Category, DobMode
from hajiz.evaluation.variants import TRANSFORMS
from hajiz.evaluation.watchlist import (
    birth_date_query,
    first_birth_date,
    is_arabic,
    is_latin,
    name_key,
    primary_latin_name,
    without_names,
)
from hajiz.model import BirthDate, Entry, Name, NameKind, PartialDate, Query
from hajiz.names.analysis import analyse
from hajiz.names.normalize import normalize_name

DOB_MODES = (DobMode.GIVEN, DobMode.ABSENT, DobMode.ONE_YEAR_OFF)

T = TypeVar("T")


def sample(items: Sequence[T], limit: int | None, rng: random.Random) -> list[T]:
    """`limit` items in a seeded random choice (all of them, in order, when limit is None)."""
    if limit is None or limit >= len(items):
        return list(items)
    chosen = sorted(rng.sample(range(len(items)), limit))
    return [items[i] for i in chosen]


def _cut_watchlist(
    entries: Sequence[Entry], edits: dict[str, Callable[[Name], bool]]
) -> tuple[tuple[Entry, ...], set[str]]:
    """Apply per-entry name removals; return the new watchlist and the ids that survive."""
    kept: list[Entry] = []
    for entry in entries:
        drop = edits.get(entry.id)
        cut = without_names(entry, drop) if drop else entry
        if cut is not None:
            kept.append(cut)
    return tuple(kept), {e.id for e in kept}


def _pick_arabic(entry: Entry) -> Name | None:
    """The entry's Arabic-script name to query with: the original-script name first."""
    arabic = [n for n in entry.names if is_arabic(n) and normalize_name(n.full)]
    arabic.sort(key=lambda n: n.kind is not NameKind.ORIGINAL_SCRIPT)
    return arabic[0] if arabic else None


def cross_script_cases(
    entries: Sequence[Entry],
    twin_map: dict[str, frozenset[str]],
    *,
    to_arabic: bool,
    limit: int | None,
    rng: random.Random,
) -> CaseSet:
    """Persons with Arabic-script names queried across scripts.

    `to_arabic=False`: the Arabic name is the query, the watchlist keeps only Latin names.
    `to_arabic=True`: the Latin primary name is the query, the watchlist keeps only Arabic names.
    """
    subjects = [
        e for e in entries if _pick_arabic(e) is not None and primary_latin_name(e) is not None
    ]
    subjects = sample(subjects, limit, rng)

    def drop_latin(n: Name) -> bool:
        return not is_arabic(n)

    drop = drop_latin if to_arabic else is_arabic
    edits: dict[str, Callable[[Name], bool]] = {}
    for subject in subjects:
        for entry_id in {subject.id, *twin_map.get(subject.id, ())}:
            edits[entry_id] = drop
    watchlist, surviving = _cut_watchlist(entries, edits)
    category = Category.CROSS_SCRIPT_LAT_AR if to_arabic else Category.CROSS_SCRIPT_AR_LAT
    cases: list[Case] = []
    for subject in subjects:
        name = primary_latin_name(subject) if to_arabic else _pick_arabic(subject)
        assert name is not None  # subjects were chosen to have both
        expected = {subject.id, *twin_map.get(subject.id, ())} & surviving
        cases.append(
            Case(
                id=f"{category}-{len(cases):05d}",
                category=category,
                query=Query(id=f"{category}-{len(cases):05d}", names=(name.full,)),
                expected=frozenset(expected),
                kind="original-script" if name.kind is NameKind.ORIGINAL_SCRIPT else name.kind,
                source_name=name.full,
            )
        )
    return CaseSet(category, tuple(cases), watchlist, {"subjects": len(subjects)})


def _holdout_aliases(entry: Entry, kind: NameKind) -> list[Name]:
    """The entry's Latin names of `kind` that can be held out and leave another name behind."""
    aliases: list[Name] = []
    for name in entry.names:
        if name.kind is not kind or not is_latin(name) or not normalize_name(name.full):
            continue
        key = name_key(name.full)
        if any(name_key(other.full) != key for other in entry.names):
            aliases.append(name)
    return aliases


def alias_cases(
    entries: Sequence[Entry],
    twin_map: dict[str, frozenset[str]],
    *,
    kind: NameKind,
    limit: int | None,
    rng: random.Random,
) -> CaseSet:
    """One alias of `kind` per person held out of the watchlist and used as the query."""
    subjects = sample([e for e in entries if _holdout_aliases(e, kind)], limit, rng)
    held: dict[str, Name] = {s.id: rng.choice(_holdout_aliases(s, kind)) for s in subjects}
    edits: dict[str, Callable[[Name], bool]] = {}
    for subject in subjects:
        key = name_key(held[subject.id].full)

        def drop(n: Name, key: tuple[str, ...] = key) -> bool:
            return name_key(n.full) == key

        for entry_id in {subject.id, *twin_map.get(subject.id, ())}:
            edits[entry_id] = drop
    watchlist, surviving = _cut_watchlist(entries, edits)
    left = {e.id: e for e in watchlist}
    category = Category.ALIAS_STRONG if kind is NameKind.ALIAS else Category.ALIAS_WEAK
    cases: list[Case] = []
    for subject in subjects:
        alias = held[subject.id]
        case_id = f"{category}-{len(cases):05d}"
        expected = frozenset({subject.id, *twin_map.get(subject.id, ())} & surviving)
        remaining = [n.full for entry_id in expected for n in left[entry_id].names]
        cases.append(
            Case(
                id=case_id,
                category=category,
                query=Query(id=case_id, names=(alias.full,)),
                expected=expected,
                kind=subject.source,
                source_name=alias.full,
                relation=SHARES_A_KEY if shares_a_key(alias.full, remaining) else SHARES_NO_KEY,
            )
        )
    return CaseSet(category, tuple(cases), watchlist, {"subjects": len(subjects)})


def with_listed_birth_date(aliases: CaseSet, entries: Sequence[Entry]) -> CaseSet:
    """The strong-alias cases again, each query with its person's listed birth date.

    A traveller travelling under an alias still carries a birth date, often the listed one.
    Cases whose person has no listed date stay name-only (`dob-absent`)."""
    by_id = {e.id: e for e in entries}
    cases: list[Case] = []
    for case in aliases.cases:
        dates = (first_birth_date(by_id[i]) for i in sorted(case.expected) if i in by_id)
        born = next((d for d in dates if d is not None), None)
        case_id = f"{Category.ALIAS_STRONG_DOB}-{len(cases):05d}"
        birth_dates = () if born is None else (birth_date_query(born),)
        query = case.query.model_copy(update={"id": case_id, "birth_dates": birth_dates})
        mode = DobMode.ABSENT if born is None else DobMode.GIVEN
        cases.append(
            replace(
                case, id=case_id, category=Category.ALIAS_STRONG_DOB, query=query, dob_mode=mode
            )
        )
    return CaseSet(Category.ALIAS_STRONG_DOB, tuple(cases), aliases.watchlist, aliases.notes)


def shares_a_key(name: str, others: Sequence[str]) -> bool:
    """Whether a name shares any matching key (spelling, skeleton, variant group) with others."""
    keys = analyse(name).keys()
    return any(not keys.isdisjoint(analyse(other).keys()) for other in others)


def shift_year(date: PartialDate, years: int) -> PartialDate:
    """The same date `years` later (29 February becomes the 28th in a common year)."""
    day = date.day
    year = date.year + years
    if date.month == 2 and day == 29 and not (year % 4 == 0 and (year % 100 or year % 400 == 0)):
        day = 28
    return PartialDate(year=year, month=date.month, day=day)


def _birth_dates(entry: Entry, mode: DobMode, rng: random.Random) -> tuple[BirthDate, ...]:
    born = first_birth_date(entry)
    if mode is DobMode.ABSENT or born is None:
        return ()
    if mode is DobMode.ONE_YEAR_OFF:
        born = shift_year(born, rng.choice((-1, 1)))
    return (birth_date_query(born),)


def variant_cases(
    entries: Sequence[Entry],
    twin_map: dict[str, frozenset[str]],
    *,
    count: int,
    rng: random.Random,
    attempts: int = 500,
) -> CaseSet:
    """`count` varied listed names, cycling through every transform and birth-date mode."""
    named = [e for e in entries if primary_latin_name(e) is not None]
    dated = [e for e in named if first_birth_date(e) is not None]
    transforms = sorted(TRANSFORMS)
    used: set[tuple[str, str, DobMode]] = set()
    cases: list[Case] = []
    for index in range(count):
        transform = transforms[index % len(transforms)]
        mode = DOB_MODES[(index // len(transforms)) % len(DOB_MODES)]
        pool = named if mode is DobMode.ABSENT else dated
        for _ in range(attempts):
            entry = rng.choice(pool)
            name = primary_latin_name(entry)
            assert name is not None
            if (entry.id, transform, mode) in used:
                continue
            varied = TRANSFORMS[transform](name.full, rng)
            if varied is None or varied == name.full or not normalize_name(varied):
                continue
            used.add((entry.id, transform, mode))
            case_id = f"{Category.VARIANTS}-{len(cases):05d}"
            query = Query(id=case_id, names=(varied,), birth_dates=_birth_dates(entry, mode, rng))
            cases.append(
                Case(
                    id=case_id,
                    category=Category.VARIANTS,
                    query=query,
                    expected=frozenset({entry.id, *twin_map.get(entry.id, ())}),
                    kind=transform,
                    dob_mode=mode,
                    source_name=name.full,
                )
            )
            break
    return CaseSet(Category.VARIANTS, tuple(cases), tuple(entries), {"requested": count})
