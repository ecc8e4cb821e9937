"""`POST /api/v1/delivery/receipts`: the SMS/WhatsApp provider's delivery receipts.

Body `{"idempotency_key": "...", "status": "delivered" | "read" | "failed" | "bounced"}`,
with `Authorization: Bearer <CLIENTELING_PROVIDER_RECEIPTS_TOKEN>`. Idempotent: the same
receipt again changes nothing more.

`POST /api/v1/delivery/twilio/status?key=...`: Twilio's status callback for a message the
worker sent through Twilio (`hub.delivery.twilio`), signed with `X-Twilio-Signature`.
"""

from __future__ import annotations

import hmac
from typing import Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from clienteling.hub import inbound_twilio
from clienteling.hub.db import write_tx
from clienteling.hub.delivery import twilio
from clienteling.hub.delivery.receipts import record_receipt
from clienteling.hub.deps import HubDep
from clienteling.hub.errors import ApiError
from clienteling.hub.routes.webhooks import signed_form

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


@router.post(
    "/twilio/status",
    status_code=204,
    response_class=Response,
    summary="A status callback from Twilio for a message the hub sent",
)
async def twilio_status(
    request: Request, hub: HubDep, key: str = Query(min_length=1, max_length=64)
) -> Response:
    settings = hub.settings
    form = await signed_form(
        request,
        secret=settings.twilio_auth_token,
        disabled=("receipts_disabled", "no Twilio auth token is configured"),
        limit=settings.ingest_max_body_bytes,
        route="delivery",
        sender="twilio",
        verify=inbound_twilio.request_verifier(
            request, configured=None, public_url=settings.public_url
        ),
        header=lambda _form: request.headers.get(inbound_twilio.SIGNATURE_HEADER),
    )
    receipt = twilio.receipt_of(form.get("MessageStatus"))
    if receipt is not None:

        def apply() -> None:
            with write_tx(hub.engine) as conn:
                record_receipt(conn, idempotency_key=key, receipt=receipt)

        await run_in_threadpool(apply)
    return Response(status_code=204)
