"""Demo appointments and dismissed tasks: each store has a few customers booked with its
associates on the seed's day (store time) and the next, never two at once for one
associate, one of them cancelled; and a few overdue tasks were dismissed with a reason,
so the task list and the manager's task figures show both."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from clienteling.domain.appointments import AppointmentStatus, store_moment
from clienteling.domain.ids import seeded_uuid
from clienteling.domain.tasks import DismissReason, TaskStatus
from clienteling.hub import tables, versions
from clienteling.hub.clock import iso
from clienteling.hub.db import write_tx
from clienteling.protocol.entities import store_scope

# (day offset, local start, minutes, purpose)
_SLOTS = (
    (0, time(10, 0), 30, "Essayage : tailles du nouveau manteau"),
    (0, time(11, 30), 45, "Laptop demo: Aero 14 vs. Pro 16"),
    (0, time(14, 0), 30, "Thử giày chạy bộ, cỡ 39"),
    (0, time(15, 30), 60, "Подбор подарка к юбилею"),
    (0, time(17, 0), 30, "Pick up altered trousers"),
    (1, time(10, 30), 30, "Retour : échange de taille"),
    (1, time(16, 0), 45, "Styling session"),
)
CANCELLED_SLOT = 6
DISMISSED_PER_STORE = 3
_DISMISSALS = (
    (DismissReason.UNREACHABLE, ""),
    (DismissReason.NOT_RELEVANT, ""),
    (DismissReason.OTHER, "Moved abroad, shops online now."),
)


def seed_appointments(engine: Engine, *, seed: int, now: datetime) -> int:
    """Add the demo appointments and dismissals; returns how many appointments."""
    rng = random.Random(seed * 15_485_863 + 3)
    with write_tx(engine) as conn:
        count = 0
        stores = conn.execute(
            sa.select(tables.locations.c.id, tables.locations.c.timezone)
            .where(tables.locations.c.kind == "store")
            .order_by(tables.locations.c.id)
        ).all()
        for store in stores:
            count += _store_appointments(conn, rng, store.id, store.timezone, now=now)
            _dismissals(conn, store.id, now=now)
    return count


def _by_username(rows: Sequence[Any]) -> list[Any]:
    """Staff in username order, sorted here: the database's collation (a PostgreSQL in
    en_US.UTF-8 ignores "-" and ".") must not change who gets which appointment."""
    return sorted(rows, key=lambda row: str(row.username))


def _store_appointments(
    conn: Connection, rng: random.Random, store_id: str, timezone: str, *, now: datetime
) -> int:
    staff = _by_username(
        conn.execute(
            sa.select(
                tables.associates.c.id,
                tables.associates.c.display_name,
                tables.associates.c.username,
            ).where(
                tables.associates.c.store_id == store_id,
                tables.associates.c.role.in_(("associate", "manager")),
            )
        ).all()
    )
    customers = (
        conn.execute(
            sa.select(tables.customers.c.id)
            .where(tables.customers.c.home_store_id == store_id)
            .order_by(tables.customers.c.id)
            .limit(40)
        )
        .scalars()
        .all()
    )
    if not staff or not customers:
        return 0
    scope = store_scope(store_id)
    today = now.astimezone(ZoneInfo(timezone or "UTC")).date()
    chosen = rng.sample(list(customers), min(len(_SLOTS), len(customers)))
    first = versions.allocate(conn, scope, len(chosen))
    booked_by = staff[0]
    for index, customer_id in enumerate(chosen):
        offset, at, minutes, purpose = _SLOTS[index]
        start = store_moment(today + timedelta(days=offset), at, timezone)
        who = staff[index % len(staff)]
        made = now - timedelta(days=rng.randint(1, 6), minutes=rng.randint(0, 600))
        conn.execute(
            sa.insert(tables.appointments).values(
                id=seeded_uuid(rng.getrandbits(80), ms=int(made.timestamp() * 1000)),
                customer_id=customer_id,
                store_id=store_id,
                associate_id=who.id,
                associate_name=who.display_name,
                starts_at=iso(start),
                ends_at=iso(start + timedelta(minutes=minutes)),
                purpose=purpose,
                note="",
                status=str(
                    AppointmentStatus.CANCELLED
                    if index == CANCELLED_SLOT
                    else AppointmentStatus.BOOKED
                ),
                booked_by=booked_by.id,
                booked_by_name=booked_by.display_name,
                created_at=iso(made),
                updated_at=iso(made),
                scope=scope,
                version=first + index,
            )
        )
    return len(chosen)


def _dismissals(conn: Connection, store_id: str, *, now: datetime) -> None:
    t = tables.tasks.c
    staff = _by_username(
        conn.execute(
            sa.select(
                tables.associates.c.id,
                tables.associates.c.display_name,
                tables.associates.c.username,
            ).where(tables.associates.c.store_id == store_id)
        ).all()
    )
    if not staff:
        return
    who = staff[0]
    overdue = conn.execute(
        sa.select(t.id, t.scope)
        .where(
            t.store_id == store_id,
            t.status == str(TaskStatus.OPEN),
            t.due_at < iso(now - timedelta(days=2)),
        )
        .order_by(t.id)
        .limit(DISMISSED_PER_STORE)
    ).all()
    for (reason, text), task in zip(_DISMISSALS, overdue, strict=False):
        at = now - timedelta(days=1)
        conn.execute(
            sa.update(tables.tasks)
            .where(t.id == task.id)
            .values(
                status=str(TaskStatus.DISMISSED),
                dismiss_reason=str(reason),
                done_at=iso(at),
                done_by=who.id,
                done_by_name=who.display_name,
                outcome_note=text,
                updated_at=iso(at),
                version=versions.allocate(conn, task.scope),
            )
        )
