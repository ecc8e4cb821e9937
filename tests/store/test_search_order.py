"""Search keys keep customers in name order through inserts, renames and deletes, also
when gaps between keys run out (the keys are re-spread), and the index follows them."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest
from sqlite_utils import Database

from clienteling.store import search
from clienteling.store.apply import apply_page
from clienteling.store.search import search_customers
from tests.store.conftest import SCOPE, customer, delete

FAMILY = ["Nguyễn", "Trần", "Lê", "Martin", "Жуков", "Smith", "Đặng"]
GIVEN = ["Anh", "An", "Văn", "Hélène", "Анна", "Bob", "Zoé"]


def check_order_and_index(db: Database) -> None:
    rows = db.conn.execute(
        "SELECT sort_name, id, search_key, search_name FROM customers ORDER BY sort_name, id"
    ).fetchall()
    keys = [row[2] for row in rows]
    assert None not in keys
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert all(0 < key < search.KEY_SPACE for key in keys)
    # Every name word finds exactly the customers that have it: no stale or missing rows.
    expected: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        for word in row[3].split():
            expected[word].add(row[2])
    for word, holders in expected.items():
        found = db.conn.execute(
            "SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?",
            (f'search_name : "{word}"',),
        ).fetchall()
        assert {r[0] for r in found} == holders, word


@pytest.mark.parametrize("space", [1 << 62, 1 << 14])
def test_keys_follow_name_order_under_churn(
    db: Database, monkeypatch: pytest.MonkeyPatch, space: int
) -> None:
    # A small key space makes gaps run out early, so re-spreads happen often.
    monkeypatch.setattr(search, "KEY_SPACE", space)
    monkeypatch.setattr(search, "_MIN_SPACING", 4 if space < (1 << 20) else 1 << 20)
    rng = random.Random(3)
    alive: dict[str, int] = {}
    version = 0
    for page in range(12):
        changes = []
        for _ in range(rng.randrange(1, 60)):
            version += 1
            roll = rng.random()
            if alive and roll < 0.15:
                victim = rng.choice(sorted(alive))
                changes.append(delete("customer", victim, version=version))
                alive.pop(victim)
                continue
            if alive and roll < 0.4:
                cid = rng.choice(sorted(alive))  # rename or other change of a known one
            else:
                cid = f"c{page:02d}-{version:04d}"
            given = rng.choice(GIVEN)
            family = "Zzgone" if page < 11 and rng.random() < 0.05 else rng.choice(FAMILY)
            changes.append(
                customer(
                    cid,
                    given=given,
                    family=family,
                    phones=[f"+3361234{version:04d}"],
                    version=version,
                )
            )
            alive[cid] = version
        # The last page renames every "Zzgone" away, so nobody is found by it at the end.
        if page == 11:
            for cid in [
                r[0] for r in db.conn.execute("SELECT id FROM customers WHERE family_name='Zzgone'")
            ]:
                version += 1
                changes.append(customer(cid, given="Bob", family="Martin", version=version))
        apply_page(
            db,
            scope=SCOPE,
            changes=changes,
            cursor=f"p{page}",
            last_mutation_id=0,
            snapshot_done=True,
        )
        check_order_and_index(db)
    assert search_customers(db, "zzgone") == []
    total = db.conn.execute("SELECT count(*) FROM customers").fetchone()[0]
    assert total == len(alive)


def test_same_name_appended_many_times_respreads(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Namesakes arrive in id order, each after the last one: the gap before the next name
    halves every time until keys must be re-spread."""
    monkeypatch.setattr(search, "KEY_SPACE", 1 << 16)
    monkeypatch.setattr(search, "_MIN_SPACING", 4)
    apply_page(
        db,
        scope=SCOPE,
        changes=[customer("z", given="Zoé", family="Zola")],
        cursor="a",
        last_mutation_id=0,
        snapshot_done=True,
    )
    for n in range(40):
        apply_page(
            db,
            scope=SCOPE,
            changes=[customer(f"a{n:03d}", given="Anh", family="Nguyễn")],
            cursor=f"b{n}",
            last_mutation_id=0,
            snapshot_done=True,
        )
    check_order_and_index(db)
    hits = search_customers(db, "nguyen anh", limit=100)
    assert [h.id for h in hits] == [f"a{n:03d}" for n in range(40)]


def test_same_row_twice_in_a_page_last_change_wins(db: Database) -> None:
    apply_page(
        db,
        scope=SCOPE,
        changes=[
            customer("c1", given="Ana", family="Lopez", version=1),
            customer("c1", given="Ana", family="Moreau", version=2),
            customer("c2", given="Bea", family="Roy", version=3),
            delete("customer", "c2", version=4),
            delete("customer", "c3", version=5),
            customer("c3", given="Cy", family="Roy", version=6),
        ],
        cursor="a",
        last_mutation_id=0,
        snapshot_done=True,
    )
    assert [h.id for h in search_customers(db, "moreau")] == ["c1"]
    assert search_customers(db, "lopez") == []
    assert [h.id for h in search_customers(db, "roy")] == ["c3"]
    check_order_and_index(db)


def _automerge(db: Database) -> int | None:
    row = db.conn.execute("SELECT v FROM customer_fts_config WHERE k = 'automerge'").fetchone()
    return None if row is None else int(row[0])


def _segments(db: Database) -> int:
    """Segments of the index (FTS5's shadow table of segment pages)."""
    return int(db.conn.execute("SELECT count(DISTINCT segid) FROM customer_fts_idx").fetchone()[0])


def test_a_snapshot_defers_index_merges_and_settles_them_at_its_end(db: Database) -> None:
    """While a snapshot loads, FTS5 leaves each page's segment unmerged (and searches find
    what has arrived); its last page merges the index once and turns merging back on."""
    pages = 6
    for page in range(pages):
        apply_page(
            db,
            scope=SCOPE,
            changes=[
                customer(f"p{page}-{n:02d}", given=GIVEN[n % len(GIVEN)], family=FAMILY[page])
                for n in range(30)
            ],
            cursor=f"s{page}",
            last_mutation_id=0,
            snapshot_done=page == pages - 1,
        )
        if page < pages - 1:
            assert _automerge(db) == 0
            assert _segments(db) == page + 1  # one per page, none merged yet
            found = {h.id for h in search_customers(db, FAMILY[page], limit=100)}
            assert found == {f"p{page}-{n:02d}" for n in range(30)}
    assert _automerge(db) == 4
    assert _segments(db) == 1
    db.conn.execute("INSERT INTO customer_fts (customer_fts) VALUES ('integrity-check')")
    check_order_and_index(db)
    # Pulls after the snapshot merge as usual (nothing left deferred).
    apply_page(
        db,
        scope=SCOPE,
        changes=[customer("late", given="Anh", family="Lê")],
        cursor="t",
        last_mutation_id=0,
        snapshot_done=True,
    )
    assert _automerge(db) == 4
    assert "late" in {h.id for h in search_customers(db, "anh", limit=500)}
