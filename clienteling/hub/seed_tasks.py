"""Demo tasks: the rules run once over the seeded history (`hub.task_generation`), plus
post-purchase check-ins for recent deliveries, and some of the older tasks done by the
store's associates (on time or late, with an outcome note), so the task list and the
manager's task completion have something real to show."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.domain.tasks import TaskStatus
from clienteling.hub import tables
from clienteling.hub.clock import iso
from clienteling.hub.db import write_tx
from clienteling.hub.task_generation import generate_tasks, schedule_check_in

DONE_SHARE = 0.85  # of tasks already due a day before the seed's "now"
_NOTES = (
    "Called, will come by on Saturday.",
    "Left a voicemail.",
    "Sent the message; she was pleased.",
    "Appelée, passera samedi.",
    "Đã gọi, khách hẹn cuối tuần ghé.",
    "Позвонила, зайдёт в субботу.",
    "",
)


def seed_tasks(engine: Engine, *, seed: int, now: datetime) -> int:
    """Generate the demo's tasks; returns how many exist."""
    rng = random.Random(seed * 104_729 + 11)
    with write_tx(engine) as conn:
        delivered = conn.execute(
            sa.select(tables.orders.c.id, tables.orders.c.placed_at)
            .where(
                tables.orders.c.channel == "web",
                tables.orders.c.status == "delivered",
                tables.orders.c.placed_at >= iso(now - timedelta(days=20)),
            )
            .order_by(tables.orders.c.id)
        ).all()
        for order in delivered:
            at = datetime.fromisoformat(order.placed_at) + timedelta(days=2)
            schedule_check_in(conn, order_id=order.id, delivered_at=min(at, now), now=now)
    generate_tasks(engine, now=now)
    with write_tx(engine) as conn:
        # Made when they started (a demo hub has "been running" all along).
        started = sa.case(
            (tables.tasks.c.starts_at < iso(now), tables.tasks.c.starts_at), else_=iso(now)
        )
        conn.execute(sa.update(tables.tasks).values(created_at=started))
        staff: dict[str, list[tuple[str, str]]] = {}
        for person in conn.execute(
            sa.select(
                tables.associates.c.id,
                tables.associates.c.display_name,
                tables.associates.c.store_id,
            )
            .where(tables.associates.c.store_id.is_not(None))
            .order_by(tables.associates.c.id)  # rng.choice below: not the database's row order
        ):
            staff.setdefault(person.store_id, []).append((person.id, person.display_name))
        due = conn.execute(
            sa.select(
                tables.tasks.c.id,
                tables.tasks.c.store_id,
                tables.tasks.c.associate_id,
                tables.tasks.c.starts_at,
                tables.tasks.c.due_at,
            )
            .where(
                tables.tasks.c.status == str(TaskStatus.OPEN),
                tables.tasks.c.due_at < iso(now - timedelta(days=1)),
            )
            .order_by(tables.tasks.c.id)
        ).all()
        names = {pid: name for people in staff.values() for pid, name in people}
        for task in due:
            people = staff.get(task.store_id)
            if not people or rng.random() >= DONE_SHARE:
                continue
            who = task.associate_id if task.associate_id in names else rng.choice(people)[0]
            starts = datetime.fromisoformat(task.starts_at)
            late = datetime.fromisoformat(task.due_at) + timedelta(days=3)
            done_at = starts + (min(late, now) - starts) * rng.random()
            conn.execute(
                sa.update(tables.tasks)
                .where(tables.tasks.c.id == task.id)
                .values(
                    status=str(TaskStatus.DONE),
                    done_at=iso(done_at),
                    done_by=who,
                    done_by_name=names[who],
                    outcome_note=rng.choice(_NOTES),
                    updated_at=iso(done_at),
                )
            )
        return int(conn.execute(sa.select(sa.func.count()).select_from(tables.tasks)).scalar_one())
