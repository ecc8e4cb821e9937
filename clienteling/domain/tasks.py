"""Tasks for a store: the rules that turn a customer's history into "what to do next".

Each rule is written once here, for the hub (which generates tasks) and the tests:

welcome           acquisition: a new customer, within `WELCOME_WINDOW` of joining
second_purchase   trial: one purchase, nudged `SECOND_PURCHASE_AFTER` later
vip_thanks        loyalty with a VIP tier (gold, platinum), right after a purchase:
                  once per tier
at_risk           retention: nothing bought for `lifecycle.AT_RISK_DAYS`: a check-in
win_back          recovery: nothing bought for `lifecycle.LAPSED_DAYS`
cart_available    an online cart abandoned whose items are all in stock at the home
                  store: "available here today, no shipping" (DESIGN.md, journey 2)
post_purchase     `POST_PURCHASE_AFTER` after a delivery: "how was delivery and
                  packaging?" (journey 5)
birthday          `BIRTHDAY_NOTICE_DAYS` before the birthday in the customer's
                  preferences (`domain.preferences`), in the store's time zone, due by the
                  end of the day; once a year
back_in_stock     a wished product (see `wish_from_visit`, `wish_from_view`) whose free
                  stock at the home store went from 0 to more than 0; closed when the
                  customer buys it (or it is gone again)

Every task has a window: it starts (shown), is due, and expires (closed unseen: a
welcome months late is no welcome). A rule whose task would already have expired gives
nothing. The dedupe key names the reason (and, where a reason can come back, the
episode: at risk after *this* last purchase), so generating twice never makes two tasks.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import IntEnum, StrEnum

from clienteling.domain.lifecycle import AT_RISK_DAYS, LAPSED_DAYS, Stage, stage_from_summary
from clienteling.domain.preferences import BIRTHDAY


class TaskKind(StrEnum):
    WELCOME = "welcome"
    SECOND_PURCHASE = "second_purchase"
    VIP_THANKS = "vip_thanks"
    AT_RISK = "at_risk"
    WIN_BACK = "win_back"
    BIRTHDAY = "birthday"
    BACK_IN_STOCK = "back_in_stock"
    CART_AVAILABLE = "cart_available"
    POST_PURCHASE = "post_purchase"


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"  # an associate did it (with an optional outcome note)
    CLOSED = "closed"  # the reason went away (the customer bought, the cart was ordered)
    EXPIRED = "expired"  # nobody did it in time


class Priority(IntEnum):
    """Lower sorts first."""

    HIGH = 1
    NORMAL = 2
    LOW = 3


# Kinds whose reason is a state the hub can re-check: an open task whose rule no longer
# holds is closed. A post-purchase check-in stays until done or expired.
STATE_KINDS = frozenset(
    {
        TaskKind.WELCOME,
        TaskKind.SECOND_PURCHASE,
        TaskKind.VIP_THANKS,
        TaskKind.AT_RISK,
        TaskKind.WIN_BACK,
        TaskKind.BIRTHDAY,
        TaskKind.BACK_IN_STOCK,
        TaskKind.CART_AVAILABLE,
    }
)

# The follow-up the composer preselects (names of `domain.followup_templates`).
TEMPLATES: Mapping[TaskKind, str] = {
    TaskKind.WELCOME: "welcome",
    TaskKind.SECOND_PURCHASE: "second_purchase",
    TaskKind.VIP_THANKS: "vip_thanks",
    TaskKind.AT_RISK: "win_back",
    TaskKind.WIN_BACK: "win_back",
    TaskKind.BIRTHDAY: "birthday",
    TaskKind.BACK_IN_STOCK: "back_in_stock",
    TaskKind.CART_AVAILABLE: "cart_available",
    TaskKind.POST_PURCHASE: "post_purchase",
}

VIP_TIERS = frozenset({"gold", "platinum"})

WELCOME_WINDOW = timedelta(days=30)
WELCOME_DUE = timedelta(days=3)
SECOND_PURCHASE_AFTER = timedelta(days=14)
SECOND_PURCHASE_DUE = timedelta(days=7)
SECOND_PURCHASE_WINDOW = timedelta(days=30)
VIP_DUE = timedelta(days=3)
VIP_WINDOW = timedelta(days=14)
AT_RISK_DUE = timedelta(days=14)
AT_RISK_WINDOW = timedelta(days=45)
WIN_BACK_DUE = timedelta(days=30)
WIN_BACK_WINDOW = timedelta(days=45)
CART_DUE = timedelta(days=1)
CART_WINDOW = timedelta(days=7)
POST_PURCHASE_AFTER = timedelta(days=3)
POST_PURCHASE_DUE = timedelta(days=4)
POST_PURCHASE_WINDOW = timedelta(days=21)


@dataclass(frozen=True, slots=True)
class TaskPlan:
    """A task a rule asks for; the hub stores it once per `dedupe_key`."""

    kind: TaskKind
    customer_id: str
    dedupe_key: str
    priority: Priority
    template: str
    starts_at: datetime
    due_at: datetime
    expires_at: datetime
    subject_id: str | None = None  # the cart or order the task is about
    product_ids: tuple[str, ...] = ()
    associate_id: str | None = None  # None: for the whole store


@dataclass(frozen=True, slots=True)
class CustomerHistory:
    """What the lifecycle rules read: purchases are kept orders (returns excluded)."""

    customer_id: str
    created_at: datetime
    purchases: int
    first_purchase_at: datetime | None
    last_purchase_at: datetime | None
    loyalty_tier: str | None = None
    associate_id: str | None = None  # who served the customer last, if known


@dataclass(frozen=True, slots=True)
class CartLine:
    product_id: str  # "" when the shop's SKU is not in our catalogue
    qty: int


@dataclass(frozen=True, slots=True)
class AbandonedCart:
    cart_id: str
    customer_id: str
    abandoned_at: datetime
    lines: Sequence[CartLine]


def _plan(
    kind: TaskKind,
    *,
    customer_id: str,
    key: str,
    priority: Priority,
    starts: datetime,
    due: timedelta,
    window: timedelta,
    now: datetime,
    subject_id: str | None = None,
    product_ids: Sequence[str] = (),
    associate_id: str | None = None,
) -> TaskPlan | None:
    """The task, unless it has not started yet or would already have expired."""
    expires = starts + window
    if now < starts or now >= expires:
        return None
    return TaskPlan(
        kind=kind,
        customer_id=customer_id,
        dedupe_key=key,
        priority=priority,
        template=TEMPLATES[kind],
        starts_at=starts,
        due_at=starts + due,
        expires_at=expires,
        subject_id=subject_id,
        product_ids=tuple(product_ids),
        associate_id=associate_id,
    )


def lifecycle_task(history: CustomerHistory, *, now: datetime) -> TaskPlan | None:
    """The one task the customer's lifecycle stage asks for now, if any."""
    h = history
    stage = stage_from_summary(h.purchases, h.last_purchase_at, now=now)

    def plan(
        kind: TaskKind,
        *,
        key: str,
        priority: Priority,
        starts: datetime,
        due: timedelta,
        window: timedelta,
    ) -> TaskPlan | None:
        return _plan(
            kind,
            customer_id=h.customer_id,
            key=key,
            priority=priority,
            starts=starts,
            due=due,
            window=window,
            now=now,
            associate_id=h.associate_id,
        )

    if stage is Stage.ACQUISITION:
        return plan(
            TaskKind.WELCOME,
            key=f"welcome:{h.customer_id}",
            priority=Priority.NORMAL,
            starts=h.created_at,
            due=WELCOME_DUE,
            window=WELCOME_WINDOW,
        )
    assert h.last_purchase_at is not None  # every other stage has purchases
    if stage is Stage.TRIAL:
        first = h.first_purchase_at or h.last_purchase_at
        return plan(
            TaskKind.SECOND_PURCHASE,
            key=f"second_purchase:{h.customer_id}",
            priority=Priority.NORMAL,
            starts=first + SECOND_PURCHASE_AFTER,
            due=SECOND_PURCHASE_DUE,
            window=SECOND_PURCHASE_WINDOW,
        )
    if stage is Stage.LOYALTY:
        tier = (h.loyalty_tier or "").lower()
        if tier not in VIP_TIERS:
            return None
        return plan(
            TaskKind.VIP_THANKS,
            key=f"vip_thanks:{h.customer_id}:{tier}",
            priority=Priority.NORMAL,
            starts=h.last_purchase_at,
            due=VIP_DUE,
            window=VIP_WINDOW,
        )
    episode = h.last_purchase_at.date().isoformat()
    if stage is Stage.RETENTION:
        return plan(
            TaskKind.AT_RISK,
            key=f"at_risk:{h.customer_id}:{episode}",
            priority=Priority.HIGH,
            starts=h.last_purchase_at + timedelta(days=AT_RISK_DAYS),
            due=AT_RISK_DUE,
            window=AT_RISK_WINDOW,
        )
    return plan(
        TaskKind.WIN_BACK,
        key=f"win_back:{h.customer_id}:{episode}",
        priority=Priority.LOW,
        starts=h.last_purchase_at + timedelta(days=LAPSED_DAYS),
        due=WIN_BACK_DUE,
        window=WIN_BACK_WINDOW,
    )


def in_stock(lines: Sequence[CartLine], available: Mapping[str, int]) -> bool:
    """Every line can be taken home today: a known product with enough free stock."""
    wanted: dict[str, int] = {}
    for line in lines:
        if not line.product_id or line.qty <= 0:
            return False
        wanted[line.product_id] = wanted.get(line.product_id, 0) + line.qty
    return bool(wanted) and all(available.get(pid, 0) >= qty for pid, qty in wanted.items())


def cart_task(
    cart: AbandonedCart, *, available: Mapping[str, int], now: datetime
) -> TaskPlan | None:
    """Journey 2: an abandoned cart whose items are all free stock at the home store
    (`available`: product id -> on hand minus reserved there)."""
    if not in_stock(cart.lines, available):
        return None
    return _plan(
        TaskKind.CART_AVAILABLE,
        customer_id=cart.customer_id,
        key=f"cart_available:{cart.cart_id}",
        priority=Priority.HIGH,
        starts=cart.abandoned_at,
        due=CART_DUE,
        window=CART_WINDOW,
        now=now,
        subject_id=cart.cart_id,
        product_ids=list(dict.fromkeys(line.product_id for line in cart.lines)),
    )


def post_purchase_task(
    *,
    order_id: str,
    customer_id: str,
    delivered_at: datetime,
    product_ids: Sequence[str] = (),
    associate_id: str | None = None,
) -> TaskPlan:
    """Journey 5: "how was delivery and packaging?" `POST_PURCHASE_AFTER` after delivery.
    Made when the delivery is known, so it starts later (shown from `starts_at`)."""
    starts = delivered_at + POST_PURCHASE_AFTER
    return TaskPlan(
        kind=TaskKind.POST_PURCHASE,
        customer_id=customer_id,
        dedupe_key=f"post_purchase:{order_id}",
        priority=Priority.NORMAL,
        template=TEMPLATES[TaskKind.POST_PURCHASE],
        starts_at=starts,
        due_at=starts + POST_PURCHASE_DUE,
        expires_at=starts + POST_PURCHASE_WINDOW,
        subject_id=order_id,
        product_ids=tuple(dict.fromkeys(p for p in product_ids if p)),
        associate_id=associate_id,
    )


def is_overdue(due_at: datetime, *, now: datetime) -> bool:
    return now > due_at


def done_on_time(due_at: datetime, done_at: datetime) -> bool:
    """The manager's "done on time": done no later than the due time."""
    return done_at <= due_at


# --- birthdays ------------------------------------------------------------------------

BIRTHDAY_NOTICE_DAYS = 7  # the task shows this many days before the birthday
BIRTHDAY_BELATED = timedelta(days=1)  # after the day, still open this long (overdue)
_MONTH_DAY = re.compile(r"(?:^\d{4}|^-)-(\d{2})-(\d{2})$")  # "1990-05-14", "--05-14"


def birthday_of(preferences: Mapping[str, object]) -> str | None:
    """The birthday stored in the preferences ("1990-05-14" or "--05-14"), if any."""
    dates = preferences.get("dates")
    value = dates.get(BIRTHDAY) if isinstance(dates, Mapping) else None
    return value if isinstance(value, str) and value else None


def birthday_in(value: str, year: int) -> date | None:
    """The birthday `value` falls on in `year` (29 February: the 28th in a common year);
    None when the value is not a stored date."""
    match = _MONTH_DAY.search(value)
    if match is None:
        return None
    month, day = int(match[1]), int(match[2])
    if (month, day) == (2, 29) and not calendar.isleap(year):
        day = 28
    try:
        return date(year, month, day)
    except ValueError:
        return None


def birthday_task(
    *,
    customer_id: str,
    birthday: str,
    timezone: tzinfo,
    now: datetime,
    associate_id: str | None = None,
) -> TaskPlan | None:
    """The birthday wish, from `BIRTHDAY_NOTICE_DAYS` before the day (store's local
    midnight); due by the end of the birthday, expired a day later (a belated wish still
    counts the next day, not after). One per customer and year: the year the birthday
    falls in names the task (a birthday on 2 January is noticed in late December under
    next year's key)."""
    today = now.astimezone(timezone).date()
    for year in (today.year, today.year + 1):
        day = birthday_in(birthday, year)
        if day is None:
            return None

        def local(d: date) -> datetime:
            return datetime.combine(d, time.min, tzinfo=timezone).astimezone(UTC)

        starts = local(day - timedelta(days=BIRTHDAY_NOTICE_DAYS))
        plan = _plan(
            TaskKind.BIRTHDAY,
            customer_id=customer_id,
            key=f"birthday:{customer_id}:{year}",
            priority=Priority.NORMAL,
            starts=starts,
            due=local(day + timedelta(days=1)) - starts,
            window=local(day + timedelta(days=1) + BIRTHDAY_BELATED) - starts,
            now=now,
            associate_id=associate_id,
        )
        if plan is not None:
            return plan
    return None


# --- back in stock for a wished item --------------------------------------------------
#
# A wish: the customer wanted a product and could not have it. Either a store visit
# logged as "size/colour missing" naming the product (`wish_from_visit`), or a product
# viewed online while it was sold out online (`wish_from_view`). The hub watches the
# product's free stock at the customer's home store for `WISH_WINDOW`: seen at 0 the
# watch is "empty"; seen above 0 after that it is "back", and the store gets a task.
# Stock that was there all along is not "back in stock" (the watch waits for a 0 first).

WISH_REASONS = frozenset({"size_colour_missing"})
WISH_WINDOW = timedelta(days=90)
BACK_IN_STOCK_DUE = timedelta(days=2)
BACK_IN_STOCK_WINDOW = timedelta(days=14)


class StockWatch(StrEnum):
    IN_STOCK = "in_stock"  # never seen at 0 since the wish
    EMPTY = "empty"
    BACK = "back"


def wish_from_visit(*, outcome: str, reason: str | None) -> bool:
    """A visit whose products are wished: the customer left because the size or colour
    was missing."""
    return outcome != "bought_here" and reason in WISH_REASONS


def wish_from_view(*, online_available: int) -> bool:
    """A product view that is a wish: the product could not be bought online then."""
    return online_available <= 0


def next_watch(state: StockWatch, available: int) -> StockWatch:
    """The watch after seeing `available` free units at the home store."""
    if available <= 0:
        return StockWatch.EMPTY
    if state is StockWatch.EMPTY:
        return StockWatch.BACK
    return state


@dataclass(frozen=True, slots=True)
class Wish:
    wish_id: str
    customer_id: str
    product_id: str
    wished_at: datetime
    watch: StockWatch
    back_at: datetime | None  # when the watch last became BACK
    bought_since: bool  # a kept order with the product placed after `wished_at`


def back_in_stock_task(wish: Wish, *, available: int, now: datetime) -> TaskPlan | None:
    """The wished product is back at the home store: tell the customer (once per return
    of the stock), unless they bought it or it is gone again."""
    if wish.watch is not StockWatch.BACK or wish.back_at is None:
        return None
    if wish.bought_since or available <= 0 or wish.back_at >= wish.wished_at + WISH_WINDOW:
        return None
    return _plan(
        TaskKind.BACK_IN_STOCK,
        customer_id=wish.customer_id,
        key=f"back_in_stock:{wish.wish_id}:{wish.back_at.isoformat()}",
        priority=Priority.NORMAL,
        starts=wish.back_at,
        due=BACK_IN_STOCK_DUE,
        window=BACK_IN_STOCK_WINDOW,
        now=now,
        product_ids=[wish.product_id],
    )
