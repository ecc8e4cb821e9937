"""Shopify's webhooks exactly as Shopify sends them, mapped to our internal events.

Headers: `X-Shopify-Topic`, `X-Shopify-Hmac-Sha256` (base64 HMAC-SHA256 of the raw body
with the app's secret), `X-Shopify-Webhook-Id` (the same on every retry of a delivery:
our idempotency key; `X-Shopify-Event-Id` is used when it is missing).

Topics and what they become:

- carts/create, carts/update -> cart.updated (key: the cart `token`). Shopify's cart
  payload carries no customer; the cart waits until a checkout names one.
- checkouts/create, checkouts/update -> checkout.started on the checkout's `cart_token`
  (the checkout `token` is linked to the same cart). The step is read from the payload:
  shipping lines chosen -> "payment"; an email or a shipping address -> "shipping";
  otherwise "contact". Shopify sends no "abandoned" webhook: an abandoned checkout is one
  whose step stops moving, which `hub.ingest.abandon` notices (after
  `checkout_abandon_after_minutes`) and turns into our `checkout.abandoned`.
- orders/create -> order.placed (order.fulfilled when it arrives already fulfilled, as
  point-of-sale orders do); its `cart_token` and `checkout_token` mark the cart ordered.
- orders/fulfilled -> order.fulfilled (the payload is the whole order, so an order whose
  orders/create was lost is still created).
- refunds/create -> order.returned with the refunded quantities by SKU; a refund of money
  only (no refund_line_items) changes nothing.
- customers/create, customers/update -> customer.created / customer.updated.
- products/create, products/update -> the catalog: each variant is one product of ours
  (`sku`, else "shopify-variant-<id>" as in order lines), matched by the variant id once
  seen, else by SKU (a catalog loaded before keeps its ids), else created (in the default
  store's currency: product payloads name none). Name = title + variant title, brand =
  vendor, category = product_type, `barcode`, one `price` for every channel, and size /
  colour from the option whose name says so (Size, Taille, Размер, Color, Couleur, ...).
  The variant's `inventory_item_id` is remembered for inventory_levels/update. A variant
  that left the product is retired like a deleted product. The product's `status` (REST
  Admin API 2020-10 and later) says whether its variants are offered (`hub.listing`):
  `active` yes; `draft` and `archived` no (rows, stock and history kept, out of the
  terminals' catalog and not addable online); `unlisted` (2025-10 and later: active, only
  reachable by a direct link) yes, as associates and follow-up links are direct. A
  payload without `status` (older API versions) or with one we do not know leaves it as
  it was; the unknown value is logged.
- products/delete -> the product's variants are retired: their stock becomes 0 at every
  location (through the stock path), they are no longer offered, the shop's ids are
  forgotten, and the product rows stay, so carts, orders, holds and wishes that name them
  keep working.
- inventory_levels/update -> the stock level of the inventory item's product at our
  location mapped from the Shopify `location_id` (setting `shopify_locations`); an unknown
  location is acknowledged as ignored and logged; the level of an item no products/*
  webhook named yet is kept until one does (`catalog`). `available` becomes the units on
  hand (our holds stay reserved on top); a level older than the newest applied (by
  `updated_at`) is ignored. The webhook carries no incoming quantity (that is an Admin
  API inventory state, not in this payload): what is on its way stays as the generic
  `inventory.updated` feed last said.

Any other topic is acknowledged (200) and logged. Prices are decimal strings in the
order's currency and become integer minor units.
"""

from __future__ import annotations

import logging
from typing import Any

from clienteling.hub.clock import iso, utc_now
from clienteling.hub.ingest.events import (
    BadEventError,
    CartEvent,
    CatalogEvent,
    CustomerEvent,
    CustomerRef,
    Event,
    Line,
    OrderEvent,
    ShopStockEvent,
    Variant,
    currency_code,
    parse_time,
    to_minor,
)
from clienteling.hub.ingest.generic import items, mapping, text

TOPICS = (
    "carts/create",
    "carts/update",
    "checkouts/create",
    "checkouts/update",
    "orders/create",
    "orders/fulfilled",
    "refunds/create",
    "customers/create",
    "customers/update",
    "products/create",
    "products/update",
    "products/delete",
    "inventory_levels/update",
)

# Option names (lower case) that carry a variant's size or colour, in our languages and
# the shop's usual ones.
_SIZE_OPTIONS = {"size", "sizes", "taille", "pointure", "größe", "grösse", "talla", "taglia"}
_SIZE_OPTIONS |= {"размер", "kích thước", "kich thuoc", "cỡ", "kích cỡ", "shoe size"}
_COLOUR_OPTIONS = {"color", "colour", "colors", "colours", "couleur", "farbe", "colore"}
_COLOUR_OPTIONS |= {"цвет", "màu", "màu sắc", "mau"}
_NO_VARIANT_TITLE = "Default Title"

log = logging.getLogger(__name__)

# A product's `status` -> offered (`CatalogEvent.offered`).
_OFFERED = {"active": True, "unlisted": True, "draft": False, "archived": False}

# Prices of carts (whose payload names no currency) are read in this currency's units.
_CART_CURRENCY_FALLBACK = "EUR"


def _sku(item: dict[str, Any]) -> str:
    sku = text(item, "sku", limit=64)
    if sku:
        return sku
    variant = text(item, "variant_id")
    if variant:
        return f"shopify-variant-{variant}"[:64]
    raise BadEventError("a line item has neither sku nor variant_id")


def _lines(payload: dict[str, Any], currency: str) -> list[Line]:
    lines = []
    for item in items(payload.get("line_items") or [], "line_items"):
        qty = item.get("quantity")
        if isinstance(qty, bool) or not isinstance(qty, int) or qty < 0:
            raise BadEventError("line_items[].quantity must be a whole number")
        lines.append(
            Line(
                sku=_sku(item),
                name=text(item, "name", limit=300) or text(item, "title", limit=300),
                qty=qty,
                unit_price_minor=to_minor(item.get("price", "0"), currency, "line_items[].price"),
            )
        )
    return lines


def _language(locale: object) -> str | None:
    if isinstance(locale, str) and locale:
        return locale.split("-")[0].lower()[:8]
    return None


def _customer(payload: dict[str, Any], *, whole: bool = False) -> CustomerRef | None:
    """The customer of an order or checkout (`whole`: the payload *is* the customer)."""
    obj = payload if whole else mapping(payload.get("customer") or {}, "customer")
    address = obj.get("default_address")
    phone = text(obj, "phone", limit=40) or (
        text(address, "phone", limit=40) if isinstance(address, dict) else ""
    )
    ref = CustomerRef(
        external_id=text(obj, "id") or None,
        email=text(obj, "email", limit=320)
        or (None if whole else text(payload, "email", limit=320) or None),
        given_name=text(obj, "first_name", limit=200),
        family_name=text(obj, "last_name", limit=200),
        phone=phone or (None if whole else text(payload, "phone", limit=40) or None),
        language=_language(payload.get("customer_locale") or obj.get("locale")),
    )
    return ref if ref.known else None


def _time(payload: dict[str, Any], *keys: str) -> str:
    for key in keys:
        if payload.get(key):
            return parse_time(payload[key], key)
    raise BadEventError(f"{keys[0]} is required")


def _checkout_step(payload: dict[str, Any]) -> str:
    if payload.get("shipping_lines"):
        return "payment"
    if payload.get("email") or payload.get("shipping_address"):
        return "shipping"
    return "contact"


def _option_roles(body: dict[str, Any]) -> dict[str, str]:
    """ "option1".."option3" -> "size" / "colour", from the product's `options` names."""
    roles: dict[str, str] = {}
    for option in items(body.get("options") or [], "options"):
        name = text(option, "name", limit=255).lower()
        position = option.get("position")
        if isinstance(position, bool) or not isinstance(position, int) or not 1 <= position <= 3:
            continue
        if name in _SIZE_OPTIONS or name.endswith(" size"):
            roles[f"option{position}"] = "size"
        elif name in _COLOUR_OPTIONS:
            roles[f"option{position}"] = "colour"
    return roles


def _variant(item: dict[str, Any], title: str, roles: dict[str, str]) -> Variant:
    key = text(item, "id", required=True)
    attributes: dict[str, str] = {}
    for option, role in roles.items():
        value = text(item, option, limit=255)
        if value:
            attributes[role] = value
    variant_title = text(item, "title", limit=255)
    name = title if variant_title in ("", _NO_VARIANT_TITLE) else f"{title} {variant_title}"
    price = item.get("price")
    if isinstance(price, bool) or not isinstance(price, str | int | float):
        raise BadEventError("variants[].price must be a decimal amount")
    return Variant(
        key=key,
        sku=text(item, "sku", limit=64) or f"shopify-variant-{key}"[:64],
        name=name.strip()[:300],
        barcode=text(item, "barcode", limit=255)[:32],
        price=str(price),
        inventory_item=text(item, "inventory_item_id") or None,
        size=attributes.get("size", "")[:32] or None,
        colour=attributes.get("colour", "")[:64] or None,
    )


def _offered(body: dict[str, Any]) -> bool | None:
    status = text(body, "status", limit=32).lower()
    if status and status not in _OFFERED:
        log.warning("shopify product %s: unknown status %r kept as it was", body.get("id"), status)
    return _OFFERED.get(status)


def _catalog(topic: str, body: dict[str, Any]) -> CatalogEvent:
    key = text(body, "id", required=True)
    if topic == "products/delete":
        # The payload is only {"id": ...}: the deletion is as new as its arrival.
        at = _time(body, "updated_at") if body.get("updated_at") else iso(utc_now())
        return CatalogEvent(kind="product.deleted", occurred_at=at, product_key=key)
    title = text(body, "title", limit=300)
    roles = _option_roles(body)
    variants = tuple(
        _variant(item, title, roles) for item in items(body.get("variants") or [], "variants")
    )
    return CatalogEvent(
        kind="product.updated",
        occurred_at=_time(body, "updated_at", "created_at"),
        product_key=key,
        brand=text(body, "vendor", limit=255)[:120],
        category=text(body, "product_type", limit=255)[:120],
        variants=variants,
        offered=_offered(body),
    )


def _stock(body: dict[str, Any]) -> ShopStockEvent:
    available = body.get("available")
    if available is not None and (isinstance(available, bool) or not isinstance(available, int)):
        raise BadEventError("available must be a whole number")
    return ShopStockEvent(
        occurred_at=_time(body, "updated_at"),
        inventory_item=text(body, "inventory_item_id", required=True),
        shop_location=text(body, "location_id", required=True),
        # Shopify's available goes below 0 when oversold: nothing is on hand then.
        available=None if available is None else max(0, min(available, 1_000_000)),
    )


def parse(topic: str, payload: object) -> Event | None:
    """The internal event of one Shopify webhook; None for a topic we do not use."""
    if topic not in TOPICS:
        return None
    body = mapping(payload, "the body")
    if topic.startswith("products/"):
        return _catalog(topic, body)
    if topic == "inventory_levels/update":
        return _stock(body)
    if topic.startswith("carts/"):
        return CartEvent(
            kind="cart.updated",
            occurred_at=_time(body, "updated_at", "created_at"),
            cart_key=text(body, "token", required=True),
            lines=_lines(body, _CART_CURRENCY_FALLBACK),
        )
    if topic.startswith("checkouts/"):
        currency = currency_code(body.get("currency") or body.get("presentment_currency"))
        token = text(body, "token", required=True)
        cart_token = text(body, "cart_token")
        return CartEvent(
            kind="checkout.started",
            occurred_at=_time(body, "updated_at", "created_at"),
            cart_key=cart_token or token,
            other_keys=(token,) if cart_token else (),
            customer=_customer(body),
            currency=currency,
            lines=_lines(body, currency),
            step=_checkout_step(body),
        )
    if topic.startswith("orders/"):
        currency = currency_code(body.get("currency"))
        fulfilled = topic == "orders/fulfilled" or body.get("fulfillment_status") == "fulfilled"
        return OrderEvent(
            kind="order.fulfilled" if fulfilled else "order.placed",
            occurred_at=_time(body, "updated_at", "created_at"),
            order_key=text(body, "id", required=True),
            customer=_customer(body),
            placed_at=_time(body, "created_at", "processed_at"),
            currency=currency,
            lines=_lines(body, currency),
            total_minor=to_minor(body["total_price"], currency, "total_price")
            if body.get("total_price") is not None
            else None,
            cart_keys=tuple(
                key for key in (text(body, "cart_token"), text(body, "checkout_token")) if key
            ),
            offer_codes=tuple(
                code
                for code in (
                    text(item, "code")
                    for item in items(body.get("discount_codes") or [], "discount_codes")
                )
                if code
            )[:10],
        )
    if topic == "refunds/create":
        returned: dict[str, int] = {}
        for item in items(body.get("refund_line_items") or [], "refund_line_items"):
            qty = item.get("quantity")
            if isinstance(qty, bool) or not isinstance(qty, int) or qty < 0:
                raise BadEventError("refund_line_items[].quantity must be a whole number")
            sku = _sku(mapping(item.get("line_item") or {}, "refund_line_items[].line_item"))
            returned[sku] = returned.get(sku, 0) + qty
        return OrderEvent(
            kind="order.returned",
            occurred_at=_time(body, "created_at", "processed_at"),
            order_key=text(body, "order_id", required=True),
            returned=returned,
        )
    customer = _customer(body, whole=True)
    if customer is None:
        raise BadEventError("the customer has neither id nor email")
    return CustomerEvent(
        kind="customer.created" if topic == "customers/create" else "customer.updated",
        occurred_at=_time(body, "updated_at", "created_at"),
        customer=customer,
    )
