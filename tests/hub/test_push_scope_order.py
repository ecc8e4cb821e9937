"""Two pushes that write two stores' scopes in opposite order both commit (PostgreSQL;
SQLite serialises write transactions, so the case is PostgreSQL's alone).

A batch from store A's terminal writes a customer of A, then one of store B it looked up;
a batch from B's terminal writes one of B, then one of A it looked up. Taken as written,
the two counters (`hub.versions`) were locked in opposite order: each push held one and
waited for the other's, and PostgreSQL failed one with a deadlock. The interleaving is
forced: push A stops between its two stores (a third transaction holds the row of a
customer it patches there); push B starts, and only once it waits too is the row freed.
With the fix each push locks its batch's counters first, sorted (`hub.push_locks`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.domain.ids import uuid7
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.context import Session
from clienteling.hub.db import make_engine, migrate, write_tx
from clienteling.hub.mutations import push
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.tables import associates, customer_lookups, customers, devices, notes
from clienteling.protocol.entities import store_scope
from clienteling.protocol.models import Mutation, PushRequest, PushResponse

from .blocking import Worker, blocked_or_done
from .conftest import SEED_NOW, NewDb
from .test_ingest_erasure_race import _wait_for_waiters

CREATED = "2025-06-01T10:00:00.000000Z"


@dataclass
class Store:
    session: Session
    customers: list[str]  # of this store, by id


@pytest.fixture
def two_stores(new_db: NewDb, backend: str) -> Iterator[tuple[Engine, Store, Store]]:
    if backend != "postgresql":
        pytest.skip("SQLite runs one write transaction at a time: no lock order to get wrong")
    engine = make_engine(new_db())
    migrate(engine)
    summary = seed_demo_data(engine, customers=30, seed=23, now=SEED_NOW)
    stores = []
    with write_tx(engine) as conn:
        for store_id in summary["store_ids"][:2]:
            associate = conn.execute(
                sa.select(associates).where(associates.c.store_id == store_id).limit(1)
            ).one()
            device_id = uuid7()
            conn.execute(
                sa.insert(devices).values(
                    id=device_id, store_id=store_id, last_mutation_id=0, last_seen_at=CREATED
                )
            )
            ids = conn.execute(
                sa.select(customers.c.id)
                .where(customers.c.scope == store_scope(store_id))
                .order_by(customers.c.id)
                .limit(3)
            ).scalars()
            session = Session(
                associate_id=associate.id,
                username=associate.username,
                display_name=associate.display_name,
                role="associate",
                store_id=store_id,
                device_id=device_id,
            )
            stores.append(Store(session, [str(i) for i in ids]))
        a, b = stores
        until = iso(utc_now() + timedelta(days=30))
        for store, customer_id in ((a, b.customers[0]), (b, a.customers[1])):
            conn.execute(
                sa.insert(customer_lookups).values(
                    id=uuid7(),
                    store_id=store.session.store_id,
                    customer_id=customer_id,
                    matched_on="phone",
                    looked_up_at=CREATED,
                    expires_at=until,
                )
            )
    yield engine, a, b
    engine.dispose()


def _note(mutation_id: int, customer_id: str) -> Mutation:
    args = {"id": uuid7(), "customer_id": customer_id, "text": "Taille 38.", "created_at": CREATED}
    return Mutation(id=mutation_id, name="note.add", args=args, created_at=CREATED)


def _push(engine: Engine, store: Store, *mutations: Mutation) -> PushResponse:
    request = PushRequest(
        device_id=store.session.device_id, schema_version=1, mutations=list(mutations)
    )
    return push(engine, session=store.session, request=request)


def test_two_pushes_writing_two_stores_in_opposite_order(
    two_stores: tuple[Engine, Store, Store],
) -> None:
    engine, a, b = two_stores
    a_own, a_blocked, a_looked_up = a.customers[0], a.customers[2], b.customers[0]
    patch = {"customer_id": a_blocked, "given_name": "Élodie"}
    with engine.connect() as blocker:
        tx = blocker.begin()
        blocker.execute(
            sa.select(customers.c.id).where(customers.c.id == a_blocked).with_for_update()
        ).one()
        pushing_a = Worker(
            lambda: _push(
                engine,
                a,
                _note(1, a_own),  # store A's counter
                Mutation(id=2, name="customer.patch", args=patch, created_at=CREATED),
                _note(3, a_looked_up),  # then store B's
            ),
            "push A",
        )
        pushing_a.start()
        blocked_or_done(engine, pushing_a)
        # Store B's counter, then store A's.
        pushing_b = Worker(
            lambda: _push(engine, b, _note(1, b.customers[1]), _note(2, a.customers[1])),
            "push B",
        )
        pushing_b.start()
        _wait_for_waiters(engine, 2, pushing_b)
        tx.rollback()
    done_a = pushing_a.finish()
    done_b = pushing_b.finish()
    assert [r.status for r in done_a.results] == ["applied"] * 3, done_a
    assert [r.status for r in done_b.results] == ["applied"] * 2, done_b
    with engine.connect() as conn:
        written = conn.execute(
            sa.select(notes.c.customer_id, notes.c.scope).where(
                notes.c.customer_id.in_([a_own, a_looked_up, b.customers[1], a.customers[1]])
            )
        ).all()
        patched = conn.execute(
            sa.select(customers.c.given_name).where(customers.c.id == a_blocked)
        ).scalar_one()
    # Each note is in its customer's store, whoever wrote it.
    assert sorted(map(tuple, written)) == sorted(
        [
            (a_own, store_scope(a.session.store_id or "")),
            (a_looked_up, store_scope(b.session.store_id or "")),
            (b.customers[1], store_scope(b.session.store_id or "")),
            (a.customers[1], store_scope(a.session.store_id or "")),
        ]
    )
    assert patched == "Élodie"
