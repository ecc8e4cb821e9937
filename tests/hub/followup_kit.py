"""Helpers of the follow-up tests: queue through a real push, grant consent, run a worker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.domain.ids import uuid7
from clienteling.hub import versions
from clienteling.hub.db import write_tx
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import consents, customers, delivery_attempts, followups, products

CREATED = "2025-06-01T10:00:00+00:00"
# Noon in Paris (tomorrow, so every job queued now is due): never in the quiet hours.
NOON = (datetime.now(UTC) + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)


@dataclass
class Device:
    http: httpx.Client
    device_id: str
    store_id: str
    last: int = 0

    def push(self, *mutations: tuple[str, dict[str, Any]]) -> list[dict[str, Any]]:
        batch = []
        for name, args in mutations:
            self.last += 1
            batch.append({"id": self.last, "name": name, "args": args, "created_at": CREATED})
        response = self.http.post(
            "/api/v1/sync/push",
            json={"device_id": self.device_id, "schema_version": 1, "mutations": batch},
        )
        assert response.status_code == 200, response.text
        results: list[dict[str, Any]] = response.json()["results"]
        return results


def queue_args(customer_id: str, product_ids: list[str], **overrides: Any) -> dict[str, Any]:
    args: dict[str, Any] = {
        "id": uuid7(),
        "customer_id": customer_id,
        "channel": "email",
        "template": "products_tried",
        "language": "fr",
        "product_ids": product_ids,
        "personal_line": "Le gris vous allait très bien.",
        "created_at": CREATED,
    }
    args.update(overrides)
    return args


def customer_with_contacts(engine: Engine, store_id: str, *, skip: int = 0) -> str:
    """A customer of the store with an email and a phone (the `skip`-th such one)."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(customers.c.id, customers.c.emails, customers.c.phones)
            .where(customers.c.home_store_id == store_id)
            .order_by(customers.c.id)
        ).all()
    found = [r.id for r in rows if r.emails and r.phones]
    return str(found[skip])


def some_products(engine: Engine, count: int = 2) -> list[str]:
    with engine.connect() as conn:
        return [
            str(p)
            for p in conn.execute(
                sa.select(products.c.id).order_by(products.c.id).limit(count)
            ).scalars()
        ]


def set_consent(engine: Engine, customer_id: str, channel: str, granted: bool) -> None:
    """A consent event as the hub records one (newest wins)."""
    with write_tx(engine) as conn:
        scope = conn.execute(
            sa.select(customers.c.scope).where(customers.c.id == customer_id)
        ).scalar_one()
        conn.execute(
            sa.insert(consents).values(
                id=uuid7(),
                customer_id=customer_id,
                channel=channel,
                granted=granted,
                source="test",
                at=datetime.now(UTC).replace(microsecond=0).isoformat(),
                scope=scope,
                version=versions.allocate(conn, scope),
            )
        )


def status_of(engine: Engine, followup_id: str) -> tuple[str, str | None]:
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(followups.c.status, followups.c.status_reason).where(
                followups.c.id == followup_id
            )
        ).one()
    return str(row.status), row.status_reason


def attempts_of(engine: Engine, followup_id: str) -> list[str]:
    with engine.connect() as conn:
        return [
            str(s)
            for s in conn.execute(
                sa.select(delivery_attempts.c.state)
                .where(delivery_attempts.c.followup_id == followup_id)
                .order_by(delivery_attempts.c.prepared_at)
            ).scalars()
        ]


def delivery_settings(db: str, **overrides: Any) -> HubSettings:
    values: dict[str, Any] = {"db": db, "port": 0, "quiet_hours_start": 0, "quiet_hours_end": 0}
    values.update(overrides)
    return HubSettings(**values)
