import pytest

from hajiz.matching.features.types import Agreement, FeatureResult


def test_to_dict_is_json_ready():
    result = FeatureResult(
        "gender_agreement", Agreement.MATCH, 0.2, "traveller male; list says male", "male", "male"
    )
    assert result.to_dict() == {
        "feature": "gender_agreement",
        "agreement": "match",
        "strength": 0.2,
        "detail": "traveller male; list says male",
        "query_value": "male",
        "candidate_value": "male",
        "is_decisive": False,
    }


@pytest.mark.parametrize(
    ("agreement", "strength"),
    [
        (Agreement.MATCH, 1.5),
        (Agreement.MISMATCH, -1.01),
        (Agreement.MATCH, -0.1),
        (Agreement.MISMATCH, 0.1),
        (Agreement.UNKNOWN, 0.3),
    ],
)
def test_strength_must_fit_the_agreement(agreement, strength):
    with pytest.raises(ValueError, match="some_feature"):
        FeatureResult("some_feature", agreement, strength, "detail")


def test_results_are_immutable():
    result = FeatureResult("f", Agreement.UNKNOWN, 0.0, "nothing")
    with pytest.raises(AttributeError):
        result.strength = 1.0  # type: ignore[misc]
