"""Replies from customers, as the providers' inbound webhooks deliver them (`hub.replies`).

- `POST /api/v1/inbound/{provider}`: one inbound SMS, WhatsApp message or email (from an
  inbound-parse service), JSON `InboundIn`, signed like ingest: `X-Clienteling-Signature`
  is the HMAC-SHA256 of the raw body (hex or base64, "sha256=" allowed) with the
  provider's secret (`inbound_secrets[provider]`, else `inbound_secret`). Idempotent by
  the provider's message id.
- `POST /api/v1/inbound/twilio`: Twilio's inbound SMS/WhatsApp form, as Twilio signs it
  (`hub.inbound_twilio`, `twilio_auth_token`); answers empty TwiML.
- `POST /api/v1/inbound/mailgun`: a Mailgun route's parsed email, as Mailgun signs it
  (`hub.inbound_mailgun`, `mailgun_signing_key`), fresh and with a token used once;
  `POST /api/v1/inbound/mailgun/mime` the same for a route forwarding the raw MIME
  (Mailgun does so to a URL ending in "mime"; either path reads either form).
- `GET /api/v1/inbound/unmatched` (admin): the messages nobody could be matched to;
  `POST /api/v1/inbound/unmatched/{provider}/{message_id}/assign` (admin, `{customer_id}`)
  makes one that customer's reply.

An email to a bounce address (`bounce+<token>@<reply_domain>`, the envelope sender the
worker gives each email) is a relay's bounce report, never a reply (`delivery.bounces`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

import pydantic
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from sqlalchemy.engine import Connection
from starlette.concurrency import run_in_threadpool

from clienteling.hub import inbound_mailgun, inbound_twilio, replies
from clienteling.hub.clock import utc_now
from clienteling.hub.context import HubContext
from clienteling.hub.db import read_tx, write_tx
from clienteling.hub.delivery import bounces
from clienteling.hub.deps import AdminDep, HubDep
from clienteling.hub.errors import ApiError
from clienteling.hub.ingest import signing
from clienteling.hub.routes.webhooks import (
    SIGNATURE_HEADER,
    parse_json,
    read_body,
    require_signature,
    signed_form,
)
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
    mime: str | None = Field(
        default=None,
        max_length=2_000_000,
        description="The raw message (RFC 5322), when the inbound-parse service forwards "
        "it: a bounce report's delivery-status part is read from it.",
    )


class InboundOut(BaseModel):
    status: Literal["matched", "unmatched", "bounce"] = Field(
        description="`bounce`: the email went to a bounce address (`bounce` says what "
        "became of it); never a customer's reply."
    )
    bounce: Literal["recorded", "temporary", "ignored"] | None = Field(
        default=None,
        description="`recorded`: a permanent failure, the follow-up failed (bounced); "
        "`temporary`: a delay, nothing changed; `ignored`: not our address, or no report.",
    )
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


async def _receive(
    hub: HubContext,
    message: replies.Inbound,
    *,
    first: Callable[[Connection], None] | None = None,
) -> replies.Outcome | bounces.BounceOutcome:
    """Record and match the message in one write transaction (`first` runs before, in it,
    and may refuse the message by raising), then log what happened (ids only)."""

    def apply() -> replies.Outcome | bounces.BounceOutcome:
        with write_tx(hub.engine) as conn:
            if first is not None:
                first(conn)
            if bounces.is_bounce(message):
                return bounces.receive(conn, message)
            return replies.receive(conn, message, phone_region=hub.settings.ingest_phone_region)

    outcome = await run_in_threadpool(apply)
    if isinstance(outcome, bounces.BounceOutcome):
        log.info(
            "inbound %s bounce: %s%s",
            message.provider,
            outcome.result,
            " (again)" if outcome.duplicate else "",
        )
        return outcome
    log.info(
        "inbound %s %s: %s%s",
        message.provider,
        message.channel,
        outcome.status,
        " (again)" if outcome.duplicate else "",
    )
    return outcome


_TWILIO_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "required": ["MessageSid", "From"],
                    "properties": {
                        name: {"type": "string"}
                        for name in ("MessageSid", "From", "To", "Body", "AccountSid")
                    },
                }
            }
        },
    },
    "parameters": [
        {
            "name": inbound_twilio.SIGNATURE_HEADER,
            "in": "header",
            "required": True,
            "description": "Base64 HMAC-SHA1 (Auth Token) of the URL + sorted fields.",
            "schema": {"type": "string"},
        }
    ],
    "responses": {"200": {"description": "Empty TwiML.", "content": {"text/xml": {}}}},
}


@router.post(
    "/twilio",
    responses=_ERRORS,
    openapi_extra=_TWILIO_DOC,
    response_class=Response,
    summary="Receive one SMS or WhatsApp message from Twilio",
)
async def receive_twilio(request: Request, hub: HubDep) -> Response:
    form = await signed_form(
        request,
        secret=hub.settings.twilio_auth_token,
        disabled=("inbound_disabled", "no Twilio auth token is configured"),
        limit=hub.settings.ingest_max_body_bytes,
        route="inbound",
        sender="twilio",
        verify=inbound_twilio.request_verifier(
            request,
            configured=hub.settings.twilio_webhook_url,
            public_url=hub.settings.public_url,
        ),
        header=lambda _form: request.headers.get(inbound_twilio.SIGNATURE_HEADER),
    )
    try:
        message = inbound_twilio.to_inbound(form)
    except inbound_twilio.BadTwilioMessageError as exc:
        raise ApiError(422, "invalid_message", str(exc)) from exc
    await _receive(hub, message)
    return Response(inbound_twilio.EMPTY_TWIML, media_type="text/xml")


_MAILGUN_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            kind: {
                "schema": {
                    "type": "object",
                    "required": ["timestamp", "token", "signature"],
                    "properties": {
                        name: {"type": "string"}
                        for name in (
                            "timestamp",
                            "token",
                            "signature",
                            "sender",
                            "from",
                            "recipient",
                            "subject",
                            "body-plain",
                            "stripped-text",
                            "body-mime",
                            "Message-Id",
                            "In-Reply-To",
                            "message-headers",
                        )
                    },
                }
            }
            for kind in ("application/x-www-form-urlencoded", "multipart/form-data")
        },
    },
}
_MAILGUN_ERRORS: dict[int | str, dict[str, Any]] = {
    **_ERRORS,
    401: {
        "model": ErrorBody,
        "description": "The signature is wrong (`bad_signature`), too old or too new "
        "(`stale_signature`), or its token was used for another email (`replayed_signature`).",
    },
    406: {
        "model": ErrorBody,
        "description": "Not an email we can take (`invalid_message`); Mailgun stops retrying.",
    },
}


@router.post(
    "/mailgun",
    responses=_MAILGUN_ERRORS,
    openapi_extra=_MAILGUN_DOC,
    summary="Receive one email reply from a Mailgun route",
)
async def receive_mailgun(request: Request, hub: HubDep) -> InboundOut:
    return await _receive_mailgun(request, hub)


@router.post(
    "/mailgun/mime",
    responses=_MAILGUN_ERRORS,
    openapi_extra=_MAILGUN_DOC,
    summary="Receive one email from a Mailgun route that forwards the raw MIME",
    description="The same as `/mailgun`: Mailgun posts `body-mime` (the raw message) "
    "instead of the parsed fields to a forward URL that ends in `mime`.",
)
async def receive_mailgun_mime(request: Request, hub: HubDep) -> InboundOut:
    return await _receive_mailgun(request, hub)


async def _receive_mailgun(request: Request, hub: HubDep) -> InboundOut:
    form = await signed_form(
        request,
        secret=hub.settings.mailgun_signing_key,
        disabled=("inbound_disabled", "no Mailgun signing key is configured"),
        limit=hub.settings.max_body_bytes,
        route="inbound",
        sender="mailgun",
        verify=inbound_mailgun.verify,
        header=lambda sent: sent.get("signature") or None,
    )
    max_age = hub.settings.mailgun_max_age_s
    now = utc_now()
    if not inbound_mailgun.is_fresh(form, now=now, max_age_s=max_age):
        log.warning("inbound mailgun: refused a signature older or newer than %ss", max_age)
        raise ApiError(401, "stale_signature", "the request signature is too old or too new")
    try:
        message = inbound_mailgun.to_inbound(form)
    except inbound_mailgun.BadMailgunMessageError as exc:
        raise ApiError(406, "invalid_message", str(exc)) from exc

    def once(conn: Connection) -> None:
        if not inbound_mailgun.claim_token(
            conn, form, message_id=message.message_id, now=now, max_age_s=max_age
        ):
            log.warning("inbound mailgun: refused a signature token used for another email")
            raise ApiError(401, "replayed_signature", "the request signature was used before")

    return _out(await _receive(hub, message, first=once))


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
    body = await read_body(request, hub.settings.ingest_max_body_bytes)
    header = request.headers.get(SIGNATURE_HEADER)
    valid = signing.verify(secret, body, header)
    require_signature(valid, route="inbound", sender=provider, header=header)
    try:
        message = InboundIn.model_validate(parse_json(body))
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        raise ApiError(422, "invalid_message", f"{where}: {first['msg']}") from exc
    outcome = await _receive(
        hub,
        replies.Inbound(
            provider=provider,
            message_id=message.id,
            channel=message.channel,
            sender=message.sender,
            recipient=message.recipient,
            text=message.text,
            in_reply_to=message.in_reply_to,
            received_at=message.received_at,
            mime=message.mime,
        ),
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


def _out(outcome: replies.Outcome | bounces.BounceOutcome) -> InboundOut:
    if isinstance(outcome, bounces.BounceOutcome):
        return InboundOut(status="bounce", bounce=outcome.result, duplicate=outcome.duplicate)
    return InboundOut(
        status=outcome.status,
        duplicate=outcome.duplicate,
        reply_id=outcome.reply_id,
        customer_id=outcome.customer_id,
        followup_id=outcome.followup_id,
        matched_on=outcome.matched_on,
        opted_out=outcome.opted_out,
    )
