"""Write PAXLST interchanges: test flights, benchmark flights and demos are built with this.

Follows the layout `hajiz.manifests.paxlst` reads (WCO/IATA/ICAO API guidelines, D05B), with
codes as carriers send them: ICAO alpha-3 countries, IATA airports, YYMMDD dates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from hajiz.manifests.edifact import DEFAULT_DELIMITERS, Delimiters, format_segment


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A DOC group to write: type code, number, expiry, issuing state (alpha-3)."""

    code: str
    number: str
    expiry: date | None = None
    issuer: str = ""


@dataclass(frozen=True, slots=True)
class TravellerRecord:
    """A traveller's NAD group to write, with values as a carrier sends them."""

    surname: str
    given_names: tuple[str, ...] = ()
    party: str = "FL"
    gender: str = ""  # M, F, U, X
    birth_date: date | None = None
    nationality: str = ""  # ICAO alpha-3
    birth_country: str = ""
    residence: str = ""
    embarkation: str = ""
    debarkation: str = ""
    reservation: str = ""
    documents: tuple[DocumentRecord, ...] = ()
    extra: tuple[tuple[str, tuple[str | tuple[str, ...], ...]], ...] = ()  # raw segments to add


@dataclass(frozen=True, slots=True)
class FlightRecord:
    """The flight of the manifest."""

    number: str = "XY123"
    carrier: str = "XY"
    departure: str = "CAI"
    departure_at: datetime = datetime(2025, 3, 1, 9, 30)
    arrival: str = "FRA"
    arrival_at: datetime = datetime(2025, 3, 1, 13, 45)
    document: str = "745"  # 745 passenger list, 250 crew list


@dataclass(frozen=True, slots=True)
class Envelope:
    """Interchange facts: parties, time, references, how it is laid out."""

    sender: str = "XYAIRLINE"
    recipient: str = "BORDERAGENCY"
    prepared_at: datetime = datetime(2025, 3, 1, 8, 0)
    reference: str = "000000001"
    delimiters: Delimiters = DEFAULT_DELIMITERS
    with_una: bool = True
    with_group: bool = False  # UNG/UNE around the messages
    per_message: int = 0  # split into messages of at most this many travellers (0: one)
    line_break: str = "\n"
    extra_header: tuple[str, ...] = field(default_factory=tuple)  # raw segments after BGM


def _yymmdd(value: date) -> str:
    return value.strftime("%y%m%d")


def _stamp(value: datetime) -> str:
    return value.strftime("%y%m%d%H%M")


def traveller_segments(record: TravellerRecord) -> list[tuple[str, list[str | list[str]]]]:
    """The segments of one traveller's group, as (tag, elements)."""
    name = [record.surname, *record.given_names]
    segments: list[tuple[str, list[str | list[str]]]] = [("NAD", [record.party, "", "", name])]
    if record.gender:
        segments.append(("ATT", ["2", "", [record.gender]]))
    if record.birth_date:
        segments.append(("DTM", [["329", _yymmdd(record.birth_date)]]))
    if record.embarkation:
        segments.append(("LOC", ["178", [record.embarkation]]))
    if record.debarkation:
        segments.append(("LOC", ["179", [record.debarkation]]))
    if record.residence:
        segments.append(("LOC", ["174", [record.residence]]))
    if record.birth_country:
        segments.append(("LOC", ["180", [record.birth_country]]))
    if record.nationality:
        segments.append(("NAT", ["2", [record.nationality]]))
    if record.reservation:
        segments.append(("RFF", [["AVF", record.reservation]]))
    for tag, elements in record.extra:
        segments.append((tag, [e if isinstance(e, str) else list(e) for e in elements]))
    for document in record.documents:
        segments.append(("DOC", [[document.code, "110", "111"], [document.number]]))
        if document.expiry:
            segments.append(("DTM", [["36", _yymmdd(document.expiry)]]))
        if document.issuer:
            segments.append(("LOC", ["91", [document.issuer]]))
    return segments


def _message(
    reference: str,
    flight: FlightRecord,
    travellers: Sequence[TravellerRecord],
    envelope: Envelope,
    part: tuple[int, bool] | None,
) -> list[str]:
    d = envelope.delimiters
    header: list[str | list[str]] = [reference, ["PAXLST", "D", "05B", "UN", "IATA"]]
    if part is not None:
        number, is_last = part
        common = f"{flight.number}{_yymmdd(flight.departure_at.date())}"
        header += [common, [f"{number:02d}", "F" if is_last else "C"]]
    lines = [
        format_segment("UNH", header, d),
        format_segment("BGM", [flight.document], d),
        *envelope.extra_header,
        format_segment("NAD", ["MS", "", "", ["OPERATIONS"]], d),
        format_segment("COM", [["0044123456", "TE"]], d),
        format_segment("TDT", ["20", flight.number, "", "", [flight.carrier]], d),
        format_segment("LOC", ["125", [flight.departure]], d),
        format_segment("DTM", [["189", _stamp(flight.departure_at), "201"]], d),
        format_segment("LOC", ["87", [flight.arrival]], d),
        format_segment("DTM", [["232", _stamp(flight.arrival_at), "201"]], d),
    ]
    for record in travellers:
        lines += [format_segment(tag, elements, d) for tag, elements in traveller_segments(record)]
    lines.append(format_segment("CNT", [["42", str(len(travellers))]], d))
    lines.append(format_segment("UNT", [str(len(lines) + 1), reference], d))
    return lines


def _chunks(items: Sequence[TravellerRecord], size: int) -> Iterable[Sequence[TravellerRecord]]:
    if size <= 0 or len(items) <= size:
        yield items
        return
    for start in range(0, len(items), size):
        yield items[start : start + size]


def write_paxlst(
    flight: FlightRecord, travellers: Sequence[TravellerRecord], envelope: Envelope | None = None
) -> str:
    """A whole PAXLST interchange for the flight and its travellers."""
    envelope = envelope or Envelope()
    d = envelope.delimiters
    prepared = [envelope.prepared_at.strftime("%y%m%d"), envelope.prepared_at.strftime("%H%M")]
    lines = [d.una] if envelope.with_una else []
    lines.append(
        format_segment(
            "UNB",
            [
                ["UNOA", "4"],
                [envelope.sender, "ZZ"],
                [envelope.recipient, "ZZ"],
                prepared,
                envelope.reference,
                "",
                "APIS",
            ],
            d,
        )
    )
    if envelope.with_group:
        lines.append(
            format_segment(
                "UNG",
                ["PAXLST", [envelope.sender, "ZZ"], [envelope.recipient, "ZZ"], prepared, "1",
                 "UN", ["D", "05B"]],
                d,
            )
        )  # fmt: skip
    chunks = list(_chunks(travellers, envelope.per_message))
    for number, chunk in enumerate(chunks, start=1):
        part = (number, number == len(chunks)) if len(chunks) > 1 else None
        lines += _message(f"PAX{number:03d}", flight, chunk, envelope, part)
    if envelope.with_group:
        lines.append(format_segment("UNE", [str(len(chunks)), "1"], d))
    units = 1 if envelope.with_group else len(chunks)
    lines.append(format_segment("UNZ", [str(units), envelope.reference], d))
    return envelope.line_break.join(lines) + envelope.line_break
