"""Parse a UN/EDIFACT PAXLST interchange (the API message carriers send) into a Manifest.

Layout read (WCO/IATA/ICAO API guidelines, PAXLST D02B-D05B):

    UNA UNB [UNG] UNH BGM [RFF] [DTM] [NAD+MS COM]       envelopes, document, reporting party
    TDT LOC DTM LOC DTM                                  flight, departure and arrival
    NAD+FL|COT|FM|DDT ATT DTM+329 LOC NAT RFF             one group per traveller ...
        DOC DTM+36 LOC+91                                 ... with one group per document
    CNT UNT [UNE] UNZ

A broken envelope refuses the whole interchange (WrongFormat). Inside a message, a segment that
cannot be read becomes a problem of the traveller it belongs to, naming the segment; that
traveller is not screened, every other one is. Pure: text in, Manifest out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from hajiz.errors import WrongFormat
from hajiz.manifests import values
from hajiz.manifests.edifact import Segment, read_segments
from hajiz.manifests.envelope import Interchange, Message, read_interchange
from hajiz.manifests.model import Flight, Manifest, Stop, TravelDocument, Traveller
from hajiz.model import Gender

PASSENGER_PARTIES = {"FL": "passenger", "COT": "passenger", "FM": "crew", "DDT": "crew"}
# Segments a PAXLST traveller group may hold that screening does not use.
_IGNORED = {"GEI", "FTX", "MEA", "GIS", "COM", "EMP", "QTY", "CPI", "TSR", "CTA", "EQD", "SEL"}
# Segments of the message header, out of place inside a traveller group.
_HEADER_ONLY = {"BGM", "TDT"}
# Characters that have no place in a manifest and hide what a name says: controls, bidi
# controls, zero-width characters.
_HIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)


@dataclass
class _Draft:
    """A traveller while its group is read."""

    number: int
    nad: Segment
    message: str
    role: str = "unknown"
    surname: str = ""
    given_names: str = ""
    gender: Gender | None = None
    birth_date: date | None = None
    nationalities: list[str] = field(default_factory=list)
    birth_country: str | None = None
    birth_place: str | None = None
    residence_country: str | None = None
    embarkation: str | None = None
    debarkation: str | None = None
    reservation: str | None = None
    documents: list[TravelDocument] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def problem(self, segment: Segment, text: str) -> None:
        self.problems.append(f"{segment.where}: {text}")

    def freeze(self) -> Traveller:
        return Traveller(
            number=self.number,
            role=self.role,
            party=self.nad.value(0),
            surname=self.surname,
            given_names=self.given_names,
            segment=self.nad.position,
            message=self.message,
            gender=self.gender,
            birth_date=self.birth_date,
            nationalities=tuple(dict.fromkeys(self.nationalities)),
            birth_country=self.birth_country,
            birth_place=self.birth_place,
            residence_country=self.residence_country,
            embarkation=self.embarkation,
            debarkation=self.debarkation,
            reservation=self.reservation,
            documents=tuple(self.documents),
            problems=tuple(self.problems),
            notes=tuple(self.notes),
        )


def _hidden_character(segment: Segment) -> str | None:
    for element in segment.elements:
        for component in element:
            found = _HIDDEN.search(component)
            if found:
                return f"U+{ord(found.group()):04X}"
    return None


def _name_part(text: str) -> str:
    # MRZ fillers and runs of spaces become single spaces.
    return " ".join(text.replace("<", " ").split())


class _MessageReader:
    """Reads the travellers of one message, numbering them from `first`."""

    def __init__(self, message: Message, first: int, today: date) -> None:
        self.message = message
        self.next_number = first
        self.today = today
        self.warnings: list[str] = []
        self.travellers: list[Traveller] = []
        self.document = ""
        self.flight_number: str | None = None
        self.carrier: str | None = None
        self.stops: dict[str, Stop] = {}
        self.counted: int | None = None
        self.has_flight = False  # after TDT, every NAD is a traveller

    def warn(self, segment: Segment, text: str) -> None:
        self.warnings.append(f"message {self.message.reference!r}, {segment.where}: {text}")

    def date(self, segment: Segment, *, is_past: bool = False) -> datetime:
        return values.parse_date(
            segment.value(0, 1), segment.value(0, 2), today=self.today, is_past=is_past
        )

    def read(self) -> None:
        draft: _Draft | None = None
        last_location: str | None = None
        for segment in self.message.body:
            is_traveller = segment.tag == "NAD" and (
                segment.value(0) in PASSENGER_PARTIES or draft is not None or self.has_flight
            )
            if is_traveller:
                if draft is not None:
                    self.travellers.append(draft.freeze())
                draft = self.start(segment)
            elif segment.tag == "CNT":
                if draft is not None:
                    self.travellers.append(draft.freeze())
                    draft = None
                self.count(segment)
            elif draft is not None:
                self.traveller_segment(draft, segment)
            else:
                last_location = self.header_segment(segment, last_location)
        if draft is not None:
            self.travellers.append(draft.freeze())

    # --- the header: document, flight, departure and arrival ----------------------------------

    def header_segment(self, segment: Segment, last_location: str | None) -> str | None:
        tag = segment.tag
        if tag == "BGM":
            self.document = segment.value(0)
        elif tag == "TDT":
            self.has_flight = True
            self.flight_number = segment.value(1) or None
            self.carrier = segment.value(4) or None
        elif tag == "LOC":
            qualifier, airport = segment.value(0), segment.value(1)
            if qualifier in ("125", "87") and airport:
                self.stops[qualifier] = Stop(airport)
                return qualifier
        elif tag == "DTM":
            qualifier = segment.value(0, 0)
            if last_location and qualifier in ("189", "232"):
                try:
                    at = self.date(segment)
                except ValueError as error:
                    self.warn(segment, f"flight date/time left out: {error}")
                    return last_location
                self.stops[last_location] = replace(self.stops[last_location], at=at)
        elif not segment.has_valid_tag:
            self.warn(segment, f"{segment.tag!r} is not a segment tag; skipped")
        elif tag not in {"RFF", "NAD", "COM", "CTA"} | _IGNORED:
            self.warn(segment, "not a PAXLST header segment; skipped")
        return last_location

    def count(self, segment: Segment) -> None:
        if segment.value(0, 0) in ("41", "42") and segment.value(0, 1).isdigit():
            self.counted = (self.counted or 0) + int(segment.value(0, 1))

    @property
    def flight(self) -> Flight:
        return Flight(self.flight_number, self.carrier, self.stops.get("125"), self.stops.get("87"))

    # --- one traveller ------------------------------------------------------------------------

    def start(self, nad: Segment) -> _Draft:
        draft = _Draft(self.next_number, nad, self.message.reference)
        self.next_number += 1
        party = nad.value(0)
        draft.surname = _name_part(nad.value(3, 0))
        draft.given_names = " ".join(p for p in (_name_part(c) for c in nad.components(3)[1:]) if p)
        if party in PASSENGER_PARTIES:
            draft.role = PASSENGER_PARTIES[party]
        else:
            draft.problem(
                nad, f"party {party!r} is not a traveller (FL, COT passengers; FM, DDT crew)"
            )
        hidden = _hidden_character(nad)
        if hidden:
            draft.problem(nad, f"the name holds an invisible or control character ({hidden})")
        if not draft.surname and not draft.given_names:
            draft.problem(nad, "no name (element 4, party name, is empty)")
        return draft

    def traveller_segment(self, draft: _Draft, segment: Segment) -> None:
        tag = segment.tag
        hidden = _hidden_character(segment)
        if hidden:
            draft.problem(segment, f"holds an invisible or control character ({hidden})")
            return
        try:
            if tag == "ATT":
                if segment.value(0) == "2":
                    draft.gender = values.gender(segment.value(2, 0))
            elif tag == "DTM":
                self.traveller_date(draft, segment)
            elif tag == "LOC":
                self.traveller_location(draft, segment)
            elif tag == "NAT":
                self.nationality(draft, segment)
            elif tag == "RFF":
                if segment.value(0, 0) == "AVF":
                    draft.reservation = segment.value(0, 1) or None
            elif tag == "DOC":
                self.document_start(draft, segment)
            elif not segment.has_valid_tag:
                draft.problem(segment, f"{tag!r} is not a segment tag")
            elif tag in _HEADER_ONLY:
                draft.problem(segment, "a message header segment inside a traveller's group")
            elif tag not in _IGNORED:
                draft.problem(segment, f"unknown segment {tag!r} in a traveller's group")
        except ValueError as error:
            draft.problem(segment, str(error))

    def traveller_date(self, draft: _Draft, segment: Segment) -> None:
        qualifier = segment.value(0, 0)
        if qualifier == "329":
            draft.birth_date = self._date(segment, "birth date", is_past=True).date()
        elif qualifier == "36":
            if not draft.documents:
                raise ValueError("an expiry date (DTM+36) with no DOC before it")
            expiry = self._date(segment, "expiry date").date()
            draft.documents[-1] = replace(draft.documents[-1], expiry=expiry)

    def _date(self, segment: Segment, what: str, *, is_past: bool = False) -> datetime:
        if not segment.value(0, 1):
            raise ValueError(f"{what} is empty")
        try:
            value = self.date(segment, is_past=is_past)
        except ValueError as error:
            raise ValueError(f"{what} {error}") from None
        return value

    def traveller_location(self, draft: _Draft, segment: Segment) -> None:
        qualifier, code = segment.value(0), segment.value(1, 0)
        if qualifier == "178":
            draft.embarkation = code or None
        elif qualifier == "179":
            draft.debarkation = code or None
        elif qualifier == "174":
            draft.residence_country = self._country(draft, segment, code, "residence")
        elif qualifier == "180":
            draft.birth_country = self._country(draft, segment, code, "birth")
            place = segment.value(1, 3) or segment.value(2, 3)
            draft.birth_place = place or None
        elif qualifier == "91":
            if not draft.documents:
                raise ValueError("an issuing country (LOC+91) with no DOC before it")
            issuer = self._country(draft, segment, code, "issuing")
            last = draft.documents[-1]
            draft.documents[-1] = replace(last, issuing_country=issuer, issuing_code=code or None)

    def _country(self, draft: _Draft, segment: Segment, code: str, what: str) -> str | None:
        if not code:
            return None
        found = values.country(code)
        if found is None:
            draft.notes.append(
                f"{segment.where}: {what} country {code!r} is no ISO/ICAO state code; left out"
            )
        return found

    def nationality(self, draft: _Draft, segment: Segment) -> None:
        code = segment.value(1, 0)
        if not code:
            raise ValueError("no nationality code")
        found = self._country(draft, segment, code, "nationality")
        if found:
            draft.nationalities.append(found)

    def document_start(self, draft: _Draft, segment: Segment) -> None:
        code, number = segment.value(0, 0), segment.value(1, 0)
        if not number:
            raise ValueError(f"document {code or '(no type)'} has no number")
        draft.documents.append(TravelDocument(code, values.document_label(code), number))


def _prepared_at(header: Segment, today: date) -> datetime | None:
    stamp = header.value(3, 0) + header.value(3, 1)
    try:
        return values.parse_date(stamp, "", today=today)
    except ValueError:
        return None


def manifest_from_interchange(
    interchange: Interchange, *, source: str = "manifest", today: date | None = None
) -> Manifest:
    """Read the travellers of every PAXLST message of a checked interchange."""
    today = today or date.today()
    for message in interchange.messages:
        if message.type != "PAXLST":
            raise WrongFormat(
                source,
                f"message {message.reference!r} is a {message.type or '(no type)'} message, "
                "not PAXLST",
                message.header.where,
            )
    travellers: list[Traveller] = []
    warnings: list[str] = []
    flight: Flight | None = None
    document = ""
    counted: list[int] = []
    for message in interchange.messages:
        reader = _MessageReader(message, len(travellers) + 1, today)
        reader.read()
        travellers += reader.travellers
        warnings += reader.warnings
        document = document or reader.document
        if reader.counted is not None:
            counted.append(reader.counted)
        if flight is None:
            flight = reader.flight
        elif reader.flight.number and reader.flight.number != flight.number:
            warnings.append(
                f"message {message.reference!r} is for flight {reader.flight.number}, "
                f"not {flight.number}"
            )
    if counted and sum(counted) != len(travellers) and counted[-1] != len(travellers):
        warnings.append(
            f"CNT states {sum(counted)} travellers, but the manifest holds {len(travellers)}"
        )
    header = interchange.header
    return Manifest(
        reference=interchange.reference,
        sender=header.value(1, 0),
        recipient=header.value(2, 0),
        prepared_at=_prepared_at(header, today),
        syntax=":".join(header.components(0)),
        messages=tuple(m.reference for m in interchange.messages),
        document=document,
        flight=flight or Flight(),
        travellers=tuple(travellers),
        warnings=tuple(warnings),
    )


def parse_paxlst(text: str, *, source: str = "manifest", today: date | None = None) -> Manifest:
    """Parse a PAXLST interchange; raise WrongFormat when its envelopes are broken."""
    _, segments = read_segments(text, source)
    return manifest_from_interchange(read_interchange(segments, source), source=source, today=today)
