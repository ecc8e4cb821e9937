"""`GET /healthz`: answers once the hub is ready (migrated, serving)."""

from __future__ import annotations

from fastapi import APIRouter

from clienteling import __version__
from clienteling.hub.deps import HubDep

router = APIRouter()


@router.get("/healthz")
def healthz(hub: HubDep) -> dict[str, str | int]:
    """Also the protocol range, so a terminal's first-run check can say "update needed"
    before it enrolls."""
    return {
        "status": "ok",
        "version": __version__,
        "epoch": hub.epoch,
        "protocol_min": hub.settings.protocol_version_min,
        "protocol_max": hub.settings.protocol_version_max,
    }
