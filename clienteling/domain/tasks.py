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

Every task has a window: it starts (shown), is due, and expires (closed unseen: a
welcome months late is no welcome). A rule whose task would already have expired gives
nothing. The dedupe key names the reason (and, where a reason can come back, the
episode: at risk after *this* last purchase), so generating twice never makes two tasks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import IntEnum, StrEnum

from clienteling.domain.lifecycle import AT_RISK_DAYS, LAPSED_DAYS, Stage, stage_from_summary


class TaskKind(StrEnum):
    WELCOME = "welcome"
    SECOND_PURCHASE = "second_purchase"
    VIP_THANKS = "vip_thanks"
    AT_RISK = "at_risk"
    WIN_BACK = "win_back"
    CART_AVAILABLE = "cart_available"
    POST_PURCHASE = "post_purchase"


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"  # an associate did it (with an optional outcome note)
    CLOSED = "closed"  # the reason went away (the customer bought, the cart was ordered)
    EXPIRED = "expired"  # nobody did it in time
    DISMISSED = "dismissed"  # an associate set it aside, with a `DismissReason`


class DismissReason(StrEnum):
    """Why an associate dismissed a task (the fixed list the task list offers)."""

    NOT_RELEVANT = "not_relevant"
    UNREACHABLE = "customer_unreachable"
    DO_NOT_CONTACT = "do_not_contact"  # the customer asked not to be contacted
    OTHER = "other"  # with a text


MAX_DISMISS_TEXT = 500


def dismiss_problem(reason: str, text: str) -> str | None:
    """Why a dismissal cannot be recorded (English), or None. "Other" needs a text."""
    if reason not in {r.value for r in DismissReason}:
        return "unknown dismiss reason"
    if len(text) > MAX_DISMISS_TEXT:
        return f"the dismiss text is too long (at most {MAX_DISMISS_TEXT})"
    if reason == DismissReason.OTHER and not text.strip():
        return "say why the task is dismissed"
    return None


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
        TaskKind.CART_AVAILABLE,
    }
)

# The follow-up the composer preselects (names of `domain.followup_templates`).
TEMPLATES: Mapping[TaskKind, str] = {
    TaskKind.WELCOME: "thank_you",
    TaskKind.SECOND_PURCHASE: "thank_you",
    TaskKind.VIP_THANKS: "thank_you",
    TaskKind.AT_RISK: "win_back",
    TaskKind.WIN_BACK: "win_back",
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
