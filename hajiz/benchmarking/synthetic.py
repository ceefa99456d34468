"""A synthetic watchlist and synthetic travellers with realistic names, from the name lexicon.

Arabic-origin names are built the way they are borne: a given name, the father's and the
grandfather's, often a nisba (al-Baghdadi); some with a nasab chain (bin ... bin ...), an
abd-compound (Abd al-Rahman), an X al-Din compound or a kunya (Abu Bakr). Their words are drawn
in proportion to their frequency in the packaged lexicon and written in Latin with one of the
lexicon's attested spellings, or in Arabic script. Other names are drawn from the lexicon's
Latin words. Everything is seeded: the same seed and index always give the same person, so a
list of a million entries never has to be held in memory to be drawn from again.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from hajiz.benchmarking.name_pools import ABD_NAMES, DIN_NAMES, NamePools, name_pools
from hajiz.errors import ConfigError
from hajiz.model import (
    BirthDate,
    Document,
    Entry,
    Gender,
    Name,
    NameKind,
    PartialDate,
    Query,
    Script,
)

ARAB_COUNTRIES = (
    "IQ", "SY", "SA", "YE", "EG", "LY", "TN", "DZ", "MA", "JO", "LB", "SD", "SO", "AF", "PK",
    "KW", "AE", "QA", "PS", "MR",
)  # fmt: skip
OTHER_COUNTRIES = (
    "GB", "FR", "DE", "US", "RU", "ES", "IT", "NL", "TR", "IR", "IN", "CN", "NG", "BR", "MX",
    "UA", "BE", "SE", "KE", "ID",
)  # fmt: skip
# Name shapes of Arabic-origin persons, with weights.
TEMPLATES: tuple[tuple[tuple[str, ...], int], ...] = (
    (("name", "name", "name"), 30),
    (("name", "name", "nisba"), 15),
    (("name", "name", "name", "nisba"), 10),
    (("name", "bin", "name", "bin", "name"), 8),
    (("abd", "name", "name"), 10),
    (("abd", "name", "nisba"), 5),
    (("din", "name", "name"), 5),
    (("kunya", "name", "nisba"), 5),
    (("name", "name"), 12),
)
ARABIC_ORIGIN_SHARE = 0.7
ARABIC_SCRIPT_NAME_SHARE = 0.6  # listed Arabic-origin persons who also carry an Arabic-script name
FIRST_BIRTH = date(1945, 1, 1)
LAST_BIRTH = date(2004, 12, 31)


@dataclass(frozen=True)
class Person:
    """A drawn person: name elements (kind, Arabic word) or Latin words, and particulars."""

    elements: tuple[tuple[str, str], ...]  # Arabic-origin: ("name", "محمد"), ("nisba", ...)
    latin_words: tuple[str, ...]  # other names: Latin words
    birth: date | None
    birth_year_only: bool
    nationality: str
    gender: Gender

    @property
    def is_arabic_origin(self) -> bool:
        """Whether the name is built from Arabic-origin elements."""
        return bool(self.elements)


def draw_person(pools: NamePools, rng: random.Random) -> Person:
    """One person: name shape, words, birth date and nationality."""
    is_arabic = rng.random() < ARABIC_ORIGIN_SHARE
    elements: tuple[tuple[str, str], ...] = ()
    latin_words: tuple[str, ...] = ()
    if is_arabic:
        shapes, weights = zip(*TEMPLATES, strict=True)
        shape = rng.choices(shapes, weights=weights, k=1)[0]
        elements = tuple(_element(kind, pools, rng) for kind in shape)
    else:
        latin_words = tuple(pools.other.draw(rng) for _ in range(rng.choice((2, 2, 3))))
    born = FIRST_BIRTH + timedelta(days=rng.randrange((LAST_BIRTH - FIRST_BIRTH).days + 1))
    roll = rng.random()
    countries = ARAB_COUNTRIES if is_arabic else OTHER_COUNTRIES
    return Person(
        elements=elements,
        latin_words=latin_words,
        birth=None if roll < 0.1 else born,
        birth_year_only=roll > 0.85,
        nationality=rng.choice(countries),
        gender=Gender.MALE if rng.random() < 0.88 else Gender.FEMALE,
    )


def _element(kind: str, pools: NamePools, rng: random.Random) -> tuple[str, str]:
    if kind == "nisba":
        return kind, pools.nisba.draw(rng)
    if kind == "abd":
        return kind, rng.choice(ABD_NAMES)[0]
    if kind == "din":
        return kind, rng.choice(DIN_NAMES)[0]
    if kind == "bin":
        return kind, "بن"
    return kind, pools.given.draw(rng)  # name, kunya


def _spelled(word: str, pools: NamePools, rng: random.Random) -> str:
    choices = pools.spellings.get(word)
    if choices is None:
        return pools.latin.get(word, word)
    return choices.draw(rng).capitalize()


def latin_name(person: Person, pools: NamePools, rng: random.Random) -> str:
    """The person's name in Latin letters, spelled one of the attested ways."""
    if not person.is_arabic_origin:
        words = list(person.latin_words)
        text = " ".join(w.capitalize() for w in words)
    else:
        text = " ".join(_latin_element(k, w, pools, rng) for k, w in person.elements)
    return text.upper() if rng.random() < 0.25 else text


def _latin_element(kind: str, word: str, pools: NamePools, rng: random.Random) -> str:
    if kind == "bin":
        return rng.choice(("bin", "bin", "Bin", "ibn", "Ben"))
    if kind == "kunya":
        return f"{rng.choice(('Abu', 'Abu', 'Abou'))} {_spelled(word, pools, rng)}"
    if kind == "nisba":
        core = pools.latin[word]
        return rng.choice(
            (f"al-{core}", f"Al-{core}", f"Al {core}", f"El-{core}", f"Al{core.lower()}")
        )
    if kind == "abd":
        core = pools.latin[word]
        if core == "lah":
            return rng.choice(("Abdullah", "Abdallah", "Abdulla", "Abd Allah"))
        return rng.choice(
            (f"Abd al-{core}", f"Abdul {core}", f"Abdel{core.lower()}", f"Abdul{core.lower()}")
        )
    if kind == "din":
        core = pools.latin[word]
        return rng.choice((f"{core} al-Din", f"{core}uddin", f"{core} Eddine", f"{core}eddine"))
    return _spelled(word, pools, rng)


def arabic_name(person: Person, rng: random.Random) -> str | None:
    """The person's name in Arabic script (None for names that are not Arabic-origin)."""
    if not person.is_arabic_origin:
        return None
    words: list[str] = []
    for kind, word in person.elements:
        if kind == "kunya":
            words.append(f"ابو {word}")
        elif kind == "nisba":
            words.append(f"ال{word}")
        elif kind == "abd":
            words.append(rng.choice((f"عبد ال{word}", f"عبدال{word}")))
        elif kind == "din":
            words.append(f"{word} الدين")
        else:
            words.append(word)
    return " ".join(words)


def _kunya_alias(person: Person, pools: NamePools, rng: random.Random) -> str:
    son = pools.given.draw(rng)
    nisba = [e for e in person.elements if e[0] == "nisba"]
    alias = f"Abu {_spelled(son, pools, rng)}"
    if nisba:
        alias += " " + _latin_element("nisba", nisba[0][1], pools, rng)
    return alias


def birth_dates(person: Person) -> tuple[BirthDate, ...]:
    """The person's birth date as a list would record it (year only for some)."""
    if person.birth is None:
        return ()
    born = person.birth
    if person.birth_year_only:
        return (BirthDate(date=PartialDate(year=born.year)),)
    day = PartialDate(year=born.year, month=born.month, day=born.day)
    return (BirthDate(date=day),)


def person_entry(entry_id: str, person: Person, pools: NamePools, rng: random.Random) -> Entry:
    """A list entry for the person: a primary name, aliases, Arabic-script name, particulars."""
    names = [Name(full=latin_name(person, pools, rng), kind=NameKind.PRIMARY)]
    if rng.random() < 0.4:
        names.append(Name(full=latin_name(person, pools, rng), kind=NameKind.ALIAS))
    if person.is_arabic_origin:
        if rng.random() < 0.3:
            kind = NameKind.ALIAS if rng.random() < 0.5 else NameKind.WEAK_ALIAS
            names.append(Name(full=_kunya_alias(person, pools, rng), kind=kind))
        original = arabic_name(person, rng)
        if original is not None and rng.random() < ARABIC_SCRIPT_NAME_SHARE:
            names.append(Name(full=original, script=Script.ARABIC, kind=NameKind.ORIGINAL_SCRIPT))
    documents: tuple[Document, ...] = ()
    if rng.random() < 0.25:
        number = f"{rng.choice('ABCNPRS')}{rng.randrange(10**7):07d}"
        documents = (Document(type="passport", number=number, country=person.nationality),)
    return Entry(
        id=entry_id,
        agency="BENCH",
        source="synthetic",
        names=tuple(names),
        birth_dates=birth_dates(person),
        nationalities=(person.nationality,),
        gender=person.gender,
        documents=documents,
    )


def person_rng(seed: int, stream: str, index: int) -> random.Random:
    """The random source of one person of a stream ("list", "travellers"), reproducible alone."""
    return random.Random(f"{seed}/{stream}/{index}")


def synthetic_entry(seed: int, index: int, pools: NamePools | None = None) -> Entry:
    """The index-th synthetic listed person (same seed and index, same entry)."""
    pools = pools or name_pools()
    rng = person_rng(seed, "list", index)
    return person_entry(f"bench:{index:07d}", draw_person(pools, rng), pools, rng)


def synthetic_entries(seed: int, count: int, start: int = 0) -> Iterator[Entry]:
    """`count` synthetic listed persons, drawn one at a time."""
    pools = name_pools()
    for index in range(start, start + count):
        yield synthetic_entry(seed, index, pools)


def traveller_query(seed: int, index: int, stream: str = "travellers") -> Query:
    """An unlisted traveller as a query: one name (a quarter of Arabic-origin ones in Arabic
    script), usually a birth date and a nationality."""
    pools = name_pools()
    rng = person_rng(seed, stream, index)
    person = draw_person(pools, rng)
    original = arabic_name(person, rng)
    name = original if original and rng.random() < 0.25 else latin_name(person, pools, rng)
    return Query(
        id=f"{stream}-{index}",
        names=(name,),
        birth_dates=birth_dates(person) if rng.random() < 0.8 else (),
        nationalities=(person.nationality,) if rng.random() < 0.7 else (),
    )


def distinct_names(seed: int, count: int) -> list[str]:
    """`count` distinct person names in both scripts (Latin and Arabic), in a fixed order."""
    pools = name_pools()
    seen: dict[str, None] = {}
    index = 0
    while len(seen) < count:
        rng = person_rng(seed, "names", index)
        index += 1
        person = draw_person(pools, rng)
        original = arabic_name(person, rng)
        for name in (latin_name(person, pools, rng), original):
            if name is not None and len(seen) < count:
                seen.setdefault(name, None)
        if index > count * 20:
            raise ConfigError(f"Could not draw {count} distinct names (the pools are too small)")
    return list(seen)
