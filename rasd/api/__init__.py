"""The HTTP API: `rasd serve` (FastAPI over the store)."""

from rasd.api.app import create_app

__all__ = ["create_app"]
