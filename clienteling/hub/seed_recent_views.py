"""Demo recently viewed products: about half the customers browsed the web shop in the
last 30 days (a few products each, some several times), and a customer with an online
cart viewed its products too, so the customer 360 shows the section filled. Within the
rules of `hub.recent_views` (at most `KEEP` per customer, none older than `WINDOW`)."""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.domain.ids import seeded_uuid
from clienteling.hub import tables, versions
from clienteling.hub.clock import iso
from clienteling.hub.db import write_tx
from clienteling.hub.recent_views import KEEP, WINDOW

BROWSING_SHARE = 0.5  # of the customers without a cart
MAX_PRODUCTS = 8


def seed_recent_views(engine: Engine, *, seed: int, now: datetime) -> int:
    """Add the rows in one transaction (one block of versions per scope); returns how many."""
    rng = random.Random(seed * 104729 + 17)
    window_minutes = int(WINDOW.total_seconds() // 60) - 1
    with write_tx(engine) as conn:
        products = [
            (str(r.id), str(r.sku))
            for r in conn.execute(
                sa.select(tables.products.c.id, tables.products.c.sku).order_by(
                    tables.products.c.id
                )
            )
        ]
        sku_of = dict(products)
        carted: dict[str, list[str]] = {}
        for cart in conn.execute(
            sa.select(tables.carts.c.customer_id, tables.carts.c.lines)
            .where(tables.carts.c.status.in_(("open", "abandoned")))
            .order_by(tables.carts.c.id)
        ):
            carted.setdefault(str(cart.customer_id), []).extend(
                str(line["product_id"]) for line in cart.lines if line.get("product_id")
            )
        rows: list[dict[str, Any]] = []
        for customer in conn.execute(
            sa.select(tables.customers.c.id, tables.customers.c.scope).order_by(
                tables.customers.c.id
            )
        ):
            in_cart = [p for p in carted.get(str(customer.id), []) if p in sku_of]
            if not in_cart and rng.random() >= BROWSING_SHARE:
                continue
            others = rng.sample(products, rng.randint(1, MAX_PRODUCTS))
            chosen = list(dict.fromkeys([*in_cart, *(p for p, _ in others)]))[:KEEP]
            for product_id in chosen:
                at = now - timedelta(minutes=rng.randint(5, window_minutes))
                rows.append(
                    {
                        "id": seeded_uuid(rng.getrandbits(80), ms=int(at.timestamp() * 1000)),
                        "customer_id": customer.id,
                        "product_id": product_id,
                        "sku": sku_of[product_id],
                        "viewed_at": iso(at),
                        "view_count": rng.choice((1, 1, 1, 2, 2, 3, 5)),
                        "scope": customer.scope,
                    }
                )
        per_scope = Counter(row["scope"] for row in rows)
        next_version = {
            scope: versions.allocate(conn, scope, n) for scope, n in sorted(per_scope.items())
        }
        for row in rows:
            row["version"] = next_version[row["scope"]]
            next_version[row["scope"]] += 1
        if rows:
            conn.execute(sa.insert(tables.recent_views), rows)
            # The product as viewed (`listing.snapshot`), in one statement for them all.
            v, p = tables.recent_views.c, tables.products.c
            named = sa.select(p.name).where(p.id == v.product_id).scalar_subquery()
            conn.execute(
                sa.update(tables.recent_views)
                .where(v.product_name.is_(None))
                .values(
                    product_name=named,
                    size=sa.select(p.size).where(p.id == v.product_id).scalar_subquery(),
                    colour=sa.select(p.colour).where(p.id == v.product_id).scalar_subquery(),
                )
            )
    return len(rows)
