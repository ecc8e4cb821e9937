"""`GET /demo/outbox`: what the hub sent to the demo's local sinks, links clickable, each
with its delivery status as the hub knows it (queued … delivered, opened, link opened,
bounced, failed; found by the attempt's idempotency key, which the email carries in a
header and the fake provider keeps), and `POST /demo/outbox/reply` (form `ref`, `text`):
answer one as the customer would; the sink posts the reply to the hub's signed inbound
webhook (`hub.replies`), so it reaches the store's terminals like a real one.

Served only when the demo's sinks are attached (`clienteling demo`); 404 otherwise, so a
real hub never shows it.
"""

from __future__ import annotations

import logging
import re

import httpx
import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup, escape
from starlette.concurrency import run_in_threadpool

from clienteling.hub import pages
from clienteling.hub.context import HubContext
from clienteling.hub.deps import HubDep
from clienteling.hub.errors import ApiError
from clienteling.hub.followup_runtime import FollowupRuntime
from clienteling.hub.routes.followup_pages import form
from clienteling.hub.tables import delivery_attempts, followups

log = logging.getLogger(__name__)
router = APIRouter(tags=["demo"], include_in_schema=False)
_URL = re.compile(r"https?://[^\s<>\"']+")


def _linked(text: str) -> Markup:
    """Escaped text whose URLs are links (escape first: nothing in a message is markup)."""
    escaped = str(escape(text))
    return Markup(_URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped))


def _runtime(request: Request, hub: HubContext) -> FollowupRuntime:
    runtime: FollowupRuntime = request.app.state.followups
    if not hub.settings.demo_outbox or (runtime.smtp_sink is None and runtime.provider is None):
        raise ApiError(404, "not_found", "the demo outbox exists only in `clienteling demo`")
    return runtime


_NOTICES = {
    "matched": "Reply sent: the hub matched it to the customer. Sync the terminal to see "
    "it in the timeline.",
    "unmatched": "Reply sent, but the hub could not tell whose it is: it is kept for an "
    "admin (GET /api/v1/inbound/unmatched).",
    "failed": "The reply could not be sent to the hub: see the demo's log.",
}


# The page is in English (a demo tool, not a customer page): the terminal's words.
STATUS_WORDS = {
    "queued": "Queued",
    "sending": "Sending",
    "sent": "Sent",
    "delivered": "Delivered",
    "opened": "Opened",
    "clicked": "Link opened",
    "converted": "Ordered online",
    "refused_no_consent": "Not sent: no consent at sending time",
    "failed": "Failed",
    "bounced": "Bounced",
    "needs_check": "Sending interrupted: to be checked",
    "unknown": "Not known to the hub",
}


def _statuses(hub: HubContext, keys: list[str]) -> dict[str, tuple[str, str]]:
    """Per idempotency key: (status code, the hub's reason or ""). The follow-up's status
    is the message's, except that the attempt's own bounce or failure receipt wins (a
    bounce after an open leaves the follow-up opened; this message still bounced)."""
    wanted = sorted({key for key in keys if key})
    if not wanted:
        return {}
    a, f = delivery_attempts.c, followups.c
    found: dict[str, tuple[str, str]] = {}
    with hub.engine.connect() as conn:
        for row in conn.execute(
            sa.select(a.idempotency_key, a.receipt, f.status, f.status_reason)
            .join(followups, f.id == a.followup_id)
            .where(a.idempotency_key.in_(wanted))
        ):
            code = row.receipt if row.receipt in ("bounced", "failed") else str(row.status)
            found[str(row.idempotency_key)] = (code, str(row.status_reason or ""))
    return found


@router.get("/demo/outbox", response_class=HTMLResponse)
def outbox(request: Request, hub: HubDep, replied: str = "") -> HTMLResponse:
    runtime = _runtime(request, hub)
    messages = []
    for index, mail in enumerate(runtime.smtp_sink.snapshot() if runtime.smtp_sink else []):
        messages.append(
            {
                "channel": "email",
                "to": ", ".join(mail.rcpt_tos),
                "subject": mail.subject,
                "body": _linked(mail.body("plain")),
                "ref": f"email:{index}",
                "key": str(mail.message["X-Clienteling-Idempotency-Key"] or ""),
            }
        )
    for text in runtime.provider.snapshot() if runtime.provider else []:
        messages.append(
            {
                "channel": text.channel,
                "to": text.to,
                "subject": "",
                "body": _linked(text.text),
                "ref": f"text:{text.id}",
                "key": text.idempotency_key,
            }
        )
    statuses = _statuses(hub, [str(m["key"]) for m in messages])
    for message in messages:
        code, reason = statuses.get(str(message["key"]), ("unknown", ""))
        message.update(status=code, status_label=STATUS_WORDS.get(code, code), reason=reason)
    messages.reverse()
    return pages.render(
        "outbox.html",
        language="en",
        shop_name=hub.settings.shop_name,
        messages=messages,
        notice=_NOTICES.get(replied, ""),
    )


def _reply(runtime: FollowupRuntime, ref: str, text: str) -> str:
    kind, _, key = ref.partition(":")
    try:
        if kind == "email" and runtime.smtp_sink is not None and key.isdigit():
            answer = runtime.smtp_sink.reply(int(key), text)
        elif kind == "text" and runtime.provider is not None:
            answer = runtime.provider.reply(key, text)
        else:
            return "failed"
    except (httpx.HTTPError, RuntimeError, IndexError, StopIteration):
        log.exception("demo outbox: the reply did not reach the hub")
        return "failed"
    return str(answer.get("status", "failed"))


@router.post("/demo/outbox/reply")
async def reply(request: Request, hub: HubDep) -> RedirectResponse:
    runtime = _runtime(request, hub)
    fields = await form(request)
    ref = (fields.get("ref") or [""])[0]
    text = (fields.get("text") or [""])[0].strip()
    outcome = await run_in_threadpool(_reply, runtime, ref, text) if text else "failed"
    return RedirectResponse(f"/demo/outbox?replied={outcome}", status_code=303)
