"""Omnichannel and single-channel buyers among a store's customers, as of a period's end.

Summed in SQL over the purchase facts (`hub.purchase_facts`, one row per customer) for
every customer whose last purchase is before the end: their facts are their whole
history up to the end. Day counts use the facts' integer microsecond times, so they are
exact and alike on SQLite and PostgreSQL. Only customers who bought again after the end
(a period in the past) need their orders read, and only those before the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain import metrics
from clienteling.domain.metrics import ChannelGroup
from clienteling.hub.purchase_facts import epoch_us
from clienteling.hub.stats.sql import KEPT_ORDER
from clienteling.hub.tables import customer_purchase_facts, customers, orders

DAY_US = 86_400 * 1_000_000
_FACTS = customer_purchase_facts
_ONLINE = sorted(metrics.ONLINE_CHANNELS)


@dataclass(slots=True)
class _GroupSum:
    customers: int = 0
    value_minor: int = 0
    orders: int = 0
    customer_days: int = 0
    retained: int = 0
    retention_eligible: int = 0

    def frozen(self) -> ChannelGroup:
        return ChannelGroup(
            customers=self.customers,
            value_minor=self.value_minor,
            orders=self.orders,
            customer_days=self.customer_days,
            retained=self.retained,
            retention_eligible=self.retention_eligible,
        )


@dataclass(frozen=True, slots=True)
class ChannelGroups:
    omnichannel: ChannelGroup
    single_channel: ChannelGroup
    facts_rows: int
    order_rows: int


def channel_groups(conn: Connection, *, store_id: str, end: str) -> ChannelGroups:
    """Omnichannel (bought in store and online) and single-channel buyers among the
    store's customers, from their kept purchases before `end`."""
    groups = {True: _GroupSum(), False: _GroupSum()}
    facts_rows = _from_facts(conn, groups, store_id=store_id, end=end)
    order_rows = _from_orders(conn, groups, store_id=store_id, end=end)
    return ChannelGroups(
        omnichannel=groups[True].frozen(),
        single_channel=groups[False].frozen(),
        facts_rows=facts_rows,
        order_rows=order_rows,
    )


def _from_facts(conn: Connection, groups: dict[bool, _GroupSum], *, store_id: str, end: str) -> int:
    """Customers whose last purchase is before `end`: one grouped query over the facts."""
    end_us = sa.literal(epoch_us(end), sa.BigInteger)
    since_first = end_us - _FACTS.c.first_us
    days = since_first // DAY_US
    window = metrics.RETENTION_WINDOW_DAYS
    eligible = since_first >= window * DAY_US
    # (second - first).days <= window, i.e. less than window + 1 whole days apart
    again = sa.and_(
        _FACTS.c.second_us.is_not(None),
        _FACTS.c.second_us - _FACTS.c.first_us < (window + 1) * DAY_US,
    )
    omni = sa.case((sa.and_(_FACTS.c.in_store, _FACTS.c.online), 1), else_=0).label("omni")
    query = (
        sa.select(
            omni,
            sa.func.count(),
            sa.func.coalesce(sa.func.sum(_FACTS.c.net_minor), 0),
            sa.func.coalesce(sa.func.sum(_FACTS.c.purchases), 0),
            sa.func.coalesce(sa.func.sum(sa.case((days < 1, 1), else_=days)), 0),
            sa.func.coalesce(sa.func.sum(sa.case((sa.and_(eligible, again), 1), else_=0)), 0),
            sa.func.coalesce(sa.func.sum(sa.case((eligible, 1), else_=0)), 0),
        )
        .select_from(customers.join(_FACTS, _FACTS.c.customer_id == customers.c.id))
        .where(customers.c.home_store_id == store_id, _FACTS.c.last_at < end)
        .group_by(omni)
    )
    scanned = 0
    for is_omni, n, value, bought, customer_days, retained, eligible_n in conn.execute(query):
        group = groups[bool(is_omni)]
        group.customers += int(n)
        group.value_minor += int(value)
        group.orders += int(bought)
        group.customer_days += int(customer_days)
        group.retained += int(retained)
        group.retention_eligible += int(eligible_n)
        scanned += int(n)
    return scanned


def _from_orders(
    conn: Connection, groups: dict[bool, _GroupSum], *, store_id: str, end: str
) -> int:
    """Customers who bought again at or after `end` (a past period): their kept orders
    before `end`, one pass (a window numbers each customer's purchases)."""
    ranked = (
        sa.select(
            orders.c.customer_id,
            orders.c.placed_at,
            orders.c.channel,
            orders.c.net_minor,
            sa.func.row_number()
            .over(partition_by=orders.c.customer_id, order_by=(orders.c.placed_at, orders.c.id))
            .label("rn"),
        )
        .select_from(
            orders.join(customers, orders.c.customer_id == customers.c.id).join(
                _FACTS, _FACTS.c.customer_id == customers.c.id
            )
        )
        .where(
            customers.c.home_store_id == store_id,
            _FACTS.c.last_at >= end,
            KEPT_ORDER,
            orders.c.placed_at < end,
        )
        .subquery()
    )
    per_customer: Any = sa.select(
        sa.func.count(),
        sa.func.sum(ranked.c.net_minor),
        sa.func.max(sa.case((ranked.c.channel == "store", 1), else_=0)),
        sa.func.max(sa.case((ranked.c.channel.in_(_ONLINE), 1), else_=0)),
        sa.func.min(sa.case((ranked.c.rn == 1, ranked.c.placed_at))),
        sa.func.min(sa.case((ranked.c.rn == 2, ranked.c.placed_at))),
    ).group_by(ranked.c.customer_id)
    end_time = datetime.fromisoformat(end)
    window = metrics.RETENTION_WINDOW_DAYS
    scanned = 0
    for n, net, in_store, online, first_at, second_at in conn.execute(per_customer):
        scanned += n
        group = groups[bool(in_store and online)]
        first = datetime.fromisoformat(first_at)
        group.customers += 1
        group.value_minor += int(net or 0)
        group.orders += n
        group.customer_days += max(1, (end_time - first).days)
        if (end_time - first).days >= window:
            group.retention_eligible += 1
            if second_at is not None and (datetime.fromisoformat(second_at) - first).days <= window:
                group.retained += 1
    return scanned
