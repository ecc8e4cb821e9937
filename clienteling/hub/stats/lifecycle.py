"""Lifecycle stages of a store's customers at a period's start and end, counted in SQL.

`stage_case` is `domain.lifecycle.stage_from_summary` as a SQL CASE over a purchase count
and the newest purchase time, built from the same constants; the counts and the
drill-down use `_stage_code`, the same rule on the purchase facts at an instant: SQL
names each customer's stage by its index in `STAGES`. Times are compared as integers
(microseconds since 1970, `purchase_facts.epoch_us`; the facts keep them beside the ISO
text, migration 0035): on PostgreSQL that halves the time over a store's customers
against comparing text. tests/hub/test_stats_lifecycle.py checks both against the domain
rule at every boundary, on both backends. Counting in SQL sends a few dozen rows to
Python instead of one per customer.

The count and newest purchase before an instant t come from the purchase facts (one row
per customer, `hub.purchase_facts`), not the orders: before t a customer has 0, 1 or
"2 or more" purchases as the first and second purchase fall before t, and the newest one
is the last purchase when that is before t, else the start of the long pause (gap) t
falls in, else within `AT_RISK_DAYS` of t (active, so only the count decides the stage).
Past periods are therefore exact too, without reading a single order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain.lifecycle import AT_RISK_DAYS, LAPSED_DAYS, Stage
from clienteling.hub.purchase_facts import epoch_us, moment_us
from clienteling.hub.stats.sql import KEPT_ORDER
from clienteling.hub.tables import (
    customer_purchase_facts,
    customer_purchase_gaps,
    customers,
    orders,
)

NEW_STAGE = "new"
"""`from_stage` of customers who joined during the period."""

STAGES = (
    Stage.ACQUISITION.value,
    Stage.TRIAL.value,
    Stage.LOYALTY.value,
    Stage.RETENTION.value,
    Stage.RECOVERY.value,
)
"""The stages by the code `_stage_code` gives them in SQL."""
ACQUISITION, TRIAL, LOYALTY, RETENTION, RECOVERY = range(len(STAGES))

ACTIVE, AT_RISK, LAPSED = 0, 1, 2
"""How long a customer has not bought, as the stage rule reads it (`_idle_of`)."""


def _thresholds(now: datetime) -> tuple[int, int]:
    """The newest purchase times (microseconds) at or before which a customer seen at `now`
    is lapsed, and at risk: `stage_from_summary`'s `idle >= LAPSED_DAYS` and `>=
    AT_RISK_DAYS`, exactly."""
    return (
        moment_us(now - timedelta(days=LAPSED_DAYS)),
        moment_us(now - timedelta(days=AT_RISK_DAYS)),
    )


def stage_case(
    purchases: sa.ColumnElement[Any], last_purchase_us: sa.ColumnElement[Any], *, now: datetime
) -> sa.ColumnElement[str]:
    """The stage of a customer with `purchases` kept purchases, the newest at
    `last_purchase_us` (microseconds since 1970), as seen at `now`."""
    lapsed, at_risk = _thresholds(now)
    return sa.case(
        (sa.or_(purchases == 0, last_purchase_us.is_(None)), Stage.ACQUISITION.value),
        (last_purchase_us <= lapsed, Stage.RECOVERY.value),
        (last_purchase_us <= at_risk, Stage.RETENTION.value),
        (purchases == 1, Stage.TRIAL.value),
        else_=Stage.LOYALTY.value,
    )


_FACTS = customer_purchase_facts


def _stage_code(at: int, *, now: datetime, gap: Any | None = None) -> sa.ColumnElement[int]:
    """The code (index in `STAGES`) of the facts row's customer's stage at the instant `at`
    (microseconds) seen at `now` (never after `at`), from the facts row and `gap`, the
    long pause covering `at` if any (outer-joined; None: as if none did).

    The rule is `stage_case` on the purchases before `at` and the newest of them: none
    when the first purchase is not before `at`; else the newest is the last purchase if
    that is before `at`, else the start of the pause covering `at`, else less than
    AT_RISK_DAYS before `at` (active: one purchase or more decides). No "last purchase
    before `at`" test is needed: both thresholds are before `now`, so before `at`, and a
    last purchase at or after `at` is above both; only then can a pause cover `at` (it
    ends with a purchase at or after `at`)."""
    lapsed, at_risk = _thresholds(now)
    last = _FACTS.c.last_us
    if gap is None:
        active, lapsed_ = last > at_risk, last <= lapsed
    else:
        start = gap.c.from_us
        # The pause's start decides when it is there: NULL comparisons fall through.
        active = sa.and_(last > at_risk, sa.or_(start.is_(None), start > at_risk))
        lapsed_ = sa.or_(last <= lapsed, start <= lapsed)
    # Most customers are active: tested first, it takes three comparisons for them. A
    # first purchase at or after `at` makes the last one so too, so acquisition is active.
    bought = sa.case(
        (_FACTS.c.first_us >= at, ACQUISITION),
        (_FACTS.c.second_us < at, LOYALTY),
        else_=TRIAL,  # no second purchase (NULL), or not before `at`
    )
    return sa.case((active, bought), (lapsed_, RECOVERY), else_=RETENTION)


def _purchases_of(first_us: int, second_us: int | None, at: int) -> int:
    """Kept purchases before `at`, counted up to 2 (all the stage rule needs)."""
    if first_us >= at:
        return 0
    return 1 if second_us is None or second_us >= at else 2


def lifecycle_counts(
    conn: Connection,
    *,
    store_id: str,
    start: str,
    end: str,
    now: datetime,
    scanned: Counter[str] | None = None,
) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """Customers per stage at the end (`min(end, now)`), and the moves between the stage
    at the start and at the end ("new" -> stage for those who joined in the period);
    `scanned` (if given) gets the rows read per table.

    Four reads, none of the customers' rows themselves:

    - the store's facts rows (home store and creation time are copied there), grouped
      in SQL by one integer: joined in the period, stage at the start, stage at the end
      (at most 2 x 5 x 5 groups), as if no long pause covered either instant (integer
      comparisons and one hash key per row: what the time goes into);
    - the long pauses that do cover the start or the end (`customer_purchase_gaps`, a
      few per thousand customers): those customers move from the group the first read
      put them in to the one their pause says;
    - the customers without facts (never bought, or returned everything): acquisition at
      both instants, "new" at the start if they joined in the period; counted as the
      store's customers less the facts rows, in two counts of adjacent ranges of one
      index (joined before the period, and in it: each entry read once).
    """
    start_us, end_us = epoch_us(start), epoch_us(end)
    start_at = datetime.fromisoformat(start)
    end_instant = min(datetime.fromisoformat(end), now)
    key = _group_key(start_us, end_us, start_at=start_at, end_instant=end_instant)
    mine = sa.and_(_FACTS.c.home_store_id == store_id, _FACTS.c.joined_us < end_us)
    groups: Counter[tuple[bool, int, int]] = Counter()
    facts_rows = 0
    people = sa.select(sa.func.count()).where(customers.c.home_store_id == store_id)
    with _index_pages_cached(conn):
        for k, n in conn.execute(sa.select(key, sa.func.count()).where(mine).group_by(key)):
            groups[_decoded(int(k))] += int(n)
            facts_rows += int(n)
        # Two ranges of one index, each entry read once: before the period, and in it.
        earlier = int(conn.execute(people.where(customers.c.created_at < start)).scalar_one())
        joined = int(
            conn.execute(
                people.where(customers.c.created_at >= start, customers.c.created_at < end)
            ).scalar_one()
        )
    counted = earlier + joined
    gap_rows = _pauses_at_start_or_end(
        conn,
        groups,
        store_id=store_id,
        bounds=(start_us, end_us),
        start_at=start_at,
        end_instant=end_instant,
    )
    for is_new, n in ((True, joined), (False, earlier)):
        bought = sum(v for k, v in groups.items() if k[0] == is_new)
        if n > bought:
            groups[(is_new, ACQUISITION, ACQUISITION)] += n - bought
    if scanned is not None:
        scanned["customers"] += counted  # index entries counted, not rows read
        scanned["customer_purchase_facts"] += facts_rows
        scanned["customer_purchase_gaps"] += gap_rows
    stages: dict[str, int] = {}
    moves: dict[tuple[str, str], int] = {}
    found: Counter[tuple[str, str]] = Counter()
    for (is_new, at_start, at_end), n in groups.items():
        before = NEW_STAGE if is_new else STAGES[at_start]
        found[(before, STAGES[at_end])] += n
    for (before, after), n in found.items():
        if n:
            stages[after] = stages.get(after, 0) + n
            if before != after:
                moves[(before, after)] = n
    return stages, moves


@contextmanager
def _index_pages_cached(conn: Connection) -> Iterator[None]:
    """PostgreSQL: plan the statements inside with `random_page_cost` 1.1 (the usual value
    for data in memory or on SSD) instead of the default 4, then restore it. The store's
    facts and customers have covering indexes a third the size of their tables; at 4 the
    planner reads the tables in full (for 200,000 customers about 6,000 pages each,
    through a ring buffer, so from the OS every time), at 1.1 the indexes, which stay in
    shared buffers: a quarter off the facts pass at 196,000 rows. The planner still
    weighs the pages not yet marked all-visible (heap fetches). Local to the
    transaction; outside one (autocommit) it changes nothing."""
    if conn.dialect.name != "postgresql":
        yield
        return
    before = conn.execute(
        sa.select(
            sa.func.current_setting("random_page_cost"),
            sa.func.set_config("random_page_cost", "1.1", True),
        )
    ).one()[0]
    yield  # an error aborts the transaction, and its rollback restores the setting
    conn.execute(sa.select(sa.func.set_config("random_page_cost", before, True)))


def _group_key(
    start_us: int, end_us: int, *, start_at: datetime, end_instant: datetime
) -> sa.ColumnElement[int]:
    """joined in the period x 25 + stage code at the start x 5 + stage code at the end."""
    joined = sa.case((_FACTS.c.joined_us >= start_us, 25), else_=0)
    at_start = _stage_code(start_us, now=start_at)
    at_end = _stage_code(end_us, now=end_instant)
    return (joined + at_start * 5 + at_end).label("key")


def _decoded(key: int) -> tuple[bool, int, int]:
    """(joined in the period, stage code at the start, at the end) of a `_group_key`."""
    return key >= 25, key % 25 // 5, key % 5


def _pauses_at_start_or_end(
    conn: Connection,
    groups: Counter[tuple[bool, int, int]],
    *,
    store_id: str,
    bounds: tuple[int, int],
    start_at: datetime,
    end_instant: datetime,
) -> int:
    """Move the customers a long pause covers at the start or the end to their group
    (see `lifecycle_counts`); returns the pauses read."""
    gaps = customer_purchase_gaps
    start_us, end_us = bounds
    covers = sa.or_(
        *(sa.and_(gaps.c.from_us < at, gaps.c.to_us >= at) for at in (start_us, end_us))
    )
    key = _group_key(start_us, end_us, start_at=start_at, end_instant=end_instant)
    query = (
        sa.select(
            gaps.c.customer_id,
            gaps.c.from_us,
            gaps.c.to_us,
            _FACTS.c.first_us,
            _FACTS.c.second_us,
            key,
        )
        .select_from(gaps.join(_FACTS, _FACTS.c.customer_id == gaps.c.customer_id))
        .where(covers, _FACTS.c.home_store_id == store_id, _FACTS.c.joined_us < end_us)
    )
    assumed: dict[str, tuple[tuple[bool, int, int], int, int | None]] = {}
    pause_from: dict[tuple[str, int], int] = {}  # (customer, 0 start | 1 end) -> from_us
    rows = 0
    for r in conn.execute(query):
        rows += 1
        customer_id = str(r.customer_id)
        assumed[customer_id] = (_decoded(int(r.key)), int(r.first_us), r.second_us)
        for side, at in enumerate(bounds):
            if r.from_us < at <= r.to_us:
                pause_from[(customer_id, side)] = int(r.from_us)
    for customer_id, (key_of, first_us, second_us) in assumed.items():
        codes = [key_of[1], key_of[2]]
        for side, (at, seen) in enumerate(zip(bounds, (start_at, end_instant), strict=True)):
            if (customer_id, side) in pause_from:
                bought = _purchases_of(first_us, second_us, at)
                idle = _idle_of(pause_from[(customer_id, side)], now=seen)
                codes[side] = STAGES.index(stage_of(bought, idle))
        groups[key_of] -= 1
        groups[(key_of[0], codes[0], codes[1])] += 1
    return rows


def _idle_of(newest_us: int, *, now: datetime) -> int:
    """LAPSED, AT_RISK or ACTIVE for a newest purchase at `newest_us` (microseconds) seen
    at `now`: the thresholds `_stage_code` compares in SQL."""
    lapsed, at_risk = _thresholds(now)
    if newest_us <= lapsed:
        return LAPSED
    if newest_us <= at_risk:
        return AT_RISK
    return ACTIVE


def stage_of(purchases: int, idle: int) -> str:
    """`stage_case` in Python, on a purchase count and an `_idle_of` class."""
    if purchases == 0:
        return Stage.ACQUISITION.value
    if idle == LAPSED:
        return Stage.RECOVERY.value
    if idle == AT_RISK:
        return Stage.RETENTION.value
    return Stage.TRIAL.value if purchases == 1 else Stage.LOYALTY.value


def customers_at_stage(
    conn: Connection,
    *,
    store_id: str,
    start: str,
    end: str,
    now: datetime,
    stage: str,
    limit: int,
    offset: int,
) -> tuple[int, list[tuple[str, str | None]]]:
    """(how many, a page of (customer id, last purchase)) of the store's customers at
    `stage` at the end of the period, most recent buyers first: one pass (the count is a
    window over the chosen ones; a second pass only for a page past the last one), over
    the store's facts for the stages of buyers (home store and creation time are copied
    there), over its customers with their facts for acquisition. The same rule as
    `lifecycle_counts` (`_stage_code`, with the pause covering the end joined)."""
    end_us = epoch_us(end)
    end_instant = min(datetime.fromisoformat(end), now)
    source: Any
    if stage == Stage.ACQUISITION.value:
        who = customers.c.id
        source = customers.outerjoin(_FACTS, _FACTS.c.customer_id == customers.c.id)
        mine = sa.and_(
            customers.c.home_store_id == store_id,
            customers.c.created_at < end,
            sa.or_(_FACTS.c.first_us.is_(None), _FACTS.c.first_us >= end_us),
        )
    else:
        gap = customer_purchase_gaps.alias("gap_end")
        covers = sa.and_(
            gap.c.customer_id == _FACTS.c.customer_id,
            gap.c.from_us < end_us,
            gap.c.to_us >= end_us,
        )
        who = _FACTS.c.customer_id
        source = _FACTS.outerjoin(gap, covers)
        code = STAGES.index(stage) if stage in STAGES else None
        chosen = (
            sa.false() if code is None else _stage_code(end_us, now=end_instant, gap=gap) == code
        )
        mine = sa.and_(_FACTS.c.home_store_id == store_id, _FACTS.c.joined_us < end_us, chosen)
    newest = sa.case(
        (_FACTS.c.last_at.is_(None), sa.null()),
        (_FACTS.c.last_us < end_us, _FACTS.c.last_at),
        else_=_newest_order_before(who, end),
    ).label("newest")
    page = conn.execute(
        sa.select(who, newest, sa.func.count().over().label("total"))
        .select_from(source)
        .where(mine)
        .order_by(newest.desc().nulls_last(), who.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    if page:
        total = int(page[0].total)
    else:
        total = conn.execute(
            sa.select(sa.func.count()).select_from(source).where(mine)
        ).scalar_one()
    return int(total), [(str(c), last) for c, last, _total in page]


def _newest_order_before(customer_id: sa.ColumnElement[Any], end: str) -> Any:
    """The newest kept purchase before `end` read from the orders: only for customers who
    bought again after `end` (a past period), whose facts cannot say it exactly."""
    return (
        sa.select(sa.func.max(orders.c.placed_at))
        .where(orders.c.customer_id == customer_id, KEPT_ORDER, orders.c.placed_at < end)
        .scalar_subquery()
    )
