"""Dates of birth and identity documents of UN consolidated list individuals.

TYPE_OF_DATE is EXACT (with DATE, YEAR, or a month and year written in NOTE), APPROXIMATELY
(YEAR) or BETWEEN (FROM_YEAR, TO_YEAR). Dates are kept as precise as stated, never widened;
what cannot be read as a date (`30-35 years old`, a Hijri date) is returned as text for remarks.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from hajiz.errors import ImportFailed
from hajiz.importers.common import collapse, country_code
from hajiz.importers.dates import make_date, month_number, parse_text_date
from hajiz.model import BirthDate, DateKind, Document, PartialDate

_KINDS = {"EXACT": DateKind.EXACT, "APPROXIMATELY": DateKind.APPROXIMATE, "": DateKind.EXACT}
_BETWEEN_MONTHS = re.compile(
    r"^between\s+([a-z]+)\.?\s+and\s+([a-z]+)\.?\s+(\d{4})$", re.IGNORECASE
)
# A number inside free text: after a keyword, or opening the text ("04643632 issued on ...").
_NUMBER_AFTER_KEYWORD = re.compile(
    r"\b(?:number|no\.|ssn|code:|card)\s+((?:[A-Z]{1,3}-?\s)?[A-Z0-9]*\d[A-Z0-9-]*)", re.IGNORECASE
)
_LEADING_NUMBER = re.compile(r"^(\d{5,}[A-Z0-9]*)\b")
_UNINFORMATIVE = frozenset({"", "number", "no", "passport"})


def _text(element: Element, tag: str) -> str:
    found = element.find(tag)
    return collapse(found.text) if found is not None else ""


def birth_dates(
    elements: list[Element], file: str, where: str
) -> tuple[list[BirthDate], list[str]]:
    """The stated birth dates, and the date texts that are not dates (for remarks)."""
    found: list[BirthDate] = []
    unparsed: list[str] = []
    for element in elements:
        try:
            date, text = _birth_date(element)
        except ValueError as exc:
            raise ImportFailed(file, f"INDIVIDUAL_DATE_OF_BIRTH: {exc}", where) from exc
        if date is not None:
            found.append(date)
        elif text:
            unparsed.append(text)
    return found, unparsed


def _year(element: Element, tag: str) -> PartialDate:
    text = _text(element, tag)
    if not re.fullmatch(r"\d{4}", text):
        raise ValueError(f"{tag} {text!r} is not a year")
    return make_date(int(text))


def _birth_date(element: Element) -> tuple[BirthDate | None, str]:
    type_of_date = _text(element, "TYPE_OF_DATE").upper()
    note = _text(element, "NOTE")
    if type_of_date == "BETWEEN":
        start, end = _year(element, "FROM_YEAR"), _year(element, "TO_YEAR")
        return BirthDate(kind=DateKind.BETWEEN, start=start, end=end, note=note or None), ""
    if type_of_date not in _KINDS:
        raise ValueError(f"unknown TYPE_OF_DATE {type_of_date!r}")
    kind = _KINDS[type_of_date]
    date_text, year_text = _text(element, "DATE"), _text(element, "YEAR")
    if date_text:
        return BirthDate(kind=kind, date=PartialDate.parse(date_text[:10]), note=note or None), ""
    if year_text:
        year = _year(element, "YEAR")
        month = month_number(note) if note else None
        if month is not None:  # `<YEAR>1958</YEAR><NOTE>Sep.</NOTE>`
            return BirthDate(kind=kind, date=make_date(year.year, month)), ""
        return BirthDate(kind=kind, date=year, note=note or None), ""
    return _date_in_note(kind, note)


def _date_in_note(kind: DateKind, note: str) -> tuple[BirthDate | None, str]:
    if not note:
        return None, ""
    date = parse_text_date(note)  # `Nov. 1973`, `August 1961`
    if date is not None:
        return BirthDate(kind=kind, date=date), ""
    between = _BETWEEN_MONTHS.match(note)  # `Between Aug. and Sep. 1977`
    if between:
        first, last = month_number(between[1]), month_number(between[2])
        if first is not None and last is not None:
            year = int(between[3])
            start, end = make_date(year, first), make_date(year, last)
            return BirthDate(kind=DateKind.BETWEEN, start=start, end=end), ""
    prefix = "approximately " if kind is DateKind.APPROXIMATE else ""
    return None, prefix + note


def documents(elements: list[Element]) -> tuple[list[Document], list[str]]:
    """Identity documents, and descriptions of documents that give no number (for remarks)."""
    found: list[Document] = []
    loose: list[str] = []
    for element in elements:
        kind, kind2 = _text(element, "TYPE_OF_DOCUMENT"), _text(element, "TYPE_OF_DOCUMENT2")
        number, note = _text(element, "NUMBER"), _text(element, "NOTE")
        if not (kind or kind2 or number or note):
            continue  # the empty <INDIVIDUAL_DOCUMENT/> placeholder
        if not number:
            number, kind2 = _number_in_text(kind2, note)
        label = _label(kind or "Document", kind2)
        issued = [_text(element, "DATE_OF_ISSUE"), _text(element, "CITY_OF_ISSUE")]
        issued_text = "issued " + " in ".join(p for p in issued if p) if any(issued) else ""
        full_note = "; ".join(p for p in (issued_text, note) if p) or None
        country = _text(element, "ISSUING_COUNTRY") or _text(element, "COUNTRY_OF_ISSUE")
        if number:
            found.append(
                Document(type=label, number=number, country=country_code(country), note=full_note)
            )
        else:
            loose.append("; ".join(p for p in (label, country, full_note) if p))
    return found, loose


def _number_in_text(kind2: str, note: str) -> tuple[str, str]:
    """A number written in TYPE_OF_DOCUMENT2 or NOTE, and TYPE_OF_DOCUMENT2 without it."""
    match = _NUMBER_AFTER_KEYWORD.search(kind2)
    if match and sum(c.isdigit() for c in match[1]) >= 3:
        return match[1], kind2[: match.start(1)].strip()
    for pattern in (_NUMBER_AFTER_KEYWORD, _LEADING_NUMBER):
        match = pattern.search(note)
        if match and sum(c.isdigit() for c in match[1]) >= 3:
            return match[1], kind2
    return "", kind2


def _label(kind: str, kind2: str) -> str:
    """TYPE_OF_DOCUMENT, plus TYPE_OF_DOCUMENT2 when it says more ("Ration card number")."""
    extra = kind2.rstrip(" :")
    key = extra.casefold().removesuffix(".")
    if key in _UNINFORMATIVE or key == kind.casefold() or key in kind.casefold():
        return kind
    return f"{kind} ({extra})"
