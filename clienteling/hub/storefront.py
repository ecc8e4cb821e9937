"""The demo storefront behind follow-up links: a cart and a checkout that emit exactly the
events a web shop sends (`hub.ingest`, source `storefront`), so the cart reaches the
store's terminals as the customer's online cart and the order as a web order.

Opening a follow-up link or adding from it is a touch (`hub.attribution`); the order the
checkout places is credited like any web order, and carries the offer code applied in the
cart (`discount codes` of the order event, as a web shop sends them: `hub.offers`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from clienteling.domain.ids import uuid7
from clienteling.hub import attribution, listing, offers
from clienteling.hub import followups as status
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import insert_ignoring_conflicts, read_tx, write_tx
from clienteling.hub.ingest.apply import ingest
from clienteling.hub.ingest.events import CartEvent, CustomerRef, Line, OrderEvent
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import (
    followup_links,
    followups,
    ingest_carts,
    ingest_links,
    products,
)

SOURCE = "storefront"


@dataclass(frozen=True, slots=True)
class Link:
    """A follow-up link that resolved: whose, from which follow-up."""

    token: str
    followup: Any


def resolve(
    conn: Connection, token: str, kind: Literal["landing", "unsubscribe", "open"]
) -> Link | None:
    row = conn.execute(
        sa.select(followup_links.c.followup_id).where(
            followup_links.c.token == token, followup_links.c.kind == kind
        )
    ).first()
    if row is None:
        return None
    followup = conn.execute(sa.select(followups).where(followups.c.id == row.followup_id)).first()
    return None if followup is None else Link(token=token, followup=followup)


def touch(conn: Connection, followup: Any, *, kind: Literal["click", "cart"]) -> None:
    """Record a touch for attribution; a click moves the follow-up to `clicked`."""
    attribution.touch(conn, followup, kind=kind, at=utc_now())
    status.advance(conn, followup.id, "clicked")


def _link_customer(engine: Engine, customer_id: str) -> None:
    """The storefront knows customers by our own id: link it once, so ingest resolves
    the customer by id (never by a shared email)."""
    with write_tx(engine) as conn:
        insert_ignoring_conflicts(
            conn,
            ingest_links,
            {
                "source": SOURCE,
                "kind": "customer",
                "external_id": customer_id,
                "internal_id": customer_id,
                "occurred_at": "",
            },
        )


@dataclass(frozen=True, slots=True)
class Cart:
    key: str | None  # the storefront's cart key; None: no open cart yet
    currency: str | None
    lines: list[dict[str, Any]]

    @property
    def count(self) -> int:
        return sum(int(line["qty"]) for line in self.lines)

    @property
    def total_minor(self) -> int:
        return sum(int(line["qty"]) * int(line["unit_price_minor"]) for line in self.lines)


def open_cart(conn: Connection, customer_id: str) -> Cart:
    """The customer's open storefront cart (the newest), or an empty one. A line whose
    product the shop stopped offering is left out (as a web shop drops it from the cart),
    so the cart page, the next addition and the checkout never carry it."""
    row = conn.execute(
        sa.select(ingest_links.c.external_id, ingest_carts.c.currency, ingest_carts.c.lines)
        .join(ingest_carts, ingest_carts.c.id == ingest_links.c.internal_id)
        .where(
            ingest_links.c.source == SOURCE,
            ingest_links.c.kind == "cart",
            ingest_carts.c.customer_id == customer_id,
            ingest_carts.c.status == "open",
        )
        .order_by(ingest_carts.c.occurred_at.desc())
        .limit(1)
    ).first()
    if row is None:
        return Cart(key=None, currency=None, lines=[])
    gone = listing.unlisted_skus(conn, (str(line["sku"]) for line in row.lines))
    lines = [line for line in row.lines if line["sku"] not in gone]
    return Cart(key=row.external_id, currency=row.currency, lines=lines)


def add_to_cart(
    engine: Engine, settings: HubSettings, *, link: Link, product_ids: list[str]
) -> Cart:
    """Add one of each product still offered; emits `cart.updated` like a web shop would."""
    followup = link.followup
    _link_customer(engine, followup.customer_id)
    with read_tx(engine) as conn:
        cart = open_cart(conn, followup.customer_id)
        rows = conn.execute(
            sa.select(products.c.sku, products.c.name, products.c.price_minor, products.c.currency)
            .where(products.c.id.in_(product_ids), listing.offered())
            .order_by(products.c.sku)
        ).all()
    if not rows:
        return cart
    lines = {line["sku"]: dict(line) for line in cart.lines}
    for row in rows:
        line = lines.setdefault(
            row.sku,
            {"sku": row.sku, "name": row.name, "qty": 0, "unit_price_minor": row.price_minor},
        )
        line["qty"] = int(line["qty"]) + 1
    key = cart.key or f"fu-cart-{uuid7()}"
    currency = cart.currency or rows[0].currency
    ingest(
        engine,
        settings,
        source=SOURCE,
        event_id=uuid7(),
        topic="cart.updated",
        event=CartEvent(
            kind="cart.updated",
            occurred_at=iso(utc_now()),
            cart_key=key,
            customer=CustomerRef(external_id=followup.customer_id),
            currency=currency,
            lines=[
                Line(
                    sku=line["sku"],
                    name=line["name"],
                    qty=int(line["qty"]),
                    unit_price_minor=int(line["unit_price_minor"]),
                )
                for line in lines.values()
            ],
        ),
    )
    with write_tx(engine) as conn:
        touch(conn, followup, kind="cart")
        return open_cart(conn, followup.customer_id)


def checkout(engine: Engine, settings: HubSettings, *, link: Link) -> str | None:
    """Place the order of the open cart (`order.placed`) and attribute it; the order id."""
    followup = link.followup
    with read_tx(engine) as conn:
        cart = open_cart(conn, followup.customer_id)
        codes = offers.applied_online(conn, followup.customer_id)  # applied in the cart
    if cart.key is None or not cart.lines:
        return None
    order_key = f"fu-order-{uuid7()}"
    now = utc_now()
    ingest(
        engine,
        settings,
        source=SOURCE,
        event_id=uuid7(),
        topic="order.placed",
        event=OrderEvent(
            kind="order.placed",
            occurred_at=iso(now),
            order_key=order_key,
            customer=CustomerRef(external_id=followup.customer_id),
            currency=cart.currency,
            lines=[
                Line(
                    sku=line["sku"],
                    name=line["name"],
                    qty=int(line["qty"]),
                    unit_price_minor=int(line["unit_price_minor"]),
                )
                for line in cart.lines
            ],
            cart_keys=(cart.key,),
            offer_codes=tuple(codes),
        ),
    )
    # Ingest credits the order to the last touch (`hub.attribution`), as for any web order.
    with read_tx(engine) as conn:
        order_id = conn.execute(
            sa.select(ingest_links.c.internal_id).where(
                ingest_links.c.source == SOURCE,
                ingest_links.c.kind == "order",
                ingest_links.c.external_id == order_key,
            )
        ).scalar_one_or_none()
        return None if order_id is None else str(order_id)
