"""`task.done`, `task.snooze` and `task.dismiss`: what an associate does with a task
(DESIGN.md, journeys 2, 4 and 5). Who did it comes from the session; the task must belong
to the device's store. Marking done or dismissing twice (two terminals, or a push sent
again) keeps the first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pydantic
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain.tasks import MAX_DISMISS_TEXT, TaskStatus, dismiss_problem
from clienteling.hub import versions
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.mutation_kit import Actor, MutationRejectedError
from clienteling.hub.tables import tasks

MAX_OUTCOME_NOTE = 1000
MAX_SNOOZE = timedelta(days=30)
# A terminal clock may run a little fast; a time past this is a broken clock.
MAX_CLOCK_SKEW = timedelta(hours=12)


class _TaskDone(pydantic.BaseModel):
    """Validates `TaskDoneArgs` (pydantic cannot use `typing.TypedDict` on Python 3.11)."""

    model_config = pydantic.ConfigDict(strict=True)

    task_id: str = pydantic.Field(min_length=1, max_length=64)
    outcome_note: str = pydantic.Field(default="", max_length=MAX_OUTCOME_NOTE * 2)
    done_at: str = pydantic.Field(default="", max_length=40)


class _TaskSnooze(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(strict=True)

    task_id: str = pydantic.Field(min_length=1, max_length=64)
    until: str = pydantic.Field(min_length=1, max_length=40)


class _TaskDismiss(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(strict=True)

    task_id: str = pydantic.Field(min_length=1, max_length=64)
    reason: str = pydantic.Field(min_length=1, max_length=32)
    text: str = pydantic.Field(default="", max_length=MAX_DISMISS_TEXT * 2)
    dismissed_at: str = pydantic.Field(default="", max_length=40)


_FINISHED = frozenset({str(TaskStatus.DONE), str(TaskStatus.DISMISSED)})


def _moment(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return None if moment.tzinfo is None else moment.astimezone(UTC)


def _task(conn: Connection, actor: Actor, task_id: str) -> Any:
    row = conn.execute(sa.select(tasks).where(tasks.c.id == task_id)).first()
    if row is None:
        raise MutationRejectedError("unknown task")
    if actor.store_id is not None and row.store_id != actor.store_id:
        raise MutationRejectedError("the task belongs to another store")
    return row


def _locked(conn: Connection, row: Any) -> tuple[int, Any]:
    """A version of the task's scope, and the task read again after it: the scope's
    counter lock comes first, as in every writer of the scope (task generation too), so
    two writers never wait for each other's locks in opposite order."""
    version = versions.allocate(conn, row.scope)
    return version, conn.execute(sa.select(tasks).where(tasks.c.id == row.id)).one()


def _unfinished(conn: Connection, actor: Actor, task_id: str) -> tuple[int, Any] | None:
    """The task locked for finishing (done or dismissed), or None when it is finished
    already, here or on another terminal, or meanwhile by a concurrent push: the first
    one stands."""
    row = _task(conn, actor, task_id)
    if row.status in _FINISHED:
        return None
    version, row = _locked(conn, row)
    return None if row.status in _FINISHED else (version, row)


def mark_done(conn: Connection, actor: Actor, args: dict[str, Any]) -> None:
    try:
        done = _TaskDone.model_validate(args)
    except pydantic.ValidationError as exc:
        raise MutationRejectedError("invalid task arguments") from exc
    note = " ".join(done.outcome_note.split())
    if len(note) > MAX_OUTCOME_NOTE:
        raise MutationRejectedError("the outcome note is too long")
    locked = _unfinished(conn, actor, done.task_id)
    if locked is None:
        return
    version, row = locked
    now = utc_now()
    at = _when(done.done_at, row, now)
    conn.execute(
        sa.update(tasks)
        .where(tasks.c.id == row.id)
        .values(
            status=str(TaskStatus.DONE),
            done_at=iso(min(at, now)),
            done_by=actor.session.associate_id,
            done_by_name=actor.session.display_name,
            outcome_note=note,
            snoozed_until=None,
            updated_at=iso(now),
            version=version,
        )
    )


def _when(text: str, row: Any, now: datetime) -> datetime:
    """Done offline counts when it was done, if the terminal's clock is believable."""
    at = _moment(text) or now
    created = datetime.fromisoformat(row.created_at)
    if at > now + MAX_CLOCK_SKEW or at < created - MAX_CLOCK_SKEW:
        at = now
    return at


def dismiss(conn: Connection, actor: Actor, args: dict[str, Any]) -> None:
    """Set the task aside with a reason; it counts for the manager as dismissed, not done.
    A task done or dismissed already (another terminal) stays as it is."""
    try:
        wanted = _TaskDismiss.model_validate(args)
    except pydantic.ValidationError as exc:
        raise MutationRejectedError("invalid task arguments") from exc
    text = " ".join(wanted.text.split())
    problem = dismiss_problem(wanted.reason, text)
    if problem is not None:
        raise MutationRejectedError(problem)
    locked = _unfinished(conn, actor, wanted.task_id)
    if locked is None:
        return
    version, row = locked
    now = utc_now()
    at = _when(wanted.dismissed_at, row, now)
    conn.execute(
        sa.update(tasks)
        .where(tasks.c.id == row.id)
        .values(
            status=str(TaskStatus.DISMISSED),
            dismiss_reason=wanted.reason,
            done_at=iso(min(at, now)),
            done_by=actor.session.associate_id,
            done_by_name=actor.session.display_name,
            outcome_note=text,
            snoozed_until=None,
            updated_at=iso(now),
            version=version,
        )
    )


def snooze(conn: Connection, actor: Actor, args: dict[str, Any]) -> None:
    try:
        wanted = _TaskSnooze.model_validate(args)
    except pydantic.ValidationError as exc:
        raise MutationRejectedError("invalid task arguments") from exc
    until = _moment(wanted.until)
    if until is None:
        raise MutationRejectedError("the snooze time is not a valid time")
    now = utc_now()
    if until > now + MAX_SNOOZE:
        raise MutationRejectedError("a task can be snoozed for 30 days at most")
    row = _task(conn, actor, wanted.task_id)
    if row.status != str(TaskStatus.OPEN):
        return  # done or closed meanwhile: nothing to hide
    version, row = _locked(conn, row)
    if row.status != str(TaskStatus.OPEN):
        return
    conn.execute(
        sa.update(tasks)
        .where(tasks.c.id == row.id)
        .values(
            snoozed_until=iso(until),
            updated_at=iso(now),
            version=version,
        )
    )
