"""`followup.queue`: a follow-up asked for on a terminal (possibly offline), queued once.

The id is made on the terminal, so a push sent again (or the same id from anywhere) queues
nothing twice. The handler records the follow-up (status `queued`, synced to the store),
its delivery job and its signed links in the same transaction; the delivery worker
(`hub.delivery`) sends it later, re-checking consent then.
"""

from __future__ import annotations

from typing import Any

import pydantic
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain.followup_templates import MAX_PERSONAL_LINE, MAX_PRODUCTS
from clienteling.domain.offers import OfferKind
from clienteling.domain.visits import is_purchase
from clienteling.hub import followup_days, followup_extras, links, versions
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import insert_ignoring_conflicts
from clienteling.hub.mutation_kit import Actor, MutationRejectedError, customer_scope
from clienteling.hub.surveys import register_survey_link
from clienteling.hub.tables import delivery_jobs, followup_links, followups, products, visits
from clienteling.protocol.entities import (
    Channel,
    FollowupQueueArgs,
    FollowupTemplate,
    Language,
)

# Stored tokens of every follow-up (plus "reply", the Reply-To token: `hub.replies`).
_LINK_KINDS: tuple[links.LinkKind, ...] = ("landing", "unsubscribe", "open")

# A survey link in a purchase check-in is a buyer's; elsewhere we do not know.
_BUYER_TEMPLATES = {"post_purchase": True}


class _FollowupQueue(pydantic.BaseModel):
    """Validates `FollowupQueueArgs` (pydantic cannot use `typing.TypedDict` on 3.11)."""

    model_config = pydantic.ConfigDict(strict=True)

    id: str = pydantic.Field(min_length=1, max_length=64)
    customer_id: str = pydantic.Field(min_length=1, max_length=64)
    channel: Channel
    template: FollowupTemplate
    language: Language
    product_ids: list[str] = pydantic.Field(max_length=MAX_PRODUCTS)
    personal_line: str = pydantic.Field(max_length=MAX_PERSONAL_LINE)
    created_at: str = pydantic.Field(min_length=1, max_length=40)
    offer: OfferKind | None = None  # a single-use offer code to make and send (hub.offers)
    reserve: bool = False  # add a reserve-for-pickup link (hub.followup_extras)
    visit_id: str | None = pydantic.Field(default=None, min_length=1, max_length=64)


def _args(args: dict[str, Any]) -> FollowupQueueArgs:
    try:
        parsed = _FollowupQueue.model_validate(args)
    except pydantic.ValidationError as exc:
        raise MutationRejectedError("invalid follow-up arguments") from exc
    request = FollowupQueueArgs(
        id=parsed.id,
        customer_id=parsed.customer_id,
        channel=parsed.channel,
        template=parsed.template,
        language=parsed.language,
        product_ids=list(dict.fromkeys(parsed.product_ids)),
        personal_line=parsed.personal_line.strip(),
        created_at=parsed.created_at,
        offer=parsed.offer,
        reserve=parsed.reserve,
    )
    if parsed.visit_id is not None:
        request["visit_id"] = parsed.visit_id
    return request


def queue_followup(conn: Connection, actor: Actor, args: dict[str, Any]) -> None:
    request = _args(args)
    scope = customer_scope(conn, actor, request["customer_id"])
    exists = conn.execute(sa.select(followups.c.id).where(followups.c.id == request["id"]))
    if exists.first() is not None:
        return
    if request["product_ids"]:
        known = set(
            conn.execute(
                sa.select(products.c.id).where(products.c.id.in_(request["product_ids"]))
            ).scalars()
        )
        if missing := [p for p in request["product_ids"] if p not in known]:
            raise MutationRejectedError(f"unknown product {missing[0]!r}")
    now = iso(utc_now())
    row: dict[str, Any] = {
        "id": request["id"],
        "customer_id": request["customer_id"],
        "associate_id": actor.session.associate_id,
        "associate_name": actor.session.display_name,
        "store_id": actor.store_id,
        "channel": request["channel"],
        "template": request["template"],
        "language": request["language"],
        "product_ids": request["product_ids"],
        "personal_line": request["personal_line"],
        "status": "queued",
        "status_reason": None,
        "created_at": request["created_at"],
        "updated_at": now,
        "scope": scope,
        "version": versions.allocate(conn, scope),
    }
    if insert_ignoring_conflicts(conn, followups, row):  # the dashboard's per-day counts
        followup_days.add(conn, [row])
    insert_ignoring_conflicts(
        conn,
        delivery_jobs,
        {"followup_id": request["id"], "state": "pending", "not_before": now},
    )
    secret = links.link_secret(conn)
    tokens: dict[str, str] = {k: links.make_token(secret, k, request["id"]) for k in _LINK_KINDS}
    tokens["reply"] = links.make_reply_token(secret, request["id"])
    for kind, token in tokens.items():
        insert_ignoring_conflicts(
            conn,
            followup_links,
            {
                "token": token,
                "kind": kind,
                "followup_id": request["id"],
                "customer_id": request["customer_id"],
            },
        )
    visit_id, buyer = _survey_subject(conn, actor, request)
    register_survey_link(
        conn,
        token=links.make_token(secret, "survey", request["id"]),
        store_id=actor.store_id,
        customer_id=request["customer_id"],
        visit_id=visit_id,
        buyer=buyer,
    )
    followup_extras.attach(
        conn,
        followup_id=request["id"],
        customer_id=request["customer_id"],
        store_id=actor.store_id,
        scope=scope,
        offer=request.get("offer"),
        reserve=request.get("reserve", False),
    )


def _survey_subject(
    conn: Connection, actor: Actor, request: FollowupQueueArgs
) -> tuple[str | None, bool | None]:
    """What the message's survey link asks about: the visit it names (its answers count as
    that visit's, a buyer's when the visit ended in a purchase), else nothing known but
    what the template says. The visit's own `visit.log` came earlier in the same outbox."""
    visit_id = request.get("visit_id")
    if visit_id is None:
        return None, _BUYER_TEMPLATES.get(request["template"])
    visit = conn.execute(
        sa.select(visits.c.store_id, visits.c.outcome).where(visits.c.id == visit_id)
    ).first()
    if visit is None or visit.store_id != actor.store_id:
        raise MutationRejectedError(f"unknown visit {visit_id!r} in this store")
    return visit_id, is_purchase(visit.outcome)
