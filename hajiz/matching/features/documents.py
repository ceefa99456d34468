"""Identity document agreement between a traveller and a list entry.

Numbers are compared after normalisation: upper case, Arabic-Indic and other Unicode digits
read as 0-9, and everything that is not a letter or digit dropped (spaces, dashes, dots,
slashes). A "number" without any digit ("unknown", "N/A") is not compared. Document types
are compared loosely (passport, national id, ...): a number match counts whatever the type
labels say, and the detail says when they differ. The best pair of documents counts.

- Same number, same issuing country or the country missing on one side: MATCH,
  `SAME_NUMBER`, decisive (`is_decisive`) when the number has at least
  `DECISIVE_MIN_LENGTH` characters; shorter numbers give `SHORT_NUMBER`.
- Same number once leading zeros are dropped: MATCH, `LEADING_ZEROS`, not decisive.
- A same number from a different issuing country: the strength above times
  `OTHER_COUNTRY_FACTOR` (`SAME_NUMBER` becomes 0.4), not decisive.
- Numbers of at least `TYPO_MIN_LENGTH` characters one character apart (a typing or OCR
  slip), issuing countries not differing: MATCH, `ONE_CHARACTER_OFF`.
- No number in common, but both sides hold a document of the same type from the same
  country: MISMATCH, `SAME_KIND_OTHER_NUMBER`. Weak: people hold several passports.
- Anything else: UNKNOWN, 0.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from hajiz.countries import to_country_code
from hajiz.matching.features.types import Agreement, FeatureResult, unknown
from hajiz.model import Document

FEATURE = "document_agreement"

SAME_NUMBER = 1.0
SHORT_NUMBER = 0.5
DECISIVE_MIN_LENGTH = 5
LEADING_ZEROS = 0.6
OTHER_COUNTRY_FACTOR = 0.4
ONE_CHARACTER_OFF = 0.3
TYPO_MIN_LENGTH = 6
SAME_KIND_OTHER_NUMBER = -0.2

_WORDS = re.compile(r"\w+")
_NATIONAL_ID_WORDS = {"national", "identity", "identification", "id", "nid", "cni", "nin"}


def normalize_document_number(number: str) -> str:
    """Upper case, plain digits, letters and digits only: 'a12-345 67' -> 'A1234567'."""
    kept = []
    for char in unicodedata.normalize("NFKC", number):
        if char.isdecimal():
            kept.append(str(unicodedata.decimal(char)))
        elif char.isalnum():
            kept.append(char.upper())
    return "".join(kept)


def document_kind(label: str) -> str:
    """A loose document type: 'passport', 'national id', 'tax id', else the cleaned label."""
    text = label.casefold()
    words = set(_WORDS.findall(text))
    if "passport" in text or "جواز" in text:
        return "passport"
    if "tax" in words:
        return "tax id"
    if words & _NATIONAL_ID_WORDS or "هوية" in text:
        return "national id"
    return " ".join(_WORDS.findall(text))


@dataclass(frozen=True, slots=True)
class _Doc:
    number: str
    kind: str
    country: str | None
    text: str


def _doc(document: Document) -> _Doc | None:
    number = normalize_document_number(document.number)
    if not any(char.isdigit() for char in number):
        return None
    country = to_country_code(document.country)
    shown = f"{document.type} {document.number.strip()}"
    if document.country:
        shown += f" ({country or document.country.strip()})"
    return _Doc(number, document_kind(document.type), country, shown)


@dataclass(frozen=True, slots=True)
class _Verdict:
    agreement: Agreement
    strength: float
    reason: str
    is_decisive: bool = False


def _compare(query: _Doc, entry: _Doc) -> _Verdict | None:
    """A number match between two documents, or None when the numbers are unrelated."""
    other_country = (
        query.country is not None and entry.country is not None and query.country != entry.country
    )
    if query.number == entry.number:
        is_long = len(query.number) >= DECISIVE_MIN_LENGTH
        strength, reason = (
            (SAME_NUMBER, "same number") if is_long else (SHORT_NUMBER, "same short number")
        )
    elif query.number.lstrip("0") == entry.number.lstrip("0") and query.number.lstrip("0"):
        is_long, strength, reason = False, LEADING_ZEROS, "same number but for leading zeros"
    elif (
        not other_country
        and min(len(query.number), len(entry.number)) >= TYPO_MIN_LENGTH
        and Levenshtein.distance(query.number, entry.number) == 1
    ):
        is_long, strength, reason = False, ONE_CHARACTER_OFF, "numbers one character apart"
    else:
        return None
    if other_country:
        strength *= OTHER_COUNTRY_FACTOR
        reason += "; issued by different countries"
    if query.kind != entry.kind:
        reason += "; the document types differ"
    decisive = is_long and not other_country
    return _Verdict(Agreement.MATCH, round(strength, 3), reason, decisive)


def _same_kind(query: _Doc, entry: _Doc) -> bool:
    return query.kind == entry.kind and query.country is not None and query.country == entry.country


def _listing(docs: Sequence[_Doc]) -> str | None:
    return ", ".join(doc.text for doc in docs) or None


def document_agreement(
    query_docs: Sequence[Document], entry_docs: Sequence[Document]
) -> FeatureResult:
    """Identity documents: the traveller's document numbers against the list's.

    The same number from the same issuing country identifies the person on its own. The
    same number from another country, or numbers one character apart (a typing slip),
    support a match less. Spaces, dashes, dots and slashes in numbers are ignored, and the
    document type (passport, national id) may differ. A different number on a document of
    the same type and country counts only a little against a match: people hold several
    passports. No documents on either side is no evidence.
    """
    queries = [d for d in map(_doc, query_docs) if d is not None]
    entries = [d for d in map(_doc, entry_docs) if d is not None]
    said, listed = _listing(queries), _listing(entries)
    if said is None or listed is None:
        if said is None and listed is None:
            detail = "no document number for the traveller nor on the list"
        elif said is None:
            detail = f"traveller's documents not given; list has {listed}"
        else:
            detail = f"traveller has {said}; the list states no document number"
        return unknown(FEATURE, detail, said, listed)
    best: tuple[_Verdict, _Doc, _Doc] | None = None
    for query in queries:
        for entry in entries:
            verdict = _compare(query, entry)
            if verdict is not None and (best is None or verdict.strength > best[0].strength):
                best = (verdict, query, entry)
    if best is not None:
        verdict, query, entry = best
        return FeatureResult(
            FEATURE,
            verdict.agreement,
            verdict.strength,
            f"traveller has {query.text}; list has {entry.text} ({verdict.reason})",
            query.text,
            entry.text,
            is_decisive=verdict.is_decisive,
        )
    for query in queries:
        for entry in entries:
            if _same_kind(query, entry):
                return FeatureResult(
                    FEATURE,
                    Agreement.MISMATCH,
                    SAME_KIND_OTHER_NUMBER,
                    f"traveller has {query.text}; list has {entry.text} "
                    "(different numbers; weak, as people hold several such documents)",
                    query.text,
                    entry.text,
                )
    return unknown(
        FEATURE,
        f"traveller has {said}; list has {listed} (no number in common)",
        said,
        listed,
    )
