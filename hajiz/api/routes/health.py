"""Liveness and readiness, the only endpoints without a key (they reveal nothing)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from hajiz.api.errors import json_response, responses
from hajiz.api.schemas import StatusResponse

router = APIRouter(tags=["Health"])


@router.get("/healthz", response_model=StatusResponse, summary="Liveness")
async def healthz() -> Response:
    """The process is up and answering."""
    return json_response({"status": "ok"})


@router.get("/readyz", response_model=StatusResponse, responses=responses(503), summary="Readiness")
async def readyz(request: Request) -> Response:
    """The index is loaded and the store answers: ready to screen."""
    state = getattr(request.app.state, "hajiz", None)
    if state is None:
        return json_response({"detail": "Loading the index", "status": 503}, status=503)
    try:
        state.store.last_change_id()
    except Exception:  # the store is unreachable: not ready, whatever the reason
        return json_response({"detail": "The store does not answer", "status": 503}, status=503)
    return json_response({"status": "ready"})
