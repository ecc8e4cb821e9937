"""The lifecycle rule in SQL (`hub.stats.lifecycle.stage_case`, and `_stage_code` over the
purchase facts' integer times) says what the domain rule
(`domain.lifecycle.stage_from_summary`) says, at every boundary, on both backends."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from clienteling.domain.lifecycle import AT_RISK_DAYS, LAPSED_DAYS, stage_from_summary
from clienteling.hub.clock import iso
from clienteling.hub.db import make_engine, migrate
from clienteling.hub.purchase_facts import Joined, Purchase, epoch_us, moment_us, summarize
from clienteling.hub.stats.lifecycle import (
    STAGES,
    _idle_of,
    _stage_code,
    stage_case,
    stage_of,
)
from clienteling.hub.tables import customer_purchase_facts, customer_purchase_gaps

NOW = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # a DST night in Europe, on purpose
SECOND, DAY = timedelta(seconds=1), timedelta(days=1)


def _ages() -> list[timedelta]:
    ages = [timedelta(0), DAY]
    for days in (AT_RISK_DAYS, LAPSED_DAYS):
        ages += [timedelta(days=days) + delta for delta in (-SECOND, timedelta(0))]
        ages.append(timedelta(days=days, seconds=1))
    ages.append(timedelta(days=LAPSED_DAYS * 3))
    return ages


def test_sql_and_domain_agree_on_every_boundary(db_url: str) -> None:
    cases = [(n, NOW - age) for n in (1, 2, 7) for age in _ages()] + [(0, None)]
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            for purchases, last in cases:
                micros = moment_us(last) if last is not None else None
                in_sql = conn.execute(
                    sa.select(
                        stage_case(
                            sa.literal(purchases, sa.Integer),
                            sa.literal(micros, sa.BigInteger),
                            now=NOW,
                        )
                    )
                ).scalar_one()
                assert in_sql == stage_from_summary(purchases, last, now=NOW), (purchases, last)
    finally:
        engine.dispose()


def test_stage_of_the_idle_class_says_what_the_domain_rule_says() -> None:
    """The lifecycle counts name the stage of a customer a long pause covers with
    `stage_of(purchases, idle class)`; the class of a newest purchase (`_idle_of`, the
    integer comparisons `_stage_code` makes in SQL) gives the domain's stage at every
    boundary."""
    for purchases in (1, 2):
        for age in _ages():
            last = NOW - age
            idle = _idle_of(epoch_us(iso(last)), now=NOW)
            assert stage_of(purchases, idle) == stage_from_summary(purchases, last, now=NOW), (
                purchases,
                age,
            )
    assert stage_of(0, 0) == stage_from_summary(0, None, now=NOW)


def test_the_stage_of_the_facts_at_an_instant_is_the_domain_rule_on_the_orders(
    db_url: str,
) -> None:
    """`_stage_code` on stored facts rows, with the long pause covering the instant
    joined (as the drill-down reads them), equals `stage_from_summary` of the purchases
    before the instant, for every history of one to three purchases at the boundaries:
    at and around the at-risk and lapsed thresholds, just before, at and after the
    instant, inside a long pause; the instant is `now` (a current period) or a week
    after it (a period ending in the future), on both backends."""
    offsets = [
        -3 * LAPSED_DAYS * DAY,
        *(
            sign * SECOND - days * DAY
            for days in (LAPSED_DAYS, AT_RISK_DAYS)
            for sign in (-1, 0, 1)
        ),
        -DAY,
        -SECOND,
        timedelta(0),
        SECOND,
        3 * DAY,
        7 * DAY,
        200 * DAY,
        400 * DAY,
    ]
    histories = [
        combo for size in (1, 2, 3) for combo in itertools.combinations(sorted(offsets), size)
    ]
    engine = make_engine(db_url)
    try:
        migrate(engine)
        for at in (NOW, NOW + 7 * DAY):
            expected: dict[str, str] = {}
            rows, gaps = [], []
            for number, history in enumerate(histories):
                customer_id = f"c{number}"
                times = [NOW + offset for offset in history]
                facts = summarize(
                    customer_id,
                    [Purchase(f"o{i}", iso(t), "store", 100) for i, t in enumerate(times)],
                    Joined("s1", iso(NOW - 4 * LAPSED_DAYS * DAY)),
                )
                assert facts.row is not None
                rows.append(facts.row)
                gaps += facts.gaps
                before = [t for t in times if t < at]
                expected[customer_id] = str(
                    stage_from_summary(len(before), max(before, default=None), now=NOW)
                )
            with engine.begin() as conn:
                conn.execute(sa.delete(customer_purchase_gaps))
                conn.execute(sa.delete(customer_purchase_facts))
                conn.execute(sa.insert(customer_purchase_facts), rows)
                if gaps:
                    conn.execute(sa.insert(customer_purchase_gaps), gaps)
                at_us = moment_us(at)
                gap = customer_purchase_gaps.alias("gap")
                covers = sa.and_(
                    gap.c.customer_id == customer_purchase_facts.c.customer_id,
                    gap.c.from_us < at_us,
                    gap.c.to_us >= at_us,
                )
                found = {
                    str(c): STAGES[int(code)]
                    for c, code in conn.execute(
                        sa.select(
                            customer_purchase_facts.c.customer_id,
                            _stage_code(at_us, now=NOW, gap=gap),
                        ).select_from(customer_purchase_facts.outerjoin(gap, covers))
                    )
                }
            wrong = {
                c: (found.get(c), stage) for c, stage in expected.items() if found.get(c) != stage
            }
            assert wrong == {}, at
    finally:
        engine.dispose()
