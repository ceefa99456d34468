"""A hit's explanation laid out for the page: name parts side by side, then each field.

The matcher explains a hit as a dict (`MatchResult.explanation`). The page shows the name
comparison as two aligned columns, the traveller's part beside the list part it was matched
to with the reason between them, and the parts either side left without a counterpart on rows
of their own; then each other field (birth date, nationality, ...) as MATCH, MISMATCH or
UNKNOWN with both values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hajiz.names.labels import arabic_label, has_arabic

# What each feature compares, as the officer reads it.
FIELD_LABELS = {
    "birth_date_agreement": "Birth date",
    "nationality_agreement": "Nationality",
    "birth_country_agreement": "Country of birth",
    "gender_agreement": "Gender",
    "document_agreement": "Documents",
}


@dataclass(frozen=True)
class PartRow:
    """One row of the name columns: a traveller's part, a list part, or both, and why."""

    query: str | None
    entry: str | None
    query_latin: str | None = None
    entry_latin: str | None = None
    reason: str = ""
    score: float | None = None
    role: str | None = None
    detail: str = ""

    @property
    def is_pair(self) -> bool:
        """Whether both sides have a part."""
        return self.query is not None and self.entry is not None


@dataclass(frozen=True)
class FieldRow:
    """One field compared: the traveller's value, the list's value and the verdict."""

    label: str
    query_value: str | None
    entry_value: str | None
    agreement: str  # MATCH | MISMATCH | UNKNOWN
    detail: str
    is_decisive: bool = False


@dataclass(frozen=True)
class ExplanationView:
    """Everything the page shows under one hit."""

    query_name: str | None
    entry_name: str | None
    name_score: float | None
    name_kind: str | None
    is_reordered: bool
    parts: tuple[PartRow, ...]
    fields: tuple[FieldRow, ...]
    notes: tuple[str, ...]


def _text(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _part(value: Any) -> str | None:
    text = _text(value)
    return None if text is None else arabic_label(text)


def _latin(label: str | None, latin: Any) -> str | None:
    # The romanisation helps an officer who does not read Arabic; beside Latin text it repeats.
    text = _text(latin)
    return None if text is None or label is None or not has_arabic(label) else text


def part_rows(name: Mapping[str, Any]) -> tuple[PartRow, ...]:
    """The aligned pairs, then the traveller's unmatched parts, then the list's."""
    rows = []
    for pair in name.get("pairs") or []:
        query, entry = _part(pair.get("query")), _part(pair.get("entry"))
        score = pair.get("score")
        rows.append(
            PartRow(
                query=query,
                entry=entry,
                query_latin=_latin(query, pair.get("query_latin")),
                entry_latin=_latin(entry, pair.get("entry_latin")),
                reason=str(pair.get("reason") or "aligned"),
                score=float(score) if isinstance(score, int | float) else None,
                role=_text(pair.get("role")),
                detail=str(pair.get("detail") or ""),
            )
        )
    rows += [
        PartRow(query=_part(part), entry=None, reason="not in the list entry")
        for part in name.get("unmatched_query") or []
    ]
    rows += [
        PartRow(query=None, entry=_part(part), reason="not in the traveller's name")
        for part in name.get("unmatched_entry") or []
    ]
    return tuple(rows)


def field_rows(features: list[Any]) -> tuple[FieldRow, ...]:
    """Each feature's verdict, in the matcher's order."""
    rows = []
    for feature in features:
        if not isinstance(feature, Mapping):
            continue
        slug = str(feature.get("feature") or "")
        rows.append(
            FieldRow(
                label=FIELD_LABELS.get(slug, slug.replace("_", " ").capitalize()),
                query_value=_text(feature.get("query_value")),
                entry_value=_text(feature.get("candidate_value")),
                agreement=str(feature.get("agreement") or "unknown").upper(),
                detail=str(feature.get("detail") or ""),
                is_decisive=bool(feature.get("is_decisive")),
            )
        )
    return tuple(rows)


def explanation_view(explanation: Mapping[str, Any]) -> ExplanationView:
    """The page's view of one hit's explanation."""
    name = explanation.get("name")
    name = name if isinstance(name, Mapping) else {}
    score = name.get("score")
    return ExplanationView(
        query_name=_text(name.get("query_name")),
        entry_name=_text(name.get("entry_name")),
        name_score=float(score) if isinstance(score, int | float) else None,
        name_kind=_text(explanation.get("name_kind")),
        is_reordered=bool(name.get("reordered")),
        parts=part_rows(name),
        fields=field_rows(list(explanation.get("features") or [])),
        notes=tuple(str(note) for note in explanation.get("notes") or []),
    )
