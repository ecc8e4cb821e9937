"""Generating the stores' tasks from history (`domain.tasks` holds the rules).

`refresh_tasks` brings a store's tasks in line with the rules, for all its customers or
some: it adds the tasks the rules ask for and that were never made (the unique
`dedupe_key` decides: one task per reason, ever), closes open tasks whose reason went
away (the customer bought again, the cart was ordered) and expires those nobody did in
time. `generate_tasks` runs it for every store (the hub's periodic job and
`clienteling hub generate-tasks`); `after_ingest` runs it for the one customer an
ingested event touched, inside the event's transaction, so an abandoned checkout with
stock at the home store becomes a task at once (DESIGN.md, journey 2), and a delivery
schedules its check-in (journey 5).

Any number of workers may run at once: inserts are `ON CONFLICT DO NOTHING` on the dedupe
key and status changes are `WHERE status = 'open'`, so a race changes a task once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from clienteling.domain.ids import uuid7
from clienteling.domain.tasks import (
    STATE_KINDS,
    AbandonedCart,
    CartLine,
    CustomerHistory,
    TaskPlan,
    TaskStatus,
    back_in_stock_task,
    birthday_of,
    birthday_task,
    cart_task,
    lifecycle_task,
    post_purchase_task,
)
from clienteling.hub import listing, versions
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import insert_ignoring_conflicts, write_tx
from clienteling.hub.periodic import PeriodicJob
from clienteling.hub.tables import (
    associates,
    carts,
    customers,
    inventory,
    locations,
    orders,
    products,
    tasks,
    wishes,
)
from clienteling.hub.wishes import watch_wishes
from clienteling.protocol.entities import store_scope

log = logging.getLogger(__name__)

BATCH = 500  # customers per transaction in a full run


@dataclass(slots=True)
class TaskReport:
    created: int = 0
    closed: int = 0
    expired: int = 0
    stores: list[str] = field(default_factory=list)

    def add(self, other: TaskReport) -> None:
        self.created += other.created
        self.closed += other.closed
        self.expired += other.expired


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _histories(
    conn: Connection, store_id: str, customer_ids: Sequence[str]
) -> list[CustomerHistory]:
    kept = (
        sa.select(
            orders.c.customer_id,
            sa.func.count().label("purchases"),
            sa.func.min(orders.c.placed_at).label("first"),
            sa.func.max(orders.c.placed_at).label("last"),
        )
        .where(orders.c.customer_id.in_(customer_ids), orders.c.status != "returned")
        .group_by(orders.c.customer_id)
    )
    summary = {row.customer_id: row for row in conn.execute(kept)}
    served = (
        sa.select(orders.c.customer_id, orders.c.associate_id, orders.c.placed_at)
        .where(orders.c.customer_id.in_(customer_ids), orders.c.associate_id.is_not(None))
        .order_by(orders.c.placed_at)
    )
    last_associate = {row.customer_id: row.associate_id for row in conn.execute(served)}
    rows = conn.execute(
        sa.select(customers.c.id, customers.c.created_at, customers.c.loyalty_tier).where(
            customers.c.id.in_(customer_ids), customers.c.home_store_id == store_id
        )
    )
    histories = []
    for row in rows:
        s = summary.get(row.id)
        histories.append(
            CustomerHistory(
                customer_id=row.id,
                created_at=datetime.fromisoformat(row.created_at),
                purchases=int(s.purchases) if s is not None else 0,
                first_purchase_at=_time(s.first) if s is not None else None,
                last_purchase_at=_time(s.last) if s is not None else None,
                loyalty_tier=row.loyalty_tier,
                associate_id=last_associate.get(row.id),
            )
        )
    return histories


def _available(conn: Connection, store_id: str) -> dict[str, int]:
    """Free units per product at the store; a product no longer sold has none to offer
    (no "available here today", no "back in stock")."""
    rows = conn.execute(
        sa.select(inventory.c.product_id, inventory.c.on_hand, inventory.c.reserved)
        .join(products, products.c.id == inventory.c.product_id)
        .where(inventory.c.location_id == store_id, listing.offered())
    )
    return {r.product_id: max(0, int(r.on_hand) - int(r.reserved)) for r in rows}


def _cart_plans(
    conn: Connection, *, store_id: str, customer_ids: Sequence[str], now: datetime
) -> list[TaskPlan]:
    abandoned = conn.execute(
        sa.select(carts.c.id, carts.c.customer_id, carts.c.updated_at, carts.c.lines).where(
            carts.c.scope == store_scope(store_id),
            carts.c.status == "abandoned",
            carts.c.customer_id.in_(customer_ids),
        )
    ).all()
    if not abandoned:
        return []
    available = _available(conn, store_id)
    plans = []
    for row in abandoned:
        cart = AbandonedCart(
            cart_id=row.id,
            customer_id=row.customer_id,
            abandoned_at=datetime.fromisoformat(row.updated_at),
            lines=[
                CartLine(str(line.get("product_id") or ""), int(line["qty"])) for line in row.lines
            ],
        )
        plan = cart_task(cart, available=available, now=now)
        if plan is not None:
            plans.append(plan)
    return plans


def _store_zone(conn: Connection, store_id: str) -> tzinfo:
    name = conn.execute(
        sa.select(locations.c.timezone).where(locations.c.id == store_id)
    ).scalar_one_or_none()
    try:
        return ZoneInfo(str(name or "UTC"))
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("store %s has an unknown time zone %r; birthdays in UTC", store_id, name)
        return UTC


def _of_store(store_id: str, customer_ids: Sequence[str]) -> sa.ColumnElement[bool]:
    """These customers, those whose home store is `store_id`."""
    return sa.and_(customers.c.id.in_(customer_ids), customers.c.home_store_id == store_id)


def _birthday_plans(
    conn: Connection, *, store_id: str, customer_ids: Sequence[str], now: datetime
) -> list[TaskPlan]:
    """A birthday task for each customer whose birthday (preferences) is near, in the
    store's time zone."""
    rows = conn.execute(
        sa.select(customers.c.id, customers.c.preferences).where(_of_store(store_id, customer_ids))
    ).all()
    born = [(row.id, day) for row in rows if (day := birthday_of(row.preferences or {}))]
    if not born:
        return []
    zone = _store_zone(conn, store_id)
    return [
        plan
        for customer_id, day in born
        if (plan := birthday_task(customer_id=customer_id, birthday=day, timezone=zone, now=now))
    ]


def _wish_plans(
    conn: Connection, *, store_id: str, customer_ids: Sequence[str], now: datetime
) -> list[TaskPlan]:
    """Back in stock: the wished products whose stock came back at the home store (the
    watches move here, see `hub.wishes`)."""
    home = list(
        conn.execute(sa.select(customers.c.id).where(_of_store(store_id, customer_ids))).scalars()
    )
    if not home:
        return []
    available = _available(conn, store_id)
    return [
        plan
        for wish in watch_wishes(conn, customer_ids=home, available=available, now=now)
        if (plan := back_in_stock_task(wish, available=available.get(wish.product_id, 0), now=now))
    ]


def plans_for(
    conn: Connection, *, store_id: str, customer_ids: Sequence[str], now: datetime
) -> list[TaskPlan]:
    """Every task the rules ask for now for these customers of the store."""
    plans = [
        plan
        for history in _histories(conn, store_id, customer_ids)
        if (plan := lifecycle_task(history, now=now)) is not None
    ]
    plans += _birthday_plans(conn, store_id=store_id, customer_ids=customer_ids, now=now)
    plans += _wish_plans(conn, store_id=store_id, customer_ids=customer_ids, now=now)
    return plans + _cart_plans(conn, store_id=store_id, customer_ids=customer_ids, now=now)


def _staff_of(conn: Connection, store_id: str, associate_ids: set[str]) -> set[str]:
    """Those of `associate_ids` who work at `store_id`."""
    if not associate_ids:
        return set()
    return set(
        conn.execute(
            sa.select(associates.c.id).where(
                associates.c.id.in_(sorted(associate_ids)), associates.c.store_id == store_id
            )
        ).scalars()
    )


def insert_plans(
    conn: Connection, *, store_id: str, plans: Sequence[TaskPlan], now: datetime
) -> int:
    """Store the plans whose dedupe key is new; returns how many were added."""
    if not plans:
        return 0
    keys = [p.dedupe_key for p in plans]
    known = set(
        conn.execute(sa.select(tasks.c.dedupe_key).where(tasks.c.dedupe_key.in_(keys))).scalars()
    )
    fresh = [
        p for p in dict((p.dedupe_key, p) for p in plans).values() if p.dedupe_key not in known
    ]
    if not fresh:
        return 0
    scope = store_scope(store_id)
    first = versions.allocate(conn, scope, len(fresh))
    added = 0
    stamp = iso(now)
    staff = _staff_of(conn, store_id, {p.associate_id for p in fresh if p.associate_id})
    for offset, plan in enumerate(fresh):
        added += insert_ignoring_conflicts(
            conn,
            tasks,
            {
                "id": uuid7(),
                "customer_id": plan.customer_id,
                "store_id": store_id,
                "kind": str(plan.kind),
                "dedupe_key": plan.dedupe_key,
                "status": str(TaskStatus.OPEN),
                "priority": int(plan.priority),
                "template": plan.template,
                "subject_id": plan.subject_id,
                "product_ids": list(plan.product_ids),
                # The associate who served the customer, when they work at this store
                # (a purchase while travelling was served by someone who never sees this
                # store's tasks): otherwise the store's.
                "associate_id": plan.associate_id if plan.associate_id in staff else None,
                "created_at": stamp,
                "starts_at": iso(plan.starts_at),
                "due_at": iso(plan.due_at),
                "expires_at": iso(plan.expires_at),
                "snoozed_until": None,
                "done_at": None,
                "done_by": None,
                "done_by_name": None,
                "outcome_note": "",
                "updated_at": stamp,
                "scope": scope,
                "version": first + offset,
            },
        )
    return added


def set_status(
    conn: Connection, *, task_id: str, scope: str, status: TaskStatus, now: datetime
) -> bool:
    """Move an open task to `status` (closed or expired); False when it was not open."""
    changed = conn.execute(
        sa.update(tasks)
        .where(tasks.c.id == task_id, tasks.c.status == str(TaskStatus.OPEN))
        .values(
            status=str(status),
            updated_at=iso(now),
            version=versions.allocate(conn, scope),
        )
        .returning(tasks.c.id)
    ).first()
    return changed is not None


def refresh_tasks(
    conn: Connection, *, store_id: str, customer_ids: Sequence[str], now: datetime
) -> TaskReport:
    """Add, close and expire the tasks of these customers of the store (one transaction:
    the caller's)."""
    report = TaskReport()
    if not customer_ids:
        return report
    plans = plans_for(conn, store_id=store_id, customer_ids=customer_ids, now=now)
    report.created = insert_plans(conn, store_id=store_id, plans=plans, now=now)
    wanted = {p.dedupe_key for p in plans}
    open_rows = conn.execute(
        sa.select(tasks.c.id, tasks.c.kind, tasks.c.dedupe_key, tasks.c.expires_at, tasks.c.scope)
        .where(tasks.c.customer_id.in_(customer_ids), tasks.c.status == str(TaskStatus.OPEN))
        .order_by(tasks.c.id)
    ).all()
    stamp = iso(now)
    for row in open_rows:
        if row.expires_at <= stamp:
            status = TaskStatus.EXPIRED
        elif row.kind in STATE_KINDS and row.dedupe_key not in wanted:
            status = TaskStatus.CLOSED
        else:
            continue
        if set_status(conn, task_id=row.id, scope=row.scope, status=status, now=now):
            if status is TaskStatus.EXPIRED:
                report.expired += 1
            else:
                report.closed += 1
    return report


def _store_ids(conn: Connection) -> list[str]:
    return list(
        conn.execute(
            sa.select(locations.c.id).where(locations.c.kind == "store").order_by(locations.c.id)
        ).scalars()
    )


def _customer_batches(engine: Engine, store_id: str) -> Iterable[list[str]]:
    after = ""
    while True:
        with engine.connect() as conn:
            ids = list(
                conn.execute(
                    sa.select(customers.c.id)
                    .where(customers.c.home_store_id == store_id, customers.c.id > after)
                    .order_by(customers.c.id)
                    .limit(BATCH)
                ).scalars()
            )
        if not ids:
            return
        yield ids
        after = ids[-1]


def generate_tasks(
    engine: Engine, *, now: datetime | None = None, store_ids: Sequence[str] | None = None
) -> TaskReport:
    """One full run over every store (or those given), a batch of customers per
    transaction; safe to repeat and to run in several processes at once."""
    moment = now or utc_now()
    with engine.connect() as conn:
        stores = list(store_ids) if store_ids is not None else _store_ids(conn)
    report = TaskReport(stores=stores)
    for store_id in stores:
        for batch in _customer_batches(engine, store_id):
            with write_tx(engine) as conn:
                report.add(refresh_tasks(conn, store_id=store_id, customer_ids=batch, now=moment))
    if report.created or report.closed or report.expired:
        log.info(
            "tasks: %d created, %d closed, %d expired",
            report.created,
            report.closed,
            report.expired,
        )
    return report


# --- on ingest ------------------------------------------------------------------------


def _home_store(conn: Connection, customer_id: str) -> str | None:
    value = conn.execute(
        sa.select(customers.c.home_store_id).where(customers.c.id == customer_id)
    ).scalar_one_or_none()
    return None if value is None else str(value)


def schedule_check_in(
    conn: Connection, *, order_id: str, delivered_at: datetime, now: datetime
) -> int:
    """The post-purchase check-in of a delivered order (starts later; once per order)."""
    row = conn.execute(
        sa.select(orders.c.customer_id, orders.c.associate_id, orders.c.lines).where(
            orders.c.id == order_id
        )
    ).first()
    if row is None:
        return 0
    store_id = _home_store(conn, row.customer_id)
    if store_id is None:
        return 0
    plan = post_purchase_task(
        order_id=order_id,
        customer_id=row.customer_id,
        delivered_at=delivered_at,
        product_ids=[str(line.get("product_id") or "") for line in row.lines],
        associate_id=row.associate_id,
    )
    return insert_plans(conn, store_id=store_id, plans=[plan], now=now)


def after_customer_change(conn: Connection, customer_id: str, *, now: datetime) -> TaskReport:
    """Re-check one customer's tasks inside the caller's transaction (ingest)."""
    store_id = _home_store(conn, customer_id)
    if store_id is None:
        return TaskReport()
    return refresh_tasks(conn, store_id=store_id, customer_ids=[customer_id], now=now)


def after_stock_change(
    conn: Connection, *, store_id: str, product_id: str, now: datetime
) -> TaskReport:
    """Free stock of a product at a store went up (a hold ended): re-check at once the
    tasks of the store's customers who wish for it (back in stock), not at the next run."""
    wishers = list(
        conn.execute(
            sa.select(wishes.c.customer_id)
            .join(customers, customers.c.id == wishes.c.customer_id)
            .where(wishes.c.product_id == product_id, customers.c.home_store_id == store_id)
            .order_by(wishes.c.customer_id)
        ).scalars()
    )
    return refresh_tasks(conn, store_id=store_id, customer_ids=wishers, now=now)


def task_job(engine: Engine, *, interval_s: float) -> PeriodicJob:
    """`generate_tasks` at start and then every `interval_s`."""
    return PeriodicJob("task generation", lambda: generate_tasks(engine), interval_s=interval_s)
