"""Omnichannel and single-channel buyers among a store's customers, as of a period's end.

For every customer whose last purchase is before the end, their purchase facts
(`hub.purchase_facts`, one row per customer) are their whole history up to the end.
When the end is on a whole hour (a store's local midnight, in every zone with a
whole-hour offset), those customers are summed from the per-store rollup of the facts
(`hub.omni_rollup`: a few rows per day of first purchases, not one per customer): the
rollup holds every customer with facts, and the facts of those who bought at or after
the end (none for a period ending today; found through the index on `last_at`) are taken
off it again. Otherwise the facts themselves are summed. Day counts use integer
microsecond times, so they are exact and alike on SQLite and PostgreSQL. Only customers
who bought again after the end (a period in the past) need their orders read, and only
those before the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain import metrics
from clienteling.domain.metrics import ChannelGroup
from clienteling.hub.omni_rollup import DAY_US, HOUR_US, HOURS
from clienteling.hub.purchase_facts import epoch_us
from clienteling.hub.stats.sql import KEPT_ORDER
from clienteling.hub.tables import customer_purchase_facts, customers, orders, store_omni_days

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
    rollup_rows: int = 0


def channel_groups(conn: Connection, *, store_id: str, end: str) -> ChannelGroups:
    """Omnichannel (bought in store and online) and single-channel buyers among the
    store's customers, from their kept purchases before `end`."""
    groups = {True: _GroupSum(), False: _GroupSum()}
    end_us = epoch_us(end)
    rollup_rows = 0
    if end_us % HOUR_US == 0:
        rollup_rows = _from_rollup(conn, groups, store_id=store_id, end_us=end_us)
        # The rollup counted everyone with facts: take off who bought at or after `end`.
        facts_rows = _from_facts(conn, groups, store_id=store_id, end=end, later=True)
    else:
        facts_rows = _from_facts(conn, groups, store_id=store_id, end=end)
    order_rows = _from_orders(conn, groups, store_id=store_id, end=end)
    return ChannelGroups(
        omnichannel=groups[True].frozen(),
        single_channel=groups[False].frozen(),
        facts_rows=facts_rows,
        order_rows=order_rows,
        rollup_rows=rollup_rows,
    )


def _at_least_one(days: Any) -> Any:
    return sa.case((days < 1, 1), else_=days)


def _from_rollup(
    conn: Connection, groups: dict[bool, _GroupSum], *, store_id: str, end_us: int
) -> int:
    """Every customer of the store with facts, as of `end` (a whole hour), from the
    rollup: of a day's customers, those who first bought at most `hour` hours into it
    are `e - day` whole days before `end`, the others one day less."""
    table = store_omni_days
    end_day, into = divmod(end_us, DAY_US)
    upto = table.c[HOURS[into // HOUR_US]]
    later = table.c.customers - upto
    days = sa.literal(end_day, sa.BigInteger) - table.c.first_day  # of those up to the hour
    window = metrics.RETENTION_WINDOW_DAYS
    eligible = sa.case((days - 1 >= window, table.c.customers), (days >= window, upto), else_=0)
    query = (
        sa.select(
            table.c.omni,
            sa.func.count(),
            sa.func.sum(table.c.customers),
            sa.func.sum(table.c.net_minor),
            sa.func.sum(table.c.purchases),
            sa.func.sum(upto * _at_least_one(days) + later * _at_least_one(days - 1)),
            sa.func.sum(sa.case((table.c.again, eligible), else_=0)),
            sa.func.sum(eligible),
        )
        .where(table.c.store_id == store_id)
        .group_by(table.c.omni)
    )
    scanned = 0
    for is_omni, rows, n, value, bought, customer_days, retained, eligible_n in conn.execute(query):
        group = groups[bool(is_omni)]
        group.customers += int(n)
        group.value_minor += int(value)
        group.orders += int(bought)
        group.customer_days += int(customer_days)
        group.retained += int(retained)
        group.retention_eligible += int(eligible_n)
        scanned += int(rows)
    return scanned


def _from_facts(
    conn: Connection,
    groups: dict[bool, _GroupSum],
    *,
    store_id: str,
    end: str,
    later: bool = False,
) -> int:
    """Customers whose last purchase is before `end`: one grouped query over the facts;
    `later`: instead take off those whose last purchase is at or after `end`, as the
    rollup counted them (the same figures of the same facts)."""
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
        .where(
            customers.c.home_store_id == store_id,
            _FACTS.c.last_at >= end if later else _FACTS.c.last_at < end,
        )
        .group_by(omni)
    )
    sign = -1 if later else 1
    scanned = 0
    for is_omni, n, value, bought, customer_days, retained, eligible_n in conn.execute(query):
        group = groups[bool(is_omni)]
        group.customers += sign * int(n)
        group.value_minor += sign * int(value)
        group.orders += sign * int(bought)
        group.customer_days += sign * int(customer_days)
        group.retained += sign * int(retained)
        group.retention_eligible += sign * int(eligible_n)
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
