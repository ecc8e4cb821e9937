"""`visit.log`: a store visit, buyer or not, customer or anonymous (DESIGN.md, journey 3).

Append-only: the terminal makes the id, and a visit sent again (same id) changes nothing.
The associate and the store come from the session and the device, never from the
arguments; product snapshots are taken from the hub's catalogue, so a visit names
products as they were sold then.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pydantic
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain.tasks import wish_from_visit
from clienteling.domain.visits import (
    MAX_PRODUCTS,
    MAX_REASON_TEXT,
    SURVEY_TOKEN_MAX_LENGTH,
    SURVEY_TOKEN_MIN_LENGTH,
    VisitRuleError,
    check_visit,
)
from clienteling.hub import versions, visit_rollup
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import insert_ignoring_conflicts
from clienteling.hub.mutation_kit import (
    Actor,
    MutationRejectedError,
    resolved_customer,
)
from clienteling.hub.surveys import register_survey_link
from clienteling.hub.tables import products, visits
from clienteling.hub.wishes import note_wish
from clienteling.protocol.entities import VisitProductData, store_scope

# A terminal clock may run a little fast; a visit far in the future is a broken clock.
MAX_CLOCK_SKEW = timedelta(hours=12)
_TOKEN = re.compile(r"[A-Za-z0-9_-]+")


class _Product(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(strict=True)

    product_id: str = pydantic.Field(min_length=1, max_length=64)
    sku: str = pydantic.Field(max_length=64)
    name: str = pydantic.Field(max_length=300)


class _VisitLog(pydantic.BaseModel):
    """Validates `VisitLogArgs` (pydantic cannot use `typing.TypedDict` on Python 3.11)."""

    model_config = pydantic.ConfigDict(strict=True)

    id: str = pydantic.Field(min_length=1, max_length=64)
    customer_id: str | None = pydantic.Field(default=None, min_length=1, max_length=64)
    at: str = pydantic.Field(min_length=1, max_length=40)
    outcome: str = pydantic.Field(max_length=32)
    reason: str | None = pydantic.Field(default=None, max_length=32)
    reason_text: str = pydantic.Field(default="", max_length=MAX_REASON_TEXT * 2)
    # Checked again against MAX_PRODUCTS below, with a sentence rather than a parse error.
    products: list[_Product] = pydantic.Field(default_factory=list, max_length=MAX_PRODUCTS * 5)
    survey_token: str = pydantic.Field(max_length=SURVEY_TOKEN_MAX_LENGTH)


def _parse(args: dict[str, Any]) -> _VisitLog:
    try:
        return _VisitLog.model_validate(args)
    except pydantic.ValidationError as exc:
        raise MutationRejectedError("invalid visit arguments") from exc


def _visit_time(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise MutationRejectedError("the visit time is not a valid time") from exc
    if moment.tzinfo is None:
        raise MutationRejectedError("the visit time has no time zone")
    if moment > utc_now() + MAX_CLOCK_SKEW:
        raise MutationRejectedError("the visit time is in the future: check the terminal clock")
    return iso(moment.astimezone(UTC))


def _snapshots(conn: Connection, wanted: list[_Product]) -> list[VisitProductData]:
    """The products as the catalogue names them, in the order given; refuses unknown ones."""
    ids = [p.product_id for p in wanted]
    if not ids:
        return []
    found = {
        row.id: row
        for row in conn.execute(
            sa.select(products.c.id, products.c.sku, products.c.name).where(products.c.id.in_(ids))
        )
    }
    missing = [i for i in ids if i not in found]
    if missing:
        raise MutationRejectedError(f"unknown product {missing[0]!r}")
    return [
        VisitProductData(product_id=i, sku=str(found[i].sku), name=str(found[i].name)) for i in ids
    ]


def log_visit(conn: Connection, actor: Actor, args: dict[str, Any]) -> None:
    visit = _parse(args)
    exists = conn.execute(sa.select(visits.c.id).where(visits.c.id == visit.id)).first()
    if exists is not None:
        return  # sent again: the visit is already recorded
    if actor.store_id is None:
        raise MutationRejectedError("visits are logged on a store's terminal")
    try:
        outcome, reason, reason_text = check_visit(
            outcome=visit.outcome,
            reason=visit.reason,
            reason_text=visit.reason_text,
            product_ids=[p.product_id for p in visit.products],
        )
    except VisitRuleError as exc:
        raise MutationRejectedError(str(exc)) from exc
    token = visit.survey_token
    if len(token) < SURVEY_TOKEN_MIN_LENGTH or not _TOKEN.fullmatch(token):
        raise MutationRejectedError("the survey token is too short or has invalid characters")
    at = _visit_time(visit.at)
    snapshots = _snapshots(conn, visit.products)
    customer_id = None
    if visit.customer_id is None:
        scope = store_scope(actor.store_id)
    else:
        # A visit logged offline against a customer merged since lands on the survivor.
        customer_id, scope = resolved_customer(conn, actor, visit.customer_id)
    taken = conn.execute(sa.select(visits.c.id).where(visits.c.survey_token == token)).first()
    if taken is not None:
        raise MutationRejectedError("the survey token belongs to another visit")
    added = insert_ignoring_conflicts(
        conn,
        visits,
        {
            "id": visit.id,
            "customer_id": customer_id,
            "store_id": actor.store_id,
            "associate_id": actor.session.associate_id,
            "associate_name": actor.session.display_name,
            "at": at,
            "outcome": outcome,
            "reason": reason,
            "reason_text": reason_text,
            "products": snapshots,
            "survey_token": token,
            "scope": scope,
            "version": versions.allocate(conn, scope),
        },
    )
    if added:  # the dashboard's per-day counts, in the same transaction
        visit_rollup.add(
            conn, [{"store_id": actor.store_id, "at": at, "outcome": outcome, "reason": reason}]
        )
    if customer_id is not None and wish_from_visit(outcome=outcome, reason=reason):
        for product in snapshots:  # the size or colour they wanted was missing
            note_wish(
                conn,
                customer_id=customer_id,
                product_id=product["product_id"],
                source="visit",
                at=at,
                now=utc_now(),
            )
    # The QR or SMS handed over at the counter opens the survey page (hub.surveys).
    register_survey_link(
        conn,
        token=token,
        store_id=actor.store_id,
        customer_id=customer_id,
        visit_id=visit.id,
        buyer=outcome == "bought_here",
    )
