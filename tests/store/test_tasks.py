"""Tasks in the cache: the store's list order, a customer's tasks, marking done offline
(pending until the hub acknowledges; open again when refused) and snoozing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlite_utils import Database

from clienteling.domain.errors import ValidationError
from clienteling.store import outbox
from clienteling.store.apply import apply_page
from clienteling.store.tasks import counts, customer_tasks, mark_done, snooze, store_tasks

from .conftest import SCOPE, STORE_ID, change, customer

NOW = datetime.now(UTC).replace(microsecond=0)


def task(task_id: str, *, due: timedelta, priority: int = 2, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": task_id,
        "customer_id": "c1",
        "store_id": STORE_ID,
        "kind": "at_risk",
        "dedupe_key": f"k:{task_id}",
        "status": "open",
        "priority": priority,
        "template": "win_back",
        "subject_id": None,
        "product_ids": ["p1"],
        "associate_id": None,
        "created_at": (NOW - timedelta(days=5)).isoformat(),
        "starts_at": (NOW - timedelta(days=5)).isoformat(),
        "due_at": (NOW + due).isoformat(),
        "expires_at": (NOW + timedelta(days=60)).isoformat(),
        "snoozed_until": None,
        "done_at": None,
        "done_by": None,
        "done_by_name": None,
        "outcome_note": "",
        "updated_at": NOW.isoformat(),
    }
    data.update(extra)
    return data


def pull(db: Database, *tasks: dict[str, Any], last_mutation_id: int = 0, version: int = 1) -> None:
    apply_page(
        db,
        scope=SCOPE,
        changes=[
            customer("c1", given="Linh", family="Trần"),
            customer("c2", given="Olga", family="Ivanova"),
            *(change("task", t, version=version) for t in tasks),
        ],
        cursor=f"cursor-{version}",
        last_mutation_id=last_mutation_id,
        snapshot_done=True,
    )


def ids(db: Database) -> list[str]:
    return [t.id for t in store_tasks(db, store_id=STORE_ID, now=NOW)]


def test_the_list_is_by_due_day_then_priority_and_hides_what_is_not_shown(db: Database) -> None:
    pull(
        db,
        task("later", due=timedelta(days=3), priority=1),
        task("today-low", due=timedelta(hours=0, minutes=1), priority=3),
        task("today-high", due=timedelta(minutes=2), priority=1),
        task("overdue", due=-timedelta(days=2)),
        task("future", due=timedelta(days=9), starts_at=(NOW + timedelta(days=2)).isoformat()),
        task("done", due=timedelta(days=1), status="done"),
        task(
            "snoozed", due=timedelta(days=1), snoozed_until=(NOW + timedelta(hours=3)).isoformat()
        ),
        task("other-store", due=timedelta(days=1), store_id="store-2"),
        task("olga", due=timedelta(days=4), customer_id="c2"),
    )
    shown = ids(db)
    if (NOW + timedelta(minutes=2)).date() == NOW.date():
        assert shown == ["overdue", "today-high", "today-low", "later", "olga"]
    else:  # just before midnight: "today" tasks fall on two days
        assert set(shown) == {"overdue", "today-high", "today-low", "later", "olga"}
    views = store_tasks(db, store_id=STORE_ID, now=NOW)
    assert [v.id for v in views if v.overdue] == ["overdue"]
    assert views[0].customer_name == "Linh Trần"
    assert [t.id for t in customer_tasks(db, "c2", now=NOW)] == ["olga"]
    assert counts(views).open == 5 and counts(views).overdue == 1


def test_done_offline_waits_for_the_hub_then_leaves_the_list(db: Database) -> None:
    pull(db, task("t1", due=-timedelta(days=1)), task("t2", due=timedelta(days=1)))
    mark_done(db, "t1", outcome_note="  Appelée,\n passera samedi ")
    pending = outbox.pending(db)
    assert [(e.name, e.args["task_id"], e.args["outcome_note"]) for e in pending] == [
        ("task.done", "t1", "Appelée, passera samedi")
    ]
    views = {v.id: v for v in store_tasks(db, store_id=STORE_ID, now=NOW)}
    assert views["t1"].done_pending and not views["t1"].overdue
    assert views["t1"].outcome_note == "Appelée, passera samedi"
    assert counts(list(views.values())).waiting == 1
    # The hub applied it: the pulled row says done, the outbox is trimmed.
    pull(db, task("t1", due=-timedelta(days=1), status="done"), last_mutation_id=1, version=2)
    assert ids(db) == ["t2"]
    assert outbox.pending(db) == []


def test_a_refused_mark_opens_the_task_again(db: Database) -> None:
    pull(db, task("t1", due=timedelta(days=1)))
    mark_done(db, "t1")
    outbox.mark_rejected(db, 1, "the task belongs to another store")
    views = store_tasks(db, store_id=STORE_ID, now=NOW)
    assert [(v.id, v.done_pending) for v in views] == [("t1", False)]


def test_snooze_hides_until_then(db: Database) -> None:
    pull(db, task("t1", due=timedelta(days=1)))
    snooze(db, "t1", until=NOW + timedelta(hours=2))
    assert ids(db) == []
    assert [t.id for t in store_tasks(db, store_id=STORE_ID, now=NOW + timedelta(hours=3))] == [
        "t1"
    ]
    with pytest.raises(ValidationError):
        snooze(db, "t1", until=NOW - timedelta(hours=1))


def test_unknown_task_is_a_sentence(db: Database) -> None:
    with pytest.raises(ValidationError, match="no longer on this terminal"):
        mark_done(db, "nope")
    assert outbox.pending(db) == []
