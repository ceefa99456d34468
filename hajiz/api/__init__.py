"""The HTTP service: `create_app(settings)` builds it, `hajiz serve` runs it."""

from hajiz.api.app import create_app

__all__ = ["create_app"]
