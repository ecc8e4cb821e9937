"""A customer's journey rows that the profile does not carry: visits, follow-ups (with
their delivery status), survey answers and the consent log. Read side only (they are
written by sync mutations, the delivery worker and the survey page); newest first, paged,
under the store scope of `hub.access` and audited like every customer read."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter

from clienteling.hub import audit, pagination
from clienteling.hub.access import visible_customer
from clienteling.hub.db import read_tx
from clienteling.hub.deps import HubDep, IdPath, SessionDep
from clienteling.hub.entities import CONSENT, FEEDBACK, FOLLOWUP, VISIT
from clienteling.hub.pagination import LimitQuery, NextQuery, Page
from clienteling.hub.schemas import ConsentPublic, FeedbackPublic, FollowupPublic, VisitPublic
from clienteling.hub.tables import consents, feedback, followups, visits

router = APIRouter(prefix="/api/v1", tags=["journey"])

_VISITS = pagination.Keyset("customer-visits", (visits.c.at, visits.c.id), descending=True)
_FOLLOWUPS = pagination.Keyset(
    "customer-followups", (followups.c.created_at, followups.c.id), descending=True
)
_FEEDBACK = pagination.Keyset(
    "customer-feedback", (feedback.c.created_at, feedback.c.id), descending=True
)
_CONSENTS = pagination.Keyset("customer-consents", (consents.c.at, consents.c.id), descending=True)


def _rows(
    hub: HubDep,
    session: SessionDep,
    customer_id: str,
    *,
    table: sa.Table,
    keyset: pagination.Keyset,
    what: str,
    limit: int,
    next: str | None,
) -> tuple[list[Any], str | None]:
    with read_tx(hub.engine) as conn:
        row = visible_customer(conn, session, customer_id)
        customer_id = row.id  # a merged id: the survivor's rows
        query = sa.select(table).where(table.c.customer_id == customer_id)
        items, token = pagination.fetch(conn, query, keyset, limit=limit, next=next)
    audit.record_read(hub.engine, session, customer_id=customer_id, what=what)
    return items, token


@router.get("/customers/{customer_id}/visits")
def customer_visits(
    customer_id: IdPath,
    hub: HubDep,
    session: SessionDep,
    limit: LimitQuery = pagination.DEFAULT_LIMIT,
    next: NextQuery = None,
) -> Page[VisitPublic]:
    """Store visits, bought or not, with the products tried and why a visitor left."""
    items, token = _rows(
        hub,
        session,
        customer_id,
        table=visits,
        keyset=_VISITS,
        what="visits",
        limit=limit,
        next=next,
    )
    return Page(items=[VisitPublic.from_row(VISIT, r) for r in items], next=token)


@router.get("/customers/{customer_id}/followups")
def customer_followups(
    customer_id: IdPath,
    hub: HubDep,
    session: SessionDep,
    limit: LimitQuery = pagination.DEFAULT_LIMIT,
    next: NextQuery = None,
) -> Page[FollowupPublic]:
    """Follow-ups sent or queued by associates, each with its delivery status."""
    items, token = _rows(
        hub,
        session,
        customer_id,
        table=followups,
        keyset=_FOLLOWUPS,
        what="followups",
        limit=limit,
        next=next,
    )
    return Page(items=[FollowupPublic.from_row(FOLLOWUP, r) for r in items], next=token)


@router.get("/customers/{customer_id}/feedback")
def customer_feedback(
    customer_id: IdPath,
    hub: HubDep,
    session: SessionDep,
    limit: LimitQuery = pagination.DEFAULT_LIMIT,
    next: NextQuery = None,
) -> Page[FeedbackPublic]:
    """The customer's survey answers, by touchpoint."""
    items, token = _rows(
        hub,
        session,
        customer_id,
        table=feedback,
        keyset=_FEEDBACK,
        what="feedback",
        limit=limit,
        next=next,
    )
    return Page(items=[FeedbackPublic.from_row(FEEDBACK, r) for r in items], next=token)


@router.get("/customers/{customer_id}/consents")
def customer_consents(
    customer_id: IdPath,
    hub: HubDep,
    session: SessionDep,
    limit: LimitQuery = pagination.DEFAULT_LIMIT,
    next: NextQuery = None,
) -> Page[ConsentPublic]:
    """The consent log, every grant and opt-out with its source (the profile shows the
    standing one per channel)."""
    items, token = _rows(
        hub,
        session,
        customer_id,
        table=consents,
        keyset=_CONSENTS,
        what="consents",
        limit=limit,
        next=next,
    )
    return Page(items=[ConsentPublic.from_row(CONSENT, r) for r in items], next=token)
