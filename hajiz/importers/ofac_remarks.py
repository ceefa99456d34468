"""The Remarks column of OFAC's sdn.csv: `DOB 1971; POB Samarra'i, Iraq; a.k.a. 'ABU DU''A'.`

Remarks are `;`-separated statements, each optionally prefixed `alt.`. Weak ("low quality")
a.k.a.s live only here, quoted with `'` (a quote inside is sometimes doubled). OFAC cuts the
column at 1,000 characters, so the last statement may be incomplete.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hajiz.importers.common import collapse, country_code, place_from_text
from hajiz.importers.dates import parse_text_date
from hajiz.model import BirthDate, DateKind, Document, Gender, Place

# The closing quote is the one followed by `;` or the end of the remarks.
_AKA = re.compile(r"\b([afn])\.k\.a\.\s+'(.*?)'(?=\s*(?:;|\.?\s*$))")
_UNCLOSED_AKA = re.compile(r"\b[afn]\.k\.a\.\s+'([^;]*)$")
_RANGE = re.compile(r"^(.+?)\s+to\s+(.+)$")
_YEAR_RANGE = re.compile(r"^(\d{4})\s*-\s*(\d{4})$")
_GENDERS = {"male": Gender.MALE, "female": Gender.FEMALE}
# Identity document statements: a type, a number, then `(Country)` and maybe dates.
_DOCUMENT = re.compile(
    r"^(?P<type>(?:[A-Z][\w'.-]*\s+){0,4}?"
    r"(?:Passport(?:\s+Booklet)?|ID\s+No\.|ID\s+Card|ID\s+Number|Identification\s+Number"
    r"|Cedula\s+No\.|D\.N\.I\.|NIT\s+#|C\.U\.R\.P\.|R\.F\.C\.|Registry\s+No\."
    r"|License\s+No\.|Certificate\s+Number|Residency\s+Number|LE\s+Number|Card\s+Number"
    r"|Document\s+Number|Registration\s+ID|Registration\s+Number|VisaNumberID|Immigration\s+No\.|SSN))"
    r":?\s+(?P<rest>.+)$"
)
_PARENTHESES = re.compile(r"\(([^()]+)\)")
_DOCUMENT_DATES = re.compile(r"(?:^|\s+)((?:issued|expires|expired)\b.*)$")


@dataclass
class Remarks:
    """What the remarks state about a listed person."""

    weak_aliases: list[tuple[str, str]] = field(default_factory=list)
    birth_dates: list[BirthDate] = field(default_factory=list)
    birth_places: list[Place] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)
    gender: Gender | None = None
    documents: list[Document] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def unquote_alias(text: str) -> str:
    """`'FOOPIE'` (quoted twice over) -> FOOPIE, `ABU DU''A` -> ABU DU'A."""
    text = text.strip()
    if len(text) > 1 and text.startswith("'") and text.endswith("'"):
        text = text[1:-1]
    return collapse(text.replace("''", "'"))


def parse_remarks(remarks: str, *, is_person: bool) -> Remarks:
    """Read the statements of one Remarks value; what is not understood is left for remarks."""
    found = Remarks()
    text = collapse(remarks)
    for match in _AKA.finditer(text):
        name = unquote_alias(match.group(2))
        if name:
            found.weak_aliases.append((f"{match.group(1)}.k.a.", name))
    rest = _AKA.sub("", text)
    unclosed = _UNCLOSED_AKA.search(rest)
    if unclosed:
        found.problems.append(f"a.k.a. '{unclosed.group(1)} is cut off; not imported")
        rest = rest[: unclosed.start()]
    if not is_person:
        return found
    for statement in rest.rstrip(" .").split(";"):
        _read_statement(collapse(statement).removeprefix("alt. "), found)
    return found


def _read_statement(statement: str, found: Remarks) -> None:
    if statement.startswith("DOB "):
        birth_date = parse_dob(statement[4:])
        if birth_date is None:
            found.problems.append(f"{statement!r} is not a date; kept in remarks only")
        else:
            found.birth_dates.append(birth_date)
    elif statement.startswith("POB "):
        found.birth_places.append(place_from_text(statement[4:]))
    elif statement.startswith(("nationality ", "citizen ")):
        code = country_code(statement.split(" ", 1)[1])
        if code:
            found.nationalities.append(code)
    elif statement.startswith("Gender "):
        found.gender = _GENDERS.get(statement[7:].strip(" .").casefold(), found.gender)
    else:
        document = parse_document(statement)
        if document is not None:
            found.documents.append(document)


def parse_dob(text: str) -> BirthDate | None:
    """`1971`, `07 Oct 1984`, `Oct 1984`, `circa 1970`, `1960 to 1962`, `circa 1979-1982`."""
    text = text.strip(" .")
    is_circa = text.startswith("circa ")
    text = text.removeprefix("circa ").strip()
    try:
        span = _RANGE.match(text) or _YEAR_RANGE.match(text)
        if span:
            start, end = parse_text_date(span.group(1)), parse_text_date(span.group(2))
            if start is None or end is None:
                return None
            note = "circa" if is_circa else None
            return BirthDate(kind=DateKind.BETWEEN, start=start, end=end, note=note)
        date = parse_text_date(text)
    except ValueError:
        return None
    if date is None:
        return None
    return BirthDate(kind=DateKind.APPROXIMATE if is_circa else DateKind.EXACT, date=date)


def parse_document(statement: str) -> Document | None:
    """`Passport U01292672 (Turkey) expires 01 Feb 2021` -> Document; None if not a document."""
    match = _DOCUMENT.match(statement)
    if match is None:
        return None
    rest = match["rest"]
    country: str | None = None
    note = ""
    for group in _PARENTHESES.finditer(rest):
        code = country_code(group.group(1))
        if code is not None:
            country = code
            note = rest[group.end() :].strip()
            rest = rest[: group.start()]
            break
    else:
        dates = _DOCUMENT_DATES.search(rest)
        if dates:
            note, rest = dates.group(1), rest[: dates.start()]
    number, _, extra = rest.partition(",")
    number = number.strip()
    note = "; ".join(p for p in (extra.strip(), note) if p)
    if not any(c.isalnum() for c in number):
        return None
    return Document(type=match["type"], number=number, country=country, note=note or None)
