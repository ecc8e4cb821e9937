"""Demo follow-ups whose sending was interrupted (`needs_check`): a few per store, so the
manager's "Follow-ups to check" is not empty in the demo. Each has the attempt a delivery
worker prepared and could not finish (`unknown`), as `delivery.queue.recover` leaves
them; no delivery job, so nothing sends them again. Seeded last, for customers who
already had follow-ups: the other demo data (offers, replies) does not move."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.domain.ids import seeded_uuid
from clienteling.hub import followup_days, links, tables, versions
from clienteling.hub.clock import iso
from clienteling.hub.db import write_tx
from clienteling.hub.seed_followups import granted_channels

PER_STORE = 2
_WORKER = "delivery-demo-1"
# What the hub writes when it marks one (hub.delivery.queue.recover, .worker).
_REASONS = (
    "sending was interrupted: check with the provider before sending again",
    "the provider did not answer in time (ReadTimeout)",
)
_TEMPLATES = ("thank_you", "products_tried")
_LINES = {
    "fr": "Merci de votre visite, à très bientôt !",
    "vi": "Cảm ơn bạn đã ghé cửa hàng, hẹn gặp lại!",
    "ru": "Спасибо за визит, ждём вас снова!",
    "en": "Thank you for visiting, see you soon!",
}


def seed_needs_check(engine: Engine, *, seed: int, now: datetime) -> int:
    """Add `PER_STORE` interrupted follow-ups to each store; returns how many."""
    rng = random.Random(seed * 104_729 + 11)
    c = tables.customers.c
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
                .order_by(tables.associates.c.id)
            )
        }
        granted = granted_channels(conn)
        followed = set(conn.execute(sa.select(tables.followups.c.customer_id)).scalars())
        picked: dict[str, list[Any]] = {}
        for customer in conn.execute(
            # Customers who already had follow-ups (one without any stays so), from the
            # last ids down (the first ones are those the tests pick by id).
            sa.select(c.id, c.home_store_id, c.language, c.preferred_channel, c.scope).order_by(
                c.id.desc()
            )
        ):
            store = customer.home_store_id
            chosen = picked.setdefault(store, [])
            if (
                len(chosen) < PER_STORE
                and store in staff
                and granted.get(customer.id)
                and customer.id in followed
            ):
                chosen.append(customer)
        rows: list[dict[str, Any]] = []
        attempts: list[dict[str, Any]] = []
        for store in sorted(picked):
            associate = staff[store]
            for n, customer in enumerate(picked[store]):
                channels = granted[customer.id]
                channel = (
                    customer.preferred_channel
                    if customer.preferred_channel in channels
                    else sorted(channels)[0]
                )
                prepared = now - timedelta(hours=3 + 21 * n, minutes=rng.randint(0, 50))
                marked = prepared + timedelta(minutes=5)
                followup_id = seeded_uuid(rng.getrandbits(80), ms=int(prepared.timestamp() * 1000))
                rows.append(
                    {
                        "id": followup_id,
                        "customer_id": customer.id,
                        "associate_id": associate.id,
                        "associate_name": associate.display_name,
                        "store_id": store,
                        "channel": channel,
                        "template": _TEMPLATES[n % len(_TEMPLATES)],
                        "language": customer.language,
                        "product_ids": [],
                        "personal_line": _LINES.get(customer.language, _LINES["en"]),
                        "status": "needs_check",
                        "status_reason": _REASONS[n % len(_REASONS)],
                        "created_at": iso(prepared - timedelta(minutes=2)),
                        "updated_at": iso(marked),
                        "scope": customer.scope,
                    }
                )
                attempts.append(
                    {
                        "id": seeded_uuid(rng.getrandbits(80), ms=int(prepared.timestamp() * 1000)),
                        "followup_id": followup_id,
                        "channel": channel,
                        "idempotency_key": f"demo-{followup_id}",
                        "state": "unknown",
                        "worker": _WORKER,
                        "prepared_at": iso(prepared),
                        "completed_at": iso(marked),
                        "provider_id": None,
                        "detail": "the worker stopped after preparing; the provider may have it",
                    }
                )
        if not rows:
            return 0
        for row in rows:  # one scope counter per row: versions stay in commit order
            row["version"] = versions.allocate(conn, row["scope"])
        conn.execute(sa.insert(tables.followups), rows)
        conn.execute(sa.insert(tables.delivery_attempts), attempts)
        secret = links.link_secret(conn)
        conn.execute(
            sa.insert(tables.followup_links),
            [
                {
                    "token": links.make_token(secret, kind, row["id"]),
                    "kind": kind,
                    "followup_id": row["id"],
                    "customer_id": row["customer_id"],
                }
                for row in rows
                for kind in ("landing", "unsubscribe")
            ],
        )
        followup_days.rebuild(conn)  # the dashboard's per-day counts, set-based
    return len(rows)
