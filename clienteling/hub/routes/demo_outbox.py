"""`GET /demo/outbox`: what the hub sent to the demo's local sinks, links clickable.

Served only when the demo's sinks are attached (`clienteling demo`); 404 otherwise, so a
real hub never shows it.
"""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from clienteling.hub import pages
from clienteling.hub.deps import HubDep
from clienteling.hub.errors import ApiError
from clienteling.hub.followup_runtime import FollowupRuntime

router = APIRouter(tags=["demo"], include_in_schema=False)
_URL = re.compile(r"https?://[^\s<>\"']+")


def _linked(text: str) -> Markup:
    """Escaped text whose URLs are links (escape first: nothing in a message is markup)."""
    escaped = str(escape(text))
    return Markup(_URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped))


@router.get("/demo/outbox", response_class=HTMLResponse)
def outbox(request: Request, hub: HubDep) -> HTMLResponse:
    runtime: FollowupRuntime = request.app.state.followups
    if not hub.settings.demo_outbox or (runtime.smtp_sink is None and runtime.provider is None):
        raise ApiError(404, "not_found", "the demo outbox exists only in `clienteling demo`")
    messages = []
    for mail in runtime.smtp_sink.snapshot() if runtime.smtp_sink else []:
        messages.append(
            {
                "channel": "email",
                "to": ", ".join(mail.rcpt_tos),
                "subject": mail.subject,
                "body": _linked(mail.body("plain")),
            }
        )
    for text in runtime.provider.snapshot() if runtime.provider else []:
        messages.append(
            {"channel": text.channel, "to": text.to, "subject": "", "body": _linked(text.text)}
        )
    messages.reverse()
    return pages.render(
        "outbox.html", language="en", shop_name=hub.settings.shop_name, messages=messages
    )
