"""Build test flights: the 300-passenger PAXLST with the fixture UN list's persons aboard.

The listed persons come from tests/fixtures/un_sc_small.xml (their primary Latin name, birth
date and nationality, as a passport would give them); everyone else gets common names drawn
from a fixed seed. Every traveller carries a passport, some a second document.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hajiz.importers.un_sc import parse_un_sc
from hajiz.manifests.writer import (
    DocumentRecord,
    Envelope,
    FlightRecord,
    TravellerRecord,
    write_paxlst,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
UN_SMALL = FIXTURES / "un_sc_small.xml"
PAXLST = FIXTURES / "paxlst"
ALPHA3 = {"UG": "UGA", "ER": "ERI", "IQ": "IRQ", "DE": "DEU", "PK": "PAK", "RU": "RUS", "AF": "AFG"}

GIVEN = [
    "JAMES",
    "MARIA",
    "CHEN",
    "SOFIA",
    "LUCAS",
    "EMMA",
    "NOAH",
    "OLIVIA",
    "HANNA",
    "PIETRO",
    "YUKI",
    "AMARA",
    "LENA",
    "TOMAS",
    "INGRID",
    "RAVI",
    "ANIKA",
    "MATEO",
    "CLARA",
    "JONAS",
    "LEILA",
    "SAMIR",
    "RANIA",
    "KARIM",
    "NOUR",
    "TARIK",
    "DALIA",
    "FARID",
    "SALMA",
    "ZIAD",
]
SURNAMES = [
    "SMITH",
    "GARCIA",
    "MULLER",
    "ROSSI",
    "DUBOIS",
    "NOVAK",
    "JENSEN",
    "SILVA",
    "TANAKA",
    "KOWALSKI",
    "OKAFOR",
    "PETERSEN",
    "LINDQVIST",
    "MORENO",
    "SCHMIDT",
    "FISCHER",
    "WEBER",
    "HADDAD",
    "NASSAR",
    "KHOURY",
    "SABBAGH",
    "MANSOUR",
    "AZZAM",
    "BARAKAT",
    "FARAH",
    "HAMDAN",
]
NATIONALITIES = ["GBR", "FRA", "DEU", "ITA", "ESP", "USA", "JOR", "LBN", "EGY", "NLD", "JPN"]


@dataclass(frozen=True)
class TestFlight:
    """A flight's PAXLST text and which travellers (1-based numbers) are listed persons."""

    text: str
    listed: dict[int, str]  # traveller number -> the UN entry id
    count: int


def listed_records() -> list[tuple[str, TravellerRecord]]:
    """The fixture list's persons as travellers: (entry id, record)."""
    records = []
    for entry in parse_un_sc(UN_SMALL).entries:
        if entry.schema_.value != "Person":
            continue
        words = entry.primary_name.upper().split()
        exact = [d.date for d in entry.birth_dates if d.date and d.date.day]
        birth = date(exact[0].year, exact[0].month or 1, exact[0].day or 1) if exact else None
        nationality = ALPHA3.get(entry.nationalities[0], "") if entry.nationalities else ""
        record = TravellerRecord(
            surname=words[-1],
            given_names=(" ".join(words[:-1]),),
            gender="M",
            birth_date=birth,
            nationality=nationality,
            documents=(DocumentRecord("P", f"L{len(records):07d}", date(2030, 1, 1), nationality),),
        )
        records.append((entry.id, record))
    return records


def common_record(rng: random.Random, index: int) -> TravellerRecord:
    """An unlisted traveller with common names, a passport and sometimes an identity card."""
    nationality = rng.choice(NATIONALITIES)
    documents = [DocumentRecord("P", f"P{index:08d}", date(2029, 6, 30), nationality)]
    if rng.random() < 0.3:
        documents.append(DocumentRecord("I", f"ID{index:07d}", None, nationality))
    return TravellerRecord(
        surname=rng.choice(SURNAMES),
        given_names=(rng.choice(GIVEN),),
        party="FM" if index % 50 == 0 else "FL",
        gender=rng.choice("MF"),
        birth_date=date(rng.randint(1940, 2015), rng.randint(1, 12), rng.randint(1, 28)),
        nationality=nationality,
        embarkation="CAI",
        debarkation="FRA",
        reservation=f"R{index:05d}",
        documents=tuple(documents),
    )


def build_flight(count: int = 300, *, seed: int = 8, per_message: int = 150) -> TestFlight:
    """A `count`-traveller flight, the listed persons spread through it, split into messages."""
    rng = random.Random(seed)
    records = [common_record(rng, i) for i in range(count)]
    listed: dict[int, str] = {}
    for slot, (entry_id, record) in enumerate(listed_records()):
        position = (slot * 37 + 11) % count
        records[position] = record
        listed[position + 1] = entry_id
    envelope = Envelope(reference="000300300", per_message=per_message, with_group=True)
    return TestFlight(write_paxlst(FlightRecord(), records, envelope), listed, count)
