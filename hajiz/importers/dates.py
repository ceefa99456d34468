"""Dates as lists write them: `07 Oct 1984`, `Oct 1984`, `Nov. 1973`, `1971`, `1971-10-07`.

Every parser keeps the precision the source gives: a year stays a year, a month stays a month.
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from hajiz.model import PartialDate

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

_TEXT_DATE = re.compile(
    r"^(?:(?P<day>\d{1,2})\s+)?(?:(?P<month>[A-Za-z]{3,9})\.?\s+)?(?P<year>\d{4})$"
)
_ISO_PREFIX = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


def month_number(text: str) -> int | None:
    """1-12 for an English month name or abbreviation (`Sep.`, `August`), else None."""
    return MONTHS.get(text.strip().rstrip(".").casefold())


def make_date(year: int, month: int | None = None, day: int | None = None) -> PartialDate:
    """A partial date; ValueError if it does not exist (e.g. 30 Feb)."""
    text = f"{year:04d}"
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}"
    try:
        return PartialDate.parse(text)
    except ValueError as exc:  # pydantic's ValidationError is a ValueError too
        raise ValueError(f"not a date: {text} ({_reason(exc)})") from exc


def parse_text_date(text: str) -> PartialDate | None:
    """Parse `07 Oct 1984`, `Oct 1984`, `Nov. 1973` or `1984`; None if the form is other.

    Raises ValueError for a well-formed but impossible date (`31 Feb 1970`).
    """
    match = _TEXT_DATE.match(" ".join(text.split()))
    if match is None:
        return None
    month = None
    if match["month"]:
        month = month_number(match["month"])
        if month is None:
            return None
    elif match["day"]:
        return None
    day = int(match["day"]) if match["day"] else None
    return make_date(int(match["year"]), month, day)


def parse_iso_prefix(text: str) -> PartialDate:
    """Parse `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (a time part is dropped); ValueError otherwise."""
    match = _ISO_PREFIX.match(text.strip())
    if match is None:
        raise ValueError(f"not a date: {text!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    try:
        return PartialDate.parse(match.group(1))
    except ValueError as exc:
        raise ValueError(f"not a date: {text!r} ({_reason(exc)})") from exc


def _reason(exc: ValueError) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(str(error["msg"]) for error in exc.errors())
    return str(exc)
