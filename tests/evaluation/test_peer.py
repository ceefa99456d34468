"""The peer adapter builds FtM persons from our model and scores with logic-v2."""

from __future__ import annotations

import pytest

from hajiz.evaluation.peer import PeerScorer
from hajiz.model import BirthDate, NameKind, Query

from .factory import entry

# The adapter module imports nomenklatura lazily; only using it needs the extra.
pytest.importorskip("nomenklatura", reason="the peer extra (nomenklatura) is not installed")

SADDAM = entry(
    "un:1",
    ("SADDAM HUSSEIN AL-TIKRITI", NameKind.PRIMARY),
    ("Abu Uday", NameKind.WEAK_ALIAS),
    born=("1935..1937",),
    nationalities=("IQ",),
)


def test_entities_carry_names_dates_and_countries():
    peer = PeerScorer()
    person = peer.entry_entity(SADDAM)
    assert person.get("name") == ["SADDAM HUSSEIN AL-TIKRITI"]
    assert person.get("weakAlias") == ["Abu Uday"]
    assert sorted(person.get("birthDate")) == ["1935", "1936", "1937"]
    assert person.get("nationality") == ["iq"]


def test_same_person_scores_high_and_another_low():
    peer = PeerScorer()
    same = Query(names=("Saddam Hussein al-Tikriti",), birth_dates=(BirthDate.parse("1937"),))
    other = Query(names=("Ivan Petrov",))
    assert peer.score(same, SADDAM) >= peer.threshold
    assert peer.score(other, SADDAM) < 0.3
    ranked = peer.rank(same, [SADDAM, entry("x", ("Ivan Petrov", NameKind.PRIMARY))])
    assert ranked[0][0] == "un:1"
