"""Lifecycle stages, computed from purchase history by clear rules.

acquisition: no purchase yet (new or prospect)
trial:       exactly one purchase, recent
loyalty:     two or more purchases, the last one recent
retention:   has bought, but nothing for `AT_RISK_DAYS` (at risk)
recovery:    nothing for `LAPSED_DAYS` (lapsed)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from enum import StrEnum


class Stage(StrEnum):
    ACQUISITION = "acquisition"
    TRIAL = "trial"
    LOYALTY = "loyalty"
    RETENTION = "retention"
    RECOVERY = "recovery"


AT_RISK_DAYS = 180
LAPSED_DAYS = 365


def stage_for(purchase_times: Iterable[datetime], *, now: datetime) -> Stage:
    """The stage of a customer whose purchases (any channel, returns excluded) are given."""
    times = list(purchase_times)
    return stage_from_summary(len(times), max(times) if times else None, now=now)


def stage_from_summary(purchases: int, last_purchase: datetime | None, *, now: datetime) -> Stage:
    """The same rule from a count and the newest purchase (what SQL aggregates give)."""
    if purchases <= 0 or last_purchase is None:
        return Stage.ACQUISITION
    idle = now - last_purchase
    if idle >= timedelta(days=LAPSED_DAYS):
        return Stage.RECOVERY
    if idle >= timedelta(days=AT_RISK_DAYS):
        return Stage.RETENTION
    if purchases == 1:
        return Stage.TRIAL
    return Stage.LOYALTY
