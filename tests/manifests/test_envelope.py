"""The envelopes (UNB/UNG/UNH/UNT/UNE/UNZ): every count and reference is checked."""

from __future__ import annotations

import pytest

from hajiz.errors import WrongFormat
from hajiz.manifests import parse_paxlst

BODY = "BGM+745'TDT+20+XY1+++XY'NAD+FL+++SMITH:ANNA'DTM+329:800101'CNT+42:1'"
MESSAGE = f"UNH+1+PAXLST:D:05B:UN:IATA'{BODY}UNT+7+1'"


def interchange(messages: str = MESSAGE, count: int = 1, trailer_ref: str = "R1") -> str:
    return f"UNA:+.? 'UNB+UNOA:4+AIR+GOV+250301:0800+R1'{messages}UNZ+{count}+{trailer_ref}'"


def refused(text: str) -> str:
    with pytest.raises(WrongFormat) as error:
        parse_paxlst(text, source="flight.edi")
    return error.value.detail


def test_a_whole_interchange_is_read():
    manifest = parse_paxlst(interchange())
    assert manifest.reference == "R1" and manifest.messages == ("1",)
    assert [t.name for t in manifest.travellers] == ["SMITH, ANNA"]


def test_groups_are_read_and_counted():
    text = interchange(f"UNG+PAXLST+AIR+GOV+250301:0800+G1+UN+D:05B'{MESSAGE}UNE+1+G1'")
    assert len(parse_paxlst(text).travellers) == 1
    bad = interchange(f"UNG+PAXLST+AIR+GOV+250301:0800+G1+UN+D:05B'{MESSAGE}UNE+2+G1'")
    assert "UNE says 2 messages, but there are 1" in refused(bad)


def test_no_unh_is_refused():
    assert "no UNH" in refused(interchange("", count=0))


def test_segments_outside_a_message_are_refused():
    detail = refused(interchange(f"{BODY}{MESSAGE}"))
    assert "BGM is outside any message" in detail and "segment 3" in detail


def test_a_wrong_unt_count_is_refused_naming_both_counts():
    detail = refused(interchange(MESSAGE.replace("UNT+7+1", "UNT+9+1")))
    assert "UNT says 9 segments, but there are 7" in detail
    assert detail.startswith("flight.edi (UNT at segment 9)")


def test_a_unt_reference_that_is_not_the_unh_one_is_refused():
    assert "closes reference '2'" in refused(interchange(MESSAGE.replace("UNT+7+1", "UNT+7+2")))


def test_unz_count_and_reference_are_checked():
    assert "UNZ says 2 messages or groups" in refused(interchange(count=2))
    assert "closes reference 'R9'" in refused(interchange(trailer_ref="R9"))


def test_a_message_left_open_is_refused():
    detail = refused(interchange(MESSAGE.replace("UNT+7+1'", "")))
    assert "not closed by UNT" in detail


def test_a_missing_unz_and_segments_after_it_are_refused():
    text = interchange()
    assert "no UNZ at the end" in refused(text[: text.index("UNZ")])
    assert "after UNZ" in refused(text + "NAD+FL+++X'")


def test_an_interchange_must_start_with_unb():
    assert "starts with UNB" in refused(MESSAGE)


def test_another_message_type_is_refused():
    text = interchange(MESSAGE.replace("PAXLST:D", "CUSRES:D"))
    assert "is a CUSRES message, not PAXLST" in refused(text)
