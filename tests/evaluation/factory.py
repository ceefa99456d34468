"""Small builders for the evaluation tests."""

from __future__ import annotations

from hajiz.model import BirthDate, Entry, Name, NameKind, Script

# A few Wikidata-style token lines: latin, spaced Arabic letters, count.
WIKIDATA_LINES = [
    "mohamed\tم ح م د\t50",
    "ahmed\tأ ح م د\t40",
    "hassan\tح س ن\t30",
    "khalid\tخ ا ل د\t20",
    "omar\tع م ر\t20",
    "john\tج و ن\t60",
    "smith\tس م ي ث\t50",
    "maria\tم ا ر ي ا\t30",
]


def _script(text: str) -> Script:
    return Script.ARABIC if any("\u0600" <= c <= "\u06ff" for c in text) else Script.LATIN


def entry(
    entry_id: str,
    *names: tuple[str, NameKind],
    source: str = "test",
    born: tuple[str, ...] = (),
    nationalities: tuple[str, ...] = (),
) -> Entry:
    """An entry with names of the given kinds (Arabic script detected from the text)."""
    return Entry(
        id=entry_id,
        source=source,
        agency="TEST",
        names=tuple(Name(full=full, kind=kind, script=_script(full)) for full, kind in names),
        birth_dates=tuple(BirthDate.parse(b) for b in born),
        nationalities=nationalities,
    )
