"""Each credited kept order's revenue under its follow-up, kept current by every order write.

The dashboard's follow-up effects sum, per template and channel, the revenue of the kept
orders credited to the store's follow-ups of a period. Joining the attributions to the
orders looked every credited order up in `orders` (one random heap read each: up to a
second at 12 months of a 2,000,000-order store). `followup_credits` holds one narrow row
per credited kept order (order, customer, follow-up, net revenue), so the effects are one
hash join of the period's follow-ups with this small table.

Like `sales_rollup`, `refresh` recomputes the rows of the given customers from their
orders and attributions; it runs inside `purchase_facts.refresh` / `forget`, which every
write of orders or attributions calls, so the rows equal a recomputation by construction
(tests/hub/test_purchase_facts.py checks it). Rows are keyed by order and written only by
the refresh of the order's customer, under that customer's lock (`purchase_facts`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub.tables import followup_credits, order_attributions, orders

_BATCH = 2_000

Credit = tuple[str, str, int]  # follow-up, customer, revenue
"""A row of `followup_credits` by order id."""


def _credited(customer_ids: list[str] | None) -> sa.Select[Any]:
    query = (
        sa.select(
            orders.c.id.label("order_id"),
            orders.c.customer_id,
            order_attributions.c.followup_id,
            sa.func.coalesce(orders.c.net_minor, 0).label("revenue_minor"),
        )
        .select_from(orders.join(order_attributions, order_attributions.c.order_id == orders.c.id))
        .where(orders.c.status != "returned")  # stats.sql.KEPT_ORDER
    )
    if customer_ids is not None:
        query = query.where(orders.c.customer_id.in_(customer_ids))
    return query


def computed(conn: Connection, customer_ids: Iterable[str] | None = None) -> dict[str, Credit]:
    """The rows recomputed from the orders (of these customers, or everyone's)."""
    chunks: list[list[str] | None]
    if customer_ids is None:
        chunks = [None]
    else:
        ids = sorted(set(customer_ids))
        chunks = [ids[i : i + _BATCH] for i in range(0, len(ids), _BATCH)]
    found: dict[str, Credit] = {}
    for chunk in chunks:
        for r in conn.execute(_credited(chunk)):
            found[str(r.order_id)] = (str(r.followup_id), str(r.customer_id), int(r.revenue_minor))
    return found


def stored(conn: Connection, customer_ids: Iterable[str] | None = None) -> dict[str, Credit]:
    """The rows as stored (for the consistency checks)."""
    query = sa.select(followup_credits)
    if customer_ids is not None:
        query = query.where(followup_credits.c.customer_id.in_(sorted(set(customer_ids))))
    return {
        str(r.order_id): (str(r.followup_id), str(r.customer_id), int(r.revenue_minor))
        for r in conn.execute(query)
    }


def refresh(conn: Connection, customer_ids: Iterable[str]) -> None:
    """Replace these customers' rows by a recomputation, in the caller's transaction."""
    ids = sorted(set(customer_ids))
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        conn.execute(sa.delete(followup_credits).where(followup_credits.c.customer_id.in_(chunk)))
        conn.execute(
            sa.insert(followup_credits).from_select(
                ["order_id", "customer_id", "followup_id", "revenue_minor"], _credited(chunk)
            )
        )


def forget(conn: Connection, customer_ids: Iterable[str]) -> None:
    """Drop the rows of customers that no longer exist (merged away)."""
    ids = sorted(set(customer_ids))
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        conn.execute(sa.delete(followup_credits).where(followup_credits.c.customer_id.in_(chunk)))


def rebuild_all(conn: Connection) -> int:
    """Every row again from the orders, set-based (backfill, seeds, bulk loads)."""
    conn.execute(sa.delete(followup_credits))
    conn.execute(
        sa.insert(followup_credits).from_select(
            ["order_id", "customer_id", "followup_id", "revenue_minor"], _credited(None)
        )
    )
    return int(conn.execute(sa.select(sa.func.count()).select_from(followup_credits)).scalar_one())
