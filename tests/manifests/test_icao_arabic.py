"""Reading ICAO Doc 9303 transliterations of Arabic names back into Arabic script."""

from __future__ import annotations

import pytest

from hajiz.manifests.icao_arabic import from_arabic, has_digraph, to_arabic


@pytest.mark.parametrize(
    ("written", "arabic"),
    [
        ("MXHMD", "محمد"),
        ("EBDALLH XSSALXH", "عبدالله صالح"),
        ("XKHALD BN WLYD", "خالد بن وليد"),
        ("MXSSXTTFXAY XHJY MXHMD XKHAN", "مصطفى حجي محمد خان"),
        ("XSHAKR AL-XZZAHR", "شاكر ال ظاهر"),
        ("FAXTTMXAH", "فاطمة"),
        ("MXHMD<<EMR", "محمد عمر"),
    ],
)
def test_doc_9303_names_read_back_into_arabic(written, arabic):
    assert to_arabic(written) == arabic


@pytest.mark.parametrize(
    "name",
    [
        "MOHAMMED ALI",  # a transcription, not a transliteration: no X-digraph
        "ALEXANDER",  # X, but not one of the digraphs' letters after it
        "XHOSA POUND",  # P, O and U are never written by the table
        "",
    ],
)
def test_other_names_are_left_alone(name):
    assert to_arabic(name) is None


def test_digraphs_are_recognised_longest_first():
    assert has_digraph("XKHAN") and has_digraph("ALXSSAFI")
    assert not has_digraph("MAX")


def test_writing_arabic_the_doc_9303_way_reads_back():
    assert from_arabic("مُحَمَّد عَبْد الرَّحِيم") == "MXHMD EBD ALRXHYM"
    assert from_arabic("فاطمة") == "FAXTTMXAH"
    assert from_arabic("پرويز") is None  # Persian peh: not in the Arabic table
    for name in ("مصطفى حجي محمد خان", "عبدالله بن أحمد الشريف", "ذياب الظاهري"):
        assert to_arabic(from_arabic(name)) == name
