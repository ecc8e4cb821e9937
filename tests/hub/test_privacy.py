"""Issue 8: privacy export and erasure of a customer on the hub, on SQLite and PostgreSQL.

The export is held against the schema: every table with a `customer_id` column gets a row
of the customer (a synthetic one where the seed has none) and must come back in it, so a
table added later cannot be forgotten. The erasure is checked against the whole
database: afterwards no row anywhere holds the customer's personal data.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from clienteling.domain.ids import uuid7
from clienteling.hub.db import make_engine, migrate
from clienteling.hub.mutation_kit import ERASED_SCOPE
from clienteling.hub.privacy_cli import run_erase, run_export
from clienteling.hub.privacy_export import LEFT_OUT, RELATED, customer_tables
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import (
    audit,
    consent_audit,
    customer_field_history,
    customer_merges,
    customers,
    delivery_jobs,
    feedback,
    followups,
    metadata,
    notes,
    orders,
    tombstones,
    visits,
)

from .conftest import NewDb, sign_in


@dataclass
class PrivacyHub:
    url: str
    db: str
    engine: Engine
    customer_ids: list[str]  # store 1's customers, one per test that changes one

    def take(self) -> str:
        return self.customer_ids.pop()


@pytest.fixture(scope="module")
def privacy_hub(new_db: NewDb) -> Iterator[PrivacyHub]:
    """A small seeded hub of its own: these tests erase customers."""
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    summary = seed_demo_data(engine, customers=40, seed=7, now=datetime(2025, 6, 1, tzinfo=UTC))
    with engine.connect() as conn:
        ids = [
            str(r[0])
            for r in conn.execute(
                sa.select(customers.c.id)
                .where(customers.c.home_store_id == summary["store_ids"][0])
                .order_by(customers.c.id)
            )
        ]
    with HubServer(settings=HubSettings(db=url, port=0)) as server:
        yield PrivacyHub(url=server.url, db=url, engine=engine, customer_ids=ids)
    engine.dispose()


@pytest.fixture
def clients(privacy_hub: PrivacyHub) -> Iterator[dict[str, httpx.Client]]:
    made = {}
    try:
        for role in ("associate", "manager", "admin"):
            http = httpx.Client(base_url=privacy_hub.url, timeout=30)
            made[role] = http
            sign_in(http, username=f"demo-{role}")
        yield made
    finally:
        for http in made.values():
            http.close()


MARK = "Pii" + uuid7().replace("-", "")[:20]  # this run's; each customer adds its own


def _value(conn: Connection, column: sa.Column[Any], customer_id: str) -> Any:
    """A value for a synthetic row: the customer, an existing referenced row, a fresh
    key, or something of the column's type."""
    if column.name == "customer_id":
        return customer_id
    if column.foreign_keys:
        target = next(iter(column.foreign_keys)).column
        return conn.execute(sa.select(target).limit(1)).scalar_one()
    if column.primary_key or column.unique:
        length = getattr(column.type, "length", None)  # e.g. a short offer code
        return uuid7().replace("-", "")[-length:] if length and length < 36 else uuid7()
    if column.nullable:
        return None
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return False
    if isinstance(kind, sa.Integer):
        return 0
    if isinstance(kind, sa.JSON):
        return {}
    return "x"


def _phone(mark: str) -> str:
    return "+9991" + str(int(mark[-6:], 16) % 10**7).zfill(7)


def _give_rows(conn: Connection, customer_id: str, mark: str) -> None:
    """A row of the customer in every table with a `customer_id` column it has none in,
    and personal data marked with `mark` wherever the schema holds free text about them."""
    for table in customer_tables():
        if table.name in LEFT_OUT:
            continue
        has = conn.execute(
            sa.select(sa.func.count()).select_from(table).where(table.c.customer_id == customer_id)
        ).scalar_one()
        if not has:
            conn.execute(
                sa.insert(table).values(
                    {c.name: _value(conn, c, customer_id) for c in table.columns}
                )
            )
    conn.execute(
        sa.update(customers)
        .where(customers.c.id == customer_id)
        .values(
            given_name=mark + "G",
            family_name=mark + "F",
            display_name=mark + " display",
            phones=[_phone(mark)],
            emails=[mark.lower() + "@example.com"],
            loyalty_card=mark[-20:],
            preferences={"note": mark},
        )
    )
    for table, column in (
        (notes, "text"),
        (feedback, "text"),
        (visits, "reason_text"),
        (consent_audit, "reason"),
        (customer_field_history, "new_value"),
    ):
        conn.execute(
            sa.update(table).where(table.c.customer_id == customer_id).values({column: mark})
        )
    conn.execute(
        sa.update(followups)
        .where(followups.c.customer_id == customer_id)
        .values(personal_line=mark, status="queued")
    )


def _merge_into(conn: Connection, customer_id: str) -> str:
    """A merged-away id of the customer (as `hub.identity` leaves it)."""
    merged = uuid7()
    scope = conn.execute(
        sa.select(customers.c.scope).where(customers.c.id == customer_id)
    ).scalar_one()
    conn.execute(
        sa.insert(customer_merges).values(
            id=merged,
            survivor_id=customer_id,
            matched_on="phone",
            merged_at="2025-05-01T00:00:00+00:00",
            scope=scope,
            version=1,
        )
    )
    conn.execute(
        sa.insert(tombstones).values(entity="customer", entity_id=merged, scope=scope, version=1)
    )
    return merged


def _prepared(hub: PrivacyHub) -> tuple[str, str, str]:
    """A customer with rows everywhere, a merged-away id, and their personal mark."""
    customer_id = hub.take()
    mark = MARK + customer_id[-6:]
    with hub.engine.begin() as conn:
        _give_rows(conn, customer_id, mark)
        merged = _merge_into(conn, customer_id)
    return customer_id, merged, mark


def test_export_holds_a_row_of_every_table_that_names_a_customer(
    privacy_hub: PrivacyHub, clients: dict[str, httpx.Client]
) -> None:
    customer_id, merged, mark = _prepared(privacy_hub)
    answer = clients["manager"].get(f"/api/v1/customers/{customer_id}/export")
    assert answer.status_code == 200, answer.text
    export = answer.json()
    assert export["customer_id"] == customer_id
    assert export["merged_ids"] == [merged]
    assert export["profile"]["given_name"] == mark + "G"
    for table in customer_tables():
        if table.name in LEFT_OUT:
            continue
        assert table.name in export["records"], f"{table.name} is not in the export"
        rows = export["records"][table.name]
        assert rows, f"the export has no {table.name} row of the customer"
    assert export["records"]["customer_merges"][0]["id"] == merged
    assert set(RELATED) <= set(export["records"])
    # Link tokens and feed bookkeeping stay out.
    assert "token" not in json.dumps(export["records"].get("followup_links", [{}])[0])
    # The export is audited.
    with privacy_hub.engine.connect() as conn:
        actions = conn.execute(
            sa.select(audit.c.action).where(audit.c.customer_id == customer_id)
        ).scalars()
        assert "customer.export" in set(actions)


def test_a_merged_id_exports_its_survivor(
    privacy_hub: PrivacyHub, clients: dict[str, httpx.Client]
) -> None:
    customer_id, merged, _mark = _prepared(privacy_hub)
    answer = clients["admin"].get(f"/api/v1/customers/{merged}/export")
    assert answer.status_code == 200
    assert answer.json()["customer_id"] == customer_id


def test_only_managers_of_the_home_store_and_admins_export(
    privacy_hub: PrivacyHub, clients: dict[str, httpx.Client]
) -> None:
    customer_id = privacy_hub.customer_ids[0]
    refused = clients["associate"].get(f"/api/v1/customers/{customer_id}/export")
    assert refused.status_code == 403
    assert refused.json()["code"] == "forbidden_role"
    with privacy_hub.engine.connect() as conn:
        other = conn.execute(
            sa.select(customers.c.id)
            .where(
                customers.c.scope
                != conn.execute(
                    sa.select(customers.c.scope).where(customers.c.id == customer_id)
                ).scalar_one()
            )
            .where(customers.c.scope != ERASED_SCOPE)
            .limit(1)
        ).scalar_one()
    assert clients["manager"].get(f"/api/v1/customers/{other}/export").status_code == 404
    assert clients["admin"].get(f"/api/v1/customers/{other}/export").status_code == 200
    assert clients["admin"].get("/api/v1/customers/no-such-id/export").status_code == 404


def _everything(engine: Engine) -> Iterator[tuple[str, str]]:
    """(table, the row as text) for every row of every table."""
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            for row in conn.execute(sa.select(table)):
                yield table.name, json.dumps(dict(row._mapping), default=str, ensure_ascii=False)


KEPT_ON_ERASURE = {
    "orders",
    "followups",
    "audit",
    "customer_erasures",
    "customer_purchase_facts",
    "customer_purchase_gaps",
    "followup_credits",
}
"""Tables whose rows keep the erased id (blanked): the books, the follow-ups' outcomes,
the fact of the erasure, and the purchase facts and follow-up credits summed from those
kept orders (counts, money and times only)."""


def test_erase_leaves_no_personal_data_and_publishes_tombstones(
    privacy_hub: PrivacyHub, clients: dict[str, httpx.Client]
) -> None:
    customer_id, merged, mark = _prepared(privacy_hub)
    with privacy_hub.engine.connect() as conn:
        scope = conn.execute(
            sa.select(customers.c.scope).where(customers.c.id == customer_id)
        ).scalar_one()
        order_ids = set(
            conn.execute(
                sa.select(orders.c.id).where(orders.c.customer_id == customer_id)
            ).scalars()
        )
        money_before = conn.execute(sa.select(sa.func.sum(orders.c.total_minor))).scalar_one()
        queued = list(
            conn.execute(
                sa.select(followups.c.id).where(followups.c.customer_id == customer_id)
            ).scalars()
        )
    assert any(mark in text for _t, text in _everything(privacy_hub.engine))

    assert clients["manager"].post(f"/api/v1/customers/{customer_id}/erase").status_code == 403
    answer = clients["admin"].post(f"/api/v1/customers/{merged}/erase")  # any id of theirs
    assert answer.status_code == 200, answer.text
    assert answer.json()["customer_id"] == customer_id
    assert answer.json()["already_erased"] is False

    leaks = [
        (t, text[:120])
        for t, text in _everything(privacy_hub.engine)
        if any(p in text for p in (mark, mark.lower(), mark[-20:], _phone(mark)))
    ]
    assert leaks == []
    with privacy_hub.engine.connect() as conn:
        gone = {
            (r.entity, r.entity_id)
            for r in conn.execute(sa.select(tombstones).where(tombstones.c.scope == scope))
        }
        assert ("customer", customer_id) in gone and ("customer", merged) in gone
        assert ("customer_merge", merged) in gone
        assert {("order", o) for o in order_ids} <= gone
        # Orders kept for the books: same money, nobody named, out of every store's feed.
        assert (
            conn.execute(sa.select(sa.func.sum(orders.c.total_minor))).scalar_one() == money_before
        )
        kept = conn.execute(sa.select(orders.c.scope).where(orders.c.id.in_(order_ids))).scalars()
        assert set(kept) <= {ERASED_SCOPE}
        # Unsent follow-ups cancelled, their delivery jobs gone.
        assert set(
            conn.execute(sa.select(followups.c.status).where(followups.c.id.in_(queued))).scalars()
        ) <= {"failed"}
        assert (
            conn.execute(
                sa.select(sa.func.count())
                .select_from(delivery_jobs)
                .where(delivery_jobs.c.followup_id.in_(queued))
            ).scalar_one()
            == 0
        )
        # The audit trail: only that it happened (earlier entries lose their details).
        entries = conn.execute(sa.select(audit).where(audit.c.customer_id == customer_id)).all()
        assert [e.action for e in entries].count("customer.erase") == 1
        assert all(e.detail is None for e in entries)
        # Every table that names a customer (any area's, present or future) lets go of
        # them, except those the erasure keeps on purpose, anonymized (docstring).
        still = {
            table.name
            for table in metadata.sorted_tables
            if "customer_id" in table.c
            and conn.execute(
                sa.select(sa.func.count())
                .select_from(table)
                .where(table.c.customer_id.in_([customer_id, merged]))
            ).scalar_one()
        }
        assert still <= KEPT_ON_ERASURE, still - KEPT_ON_ERASURE
    # Nobody can read or export them any more.
    assert clients["admin"].get(f"/api/v1/customers/{customer_id}").status_code == 404
    assert clients["admin"].get(f"/api/v1/customers/{customer_id}/export").status_code == 404


def test_erase_is_idempotent(privacy_hub: PrivacyHub, clients: dict[str, httpx.Client]) -> None:
    customer_id, _merged, _mark = _prepared(privacy_hub)
    first = clients["admin"].post(f"/api/v1/customers/{customer_id}/erase")
    assert first.json()["already_erased"] is False
    with privacy_hub.engine.connect() as conn:
        tombs = conn.execute(sa.select(sa.func.max(tombstones.c.version))).scalar_one()
    again = clients["admin"].post(f"/api/v1/customers/{customer_id}/erase")
    assert again.status_code == 200
    assert again.json()["already_erased"] is True
    with privacy_hub.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.max(tombstones.c.version))).scalar_one() == tombs
        erasures = conn.execute(
            sa.select(sa.func.count())
            .select_from(audit)
            .where(audit.c.customer_id == customer_id, audit.c.action == "customer.erase")
        ).scalar_one()
        assert erasures == 1
    assert clients["admin"].post("/api/v1/customers/no-such-id/erase").status_code == 404


def test_cli_export_and_erase(privacy_hub: PrivacyHub, capsys: pytest.CaptureFixture[str]) -> None:
    customer_id, _merged, mark = _prepared(privacy_hub)
    settings = HubSettings(db=privacy_hub.db)
    assert run_export(customer_id, settings=settings) == 0
    export = json.loads(capsys.readouterr().out)
    assert export["profile"]["family_name"] == mark + "F"
    assert run_erase(customer_id, settings=settings) == 0
    assert "erased" in capsys.readouterr().out
    assert run_erase(customer_id, settings=settings) == 0
    assert "already erased" in capsys.readouterr().out
    assert run_export(customer_id, settings=settings) == 1
    assert run_export("no-such-id", settings=settings) == 1


def test_erased_customers_answers_stay_anonymous_and_reach_the_terminals_so(
    privacy_hub: PrivacyHub, clients: dict[str, httpx.Client]
) -> None:
    """A survey answer is synced (its visit's scope): the erasure anonymises it with a new
    version, so a terminal's upsert drops it from the erased customer's timeline."""
    with privacy_hub.engine.connect() as conn:
        answered = set(
            conn.execute(
                sa.select(feedback.c.customer_id).where(feedback.c.customer_id.is_not(None))
            ).scalars()
        )
    customer_id = next(c for c in privacy_hub.customer_ids if c in answered)
    privacy_hub.customer_ids.remove(customer_id)
    with privacy_hub.engine.connect() as conn:
        before = {
            r.id: r.version
            for r in conn.execute(sa.select(feedback).where(feedback.c.customer_id == customer_id))
        }
    assert before
    answer = clients["admin"].post(f"/api/v1/customers/{customer_id}/erase")
    assert answer.status_code == 200, answer.text
    with privacy_hub.engine.connect() as conn:
        after = conn.execute(sa.select(feedback).where(feedback.c.id.in_(before))).all()
    assert {(r.customer_id, r.text) for r in after} == {(None, "")}
    assert all(r.version > before[r.id] for r in after)
