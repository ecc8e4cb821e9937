"""Survey links: every survey token handed out (follow-ups, receipts, visits) is known here,
so `/s/{token}` answers only for tokens the hub made, and the answer is tagged with what
the token says (store, customer, visit, buyer or not)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain.metrics import TOUCHPOINTS
from clienteling.hub import purchase_facts, versions
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import insert_ignoring_conflicts
from clienteling.hub.tables import customers, survey_links, visits
from clienteling.protocol.entities import store_scope

__all__ = [
    "TOUCHPOINTS",
    "feedback_scope",
    "lock_for_answer",
    "register_survey_link",
    "survey_link",
]


def register_survey_link(
    conn: Connection,
    *,
    token: str,
    store_id: str | None,
    customer_id: str | None,
    visit_id: str | None,
    buyer: bool | None,
) -> None:
    """Make `token` a valid survey link (idempotent: the same token again changes nothing).
    Call inside the transaction that records what the survey is about."""
    insert_ignoring_conflicts(
        conn,
        survey_links,
        {
            "token": token,
            "store_id": store_id,
            "customer_id": customer_id,
            "visit_id": visit_id,
            "buyer": buyer,
            "created_at": iso(utc_now()),
        },
    )


def survey_link(conn: Connection, token: str) -> Any:
    """The registered link row, or None."""
    return conn.execute(sa.select(survey_links).where(survey_links.c.token == token)).first()


def lock_for_answer(conn: Connection, token: str, link: Any) -> Any:
    """The link again, read once its customer is locked (caller's write transaction),
    so an answer and an erasure of that customer happen one after the other: an erasure
    that committed meanwhile has made the link anonymous (the answer is stored without
    the customer), and one that starts now waits for the answer, then anonymises it.

    The hub's lock order, as the erasure takes it: the counters of the scopes the answer
    may be published in (its visit's and its customer's, sorted), then the customer's
    row. Without this, on PostgreSQL, an answer that read the link before an erasure
    committed kept the erased customer's id. SQLite: the write transaction holds the
    database already."""
    if link.customer_id is None:
        return link
    scopes = {
        str(scope)
        for table, row_id in ((visits, link.visit_id), (customers, link.customer_id))
        if row_id is not None
        for scope in conn.execute(sa.select(table.c.scope).where(table.c.id == row_id)).scalars()
    }
    versions.lock_scopes(conn, scopes)
    purchase_facts.lock_customer(conn, str(link.customer_id))
    return survey_link(conn, token)


NO_STORE_SCOPE = "store:none"
"""Answers of a link with no store and no customer: published to no terminal."""


def feedback_scope(
    conn: Connection, *, visit_id: str | None, customer_id: str | None, store_id: str | None
) -> str:
    """Where an answer is published: its visit's scope, else its customer's, else its
    store's (an anonymous answer), so the terminals that hold the visit or customer get it."""
    for table, row_id in ((visits, visit_id), (customers, customer_id)):
        if row_id is None:
            continue
        scope = conn.execute(
            sa.select(table.c.scope).where(table.c.id == row_id)
        ).scalar_one_or_none()
        if scope is not None:
            return str(scope)
    return store_scope(store_id) if store_id is not None else NO_STORE_SCOPE
