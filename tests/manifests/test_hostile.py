"""Property: no text, however broken, makes the parser fail other than with WrongFormat."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from hajiz.errors import WrongFormat
from hajiz.manifests import parse_paxlst, plan_manifest
from tests.manifests.flight import PAXLST

SMALL = (PAXLST / "small.edi").read_text()
ALPHABET = "UNABHZTDMLOCFP+:?' *|!~0123456789\n\r\x00\u202e"


def parse_or_refuse(text: str) -> None:
    try:
        manifest = parse_paxlst(text, today=date(2025, 3, 1))
    except WrongFormat as error:
        assert error.detail
        return
    # Whatever was read can be planned: every traveller gets a query or an error.
    for planned in plan_manifest(manifest):
        assert (planned.query is None) != (planned.error is None)


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=200))
def test_arbitrary_text_is_read_or_refused(text):
    parse_or_refuse(text)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(SMALL) - 1), st.integers(0, 40), st.text(ALPHABET, max_size=5))
def test_a_damaged_manifest_is_read_or_refused(start, length, replacement):
    parse_or_refuse(SMALL[:start] + replacement + SMALL[start + length :])
