"""Identity resolution (DESIGN.md, Sync §8): one person, one customer.

A customer created (often offline, on two terminals) with the same phone (E.164), email
(case-folded) or loyalty card as a customer of the same store is merged into that
existing customer, the survivor. Everything linked to the merged id moves to the
survivor, the merged id is tombstoned, and a `customer_merges` row (a synced entity)
tells every terminal to re-point its rows and its outbox; old ids keep resolving
(`mutation_kit.resolve_customer_id`).

Only customers of one store are merged: a terminal sees its own store's customers, and
a survivor in another store would make the customer vanish from the counter. A customer
of another store is found instead by their exact phone, email or card and pulled in
(`hub.lookups`): the terminal's new-customer form offers that before a duplicate is made.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub import purchase_facts, recent_views, versions
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import insert_ignoring_conflicts
from clienteling.hub.mutation_kit import Actor
from clienteling.hub.profile_mutations import (
    MAX_CONTACTS,
    audit_consent,
    current_consents,
    record_history,
)
from clienteling.hub.tables import (
    consents,
    customer_merges,
    customers,
    ingest_links,
    metadata,
    tombstones,
)

log = logging.getLogger(__name__)

MatchedOn = Literal["phone", "email", "loyalty_card"]
_IDENTITY_LOCK = "identity:"
# Moved by hand (consents keep the opt-out rule; merges are re-pointed, never moved;
# recently viewed products are combined per product, `recent_views.merge`).
_SPECIAL = {"customers", "consents", "customer_merges", "recent_views"}


@dataclass(frozen=True, slots=True)
class Match:
    survivor_id: str
    matched_on: MatchedOn


def _lock_keys(conn: Connection, keys: list[str]) -> None:
    """On PostgreSQL, creations naming one phone/email/card take turns, so the second
    sees the first (committed) and merges; SQLite writers are serialised already. (The
    store's version counter, locked by the insert, serialises them today as well; this
    keeps it true whatever the handler locks first.)"""
    if conn.dialect.name != "postgresql":
        return
    for key in sorted(set(keys)):
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(sa.func.hashtext(key))))


def _contains(conn: Connection, column: str, values: list[str], *, folded: bool) -> Any:
    """SQL: the JSON list `customers.<column>` holds one of `values`."""
    if conn.dialect.name == "postgresql":
        item, source = "e", f"json_array_elements_text(customers.{column}) AS e"
    else:
        item, source = "e.value", f"json_each(customers.{column}) AS e"
    if folded:
        item = f"lower({item})"
    return sa.text(f"EXISTS (SELECT 1 FROM {source} WHERE {item} IN :values)").bindparams(
        sa.bindparam("values", values, expanding=True)
    )


def find_duplicate(conn: Connection, customer_id: str) -> Match | None:
    """An existing customer of the same store who is this one (card, then phone, then
    email decide); None when there is none."""
    row = conn.execute(sa.select(customers).where(customers.c.id == customer_id)).one()
    phones = [str(p) for p in row.phones or []]
    emails = [str(e).lower() for e in row.emails or []]
    card = row.loyalty_card
    _lock_keys(
        conn,
        [f"{_IDENTITY_LOCK}phone:{p}" for p in phones]
        + [f"{_IDENTITY_LOCK}email:{e}" for e in emails]
        + ([f"{_IDENTITY_LOCK}card:{card}"] if card else []),
    )
    others = sa.select(customers.c.id).where(
        customers.c.scope == row.scope, customers.c.id != customer_id
    )
    tests: list[tuple[MatchedOn, Any]] = []
    if card:
        tests.append(("loyalty_card", customers.c.loyalty_card == card))
    if phones:
        tests.append(("phone", _contains(conn, "phones", phones, folded=False)))
    if emails:
        tests.append(("email", _contains(conn, "emails", emails, folded=True)))
    for matched_on, test in tests:
        found = conn.execute(
            others.where(test).order_by(customers.c.id).limit(1)
        ).scalar_one_or_none()
        if found is not None:
            return Match(survivor_id=str(found), matched_on=matched_on)
    return None


def merge_if_duplicate(conn: Connection, actor: Actor | None, customer_id: str) -> str | None:
    """Called after a customer is created: merge it into its existing twin, if any;
    returns the survivor's id."""
    match = find_duplicate(conn, customer_id)
    if match is None:
        return None
    merge_customers(
        conn,
        merged_id=customer_id,
        survivor_id=match.survivor_id,
        matched_on=match.matched_on,
        actor=actor,
    )
    return match.survivor_id


def _move_consents(
    conn: Connection, *, merged_id: str, survivor_id: str, scope: str, actor: Actor | None
) -> None:
    """The merged customer's consent events join the survivor's log (in their order,
    after the survivor's). An opt-out on either side stands: where the merged side's
    newest event is an opt-in but the survivor had opted out, an opt-out is appended."""
    kept = current_consents(conn, survivor_id)
    moving = conn.execute(
        sa.select(consents.c.id)
        .where(consents.c.customer_id == merged_id)
        .order_by(consents.c.version)
    ).all()
    if moving:
        first = versions.allocate(conn, scope, len(moving))
        for offset, (consent_id,) in enumerate(moving):
            conn.execute(
                sa.update(consents)
                .where(consents.c.id == consent_id)
                .values(customer_id=survivor_id, scope=scope, version=first + offset)
            )
    now = iso(utc_now())
    for channel, granted in current_consents(conn, survivor_id).items():
        if granted and kept.get(channel) is False:
            consent_id = f"merge-{merged_id}-{channel}"[:64]
            conn.execute(
                sa.insert(consents).values(
                    id=consent_id,
                    customer_id=survivor_id,
                    channel=channel,
                    granted=False,
                    source="merge",
                    at=now,
                    scope=scope,
                    version=versions.allocate(conn, scope),
                )
            )
            audit_consent(
                conn,
                consent_id=consent_id,
                customer_id=survivor_id,
                channel=channel,
                granted=False,
                based_on=0,
                outcome="recorded",
                reason=f"merged customer {merged_id} had an opt-in; the survivor's opt-out stands",
                source="merge",
                actor=actor,
            )


def _move_linked_rows(conn: Connection, *, merged_id: str, survivor_id: str, scope: str) -> None:
    """Every other table with a `customer_id` (any area's): re-pointed; synced rows get
    a new version so terminals receive them under the survivor."""
    for table in metadata.sorted_tables:
        if table.name in _SPECIAL or "customer_id" not in table.c:
            continue
        where = table.c.customer_id == merged_id
        if "version" in table.c and "scope" in table.c and "id" in table.c:
            ids = [r[0] for r in conn.execute(sa.select(table.c.id).where(where))]
            if ids:
                first = versions.allocate(conn, scope, len(ids))
                for offset, row_id in enumerate(ids):
                    conn.execute(
                        sa.update(table)
                        .where(table.c.id == row_id)
                        .values(customer_id=survivor_id, scope=scope, version=first + offset)
                    )
        else:
            conn.execute(sa.update(table).where(where).values(customer_id=survivor_id))
    conn.execute(
        sa.update(ingest_links)
        .where(ingest_links.c.kind == "customer", ingest_links.c.internal_id == merged_id)
        .values(internal_id=survivor_id)
    )


def _combine_profiles(
    conn: Connection, *, merged: Any, survivor: Any, scope: str, actor: Actor | None
) -> None:
    """The survivor keeps its values and gains the merged customer's other phones,
    emails, card and preferences it lacked (each gain recorded in the history)."""
    updates: dict[str, Any] = {}
    for column in ("phones", "emails"):
        combined = list(dict.fromkeys([*survivor[column], *merged[column]]))[:MAX_CONTACTS]
        if combined != list(survivor[column]):
            updates[column] = combined
    if survivor["loyalty_card"] is None and merged["loyalty_card"] is not None:
        updates["loyalty_card"] = merged["loyalty_card"]
    preferences = dict(survivor["preferences"] or {})
    gained = {k: v for k, v in (merged["preferences"] or {}).items() if k not in preferences}
    if gained:
        updates["preferences"] = preferences | gained
    history = [(c, survivor[c], v) for c, v in updates.items()]
    history.append(("merged_from", None, merged["id"]))
    updates["updated_at"] = iso(utc_now())
    updates["version"] = versions.allocate(conn, scope)
    conn.execute(sa.update(customers).where(customers.c.id == survivor["id"]).values(**updates))
    record_history(conn, customer_id=survivor["id"], changes=history, source="merge", actor=actor)


def merge_customers(
    conn: Connection,
    *,
    merged_id: str,
    survivor_id: str,
    matched_on: MatchedOn,
    actor: Actor | None,
) -> None:
    """Merge `merged_id` into `survivor_id` (same store) in the caller's transaction.

    Lock order (`purchase_facts.lock_customer`): the caller holds the store scope's
    counter already (`mutations.create_customer` took the new customer's version), so
    merges of one store take turns before either locks its two customers, and an erasure
    or order ingest of either waits at the counter. A new caller must lock it first too."""
    rows = {
        r.id: r._mapping
        for r in conn.execute(
            sa.select(customers)
            .where(customers.c.id.in_([merged_id, survivor_id]))
            .with_for_update()
        )
    }
    merged, survivor = rows[merged_id], rows[survivor_id]
    if merged["scope"] != survivor["scope"]:
        raise ValueError("only customers of one store are merged")
    scope = str(survivor["scope"])
    _move_consents(conn, merged_id=merged_id, survivor_id=survivor_id, scope=scope, actor=actor)
    purchase_facts.forget(conn, [merged_id])  # derived rows: recomputed below, not moved
    recent_views.merge(conn, merged_id=merged_id, survivor_id=survivor_id, scope=scope)
    _move_linked_rows(conn, merged_id=merged_id, survivor_id=survivor_id, scope=scope)
    _combine_profiles(conn, merged=merged, survivor=survivor, scope=scope, actor=actor)
    now = iso(utc_now())
    # Earlier merges into the merged id now point at the survivor (no chains).
    earlier = [
        r[0]
        for r in conn.execute(
            sa.select(customer_merges.c.id).where(customer_merges.c.survivor_id == merged_id)
        )
    ]
    for old_id in earlier:
        conn.execute(
            sa.update(customer_merges)
            .where(customer_merges.c.id == old_id)
            .values(survivor_id=survivor_id, version=versions.allocate(conn, scope))
        )
    conn.execute(sa.delete(customers).where(customers.c.id == merged_id))
    purchase_facts.refresh(conn, [survivor_id])  # the merged customer's orders moved here
    version = versions.allocate(conn, scope, 2)
    insert_ignoring_conflicts(
        conn,
        tombstones,
        {"entity": "customer", "entity_id": merged_id, "scope": scope, "version": version},
    )
    insert_ignoring_conflicts(
        conn,
        customer_merges,
        {
            "id": merged_id,
            "survivor_id": survivor_id,
            "matched_on": matched_on,
            "merged_at": now,
            "scope": scope,
            "version": version + 1,
        },
    )
    log.info("customer %s merged into %s (same %s)", merged_id, survivor_id, matched_on)
