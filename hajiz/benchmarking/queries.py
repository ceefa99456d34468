"""The list a benchmark screens against, and the realistic mix of queries it screens.

The list holds N persons: the real UN and OFAC persons when the data is there (at most half of
N, a seeded sample), the rest synthetic. Queries mix varied names of listed persons (the
evaluation's spelling, order, particle, nasab, MRZ and typo variations), listed persons'
Arabic-script names, and unlisted travellers.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from hajiz.benchmarking.synthetic import synthetic_entry, traveller_query
from hajiz.evaluation.variants import TRANSFORMS
from hajiz.evaluation.watchlist import is_arabic, primary_latin_name
from hajiz.model import Entry, Query


class QueryKind(StrEnum):
    """What a benchmark query is."""

    VARIANT = "variant"  # a listed person's name, varied
    ARABIC = "arabic"  # a listed person's Arabic-script name
    UNLISTED = "unlisted"  # a traveller who is not listed


# Single screens: a border post's hard cases as often as its easy ones.
SCREEN_MIX = {QueryKind.VARIANT: 0.4, QueryKind.ARABIC: 0.2, QueryKind.UNLISTED: 0.4}
# A flight manifest: nearly everyone is unlisted.
MANIFEST_MIX = {QueryKind.VARIANT: 0.02, QueryKind.ARABIC: 0.01, QueryKind.UNLISTED: 0.97}


@dataclass(frozen=True)
class BenchList:
    """N listed persons: real ones first, then synthetic ones drawn on demand."""

    real: tuple[Entry, ...]
    size: int
    seed: int

    @classmethod
    def of(cls, size: int, seed: int, real: Sequence[Entry] = ()) -> BenchList:
        """A list of `size` persons taking at most half of them from `real` (seeded sample)."""
        room = size // 2
        chosen = list(real)
        if len(chosen) > room:
            chosen = sorted(random.Random(f"{seed}/real").sample(chosen, room), key=lambda e: e.id)
        return cls(tuple(chosen), size, seed)

    def __len__(self) -> int:
        return self.size

    @property
    def synthetic_count(self) -> int:
        """How many of the persons are synthetic."""
        return self.size - len(self.real)

    def entry(self, index: int) -> Entry:
        """The index-th person (drawn again for synthetic persons: nothing is kept)."""
        if index < len(self.real):
            return self.real[index]
        return synthetic_entry(self.seed, index - len(self.real))

    def __iter__(self) -> Iterator[Entry]:
        for index in range(self.size):
            yield self.entry(index)


def _variant(entry: Entry, rng: random.Random) -> str:
    name = primary_latin_name(entry) or entry.names[0]
    transforms = list(TRANSFORMS.values())
    rng.shuffle(transforms)
    for transform in transforms:
        varied = transform(name.full, rng)
        if varied:
            return varied
    return name.full


def _arabic(entry: Entry, rng: random.Random) -> str | None:
    names = [n.full for n in entry.names if is_arabic(n)]
    if not names:
        return None
    name = rng.choice(names)
    words = name.split()
    # Border records often drop the grandfather's name.
    if len(words) >= 4 and rng.random() < 0.3:
        words = words[:2] + words[3:]
    return " ".join(words)


def listed_query(
    listed: BenchList, kind: QueryKind, rng: random.Random, query_id: str
) -> Query | None:
    """A query for a random listed person, or None if that person has no such name."""
    entry = listed.entry(rng.randrange(len(listed)))
    name = _variant(entry, rng) if kind is QueryKind.VARIANT else _arabic(entry, rng)
    if name is None:
        return None
    has_date = bool(entry.birth_dates) and rng.random() < 0.6
    return Query(
        id=query_id,
        names=(name,),
        birth_dates=entry.birth_dates[:1] if has_date else (),
        nationalities=entry.nationalities[:1] if rng.random() < 0.5 else (),
    )


def query_mix(
    listed: BenchList, count: int, seed: int, mix: dict[QueryKind, float], stream: str
) -> list[tuple[QueryKind, Query]]:
    """`count` queries in the proportions of `mix`, drawn reproducibly from `stream`."""
    rng = random.Random(f"{seed}/{stream}/mix")
    kinds = list(mix)
    weights = [mix[k] for k in kinds]
    queries: list[tuple[QueryKind, Query]] = []
    while len(queries) < count:
        index = len(queries)
        kind = rng.choices(kinds, weights=weights, k=1)[0]
        query: Query | None = None
        if kind is not QueryKind.UNLISTED:
            for _ in range(20):  # some listed persons have no Arabic-script name
                query = listed_query(listed, kind, rng, f"{stream}-{index}")
                if query is not None:
                    break
        if query is None:
            kind = QueryKind.UNLISTED
            query = traveller_query(seed, index, stream)
        queries.append((kind, query))
    return queries
