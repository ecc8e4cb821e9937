"""What one follow-up says, rendered by the same code as the terminal's preview."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain.followup_templates import (
    FollowupContext,
    OfferLine,
    PickedProduct,
    RenderedMessage,
    render_followup,
)
from clienteling.hub import followup_extras, links, listing
from clienteling.hub.tables import customers, inventory, locations, products


def recipient(customer: Any, channel: str) -> str | None:
    """The address the channel uses: first email, or first phone (E.164)."""
    values = customer.emails if channel == "email" else customer.phones
    return str(values[0]) if values else None


def picked_products(conn: Connection, product_ids: list[str], store_id: str | None) -> list[Any]:
    """The picks in the associate's order, with price and what is available in the store;
    only those still offered (`hub.listing`): the message, the landing and the reserve
    page never offer a product the shop stopped selling."""
    if not product_ids:
        return []
    rows = {
        row.id: row
        for row in conn.execute(
            sa.select(
                products.c.id,
                products.c.sku,
                products.c.name,
                products.c.brand,
                products.c.price_minor,
                products.c.currency,
                sa.func.coalesce(inventory.c.on_hand - inventory.c.reserved, 0).label("here"),
            )
            .select_from(products)
            .outerjoin(
                inventory,
                sa.and_(
                    inventory.c.product_id == products.c.id,
                    inventory.c.location_id == (store_id or ""),
                ),
            )
            .where(products.c.id.in_(product_ids), listing.offered())
        )
    }
    return [rows[pid] for pid in product_ids if pid in rows]


def store_name(conn: Connection, store_id: str | None) -> str:
    if store_id is None:
        return ""
    name = conn.execute(
        sa.select(locations.c.name).where(locations.c.id == store_id)
    ).scalar_one_or_none()
    return str(name or "")


def unsubscribe_url(conn: Connection, followup_id: str, *, public_url: str) -> str:
    token = links.make_token(links.link_secret(conn), "unsubscribe", followup_id)
    return links.url(public_url, "unsubscribe", token)


def compose(conn: Connection, followup: Any, *, public_url: str) -> RenderedMessage:
    customer = conn.execute(
        sa.select(customers).where(customers.c.id == followup.customer_id)
    ).one()
    secret = links.link_secret(conn)
    picks = picked_products(conn, list(followup.product_ids), followup.store_id)
    extra = followup_extras.extras(conn, followup.id, public_url=public_url)
    context = FollowupContext(
        customer_name=customer.given_name or customer.display_name,
        associate_name=followup.associate_name,
        store_name=store_name(conn, followup.store_id),
        personal_line=followup.personal_line,
        products=[
            PickedProduct(
                name=p.name,
                price_minor=p.price_minor,
                currency=p.currency,
                in_stock_here=p.here > 0,
            )
            for p in picks
        ],
        landing_url=links.url(
            public_url, "landing", links.make_token(secret, "landing", followup.id)
        ),
        unsubscribe_url=unsubscribe_url(conn, followup.id, public_url=public_url),
        survey_url=links.url(public_url, "survey", links.make_token(secret, "survey", followup.id)),
        offer=None
        if extra.offer_code is None or extra.offer_kind is None or extra.offer_expires_at is None
        else OfferLine(
            kind=extra.offer_kind, code=extra.offer_code, expires_on=extra.offer_expires_at.date()
        ),
        reserve_url=extra.reserve_url,
        open_pixel_url=links.url(public_url, "open", links.make_token(secret, "open", followup.id))
        if followup.channel == "email"
        else "",
    )
    return render_followup(followup.template, followup.language, context)
