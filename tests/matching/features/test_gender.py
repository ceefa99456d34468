import pytest

from hajiz.matching.features.gender import gender_agreement
from hajiz.matching.features.types import Agreement
from hajiz.model import Gender

MATCH, MISMATCH, UNKNOWN = Agreement.MATCH, Agreement.MISMATCH, Agreement.UNKNOWN
M, F, X = Gender.MALE, Gender.FEMALE, Gender.OTHER

# Every pair of (traveller, list): agreement and strength.
CASES = [
    (M, M, MATCH, 0.2),
    (F, F, MATCH, 0.2),
    (X, X, MATCH, 0.2),
    (M, F, MISMATCH, -0.6),
    (F, M, MISMATCH, -0.6),
    (M, X, UNKNOWN, 0.0),
    (X, F, UNKNOWN, 0.0),
    (F, X, UNKNOWN, 0.0),
    (X, M, UNKNOWN, 0.0),
    (M, None, UNKNOWN, 0.0),
    (None, F, UNKNOWN, 0.0),
    (X, None, UNKNOWN, 0.0),
    (None, None, UNKNOWN, 0.0),
]


@pytest.mark.parametrize(("query", "entry", "agreement", "strength"), CASES)
def test_gender_agreement(query, entry, agreement, strength):
    result = gender_agreement(query, entry)
    assert result.agreement is agreement
    assert result.strength == pytest.approx(strength)
    assert result.feature == "gender_agreement"
    assert result.detail
    for value in (result.query_value, result.candidate_value):
        if value is not None:
            assert value in result.detail


def test_a_mismatch_weighs_more_than_a_match():
    assert abs(gender_agreement(M, F).strength) > gender_agreement(M, M).strength > 0
