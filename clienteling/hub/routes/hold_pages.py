"""Customer pages for holds and offers (no sign-in: the signed token is the key).

- `GET /r/{token}`: the follow-up's picks with what the store has available, to reserve
  for pickup; `POST /r/{token}` (form `product_id`, repeated) holds one of each at the
  store (`hub.reserve_pages`) and shows until when.
- `POST /f/{token}/offer` (form `code`): the demo storefront's cart applies an online
  offer (free delivery or pickup) of the link's customer, once.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from clienteling.hub import pages, reserve_pages
from clienteling.hub.context import HubContext
from clienteling.hub.db import read_tx
from clienteling.hub.delivery.compose import picked_products, store_name
from clienteling.hub.deps import HubDep
from clienteling.hub.holds import hold_duration
from clienteling.hub.links import looks_like_token
from clienteling.hub.routes.followup_pages import _link, form, not_found

router = APIRouter(tags=["customer pages"], include_in_schema=False)


def _reserve_page(hub: HubContext, token: str, *, error: str = "") -> HTMLResponse:
    if not looks_like_token(token):
        return not_found(hub)
    with read_tx(hub.engine) as conn:
        followup = reserve_pages.reserve_followup(conn, token)
        if followup is None or followup.store_id is None:
            return not_found(hub)
        picks = picked_products(conn, list(followup.product_ids), followup.store_id)
        store = store_name(conn, followup.store_id)
        hours = round(hold_duration(conn).total_seconds() / 3600)
    return pages.render(
        "reserve.html",
        language=followup.language,
        shop_name=hub.settings.shop_name,
        h=reserve_pages.words(followup.language),
        store_name=store,
        hours=hours,
        error=error,
        action=f"/r/{token}",
        products=[
            {
                "id": p.id,
                "name": p.name,
                "brand": p.brand,
                "price_minor": p.price_minor,
                "currency": p.currency,
                "here": max(0, int(p.here)),
            }
            for p in picks
        ],
    )


@router.get("/r/{token}", response_class=HTMLResponse)
def reserve_page(token: str, hub: HubDep) -> HTMLResponse:
    return _reserve_page(hub, token)


def _reserve(hub: HubContext, token: str, wanted: list[str]) -> HTMLResponse:
    if not looks_like_token(token):
        return not_found(hub)
    with read_tx(hub.engine) as conn:
        followup = reserve_pages.reserve_followup(conn, token)
    if followup is None or followup.store_id is None:
        return not_found(hub)
    h = reserve_pages.words(followup.language)
    with read_tx(hub.engine) as conn:  # the picks still offered, nothing else
        picks = {p.id for p in picked_products(conn, list(followup.product_ids), None)}
    chosen = [p for p in dict.fromkeys(wanted) if p in picks]
    if not chosen:
        return _reserve_page(hub, token, error=h["nothing"])
    outcomes = reserve_pages.reserve(hub.engine, followup, chosen)
    with read_tx(hub.engine) as conn:
        names = {p.id: p.name for p in picked_products(conn, chosen, followup.store_id)}
        store = store_name(conn, followup.store_id)
        lines = []
        for outcome in outcomes:
            if outcome.expires_at is None:
                text = h["sold_out"].format(store=store)
            else:
                until = reserve_pages.local_time(
                    conn, followup.store_id, outcome.expires_at, followup.language
                )
                text = h["already" if outcome.already else "held_until"].format(time=until)
            lines.append(
                {
                    "name": names.get(outcome.product_id, ""),
                    "held": outcome.expires_at is not None,
                    "text": text,
                }
            )
    return pages.render(
        "reserved.html",
        language=followup.language,
        shop_name=hub.settings.shop_name,
        h=h,
        lines=lines,
    )


@router.post("/r/{token}", response_class=HTMLResponse)
async def reserve(token: str, request: Request, hub: HubDep) -> HTMLResponse:
    fields = await form(request)
    return await run_in_threadpool(_reserve, hub, token, fields.get("product_id", [])[:20])


def _apply_offer(hub: HubContext, token: str, code: str) -> HTMLResponse:
    link = _link(hub, token, "landing")
    if link is None:
        return not_found(hub)
    language = link.followup.language
    h = reserve_pages.words(language)
    kind, refused = reserve_pages.redeem_online(hub.engine, link.followup, code)
    message = h[refused] if refused else h["offer_ok"].format(offer=h[kind or ""])
    return pages.render(
        "offer.html",
        language=language,
        status_code=200 if refused is None else 409,
        shop_name=hub.settings.shop_name,
        message=message,
        cart_url=f"/f/{token}/cart",
    )


@router.post("/f/{token}/offer", response_class=HTMLResponse)
async def apply_offer(token: str, request: Request, hub: HubDep) -> HTMLResponse:
    fields = await form(request)
    code = (fields.get("code") or [""])[0][:32]
    return await run_in_threadpool(_apply_offer, hub, token, code)
