import pytest

from hajiz.matching.features.countries import birth_country_agreement, nationality_agreement
from hajiz.matching.features.types import Agreement

MATCH, MISMATCH, UNKNOWN = Agreement.MATCH, Agreement.MISMATCH, Agreement.UNKNOWN

# (traveller nationalities, listed nationalities, listed birth countries, agreement, strength,
#  words the detail must contain)
NATIONALITY_CASES = [
    (["IQ"], ["IQ"], [], MATCH, 0.5, "IQ on both"),
    (["Iraq"], ["IQ"], [], MATCH, 0.5, "IQ on both"),
    (["IQ"], ["Iraq"], [], MATCH, 0.5, "nationality IQ"),
    (["iraqi"], ["Republic of Iraq"], ["SY"], MATCH, 0.5, "IQ on both"),
    (["SY", "IQ"], ["JO", "IQ"], [], MATCH, 0.5, "IQ on both"),
    (["IQ"], ["SY"], ["IQ"], MATCH, 0.3, "country of birth only"),
    (["IQ"], [], ["Iraq"], MATCH, 0.3, "country of birth only"),
    (["IQ"], ["SY"], [], MISMATCH, -0.5, "not decisive"),
    (["Iraq"], ["SY", "JO"], ["LB"], MISMATCH, -0.5, "nationality SY, JO"),
    (["IQ"], [], ["SY"], MISMATCH, -0.2, "gives no nationality"),
    (["Kurdistan"], ["IQ"], [], MATCH, 0.5, "IQ on both"),
    (["Atlantis"], ["atlantis"], [], MATCH, 0.5, "Atlantis on both"),
    (["Atlantis"], ["SY"], [], UNKNOWN, 0.0, "not all recognised"),
    (["IQ"], [], [], UNKNOWN, 0.0, "states no nationality"),
    ([], ["SY"], [], UNKNOWN, 0.0, "nationality not given"),
    ([], [], [], UNKNOWN, 0.0, "no nationality"),
    (["", "  "], ["SY"], [], UNKNOWN, 0.0, "nationality not given"),
]


@pytest.mark.parametrize(
    ("query", "nationalities", "births", "agreement", "strength", "words"), NATIONALITY_CASES
)
def test_nationality_agreement(query, nationalities, births, agreement, strength, words):
    result = nationality_agreement(query, nationalities, births)
    assert result.agreement is agreement
    assert result.strength == pytest.approx(strength)
    assert words in result.detail
    assert result.feature == "nationality_agreement"
    for value in (result.query_value, result.candidate_value):
        if value is not None:
            assert value in result.detail


def test_nationality_strengths_order():
    ordered = [
        nationality_agreement(["IQ"], ["IQ"], []).strength,
        nationality_agreement(["IQ"], ["SY"], ["IQ"]).strength,
        nationality_agreement(["IQ"], [], []).strength,
        nationality_agreement(["IQ"], [], ["SY"]).strength,
        nationality_agreement(["IQ"], ["SY"], []).strength,
    ]
    assert ordered == sorted(ordered, reverse=True)
    assert len(set(ordered)) == len(ordered)


# (traveller's birth country, listed birth countries, agreement, strength, detail words)
BIRTH_COUNTRY_CASES = [
    ("IQ", ["IQ"], MATCH, 0.5, "same country"),
    ("Iraq", ["IQ"], MATCH, 0.5, "born in IQ"),
    ("IQ", ["Iraq"], MATCH, 0.5, "same country"),
    ("Syria", ["Iraq", "Syrian Arab Republic"], MATCH, 0.5, "IQ, SY"),
    ("IQ", ["SY"], MISMATCH, -0.5, "different country"),
    ("Jordan", ["SY", "LB"], MISMATCH, -0.5, "born in JO"),
    ("Atlantis", ["SY"], UNKNOWN, 0.0, "not all recognised"),
    (None, ["IQ"], UNKNOWN, 0.0, "not given"),
    ("IQ", [], UNKNOWN, 0.0, "states no country of birth"),
    ("  ", [], UNKNOWN, 0.0, "no country of birth"),
    (None, [], UNKNOWN, 0.0, "no country of birth"),
]


@pytest.mark.parametrize(("query", "births", "agreement", "strength", "words"), BIRTH_COUNTRY_CASES)
def test_birth_country_agreement(query, births, agreement, strength, words):
    result = birth_country_agreement(query, births)
    assert result.agreement is agreement
    assert result.strength == pytest.approx(strength)
    assert words in result.detail
    assert result.feature == "birth_country_agreement"
    for value in (result.query_value, result.candidate_value):
        if value is not None:
            assert value in result.detail
