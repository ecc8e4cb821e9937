"""Sizes learned from purchases and products bought together (domain.learned), on small
hand-made orders."""

from __future__ import annotations

import pytest

from clienteling.domain.learned import (
    MIN_ORDERS_TOGETHER,
    LearnedSize,
    PurchasedLine,
    SizeLine,
    count_pairs,
    kept_products,
    kept_qty,
    learned_sizes,
    size_lines,
    size_of,
    suggest_together,
)


def line(
    product: str,
    name: str = "",
    category: str = "Bags",
    *,
    qty: int = 1,
    returned: int = 0,
    status: str = "delivered",
    at: str = "2026-01-01T10:00:00+00:00",
) -> PurchasedLine:
    return PurchasedLine(product, name or product, category, qty, returned, status, at)


@pytest.mark.parametrize(
    ("category", "name", "found"),
    [
        ("Shoes", "Veja V-10 42", ("shoes", "42")),
        ("Shoes", "Repetto Cendrillon 38,5", ("shoes", "38.5")),
        ("Jackets", "Barbour Beaufort M", ("top", "M")),
        ("Knitwear", "Sézane Pull Gaspard s", ("top", "S")),
        ("Jeans", "Levi's 501 32", ("bottom", "32")),
        ("Shoes", "Veja V-10 Blanc", None),  # a colour, not a size
        ("Shoes", "Veja V-10 420", None),
        ("Laptops", "Apple MacBook Air 13 16 GB", None),  # not worn
        ("Watches", "Apple Watch Series 10 45 mm", None),
        ("Headphones", "Sony WH-1000XM5 M", None),
        ("Shoes", "", None),
    ],
)
def test_size_of_reads_the_variant_of_worn_products(
    category: str, name: str, found: tuple[str, str] | None
) -> None:
    assert size_of(category, name) == found


def test_kept_quantity_leaves_out_returns() -> None:
    assert kept_qty(2, 0, "delivered") == 2
    assert kept_qty(2, 1, "partially_returned") == 1
    assert kept_qty(2, 2, "partially_returned") == 0
    assert kept_qty(1, 0, "returned") == 0  # the whole order came back


def test_the_size_bought_most_wins_returns_excluded_ties_to_the_latest() -> None:
    lines = [
        line("s1", "Veja V-10 42", "Shoes", at="2025-01-01T00:00:00+00:00"),
        line("s2", "Nike Air Max 90 42", "Shoes", at="2025-03-01T00:00:00+00:00"),
        line("s3", "Salomon XT-6 43", "Shoes", qty=2, returned=2, status="partially_returned"),
        line("s4", "Adidas Samba OG 41", "Shoes", status="returned"),
        line("j1", "Barbour Beaufort M", "Jackets", at="2025-02-01T00:00:00+00:00"),
        line("k1", "Maje Cardigan Mailys L", "Knitwear", at="2025-06-01T00:00:00+00:00"),
        line("b1", "Longchamp Le Pliage Noir", "Bags"),
    ]
    assert learned_sizes(lines) == {
        "shoes": LearnedSize("shoes", "42", 2),  # 43 and 41 came back
        "top": LearnedSize("top", "L", 1),  # M and L once each: L is the latest
    }


def test_stated_sizes_win_and_learned_ones_show_beside_them() -> None:
    learned = {
        "shoes": LearnedSize("shoes", "42", 3),
        "top": LearnedSize("top", "M", 1),
        "bottom": LearnedSize("bottom", "40", 1),
    }
    stated = {"top": "M", "shoes": "41", "gloves": "7"}
    assert size_lines(stated, learned) == [
        SizeLine("top", "M", None),  # the same: nothing more to say
        SizeLine("bottom", None, "40"),  # only learned
        SizeLine("shoes", "41", "42"),  # stated wins; bought shown beside it
        SizeLine("gloves", "7", None),
    ]
    assert size_lines({}, {}) == []


def test_pairs_count_orders_not_pieces_and_skip_returned_lines() -> None:
    orders = [
        ("delivered", [("a", 3, 0), ("b", 1, 0), ("c", 1, 0)]),
        ("delivered", [("a", 1, 0), ("b", 1, 0), ("a", 1, 0)]),  # a twice: one pair
        ("partially_returned", [("a", 1, 0), ("c", 1, 1)]),  # c came back: no pair
        ("returned", [("b", 1, 0), ("c", 1, 0)]),  # the whole order came back
        ("delivered", [("d", 1, 0)]),
    ]
    assert kept_products("partially_returned", [("a", 2, 1), ("c", 1, 1)]) == {"a"}
    baskets = [kept_products(status, lines) for status, lines in orders]
    assert count_pairs(baskets) == {("a", "b"): 2, ("a", "c"): 1, ("b", "c"): 1}


def test_suggestions_rank_other_products_over_the_whole_basket() -> None:
    rows = [
        ("a", "x", 3),
        ("b", "x", 2),  # x goes with a and with b: 5
        ("a", "y", 4),
        ("a", "b", 9),  # b is in the basket already
        ("a", "z", MIN_ORDERS_TOGETHER - 1),  # chance
        ("q", "w", 50),  # q is not in the basket
        ("b", "v", 4),  # a tie with y: by id
    ]
    assert suggest_together(rows, ["a", "b"]) == [("x", 5), ("v", 4), ("y", 4)]
    assert suggest_together(rows, ["a", "b"], limit=1) == [("x", 5)]
    assert suggest_together(rows, []) == []


@pytest.mark.parametrize(
    ("category", "name", "size", "found"),
    [
        ("Shoes", "Veja V-10 Blanc", "42", ("shoes", "42")),  # the attribute, not the name
        ("Shoes", "Veja V-10 38", "42", ("shoes", "42")),  # the attribute wins over the name
        ("Shoes", "Repetto Cendrillon", "38,5", ("shoes", "38.5")),
        ("Jackets", "Barbour Beaufort", " m ", ("top", "M")),
        ("Jeans", "Levi's 501", "W32 L34", ("bottom", "W32 L34")),  # any size the shop uses
        ("Headphones", "Sony WH-1000XM5", "M", None),  # not worn: no size kind
        ("Shoes", "Veja V-10 42", "", ("shoes", "42")),  # empty attribute: the name again
        ("Shoes", "Veja V-10 42", None, ("shoes", "42")),  # an old row: the name
    ],
)
def test_the_size_attribute_comes_before_the_name(
    category: str, name: str, size: str | None, found: tuple[str, str] | None
) -> None:
    assert size_of(category, name, size) == found


def test_learned_sizes_use_the_attribute_when_the_name_has_no_size() -> None:
    lines = [
        PurchasedLine("s1", "Veja V-10 Blanc", "Shoes", 1, 0, "delivered", "2025-01-01", "42"),
        PurchasedLine("s2", "Veja V-10 Noir", "Shoes", 1, 0, "delivered", "2025-02-01", None),
    ]
    assert learned_sizes(lines) == {"shoes": LearnedSize("shoes", "42", 1)}
