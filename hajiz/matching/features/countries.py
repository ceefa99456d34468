"""Nationality and country of birth agreement between a traveller and a list entry.

Countries are compared as ISO 3166 alpha-2 codes; names ("Iraq", "Iraqi") are read through
`hajiz.countries.to_country_code`. A value that is no recognisable country only matches the
same text and never counts against a match; a region (Kurdistan, IQ-KR) counts as its country.

- The traveller's nationality among the entry's nationalities: MATCH, `NATIONALITY_MATCH`.
- Only among the entry's countries of birth: MATCH, `NATIONALITY_BIRTH_COUNTRY_MATCH`.
- No overlap with the entry's nationalities: MISMATCH, `NATIONALITY_MISMATCH`. Not decisive:
  people change and add nationalities.
- The entry gives only countries of birth and none is the traveller's nationality: MISMATCH,
  `NATIONALITY_BIRTH_COUNTRY_MISMATCH`, weaker still: many people hold the nationality of
  another country than the one they were born in.
- Country of birth: the same country is `BIRTH_COUNTRY_MATCH`, another one
  `BIRTH_COUNTRY_MISMATCH` (borders and names change: Soviet Union, Yugoslavia, Sudan).
- Nothing known on either side: UNKNOWN, 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hajiz.countries import to_country_code
from hajiz.matching.features.types import Agreement, FeatureResult, unknown

NATIONALITY_FEATURE = "nationality_agreement"
BIRTH_COUNTRY_FEATURE = "birth_country_agreement"

NATIONALITY_MATCH = 0.5
NATIONALITY_BIRTH_COUNTRY_MATCH = 0.3
NATIONALITY_MISMATCH = -0.5
NATIONALITY_BIRTH_COUNTRY_MISMATCH = -0.2
BIRTH_COUNTRY_MATCH = 0.5
BIRTH_COUNTRY_MISMATCH = -0.5


@dataclass(frozen=True, slots=True)
class _Countries:
    """Stated countries as codes, plus the values that are no recognisable country."""

    codes: tuple[str, ...]
    unrecognised: tuple[str, ...]

    @property
    def keys(self) -> set[str]:
        return set(self.codes) | {text.casefold() for text in self.unrecognised}

    @property
    def text(self) -> str | None:
        return ", ".join(self.codes + self.unrecognised) or None


def _countries(values: Iterable[str | None]) -> _Countries:
    codes: dict[str, None] = {}
    unrecognised: dict[str, None] = {}
    for value in values:
        if value is None or not value.strip():
            continue
        code = to_country_code(value)
        if code is not None:
            # A region's code (IQ-KR for Kurdistan) stands for its country.
            codes[code.split("-")[0]] = None
        else:
            unrecognised[" ".join(value.split())] = None
    return _Countries(tuple(codes), tuple(unrecognised))


def _shared(a: _Countries, b: _Countries) -> str | None:
    """The first value of `a` that `b` also states, as `a` states it."""
    keys = b.keys
    for value in a.codes + a.unrecognised:
        if value in keys or value.casefold() in keys:
            return value
    return None


def nationality_agreement(
    query_countries: Sequence[str],
    entry_nationalities: Sequence[str],
    entry_birth_countries: Sequence[str],
) -> FeatureResult:
    """Nationality: the traveller's nationality against the list's nationalities.

    A nationality the list also gives supports a match; a list entry born in that country
    supports it less. Different nationalities count against a match, but not much: people
    change and add nationalities. Nothing known on either side is no evidence.
    """
    query = _countries(query_countries)
    nationalities = _countries(entry_nationalities)
    births = _countries(entry_birth_countries)
    listed = nationalities.text or (f"born in {births.text}" if births.text else None)
    if query.text is None or listed is None:
        if query.text is None and listed is None:
            detail = "no nationality for the traveller nor on the list"
        elif query.text is None:
            detail = f"traveller's nationality not given; list says {listed}"
        else:
            detail = f"nationality {query.text}; the list states no nationality or birth country"
        return unknown(NATIONALITY_FEATURE, detail, query.text, listed)
    said = f"nationality {query.text}"
    shared = _shared(query, nationalities)
    if shared is not None:
        return FeatureResult(
            NATIONALITY_FEATURE,
            Agreement.MATCH,
            NATIONALITY_MATCH,
            f"{said}; list says nationality {nationalities.text} ({shared} on both)",
            query.text,
            nationalities.text,
        )
    shared = _shared(query, births)
    if shared is not None:
        also = f", nationality {nationalities.text}" if nationalities.text else ""
        return FeatureResult(
            NATIONALITY_FEATURE,
            Agreement.MATCH,
            NATIONALITY_BIRTH_COUNTRY_MATCH,
            f"{said}; list says born in {births.text}{also} (matches the country of birth only)",
            query.text,
            f"born in {births.text}",
        )
    if not query.codes or not (nationalities.codes or births.codes):
        return unknown(
            NATIONALITY_FEATURE,
            f"{said}; list says {listed} (not all recognised as countries; not compared)",
            query.text,
            listed,
        )
    if nationalities.codes:
        return FeatureResult(
            NATIONALITY_FEATURE,
            Agreement.MISMATCH,
            NATIONALITY_MISMATCH,
            f"{said}; list says nationality {nationalities.text} "
            "(different; people change nationality, so not decisive)",
            query.text,
            nationalities.text,
        )
    return FeatureResult(
        NATIONALITY_FEATURE,
        Agreement.MISMATCH,
        NATIONALITY_BIRTH_COUNTRY_MISMATCH,
        f"{said}; list says born in {births.text} and gives no nationality "
        "(weak: many people hold another nationality than their country of birth)",
        query.text,
        listed,
    )


def birth_country_agreement(
    query_birth_country: str | None, entry_birth_countries: Sequence[str]
) -> FeatureResult:
    """Country of birth: the traveller's against the countries the list gives.

    The same country supports a match; a different one counts against it, though not
    decisively, as borders and country names change. Nothing known is no evidence.
    """
    query = _countries([query_birth_country])
    births = _countries(entry_birth_countries)
    if query.text is None or births.text is None:
        if query.text is None and births.text is None:
            detail = "no country of birth for the traveller nor on the list"
        elif query.text is None:
            detail = f"traveller's country of birth not given; list says born in {births.text}"
        else:
            detail = f"born in {query.text}; the list states no country of birth"
        return unknown(BIRTH_COUNTRY_FEATURE, detail, query.text, births.text)
    said = f"born in {query.text}; list says born in {births.text}"
    if _shared(query, births) is not None:
        return FeatureResult(
            BIRTH_COUNTRY_FEATURE,
            Agreement.MATCH,
            BIRTH_COUNTRY_MATCH,
            f"{said} (same country)",
            query.text,
            births.text,
        )
    if not query.codes or not births.codes:
        return unknown(
            BIRTH_COUNTRY_FEATURE,
            f"{said} (not all recognised as countries; not compared)",
            query.text,
            births.text,
        )
    return FeatureResult(
        BIRTH_COUNTRY_FEATURE,
        Agreement.MISMATCH,
        BIRTH_COUNTRY_MISMATCH,
        f"{said} (different country)",
        query.text,
        births.text,
    )
