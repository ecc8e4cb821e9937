"""Abandoned checkouts for shops that never say so.

Shopify sends checkouts/create and checkouts/update but no "abandoned" webhook: a checkout
is abandoned when its step stops moving. This job finds every open cart that reached a
checkout step (not plain "cart") and whose newest event is older than
`checkout_abandon_after_minutes`, and feeds the hub a `checkout.abandoned` event for it
through the same `ingest` as the web shop's own events: same rules (an ordered cart is
never touched, a newer event wins), the same tasks ("available here today", journey 2).

The event is dated at the cart's last activity (the moment the checkout stopped), so any
later real event of the cart (an update, an order) still wins and reopens or closes it.
Its id names the cart and that moment (`hub-abandon:<cart>:<time>`): several hub processes
running the job at once make the same event, which `ingest` records once (idempotent by
event id; the cart row itself is locked while it is written), and a cart that moves again
and stalls again gets a new one.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import read_tx
from clienteling.hub.ingest.apply import ingest
from clienteling.hub.ingest.events import CartEvent
from clienteling.hub.periodic import PeriodicJob
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import ingest_carts, ingest_links

log = logging.getLogger(__name__)

TOPIC = "checkout.abandoned"
NOT_CHECKOUT_STEPS = ("cart",)  # a cart nobody took to the checkout is not "abandoned"


def event_id(cart_id: str, stalled_at: str) -> str:
    return f"hub-abandon:{cart_id}:{stalled_at}"


def _stalled(engine: Engine, *, before: str, after: tuple[str, str], batch: int) -> list[sa.Row]:
    """Open carts in a checkout step whose last event is at or before `before`, in
    (time, id) order after `after`, each with one of the shop's keys for it."""
    key = (
        sa.select(sa.func.min(ingest_links.c.external_id))
        .where(
            ingest_links.c.source == ingest_carts.c.source,
            ingest_links.c.kind == "cart",
            ingest_links.c.internal_id == ingest_carts.c.id,
        )
        .scalar_subquery()
    )
    with read_tx(engine) as conn:
        return list(
            conn.execute(
                sa.select(
                    ingest_carts.c.id,
                    ingest_carts.c.source,
                    ingest_carts.c.occurred_at,
                    ingest_carts.c.checkout_step,
                    key.label("cart_key"),
                )
                .where(
                    ingest_carts.c.status == "open",
                    ingest_carts.c.checkout_step.is_not(None),
                    ingest_carts.c.checkout_step.not_in(NOT_CHECKOUT_STEPS),
                    ingest_carts.c.occurred_at <= before,
                    sa.tuple_(ingest_carts.c.occurred_at, ingest_carts.c.id) > sa.tuple_(*after),
                )
                .order_by(ingest_carts.c.occurred_at, ingest_carts.c.id)
                .limit(batch)
            ).all()
        )


def abandon_stalled_checkouts(
    engine: Engine, settings: HubSettings, *, now: datetime | None = None, batch: int = 200
) -> int:
    """Mark every stalled checkout abandoned; how many this run marked (a cart another
    process marked first, or that moved meanwhile, is not counted)."""
    moment = now or utc_now()
    before = iso(moment - timedelta(minutes=settings.checkout_abandon_after_minutes))
    marked = 0
    after = ("", "")
    while True:
        rows = _stalled(engine, before=before, after=after, batch=batch)
        for row in rows:
            if row.cart_key is None:  # every ingested cart has a key; be safe anyway
                continue
            event = CartEvent(
                kind="checkout.abandoned",
                occurred_at=row.occurred_at,
                cart_key=str(row.cart_key),
                step=row.checkout_step,
            )
            result = ingest(
                engine,
                settings,
                source=row.source,
                event_id=event_id(row.id, row.occurred_at),
                topic=TOPIC,
                event=event,
                now=moment,
            )
            marked += result.status == "applied"
        if len(rows) < batch:
            return marked
        after = (rows[-1].occurred_at, rows[-1].id)


def abandon_job(engine: Engine, settings: HubSettings) -> PeriodicJob:
    """`abandon_stalled_checkouts` at start and then every `checkout_abandon_interval_s`."""

    def run() -> None:
        if count := abandon_stalled_checkouts(engine, settings):
            log.info("marked %d stalled checkouts abandoned", count)

    return PeriodicJob("checkout abandonment", run, interval_s=settings.checkout_abandon_interval_s)
