"""Traveller keys: a document with birth date, else a name with a full birth date, else none."""

from __future__ import annotations

from hajiz.model import BirthDate, Document, Query
from hajiz.review.keys import KeyKind, document_number, traveller_keys


def query(*names, born=(), documents=()) -> Query:
    return Query(
        names=names,
        birth_dates=tuple(BirthDate.parse(b) for b in born),
        documents=tuple(Document(type="passport", number=n, country=c) for n, c in documents),
    )


def texts(q: Query) -> list[str]:
    return [key.text for key in traveller_keys(q)]


def test_a_document_with_birth_date_is_the_key():
    q = query("Mohammed Ali", born=["1980-05-01"], documents=[("a 123-456", "IQ")])
    assert texts(q) == ["document:IQ:A123456|born:1980-05-01"]
    assert traveller_keys(q)[0].kind is KeyKind.DOCUMENT


def test_the_document_key_ignores_the_name_and_how_the_number_was_typed():
    one = query("Mohammed Ali", born=["1980"], documents=[("A123456", "IQ")])
    other = query("Muhammad Aly", born=["1980"], documents=[("a12 3456", "IQ")])
    assert texts(one) == texts(other) == ["document:IQ:A123456|born:1980"]


def test_a_document_without_country_or_birth_date_is_not_a_key():
    assert texts(query("Mohammed Ali", documents=[("A123456", "IQ")])) == []
    no_country = query("Mohammed Ali", born=["1980-05-01"], documents=[("A123456", None)])
    assert texts(no_country) == ["name:mohammed ali|born:1980-05-01"]


def test_a_name_needs_a_full_birth_date():
    assert texts(query("Mohammed ALI", born=["1980-05-01"])) == [
        "name:mohammed ali|born:1980-05-01"
    ]
    for partial in (["1980"], ["1980-05"], ["1980..1982"], []):
        assert traveller_keys(query("Mohammed Ali", born=partial)) == ()


def test_each_name_in_each_script_is_a_key():
    q = query("محمد علي", "Mohammed Ali", born=["1980-05-01"])
    assert texts(q) == ["name:mohammed ali|born:1980-05-01", "name:محمد علي|born:1980-05-01"]


def test_document_numbers_compare_without_typing_noise():
    assert document_number(" ab-12.34/5 ") == "AB12345"
