"""Demo wishes and birthdays, so the task list shows the birthday and back-in-stock kinds.

- Every seeded visit "size/colour missing" of a known customer is a wish, recorded as
  `visit.log` records it (`hub.wishes.note_wish`, watched from today's stock). For the
  two most recent per store the size was really missing at the visit: their watch starts
  "empty", and because the product is in stock today the seed's task generation sees
  it come back.
- One customer per store has a birthday three days from today in the store's time zone
  (the rest keep the random birthdays of `seed_profile`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.domain.tasks import WISH_WINDOW, StockWatch, wish_from_visit
from clienteling.hub import tables
from clienteling.hub.clock import iso
from clienteling.hub.db import write_tx
from clienteling.hub.wishes import free_stock, note_wish

RESTOCKED_PER_STORE = 2
BIRTHDAY_IN_DAYS = 3


def seed_wishes(engine: Engine, *, now: datetime) -> None:
    with write_tx(engine) as conn:
        visits = conn.execute(
            sa.select(
                tables.visits.c.customer_id,
                tables.visits.c.store_id,
                tables.visits.c.at,
                tables.visits.c.outcome,
                tables.visits.c.reason,
                tables.visits.c.products,
            )
            .where(
                tables.visits.c.customer_id.is_not(None),
                tables.visits.c.at > iso(now - WISH_WINDOW),
                tables.visits.c.at <= iso(now),
            )
            .order_by(tables.visits.c.at.desc(), tables.visits.c.id)
        ).all()
        restocked: dict[str, int] = {}
        for visit in visits:
            if not wish_from_visit(outcome=visit.outcome, reason=visit.reason):
                continue
            for product in visit.products:
                product_id = str(product["product_id"])
                note_wish(
                    conn,
                    customer_id=visit.customer_id,
                    product_id=product_id,
                    source="visit",
                    at=visit.at,
                    now=now,
                )
                here = free_stock(conn, location_id=visit.store_id, product_id=product_id)
                if here > 0 and restocked.get(visit.store_id, 0) < RESTOCKED_PER_STORE:
                    restocked[visit.store_id] = restocked.get(visit.store_id, 0) + 1
                    conn.execute(
                        sa.update(tables.wishes)
                        .where(tables.wishes.c.id == f"{visit.customer_id}:{product_id}")
                        .values(watch=str(StockWatch.EMPTY), back_at=None)
                    )
        _birthdays(conn, now=now)


def _birthdays(conn: sa.Connection, *, now: datetime) -> None:
    stores = conn.execute(
        sa.select(tables.locations.c.id, tables.locations.c.timezone)
        .where(tables.locations.c.kind == "store")
        .order_by(tables.locations.c.id)
    ).all()
    for store in stores:
        row = conn.execute(
            sa.select(tables.customers.c.id, tables.customers.c.preferences)
            .where(tables.customers.c.home_store_id == store.id)
            .order_by(tables.customers.c.id)
            .limit(1)
        ).first()
        if row is None:
            continue
        local = now.astimezone(ZoneInfo(store.timezone)) + timedelta(days=BIRTHDAY_IN_DAYS)
        preferences = dict(row.preferences or {})
        dates = dict(preferences.get("dates") or {})
        dates["birthday"] = f"--{local.month:02d}-{local.day:02d}"
        preferences["dates"] = dates
        conn.execute(
            sa.update(tables.customers)
            .where(tables.customers.c.id == row.id)
            .values(preferences=preferences)
        )
