"""Task completion per associate for one store and period (issue 7: "task completion
per associate"), in SQL on both backends.

Definitions: the tasks counted are the store's tasks created in [start, end). A task
counts for its assignee, or, when it was for the whole store, for whoever did it
(unassigned tasks nobody did form a row of their own). `done` is what was done by now,
`done_on_time` what was done no later than the due time (`domain.tasks.done_on_time`),
`dismissed` what an associate set aside with a reason (counted apart, never as done);
`completion_rate = done / created`, `on_time_rate = done_on_time / done`, null when the
divisor is 0 (`domain.metrics.rate`). The rows add up to the store's total.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain.metrics import rate
from clienteling.domain.tasks import TaskStatus
from clienteling.hub.stats.sql import between
from clienteling.hub.tables import associates, tasks
from clienteling.protocol.tasks import AssociateTaskFigures, TaskCompletion

UNASSIGNED_NAME = "—"


def _figures(
    associate_id: str | None,
    name: str,
    *,
    created: int,
    done: int,
    on_time: int,
    dismissed: int,
) -> AssociateTaskFigures:
    return AssociateTaskFigures(
        associate_id=associate_id,
        display_name=name,
        created=created,
        done=done,
        done_on_time=on_time,
        dismissed=dismissed,
        completion_rate=rate(done, created),
        on_time_rate=rate(on_time, done),
    )


def task_completion(conn: Connection, *, store_id: str, start: str, end: str) -> TaskCompletion:
    """Created / done / done on time per associate (UTC ISO `start` and `end`)."""
    owner = sa.func.coalesce(tasks.c.associate_id, tasks.c.done_by).label("owner")
    is_done = tasks.c.status == str(TaskStatus.DONE)
    on_time = sa.and_(is_done, tasks.c.done_at <= tasks.c.due_at)
    is_dismissed = tasks.c.status == str(TaskStatus.DISMISSED)
    rows = conn.execute(
        sa.select(
            owner,
            sa.func.count(),
            sa.func.sum(sa.case((is_done, 1), else_=0)),
            sa.func.sum(sa.case((on_time, 1), else_=0)),
            sa.func.sum(sa.case((is_dismissed, 1), else_=0)),
        )
        .where(tasks.c.store_id == store_id, between(tasks.c.created_at, start, end))
        .group_by(owner)
    ).all()
    ids = [r[0] for r in rows if r[0] is not None]
    names = {
        row.id: row.display_name
        for row in conn.execute(
            sa.select(associates.c.id, associates.c.display_name).where(associates.c.id.in_(ids))
        )
    }
    per = [
        _figures(
            r[0],
            str(names.get(r[0], r[0])) if r[0] is not None else UNASSIGNED_NAME,
            created=int(r[1]),
            done=int(r[2] or 0),
            on_time=int(r[3] or 0),
            dismissed=int(r[4] or 0),
        )
        for r in rows
    ]
    per.sort(key=lambda f: (-f.created, f.associate_id is None, f.display_name))
    total = _figures(
        None,
        "",
        created=sum(f.created for f in per),
        done=sum(f.done for f in per),
        on_time=sum(f.done_on_time for f in per),
        dismissed=sum(f.dismissed for f in per),
    )
    return TaskCompletion(store_id=store_id, start=start, end=end, total=total, associates=per)
