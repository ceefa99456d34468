"""yente compatibility: `/match/{dataset}`, `/entities/{id}` and `/algorithms` keep its shapes."""

from __future__ import annotations

import pytest

from hajiz.api.schemas import AlgorithmResponse, EntityMatchResponse, EntityResponse
from hajiz.matching.algorithm import ALGORITHMS, DEFAULT_ALGORITHM
from tests.api.conftest import auth

# The fields of yente's ScoredEntityResponse, each result must carry all of them.
RESULT_FIELDS = {
    *("id", "caption", "schema", "properties", "datasets", "referents", "target"),
    *("first_seen", "last_seen", "last_change", "score", "features", "match"),
}
KONY = {
    "schema": "Person",
    "properties": {"name": ["Joseph Kony"], "birthDate": ["1961"], "nationality": ["ug"]},
}


def match(client, key, body, dataset="default", **params):
    return client.post(f"/match/{dataset}", params=params, json=body, headers=auth(key))


def test_match_has_yentes_request_and_response_shape(client, keys):
    body = {
        "queries": {"q1": KONY, "q2": {"schema": "Person", "properties": {"name": "Nobody Atall"}}}
    }
    response = match(client, keys.screener_a, body)
    assert response.status_code == 200, response.text
    data = response.json()
    EntityMatchResponse.model_validate(data)
    assert set(data) == {"responses", "matcher", "limit"}
    assert data["limit"] == 5
    assert response.headers["x-batch-size"] == "2"
    q1 = data["responses"]["q1"]
    assert q1["status"] == 200
    assert q1["total"] == {"value": len(q1["results"]), "relation": "eq"}
    assert q1["query"]["schema"] == "Person"
    assert q1["query"]["properties"]["name"] == ["Joseph Kony"]
    top = q1["results"][0]
    assert set(top) >= RESULT_FIELDS
    assert top["id"] == "un-sc:CFi.009"
    assert top["caption"] == "JOSEPH KONY"
    assert top["match"] is True and 0.8 <= top["score"] <= 1.0
    assert top["datasets"] == ["un-sc"]
    assert "name" in top["features"] and "birth_date_agreement" in top["features"]
    assert top["properties"]["nationality"] == ["ug"]
    # A single string property is accepted, as yente accepts it.
    assert data["responses"]["q2"]["query"]["properties"]["name"] == ["Nobody Atall"]
    assert set(data["matcher"]) >= {"name", "birth_date_agreement"}
    assert all("description" in doc and "coefficient" in doc for doc in data["matcher"].values())


def test_threshold_marks_matches_and_cutoff_drops_results(client, keys):
    body = {"queries": {"q": {"schema": "Person", "properties": {"name": ["Joseph Koni"]}}}}
    strict = match(client, keys.screener_a, body, threshold=1.0, cutoff=0.5).json()
    results = strict["responses"]["q"]["results"]
    assert results and all(r["match"] is False for r in results)
    assert all(r["score"] >= 0.5 for r in results)
    nothing = match(client, keys.screener_a, body, cutoff=1.0, threshold=1.0).json()
    assert nothing["responses"]["q"]["results"] == []


@pytest.mark.parametrize("algorithm", [DEFAULT_ALGORITHM, "best"])
def test_known_algorithms_and_best_are_accepted(client, keys, algorithm):
    response = match(client, keys.screener_a, {"queries": {"q": KONY}}, algorithm=algorithm)
    assert response.status_code == 200


def test_unknown_algorithm_is_400_naming_the_choices(client, keys):
    response = match(client, keys.screener_a, {"queries": {"q": KONY}}, algorithm="logic-v9")
    assert response.status_code == 400
    assert "logic-v9" in response.json()["detail"]
    assert DEFAULT_ALGORITHM in response.json()["detail"]


def test_dataset_filters_and_exclusions(client, keys):
    body = {"queries": {"q": KONY}}
    assert match(client, keys.screener_a, body, dataset="un-sc").json()["responses"]["q"]["results"]
    excluded = match(client, keys.screener_a, body, exclude_entity_ids="un-sc:CFi.009").json()
    assert "un-sc:CFi.009" not in [r["id"] for r in excluded["responses"]["q"]["results"]]
    other = match(client, keys.screener_a, body, include_dataset="api:BRAVO").json()
    assert other["responses"]["q"]["results"] == []
    assert match(client, keys.screener_a, body, dataset="no-such-list").status_code == 404


def test_empty_or_broken_queries_are_400(client, keys):
    assert match(client, keys.screener_a, {"queries": {}}).status_code == 400
    nameless = {"queries": {"q": {"schema": "Person", "properties": {"birthDate": ["1970"]}}}}
    response = match(client, keys.screener_a, nameless)
    assert response.status_code == 400
    assert "'q'" in response.json()["detail"]


def test_entities_returns_a_yente_entity(client, keys):
    response = client.get("/entities/un-sc:QDi.299", headers=auth(keys.screener_a))
    assert response.status_code == 200
    entity = response.json()
    EntityResponse.model_validate(entity)
    assert entity["id"] == "un-sc:QDi.299"
    assert entity["schema"] == "Person"
    assert "IBRAHIM AWWAD IBRAHIM ALI AL-BADRI AL-SAMARRAI" in entity["properties"]["name"]
    assert entity["properties"]["birthDate"] == ["1971"]
    assert entity["target"] is True


def test_algorithms_are_documented_from_the_algorithm_class(client, keys):
    response = client.get("/algorithms", headers=auth(keys.screener_a))
    data = AlgorithmResponse.model_validate(response.json())
    assert data.default == DEFAULT_ALGORITHM
    assert [a.name for a in data.algorithms] == list(ALGORITHMS)
    doc = data.algorithms[0]
    kind = ALGORITHMS[doc.name]
    assert doc.version == kind.VERSION
    assert doc.description == kind.DESCRIPTION
    assert set(doc.config) == set(kind.CONFIG)
    assert {f.name for f in kind.FEATURES} <= set(doc.features)
