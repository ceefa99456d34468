"""What a PAXLST passenger manifest says: the interchange, the flight and each traveller."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from hajiz.model import Gender


@dataclass(frozen=True, slots=True)
class TravelDocument:
    """A travel document from a DOC group: type code and number, expiry, issuing country."""

    code: str  # as sent: P (passport), I (identity card), V (visa), AC (crew certificate) ...
    label: str  # what the code means, as the screening compares documents
    number: str
    expiry: date | None = None
    issuing_country: str | None = None  # ISO 3166 alpha-2 when recognisable
    issuing_code: str | None = None  # as sent (ICAO 9303 alpha-3)


@dataclass(frozen=True, slots=True)
class Traveller:
    """One passenger or crew member (a NAD group), with what could not be read in it."""

    number: int  # 1-based, in manifest order across messages
    role: str  # "passenger", "crew", or "unknown" for a party code that is neither
    party: str  # the NAD party qualifier as sent: FL, COT, FM, DDT
    surname: str
    given_names: str
    segment: int  # position of the traveller's NAD in the interchange
    message: str  # reference of the message (UNH) that holds the traveller
    gender: Gender | None = None
    birth_date: date | None = None
    nationalities: tuple[str, ...] = ()
    birth_country: str | None = None
    birth_place: str | None = None
    residence_country: str | None = None
    embarkation: str | None = None
    debarkation: str | None = None
    reservation: str | None = None
    documents: tuple[TravelDocument, ...] = ()
    problems: tuple[str, ...] = ()  # unreadable segments: the traveller is not screened
    notes: tuple[str, ...] = ()  # values left out (e.g. an unknown country code)

    @property
    def name(self) -> str:
        """The name as a list shows it: SURNAME, GIVEN NAMES."""
        if self.surname and self.given_names:
            return f"{self.surname}, {self.given_names}"
        return self.surname or self.given_names

    @property
    def label(self) -> str:
        """How messages name the traveller: `traveller 12 (AL-SAYED, OMAR)`."""
        return f"traveller {self.number} ({self.name})" if self.name else f"traveller {self.number}"

    @property
    def error(self) -> str | None:
        """Why the traveller cannot be screened, naming the traveller and each segment."""
        if not self.problems:
            return None
        return f"{self.label}: " + "; ".join(self.problems)


@dataclass(frozen=True, slots=True)
class Stop:
    """An airport of the flight and the scheduled time there."""

    airport: str
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Flight:
    """The flight of the manifest (TDT, LOC and DTM of the header)."""

    number: str | None = None
    carrier: str | None = None
    departure: Stop | None = None
    arrival: Stop | None = None


@dataclass(frozen=True, slots=True)
class Manifest:
    """A parsed PAXLST interchange: envelope facts, the flight, every traveller, warnings."""

    reference: str  # the interchange control reference (UNB)
    sender: str
    recipient: str
    prepared_at: datetime | None
    syntax: str  # e.g. UNOA:4
    messages: tuple[str, ...]  # each message's reference (UNH)
    document: str  # BGM document code: 745 passenger list, 250 crew list
    flight: Flight
    travellers: tuple[Traveller, ...]
    warnings: tuple[str, ...] = ()

    @property
    def passengers(self) -> int:
        """How many travellers are passengers."""
        return sum(1 for t in self.travellers if t.role == "passenger")

    @property
    def crew(self) -> int:
        """How many travellers are crew."""
        return sum(1 for t in self.travellers if t.role == "crew")
