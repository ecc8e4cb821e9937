"""A terminal's profile change racing the erasure of the same customer: both commit.
Both backends; the race is PostgreSQL's (READ COMMITTED, row locks), SQLite serialises
the two at BEGIN IMMEDIATE.

`customer.patch` used to lock the customer's row, then the scope's counter when it took
a version: the opposite of the order erasure and the order ingest follow
(`purchase_facts.lock_customer`: counter, then customer). The interleaving is forced: one
push carries an unchanged patch of customer C (it locks C and, before the fix, nothing
else) and then a patch of customer D, whose row a third transaction holds; the erasure
of C starts once the push waits for D, and only once the erasure waits as well is D
released. Before the fix the push then waited for the counter the erasure held while the
erasure waited for C: PostgreSQL broke the deadlock by failing one of them.
"""

from __future__ import annotations

import sqlalchemy as sa

from clienteling.hub.db import write_tx
from clienteling.hub.erasure import Erasure, erase_customer
from clienteling.hub.mutation_kit import ERASED_SCOPE
from clienteling.hub.tables import customers

from .blocking import Worker, blocked_or_done
from .conftest import SeededHub
from .test_ingest_erasure_race import _wait_for_waiters
from .test_profile_mutations import Device, new_customer, row


def _erase(hub: SeededHub, customer_id: str) -> Erasure | None:
    with write_tx(hub.engine) as conn:
        return erase_customer(conn, customer_id, erased_by=None)


def test_a_profile_change_pushed_while_its_customer_is_erased(hub: SeededHub) -> None:
    device = Device(hub)
    try:
        erased = new_customer(device)
        other = new_customer(device)
        with hub.engine.connect() as blocker:
            tx = blocker.begin()
            blocker.execute(
                sa.select(customers.c.id).where(customers.c.id == other["id"]).with_for_update()
            ).one()
            pushing = Worker(
                lambda: device.send(
                    ("customer.patch", {"customer_id": erased["id"], "given_name": "Élodie"}),
                    ("customer.patch", {"customer_id": other["id"], "given_name": "Léa"}),
                ),
                "push",
            )
            pushing.start()
            blocked_or_done(hub.engine, pushing)
            erasure = Worker(lambda: _erase(hub, erased["id"]), "erasure")
            erasure.start()
            if hub.engine.dialect.name == "postgresql":
                _wait_for_waiters(hub.engine, 2, erasure)
            else:
                blocked_or_done(hub.engine, erasure)
            tx.rollback()
        results = pushing.finish()
        done = erasure.finish()
    finally:
        device.close()
    assert done is not None and not done.already
    # The unchanged patch is applied (the push went first, as on PostgreSQL) or refused
    # because the customer is erased (the erasure went first: SQLite may run it first).
    assert results[0]["status"] == "applied" or "erased" in results[0]["reason"], results
    assert results[1]["status"] == "applied", results
    assert row(hub, other["id"]).given_name == "Léa"
    gone = row(hub, erased["id"])
    assert gone.scope == ERASED_SCOPE and gone.emails == []
