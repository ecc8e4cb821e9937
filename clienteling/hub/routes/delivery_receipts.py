"""`POST /api/v1/delivery/receipts`: the SMS/WhatsApp provider's delivery receipts.

Body `{"idempotency_key": "...", "status": "delivered" | "read" | "failed" | "bounced"}`,
with `Authorization: Bearer <CLIENTELING_PROVIDER_RECEIPTS_TOKEN>`. Idempotent: the same
receipt again changes nothing more.

`POST /api/v1/delivery/twilio/status?key=...`: Twilio's status callback for a message the
worker sent through Twilio (`hub.delivery.twilio`), signed with `X-Twilio-Signature`.

`POST /api/v1/delivery/mailgun/events`: Mailgun's webhook events for emails sent through
it (`hub.delivery.mailgun_events`): signed, fresh, each token once; bounces fail the
follow-up.
"""

from __future__ import annotations

import hmac
from typing import Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from clienteling.hub import inbound_mailgun, inbound_twilio
from clienteling.hub.clock import utc_now
from clienteling.hub.db import write_tx
from clienteling.hub.delivery import mailgun_events, twilio
from clienteling.hub.delivery.receipts import key_of_provider_id, record_receipt
from clienteling.hub.deps import HubDep
from clienteling.hub.errors import ApiError
from clienteling.hub.routes.webhooks import parse_json, read_body, require_signature, signed_form

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


class MailgunEventOut(BaseModel):
    status: Literal["recorded", "ignored", "unknown_message"]


@router.post("/mailgun/events", summary="A delivery event from Mailgun for an email we sent")
async def mailgun_event(request: Request, hub: HubDep) -> MailgunEventOut:
    settings = hub.settings
    key = settings.mailgun_signing_key
    if not key:
        raise ApiError(403, "receipts_disabled", "no Mailgun signing key is configured")
    body = parse_json(await read_body(request, settings.ingest_max_body_bytes))
    signed = body.get("signature") if isinstance(body, dict) else None
    event = body.get("event-data") if isinstance(body, dict) else None
    if not isinstance(signed, dict) or not isinstance(event, dict):
        raise ApiError(422, "invalid_event", "expected {signature, event-data}")
    require_signature(
        mailgun_events.verify(key, signed),
        route="delivery",
        sender="mailgun",
        header=str(signed.get("signature") or "") or None,
    )
    now = utc_now()
    max_age = settings.mailgun_max_age_s
    try:
        fresh = abs(now.timestamp() - float(signed.get("timestamp", ""))) <= max_age
    except (TypeError, ValueError):
        fresh = False
    if not fresh:
        raise ApiError(401, "stale_signature", "the request signature is too old or too new")
    receipt = mailgun_events.receipt_of(event)
    mail_id = mailgun_events.message_id(event)

    def apply() -> MailgunEventOut:
        with write_tx(hub.engine) as conn:
            event_id = str(event.get("id") or mail_id or "")[:200]
            if not inbound_mailgun.claim_nonce(
                conn,
                provider=mailgun_events.PROVIDER,
                token=mailgun_events.token(signed),
                message_id=event_id,
                now=now,
                max_age_s=max_age,
            ):
                raise ApiError(401, "replayed_signature", "the request signature was used before")
            if receipt is None or mail_id is None:
                return MailgunEventOut(status="ignored")
            found = key_of_provider_id(conn, mail_id)
            if found is None:
                return MailgunEventOut(status="unknown_message")
            record_receipt(conn, idempotency_key=found, receipt=receipt)
            return MailgunEventOut(status="recorded")

    return await run_in_threadpool(apply)
