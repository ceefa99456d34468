"""What routes depend on: the service state built at startup, and typed dependency aliases."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from hajiz.api.service import ScreeningService
from hajiz.api.sync import IndexSync
from hajiz.errors import HajizError
from hajiz.settings import Settings
from hajiz.store.service import ServiceStore


@dataclass
class ServiceState:
    """Built once per worker process when the app starts; gone when it stops."""

    settings: Settings
    store: ServiceStore
    sync: IndexSync
    screening: ScreeningService


class NotReady(HajizError):
    """The service is still starting (loading the index) or shutting down."""

    status = 503


async def get_state(request: Request) -> ServiceState:
    """The service state of the running app."""
    state: ServiceState | None = getattr(request.app.state, "hajiz", None)
    if state is None:
        raise NotReady("The service is starting or stopping; try again shortly")
    return state


async def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


StateDep = Annotated[ServiceState, Depends(get_state)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
