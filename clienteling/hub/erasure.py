"""Erasing a customer on request: the person's data leaves the hub and every terminal.

What happens to each table (one transaction; the caller holds it):

- The customer row stays as an empty shell under the same id (names, phones, emails,
  card, preferences blanked; `scope` = `ERASED_SCOPE`, which no terminal pulls): it keeps
  the foreign keys and the store's figures right. Orders are kept for accounting with
  their money (total, net, currency, lines of products, channel, store, time), moved to
  the erased scope too: the shop's books and the dashboard's revenue do not change, but
  nothing in them names a person any more.
- Consents, notes, carts (and the shop's cart states), product views and the recently
  viewed products, profile and consent history, attribution touches, follow-up links,
  the shop's ids of the customer and the merges into them are deleted; the search index
  forgets them. So are their tasks (outcome notes are free text), offers and holds (a
  held item goes back on sale).
- Visits and feedback answers stay as anonymous ones (no customer, no free text), so
  store traffic and touchpoint scores still add up.
- Follow-ups are blanked (no personal line) and moved out of the store; one not yet
  sent is cancelled (`failed`, "customer erased") and its delivery job dropped. One a
  worker is sending at this very moment cannot be stopped (the provider has it).
- Every synced row that left the store scope gets a tombstone there, as do the merged-away
  ids: each terminal drops them at its next pull (`hub.feed`; `hub.purge` applies).
- The audit trail keeps who did what and when about the customer id, without details;
  the erasure itself is recorded (who, when, customer id), and `customer_erasures` keeps
  the id so a late mutation naming it is refused (`mutation_kit.customer_scope`).

Idempotent: erasing an erased customer changes nothing. The web shop holds its own copy:
a later webhook about the person creates a new customer unless the shop erased them too.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub import audit as audit_log
from clienteling.hub import followup_days, holds, purchase_facts, recent_views, versions
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import insert_ignoring_conflicts
from clienteling.hub.mutation_kit import ERASED_SCOPE, resolve_customer_id
from clienteling.hub.tables import (
    appointments,
    attribution_touches,
    audit,
    carts,
    consent_audit,
    consents,
    customer_erasures,
    customer_field_history,
    customer_lookups,
    customer_merges,
    customer_search,
    customer_search_terms,
    customers,
    delivery_attempts,
    delivery_jobs,
    feedback,
    followup_links,
    followups,
    inbound_messages,
    ingest_carts,
    ingest_links,
    notes,
    offers,
    orders,
    product_views,
    replies,
    reservations,
    survey_links,
    tasks,
    tombstones,
    visits,
    wishes,
)
from clienteling.protocol.entities import CATALOG_SCOPE, store_scope

log = logging.getLogger(__name__)

UNSENT = ("queued", "sending", "needs_check")


@dataclass(frozen=True, slots=True)
class Erasure:
    customer_id: str
    already: bool  # it had been erased before: nothing changed
    tombstones: int = 0  # deletions published to the terminals


def erase_customer(conn: Connection, customer_id: str, *, erased_by: str | None) -> Erasure | None:
    """Erase the customer `customer_id` names (a merged id names its survivor); None
    when the hub never held such a customer."""
    customer_id = resolve_customer_id(conn, customer_id)
    if _erased(conn, customer_id):
        return Erasure(customer_id=customer_id, already=True)
    # The scope's counter, then the customer: the order every order writer locks in, so an
    # order ingested at this instant waits for the erasure (or the erasure for it) instead
    # of deadlocking with it (`purchase_facts.lock_customer`).
    _lock_scopes_ahead(conn, customer_id)
    row = purchase_facts.lock_customer(conn, customer_id)
    if row is None:
        return None
    if _erased(conn, customer_id):  # by another erasure while we waited for the lock
        return Erasure(customer_id=customer_id, already=True)
    scope = str(row.scope)
    merged = [
        str(r[0])
        for r in conn.execute(
            sa.select(customer_merges.c.id).where(customer_merges.c.survivor_id == customer_id)
        )
    ]
    ids = [customer_id, *merged]
    gone: list[tuple[str, str]] = [("customer", i) for i in ids]
    gone += [("customer_merge", i) for i in merged]
    gone += _delete_synced(conn, consents, "consent", ids)
    gone += _delete_synced(conn, notes, "note", ids)
    gone += _delete_synced(conn, carts, "cart", ids)
    gone += _delete_synced(conn, recent_views.recent_views, recent_views.ENTITY, ids)
    gone += _move_out(conn, orders, "order", ids, values={})
    purchase_facts.forget(conn, merged)
    purchase_facts.refresh(conn, [customer_id])  # every merged id's orders are on the shell
    gone += _cancel_followups(conn, ids)
    for hold_id in conn.execute(
        sa.select(reservations.c.id).where(
            reservations.c.customer_id.in_(ids), reservations.c.status == "held"
        )
    ).scalars():
        holds.end_hold(conn, str(hold_id), "released")  # the stock goes back on sale
    gone += _delete_synced(conn, reservations, "reservation", ids)
    gone += _delete_synced(conn, offers, "offer", ids)
    gone += _delete_synced(conn, tasks, "task", ids)  # outcome notes are free text
    gone += _delete_synced(conn, replies, "reply", ids)
    _forget_inbound(conn, ids, contacts=[*row.phones, *(str(e).lower() for e in row.emails)])
    gone += _delete_synced(conn, appointments, "appointment", ids)  # purpose and note too
    for table in (
        consent_audit,
        customer_field_history,
        attribution_touches,
        product_views,
        wishes,
        reservations,
        ingest_carts,
        customer_search_terms,
        customer_search,
        customer_lookups,
    ):
        conn.execute(sa.delete(table).where(table.c.customer_id.in_(ids)))
    conn.execute(sa.delete(customer_merges).where(customer_merges.c.survivor_id == customer_id))
    conn.execute(
        sa.delete(ingest_links).where(
            ingest_links.c.kind == "customer", ingest_links.c.internal_id.in_(ids)
        )
    )
    _anonymize(conn, visits, ids, reason_text="")
    _anonymize(conn, feedback, ids, text="")
    conn.execute(
        sa.update(survey_links).where(survey_links.c.customer_id.in_(ids)).values(customer_id=None)
    )
    conn.execute(sa.update(audit).where(audit.c.customer_id.in_(ids)).values(detail=None))
    conn.execute(
        sa.update(customers)
        .where(customers.c.id == customer_id)
        .values(
            given_name="",
            family_name="",
            display_name="",
            phones=[],
            emails=[],
            loyalty_card=None,
            loyalty_tier=None,
            loyalty_points=0,
            preferences={},
            updated_at=iso(utc_now()),
            scope=ERASED_SCOPE,
        )
    )
    _publish(conn, scope, gone)
    conn.execute(
        sa.insert(customer_erasures).values(
            customer_id=customer_id, erased_at=iso(utc_now()), erased_by=erased_by
        )
    )
    audit_log.record(
        conn,
        action=audit_log.CUSTOMER_ERASE,
        associate_id=erased_by,
        device_id=None,
        customer_id=customer_id,
    )
    log.warning("customer %s erased (%d merged ids)", customer_id, len(merged))
    return Erasure(customer_id=customer_id, already=False, tombstones=len(gone))


def _erased(conn: Connection, customer_id: str) -> bool:
    done = conn.execute(
        sa.select(customer_erasures.c.customer_id).where(
            customer_erasures.c.customer_id == customer_id
        )
    ).first()
    return done is not None


def _forget_inbound(conn: Connection, ids: list[str], *, contacts: list[str]) -> None:
    """Inbound messages of the customer, matched or (from their phone or email) not."""
    conn.execute(sa.delete(inbound_messages).where(inbound_messages.c.customer_id.in_(ids)))
    if contacts:
        conn.execute(
            sa.delete(inbound_messages).where(
                inbound_messages.c.status == "unmatched",
                sa.func.lower(inbound_messages.c.sender).in_(contacts),
            )
        )


def _delete_synced(
    conn: Connection, table: sa.Table, entity: str, ids: list[str]
) -> list[tuple[str, str]]:
    row_ids = [
        str(r[0]) for r in conn.execute(sa.select(table.c.id).where(table.c.customer_id.in_(ids)))
    ]
    if row_ids:
        conn.execute(sa.delete(table).where(table.c.id.in_(row_ids)))
    return [(entity, i) for i in row_ids]


def _lock_scopes_ahead(conn: Connection, customer_id: str) -> None:
    """Every counter the erasure may write, locked first in the hub's order (sorted:
    `versions.lock_scopes`): the catalog (a hold given back), the erased scope, the
    customer's store and the stores of their visits. Taken as the work comes, the store
    then the catalog, it deadlocked with a stock change (the catalog, then the store's
    back-in-stock tasks), and the stores its holds are at."""
    if conn.dialect.name != "postgresql":
        return
    merged = sa.select(customer_merges.c.id).where(customer_merges.c.survivor_id == customer_id)
    scopes = set(
        conn.execute(sa.select(customers.c.scope).where(customers.c.id == customer_id)).scalars()
    )
    scopes.update(
        conn.execute(
            sa.select(visits.c.scope)
            .where(sa.or_(visits.c.customer_id == customer_id, visits.c.customer_id.in_(merged)))
            .distinct()
        ).scalars()
    )
    held_at = conn.execute(
        sa.select(reservations.c.store_id)
        .where(
            sa.or_(
                reservations.c.customer_id == customer_id, reservations.c.customer_id.in_(merged)
            ),
            reservations.c.status == "held",
        )
        .distinct()
    ).scalars()
    scopes.update(store_scope(str(store_id)) for store_id in held_at)  # their tasks
    versions.lock_scopes(conn, {CATALOG_SCOPE, ERASED_SCOPE, *map(str, scopes)})


def _move_out(
    conn: Connection, table: sa.Table, entity: str, ids: list[str], *, values: dict[str, Any]
) -> list[tuple[str, str]]:
    """Keep the rows, out of every store's feed (the terminals get tombstones)."""
    row_ids = [
        str(r[0]) for r in conn.execute(sa.select(table.c.id).where(table.c.customer_id.in_(ids)))
    ]
    if row_ids:
        conn.execute(
            sa.update(table)
            .where(table.c.id.in_(row_ids))
            .values(customer_id=ids[0], scope=ERASED_SCOPE, **values)
        )
    return [(entity, i) for i in row_ids]


def _cancel_followups(conn: Connection, ids: list[str]) -> list[tuple[str, str]]:
    """Unsent follow-ups are cancelled (a job a worker is sending now cannot be)."""
    rows = conn.execute(
        sa.select(followups.c.id, followups.c.status).where(followups.c.customer_id.in_(ids))
    ).all()
    followup_ids = [str(r.id) for r in rows]
    if not followup_ids:
        return []
    conn.execute(
        sa.delete(delivery_jobs).where(
            delivery_jobs.c.followup_id.in_(followup_ids),
            delivery_jobs.c.state.in_(("pending", "claimed")),
        )
    )
    unsent = [str(r.id) for r in rows if r.status in UNSENT]
    if unsent:
        followup_days.update_followups(  # moves the dashboard's per-day counts with it
            conn,
            sa.and_(followups.c.id.in_(unsent), followups.c.status != "sending"),
            {"status": "failed", "status_reason": "customer data erased: not sent"},
        )
    conn.execute(
        sa.update(delivery_attempts)
        .where(delivery_attempts.c.followup_id.in_(followup_ids))
        .values(detail=None)
    )
    conn.execute(
        sa.delete(followup_links).where(
            sa.or_(
                followup_links.c.followup_id.in_(followup_ids),
                followup_links.c.customer_id.in_(ids),
            )
        )
    )
    return _move_out(conn, followups, "followup", ids, values={"personal_line": ""})


def _anonymize(conn: Connection, table: sa.Table, ids: list[str], **cleared: Any) -> None:
    """The table's rows of the customer become anonymous (no customer, `cleared` free
    text), each with a new version: terminals upsert them, so they leave the erased
    customer's timeline (visits, survey answers)."""
    rows = conn.execute(sa.select(table.c.id, table.c.scope).where(table.c.customer_id.in_(ids)))
    for row in rows.all():
        conn.execute(
            sa.update(table)
            .where(table.c.id == row.id)
            .values(customer_id=None, version=versions.allocate(conn, str(row.scope)), **cleared)
        )


def _publish(conn: Connection, scope: str, gone: list[tuple[str, str]]) -> None:
    """Tombstones in the store scope, with new versions (an old tombstone of a merged id
    is moved forward, so a terminal that still holds the id hears of it again)."""
    if not gone:
        return
    first = versions.allocate(conn, scope, len(gone))
    for offset, (entity, entity_id) in enumerate(gone):
        values = {
            "entity": entity,
            "entity_id": entity_id,
            "scope": scope,
            "version": first + offset,
        }
        if not insert_ignoring_conflicts(conn, tombstones, values):
            conn.execute(
                sa.update(tombstones)
                .where(tombstones.c.entity == entity, tombstones.c.entity_id == entity_id)
                .values(scope=scope, version=first + offset)
            )
