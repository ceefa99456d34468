"""The HTTP service: `create_app(settings)` builds the FastAPI app; `hajiz serve` runs it.

Each worker process opens the store, loads the index (from its snapshot when fresh), then
follows the change feed while it serves. OpenAPI docs are at /docs.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from fastapi import FastAPI

from hajiz import __version__
from hajiz.api.deps import ServiceState
from hajiz.api.errors import install_error_handlers
from hajiz.api.limits import BodyLimits
from hajiz.api.routes import admin, cases, entities, entries, health, lists, manifest, match, screen
from hajiz.api.service import ScreeningService
from hajiz.api.sync import IndexSync
from hajiz.errors import HajizError
from hajiz.screening import settle_heap
from hajiz.settings import Settings
from hajiz.store.audit_log import redact_expired
from hajiz.store.service import ServiceStore, open_service_store

log = logging.getLogger("hajiz.api")

# How often each worker redacts audited queries past their retention.
_RETENTION_EVERY = 3600.0

DESCRIPTION = """\
Screen travellers against a shared watchlist. Every endpoint but `/healthz` and `/readyz`
needs an API key: `Authorization: Bearer <key>` (create one with `hajiz keys create`).
`POST /match/{dataset}` and `GET /entities/{id}` speak yente's protocol. Every error has the
shape `{"detail": "...", "status": 400}`. See docs/api.md.
"""


async def _keep_retention(store: ServiceStore, settings: Settings) -> None:
    while True:
        try:
            redact_expired(store, settings.audit_query_retention_days)
        except HajizError as error:
            log.warning("cannot redact expired audit queries: %s", error.detail)
        await asyncio.sleep(_RETENTION_EVERY)


def create_app(settings: Settings) -> FastAPI:
    """The FastAPI app over the store that `settings` names."""

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = open_service_store(settings.database_url_or_default())
        tasks: list[asyncio.Task[None]] = []
        try:
            sync = IndexSync.load(store, settings)
            # The index is millions of long-lived objects: keep the garbage collector from
            # walking them again and again (a full collection would stall screening for a second).
            settle_heap()
            app.state.hajiz = ServiceState(
                settings=settings,
                store=store,
                sync=sync,
                screening=ScreeningService(store, sync, settings),
            )
            tasks.append(asyncio.create_task(sync.follow(settings.api_sync_interval)))
            tasks.append(asyncio.create_task(_keep_retention(store, settings)))
            yield
        finally:
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            app.state.hajiz = None
            store.close()

    app = FastAPI(
        title="hajiz",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url="/docs",
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.hajiz = None
    install_error_handlers(app)
    app.add_middleware(
        BodyLimits,
        max_body=settings.api_max_body_bytes,
        max_upload=settings.api_max_upload_bytes,
        max_depth=settings.api_max_json_depth,
    )
    for module in (health, screen, manifest, match, entities, entries, lists, admin, cases):
        app.include_router(module.router)
    # Imported here, not at the top: the web page's modules import the API's dependencies.
    from hajiz.web import install_web

    install_web(app)
    return app


def app_from_environment() -> FastAPI:
    """The app with settings from HAJIZ_* variables (what `hajiz serve` hands to uvicorn)."""
    return create_app(Settings())
