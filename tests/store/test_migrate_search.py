"""A cache written before search keys (only 0001_initial) upgrades in place: customers
keep their rows, get search text and keys in name order, and are found as before."""

from __future__ import annotations

import json
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from clienteling.store import schema
from clienteling.store.apply import apply_page
from clienteling.store.cache import open_cache
from clienteling.store.search import search_customers
from tests.store.conftest import SCOPE, STORE_ID, customer


def old_cache(path: Path) -> None:
    """A cache as 0001_initial left it, with customers indexed the way that code did."""
    initial = Migrations(schema.MIGRATION_SET)
    initial(name="0001_initial")(schema._initial)
    db = Database(path)
    initial.apply(db)
    people = [
        ("c1", "Văn A", "Nguyễn", ["+84901234567"], ["van.a@example.vn"], "2123456789012"),
        ("c2", "François", "Lefèvre", ["+33612345678"], [], None),
        ("c3", "Anna", "Nguyen Smith", [], ["anna@example.com"], None),
    ]
    for rowid, (cid, given, family, phones, emails, card) in enumerate(people, start=1):
        display = f"{family} {given}"
        db.conn.execute(
            "INSERT INTO customers (rowid, id, given_name, family_name, display_name, phones, "
            "emails, loyalty_card, loyalty_tier, loyalty_points, home_store_id, "
            "preferred_channel, language, lifecycle_stage, clv_minor, currency, created_at, "
            "updated_at, sort_name, scope, version) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, ?, 'email', 'vi', 'trial', 0, 'EUR', 't', 't', "
            "?, ?, 1)",
            (
                rowid,
                cid,
                given,
                family,
                display,
                json.dumps(phones),
                json.dumps(emails),
                card,
                STORE_ID,
                display.lower(),
                SCOPE,
            ),
        )
        db.conn.execute(
            "INSERT INTO customer_fts (rowid, name, other, digits) VALUES (?, ?, ?, ?)",
            (rowid, display.lower(), " ".join(emails), ""),
        )
    db.conn.commit()
    db.close()


def test_an_old_cache_upgrades_and_searches(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    old_cache(path)
    db = open_cache(path)
    try:
        applied = {r[0] for r in db.conn.execute("SELECT name FROM _sqlite_migrations")}
        assert applied == set(schema.KNOWN)
        keys = [r[0] for r in db.conn.execute("SELECT search_key FROM customers ORDER BY id")]
        assert None not in keys
        in_name_order = [
            r[0] for r in db.conn.execute("SELECT search_key FROM customers ORDER BY sort_name, id")
        ]
        assert in_name_order == sorted(in_name_order)
        assert [h.id for h in search_customers(db, "nguyen")] == ["c3", "c1"]  # by name
        assert [h.id for h in search_customers(db, "francois lefevre")] == ["c2"]
        assert [h.id for h in search_customers(db, "090 123 4567")] == ["c1"]
        assert [h.id for h in search_customers(db, "anna@exa")] == ["c3"]
        # Later pages update, add and find customers as in a new cache.
        apply_page(
            db,
            scope=SCOPE,
            changes=[
                customer("c2", given="François", family="Moreau", version=2),
                customer("c4", given="Minh", family="Nguyễn", version=3),
            ],
            cursor="c",
            last_mutation_id=0,
            snapshot_done=True,
        )
        assert search_customers(db, "lefevre") == []
        assert [h.id for h in search_customers(db, "moreau")] == ["c2"]
        assert [h.id for h in search_customers(db, "nguyen")] == ["c4", "c3", "c1"]
    finally:
        db.close()
    # Opening again changes nothing.
    again = open_cache(path)
    try:
        assert [h.id for h in search_customers(again, "nguyen")] == ["c4", "c3", "c1"]
    finally:
        again.close()
