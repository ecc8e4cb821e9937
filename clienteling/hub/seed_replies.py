"""Demo replies: some customers answered their follow-up (by SMS, WhatsApp or email), so
a demo timeline shows a reply next to the follow-up it answers. The customers whose
profiles the screenshots open (the fullest live cart of each store, per language) always
have one: when they had no follow-up yet, a past thank-you on a channel they agreed to
(or, agreeing to none, a message they sent the store's number unprompted)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from clienteling.domain.ids import seeded_uuid
from clienteling.hub import followup_days, links, tables, versions
from clienteling.hub.clock import iso
from clienteling.hub.db import write_tx
from clienteling.hub.seed_followups import granted_channels

SHARE = 0.25  # of past follow-ups that got an answer
_REACHED = ("sent", "delivered", "opened", "clicked", "converted")
_TEXTS = {
    "fr": ("Merci beaucoup ! Je repasse samedi pour l'essayer.", "Super, gardez-le-moi svp."),
    "vi": ("Cảm ơn bạn nhiều! Cuối tuần mình sẽ ghé thử.", "Tuyệt quá, giữ giúp mình nhé."),
    "ru": ("Спасибо! Зайду в субботу примерить.", "Отлично, отложите, пожалуйста."),
    "en": ("Thank you! I'll come by on Saturday to try it.", "Great, please keep it for me."),
}


def _showcase(conn: Connection) -> list[Any]:
    """Per store and language, the customer with the fullest live cart (as the terminal's
    `sample_customer_with_cart` picks them), and the fullest of the store."""
    rows = conn.execute(
        sa.select(
            tables.carts.c.customer_id,
            tables.carts.c.lines,
            tables.carts.c.updated_at,
            tables.carts.c.id,
            tables.customers.c.language,
            tables.customers.c.home_store_id,
        )
        .join(tables.customers, tables.customers.c.id == tables.carts.c.customer_id)
        .where(tables.carts.c.status.in_(("open", "abandoned")))
    ).all()
    live = [r for r in rows if r.lines]
    live.sort(key=lambda r: r.id)
    live.sort(key=lambda r: (len(r.lines), r.updated_at), reverse=True)
    chosen: dict[tuple[str, str | None], str] = {}
    for row in live:
        for language in (row.language, None):
            chosen.setdefault((row.home_store_id, language), row.customer_id)
    return sorted(set(chosen.values()))


def seed_replies(engine: Engine, *, seed: int, now: datetime) -> int:
    """Add past replies (and, for showcase customers without one, a follow-up to answer)."""
    rng = random.Random(seed * 104_729 + 11)
    with write_tx(engine) as conn:
        customer_rows = {
            row.id: row
            for row in conn.execute(
                sa.select(
                    tables.customers.c.id,
                    tables.customers.c.language,
                    tables.customers.c.home_store_id,
                    tables.customers.c.preferred_channel,
                    tables.customers.c.scope,
                )
            )
        }
        latest: dict[str, Any] = {}
        for followup in conn.execute(
            sa.select(tables.followups)
            .where(tables.followups.c.status.in_(_REACHED))
            .order_by(tables.followups.c.created_at, tables.followups.c.id)
        ):
            latest[followup.customer_id] = followup
        granted = granted_channels(conn)
        answered = [f for f in latest.values() if rng.random() < SHARE]
        unprompted: list[Any] = []
        for customer_id in _showcase(conn):
            customer = customer_rows.get(customer_id)
            if customer is None or any(f.customer_id == customer_id for f in answered):
                continue
            channels = granted.get(customer_id, set())
            if customer_id in latest:
                answered.append(latest[customer_id])
            elif channels:
                channel = (
                    customer.preferred_channel
                    if customer.preferred_channel in channels
                    else sorted(channels)[0]
                )
                answered.append(_followup_to_answer(conn, rng, customer, channel, now=now))
            else:
                unprompted.append(customer)
        for followup in sorted(answered, key=lambda f: f.id):
            sent = datetime.fromisoformat(followup.created_at)
            _reply(
                conn,
                rng,
                customer_rows[followup.customer_id],
                followup,
                channel=followup.channel,
                at=min(sent + timedelta(hours=rng.randint(2, 30)), now - timedelta(hours=3)),
            )
        for customer in unprompted:
            _reply(conn, rng, customer, None, channel="sms", at=now - timedelta(hours=20))
        if answered:
            followup_days.rebuild(conn)  # the dashboard's per-day counts, set-based
    return len(answered) + len(unprompted)


def _reply(
    conn: Connection,
    rng: random.Random,
    customer: Any,
    followup: Any | None,
    *,
    channel: str,
    at: datetime,
) -> None:
    # How the hub would have matched it: the Reply-To token, the provider's thread, the phone.
    matched_on = "address" if followup is None else {"email": "token"}.get(channel, "thread")
    conn.execute(
        sa.insert(tables.replies).values(
            id=seeded_uuid(rng.getrandbits(80), ms=int(at.timestamp() * 1000)),
            customer_id=customer.id,
            followup_id=None if followup is None else followup.id,
            store_id=customer.home_store_id if followup is None else followup.store_id,
            channel=channel,
            text=rng.choice(_TEXTS.get(customer.language, _TEXTS["en"])),
            received_at=iso(at),
            matched_on=matched_on,
            opt_out=False,
            scope=customer.scope,
            version=versions.allocate(conn, customer.scope),
        )
    )


def _followup_to_answer(
    conn: Connection, rng: random.Random, customer: Any, channel: str, *, now: datetime
) -> Any:
    """A past thank-you from the customer's store, delivered two days ago."""
    associate = conn.execute(
        sa.select(tables.associates.c.id, tables.associates.c.display_name)
        .where(
            tables.associates.c.store_id == customer.home_store_id,
            tables.associates.c.role == "associate",
        )
        .order_by(tables.associates.c.id)
        .limit(1)
    ).first()
    at = iso(now - timedelta(days=2, hours=rng.randint(0, 6)))
    followup_id = seeded_uuid(
        rng.getrandbits(80), ms=int(datetime.fromisoformat(at).timestamp() * 1000)
    )
    conn.execute(
        sa.insert(tables.followups).values(
            id=followup_id,
            customer_id=customer.id,
            associate_id=associate.id if associate else "",
            associate_name=associate.display_name if associate else "",
            store_id=customer.home_store_id,
            channel=channel,
            template="thank_you",
            language=customer.language,
            product_ids=[],
            personal_line="",
            status="delivered",
            status_reason=None,
            created_at=at,
            updated_at=at,
            opened_at=None,
            scope=customer.scope,
            version=versions.allocate(conn, customer.scope),
        )
    )
    secret = links.link_secret(conn)
    for kind in ("landing", "unsubscribe"):
        conn.execute(
            sa.insert(tables.followup_links).values(
                token=links.make_token(secret, kind, followup_id),
                kind=kind,
                followup_id=followup_id,
                customer_id=customer.id,
            )
        )
    return conn.execute(
        sa.select(tables.followups).where(tables.followups.c.id == followup_id)
    ).one()
