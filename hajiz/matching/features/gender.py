"""Gender agreement between a traveller and a list entry.

- Same gender: MATCH, `GENDER_MATCH` (weak: half of everyone shares it).
- Male against female: MISMATCH, `GENDER_MISMATCH`.
- "Other" against male or female, or a gender missing on either side: UNKNOWN, 0. Lists
  use "other" for unstated as well as for other genders, so it contradicts nothing.
"""

from __future__ import annotations

from hajiz.matching.features.types import Agreement, FeatureResult, unknown
from hajiz.model import Gender

FEATURE = "gender_agreement"

GENDER_MATCH = 0.2
GENDER_MISMATCH = -0.6


def gender_agreement(query: Gender | None, entry: Gender | None) -> FeatureResult:
    """Gender: the traveller's against the list's.

    The same gender supports a match a little; male against female counts against it.
    A gender missing on either side, or stated as "other", is no evidence.
    """
    said = query.value if query is not None else None
    listed = entry.value if entry is not None else None
    if said is None or listed is None:
        detail = (
            f"traveller's gender {said or 'not given'}; list says {listed or 'nothing'}"
            " (nothing to compare)"
        )
        return unknown(FEATURE, detail, said, listed)
    text = f"traveller {said}; list says {listed}"
    if query is entry:
        return FeatureResult(FEATURE, Agreement.MATCH, GENDER_MATCH, text, said, listed)
    if Gender.OTHER in (query, entry):
        return unknown(FEATURE, f"{text} (not compared)", said, listed)
    return FeatureResult(FEATURE, Agreement.MISMATCH, GENDER_MISMATCH, text, said, listed)
