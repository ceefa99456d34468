"""EDIFACT syntax: the UNA service string advice, release characters, segment numbering."""

from __future__ import annotations

import sys

import pytest

from hajiz.errors import ConfigError, WrongFormat
from hajiz.manifests.edifact import Delimiters, format_segment, read_segments


def test_default_separators_split_segments_elements_and_components():
    _, segments = read_segments("UNB+UNOA:4+SENDER'NAD+FL+++AL SAYED:OMAR::ALI'UNZ+1+R'")
    nad = segments[1]
    assert [s.tag for s in segments] == ["UNB", "NAD", "UNZ"]
    assert nad.elements == (("FL",), ("",), ("",), ("AL SAYED", "OMAR", "", "ALI"))
    assert nad.value(3, 1) == "OMAR" and nad.value(3, 9) == "" and nad.value(7) == ""
    assert [s.position for s in segments] == [1, 2, 3]


@pytest.mark.parametrize(
    ("written", "value"),
    [("O?'BRIEN", "O'BRIEN"), ("A?+B", "A+B"), ("A?:B", "A:B"), ("50?? OFF", "50? OFF")],
)
def test_release_character_makes_service_characters_plain(written, value):
    _, segments = read_segments(f"UNA:+.? 'UNB+UNOA:4'NAD+FL+++{written}:X'UNZ+0+R'")
    assert segments[1].value(3, 0) == value
    # The UNA counts as segment 1, so positions match lines of a one-segment-per-line file.
    assert segments[1].position == 3


def test_una_declares_custom_separators():
    text = "UNA*|,! ~UNB|UNOA*4~NAD|FL|||A!|B*C!~D*E!*F!!G~"
    delimiters, segments = read_segments(text)
    assert delimiters == Delimiters("*", "|", ",", "!", " ", "~")
    assert segments[1].components(3) == ("A|B", "C~D", "E*F!G")


def test_a_space_release_character_means_none():
    delimiters, segments = read_segments("UNA:+.  'UNB+UNOA:4'NAD+FL+++A?B'")
    assert delimiters.release is None
    assert segments[1].value(3) == "A?B"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("UNA:+.", "cut short"),
        ("UNA:::? 'UNB'", "one character for two roles"),
        ("UNAA+.? 'UNB'", "letters, digits and line breaks cannot be"),
        ("", "empty"),
        ("UNB+UNOA:4'NAD+FL+++SMITH", "ends inside a segment"),
        ("UNB+UNOA:4'NAD+FL+++SMITH?\nX'", "Newlines after escape"),
    ],
)
def test_unreadable_syntax_is_refused_naming_the_problem(text, problem):
    with pytest.raises(WrongFormat) as error:
        read_segments(text, "flight.edi")
    assert problem in error.value.detail
    assert error.value.detail.startswith("flight.edi")


def test_format_segment_escapes_and_drops_trailing_empties():
    text = format_segment("NAD", ["FL", "", "", ["O'BRIEN", "A+B:C?", ""], "", ""])
    assert text == "NAD+FL+++O?'BRIEN:A?+B?:C??'"
    _, segments = read_segments(f"UNB+UNOA:4'{text}")
    assert segments[1].components(3) == ("O'BRIEN", "A+B:C?")


def test_format_segment_with_custom_delimiters_round_trips():
    delimiters = Delimiters("*", "|", ",", "!", " ", "~")
    text = format_segment("NAD", ["FL", "", "", ["A|B", "C~D*!"]], delimiters)
    _, segments = read_segments(delimiters.una + "UNB|UNOA*4~" + text)
    assert segments[1].components(3) == ("A|B", "C~D*!")


def test_without_the_paxlst_extra_the_error_says_what_to_install(monkeypatch):
    for module in ("pydifact.exceptions", "pydifact.parser"):
        monkeypatch.setitem(sys.modules, module, None)  # as if not installed
    with pytest.raises(ConfigError) as error:
        read_segments("UNB+UNOA:4'")
    assert "pip install 'hajiz[paxlst]'" in error.value.detail
