"""What purchases teach: the sizes a customer actually buys, and which products are often
bought together.

Only what the customer kept counts: a returned order teaches nothing, and a line counts
with its quantity less what came back (all channels alike: store, web, phone).

Sizes. A product's size is its variant's size attribute (hub migration 0021); a product
without one (a row from before it, a catalogue that does not fill it) falls back to the
last word of its name ("Veja V-10 42", "Barbour Beaufort M"). Either is read only for the
categories that are worn. The category decides which of the preference kinds
(`preferences.SIZE_KINDS`) it teaches: shoes 42 -> "shoes", a jacket M -> "top". The
size bought most often (by kept pieces) wins; a tie goes to the most recent purchase. A
stated preference always wins over a learned one: the learned size is shown beside it
as "bought: …" when it differs.

Bought together. Two products are bought together when one order holds both (each
order counts once per pair, whatever the quantities). Suggestions for a basket (the
live cart, the products of a visit) are the other products ranked by how many orders
paired them with something in the basket; a pair seen in fewer than
`MIN_ORDERS_TOGETHER` orders is chance, not a pattern.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from clienteling.domain.preferences import SIZE_KINDS

# Product category (lower case) -> the preference size kind it teaches.
SIZE_KIND_OF_CATEGORY: Mapping[str, str] = {
    "shoes": "shoes",
    "sneakers": "shoes",
    "boots": "shoes",
    "jackets": "top",
    "coats": "top",
    "knitwear": "top",
    "shirts": "top",
    "t-shirts": "top",
    "tops": "top",
    "dresses": "top",
    "trousers": "bottom",
    "jeans": "bottom",
    "skirts": "bottom",
    "shorts": "bottom",
}
LETTER_SIZES = ("XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL")
_SHOE_SIZE = re.compile(r"(1[6-9]|[2-4]\d|50)(?:[.,]5|½)?")  # EU 16 to 50, half sizes
_NUMBER_SIZE = re.compile(r"(2[4-9]|[3-5]\d|60)")  # EU/FR clothing 24 to 60, waist in inches

MIN_ORDERS_TOGETHER = 2
RETURNED = "returned"


@dataclass(frozen=True, slots=True)
class PurchasedLine:
    """One order line as the rules need it."""

    product_id: str
    name: str  # the product's name (its variant last)
    category: str
    qty: int
    returned_qty: int
    order_status: str
    placed_at: str  # ISO 8601, UTC: sorts as time
    size: str | None = None  # the product's size attribute, when the catalogue has one


@dataclass(frozen=True, slots=True)
class LearnedSize:
    kind: str  # one of SIZE_KINDS
    size: str
    pieces: int  # kept pieces bought in that size


@dataclass(frozen=True, slots=True)
class SizeLine:
    """One size kind on the profile: what the customer said, and what they bought when
    that differs (or nothing was said)."""

    kind: str
    stated: str | None
    bought: str | None


def kept_qty(qty: int, returned_qty: int, order_status: str) -> int:
    """Pieces the customer kept from a line (0 for an order returned as a whole)."""
    if order_status == RETURNED:
        return 0
    return max(0, qty - max(0, returned_qty))


def size_of(category: str, name: str, size: str | None = None) -> tuple[str, str] | None:
    """(size kind, size) of a worn product: its size attribute when it has one, else the
    last word of its name when that reads as a size; None when not worn or no size (a
    colour, a capacity)."""
    kind = SIZE_KIND_OF_CATEGORY.get(category.strip().lower())
    if kind is None:
        return None
    stated = (size or "").strip()
    if stated:
        if kind == "shoes":
            return kind, stated.replace(",", ".")
        return kind, stated.upper() if stated.upper() in LETTER_SIZES else stated
    words = name.split()
    if not words:
        return None
    last = words[-1]
    if kind == "shoes":
        return (kind, last.replace(",", ".")) if _SHOE_SIZE.fullmatch(last) else None
    if last.upper() in LETTER_SIZES:
        return kind, last.upper()
    return (kind, last) if _NUMBER_SIZE.fullmatch(last) else None


def learned_sizes(lines: Iterable[PurchasedLine]) -> dict[str, LearnedSize]:
    """The size bought most per kind (kept pieces; a tie: the latest bought)."""
    pieces: Counter[tuple[str, str]] = Counter()
    latest: dict[tuple[str, str], str] = {}
    for line in lines:
        kept = kept_qty(line.qty, line.returned_qty, line.order_status)
        found = size_of(line.category, line.name, line.size)
        if kept <= 0 or found is None:
            continue
        pieces[found] += kept
        latest[found] = max(latest.get(found, ""), line.placed_at)
    best: dict[str, LearnedSize] = {}
    for (kind, size), count in sorted(pieces.items()):
        current = best.get(kind)
        if (
            current is None
            or count > current.pieces
            or (count == current.pieces and latest[(kind, size)] > latest[(kind, current.size)])
        ):
            best[kind] = LearnedSize(kind, size, count)
    return best


def size_lines(stated: Mapping[str, str], learned: Mapping[str, LearnedSize]) -> list[SizeLine]:
    """Stated and learned sizes side by side: the stated one wins (it is what the
    customer told us); the learned one shows as "bought" when it differs or nothing
    was stated. The preference kinds first, in their order, then any other stated."""
    kinds = [k for k in SIZE_KINDS if k in stated or k in learned]
    kinds += [k for k in stated if k not in kinds]
    lines = []
    for kind in kinds:
        said = stated.get(kind)
        bought = learned[kind].size if kind in learned else None
        lines.append(SizeLine(kind, said, None if bought == said else bought))
    return lines


def order_pairs(product_ids: Iterable[str]) -> set[tuple[str, str]]:
    """The unordered pairs of distinct products in one order, each as (smaller, larger)."""
    return set(combinations(sorted(set(product_ids)), 2))


def kept_products(order_status: str, lines: Iterable[tuple[str, int, int]]) -> set[str]:
    """The products of one order the customer kept something of; `lines` are
    (product id, qty, returned qty)."""
    return {
        product_id
        for product_id, qty, returned_qty in lines
        if kept_qty(qty, returned_qty, order_status) > 0
    }


def count_pairs(baskets: Iterable[Iterable[str]]) -> Counter[tuple[str, str]]:
    """Orders holding each pair of products, from each order's kept products
    (`kept_products`); an order counts once per pair."""
    counts: Counter[tuple[str, str]] = Counter()
    for basket in baskets:
        counts.update(order_pairs(basket))
    return counts


def suggest_together(
    pair_orders: Iterable[tuple[str, str, int]], basket: Iterable[str], *, limit: int = 5
) -> list[tuple[str, int]]:
    """Products to suggest beside `basket`: (product id, orders) from `pair_orders` rows
    (basket product, other product, orders holding both), summed over the basket, best
    first (a tie: by id, so the list is stable); never a basket product, never a pair
    below MIN_ORDERS_TOGETHER."""
    chosen = set(basket)
    score: Counter[str] = Counter()
    for product, other, orders in pair_orders:
        if product in chosen and other not in chosen and orders >= MIN_ORDERS_TOGETHER:
            score[other] += orders
    ranked = sorted(score.items(), key=lambda item: (-item[1], item[0]))
    return ranked[:limit]
