"""Coded values of a PAXLST: dates with two-digit years, ICAO country codes, gender, documents."""

from __future__ import annotations

from datetime import date, datetime

from hajiz.countries import to_country_code
from hajiz.model import Gender

# DTM format codes (2379) and the layout each stands for.
DATE_FORMATS = {"101": "YYMMDD", "102": "CCYYMMDD", "201": "YYMMDDHHMM", "203": "CCYYMMDDHHMM"}
_LAYOUT_BY_LENGTH = {6: "YYMMDD", 8: "CCYYMMDD", 10: "YYMMDDHHMM", 12: "CCYYMMDDHHMM"}

# ICAO Doc 9303 codes that are not ISO 3166 alpha-3: Germany's D, the British nationality
# classes, and Kosovo. Stateless persons, refugees and UN documents (XXA, XXB, XXC, XXX, UNO,
# UNA, UNK) name no country: they are left out, with a note.
_ICAO_CODES = {
    "D": "DE",
    "D<<": "DE",
    "GBD": "GB",
    "GBN": "GB",
    "GBO": "GB",
    "GBP": "GB",
    "GBS": "GB",
    "RKS": "XK",
}

GENDERS = {"M": Gender.MALE, "F": Gender.FEMALE}
UNKNOWN_GENDERS = {"U", "X", ""}

# DOC document name codes (1001) in API guides, and what they are called when screening.
DOCUMENT_LABELS = {
    "P": "passport",
    "PT": "passport",
    "PP": "passport",
    "IP": "passport card",
    "I": "national identity card",
    "ID": "national identity card",
    "IN": "national identity card",
    "AC": "crew member certificate",
    "V": "visa",
    "A": "identity card",
    "C": "permanent resident card",
    "M": "military identity document",
    "F": "facilitation document",
}


def document_label(code: str) -> str:
    """What a DOC type code means (`document P2` style for codes not in the guides)."""
    return DOCUMENT_LABELS.get(code.upper(), f"document {code}" if code else "document")


def country(code: str) -> str | None:
    """ISO 3166 alpha-2 for an ICAO 9303 / ISO alpha-3 code, or None."""
    text = code.strip().upper()
    if not text:
        return None
    return _ICAO_CODES.get(text) or to_country_code(text)


def gender(code: str) -> Gender | None:
    """M and F as genders; U, X and nothing as unknown; raise ValueError for anything else."""
    text = code.strip().upper()
    if text in GENDERS:
        return GENDERS[text]
    if text in UNKNOWN_GENDERS:
        return None
    raise ValueError(f"gender {code!r} is not M, F, U or X")


def _layout(text: str, format_code: str) -> str:
    if format_code:
        layout = DATE_FORMATS.get(format_code)
        if layout is None:
            known = ", ".join(f"{k} ({v})" for k, v in DATE_FORMATS.items())
            raise ValueError(f"date format {format_code!r} is not one of {known}")
        if len(text) != len(layout):
            raise ValueError(f"{text!r} does not fit format {format_code} ({layout})")
        return layout
    layout_for_length = _LAYOUT_BY_LENGTH.get(len(text))
    if layout_for_length is None:
        raise ValueError(f"{text!r} is not a date (YYMMDD or CCYYMMDD)")
    return layout_for_length


def _full_year(two_digits: int, *, is_past: bool, today: date) -> int:
    if is_past:
        # A birth date is never in the future: the latest century that keeps it in the past.
        year = today.year // 100 * 100 + two_digits
        return year if year <= today.year else year - 100
    # Other dates (expiry, departure) fall near today: the century closest to it.
    candidates = [today.year // 100 * 100 + two_digits + shift for shift in (-100, 0, 100)]
    return min(candidates, key=lambda year: abs(year - today.year))


def parse_date(text: str, format_code: str, *, today: date, is_past: bool = False) -> datetime:
    """A DTM value as a datetime (midnight for a date); raise ValueError saying why not."""
    text = text.strip()
    if not text.isdigit():
        raise ValueError(f"{text!r} is not a date (digits only: YYMMDD or CCYYMMDD)")
    layout = _layout(text, format_code)
    has_century = layout.startswith("CCYY")
    year = int(text[:4]) if has_century else _full_year(int(text[:2]), is_past=is_past, today=today)
    body = text[4:] if has_century else text[2:]
    month, day = int(body[0:2]), int(body[2:4])
    hour, minute = (int(body[4:6]), int(body[6:8])) if len(body) == 8 else (0, 0)
    try:
        value = datetime(year, month, day, hour, minute)
    except ValueError as error:
        raise ValueError(f"{text!r} is not a real date ({layout}: {error})") from None
    if is_past and value.date() > today:
        raise ValueError(f"{text!r} is in the future")
    return value
