"""Replies from customers, as the providers' inbound webhooks deliver them (`hub.replies`).

- `POST /api/v1/inbound/{provider}`: one inbound SMS, WhatsApp message or email (from an
  inbound-parse service), JSON `InboundIn`, signed like ingest: `X-Clienteling-Signature`
  is the HMAC-SHA256 of the raw body (hex or base64, "sha256=" allowed) with the
  provider's secret (`inbound_secrets[provider]`, else `inbound_secret`). Idempotent by
  the provider's message id.
- `GET /api/v1/inbound/unmatched` (admin): the messages nobody could be matched to;
  `POST /api/v1/inbound/unmatched/{provider}/{message_id}/assign` (admin, `{customer_id}`)
  makes one that customer's reply.
"""

from __future__ import annotations

import logging
import re
from typing import Annotated, Any, Literal

import pydantic
from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from clienteling.hub import replies
from clienteling.hub.context import HubContext
from clienteling.hub.db import read_tx, write_tx
from clienteling.hub.deps import AdminDep, HubDep
from clienteling.hub.errors import ApiError
from clienteling.hub.ingest import signing
from clienteling.hub.routes.ingest import SIGNATURE_HEADER, _json, _raw_body
from clienteling.protocol.models import ErrorBody

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1/inbound", tags=["inbound replies"])

_PROVIDER = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")


class InboundIn(BaseModel):
    """One message a customer sent us."""

    model_config = pydantic.ConfigDict(populate_by_name=True)

    id: str = Field(min_length=1, max_length=200, description="The provider's message id.")
    channel: Literal["sms", "whatsapp", "email"]
    sender: str = Field(
        alias="from", min_length=1, max_length=320, description="Phone (E.164) or email."
    )
    recipient: str = Field(
        alias="to",
        default="",
        max_length=320,
        description="Our number, or the address the email went to (the Reply-To token).",
    )
    text: str = Field(max_length=100_000, description="The message (an email's plain text).")
    in_reply_to: str | None = Field(
        default=None,
        max_length=320,
        description="The message answered: an email's In-Reply-To, or the provider's id "
        "of the SMS/WhatsApp message we sent (conversation id).",
    )
    received_at: str | None = Field(default=None, max_length=40)


class InboundOut(BaseModel):
    status: Literal["matched", "unmatched"]
    duplicate: bool = Field(description="Delivered before: nothing changed this time.")
    reply_id: str | None = None
    customer_id: str | None = None
    followup_id: str | None = None
    matched_on: Literal["token", "thread", "address", "admin"] | None = None
    opted_out: list[str] = Field(default_factory=list, description="Channels opted out.")


class UnmatchedOut(BaseModel):
    provider: str
    message_id: str
    channel: str
    sender: str
    recipient: str
    text: str
    received_at: str


class UnmatchedPage(BaseModel):
    items: list[UnmatchedOut]
    next_before: str | None = Field(
        default=None, description="Pass as `before` for older messages; null: no more."
    )


_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in (
        (400, "The body is not JSON."),
        (401, "The signature is missing or wrong (`bad_signature`)."),
        (403, "No secret is configured for this provider (`inbound_disabled`)."),
        (413, "The body is too large."),
        (422, "The message cannot be understood (`invalid_message`)."),
    )
}
_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": InboundIn.model_json_schema()}},
    },
    "parameters": [
        {
            "name": SIGNATURE_HEADER,
            "in": "header",
            "required": True,
            "description": "HMAC-SHA256 of the raw body (hex or base64).",
            "schema": {"type": "string"},
        }
    ],
}


def _secret(hub: HubContext, provider: str) -> str | None:
    return hub.settings.inbound_secrets.get(provider) or hub.settings.inbound_secret


@router.post(
    "/{provider}",
    responses=_ERRORS,
    openapi_extra=_BODY_DOC,
    summary="Receive one customer reply (SMS, WhatsApp or email)",
)
async def receive(provider: str, request: Request, hub: HubDep) -> InboundOut:
    if not _PROVIDER.match(provider):
        raise ApiError(404, "unknown_provider", "a provider is 1-32 of a-z, 0-9, '-' and '_'")
    secret = _secret(hub, provider)
    if not secret:
        raise ApiError(403, "inbound_disabled", f"no inbound secret is configured for {provider!r}")
    body = await _raw_body(request, hub.settings.ingest_max_body_bytes)
    header = request.headers.get(SIGNATURE_HEADER)
    if not signing.verify(secret, body, header):
        log.warning(
            "inbound %s: refused a request with a %s signature",
            provider,
            "wrong" if header else "missing",
        )
        raise ApiError(401, "bad_signature", "the request signature is missing or wrong")
    try:
        message = InboundIn.model_validate(_json(body))
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        raise ApiError(422, "invalid_message", f"{where}: {first['msg']}") from exc

    def apply() -> replies.Outcome:
        with write_tx(hub.engine) as conn:
            return replies.receive(
                conn,
                replies.Inbound(
                    provider=provider,
                    message_id=message.id,
                    channel=message.channel,
                    sender=message.sender,
                    recipient=message.recipient,
                    text=message.text,
                    in_reply_to=message.in_reply_to,
                    received_at=message.received_at,
                ),
                phone_region=hub.settings.ingest_phone_region,
            )

    outcome = await run_in_threadpool(apply)
    log.info(
        "inbound %s %s: %s%s",
        provider,
        message.channel,
        outcome.status,
        " (again)" if outcome.duplicate else "",
    )
    return _out(outcome)


@router.get("/unmatched", summary="Replies nobody could be matched to (admin)")
def unmatched(
    hub: HubDep,
    _admin: AdminDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    before: Annotated[str | None, Query(max_length=40)] = None,
) -> UnmatchedPage:
    with read_tx(hub.engine) as conn:
        rows = replies.unmatched(conn, limit=limit + 1, before=before)
    page = rows[:limit]
    return UnmatchedPage(
        items=[
            UnmatchedOut(
                provider=r.provider,
                message_id=r.message_id,
                channel=r.channel,
                sender=r.sender,
                recipient=r.recipient,
                text=r.text,
                received_at=r.received_at,
            )
            for r in page
        ],
        next_before=page[-1].received_at if len(rows) > limit and page else None,
    )


class AssignIn(BaseModel):
    customer_id: str = Field(min_length=1, max_length=64)


@router.post(
    "/unmatched/{provider}/{message_id}/assign",
    summary="Say whose an unmatched reply is (admin)",
)
def assign(
    provider: str, message_id: str, body: AssignIn, hub: HubDep, _admin: AdminDep
) -> InboundOut:
    with write_tx(hub.engine) as conn:
        outcome = replies.assign(
            conn, provider=provider, message_id=message_id, customer_id=body.customer_id
        )
    if outcome is None:
        raise ApiError(404, "not_found", "no such unmatched message, or no such customer")
    return _out(outcome)


def _out(outcome: replies.Outcome) -> InboundOut:
    return InboundOut(
        status=outcome.status,
        duplicate=outcome.duplicate,
        reply_id=outcome.reply_id,
        customer_id=outcome.customer_id,
        followup_id=outcome.followup_id,
        matched_on=outcome.matched_on,
        opted_out=outcome.opted_out,
    )
