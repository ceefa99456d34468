"""The explanation laid out for the page: aligned pairs, unmatched parts, fields, Arabic labels."""

from __future__ import annotations

import pytest

from hajiz.names.labels import arabic_label
from hajiz.web.explain import explanation_view

EXPLANATION = {
    "name": {
        "score": 0.769,
        "query_name": "أبو بكر البغدادي",
        "entry_name": "أبو بكر البغدادي الحسيني",
        "pairs": [
            {
                "query": "abu بكر",
                "entry": "abu bakr",
                "query_latin": "bakr",
                "entry_latin": "bakr",
                "score": 0.95,
                "reason": "transliteration",
                "detail": "",
                "role": "kunya",
            }
        ],
        "unmatched_query": ["al-بغدادي"],
        "unmatched_entry": ["al-حسيني"],
        "reordered": True,
    },
    "name_kind": "weak_alias",
    "features": [
        {
            "feature": "birth_date_agreement",
            "agreement": "mismatch",
            "strength": -0.5,
            "detail": "born 1980; list says 1971",
            "query_value": "1980",
            "candidate_value": "1971",
            "is_decisive": False,
        },
        {"feature": "eye_colour", "agreement": "unknown", "strength": 0.0, "detail": ""},
    ],
    "notes": ["matched a weak alias only"],
}


def test_pairs_come_first_then_each_sides_leftovers() -> None:
    view = explanation_view(EXPLANATION)
    pair, only_query, only_entry = view.parts
    assert (pair.query, pair.entry, pair.reason, pair.score) == (
        "أبو بكر",
        "abu bakr",
        "transliteration",
        0.95,
    )
    assert pair.is_pair and pair.query_latin == "bakr"
    assert pair.entry_latin is None  # the same as what is shown: not repeated
    assert (only_query.query, only_query.entry) == ("البغدادي", None)
    assert (only_entry.query, only_entry.entry) == (None, "الحسيني")
    assert not only_query.is_pair and "traveller" in only_entry.reason
    assert view.is_reordered and view.name_score == 0.769 and view.name_kind == "weak_alias"


def test_fields_read_as_match_mismatch_unknown_with_both_values() -> None:
    birth, other = explanation_view(EXPLANATION).fields
    assert (birth.label, birth.agreement, birth.query_value, birth.entry_value) == (
        "Birth date",
        "MISMATCH",
        "1980",
        "1971",
    )
    assert (other.label, other.agreement, other.query_value) == ("Eye colour", "UNKNOWN", None)


def test_an_explanation_without_a_name_still_renders() -> None:
    view = explanation_view({"features": [], "notes": []})
    assert view.parts == () and view.query_name is None and view.name_score is None


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("abu بكر", "أبو بكر"),
        ("al-بغدادي", "البغدادي"),
        ("abd al-رحمن", "عبد الرحمن"),
        ("صلاح al-din", "صلاح الدين"),
        ("bin abd al-عزيز", "بن عبد العزيز"),
        ("abu bakr", "abu bakr"),
        ("mr بكر", "mr بكر"),
    ],
)
def test_arabic_labels_are_written_in_arabic_alone(label: str, shown: str) -> None:
    assert arabic_label(label) == shown
