"""yente's matching API: `POST /match/{dataset}`, same request and response shape."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from hajiz.api.auth import PrincipalDep, ScreenerDep
from hajiz.api.deps import StateDep
from hajiz.api.errors import json_response, responses
from hajiz.api.routes.screen import check_limit
from hajiz.api.schemas import (
    AlgorithmResponse,
    EntityExample,
    EntityMatchQuery,
    EntityMatchResponse,
)
from hajiz.api.service import scored_entity
from hajiz.audit import AuditAction
from hajiz.errors import HajizError, InvalidInput
from hajiz.matching.algorithm import ALGORITHMS, DEFAULT_ALGORITHM
from hajiz.model import Entry
from hajiz.model import Query as TravellerQuery
from hajiz.queries import query_from_ftm

router = APIRouter(tags=["Matching"])

# yente's names for "whatever the service thinks best"; both mean hajiz's default algorithm.
_ALIASES = {"best": DEFAULT_ALGORITHM, "default": DEFAULT_ALGORITHM}
DEFAULT_DATASET = "default"
_MATCH_LIMIT = 5


def _dataset_sources(dataset: str, visible: dict[str, str | None]) -> set[str] | None:
    """The sources a dataset means (None: every one); an unknown one is a 404."""
    if dataset == DEFAULT_DATASET:
        return None
    if dataset in visible:
        return {dataset}
    choices = ", ".join([DEFAULT_DATASET, *sorted(visible)])
    raise HajizError(f"Unknown dataset {dataset!r} (choose from: {choices})", status=404)


def _example_query(name: str, example: EntityExample, max_name_length: int) -> TravellerQuery:
    data = example.model_dump(by_alias=True)
    try:
        query = query_from_ftm(data, max_name_length=max_name_length)
    except HajizError as error:
        raise InvalidInput(f"Query {name!r}: {error.detail}") from None
    return query.model_copy(update={"id": name})


def _echo(example: EntityExample) -> dict[str, Any]:
    properties = {
        key: value if isinstance(value, list) else [value]
        for key, value in example.properties.items()
    }
    return {"id": example.id, "schema": example.schema_, "properties": properties}


def _matcher_docs(algorithm: str) -> dict[str, dict[str, Any]]:
    kind = ALGORITHMS[algorithm]
    docs = {
        "name": {
            "description": "Best alignment of a query name with an entry name, across scripts.",
            "coefficient": 1.0,
            "url": None,
        }
    }
    for feature in kind.FEATURES:
        docs[feature.name] = {
            "description": feature.description,
            "coefficient": feature.support,
            "url": None,
        }
    return docs


@router.post(
    "/match/{dataset}",
    response_model=EntityMatchResponse,
    responses=responses(400, 401, 403, 404, 413, 422, 503),
    summary="Query by example matcher (yente-compatible)",
)
async def match(
    body: EntityMatchQuery,
    state: StateDep,
    principal: ScreenerDep,
    dataset: Annotated[str, Path(max_length=100, description="`default`, or one list")],
    limit: Annotated[int, Query(ge=1, description="Results per query")] = _MATCH_LIMIT,
    threshold: Annotated[
        float | None, Query(ge=0.0, le=1.0, description="Score at which a result is a match")
    ] = None,
    cutoff: Annotated[
        float, Query(ge=0.0, le=1.0, description="Lowest score of a result returned at all")
    ] = 0.5,
    algorithm: Annotated[
        str, Query(max_length=64, description=f"One of: {', '.join(ALGORITHMS)} (or best)")
    ] = DEFAULT_ALGORITHM,
    include_dataset: Annotated[list[str], Query(description="Only these lists")] = [],  # noqa: B006
    exclude_dataset: Annotated[list[str], Query(description="Not these lists")] = [],  # noqa: B006
    exclude_schema: Annotated[list[str], Query(description="Not these schemata")] = [],  # noqa: B006
    exclude_entity_ids: Annotated[
        list[str], Query(max_length=50, description="Not these entities")
    ] = [],  # noqa: B006
) -> Response:
    """Match entities given as FollowTheMoney examples (`{"queries": {"q1": {...}}}`).

    Each named query gets its results, scored and marked `match` at or above the threshold;
    the shape is yente's, so yente clients work unchanged. Only entries released to the
    caller's agency are matched, and every query is audited.
    """
    settings = state.settings
    name = _ALIASES.get(algorithm, algorithm)
    screener = state.screening.screener(name)
    threshold = screener.threshold if threshold is None else threshold
    limit = check_limit(limit, settings)
    if not body.queries:
        raise InvalidInput("No queries provided")
    if len(body.queries) > settings.api_max_batch:
        raise InvalidInput(
            f"Too many queries in one batch ({len(body.queries)}; limit: {settings.api_max_batch})"
        )
    versions = state.sync.list_versions(principal.agency)
    sources = _dataset_sources(dataset, versions)
    queries = [
        _example_query(key, example, settings.max_name_length)
        for key, example in body.queries.items()
    ]
    is_filtered = bool(sources or include_dataset or exclude_dataset or exclude_schema)
    wanted = settings.api_max_results if is_filtered or exclude_entity_ids else limit
    excluded = set(exclude_entity_ids)

    def keep(entry: Entry) -> bool:
        return (
            (sources is None or entry.source in sources)
            and (not include_dataset or entry.source in include_dataset)
            and entry.source not in exclude_dataset
            and entry.schema_.value not in exclude_schema
            and entry.id not in excluded
        )

    screening = await state.screening.screen(
        principal,
        queries,
        limit=wanted,
        threshold=min(cutoff, threshold),
        algorithm=name,
        action=AuditAction.MATCH,
        endpoint=f"/match/{dataset}",
        keep=keep if wanted != limit else None,
        show=limit,
    )
    result: dict[str, Any] = {}
    for (key, example), item in zip(body.queries.items(), screening.items, strict=True):
        scored = [
            scored_entity(hit, entry, threshold, item.cleared.get(hit.entry_id))
            for hit, entry in item.hits
        ]
        result[key] = {
            "status": 200,
            "results": scored,
            "total": {"value": len(scored), "relation": "eq"},
            "query": _echo(example),
            "case_id": None if item.case is None else item.case.id,
        }
    return json_response(
        {"responses": result, "matcher": _matcher_docs(name), "limit": limit},
        headers={"x-batch-size": str(len(result))},
    )


def algorithm_doc(name: str) -> dict[str, Any]:
    """The docs of one algorithm, generated from its class."""
    kind = ALGORITHMS[name]
    return {
        "name": kind.NAME,
        "version": kind.VERSION,
        "description": kind.DESCRIPTION,
        "config": {
            key: {"default": var.default, "description": var.description}
            for key, var in kind.CONFIG.items()
        },
        "features": _matcher_docs(name),
    }


@router.get(
    "/algorithms",
    response_model=AlgorithmResponse,
    responses=responses(401),
    summary="The scoring algorithms, documented",
)
async def algorithms(principal: PrincipalDep) -> Response:
    """Every algorithm: name, version, description, config variables and features."""
    return json_response(
        {
            "algorithms": [algorithm_doc(name) for name in ALGORITHMS],
            "default": DEFAULT_ALGORITHM,
            "best": DEFAULT_ALGORITHM,
        }
    )
