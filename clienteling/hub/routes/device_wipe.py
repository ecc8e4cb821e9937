"""`POST /api/v1/devices/self/wiped`: a revoked terminal pushed what it owed and wiped.

Called with the token of its final push; its last tokens go (`hub.revocation`).
"""

from __future__ import annotations

from fastapi import APIRouter, Response

from clienteling.hub import audit, revocation
from clienteling.hub.db import write_tx
from clienteling.hub.deps import HubDep, PushSessionDep
from clienteling.hub.errors import ApiError
from clienteling.protocol.models import ErrorBody

router = APIRouter(prefix="/api/v1", tags=["devices"])


@router.post(
    "/devices/self/wiped",
    status_code=204,
    responses={409: {"model": ErrorBody, "description": "This device was not revoked."}},
)
def device_wiped(hub: HubDep, session: PushSessionDep) -> Response:
    if not session.revoked:
        raise ApiError(409, "not_revoked", "this device was not revoked: nothing to wipe")
    with write_tx(hub.engine) as conn:
        revocation.mark_wiped(conn, device_id=session.device_id)
        audit.record(
            conn,
            action=audit.DEVICE_WIPED,
            associate_id=session.associate_id,
            device_id=session.device_id,
        )
    return Response(status_code=204)
