"""The task rules on small hand-made histories (domain.tasks)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from clienteling.domain.followup_templates import TEMPLATE_NAMES
from clienteling.domain.tasks import (
    TEMPLATES,
    AbandonedCart,
    CartLine,
    CustomerHistory,
    Priority,
    StockWatch,
    TaskKind,
    Wish,
    back_in_stock_task,
    birthday_in,
    birthday_of,
    birthday_task,
    cart_task,
    done_on_time,
    in_stock,
    lifecycle_task,
    next_watch,
    post_purchase_task,
    wish_from_view,
    wish_from_visit,
)

NOW = datetime(2025, 6, 1, 12, tzinfo=UTC)


def days_ago(n: float) -> datetime:
    return NOW - timedelta(days=n)


def history(
    *,
    created: float = 400,
    purchases: int = 0,
    first: float | None = None,
    last: float | None = None,
    tier: str | None = None,
) -> CustomerHistory:
    return CustomerHistory(
        customer_id="c1",
        created_at=days_ago(created),
        purchases=purchases,
        first_purchase_at=None if first is None else days_ago(first),
        last_purchase_at=None if last is None else days_ago(last),
        loyalty_tier=tier,
        associate_id="a1",
    )


def test_a_new_customer_gets_a_welcome_due_in_three_days() -> None:
    plan = lifecycle_task(history(created=1), now=NOW)
    assert plan is not None
    assert plan.kind is TaskKind.WELCOME
    assert plan.template == "welcome"
    assert plan.due_at == days_ago(1) + timedelta(days=3)
    assert plan.dedupe_key == "welcome:c1"
    assert plan.associate_id == "a1"


def test_a_welcome_a_month_late_is_no_welcome() -> None:
    assert lifecycle_task(history(created=31), now=NOW) is None


def test_one_purchase_is_nudged_two_weeks_later_not_before() -> None:
    assert lifecycle_task(history(purchases=1, first=10, last=10), now=NOW) is None
    plan = lifecycle_task(history(purchases=1, first=20, last=20), now=NOW)
    assert plan is not None and plan.kind is TaskKind.SECOND_PURCHASE
    assert plan.template == "second_purchase"
    assert plan.starts_at == days_ago(6)
    assert plan.expires_at == plan.starts_at + timedelta(days=30)


@pytest.mark.parametrize(
    ("tier", "expected"), [("gold", True), ("platinum", True), ("silver", False), (None, False)]
)
def test_vip_thank_you_only_for_a_vip_tier(tier: str | None, expected: bool) -> None:
    plan = lifecycle_task(history(purchases=3, first=300, last=5, tier=tier), now=NOW)
    assert (plan is not None) is expected
    if plan is not None:
        assert plan.kind is TaskKind.VIP_THANKS
        assert plan.template == "vip_thanks"
        assert plan.dedupe_key == f"vip_thanks:c1:{tier}"  # a new tier: a new thank-you


def test_at_risk_after_180_days_with_the_episode_in_the_key() -> None:
    plan = lifecycle_task(history(purchases=2, first=400, last=190), now=NOW)
    assert plan is not None and plan.kind is TaskKind.AT_RISK
    assert plan.priority is Priority.HIGH
    assert plan.template == "win_back"
    assert plan.dedupe_key == f"at_risk:c1:{days_ago(190).date().isoformat()}"
    assert plan.starts_at == days_ago(10)


def test_win_back_after_a_year_and_not_forever() -> None:
    plan = lifecycle_task(history(purchases=2, first=800, last=400), now=NOW)
    assert plan is not None and plan.kind is TaskKind.WIN_BACK
    assert plan.priority is Priority.LOW
    assert lifecycle_task(history(purchases=2, first=900, last=800), now=NOW) is None


def test_a_loyal_customer_without_tier_needs_nothing() -> None:
    assert lifecycle_task(history(purchases=4, first=300, last=3), now=NOW) is None


def test_abandoned_cart_in_stock_here_is_available_today() -> None:
    cart = AbandonedCart(
        cart_id="k1",
        customer_id="c1",
        abandoned_at=NOW - timedelta(hours=2),
        lines=[CartLine("p1", 1), CartLine("p2", 2), CartLine("p1", 1)],
    )
    plan = cart_task(cart, available={"p1": 2, "p2": 2}, now=NOW)
    assert plan is not None
    assert plan.kind is TaskKind.CART_AVAILABLE
    assert plan.template == "cart_available"
    assert plan.priority is Priority.HIGH
    assert plan.product_ids == ("p1", "p2")
    assert plan.subject_id == "k1"
    assert plan.due_at == cart.abandoned_at + timedelta(days=1)
    # Two of p1 wanted, one free: not everything can be taken home today.
    assert cart_task(cart, available={"p1": 1, "p2": 2}, now=NOW) is None


def test_unknown_products_and_empty_carts_are_never_in_stock() -> None:
    assert not in_stock([], {"p1": 5})
    assert not in_stock([CartLine("", 1)], {"": 5})
    assert in_stock([CartLine("p1", 1)], {"p1": 1})


def test_post_purchase_check_in_three_days_after_delivery() -> None:
    plan = post_purchase_task(
        order_id="o1", customer_id="c1", delivered_at=days_ago(1), product_ids=["p1", "", "p1"]
    )
    assert plan.kind is TaskKind.POST_PURCHASE
    assert plan.template == "post_purchase"
    assert plan.starts_at == days_ago(1) + timedelta(days=3)
    assert plan.dedupe_key == "post_purchase:o1"
    assert plan.product_ids == ("p1",)


def test_done_on_time_is_no_later_than_due() -> None:
    assert done_on_time(NOW, NOW)
    assert not done_on_time(NOW, NOW + timedelta(seconds=1))


def test_every_task_kind_preselects_a_template_of_its_own_kind() -> None:
    assert set(TEMPLATES) == set(TaskKind)
    assert set(TEMPLATES.values()) <= set(TEMPLATE_NAMES)
    lifecycle = [
        TEMPLATES[k] for k in (TaskKind.WELCOME, TaskKind.SECOND_PURCHASE, TaskKind.VIP_THANKS)
    ]
    assert lifecycle == ["welcome", "second_purchase", "vip_thanks"]


# --- birthdays -------------------------------------------------------------------------

PARIS = ZoneInfo("Europe/Paris")
SAIGON = ZoneInfo("Asia/Ho_Chi_Minh")


def test_a_birthday_task_starts_seven_days_before_in_the_store_time_zone() -> None:
    now = datetime(2025, 6, 10, 12, tzinfo=UTC)
    plan = birthday_task(customer_id="c1", birthday="--06-14", timezone=PARIS, now=now)
    assert plan is not None and plan.kind is TaskKind.BIRTHDAY
    assert plan.template == "birthday"
    assert plan.dedupe_key == "birthday:c1:2025"
    # Local midnights in Paris (UTC+2 in June): 7 June (starts), the end of 14 June (due),
    # the end of 15 June (a belated wish expires).
    assert plan.starts_at == datetime(2025, 6, 6, 22, tzinfo=UTC)
    assert plan.due_at == datetime(2025, 6, 14, 22, tzinfo=UTC)
    assert plan.expires_at == datetime(2025, 6, 15, 22, tzinfo=UTC)
    # The same moment in Saigon (UTC+7): its own midnights.
    there = birthday_task(customer_id="c1", birthday="1990-06-14", timezone=SAIGON, now=now)
    assert there is not None and there.due_at == datetime(2025, 6, 14, 17, tzinfo=UTC)


def test_no_birthday_task_too_early_or_after_the_day() -> None:
    def plan(now: datetime) -> object:
        return birthday_task(customer_id="c1", birthday="--06-14", timezone=PARIS, now=now)

    assert plan(datetime(2025, 6, 6, 21, 59, tzinfo=UTC)) is None  # 6 June, 23:59 in Paris
    assert plan(datetime(2025, 6, 6, 22, 0, tzinfo=UTC)) is not None
    assert plan(datetime(2025, 6, 15, 21, 59, tzinfo=UTC)) is not None  # belated
    assert plan(datetime(2025, 6, 15, 22, 0, tzinfo=UTC)) is None  # the day after is over


def test_a_january_birthday_is_noticed_in_december_under_next_year() -> None:
    now = datetime(2025, 12, 29, 9, tzinfo=UTC)
    plan = birthday_task(customer_id="c1", birthday="--01-02", timezone=PARIS, now=now)
    assert plan is not None and plan.dedupe_key == "birthday:c1:2026"


def test_29_february_falls_on_the_28th_in_a_common_year() -> None:
    assert birthday_in("--02-29", 2025) == date(2025, 2, 28)
    assert birthday_in("2000-02-29", 2028) == date(2028, 2, 29)
    assert birthday_in("--13-01", 2025) is None and birthday_in("soon", 2025) is None
    assert birthday_of({"dates": {"birthday": "--05-14"}}) == "--05-14"
    assert birthday_of({"dates": {"anniversary": "--05-14"}}) is None
    assert birthday_of({}) is None


# --- back in stock ---------------------------------------------------------------------


def test_what_counts_as_a_wish() -> None:
    assert wish_from_visit(outcome="left_without_buying", reason="size_colour_missing")
    assert not wish_from_visit(outcome="left_without_buying", reason="price")
    assert not wish_from_visit(outcome="bought_here", reason=None)
    assert wish_from_view(online_available=0) and not wish_from_view(online_available=3)


def test_the_watch_needs_a_zero_before_it_is_back() -> None:
    assert next_watch(StockWatch.IN_STOCK, 5) is StockWatch.IN_STOCK  # there all along
    assert next_watch(StockWatch.IN_STOCK, 0) is StockWatch.EMPTY
    assert next_watch(StockWatch.EMPTY, 0) is StockWatch.EMPTY
    assert next_watch(StockWatch.EMPTY, 1) is StockWatch.BACK
    assert next_watch(StockWatch.BACK, 2) is StockWatch.BACK
    assert next_watch(StockWatch.BACK, 0) is StockWatch.EMPTY  # gone again


def wish(**overrides: object) -> Wish:
    values: dict[str, object] = {
        "wish_id": "c1:p1",
        "customer_id": "c1",
        "product_id": "p1",
        "wished_at": days_ago(20),
        "watch": StockWatch.BACK,
        "back_at": days_ago(1),
        "bought_since": False,
        **overrides,
    }
    return Wish(**values)  # type: ignore[arg-type]


def test_back_in_stock_once_per_return_until_bought() -> None:
    plan = back_in_stock_task(wish(), available=2, now=NOW)
    assert plan is not None and plan.kind is TaskKind.BACK_IN_STOCK
    assert plan.template == "back_in_stock"
    assert plan.product_ids == ("p1",)
    assert plan.starts_at == days_ago(1)
    assert plan.dedupe_key == f"back_in_stock:c1:p1:{days_ago(1).isoformat()}"
    assert back_in_stock_task(wish(bought_since=True), available=2, now=NOW) is None
    assert back_in_stock_task(wish(), available=0, now=NOW) is None
    assert (
        back_in_stock_task(wish(watch=StockWatch.EMPTY, back_at=None), available=2, now=NOW) is None
    )
    # Back after the wish was too old to matter.
    late = wish(wished_at=days_ago(200), back_at=days_ago(1))
    assert back_in_stock_task(late, available=2, now=NOW) is None
