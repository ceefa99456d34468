"""The real watchlist the evaluation screens against, and helpers to cut it per category."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from hajiz.errors import ConfigError
from hajiz.model import BirthDate, DateKind, Entry, EntrySchema, Name, NameKind, PartialDate, Script
from hajiz.names.normalize import detect_script, normalize_name

UN_FILE = Path("un_sc_consolidated/consolidated.xml")
OFAC_DIR = Path("ofac_sdn")


@dataclass(frozen=True)
class Watchlist:
    """The listed persons of every source, sorted by id, and the list versions."""

    entries: tuple[Entry, ...]
    versions: dict[str, str | None]
    warnings: int = 0


def load_watchlist(real_data_dir: Path) -> Watchlist:
    """UN persons and OFAC individuals from the shared real data (organisations left out)."""
    from hajiz.importers.base import parse_list  # imported late: an adapter, not the core

    sources = (("un-sc", real_data_dir / UN_FILE), ("ofac-sdn", real_data_dir / OFAC_DIR))
    entries: list[Entry] = []
    versions: dict[str, str | None] = {}
    warnings = 0
    for source, path in sources:
        if not path.exists():
            raise ConfigError(f"Real data not found at {path} (set --data or HAJIZ_REAL_DATA_DIR)")
        parsed = parse_list(source, path)
        versions[parsed.source] = parsed.source_version
        warnings += len(parsed.warnings)
        entries.extend(e for e in parsed.entries if e.schema_ is EntrySchema.PERSON)
    entries.sort(key=lambda e: e.id)
    return Watchlist(tuple(entries), versions, warnings)


def name_key(text: str) -> tuple[str, ...]:
    """The sorted normalised words of a name: equal keys are the same name in any order."""
    return tuple(sorted(normalize_name(text)))


def is_arabic(name: Name) -> bool:
    """Whether a name is written in Arabic script."""
    return name.script is Script.ARABIC or detect_script(name.full) is Script.ARABIC


def is_latin(name: Name) -> bool:
    """Whether a name is written in Latin script."""
    return detect_script(name.full) is Script.LATIN


def primary_latin_name(entry: Entry) -> Name | None:
    """The entry's first Latin name of kind PRIMARY, else its first strong Latin alias."""
    for kinds in ((NameKind.PRIMARY,), (NameKind.ALIAS,)):
        for name in entry.names:
            if name.kind in kinds and is_latin(name) and normalize_name(name.full):
                return name
    return None


def listed_keys(entries: Iterable[Entry]) -> frozenset[tuple[str, ...]]:
    """The name key of every name of every entry."""
    return frozenset(name_key(n.full) for e in entries for n in e.names if normalize_name(n.full))


def birth_years(entry: Entry) -> set[int]:
    """Every year the entry's birth dates allow (a range gives all its years)."""
    years: set[int] = set()
    for born in entry.birth_dates:
        if born.kind is DateKind.BETWEEN and born.start and born.end:
            years.update(range(born.start.year, born.end.year + 1))
        elif born.date is not None:
            years.add(born.date.year)
        elif born.start is not None:
            years.add(born.start.year)
    return years


def first_birth_date(entry: Entry) -> PartialDate | None:
    """The most precise single birth date the entry states, if any."""
    dates = [b.date for b in entry.birth_dates if b.date is not None]
    dates += [b.start for b in entry.birth_dates if b.date is None and b.start is not None]
    if not dates:
        return None
    return max(dates, key=lambda d: (d.month is not None, d.day is not None))


def without_names(entry: Entry, drop: Callable[[Name], bool]) -> Entry | None:
    """The entry minus the names `drop` selects; None when no name would be left."""
    names = tuple(n for n in entry.names if not drop(n))
    if not names:
        return None
    return entry.model_copy(update={"names": names})


def _full_dates(entry: Entry) -> set[str]:
    return {str(b.date) for b in entry.birth_dates if b.date is not None and b.date.day is not None}


def _words(entry: Entry) -> set[str]:
    return {w for n in entry.names for w in normalize_name(n.full) if len(w) >= 3}


# A name word in at most this many entries is distinctive; two such shared words, or one in
# at most VERY_RARE_WORD_ENTRIES, plus the same birth day, make two entries one person.
RARE_WORD_ENTRIES = 15
VERY_RARE_WORD_ENTRIES = 3


def _candidate_pairs(entries: list[Entry]) -> list[tuple[Entry, Entry]]:
    """Pairs that are one person: a shared strong name, or a birth day and rare words.

    Within one source (a person listed twice) only a shared name with overlapping birth
    years counts.
    """
    words = {e.id: _words(e) for e in entries}
    frequency: Counter[str] = Counter(w for found in words.values() for w in found)
    by_key: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
    by_day: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        keys = {
            name_key(n.full)
            for n in entry.names
            if n.kind is not NameKind.WEAK_ALIAS and len(normalize_name(n.full)) >= 2
        }
        for key in keys:
            by_key[key].append(entry)
        for day in _full_dates(entry):
            by_day[day].append(entry)
    pairs: list[tuple[Entry, Entry]] = []
    for group in by_key.values():
        for i, first in enumerate(group):
            for second in group[i + 1 :]:
                years_a, years_b = birth_years(first), birth_years(second)
                if years_a & years_b or (
                    first.source != second.source and not (years_a and years_b)
                ):
                    pairs.append((first, second))
    for group in by_day.values():
        for i, first in enumerate(group):
            for second in group[i + 1 :]:
                rarity = sorted(frequency[w] for w in words[first.id] & words[second.id])
                rare = [f for f in rarity if f <= RARE_WORD_ENTRIES]
                is_rare = len(rare) >= 2 or (rare and rare[0] <= VERY_RARE_WORD_ENTRIES)
                if is_rare and first.source != second.source:
                    pairs.append((first, second))
    return pairs


def twins(entries: Iterable[Entry]) -> dict[str, frozenset[str]]:
    """For each entry, the other entries that list the same person (on another list, or twice).

    Two entries are twins when they share a strong name of two or more words (same `name_key`)
    and their birth years overlap (across sources: or one states none), or, across sources,
    when they share a full birth date and rare name words. Twins of twins are twins.
    """
    parent: dict[str, str] = {}

    def root(entry_id: str) -> str:
        while parent.get(entry_id, entry_id) != entry_id:
            entry_id = parent[entry_id]
        return entry_id

    for first, second in _candidate_pairs(list(entries)):
        a, b = root(first.id), root(second.id)
        if a != b:
            parent[max(a, b)] = min(a, b)
    members: dict[str, set[str]] = defaultdict(set)
    for entry_id in list(parent):
        members[root(entry_id)].update({entry_id, root(entry_id)})
    result: dict[str, frozenset[str]] = {}
    for group in members.values():
        for entry_id in group:
            result[entry_id] = frozenset(group - {entry_id})
    return result


def birth_date_query(date: PartialDate) -> BirthDate:
    """A query birth date stating exactly this date."""
    return BirthDate(date=date)
