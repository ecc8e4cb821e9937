"""The task rules on small hand-made histories (domain.tasks)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from clienteling.domain.followup_templates import TEMPLATE_NAMES
from clienteling.domain.tasks import (
    TEMPLATES,
    AbandonedCart,
    CartLine,
    CustomerHistory,
    Priority,
    TaskKind,
    cart_task,
    done_on_time,
    in_stock,
    lifecycle_task,
    post_purchase_task,
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
