"""Demo holds and offers: a few customers with an online cart have an item held in their
home store (by an associate or from a reserve link), and some past follow-ups carried an
offer code, a part of them redeemed in store or online. Inventory stays consistent: a
held quantity is part of the location's `reserved`."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.domain.ids import seeded_uuid
from clienteling.domain.offers import CODE_ALPHABET, OFFER_KINDS, OFFER_VALIDITY, valid_in
from clienteling.hub import listing, tables, versions
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import write_tx

HOLDS_PER_STORE = 6
OFFER_SHARE = 0.35  # of the seeded follow-ups


def _code(rng: random.Random) -> str:
    raw = "".join(rng.choice(CODE_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def seed_holds(engine: Engine, *, seed: int, now: datetime) -> dict[str, int]:
    """Add holds and offers; returns how many of each."""
    rng = random.Random(seed * 7919 + 11)
    # Holds last into the real future, so a hub started on old demo data does not release
    # them all at once.
    horizon = max(now, utc_now())
    with write_tx(engine) as conn:
        holds = _holds(conn, rng, now=now, horizon=horizon)
        offers = _offers(conn, rng)
    return {"holds": holds, "offers": offers}


def _holds(conn: sa.Connection, rng: random.Random, *, now: datetime, horizon: datetime) -> int:
    c, i = tables.carts.c, tables.inventory.c
    staff = {
        row.store_id: row.id
        for row in conn.execute(
            sa.select(tables.associates.c.id, tables.associates.c.store_id)
            .where(tables.associates.c.role == "associate")
            .order_by(tables.associates.c.id)  # the last of each store: not row order
        )
    }
    per_store: dict[str, int] = {}
    count = 0
    for cart in conn.execute(
        sa.select(c.customer_id, c.lines, tables.customers.c.home_store_id, c.scope)
        .join(tables.customers, tables.customers.c.id == c.customer_id)
        .where(c.status.in_(("open", "abandoned")))
        .order_by(c.id)
    ).all():
        store = cart.home_store_id
        if per_store.get(store, 0) >= HOLDS_PER_STORE or not cart.lines:
            continue
        product_id = cart.lines[0]["product_id"]
        row_id = f"{store}:{product_id}"
        stock = conn.execute(sa.select(i.on_hand, i.reserved).where(i.id == row_id)).first()
        if stock is None or stock.on_hand - stock.reserved < 1:
            continue
        conn.execute(
            sa.update(tables.inventory)
            .where(i.id == row_id)
            .values(reserved=i.reserved + 1, version=versions.allocate(conn, "catalog"))
        )
        link = rng.random() < 0.3
        created = now - timedelta(hours=rng.randint(1, 20))
        conn.execute(
            sa.insert(tables.reservations).values(
                id=seeded_uuid(rng.getrandbits(80), ms=int(created.timestamp() * 1000)),
                customer_id=cart.customer_id,
                product_id=product_id,
                store_id=store,
                quantity=1,
                status="held",
                expires_at=iso(horizon + timedelta(hours=rng.randint(4, 44))),
                source="link" if link else "terminal",
                associate_id=None if link else staff.get(store),
                followup_id=None,
                created_at=iso(created),
                updated_at=iso(created),
                scope=cart.scope,
                version=versions.allocate(conn, cart.scope),
                **listing.snapshot(conn, product_id),
            )
        )
        per_store[store] = per_store.get(store, 0) + 1
        count += 1
    return count


def _offers(conn: sa.Connection, rng: random.Random) -> int:
    f = tables.followups.c
    rows: list[dict[str, Any]] = []
    for followup in conn.execute(
        sa.select(f.id, f.customer_id, f.store_id, f.created_at, f.status, f.scope).order_by(f.id)
    ).all():
        if rng.random() > OFFER_SHARE:
            continue
        kind = rng.choice(OFFER_KINDS)
        created = datetime.fromisoformat(followup.created_at)
        redeemed = followup.status in ("clicked", "converted") and rng.random() < 0.6
        channel = valid_in(kind)
        at = iso(created + timedelta(days=rng.randint(1, 6))) if redeemed else None
        rows.append(
            {
                "id": seeded_uuid(rng.getrandbits(80), ms=int(created.timestamp() * 1000)),
                "code": _code(rng),
                "customer_id": followup.customer_id,
                "followup_id": followup.id,
                "store_id": followup.store_id,
                "kind": kind,
                "valid_in": channel,
                "status": "redeemed" if redeemed else "issued",
                "expires_at": iso(created + OFFER_VALIDITY),
                "created_at": followup.created_at,
                "redeemed_at": at,
                "redeemed_channel": channel if redeemed else None,
                "redeemed_store_id": followup.store_id if redeemed and channel == "store" else None,
                "redeemed_by": None,
                "scope": followup.scope,
                "version": versions.allocate(conn, followup.scope),
            }
        )
    if rows:
        conn.execute(sa.insert(tables.offers), rows)
    return len(rows)
