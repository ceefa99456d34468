"""A feature's docstring is the explanation users see: every public feature has one."""

import inspect

import pytest

import hajiz.matching.features as features

PUBLIC_FUNCTIONS = [
    getattr(features, name)
    for name in features.__all__
    if inspect.isfunction(getattr(features, name))
]
FEATURES = [func for func in PUBLIC_FUNCTIONS if func.__name__.endswith("_agreement")]


def test_all_features_are_exported():
    assert {func.__name__ for func in FEATURES} == {
        "birth_date_agreement",
        "nationality_agreement",
        "birth_country_agreement",
        "gender_agreement",
        "document_agreement",
    }


@pytest.mark.parametrize("func", PUBLIC_FUNCTIONS, ids=lambda f: f.__name__)
def test_public_function_has_a_docstring(func):
    assert func.__doc__ and func.__doc__.strip()


@pytest.mark.parametrize("func", FEATURES, ids=lambda f: f.__name__)
def test_feature_docstring_explains(func):
    # A summary line, then at least one full sentence on what supports or contradicts a match.
    doc = inspect.getdoc(func)
    assert doc is not None
    summary, _, body = doc.partition("\n\n")
    assert summary.endswith(".")
    assert "match" in body and body.count(".") >= 2


@pytest.mark.parametrize("module", ["types", "dates", "countries", "gender", "documents"])
def test_modules_have_docstrings(module):
    assert getattr(features, module).__doc__
