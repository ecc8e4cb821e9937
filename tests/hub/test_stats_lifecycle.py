"""The lifecycle rule in SQL (`hub.stats.lifecycle.stage_case`) says what the domain rule
(`domain.lifecycle.stage_from_summary`) says, at every boundary, on both backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from clienteling.domain.lifecycle import AT_RISK_DAYS, LAPSED_DAYS, stage_from_summary
from clienteling.hub.clock import iso
from clienteling.hub.db import make_engine
from clienteling.hub.stats.lifecycle import _idle_of, stage_case, stage_of

NOW = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # a DST night in Europe, on purpose


def test_sql_and_domain_agree_on_every_boundary(db_url: str) -> None:
    ages = [timedelta(0), timedelta(days=1)]
    for days in (AT_RISK_DAYS, LAPSED_DAYS):
        ages += [timedelta(days=days) + delta for delta in (-timedelta(seconds=1), timedelta(0))]
        ages.append(timedelta(days=days, seconds=1))
    ages.append(timedelta(days=LAPSED_DAYS * 3))
    cases = [(n, NOW - age) for n in (1, 2, 7) for age in ages] + [(0, None)]
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            for purchases, last in cases:
                text = iso(last) if last is not None else None
                in_sql = conn.execute(
                    sa.select(
                        stage_case(
                            sa.literal(purchases, sa.Integer),
                            sa.literal(text, sa.String),
                            now=NOW,
                        )
                    )
                ).scalar_one()
                assert in_sql == stage_from_summary(purchases, last, now=NOW), (purchases, last)
    finally:
        engine.dispose()


def test_stage_of_the_idle_class_says_what_the_domain_rule_says() -> None:
    """The lifecycle counts name each group with `stage_of(purchases, idle class)`; the
    class of a newest purchase (`_idle_of`, the same text comparisons as `_idle_class` in
    SQL) gives the domain's stage at every boundary."""
    ages = [timedelta(0), timedelta(days=1)]
    for days in (AT_RISK_DAYS, LAPSED_DAYS):
        ages += [timedelta(days=days) + delta for delta in (-timedelta(seconds=1), timedelta(0))]
        ages.append(timedelta(days=days, seconds=1))
    ages.append(timedelta(days=LAPSED_DAYS * 3))
    for purchases in (1, 2):
        for age in ages:
            last = NOW - age
            idle = _idle_of(iso(last), now=NOW)
            assert stage_of(purchases, idle) == stage_from_summary(purchases, last, now=NOW), (
                purchases,
                age,
            )
    assert stage_of(0, 0) == stage_from_summary(0, None, now=NOW)
