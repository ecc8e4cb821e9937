"""`GET /o/{token}.gif`: the open pixel of a follow-up email (HTML part only).

The first load notes when the email was first opened and moves the follow-up to `opened`
(never back from `clicked` or `converted`). Privacy: nothing about the reader is kept (no
address, no user agent); every answer, known token or not, is the same transparent GIF,
never cached, so the pixel tells a stranger nothing. Image proxies and privacy features
of mail clients may load it without a person reading: an open is a hint, a click is proof.
"""

from __future__ import annotations

import base64

from fastapi import APIRouter
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from clienteling.hub import followups, links, storefront
from clienteling.hub.db import read_tx, write_tx
from clienteling.hub.deps import HubDep

router = APIRouter(tags=["customer pages"], include_in_schema=False)

PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
_HEADERS = {"Cache-Control": "no-store, private, max-age=0", "Referrer-Policy": "no-referrer"}


def _opened(hub: HubDep, token: str) -> None:
    if not links.looks_like_token(token):
        return
    with read_tx(hub.engine) as conn:
        link = storefront.resolve(conn, token, "open")
    if link is None:
        return
    with write_tx(hub.engine) as conn:
        followups.mark_opened(conn, link.followup.id)


@router.get("/o/{token}.gif")
async def open_pixel(token: str, hub: HubDep) -> Response:
    await run_in_threadpool(_opened, hub, token)
    return Response(content=PIXEL, media_type="image/gif", headers=_HEADERS)
