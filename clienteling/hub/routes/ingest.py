"""`POST /api/v1/ingest/{source}`: the web shop's events, signed with HMAC-SHA256.

Generic sources (any name but `shopify`) send our own format (`hub.ingest.generic`) signed
in `X-Clienteling-Signature` (hex or base64, "sha256=" prefix allowed) with the source's
secret (`webhook_secrets[source]`, else `webhook_secret`). Source `shopify` takes Shopify's
webhooks as Shopify sends them (`hub.ingest.shopify`), signed with
`shopify_webhook_secret`.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from clienteling.hub.context import HubContext
from clienteling.hub.deps import HubDep
from clienteling.hub.errors import ApiError
from clienteling.hub.ingest import generic, shopify, signing
from clienteling.hub.ingest.apply import IngestResult, ingest
from clienteling.hub.ingest.events import BadEventError
from clienteling.hub.routes.webhooks import (
    SIGNATURE_HEADER,
    parse_json,
    read_body,
    require_signature,
)
from clienteling.protocol.models import ErrorBody

router = APIRouter(prefix="/api/v1/ingest", tags=["ingest"])

_SOURCE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in (
        (400, "The body is not JSON, or a required header is missing."),
        (401, "The signature is missing or wrong (`bad_signature`)."),
        (403, "No secret is configured for this source (`ingest_disabled`)."),
        (413, "The body is too large."),
        (422, "The event cannot be understood (generic sources)."),
    )
}
_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "The raw event: our generic format, or Shopify's webhook payload.",
        "content": {"application/json": {"schema": {"type": "object"}}},
    },
    "parameters": [
        {
            "name": SIGNATURE_HEADER,
            "in": "header",
            "required": False,
            "description": "Generic sources: HMAC-SHA256 of the raw body (hex or base64).",
            "schema": {"type": "string"},
        },
        {
            "name": "X-Shopify-Hmac-Sha256",
            "in": "header",
            "required": False,
            "description": "Source `shopify`: base64 HMAC-SHA256 of the raw body.",
            "schema": {"type": "string"},
        },
        {
            "name": "X-Shopify-Topic",
            "in": "header",
            "required": False,
            "schema": {"type": "string"},
        },
        {
            "name": "X-Shopify-Webhook-Id",
            "in": "header",
            "required": False,
            "schema": {"type": "string"},
        },
    ],
}


def _secret(hub: HubContext, source: str) -> str | None:
    settings = hub.settings
    if source in settings.webhook_secrets:
        return settings.webhook_secrets[source]
    if source == "shopify":
        return settings.shopify_webhook_secret
    return settings.webhook_secret


@router.post(
    "/{source}",
    responses=_ERRORS,
    openapi_extra=_BODY_DOC,
    summary="Receive one web-shop event (generic format or a Shopify webhook)",
)
async def receive(source: str, request: Request, hub: HubDep) -> IngestResult:
    if not _SOURCE.match(source):
        raise ApiError(404, "unknown_source", "a source is 1-32 of a-z, 0-9, '-' and '_'")
    secret = _secret(hub, source)
    if not secret:
        raise ApiError(403, "ingest_disabled", f"no webhook secret is configured for {source!r}")
    body = await read_body(request, hub.settings.ingest_max_body_bytes)
    if source == "shopify":
        header = request.headers.get("X-Shopify-Hmac-Sha256")
        valid = signing.verify(secret, body, header, hex_allowed=False)
    else:
        header = request.headers.get(SIGNATURE_HEADER)
        valid = signing.verify(secret, body, header)
    require_signature(valid, route="ingest", sender=source, header=header)
    payload = parse_json(body)
    if source == "shopify":
        return await run_in_threadpool(_shopify, hub, request, payload)
    return await run_in_threadpool(_generic, hub, source, payload)


def _generic(hub: HubContext, source: str, payload: object) -> IngestResult:
    try:
        event_id, kind, event = generic.parse(payload)
        return ingest(
            hub.engine, hub.settings, source=source, event_id=event_id, topic=kind, event=event
        )
    except BadEventError as exc:
        raise ApiError(422, "invalid_event", str(exc)) from exc


def _shopify(hub: HubContext, request: Request, payload: object) -> IngestResult:
    topic = (request.headers.get("X-Shopify-Topic") or "").strip()
    event_id = request.headers.get("X-Shopify-Webhook-Id") or request.headers.get(
        "X-Shopify-Event-Id"
    )
    if not topic:
        raise ApiError(400, "missing_header", "X-Shopify-Topic is missing")
    if not event_id or len(event_id.strip()) > 200:
        raise ApiError(400, "missing_header", "X-Shopify-Webhook-Id is missing")
    event_id = event_id.strip()
    try:
        event = shopify.parse(topic, payload)
        return ingest(
            hub.engine, hub.settings, source="shopify", event_id=event_id, topic=topic, event=event
        )
    except BadEventError as exc:
        # Acknowledge (recorded as rejected): Shopify would retry a 4xx for days and then
        # drop the subscription; the log and the events table say what was wrong.
        return ingest(
            hub.engine,
            hub.settings,
            source="shopify",
            event_id=event_id,
            topic=topic,
            event=None,
            rejected=str(exc),
        )
