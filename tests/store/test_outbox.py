"""Outbox ids are 1, 2, 3, ... per device with no gaps, across trims and restarts."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from clienteling.store import outbox
from clienteling.store.cache import open_cache


def add(db: Database, n: int = 1) -> list[int]:
    with db.atomic():
        return [outbox.enqueue(db, "note.add", {"n": i}) for i in range(n)]


def test_ids_are_gapless_across_acknowledgements(db: Database) -> None:
    assert add(db, 3) == [1, 2, 3]
    outbox.acknowledge(db, 3)
    assert outbox.pending(db) == []
    assert add(db) == [4]  # continues after the trimmed rows
    outbox.mark_rejected(db, 4, "unknown customer")
    assert add(db) == [5]
    assert outbox.counts(db) == outbox.OutboxCounts(pending=1, rejected=1)
    assert outbox.rejected(db) == [(4, "unknown customer")]


def test_ids_survive_a_restart(cache_path: Path) -> None:
    db = open_cache(cache_path)
    add(db, 2)
    outbox.acknowledge(db, 2)
    db.close()
    db = open_cache(cache_path)
    try:
        assert add(db) == [3]
    finally:
        db.close()


def test_enqueue_needs_the_callers_transaction(db: Database) -> None:
    with pytest.raises(RuntimeError):
        outbox.enqueue(db, "note.add", {})


def test_rolled_back_write_leaves_no_mutation_and_no_gap(db: Database) -> None:
    with pytest.raises(ZeroDivisionError), db.atomic():
        outbox.enqueue(db, "note.add", {})
        _ = 1 / 0
    assert add(db) == [1]


def test_pending_is_oldest_first_and_limited(db: Database) -> None:
    add(db, 5)
    batch = outbox.pending(db, 2)
    assert [m.mutation_id for m in batch] == [1, 2]
    assert batch[0].args == {"n": 0}


def test_realign_renumbers_after_what_the_hub_has(db: Database) -> None:
    add(db, 4)
    outbox.acknowledge(db, 2)  # 1, 2 trimmed
    outbox.mark_rejected(db, 3, "nope")
    # The hub was restored from a backup and only has mutation 1.
    outbox.realign(db, 1)
    assert [m.mutation_id for m in outbox.pending(db)] == [2, 3]
    assert [m.args for m in outbox.pending(db)] == [{"n": 2}, {"n": 3}]
    assert add(db) == [4]
