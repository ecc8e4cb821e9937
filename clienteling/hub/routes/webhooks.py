"""What every signed webhook route does before it trusts a body: read it within a size
limit, check the sender's signature (and say in the log, without the body, why a request
was refused), and parse it.

Shared by the web shop's events (`routes.ingest`), customers' replies (`routes.inbound`)
and providers' status callbacks (`routes.delivery_receipts`): all refuse the same way,
with the same error codes, so a provider misconfigured anywhere reads the same sentence
in the hub's log. Providers that post forms (Twilio, Mailgun) go through `signed_form`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from fastapi import Request

from clienteling.hub.errors import ApiError
from clienteling.hub.inbound_forms import BadFormError, Form, parse_form

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Clienteling-Signature"
"""The header of our own formats: HMAC-SHA256 of the raw body (`hub.ingest.signing`)."""


async def read_body(request: Request, limit: int) -> bytes:
    """The raw body (signatures are over bytes), refused with 413 past `limit`."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "body_too_large", f"the body is larger than {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise ApiError(413, "body_too_large", f"the body is larger than {limit} bytes")
    return bytes(body)


def require_signature(valid: bool, *, route: str, sender: str, header: str | None) -> None:
    """Refuse (401 `bad_signature`) unless `valid`, logging which route and sender refused
    a missing or a wrong signature. `header` is only looked at for that word."""
    if valid:
        return
    log.warning(
        "%s %s: refused a request with a %s signature",
        route,
        sender,
        "wrong" if header else "missing",
    )
    raise ApiError(401, "bad_signature", "the request signature is missing or wrong")


def parse_json(body: bytes) -> object:
    """The body as JSON, or 400 `invalid_json` with where it broke."""
    try:
        return json.loads(body)
    except UnicodeDecodeError as exc:
        raise ApiError(400, "invalid_json", "the body is not UTF-8 JSON") from exc
    except json.JSONDecodeError as exc:
        raise ApiError(
            400,
            "invalid_json",
            f"the body is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
        ) from exc


async def signed_form(
    request: Request,
    *,
    secret: str | None,
    disabled: tuple[str, str],
    limit: int,
    route: str,
    sender: str,
    verify: Callable[[str, Form], bool],
    header: Callable[[Form], str | None],
) -> Form:
    """A provider's form post (Twilio, Mailgun), trusted: 403 `disabled` (code, sentence)
    when no `secret` is configured, 413 past `limit`, 400 `invalid_form`, and 401 unless
    `verify(secret, form)`; `header(form)` is the signature as sent (for the log's word)."""
    if not secret:
        raise ApiError(403, *disabled)
    body = await read_body(request, limit)
    try:
        form = parse_form(body, request.headers.get("content-type"))
    except BadFormError as exc:
        raise ApiError(400, "invalid_form", str(exc)) from exc
    require_signature(verify(secret, form), route=route, sender=sender, header=header(form))
    return form
