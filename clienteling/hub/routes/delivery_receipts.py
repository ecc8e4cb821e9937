"""`POST /api/v1/delivery/receipts`: the SMS/WhatsApp provider's delivery receipts.

Body `{"idempotency_key": "...", "status": "delivered" | "read" | "failed" | "bounced"}`,
with `Authorization: Bearer <CLIENTELING_PROVIDER_RECEIPTS_TOKEN>`. Idempotent: the same
receipt again changes nothing more.
"""

from __future__ import annotations

import hmac
from typing import Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from clienteling.hub.db import write_tx
from clienteling.hub.delivery.receipts import record_receipt
from clienteling.hub.deps import HubDep
from clienteling.hub.errors import ApiError

router = APIRouter(prefix="/api/v1/delivery", tags=["delivery"])


class ReceiptIn(BaseModel):
    idempotency_key: str = Field(min_length=1, max_length=64)
    status: Literal["delivered", "read", "failed", "bounced"]


class ReceiptOut(BaseModel):
    status: Literal["recorded", "unknown_message"]


@router.post("/receipts", summary="A delivery receipt from the SMS/WhatsApp provider")
async def receipt(body: ReceiptIn, request: Request, hub: HubDep) -> ReceiptOut:
    expected = hub.settings.provider_receipts_token
    if not expected:
        raise ApiError(403, "receipts_disabled", "no provider receipts token is configured")
    given = request.headers.get("Authorization", "")
    if not hmac.compare_digest(given.encode(), f"Bearer {expected}".encode()):
        raise ApiError(401, "unauthorized", "the receipts token is missing or wrong")

    def apply() -> bool:
        with write_tx(hub.engine) as conn:
            return record_receipt(conn, idempotency_key=body.idempotency_key, receipt=body.status)

    found = await run_in_threadpool(apply)
    return ReceiptOut(status="recorded" if found else "unknown_message")
