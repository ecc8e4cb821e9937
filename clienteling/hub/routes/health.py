"""`GET /healthz`: answers once the hub is ready (migrated, serving)."""

from __future__ import annotations

from fastapi import APIRouter

from clienteling import __version__
from clienteling.hub.deps import HubDep

router = APIRouter()


@router.get("/healthz")
def healthz(hub: HubDep) -> dict[str, str]:
    return {"status": "ok", "version": __version__, "epoch": hub.epoch}
