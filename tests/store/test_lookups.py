"""A customer of another store pulled in from the hub: written in one transaction with
its lookup mark, searchable, refreshed (rows the hub dropped go; unsent ones stay), kept
apart from this store's scope, and forgotten when unused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from clienteling.protocol.lookups import CustomerBundle
from clienteling.protocol.models import Change
from clienteling.store import lookups, outbox
from clienteling.store.apply import reset_scope
from clienteling.store.queries import add_note, customer_profile
from clienteling.store.search import search_customers
from tests.store.conftest import STORE_ID, change, customer

OTHER = "store:store-2"


def _note(note_id: str, text: str) -> dict[str, str]:
    return {
        "id": note_id,
        "customer_id": "x1",
        "associate_id": "a-2",
        "author_name": "Léa",
        "store_id": "store-2",
        "text": text,
        "created_at": "2025-01-01T09:00:00+00:00",
    }


def _bundle(*extra: Change) -> CustomerBundle:
    return CustomerBundle(
        customer_id="x1",
        scope=OTHER,
        home_store_id="store-2",
        lookup_expires_at="2099-01-01T00:00:00+00:00",
        changes=[
            customer(
                "x1",
                given="Svetlana",
                family="Rodionova",
                card="2981987470318",
                home_store_id="store-2",
            ),
            *extra,
        ],
    )


def test_pulled_in_searchable_refreshed_and_kept_apart(db: Database) -> None:
    lookups.save_bundle(db, _bundle(change("note", _note("n1", "old"))), lookup=True)
    assert [h.id for h in search_customers(db, "2981987470318")] == ["x1"]
    found = lookups.lookup_of(db, "x1")
    assert found is not None and found.home_store_id == "store-2"
    profile = customer_profile(db, "x1", store_id=STORE_ID)
    assert profile is not None and [n.text for n in profile.notes] == ["old"]
    # A note written here waits for the hub; the hub dropped "n1" meanwhile.
    add_note(
        db,
        note_id="n2",
        customer_id="x1",
        text="mine",
        author_id="a-1",
        author_name="Camille",
        store_id=STORE_ID,
    )
    lookups.save_bundle(db, _bundle(change("note", _note("n3", "new"), version=9)), lookup=True)
    profile = customer_profile(db, "x1", store_id=STORE_ID)
    assert profile is not None
    assert sorted((n.text, n.pending) for n in profile.notes) == [("mine", True), ("new", False)]
    # This store's resync does not touch another store's scope.
    reset_scope(db, f"store:{STORE_ID}")
    assert customer_profile(db, "x1", store_id=STORE_ID) is not None


def test_unused_lookups_are_forgotten_unless_work_waits(db: Database) -> None:
    lookups.save_bundle(db, _bundle(), lookup=True)
    later = datetime.now(UTC) + timedelta(days=lookups.KEEP_DAYS + 1)
    add_note(
        db,
        note_id="n2",
        customer_id="x1",
        text="mine",
        author_id="a-1",
        author_name="Camille",
        store_id=STORE_ID,
    )
    assert lookups.forget_unused(db, now=later) == []  # the note is still in the outbox
    outbox.acknowledge(db, 1)  # the hub has the note
    assert lookups.forget_unused(db, now=later) == ["x1"]
    assert customer_profile(db, "x1", store_id=STORE_ID) is None
    assert search_customers(db, "2981987470318") == []
    assert lookups.lookup_of(db, "x1") is None
    assert db.conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 0
