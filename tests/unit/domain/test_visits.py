"""The visit rules shared by terminal and hub: who must say why, and what stays out."""

from __future__ import annotations

import pytest

from clienteling.domain.visits import (
    MAX_PRODUCTS,
    OUTCOMES,
    REASONS,
    VisitRuleError,
    check_visit,
    is_purchase,
)


def test_vocabularies() -> None:
    assert OUTCOMES == ("bought_here", "will_buy_online", "will_come_back", "left_without_buying")
    assert "other" in REASONS and "price" in REASONS
    assert is_purchase("bought_here") and not is_purchase("will_buy_online")


def test_a_buyer_needs_no_reason_and_keeps_no_text() -> None:
    assert check_visit(
        outcome="bought_here", reason=None, reason_text="ignored", product_ids=["p1"]
    ) == ("bought_here", None, "")


@pytest.mark.parametrize("outcome", ["will_buy_online", "will_come_back", "left_without_buying"])
def test_every_non_buyer_says_why(outcome: str) -> None:
    with pytest.raises(VisitRuleError, match="why"):
        check_visit(outcome=outcome, reason=None, reason_text="", product_ids=[])
    assert check_visit(outcome=outcome, reason="price", reason_text="x", product_ids=[]) == (
        outcome,
        "price",
        "",
    )


def test_other_needs_words_squeezed_to_one_line() -> None:
    with pytest.raises(VisitRuleError, match="describe"):
        check_visit(outcome="will_come_back", reason="other", reason_text=" \n ", product_ids=[])
    assert check_visit(
        outcome="will_come_back", reason="other", reason_text="  Attend  sa\npaie ", product_ids=[]
    ) == ("will_come_back", "other", "Attend sa paie")


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"outcome": "sold"}, "unknown visit outcome"),
        ({"reason": "weather"}, "unknown reason"),
        ({"outcome": "bought_here", "reason": "price"}, "no reason"),
        ({"product_ids": ["p1", "p1"]}, "twice"),
        ({"product_ids": [f"p{i}" for i in range(MAX_PRODUCTS + 1)]}, "at most"),
        ({"reason": "other", "reason_text": "x" * 501}, "longer"),
    ],
)
def test_broken_visits_are_refused(kwargs: dict[str, object], words: str) -> None:
    args: dict[str, object] = {
        "outcome": "left_without_buying",
        "reason": "price",
        "reason_text": "",
        "product_ids": [],
    } | kwargs
    with pytest.raises(VisitRuleError, match=words):
        check_visit(**args)  # type: ignore[arg-type]
