"""Build the negative test sets: unlisted travellers, and near misses of listed persons."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence

from hajiz.countries import to_country_code
from hajiz.evaluation.cases import Case, CaseSet, Category
from hajiz.evaluation.generators import sample
from hajiz.evaluation.population import NameFrequencies, synthesise_travellers
from hajiz.evaluation.watchlist import (
    birth_years,
    listed_keys,
    name_key,
    primary_latin_name,
)
from hajiz.model import BirthDate, Entry, PartialDate, Query

NEAR_MISS_GAP = 5  # years between a near miss's birth date and every listed one
NEAR_MISS_YEARS = range(1930, 2007)
# Nationalities a near miss may be given (one the listed person does not have).
NATIONALITIES = (
    "AE", "AF", "BD", "BE", "BH", "DE", "DK", "DZ", "EG", "ES", "FR", "GB", "ID", "IN", "IQ",
    "IR", "IT", "JO", "KW", "LB", "LY", "MA", "ML", "MY", "NE", "NG", "NL", "NO", "OM", "PK",
    "QA", "RU", "SA", "SD", "SE", "SO", "SY", "TN", "TR", "US", "YE",
)  # fmt: skip


def negative_cases(
    entries: Sequence[Entry],
    frequencies: NameFrequencies,
    *,
    count: int,
    rng: random.Random,
) -> tuple[CaseSet, CaseSet]:
    """`count` synthetic unlisted travellers: half by name alone, half with a birth date."""
    keys = listed_keys(entries)
    without = count // 2
    sets: list[CaseSet] = []
    for category, size, has_date in (
        (Category.NEGATIVES_NO_DOB, without, False),
        (Category.NEGATIVES_DOB, count - without, True),
    ):
        travellers = synthesise_travellers(
            frequencies, size, rng, listed_keys=keys, with_birth_date=has_date
        )
        cases: list[Case] = []
        for traveller in travellers:
            case_id = f"{category}-{len(cases):05d}"
            dates: tuple[BirthDate, ...] = ()
            if traveller.birth_date is not None:
                born = traveller.birth_date
                dates = (
                    BirthDate(date=PartialDate(year=born.year, month=born.month, day=born.day)),
                )
            cases.append(
                Case(
                    id=case_id,
                    category=category,
                    query=Query(id=case_id, names=(traveller.name,), birth_dates=dates),
                    kind="arabic-origin" if traveller.is_arabic_origin else "other",
                    source_name=traveller.name,
                )
            )
        sets.append(CaseSet(category, tuple(cases), tuple(entries), {"travellers": len(cases)}))
    return sets[0], sets[1]


def _country(text: str) -> str:
    return to_country_code(text) or text.upper()


def near_miss_date(years: set[int], rng: random.Random) -> PartialDate | None:
    """A full birth date at least NEAR_MISS_GAP years from every year in `years`."""
    choices = [y for y in NEAR_MISS_YEARS if all(abs(y - x) >= NEAR_MISS_GAP for x in years)]
    if not choices:
        return None
    return PartialDate(year=rng.choice(choices), month=rng.randint(1, 12), day=rng.randint(1, 28))


def near_miss_cases(
    entries: Sequence[Entry],
    twin_map: dict[str, frozenset[str]],
    *,
    count: int,
    rng: random.Random,
) -> CaseSet:
    """A listed person's exact name with a far-off birth date and another nationality.

    Every entry bearing that name (and its twins) is counted: the date is at least five years
    from all their birth years, the nationality is none of theirs, and all of them must stay
    below the threshold.
    """
    bearers: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for entry in entries:
        for name in entry.names:
            bearers[name_key(name.full)].add(entry.id)
    by_id = {e.id: e for e in entries}
    subjects = [e for e in entries if birth_years(e) and primary_latin_name(e) is not None]
    subjects = sample(subjects, count, rng)
    cases: list[Case] = []
    for subject in subjects:
        listed = primary_latin_name(subject)
        assert listed is not None
        group = set(bearers[name_key(listed.full)])
        group.update(t for member in list(group) for t in twin_map.get(member, ()))
        years: set[int] = set()
        nationalities: set[str] = set()
        for member in group:
            years |= birth_years(by_id[member])
            nationalities.update(_country(n) for n in by_id[member].nationalities)
        born = near_miss_date(years, rng)
        countries = [c for c in NATIONALITIES if c not in nationalities]
        if born is None or not countries:
            continue
        case_id = f"{Category.NEAR_MISSES}-{len(cases):05d}"
        query = Query(
            id=case_id,
            names=(listed.full,),
            birth_dates=(BirthDate(date=born),),
            nationalities=(rng.choice(countries),),
        )
        cases.append(
            Case(
                id=case_id,
                category=Category.NEAR_MISSES,
                query=query,
                expected=frozenset(group),
                kind=subject.source,
                source_name=listed.full,
            )
        )
    return CaseSet(Category.NEAR_MISSES, tuple(cases), tuple(entries), {"subjects": len(subjects)})
