"""Demo follow-ups: a history of past follow-ups (sent, delivered, opened, ordered online)
for some customers, so a demo profile shows what the Follow-ups tab is for. Only past,
finished ones: no delivery job, nothing is sent again."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from clienteling.domain.followup_templates import TEMPLATE_NAMES
from clienteling.domain.ids import seeded_uuid
from clienteling.hub import links, tables, versions
from clienteling.hub.clock import iso
from clienteling.hub.db import write_tx

SHARE = 0.12  # of customers with a consented channel
_STATUSES = ("sent", "delivered", "opened", "clicked", "converted")
_LINES = {
    "fr": "Ravie de vous avoir conseillé(e), à très bientôt !",
    "vi": "Rất vui được tư vấn cho bạn, hẹn gặp lại!",
    "ru": "Было приятно вам помочь, до встречи!",
    "en": "Lovely to help you today, see you soon!",
}


def granted_channels(conn: Connection) -> dict[str, set[str]]:
    """The channels each customer agreed to (in demo data, grants are never withdrawn)."""
    granted: dict[str, set[str]] = {}
    for grant in conn.execute(
        sa.select(tables.consents.c.customer_id, tables.consents.c.channel)
        .where(tables.consents.c.granted.is_(True))
        .order_by(tables.consents.c.id)
    ):
        granted.setdefault(grant.customer_id, set()).add(grant.channel)
    return granted


def seed_followups(engine: Engine, *, seed: int, now: datetime) -> int:
    """Add past follow-ups; returns how many."""
    rng = random.Random(seed * 7919 + 5)
    with write_tx(engine) as conn:
        staff = {
            row.store_id: row
            for row in conn.execute(
                sa.select(
                    tables.associates.c.id,
                    tables.associates.c.display_name,
                    tables.associates.c.store_id,
                )
                .where(tables.associates.c.role == "associate")
                .order_by(tables.associates.c.id)  # the last of each store: not row order
            )
        }
        granted = granted_channels(conn)
        product_ids = list(
            conn.execute(sa.select(tables.products.c.id).order_by(tables.products.c.id)).scalars()
        )
        # Recent web orders: a "converted" follow-up is one that led to one of them.
        since = iso(now - timedelta(days=60))
        web_orders: dict[str, list[tuple[str, str]]] = {}
        for order in conn.execute(
            sa.select(tables.orders.c.id, tables.orders.c.customer_id, tables.orders.c.placed_at)
            .where(tables.orders.c.channel == "web", tables.orders.c.placed_at >= since)
            .order_by(tables.orders.c.placed_at, tables.orders.c.id)
        ):
            web_orders.setdefault(order.customer_id, []).append((order.id, order.placed_at))
        rows: list[dict[str, Any]] = []
        touches: list[dict[str, Any]] = []
        credits: list[dict[str, Any]] = []
        for customer in conn.execute(
            sa.select(
                tables.customers.c.id,
                tables.customers.c.home_store_id,
                tables.customers.c.language,
                tables.customers.c.preferred_channel,
                tables.customers.c.scope,
            ).order_by(tables.customers.c.id)
        ):
            channels = granted.get(customer.id)
            associate = staff.get(customer.home_store_id)
            if not channels or associate is None or rng.random() > SHARE:
                continue
            channel = (
                customer.preferred_channel
                if customer.preferred_channel in channels
                else sorted(channels)[0]
            )
            moment = now - timedelta(days=rng.randint(2, 60), hours=rng.randint(0, 8))
            status = rng.choice(_STATUSES)
            ordered = web_orders.get(customer.id)
            if status == "converted" and not ordered:
                status = "clicked"
            followup_id = seeded_uuid(rng.getrandbits(80), ms=int(moment.timestamp() * 1000))
            if status == "converted" and ordered:
                order_id, placed_at = ordered[-1]
                placed = datetime.fromisoformat(placed_at)
                moment = placed - timedelta(days=rng.randint(1, 7), hours=rng.randint(1, 8))
                credits.append(
                    {
                        "order_id": order_id,
                        "followup_id": followup_id,
                        "associate_id": associate.id,
                        "store_id": customer.home_store_id,
                        "touched_at": iso(placed - timedelta(hours=1)),
                        "attributed_at": placed_at,
                    }
                )
            at = iso(moment)
            for kind, after in (("click", 3), ("cart", 4)):
                if status in ("clicked", "converted") and (kind == "click" or ordered):
                    touches.append(
                        {
                            "id": seeded_uuid(
                                rng.getrandbits(80), ms=int(moment.timestamp() * 1000)
                            ),
                            "customer_id": customer.id,
                            "followup_id": followup_id,
                            "associate_id": associate.id,
                            "store_id": customer.home_store_id,
                            "kind": kind,
                            "at": iso(moment + timedelta(hours=after)),
                        }
                    )
            rows.append(
                {
                    "id": followup_id,
                    "customer_id": customer.id,
                    "associate_id": associate.id,
                    "associate_name": associate.display_name,
                    "store_id": customer.home_store_id,
                    "channel": channel,
                    "template": rng.choice(TEMPLATE_NAMES[:2] + TEMPLATE_NAMES[4:6]),
                    "language": customer.language,
                    "product_ids": rng.sample(product_ids, k=min(2, len(product_ids))),
                    "personal_line": _LINES.get(customer.language, _LINES["en"]),
                    "status": status,
                    "status_reason": None,
                    "created_at": at,
                    "updated_at": at,
                    "scope": customer.scope,
                }
            )
        versions.number(conn, rows)
        if rows:
            conn.execute(sa.insert(tables.followups), rows)
            secret = links.link_secret(conn)
            conn.execute(
                sa.insert(tables.followup_links),
                [
                    {
                        "token": links.make_token(secret, kind, item["id"]),
                        "kind": kind,
                        "followup_id": item["id"],
                        "customer_id": item["customer_id"],
                    }
                    for item in rows
                    for kind in ("landing", "unsubscribe")
                ],
            )
        if touches:
            conn.execute(sa.insert(tables.attribution_touches), touches)
        if credits:
            # One follow-up per order: the newest wins if a customer got several.
            unique = {c["order_id"]: c for c in credits}
            conn.execute(sa.insert(tables.order_attributions), list(unique.values()))
    return len(rows)
