import pytest

from hajiz.matching.features.documents import (
    document_agreement,
    document_kind,
    normalize_document_number,
)
from hajiz.matching.features.types import Agreement
from hajiz.model import Document

MATCH, MISMATCH, UNKNOWN = Agreement.MATCH, Agreement.MISMATCH, Agreement.UNKNOWN


def doc(number: str, country: str | None = "IQ", kind: str = "Passport") -> Document:
    return Document(type=kind, number=number, country=country)


# (traveller documents, listed documents, agreement, strength, is_decisive, detail words)
CASES = [
    ([doc("A1234567")], [doc("A1234567")], MATCH, 1.0, True, "same number"),
    ([doc("A12 345-67")], [doc("a1234567")], MATCH, 1.0, True, "same number"),
    ([doc("A.123/4567")], [doc("A 1234567")], MATCH, 1.0, True, "same number"),
    ([doc("A1234567", "Iraq")], [doc("A1234567", None)], MATCH, 1.0, True, "same number"),
    ([doc("A1234567", None)], [doc("A1234567", "IQ")], MATCH, 1.0, True, "same number"),
    ([doc("١٢٣٤٥٦٧")], [doc("1234567")], MATCH, 1.0, True, "same number"),
    (
        [doc("A1234567", kind="Passport")],
        [doc("A1234567", kind="National ID No.")],
        MATCH,
        1.0,
        True,
        "document types differ",
    ),
    ([doc("A1234567", "IQ")], [doc("A1234567", "SY")], MATCH, 0.4, False, "different countries"),
    ([doc("A1234567")], [doc("A1234568")], MATCH, 0.3, False, "one character apart"),
    ([doc("A1234567")], [doc("A123456")], MATCH, 0.3, False, "one character apart"),
    ([doc("A1234567", None)], [doc("A1234568")], MATCH, 0.3, False, "one character apart"),
    ([doc("0012345678")], [doc("12345678")], MATCH, 0.6, False, "leading zeros"),
    ([doc("1234")], [doc("1234")], MATCH, 0.5, False, "same short number"),
    (
        [doc("B0000001"), doc("A1234567", "SY")],
        [doc("Z9999999"), doc("A1234567", "SY", "ID card")],
        MATCH,
        1.0,
        True,
        "document types differ",
    ),
    ([doc("A1234567")], [doc("B7654321")], MISMATCH, -0.2, False, "different numbers"),
    ([doc("A1234567", "IQ")], [doc("A1234568", "SY")], UNKNOWN, 0.0, False, "no number in common"),
    # Too short for a typo match: a different number on the same kind of passport.
    ([doc("12345")], [doc("12346")], MISMATCH, -0.2, False, "different numbers"),
    ([doc("12345", None)], [doc("12346")], UNKNOWN, 0.0, False, "no number in common"),
    (
        [doc("A1234567", kind="Passport")],
        [doc("B7654321", kind="National ID")],
        UNKNOWN,
        0.0,
        False,
        "no number in common",
    ),
    ([doc("A1234567", None)], [doc("B7654321")], UNKNOWN, 0.0, False, "no number in common"),
    ([doc("A1234567")], [doc("unknown")], UNKNOWN, 0.0, False, "states no document number"),
    ([doc("A1234567")], [], UNKNOWN, 0.0, False, "states no document number"),
    ([], [doc("A1234567")], UNKNOWN, 0.0, False, "documents not given"),
    ([], [], UNKNOWN, 0.0, False, "no document number"),
]


@pytest.mark.parametrize(("query", "entry", "agreement", "strength", "decisive", "words"), CASES)
def test_document_agreement(query, entry, agreement, strength, decisive, words):
    result = document_agreement(query, entry)
    assert result.agreement is agreement
    assert result.strength == pytest.approx(strength)
    assert result.is_decisive is decisive
    assert words in result.detail
    assert result.feature == "document_agreement"
    for value in (result.query_value, result.candidate_value):
        if value is not None:
            assert value in result.detail


def test_document_strengths_order():
    def strength(query: Document, entry: Document) -> float:
        return document_agreement([query], [entry]).strength

    ordered = [
        strength(doc("A1234567"), doc("A-1234567")),  # same number, same country
        strength(doc("0001234567"), doc("1234567")),  # leading zeros
        strength(doc("A1234567", "IQ"), doc("A1234567", "SY")),  # another country
        strength(doc("A1234567"), doc("A1234568")),  # one character apart
        strength(doc("A1234567"), doc("B7654321", kind="Residence permit")),  # unknown: 0
        strength(doc("A1234567"), doc("B7654321")),  # same kind and country, other number
    ]
    assert ordered == sorted(ordered, reverse=True)
    assert len(set(ordered)) == len(ordered)


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("a12 345-67", "A1234567"),
        ("N.123/456\\7", "N1234567"),
        ("０１２３", "0123"),  # full-width digits
        ("٠١٢٣٤", "01234"),  # Arabic-Indic digits
        ("۱۲۳", "123"),  # extended Arabic-Indic (Persian) digits
        ("  ", ""),
    ],
)
def test_normalize_document_number(raw, normalized):
    assert normalize_document_number(raw) == normalized


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Passport", "passport"),
        ("Passport No.", "passport"),
        ("diplomatic passport", "passport"),
        ("National ID No.", "national id"),
        ("National Identification Number", "national id"),
        ("Identity card", "national id"),
        ("جواز سفر", "passport"),
        ("Tax ID No.", "tax id"),
        ("Residence Permit", "residence permit"),
    ],
)
def test_document_kind(label, kind):
    assert document_kind(label) == kind
