"""The manager dashboard's numbers, each defined once here (issue 7).

The hub counts rows in SQL and hands the counts to these functions; the terminal explains
each number with the same definition. Rules that hold for every metric:

- A rate with nothing to divide by is `None` ("no data"), never 0 % and never an error.
- Revenue is *net*: what the customer kept (returned quantities are taken off; a fully
  returned order counts 0).
- A period is a half-open range of the store's local calendar days [start, end); its
  instants are converted to UTC with the store's time zone, so an order at 23:30 local
  time on the last day belongs to that day, whatever UTC says.
- Customers merged into another count once, as the survivor (merged ids are gone).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

RETENTION_WINDOW_DAYS = 365
"""'Retained': bought again within this many days after the first purchase."""

STORE_CONVERSION_NORM = (0.30, 0.35)
"""Typical in-store conversion (visits that end in a purchase), for comparison."""

SEED_OMNICHANNEL_CLV_UPLIFT = 0.30
"""The published claim: omnichannel customers are worth about 30 % more."""

SEED_RETENTION = {"omnichannel": 0.89, "single_channel": 0.33}
"""The published claim: 89 % vs 33 % retention for strong vs weak omnichannel engagement."""

ONLINE_CHANNELS = frozenset({"web", "phone"})
"""Channels that count as 'online' for omnichannel: everything but the store counter."""


def rate(part: float, whole: float) -> float | None:
    """part / whole, or None when there is nothing to divide by."""
    if not whole:
        return None
    return part / whole


def change(current: float | None, previous: float | None) -> float | None:
    """Relative change from `previous` to `current` (0.1 = +10 %); None when either is
    missing or the previous value is zero."""
    if current is None or previous is None or previous == 0:
        return None
    return (current - previous) / abs(previous)


def order_net_minor(lines: Iterable[Mapping[str, Any]], status: str) -> int:
    """What the customer kept of an order: quantities not returned, at the unit price."""
    if status == "returned":
        return 0
    return sum(
        max(0, int(line["qty"]) - int(line.get("returned_qty", 0))) * int(line["unit_price_minor"])
        for line in lines
    )


@dataclass(frozen=True, slots=True)
class Period:
    """Local calendar days [start, end) of one store."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError("a period ends after it starts")

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def previous(self) -> Period:
        """The period of the same length just before this one."""
        return Period(self.start - timedelta(days=self.days), self.start)

    def utc_bounds(self, timezone: str) -> tuple[datetime, datetime]:
        """The period's first and past-the-end instants in UTC for a store's time zone."""
        zone = ZoneInfo(timezone)
        start = datetime.combine(self.start, time(0), tzinfo=zone).astimezone(UTC)
        end = datetime.combine(self.end, time(0), tzinfo=zone).astimezone(UTC)
        return start, end


def month_period(today: date) -> Period:
    """The calendar month that contains `today`, so far included (to tomorrow)."""
    return Period(today.replace(day=1), today + timedelta(days=1))


def last_days(today: date, days: int) -> Period:
    """The `days` local days that end with `today`."""
    return Period(today - timedelta(days=days - 1), today + timedelta(days=1))


@dataclass(frozen=True, slots=True)
class ChannelGroup:
    """Customers of one kind (omnichannel or single-channel) and what they did."""

    customers: int
    value_minor: int  # net revenue of all their orders, ever
    orders: int
    customer_days: int  # sum over customers of days from first purchase to the period end
    retained: int  # bought again within RETENTION_WINDOW_DAYS of their first purchase
    retention_eligible: int  # first purchase at least RETENTION_WINDOW_DAYS before the end

    @property
    def average_value_minor(self) -> float | None:
        return rate(self.value_minor, self.customers)

    @property
    def retention_rate(self) -> float | None:
        return rate(self.retained, self.retention_eligible)

    @property
    def orders_per_year(self) -> float | None:
        """Purchase frequency: orders per customer-year since each first purchase."""
        years = self.customer_days / 365.0
        return rate(self.orders, years) if years >= 1 / 365 else None


def omnichannel_uplift(omni: ChannelGroup, single: ChannelGroup) -> float | None:
    """How much more an omnichannel customer is worth on average (0.3 = 30 % more)."""
    return change(omni.average_value_minor, single.average_value_minor)


def is_omnichannel(channels: Iterable[str]) -> bool:
    """Bought at the store counter and online (web or phone)."""
    seen = set(channels)
    return "store" in seen and bool(seen & ONLINE_CHANNELS)


# --- The journey funnel ------------------------------------------------------------------

FUNNEL_STEPS = (
    "visits",  # store visits in the period, anonymous visitors included
    "bought_here",  # visits that ended with a purchase at the counter
    "followups_sent",  # follow-ups queued in the period that reached the customer
    "opened",
    "clicked",
    "online_cart",  # follow-ups whose link put something in an online cart
    "online_order",  # online orders credited to the store (last touch within the window)
)
"""Each step counts a subset of the journey of the step before it (visits -> purchases;
follow-ups -> opened -> clicked -> cart -> order), so each has a rate on its predecessor."""

FOLLOWUP_REACHED = {
    "followups_sent": frozenset({"sent", "delivered", "opened", "clicked", "converted"}),
    "opened": frozenset({"opened", "clicked", "converted"}),
    "clicked": frozenset({"clicked", "converted"}),
}
"""A follow-up's status is the furthest it got, so 'opened' counts the clicked ones too."""


DRILLDOWN_FIGURES = (
    "funnel",  # key: a FUNNEL_STEPS step
    "reason",  # key: a no-purchase reason
    "stage",  # key: a lifecycle stage at the period's end
    "associate",  # key: an associate id, or "none" for uncredited purchases
    "in_store_orders",
    "online_orders",
    "attributed_orders",
    "new_customers",
)
"""The dashboard numbers a manager can open to see the visits, follow-ups, orders or
customers behind them (the hub selects them with the conditions that count them)."""


TOUCHPOINTS = ("staff", "product", "price", "delivery", "packaging", "returns")
"""What feedback is about: the whole journey, not only the sale."""


def funnel_rates(counts: Mapping[str, int]) -> dict[str, float | None]:
    """Each step's rate on the step before it; the first step and a follow-up step after
    the visit steps have none (they are different journeys' starts)."""
    rates: dict[str, float | None] = {}
    previous: str | None = None
    for step in FUNNEL_STEPS:
        starts = step in ("visits", "followups_sent")
        rates[step] = (
            None
            if starts or previous is None
            else rate(counts.get(step, 0), counts.get(previous, 0))
        )
        previous = step
    return rates
