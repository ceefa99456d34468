"""The peer engine: OpenSanctions' nomenklatura logic-v2, scored on the same pairs as ours.

Optional (`pip install 'hajiz[peer]'`). The peer is given FollowTheMoney Person entities built
from our Query and Entry objects: names (primary as `name`, aliases and original-script names
as `alias`, weak aliases as `weakAlias`), birth dates (a range as each of its years),
nationalities, gender, birth places and document numbers.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
import importlib.util
from typing import Any

from hajiz.countries import to_country_code
from hajiz.model import BirthDate, DateKind, Document, Entry, NameKind, Query

PEER_NAME = "logic-v2"
# yente's default match threshold, the score at which OpenSanctions calls a result a match.
PEER_THRESHOLD = 0.7
_NAME_PROPERTY = {
    NameKind.PRIMARY: "name",
    NameKind.ALIAS: "alias",
    NameKind.ORIGINAL_SCRIPT: "alias",
    NameKind.WEAK_ALIAS: "weakAlias",
}


def is_peer_available() -> bool:
    """Whether nomenklatura (the `peer` extra) is installed."""
    return importlib.util.find_spec("nomenklatura") is not None


def peer_version() -> str | None:
    """The installed nomenklatura version, if any."""
    try:
        return importlib.metadata.version("nomenklatura")
    except importlib.metadata.PackageNotFoundError:
        return None


def _date_values(born: BirthDate) -> list[str]:
    if born.kind is DateKind.BETWEEN and born.start and born.end:
        return [str(y) for y in range(born.start.year, born.end.year + 1)]
    if born.date is not None:
        return [str(born.date)]
    return [str(born.start)] if born.start else []


def _fingerprint(data: bytes) -> str:
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:16]


def _document_property(document: Document) -> str:
    return "passportNumber" if "passport" in document.type.lower() else "idNumber"


def _country(text: str) -> str | None:
    code = to_country_code(text)
    return code.lower() if code else None


class PeerScorer:
    """Scores (query, entry) pairs with logic-v2 and its default configuration."""

    name = PEER_NAME
    threshold = PEER_THRESHOLD

    def __init__(self) -> None:
        followthemoney = importlib.import_module("followthemoney")
        matching = importlib.import_module("nomenklatura.matching")
        self._model: Any = followthemoney.model
        self._algorithm: Any = matching.get_algorithm(PEER_NAME)
        if self._algorithm is None:
            raise RuntimeError(f"nomenklatura has no algorithm {PEER_NAME!r}")
        self._config: Any = self._algorithm.default_config()
        self._entities: dict[str, Any] = {}
        self.version = peer_version()

    def _person(self, entity_id: str) -> Any:
        person = self._model.make_entity("Person")
        person.id = entity_id
        return person

    def _add_common(
        self,
        person: Any,
        birth_dates: tuple[BirthDate, ...],
        nationalities: tuple[str, ...],
        documents: tuple[Document, ...],
        gender: str | None,
    ) -> None:
        for born in birth_dates:
            for value in _date_values(born):
                person.add("birthDate", value, quiet=True)
        for nationality in nationalities:
            code = _country(nationality)
            if code:
                person.add("nationality", code, quiet=True)
        for document in documents:
            person.add(_document_property(document), document.number, quiet=True)
        if gender:
            person.add("gender", gender, quiet=True)

    def entry_entity(self, entry: Entry) -> Any:
        """The FtM Person of a list entry (cached by id and content)."""
        # nomenklatura memoises name analysis by entity id, so an entry whose names differ
        # between test sets (some held out) needs an id of its own.
        key = f"{entry.id}#{_fingerprint(entry.to_json())}"
        cached = self._entities.get(key)
        if cached is not None:
            return cached
        person = self._person(key)
        for name in entry.names:
            person.add(_NAME_PROPERTY[name.kind], name.full, quiet=True)
        for place in entry.birth_places:
            person.add("birthPlace", place.text, quiet=True)
        gender = entry.gender.value if entry.gender else None
        self._add_common(person, entry.birth_dates, entry.nationalities, entry.documents, gender)
        self._entities[key] = person
        return person

    def query_entity(self, query: Query) -> Any:
        """The FtM Person of a traveller."""
        person = self._person(f"query#{_fingerprint(query.model_dump_json().encode())}")
        for name in query.names:
            person.add("name", name, quiet=True)
        gender = query.gender.value if query.gender else None
        self._add_common(person, query.birth_dates, query.nationalities, query.documents, gender)
        return person

    def score(self, query: Query, entry: Entry) -> float:
        """logic-v2's score of the pair, 0..1."""
        result = self._algorithm.compare(
            self.query_entity(query), self.entry_entity(entry), self._config
        )
        return float(result.score)

    def rank(self, query: Query, entries: list[Entry]) -> tuple[tuple[str, float], ...]:
        """The entries ranked by logic-v2's score (ties by entry id)."""
        query_entity = self.query_entity(query)
        scored = [
            (
                e.id,
                float(
                    self._algorithm.compare(query_entity, self.entry_entity(e), self._config).score
                ),
            )
            for e in entries
        ]
        return tuple(sorted(scored, key=lambda pair: (-pair[1], pair[0])))
