"""Property: any travellers written as PAXLST (any separators, layout, split) read back the same."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hajiz.manifests import parse_paxlst
from hajiz.manifests.edifact import Delimiters
from hajiz.manifests.values import country
from hajiz.manifests.writer import (
    DocumentRecord,
    Envelope,
    FlightRecord,
    TravellerRecord,
    write_paxlst,
)

TODAY = date(2025, 3, 1)
# Letters plus every service character of both delimiter sets below, and a space.
NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZÉÖ'-+:?*|!~. "
NUMBER_CHARS = "ABCXYZ0123456789+:?'*|!~"
STATES = ["EGY", "IRQ", "DEU", "GBR", "FRA", "SYR", "JOR", "USA"]
DELIMITERS = [Delimiters(), Delimiters("*", "|", ",", "!", " ", "~")]

names = st.text(NAME_CHARS, min_size=1, max_size=24).filter(lambda s: any(c.isalpha() for c in s))
documents = st.builds(
    DocumentRecord,
    code=st.sampled_from(["P", "I", "V", "AC"]),
    number=st.text(NUMBER_CHARS, min_size=1, max_size=12),
    expiry=st.none() | st.dates(TODAY - timedelta(days=40 * 365), TODAY + timedelta(days=40 * 365)),
    issuer=st.sampled_from(["", *STATES]),
)
travellers = st.builds(
    TravellerRecord,
    surname=names,
    given_names=st.lists(names, max_size=3).map(tuple),
    party=st.sampled_from(["FL", "FM", "COT", "DDT"]),
    gender=st.sampled_from(["", "M", "F"]),
    birth_date=st.none() | st.dates(TODAY - timedelta(days=99 * 365), TODAY),
    nationality=st.sampled_from(["", *STATES]),
    documents=st.lists(documents, max_size=3).map(tuple),
)
envelopes = st.builds(
    Envelope,
    delimiters=st.sampled_from(DELIMITERS),
    with_group=st.booleans(),
    per_message=st.integers(0, 4),
    line_break=st.sampled_from(["", "\n", "\r\n"]),
)


def spaced(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=150, deadline=None)
@given(st.lists(travellers, min_size=1, max_size=9), envelopes)
def test_written_travellers_read_back_unchanged(records, envelope):
    manifest = parse_paxlst(write_paxlst(FlightRecord(), records, envelope), today=TODAY)
    assert manifest.warnings == ()
    assert len(manifest.travellers) == len(records)
    for record, traveller in zip(records, manifest.travellers, strict=True):
        assert traveller.problems == ()
        assert traveller.surname == spaced(record.surname)
        assert traveller.given_names == " ".join(spaced(g) for g in record.given_names if g.strip())
        assert traveller.role == ("crew" if record.party in ("FM", "DDT") else "passenger")
        assert (traveller.gender.value[0].upper() if traveller.gender else "") == record.gender
        assert traveller.birth_date == record.birth_date
        assert traveller.nationalities == (
            (country(record.nationality),) if record.nationality else ()
        )
        assert [
            (d.code, d.number, d.expiry, d.issuing_code or "") for d in traveller.documents
        ] == [(d.code, d.number.strip(), d.expiry, d.issuer) for d in record.documents]
