"""A pulled page lands whole or not at all: rows, cursor and outbox trimming together."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from clienteling.store import outbox
from clienteling.store.apply import apply_page
from clienteling.store.queries import add_note, customer_profile
from clienteling.store.search import search_customers
from clienteling.store.state import all_ready, scope_state
from tests.store.conftest import SCOPE, STORE_ID, change, customer


def count(db: Database, table: str) -> int:
    return int(db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_page_is_atomic(db: Database) -> None:
    apply_page(
        db,
        scope=SCOPE,
        changes=[customer("c1", given="Ana", family="Lopez")],
        cursor="cursor-1",
        last_mutation_id=0,
        snapshot_done=False,
    )
    broken = customer("c3", given="Bad", family="Row")
    assert broken.data is not None
    broken.data["given_name"] = None  # violates NOT NULL half-way through the page
    with pytest.raises(sqlite3.IntegrityError):
        apply_page(
            db,
            scope=SCOPE,
            changes=[customer("c2", given="Bea", family="Roy"), broken],
            cursor="cursor-2",
            last_mutation_id=0,
            snapshot_done=True,
        )
    assert count(db, "customers") == 1
    assert search_customers(db, "bea") == []
    state = scope_state(db, SCOPE)
    assert state.cursor == "cursor-1"
    assert not state.snapshot_done


def test_cursor_and_readiness_follow_the_pages(db: Database) -> None:
    assert not all_ready(db, [SCOPE])
    apply_page(db, scope=SCOPE, changes=[], cursor="a", last_mutation_id=0, snapshot_done=False)
    assert not all_ready(db, [SCOPE])
    apply_page(db, scope=SCOPE, changes=[], cursor="b", last_mutation_id=0, snapshot_done=True)
    assert all_ready(db, [SCOPE])
    assert not all_ready(db, [SCOPE, "catalog"])
    assert scope_state(db, SCOPE).cursor == "b"


def test_note_from_the_hub_clears_pending_and_trims_outbox(db: Database) -> None:
    apply_page(
        db,
        scope=SCOPE,
        changes=[customer("c1", given="Ana", family="Lopez")],
        cursor="a",
        last_mutation_id=0,
        snapshot_done=True,
    )
    note = add_note(
        db,
        note_id="n1",
        customer_id="c1",
        text="  Liked the blue one  ",
        author_id="assoc-1",
        author_name="Camille",
        store_id=STORE_ID,
    )
    assert note.pending and note.text == "Liked the blue one"
    assert outbox.counts(db).pending == 1
    hub_note = {
        "id": "n1",
        "customer_id": "c1",
        "associate_id": "assoc-1",
        "author_name": "Camille",
        "store_id": STORE_ID,
        "text": "Liked the blue one",
        "created_at": "2025-01-01T09:00:00+00:00",
    }
    kinds = apply_page(
        db,
        scope=SCOPE,
        changes=[change("note", hub_note, version=7)],
        cursor="b",
        last_mutation_id=1,
        snapshot_done=True,
    )
    assert kinds == {"note"}
    profile = customer_profile(db, "c1", store_id=STORE_ID)
    assert profile is not None
    assert [(n.id, n.pending) for n in profile.notes] == [("n1", False)]
    assert outbox.counts(db).pending == 0


def test_reset_drops_the_scope_but_keeps_unsent_work(db: Database) -> None:
    apply_page(
        db,
        scope=SCOPE,
        changes=[customer("c1", given="Ana", family="Lopez")],
        cursor="old-epoch",
        last_mutation_id=0,
        snapshot_done=True,
    )
    add_note(
        db,
        note_id="n1",
        customer_id="c1",
        text="call back",
        author_id="a",
        author_name="A",
        store_id=STORE_ID,
    )
    apply_page(
        db,
        scope=SCOPE,
        changes=[customer("c2", given="Bea", family="Roy")],
        cursor="new-epoch",
        last_mutation_id=0,
        snapshot_done=False,
        reset=True,
    )
    assert [h.id for h in search_customers(db, "lopez")] == []
    assert [h.id for h in search_customers(db, "roy")] == ["c2"]
    assert outbox.counts(db).pending == 1
    assert count(db, "notes") == 1
    assert scope_state(db, SCOPE).cursor == "new-epoch"
    assert not scope_state(db, SCOPE).snapshot_done


def test_unknown_entity_kinds_are_skipped(db: Database) -> None:
    kinds = apply_page(
        db,
        scope=SCOPE,
        changes=[change("hologram", {"id": "h1"})],
        cursor="a",
        last_mutation_id=0,
        snapshot_done=True,
    )
    assert kinds == set()
    assert scope_state(db, SCOPE).cursor == "a"
