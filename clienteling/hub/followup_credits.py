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
Each refresh and forget moves the per-follow-up sums (`followup_revenue`) by the rows it
deleted and inserted, which the dashboard reads instead of these rows (migration 0034).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub import followup_revenue
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
    """Replace these customers' rows by a recomputation, in the caller's transaction (and
    move the per-follow-up rollup, `followup_revenue`, by what changed)."""
    ids = sorted(set(customer_ids))
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        removed = conn.execute(_deleted(chunk)).all()
        added = conn.execute(
            sa.insert(followup_credits)
            .from_select(
                ["order_id", "customer_id", "followup_id", "revenue_minor"], _credited(chunk)
            )
            .returning(followup_credits.c.followup_id, followup_credits.c.revenue_minor)
        ).all()
        followup_revenue.move(conn, removed=removed, added=added)


def forget(conn: Connection, customer_ids: Iterable[str]) -> None:
    """Drop the rows of customers that no longer exist (merged away)."""
    ids = sorted(set(customer_ids))
    for start in range(0, len(ids), _BATCH):
        removed = conn.execute(_deleted(ids[start : start + _BATCH])).all()
        followup_revenue.move(conn, removed=removed, added=())


def _deleted(customer_ids: list[str]) -> Any:
    """Delete these customers' rows, returning what the rollup needs of them."""
    return (
        sa.delete(followup_credits)
        .where(followup_credits.c.customer_id.in_(customer_ids))
        .returning(followup_credits.c.followup_id, followup_credits.c.revenue_minor)
    )


def rebuild_all(conn: Connection, *, with_revenue: bool = True) -> int:
    """Every row again from the orders, set-based (backfill, seeds, bulk loads), and the
    per-follow-up rollup from them (`followup_revenue.rebuild_all`; not with
    `with_revenue=False`: for a schema before migration 0034, migration 0024's backfill)."""
    conn.execute(sa.delete(followup_credits))
    conn.execute(
        sa.insert(followup_credits).from_select(
            ["order_id", "customer_id", "followup_id", "revenue_minor"], _credited(None)
        )
    )
    found = int(conn.execute(sa.select(sa.func.count()).select_from(followup_credits)).scalar_one())
    if with_revenue:
        followup_revenue.rebuild_all(conn)
    return found
