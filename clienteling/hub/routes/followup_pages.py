"""Customer-facing pages behind follow-up links (no sign-in: the signed token is the key).

- `GET /f/{token}`: the associate's picks and note, prices, stock at the store, "add to
  cart" and "add all"; `POST /f/{token}/cart` (form `product_id`), `POST
  /f/{token}/cart/all`, `GET /f/{token}/cart`, `POST /f/{token}/checkout`,
  `GET /f/{token}/ordered`: the demo storefront (`hub.storefront`).
- `GET /u/{token}`: contact preferences; `POST /u/{token}` (form `channel`: email, sms,
  whatsapp or all; or RFC 8058 `List-Unsubscribe=One-Click`, which opts out of the
  follow-up's own channel) writes consent events `granted = false`.

An unknown token answers 404 with the same page as an expired one (nothing leaks).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from clienteling.hub import consent_events, links, offers, pages, reserve_pages, storefront
from clienteling.hub.context import HubContext
from clienteling.hub.db import read_tx, write_tx
from clienteling.hub.delivery.compose import picked_products, store_name
from clienteling.hub.deps import HubDep
from clienteling.hub.tables import customers

router = APIRouter(tags=["customer pages"], include_in_schema=False)
_MAX_FORM_BYTES = 16_384


async def form(request: Request) -> dict[str, list[str]]:
    body = await request.body()
    if len(body) > _MAX_FORM_BYTES:
        return {}
    return parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)


def not_found(hub: HubContext, language: str = "en") -> HTMLResponse:
    return pages.render(
        "message.html",
        language=language,
        status_code=404,
        shop_name=hub.settings.shop_name,
        message=pages.words(language)["expired"],
    )


def _link(hub: HubContext, token: str, kind: Any) -> storefront.Link | None:
    if not links.looks_like_token(token):
        return None
    with read_tx(hub.engine) as conn:
        return storefront.resolve(conn, token, kind)


def _landing(hub: HubContext, token: str) -> HTMLResponse:
    link = _link(hub, token, "landing")
    if link is None:
        return not_found(hub)
    followup = link.followup
    with write_tx(hub.engine) as conn:
        storefront.touch(conn, followup, kind="click")
        picks = picked_products(conn, list(followup.product_ids), followup.store_id)
        store = store_name(conn, followup.store_id)
        cart = storefront.open_cart(conn, followup.customer_id)
    base = f"/f/{token}"
    return pages.render(
        "landing.html",
        language=followup.language,
        shop_name=hub.settings.shop_name,
        associate_name=followup.associate_name,
        store_name=store,
        personal_line=followup.personal_line,
        products=[
            {
                "id": p.id,
                "sku": p.sku,
                "name": p.name,
                "brand": p.brand,
                "price_minor": p.price_minor,
                "currency": p.currency,
                "here": max(0, int(p.here)),
            }
            for p in picks
        ],
        cart_count=cart.count,
        cart_url=f"{base}/cart",
        add_url=f"{base}/cart",
        add_all_url=f"{base}/cart/all",
    )


@router.get("/f/{token}", response_class=HTMLResponse)
def landing(token: str, hub: HubDep) -> HTMLResponse:
    return _landing(hub, token)


def _add(hub: HubContext, token: str, product_ids: list[str] | None) -> Response:
    link = _link(hub, token, "landing")
    if link is None:
        return not_found(hub)
    allowed = list(link.followup.product_ids)
    wanted = allowed if product_ids is None else [p for p in product_ids if p in allowed]
    storefront.add_to_cart(hub.engine, hub.settings, link=link, product_ids=wanted)
    return RedirectResponse(f"/f/{token}/cart", status_code=303)


@router.post("/f/{token}/cart")
async def add_one(token: str, request: Request, hub: HubDep) -> Response:
    fields = await form(request)
    return await run_in_threadpool(_add, hub, token, fields.get("product_id", [])[:1])


@router.post("/f/{token}/cart/all")
async def add_all(token: str, hub: HubDep) -> Response:
    return await run_in_threadpool(_add, hub, token, None)


@router.get("/f/{token}/cart", response_class=HTMLResponse)
def cart_page(token: str, hub: HubDep) -> HTMLResponse:
    link = _link(hub, token, "landing")
    if link is None:
        return not_found(hub)
    with read_tx(hub.engine) as conn:
        cart = storefront.open_cart(conn, link.followup.customer_id)
        applied = offers.applied_online(conn, link.followup.customer_id)
    return pages.render(
        "cart.html",
        language=link.followup.language,
        shop_name=hub.settings.shop_name,
        lines=cart.lines,
        currency=cart.currency or "EUR",
        total=cart.total_minor,
        landing_url=f"/f/{token}",
        checkout_url=f"/f/{token}/checkout",
        h=reserve_pages.words(link.followup.language),  # the offer code box
        applied=applied,  # offer codes applied, taken by the checkout
    )


def _checkout(hub: HubContext, token: str) -> Response:
    link = _link(hub, token, "landing")
    if link is None:
        return not_found(hub)
    storefront.checkout(hub.engine, hub.settings, link=link)
    return RedirectResponse(f"/f/{token}/ordered", status_code=303)


@router.post("/f/{token}/checkout")
async def checkout(token: str, hub: HubDep) -> Response:
    return await run_in_threadpool(_checkout, hub, token)


@router.get("/f/{token}/ordered", response_class=HTMLResponse)
def ordered(token: str, hub: HubDep) -> HTMLResponse:
    link = _link(hub, token, "landing")
    if link is None:
        return not_found(hub)
    with read_tx(hub.engine) as conn:
        store = store_name(conn, link.followup.store_id)
    return pages.render(
        "ordered.html",
        language=link.followup.language,
        shop_name=hub.settings.shop_name,
        store_name=store,
    )


def _preferences(hub: HubContext, token: str, done: list[str] | None = None) -> HTMLResponse:
    link = _link(hub, token, "unsubscribe")
    if link is None:
        return not_found(hub)
    followup = link.followup
    with read_tx(hub.engine) as conn:
        current = consent_events.latest(conn, followup.customer_id)
        store = store_name(conn, followup.store_id)
    t = pages.words(followup.language)
    return pages.render(
        "preferences.html",
        language=followup.language,
        shop_name=hub.settings.shop_name,
        store_name=store,
        channels=[
            {"channel": c, "granted": current.get(c, False)} for c in consent_events.CHANNELS
        ],
        action=f"/u/{token}",
        done=", ".join(t[c] for c in done) if done else "",
    )


@router.get("/u/{token}", response_class=HTMLResponse)
def preferences(token: str, hub: HubDep) -> HTMLResponse:
    return _preferences(hub, token)


def _unsubscribe(hub: HubContext, token: str, fields: dict[str, list[str]]) -> HTMLResponse:
    link = _link(hub, token, "unsubscribe")
    if link is None:
        return not_found(hub)
    followup = link.followup
    wanted = fields.get("channel", [])
    if fields.get("List-Unsubscribe") == ["One-Click"]:
        wanted = [followup.channel]
    if "all" in wanted:
        wanted = list(consent_events.CHANNELS)
    channels = [c for c in consent_events.CHANNELS if c in wanted]
    with write_tx(hub.engine) as conn:
        exists = conn.execute(
            sa.select(customers.c.id).where(customers.c.id == followup.customer_id)
        ).first()
        changed = (
            consent_events.opt_out(conn, followup.customer_id, channels, source="preferences_page")
            if exists is not None
            else []
        )
    return _preferences(hub, token, done=changed or channels)


@router.post("/u/{token}", response_class=HTMLResponse)
async def unsubscribe(token: str, request: Request, hub: HubDep) -> HTMLResponse:
    fields = await form(request)
    return await run_in_threadpool(_unsubscribe, hub, token, fields)
