"""Customers' replies to follow-ups, from the providers' inbound webhooks (issue 9).

A reply is matched to the customer, most certain first:

1. `token`: an email sent to the follow-up's Reply-To (`…+<reply token>@…`, `hub.links`);
2. `thread`: the provider names the message answered (`in_reply_to`: the email's
   Message-ID, or the SMS/WhatsApp provider's id of the message we sent);
3. `address`: the sender's phone or email is a customer's; among several, the one who
   most recently got a follow-up on that channel (the reply then answers it, in the
   store of that follow-up); one customer with no follow-up still gets the reply.

An admin may later say whose an unmatched message is (`assign`). A matched reply
becomes a `replies` row in the customer's store scope (the terminals' timeline shows
it). An SMS/WhatsApp reply that is an opt-out keyword (`domain.replies`) opts that
channel out (consent event, source `inbound_reply`), which wins over any older opt-in as
every opt-out does. Nothing is lost: a message nobody matches stays in
`inbound_messages` as `unmatched` for an admin. A webhook delivered again (same provider
and message id) changes nothing and answers as the first time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from email.utils import parseaddr
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain.ids import uuid7
from clienteling.domain.phones import InvalidPhoneError, to_e164
from clienteling.domain.replies import OPT_OUT_CHANNELS, clean_reply_text, is_opt_out
from clienteling.hub import consent_events, links, versions
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import insert_ignoring_conflicts
from clienteling.hub.identity import _contains
from clienteling.hub.mutation_kit import ERASED_SCOPE, resolve_customer_id
from clienteling.hub.tables import (
    customers,
    delivery_attempts,
    followup_links,
    followups,
    inbound_messages,
    replies,
)

InboundChannel = Literal["email", "sms", "whatsapp"]
MatchedOn = Literal["token", "thread", "address", "admin"]
_REACHED = ("sent", "delivered", "opened", "clicked", "converted")


@dataclass(frozen=True, slots=True)
class Inbound:
    """One inbound message as the provider reported it."""

    provider: str
    message_id: str
    channel: InboundChannel
    sender: str
    recipient: str
    text: str
    in_reply_to: str | None = None
    received_at: str | None = None
    # A bounce report's raw MIME and whole text (quotes included), when the provider gave
    # them: `delivery.bounces` reads its status from them.
    mime: str | None = None
    full_text: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    status: Literal["matched", "unmatched"]
    duplicate: bool = False
    reply_id: str | None = None
    customer_id: str | None = None
    followup_id: str | None = None
    matched_on: MatchedOn | None = None
    opted_out: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Match:
    customer: Any
    followup: Any | None
    matched_on: MatchedOn


def receive(conn: Connection, message: Inbound, *, phone_region: str) -> Outcome:
    """Record the message once and match it (caller's write transaction)."""
    text = clean_reply_text(message.text)
    received_at = message.received_at or iso(utc_now())
    claimed = insert_ignoring_conflicts(
        conn,
        inbound_messages,
        {
            "provider": message.provider,
            "message_id": message.message_id,
            "channel": message.channel,
            "sender": message.sender[:320],
            "recipient": message.recipient[:320],
            "text": text,
            "received_at": received_at,
            "status": "unmatched",
            "reply_id": None,
            "customer_id": None,
        },
    )
    if not claimed:
        return _again(conn, message)
    match = _match(conn, message, phone_region=phone_region)
    if match is None:
        return Outcome(status="unmatched")
    return _record(
        conn,
        provider=message.provider,
        message_id=message.message_id,
        channel=message.channel,
        text=text,
        received_at=received_at,
        match=match,
    )


def _record(
    conn: Connection,
    *,
    provider: str,
    message_id: str,
    channel: str,
    text: str,
    received_at: str,
    match: _Match,
) -> Outcome:
    """The reply of a matched message, in the customer's scope; an opt-out keyword on SMS
    or WhatsApp opts that channel out."""
    customer, followup = match.customer, match.followup
    opt_out = channel in OPT_OUT_CHANNELS and is_opt_out(text)
    reply_id = uuid7()
    conn.execute(
        sa.insert(replies).values(
            id=reply_id,
            customer_id=customer.id,
            followup_id=None if followup is None else followup.id,
            store_id=customer.home_store_id if followup is None else followup.store_id,
            channel=channel,
            text=text,
            received_at=received_at,
            matched_on=match.matched_on,
            opt_out=opt_out,
            scope=customer.scope,
            version=versions.allocate(conn, customer.scope),
        )
    )
    opted_out = (
        consent_events.opt_out(conn, customer.id, [channel], source="inbound_reply")
        if opt_out
        else []
    )
    conn.execute(
        sa.update(inbound_messages)
        .where(
            inbound_messages.c.provider == provider,
            inbound_messages.c.message_id == message_id,
        )
        .values(status="matched", reply_id=reply_id, customer_id=customer.id)
    )
    return Outcome(
        status="matched",
        reply_id=reply_id,
        customer_id=customer.id,
        followup_id=None if followup is None else followup.id,
        matched_on=match.matched_on,
        opted_out=opted_out,
    )


def assign(conn: Connection, *, provider: str, message_id: str, customer_id: str) -> Outcome | None:
    """An admin says whose an unmatched message is: it becomes the customer's reply (to
    their latest follow-up on that channel, if any). None: no such unmatched message or
    customer (an erased one included)."""
    row = conn.execute(
        sa.select(inbound_messages)
        .where(
            inbound_messages.c.provider == provider,
            inbound_messages.c.message_id == message_id,
            inbound_messages.c.status == "unmatched",
        )
        .with_for_update()
    ).first()
    customer = _customer(conn, customer_id)
    if row is None or customer is None:
        return None
    latest = conn.execute(
        sa.select(followups.c.id)
        .where(
            followups.c.customer_id == customer.id,
            followups.c.channel == row.channel,
            followups.c.status.in_(_REACHED),
        )
        .order_by(followups.c.created_at.desc(), followups.c.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    match = _followup_match(conn, latest, "admin") or _Match(customer, None, "admin")
    return _record(
        conn,
        provider=provider,
        message_id=message_id,
        channel=str(row.channel),
        text=str(row.text),
        received_at=str(row.received_at),
        match=match,
    )


def _again(conn: Connection, message: Inbound) -> Outcome:
    """The answer to a webhook delivered again: what the first delivery did."""
    row = conn.execute(
        sa.select(inbound_messages.c.status, inbound_messages.c.reply_id).where(
            inbound_messages.c.provider == message.provider,
            inbound_messages.c.message_id == message.message_id,
        )
    ).one()
    reply = None
    if row.reply_id is not None:
        reply = conn.execute(sa.select(replies).where(replies.c.id == row.reply_id)).first()
    if reply is None:
        return Outcome(status="unmatched", duplicate=True)
    return Outcome(
        status="matched",
        duplicate=True,
        reply_id=reply.id,
        customer_id=reply.customer_id,
        followup_id=reply.followup_id,
        matched_on=reply.matched_on,
    )


def _customer(conn: Connection, customer_id: str) -> Any | None:
    """The customer as they are now (a merged id names its survivor); None when erased."""
    row = conn.execute(
        sa.select(customers).where(customers.c.id == resolve_customer_id(conn, customer_id))
    ).first()
    return None if row is None or row.scope == ERASED_SCOPE else row


def _followup_match(
    conn: Connection, followup_id: str | None, matched_on: MatchedOn
) -> _Match | None:
    if followup_id is None:
        return None
    followup = conn.execute(sa.select(followups).where(followups.c.id == followup_id)).first()
    if followup is None:
        return None
    customer = _customer(conn, followup.customer_id)
    return None if customer is None else _Match(customer, followup, matched_on)


def _by_token(conn: Connection, message: Inbound) -> _Match | None:
    token = links.reply_token_in(message.recipient) if message.channel == "email" else None
    if token is None:
        return None
    followup_id = conn.execute(
        sa.select(followup_links.c.followup_id).where(
            followup_links.c.token == token, followup_links.c.kind == "reply"
        )
    ).scalar_one_or_none()
    return _followup_match(conn, followup_id, "token")


def _by_thread(conn: Connection, message: Inbound) -> _Match | None:
    """The message answered, by the id the provider (or SMTP, as Message-ID) gave it."""
    answered = (message.in_reply_to or "").strip()
    if not answered:
        return None
    bare = answered.strip("<>")
    followup_id = conn.execute(
        sa.select(delivery_attempts.c.followup_id)
        .where(
            delivery_attempts.c.channel == message.channel,
            delivery_attempts.c.state == "sent",
            delivery_attempts.c.provider_id.in_([answered, bare, f"<{bare}>"]),
        )
        .limit(1)
    ).scalar_one_or_none()
    return _followup_match(conn, followup_id, "thread")


def sender_key(message: Inbound, *, phone_region: str) -> str | None:
    """The sender as customers' contacts are stored: a lower-case email, or E.164."""
    sender = message.sender.strip()
    if message.channel == "email":
        address = parseaddr(sender)[1].strip().lower()
        return address if "@" in address else None
    try:
        return to_e164(sender.removeprefix("whatsapp:"), region=phone_region)
    except InvalidPhoneError:
        return None


def _by_address(conn: Connection, message: Inbound, *, phone_region: str) -> _Match | None:
    key = sender_key(message, phone_region=phone_region)
    if key is None:
        return None
    column = "emails" if message.channel == "email" else "phones"
    candidates = conn.execute(
        sa.select(customers)
        .where(
            _contains(conn, column, [key], folded=message.channel == "email"),
            customers.c.scope != ERASED_SCOPE,
        )
        .order_by(customers.c.id)
        .limit(20)
    ).all()
    if not candidates:
        return None
    latest = conn.execute(
        sa.select(followups)
        .where(
            followups.c.customer_id.in_([c.id for c in candidates]),
            followups.c.channel == message.channel,
            followups.c.status.in_(_REACHED),
        )
        .order_by(followups.c.created_at.desc(), followups.c.id.desc())
        .limit(1)
    ).first()
    if latest is not None:
        return _followup_match(conn, latest.id, "address")
    if len(candidates) == 1:
        return _Match(candidates[0], None, "address")
    return None  # several customers share the number and none was written to: a person decides


def _match(conn: Connection, message: Inbound, *, phone_region: str) -> _Match | None:
    return (
        _by_token(conn, message)
        or _by_thread(conn, message)
        or _by_address(conn, message, phone_region=phone_region)
    )


def unmatched(conn: Connection, *, limit: int, before: str | None = None) -> list[Any]:
    """Messages nobody matched, newest first (for an admin)."""
    query = sa.select(inbound_messages).where(inbound_messages.c.status == "unmatched")
    if before is not None:
        query = query.where(inbound_messages.c.received_at < before)
    return list(
        conn.execute(
            query.order_by(
                inbound_messages.c.received_at.desc(), inbound_messages.c.message_id.desc()
            ).limit(limit)
        )
    )
