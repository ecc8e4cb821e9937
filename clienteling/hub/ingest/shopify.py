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

Any other topic is acknowledged (200) and logged. Prices are decimal strings in the
order's currency and become integer minor units.
"""

from __future__ import annotations

from typing import Any

from clienteling.hub.ingest.events import (
    BadEventError,
    CartEvent,
    CustomerEvent,
    CustomerRef,
    Event,
    Line,
    OrderEvent,
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
)

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


def parse(topic: str, payload: object) -> Event | None:
    """The internal event of one Shopify webhook; None for a topic we do not use."""
    if topic not in TOPICS:
        return None
    body = mapping(payload, "the body")
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
