"""Our own event format, for any web shop that is not Shopify.

    {"event_id": "...", "type": "cart.updated", "occurred_at": "2025-06-01T10:00:00Z",
     "data": {...}}

`data` by type (money in integer minor units; `customer` is optional where it says so):

- cart.updated:        {cart_id, customer?, currency, lines: [{sku, name?, qty, unit_price_minor}]}
- checkout.started:    {cart_id, customer?, step?, currency?, lines?}
- checkout.abandoned:  {cart_id, step?: "shipping" | "payment" | ..., customer?}
- order.placed:        {order_id, customer, currency, lines, placed_at?, total_minor?, cart_id?,
                        offer_codes?: ["7K2QF-M9XDA"]}
- order.fulfilled, order.delivered: {order_id} plus, optionally, the order.placed fields
  (then an order the hub has not seen yet is created with that status)
- order.returned:      {order_id, lines?: [{sku, qty}]} (no lines: the whole order)
- product.viewed:      {sku, customer?}
- inventory.updated:   {sku, location_id, on_hand, incoming?, incoming_on?} (the stock
                       feed; absolute, newest wins). `incoming`: units on their way to the
                       location (a delivery, a transfer), `incoming_on`: the day they are
                       expected, "YYYY-MM-DD". Without `incoming` what the hub knew stays;
                       `incoming` 0 or null says nothing is on its way (and forgets the day).
- customer.created, customer.updated: {customer}

customer: {id?, email?, given_name?, family_name?, phone?, language?}; `id` is the shop's.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast, get_args

from clienteling.hub.ingest.events import (
    BadEventError,
    CartEvent,
    CartKind,
    CustomerEvent,
    CustomerRef,
    Event,
    Incoming,
    Line,
    OrderEvent,
    OrderKind,
    ProductViewEvent,
    StockEvent,
    currency_code,
    parse_time,
)

EVENT_TYPES = (
    *get_args(CartKind),
    *get_args(OrderKind),
    "product.viewed",
    "inventory.updated",
    "customer.created",
    "customer.updated",
)

MAX_ID = 200


def text(obj: dict[str, Any], key: str, *, required: bool = False, limit: int = MAX_ID) -> str:
    value = obj.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise BadEventError(f"{key} is required")
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise BadEventError(f"{key} must be a string")
    result = str(value).strip()
    if len(result) > limit:
        raise BadEventError(f"{key} is longer than {limit} characters")
    return result


def count(obj: dict[str, Any], key: str) -> int:
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1_000_000:
        raise BadEventError(f"{key} must be a whole number from 0")
    return value


def minor(obj: dict[str, Any], key: str) -> int:
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 10**15:
        raise BadEventError(f"{key} must be an integer amount in minor units")
    return value


def mapping(value: object, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BadEventError(f"{what} must be a JSON object")
    return cast(dict[str, Any], value)


def items(value: object, what: str) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise BadEventError(f"{what} must be a list")
    if len(value) > 1000:
        raise BadEventError(f"{what} has more than 1000 entries")
    return [mapping(item, f"{what}[]") for item in value]


def customer_ref(value: object) -> CustomerRef | None:
    if value is None:
        return None
    obj = mapping(value, "customer")
    ref = CustomerRef(
        external_id=text(obj, "id") or None,
        email=text(obj, "email", limit=320) or None,
        given_name=text(obj, "given_name", limit=200) or text(obj, "first_name", limit=200),
        family_name=text(obj, "family_name", limit=200) or text(obj, "last_name", limit=200),
        phone=text(obj, "phone", limit=40) or None,
        language=text(obj, "language", limit=16) or None,
    )
    return ref if ref.known else None


def _lines(value: object) -> list[Line]:
    return [
        Line(
            sku=text(item, "sku", required=True, limit=64),
            name=text(item, "name", limit=300),
            qty=count(item, "qty"),
            unit_price_minor=minor(item, "unit_price_minor"),
        )
        for item in items(value, "lines")
    ]


def parse(envelope: object) -> tuple[str, str, Event]:
    """(event id, type, event) of one generic event; raises `BadEventError`."""
    body = mapping(envelope, "the body")
    event_id = text(body, "event_id", required=True)
    kind = text(body, "type", required=True, limit=80)
    if kind not in EVENT_TYPES:
        raise BadEventError(f"unknown event type {kind!r}; known: {', '.join(EVENT_TYPES)}")
    occurred_at = parse_time(body.get("occurred_at"), "occurred_at")
    data = mapping(body.get("data"), "data")
    return event_id, kind, _event(kind, occurred_at, data)


def _incoming(data: dict[str, Any]) -> Incoming | None:
    """`incoming`/`incoming_on` of a stock event; None when the feed does not say."""
    if "incoming" not in data:
        if data.get("incoming_on") is not None:
            raise BadEventError("incoming_on needs incoming (the units expected)")
        return None
    if data["incoming"] is None:
        return Incoming(units=0)
    units = count(data, "incoming")
    if not units:
        return Incoming(units=0)
    day = data.get("incoming_on")
    if day is None:
        return Incoming(units=units)
    if not isinstance(day, str):
        raise BadEventError("incoming_on must be a day such as 2025-12-12")
    try:
        parsed = date.fromisoformat(day.strip())
    except ValueError as exc:
        raise BadEventError("incoming_on must be a day such as 2025-12-12") from exc
    if len(day.strip()) != 10:
        raise BadEventError("incoming_on must be a day such as 2025-12-12")
    return Incoming(units=units, on=parsed.isoformat())


def _codes(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadEventError("offer_codes must be a list of strings")
    return tuple(v.strip()[:32] for v in value[:10] if v.strip())


def _event(kind: str, occurred_at: str, data: dict[str, Any]) -> Event:
    if kind in get_args(CartKind):
        has_lines = data.get("lines") is not None
        if kind == "cart.updated" and not has_lines:
            raise BadEventError("lines is required")
        return CartEvent(
            kind=cast(CartKind, kind),
            occurred_at=occurred_at,
            cart_key=text(data, "cart_id", required=True),
            customer=customer_ref(data.get("customer")),
            currency=currency_code(data["currency"]) if data.get("currency") else None,
            lines=_lines(data["lines"]) if has_lines else None,
            step=text(data, "step", limit=32) or None,
        )
    if kind in get_args(OrderKind):
        returned: dict[str, int] | None = None
        if kind == "order.returned" and data.get("lines") is not None:
            returned = {}
            for item in items(data["lines"], "lines"):
                sku = text(item, "sku", required=True, limit=64)
                returned[sku] = returned.get(sku, 0) + count(item, "qty")
        full = kind != "order.returned" and data.get("lines") is not None
        if kind == "order.placed" and not full:
            raise BadEventError("lines is required")
        return OrderEvent(
            kind=cast(OrderKind, kind),
            occurred_at=occurred_at,
            order_key=text(data, "order_id", required=True),
            customer=customer_ref(data.get("customer")),
            placed_at=parse_time(data["placed_at"], "placed_at")
            if data.get("placed_at")
            else occurred_at,
            currency=currency_code(data.get("currency")) if full else None,
            lines=_lines(data["lines"]) if full else None,
            total_minor=minor(data, "total_minor") if data.get("total_minor") is not None else None,
            cart_keys=(text(data, "cart_id"),) if data.get("cart_id") else (),
            offer_codes=_codes(data.get("offer_codes")),
            returned=returned,
        )
    if kind == "product.viewed":
        return ProductViewEvent(
            occurred_at=occurred_at,
            sku=text(data, "sku", required=True, limit=64),
            customer=customer_ref(data.get("customer")),
        )
    if kind == "inventory.updated":
        return StockEvent(
            occurred_at=occurred_at,
            sku=text(data, "sku", required=True, limit=64),
            location_id=text(data, "location_id", required=True, limit=64),
            on_hand=count(data, "on_hand"),
            incoming=_incoming(data),
        )
    customer = customer_ref(data.get("customer", data))
    if customer is None:
        raise BadEventError("customer needs an id or an email")
    return CustomerEvent(kind=cast(Any, kind), occurred_at=occurred_at, customer=customer)
