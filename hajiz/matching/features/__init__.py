"""Pure comparisons of a traveller's secondary identifiers with a list entry's.

Each feature returns a `FeatureResult`: an agreement, a strength in [-1, 1] and one sentence
for the officer. A feature's docstring is the explanation users see.
"""

from hajiz.matching.features.countries import birth_country_agreement, nationality_agreement
from hajiz.matching.features.dates import birth_date_agreement
from hajiz.matching.features.documents import (
    document_agreement,
    document_kind,
    normalize_document_number,
)
from hajiz.matching.features.gender import gender_agreement
from hajiz.matching.features.types import Agreement, FeatureResult

__all__ = [
    "Agreement",
    "FeatureResult",
    "birth_country_agreement",
    "birth_date_agreement",
    "document_agreement",
    "document_kind",
    "gender_agreement",
    "nationality_agreement",
    "normalize_document_number",
]
