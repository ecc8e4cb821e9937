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
    times = sorted(purchase_times)
    if not times:
        return Stage.ACQUISITION
    idle = now - times[-1]
    if idle >= timedelta(days=LAPSED_DAYS):
        return Stage.RECOVERY
    if idle >= timedelta(days=AT_RISK_DAYS):
        return Stage.RETENTION
    if len(times) == 1:
        return Stage.TRIAL
    return Stage.LOYALTY
