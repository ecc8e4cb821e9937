"""The internal events every source is mapped to (what `apply` knows how to write)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

from clienteling.domain.money import exponent
from clienteling.hub.clock import iso


class BadEventError(ValueError):
    """The event cannot be understood; the message says what is wrong (no customer data)."""


@dataclass(frozen=True, slots=True)
class CustomerRef:
    """Who the shop says the event is about; any field may be missing."""

    external_id: str | None = None
    email: str | None = None
    given_name: str = ""
    family_name: str = ""
    phone: str | None = None
    language: str | None = None

    @property
    def known(self) -> bool:
        return bool(self.external_id or self.email)


@dataclass(frozen=True, slots=True)
class Line:
    sku: str
    name: str
    qty: int
    unit_price_minor: int


CartKind = Literal["cart.updated", "checkout.started", "checkout.abandoned"]
OrderKind = Literal["order.placed", "order.fulfilled", "order.delivered", "order.returned"]


@dataclass(frozen=True, slots=True)
class CartEvent:
    kind: CartKind
    occurred_at: str
    cart_key: str
    other_keys: tuple[str, ...] = ()  # e.g. Shopify's checkout token: the same cart
    customer: CustomerRef | None = None
    currency: str | None = None
    lines: list[Line] | None = None  # None: unchanged
    step: str | None = None


@dataclass(frozen=True, slots=True)
class OrderEvent:
    kind: OrderKind
    occurred_at: str
    order_key: str
    customer: CustomerRef | None = None
    placed_at: str | None = None
    currency: str | None = None
    lines: list[Line] | None = None
    total_minor: int | None = None
    cart_keys: tuple[str, ...] = ()
    # Discount codes the order used; ours (single-use offers, `hub.offers`) are redeemed
    # for the order and recorded on it, others are ignored.
    offer_codes: tuple[str, ...] = ()
    # order.returned: returned quantity by SKU (added to what was returned before);
    # None means the whole order.
    returned: dict[str, int] | None = field(default=None)


@dataclass(frozen=True, slots=True)
class CustomerEvent:
    kind: Literal["customer.created", "customer.updated"]
    occurred_at: str
    customer: CustomerRef


@dataclass(frozen=True, slots=True)
class ProductViewEvent:
    occurred_at: str
    sku: str
    customer: CustomerRef | None = None


@dataclass(frozen=True, slots=True)
class Incoming:
    """Units on their way to a location and the day they are expected (YYYY-MM-DD, the
    location's calendar day; None: not said). `units` 0 means nothing is on its way."""

    units: int
    on: str | None = None


@dataclass(frozen=True, slots=True)
class StockEvent:
    """The stock feed: the units on hand of one product at one location (absolute), and
    what is on its way there when the feed says (None: unchanged)."""

    occurred_at: str
    sku: str
    location_id: str
    on_hand: int
    incoming: Incoming | None = None


@dataclass(frozen=True, slots=True)
class Variant:
    """One variant of a shop product: one product (SKU) of ours."""

    key: str  # the shop's variant id
    sku: str
    name: str
    barcode: str
    price: str  # a decimal amount in the shop's currency, as the shop sends it
    inventory_item: str | None = None  # the shop's id of the variant's stock
    size: str | None = None
    colour: str | None = None


@dataclass(frozen=True, slots=True)
class CatalogEvent:
    """The shop's product with all its variants (created or updated), or its deletion
    (`variants` empty): our products are the variants."""

    kind: Literal["product.updated", "product.deleted"]
    occurred_at: str
    product_key: str
    brand: str = ""
    category: str = ""
    variants: tuple[Variant, ...] = ()
    # Whether the shop offers it: True (Shopify `status` active or unlisted), False
    # (draft, archived), None (the payload says nothing we know: as it was).
    offered: bool | None = None


@dataclass(frozen=True, slots=True)
class ShopStockEvent:
    """A stock level named by the shop's own ids (Shopify's inventory item and location),
    mapped to our product and location when applied; absolute, newest wins."""

    occurred_at: str
    inventory_item: str
    shop_location: str
    available: int | None  # None: the shop does not track this item's stock here


Event = (
    CartEvent
    | OrderEvent
    | CustomerEvent
    | ProductViewEvent
    | StockEvent
    | CatalogEvent
    | ShopStockEvent
)


def parse_time(value: object, what: str) -> str:
    """An ISO 8601 time with an offset ("Z" too) -> our UTC wire form."""
    if not isinstance(value, str) or not value.strip():
        raise BadEventError(f"{what} must be an ISO 8601 time")
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise BadEventError(f"{what} is not an ISO 8601 time") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return iso(moment)


def to_minor(amount: object, currency: str, what: str) -> int:
    """A decimal amount ("199.90", as Shopify sends prices) -> integer minor units."""
    if isinstance(amount, bool) or not isinstance(amount, str | int | float):
        raise BadEventError(f"{what} must be a decimal amount")
    try:
        value = Decimal(str(amount).strip())
    except InvalidOperation as exc:
        raise BadEventError(f"{what} is not a decimal amount") from exc
    if not value.is_finite():
        raise BadEventError(f"{what} is not a decimal amount")
    scaled = (value * (10 ** exponent(currency))).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(scaled)


def currency_code(value: object, what: str = "currency") -> str:
    if not isinstance(value, str) or len(value.strip()) != 3 or not value.strip().isalpha():
        raise BadEventError(f"{what} must be an ISO 4217 code such as EUR")
    return value.strip().upper()
