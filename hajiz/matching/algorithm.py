"""Scoring algorithms: a name, a version, documented features and a calibrated threshold.

`hajiz-v1` scores a query against an entry in two steps. First the names: the best pairing of
any query name with any entry name (see `matching.names`). Then the secondary identifiers, each
a feature with a weight: agreement raises the score (only once the names already look alike, so
a shared birth year cannot lift a poor name match), disagreement lowers it. An exact document
match is decisive on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from hajiz.errors import UnknownAlgorithm
from hajiz.matching.features import (
    Agreement,
    FeatureResult,
    birth_country_agreement,
    birth_date_agreement,
    document_agreement,
    gender_agreement,
    nationality_agreement,
)
from hajiz.matching.names import NameComparison, align, lexicon_weight
from hajiz.matching.pairing import Weigh
from hajiz.matching.subjects import PreparedQuery, Subject, SubjectName
from hajiz.model import NameKind


@dataclass(frozen=True)
class ConfigVar:
    """A tunable value of an algorithm, documented."""

    default: float
    description: str


@dataclass(frozen=True)
class FeatureWeight:
    """How much one feature's strength moves the score, up and down."""

    name: str
    support: float
    contradiction: float
    description: str


@dataclass(frozen=True)
class MatchResult:
    """A score in [0, 1] and everything that explains it."""

    score: float
    name: NameComparison | None
    name_kind: NameKind | None
    features: tuple[FeatureResult, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def explanation(self) -> dict[str, Any]:
        """A structured explanation an officer can read."""
        return {
            "name": self.name.to_dict() if self.name else None,
            "name_kind": self.name_kind.value if self.name_kind else None,
            "features": [f.to_dict() for f in self.features],
            "notes": list(self.notes),
        }


def _ramp(value: float, low: float, high: float) -> float:
    if value <= low:
        return 0.0
    if value >= high:
        return 1.0
    return (value - low) / (high - low)


class HajizV1:
    """Arabic-aware name alignment plus birth date, nationality, gender and documents."""

    NAME = "hajiz-v1"
    VERSION = "1.14"
    DESCRIPTION = (
        "Aligns the parts of every query name with every entry name across scripts "
        "(transliteration, known variants, phonetic keys, name structure), weighs rare parts "
        "above common ones, then adjusts for birth date, nationality, gender and documents."
    )
    CONFIG: ClassVar[dict[str, ConfigVar]] = {
        "threshold": ConfigVar(0.8, "Refer to secondary inspection at or above this score."),
        "strong": ConfigVar(0.92, "A strong match at or above this score."),
        "weak_alias_cap": ConfigVar(
            0.75, "Highest name score a weak alias reaches without a secondary identifier."
        ),
        "support_from": ConfigVar(0.6, "Name score at which supporting evidence starts to count."),
        "support_full": ConfigVar(0.8, "Name score from which supporting evidence counts fully."),
        "full_date_strength": ConfigVar(
            1.0,
            "Birth-date agreement (1.0: the same full date) rare enough to support a weaker "
            "name: then the ramp runs from date_support_from to date_support_full instead.",
        ),
        "date_support_from": ConfigVar(
            0.45, "Name score at which supporting evidence starts to count, with a full date."
        ),
        "date_support_full": ConfigVar(
            0.65, "Name score from which supporting evidence counts fully, with a full date."
        ),
        "decisive_floor": ConfigVar(0.97, "Score of an exact identity-document match."),
        "near_birth_date": ConfigVar(
            0.6,
            "Birth-date agreement (0.6: the same year) from which a left-over name part a "
            "letter or two from the other name's is read as the same name misspelt.",
        ),
        "near_cap": ConfigVar(
            0.9, "Highest score of a match that reads a name part as misspelt (a review)."
        ),
    }
    FEATURES: ClassVar[tuple[FeatureWeight, ...]] = (
        FeatureWeight("birth_date_agreement", 0.25, 0.32, "Birth dates, with tolerances."),
        FeatureWeight("nationality_agreement", 0.05, 0.08, "Nationality or country of birth."),
        FeatureWeight("birth_country_agreement", 0.03, 0.05, "Country of birth."),
        FeatureWeight("gender_agreement", 0.02, 0.12, "Gender."),
        FeatureWeight("document_agreement", 0.1, 0.05, "Identity documents."),
    )

    def __init__(self, **config: float) -> None:
        unknown = set(config) - set(self.CONFIG)
        if unknown:
            raise UnknownAlgorithm(
                f"Unknown setting(s) {sorted(unknown)} for {self.NAME} "
                f"(choose from: {', '.join(self.CONFIG)})"
            )
        self.config = {k: config.get(k, v.default) for k, v in self.CONFIG.items()}
        self._weights = {f.name: f for f in self.FEATURES}

    @property
    def threshold(self) -> float:
        """The default threshold: refer to secondary inspection."""
        return self.config["threshold"]

    def band(self, score: float) -> str:
        """clear (below the threshold) / review / strong, from the calibrated cuts."""
        if score >= self.config["strong"]:
            return "strong"
        if score >= self.threshold:
            return "review"
        return "clear"

    def best_name(
        self,
        query: PreparedQuery,
        subject: Subject,
        weigh: Weigh = lexicon_weight,
        near: bool = False,
    ) -> tuple[NameComparison, NameKind]:
        """The best pairing of a query name with an entry name, weak aliases capped (`near`:
        nearly alike left-over parts pair too, see `matching.names.align`)."""
        cap = self.config["weak_alias_cap"]
        best: tuple[float, NameComparison, NameKind] | None = None
        s_names = _names_worth_aligning(query, subject)
        for q_name in query.names:
            for s_name in s_names:
                comparison = align(q_name, s_name.name, weigh=weigh, near=near)
                effective = comparison.score
                if s_name.kind is NameKind.WEAK_ALIAS:
                    effective = min(effective, cap)
                if best is None or effective > best[0]:
                    best = (effective, comparison, s_name.kind)
            if best is not None and best[0] >= 1.0:
                break  # nothing beats a perfect pairing
        if best is None:
            raise ValueError("query or entry has no names")
        return best[1], best[2]

    def features(
        self, query: PreparedQuery, subject: Subject, born: FeatureResult | None = None
    ) -> list[FeatureResult]:
        """Every secondary-identifier feature for this pair (`born`: the birth dates' agreement,
        when already known)."""
        q = query.query
        results = [
            born if born is not None else birth_date_agreement(q.birth_dates, subject.birth_dates),
            nationality_agreement(
                query.nationalities, subject.nationalities, subject.birth_countries
            ),
            gender_agreement(q.gender, subject.gender),
            document_agreement(q.documents, subject.documents),
        ]
        if q.birth_country:
            results.append(birth_country_agreement(q.birth_country, subject.birth_countries))
        return results

    def _support_ramp(self, born: FeatureResult) -> tuple[float, float]:
        """The name scores between which supporting evidence grows from nothing to full.

        A birth year is shared by thousands of namesakes; a full date by few: with one, a
        weaker name (a surname added or left out) is worth a referral."""
        if born.agreement is Agreement.MATCH and born.strength >= self.config["full_date_strength"]:
            return self.config["date_support_from"], self.config["date_support_full"]
        return self.config["support_from"], self.config["support_full"]

    def _dates_allow_near(self, born: FeatureResult) -> bool:
        """Whether the birth dates agree enough to read a part a letter off as misspelt."""
        return born.agreement is Agreement.MATCH and born.strength >= self.config["near_birth_date"]

    def score(
        self,
        query: PreparedQuery,
        subject: Subject,
        weigh: Weigh = lexicon_weight,
        needed: float = 0.0,
    ) -> MatchResult:
        """Score a query against one prepared entry (`weigh` gives each name part's rarity).

        A result that cannot reach `needed` may come back with its name score alone: below
        `support_from` the features can only lower a score, unless a document decides it.
        """
        if not query.names or not subject.names:
            return MatchResult(0.0, None, None, tuple(self.features(query, subject)))
        comparison, kind = self.best_name(query, subject, weigh)
        born = None
        is_near = False
        # Both names have parts left over: a birth date that agrees may pair them (`near`).
        if query.query.birth_dates and comparison.unmatched_query and comparison.unmatched_entry:
            born = birth_date_agreement(query.query.birth_dates, subject.birth_dates)
            if self._dates_allow_near(born):
                near, near_kind = self.best_name(query, subject, weigh, near=True)
                is_near = near.score > comparison.score
                if is_near:
                    comparison, kind = near, near_kind
        lowest = self.config["support_from"]
        if query.query.birth_dates:
            lowest = min(lowest, self.config["date_support_from"])
        hopeless = comparison.score < needed and comparison.score <= lowest
        if hopeless and not query.query.documents:
            return MatchResult(comparison.score, comparison, kind, (), tuple(comparison.notes))
        if born is None:
            born = birth_date_agreement(query.query.birth_dates, subject.birth_dates)
        features = self.features(query, subject, born)
        name_score = comparison.score
        notes = list(comparison.notes)
        ceiling = 1.0
        if is_near:
            ceiling = self.config["near_cap"]
            notes.append("a name part read as misspelt because the birth date agrees: review")
        if kind is NameKind.WEAK_ALIAS and name_score > self.config["weak_alias_cap"]:
            name_score = self.config["weak_alias_cap"]
            notes.append("matched a weak alias only: needs a secondary identifier")
        support = _ramp(name_score, *self._support_ramp(born))
        score = name_score
        for feature in features:
            weight = self._weights[feature.feature]
            if feature.agreement is Agreement.MATCH:
                score += weight.support * feature.strength * support
            elif feature.agreement is Agreement.MISMATCH:
                score += weight.contradiction * feature.strength
            if feature.is_decisive:
                ceiling = 1.0
                score = max(score, self.config["decisive_floor"])
                notes.append("identity document matches: decisive")
        return MatchResult(
            max(0.0, min(ceiling, score)), comparison, kind, tuple(features), tuple(notes)
        )


def _names_worth_aligning(query: PreparedQuery, subject: Subject) -> tuple[SubjectName, ...]:
    """The entry's names that share a matching key with the query, or all if none does.

    An entry with twenty aliases is mostly aliases that share nothing with the traveller's
    name; aligning them costs time and cannot win.
    """
    if len(subject.names) == 1 or not query.keys:
        return subject.names
    sharing = tuple(
        s_name
        for s_name in subject.names
        if any(not part.keys().isdisjoint(query.keys) for part in s_name.name.name_parts)
    )
    return sharing or subject.names


ALGORITHMS: dict[str, type[HajizV1]] = {HajizV1.NAME: HajizV1}
DEFAULT_ALGORITHM = HajizV1.NAME


def get_algorithm(name: str = DEFAULT_ALGORITHM) -> HajizV1:
    """The algorithm of that name, with its default configuration."""
    try:
        return ALGORITHMS[name]()
    except KeyError:
        raise UnknownAlgorithm(
            f"Unknown algorithm {name!r} (choose from: {', '.join(ALGORITHMS)})"
        ) from None
