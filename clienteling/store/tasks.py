"""Tasks on the terminal: the store's open tasks and a customer's, and marking one done,
snoozing or dismissing it offline.

A mark (done, snoozed, dismissed) is written with its mutation in one transaction and kept in
`task_marks`; it counts while that mutation is still pending in the outbox, so the task
shows "done, waiting for the hub" until the hub has it. Once acknowledged the pulled row
says what the hub decided; a refused mark stops counting and the task is open again
(the refusal shows with the other refused changes).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from clienteling.domain.errors import ValidationError
from clienteling.domain.tasks import TaskStatus, dismiss_problem, is_overdue
from clienteling.protocol.entities import TaskDismissArgs, TaskDoneArgs, TaskSnoozeArgs
from clienteling.store import outbox
from clienteling.store.transactions import write_transaction

MAX_OUTCOME_NOTE = 1000

_MARK = (
    "LEFT JOIN task_marks AS m ON m.task_id = t.id AND m.mutation_id IN "
    "(SELECT mutation_id FROM outbox WHERE status = 'pending')"
)
_COLUMNS = (
    "t.id, t.customer_id, coalesce(c.display_name, ''), t.kind, t.priority, t.template, "
    "t.subject_id, t.product_ids, t.associate_id, t.starts_at, t.due_at, t.status, "
    "coalesce(m.snoozed_until, t.snoozed_until), m.status, "
    "coalesce(m.outcome_note, t.outcome_note), m.dismiss_reason"
)
# Open here: open on the hub, started, not snoozed (here or there) past now.
_SHOWN = (
    "t.status = 'open' AND t.starts_at <= :now AND "
    "(coalesce(m.snoozed_until, t.snoozed_until) IS NULL "
    " OR coalesce(m.snoozed_until, t.snoozed_until) <= :now)"
)
_ORDER = "ORDER BY substr(t.due_at, 1, 10), t.priority, t.due_at, t.id"


@dataclass(frozen=True, slots=True)
class TaskView:
    id: str
    customer_id: str
    customer_name: str
    kind: str  # domain.tasks.TaskKind
    priority: int  # 1 high, 2 normal, 3 low
    template: str  # the follow-up the composer preselects
    subject_id: str | None
    product_ids: list[str]
    associate_id: str | None
    starts_at: datetime
    due_at: datetime
    overdue: bool
    done_pending: bool  # marked done here, waiting for the hub
    outcome_note: str
    dismiss_pending: bool = False  # dismissed here, waiting for the hub
    dismiss_reason: str | None = None  # domain.tasks.DismissReason of that dismissal

    @property
    def waiting(self) -> bool:
        """Marked here (done or dismissed), not yet acknowledged: nothing more to do."""
        return self.done_pending or self.dismiss_pending


@dataclass(frozen=True, slots=True)
class TaskCounts:
    open: int  # not done (here or on the hub)
    overdue: int
    waiting: int  # done or dismissed here, not yet acknowledged


def _time(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _now_text(now: datetime) -> str:
    return now.astimezone(UTC).replace(microsecond=0).isoformat()


def _view(row: Sequence[object], now: datetime) -> TaskView:
    due = _time(str(row[10]))
    done_pending = row[13] == str(TaskStatus.DONE)
    dismiss_pending = row[13] == str(TaskStatus.DISMISSED)
    return TaskView(
        id=str(row[0]),
        customer_id=str(row[1]),
        customer_name=str(row[2]),
        kind=str(row[3]),
        priority=int(str(row[4])),
        template=str(row[5]),
        subject_id=None if row[6] is None else str(row[6]),
        product_ids=list(json.loads(str(row[7]))),
        associate_id=None if row[8] is None else str(row[8]),
        starts_at=_time(str(row[9])),
        due_at=due,
        overdue=not done_pending and not dismiss_pending and is_overdue(due, now=now),
        done_pending=done_pending,
        outcome_note=str(row[14]),
        dismiss_pending=dismiss_pending,
        dismiss_reason=None if row[15] is None else str(row[15]),
    )


def store_tasks(db: Database, *, store_id: str, now: datetime) -> list[TaskView]:
    """The store's open tasks by due day, then priority, then due time; tasks marked done
    here stay (with `done_pending`) until the hub has them."""
    rows = db.conn.execute(
        f"SELECT {_COLUMNS} FROM tasks AS t {_MARK} "
        "LEFT JOIN customers AS c ON c.id = t.customer_id "
        f"WHERE t.store_id = :store AND {_SHOWN} {_ORDER}",
        {"store": store_id, "now": _now_text(now)},
    ).fetchall()
    return [_view(r, now) for r in rows]


def customer_tasks(db: Database, customer_id: str, *, now: datetime) -> list[TaskView]:
    """The customer's open tasks, in the same order as the store's list."""
    rows = db.conn.execute(
        f"SELECT {_COLUMNS} FROM tasks AS t {_MARK} "
        "LEFT JOIN customers AS c ON c.id = t.customer_id "
        f"WHERE t.customer_id = :customer AND {_SHOWN} {_ORDER}",
        {"customer": customer_id, "now": _now_text(now)},
    ).fetchall()
    return [_view(r, now) for r in rows]


def counts(views: Sequence[TaskView]) -> TaskCounts:
    waiting = sum(v.waiting for v in views)
    return TaskCounts(
        open=len(views) - waiting, overdue=sum(v.overdue for v in views), waiting=waiting
    )


def _known(db: Database, task_id: str) -> None:
    if db.conn.execute("SELECT 1 FROM tasks WHERE id = ?", (task_id,)).fetchone() is None:
        raise ValidationError("This task is no longer on this terminal: sync and try again.")


def _mark(
    db: Database,
    *,
    task_id: str,
    mutation_id: int,
    status: str,
    outcome_note: str = "",
    snoozed_until: str | None = None,
    dismiss_reason: str | None = None,
) -> None:
    # Marks of mutations the hub has answered are done with: dropped on the next mark.
    db.conn.execute(
        "DELETE FROM task_marks WHERE mutation_id NOT IN "
        "(SELECT mutation_id FROM outbox WHERE status = 'pending')"
    )
    db.conn.execute(
        "INSERT INTO task_marks "
        "(task_id, mutation_id, status, outcome_note, snoozed_until, at, dismiss_reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(task_id) DO UPDATE SET "
        "mutation_id = excluded.mutation_id, status = excluded.status, "
        "outcome_note = excluded.outcome_note, snoozed_until = excluded.snoozed_until, "
        "at = excluded.at, dismiss_reason = excluded.dismiss_reason",
        (
            task_id,
            mutation_id,
            status,
            outcome_note,
            snoozed_until,
            _now_text(datetime.now(UTC)),
            dismiss_reason,
        ),
    )


def mark_done(db: Database, task_id: str, *, outcome_note: str = "") -> None:
    """Done, with what came of it (works offline: the `task.done` mutation is queued)."""
    note = " ".join(outcome_note.split())
    if len(note) > MAX_OUTCOME_NOTE:
        raise ValidationError(f"The outcome note is too long (at most {MAX_OUTCOME_NOTE}).")
    with write_transaction(db):
        _known(db, task_id)
        args = TaskDoneArgs(
            task_id=task_id, outcome_note=note, done_at=_now_text(datetime.now(UTC))
        )
        mutation_id = outbox.enqueue(db, "task.done", dict(args))
        _mark(db, task_id=task_id, mutation_id=mutation_id, status="done", outcome_note=note)


def snooze(db: Database, task_id: str, *, until: datetime) -> None:
    """Hide the task until `until` (works offline: `task.snooze` is queued)."""
    if until <= datetime.now(UTC):
        raise ValidationError("Snooze until a time in the future.")
    moment = _now_text(until)
    with write_transaction(db):
        _known(db, task_id)
        args = TaskSnoozeArgs(task_id=task_id, until=moment)
        mutation_id = outbox.enqueue(db, "task.snooze", dict(args))
        _mark(db, task_id=task_id, mutation_id=mutation_id, status="snoozed", snoozed_until=moment)


def dismiss(db: Database, task_id: str, *, reason: str, text: str = "") -> None:
    """Set the task aside for a reason (`domain.tasks.DismissReason`; "other" with a
    text); works offline: `task.dismiss` is queued and the task shows as waiting."""
    clean = " ".join(text.split())
    problem = dismiss_problem(reason, clean)
    if problem is not None:
        raise ValidationError(f"{problem[0].upper()}{problem[1:]}.")
    with write_transaction(db):
        _known(db, task_id)
        args = TaskDismissArgs(
            task_id=task_id,
            reason=reason,
            text=clean,
            dismissed_at=_now_text(datetime.now(UTC)),
        )
        mutation_id = outbox.enqueue(db, "task.dismiss", dict(args))
        _mark(
            db,
            task_id=task_id,
            mutation_id=mutation_id,
            status=str(TaskStatus.DISMISSED),
            outcome_note=clean,
            dismiss_reason=reason,
        )
