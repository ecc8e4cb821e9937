"""Ingest from the web shop: signatures, idempotency, out-of-order events, Shopify webhooks.

A hub of its own (own seeded database, webhook secrets configured) on each backend, so the
rows these tests add never change what the other hub tests count.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.domain.lifecycle import stage_for
from clienteling.hub import versions
from clienteling.hub.db import make_engine, migrate
from clienteling.hub.ingest.signing import sign_base64, sign_hex
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import carts, customers, ingest_events, orders, products
from clienteling.protocol.entities import store_scope
from clienteling.protocol.models import PullResponse

from .conftest import SEED_NOW, NewDb, sign_in

FIXTURES = Path(__file__).parent / "fixtures"
SECRET = "webshop-secret-ä"
SHOPIFY_SECRET = "shpss_0123456789abcdef"
OUTLET_SECRET = "outlet-only"


@dataclass
class IngestHub:
    url: str
    engine: Engine
    summary: dict[str, Any]

    @property
    def default_store(self) -> str:
        return str(self.summary["store_ids"][0])


@pytest.fixture(scope="module")
def ingest_hub(new_db: NewDb) -> Iterator[IngestHub]:
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    summary = seed_demo_data(engine, customers=40, seed=11, now=SEED_NOW)
    settings = HubSettings(
        db=url,
        port=0,
        webhook_secret=SECRET,
        webhook_secrets={"outlet": OUTLET_SECRET},
        shopify_webhook_secret=SHOPIFY_SECRET,
        ingest_default_store_id=summary["store_ids"][0],
    )
    with HubServer(settings=settings) as server:
        yield IngestHub(url=server.url, engine=engine, summary=summary)
    engine.dispose()


@pytest.fixture
def http(ingest_hub: IngestHub) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=ingest_hub.url, timeout=30) as client:
        yield client


def new_id() -> str:
    return str(uuid.uuid4())


def raw(body: Any) -> bytes:
    return json.dumps(body, ensure_ascii=False).encode()


def send(
    http: httpx.Client,
    event: dict[str, Any],
    *,
    source: str = "webshop",
    secret: str = SECRET,
    encoding: str = "hex",
) -> httpx.Response:
    body = raw(event)
    signature = sign_hex(secret, body) if encoding == "hex" else sign_base64(secret, body)
    return http.post(
        f"/api/v1/ingest/{source}",
        content=body,
        headers={"Content-Type": "application/json", "X-Clienteling-Signature": signature},
    )


def event(kind: str, at: str, data: dict[str, Any], event_id: str | None = None) -> dict[str, Any]:
    return {"event_id": event_id or new_id(), "type": kind, "occurred_at": at, "data": data}


def send_shopify(
    http: httpx.Client,
    topic: str,
    payload: Any,
    *,
    webhook_id: str | None = None,
    secret: str = SHOPIFY_SECRET,
    body: bytes | None = None,
) -> httpx.Response:
    content = body if body is not None else raw(payload)
    return http.post(
        "/api/v1/ingest/shopify",
        content=content,
        headers={
            "Content-Type": "application/json",
            "X-Shopify-Topic": topic,
            "X-Shopify-Hmac-Sha256": sign_base64(secret, content),
            "X-Shopify-Webhook-Id": webhook_id or new_id(),
            "X-Shopify-Shop-Domain": "maison-lumiere.myshopify.com",
            "X-Shopify-API-Version": "2025-04",
        },
    )


def fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data


def ok(response: httpx.Response, status: str = "applied") -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert body["status"] == status, body
    return body


def customer_payload(email: str | None = None) -> dict[str, Any]:
    return {
        "id": new_id(),
        "email": email or f"{new_id()[:8]}@example.org",
        "given_name": "Lan",
        "family_name": "Nguyễn",
    }


def cart_row(hub: IngestHub, **where: Any) -> Any:
    with hub.engine.connect() as conn:
        query = sa.select(carts)
        for key, value in where.items():
            query = query.where(carts.c[key] == value)
        return conn.execute(query).first()


def orders_of_email(hub: IngestHub, email: str) -> list[Any]:
    with hub.engine.connect() as conn:
        rows = conn.execute(sa.select(customers.c.id, customers.c.emails)).all()
        ids = [r.id for r in rows if email.lower() in [e.lower() for e in r.emails]]
        return list(conn.execute(sa.select(orders).where(orders.c.customer_id.in_(ids))).all())


def line(sku: str = "LAP-APP-0001", qty: int = 1, price: int = 129900) -> dict[str, Any]:
    return {"sku": sku, "name": "MacBook Air 13", "qty": qty, "unit_price_minor": price}


# --- signatures --------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["hex", "base64"])
def test_good_signature_is_accepted(
    ingest_hub: IngestHub, http: httpx.Client, encoding: str
) -> None:
    cart_id = new_id()
    response = send(
        http,
        event(
            "cart.updated",
            "2025-06-02T10:00:00Z",
            {
                "cart_id": cart_id,
                "customer": customer_payload(),
                "currency": "EUR",
                "lines": [line()],
            },
        ),
        encoding=encoding,
    )
    ok(response)
    row = cart_row(ingest_hub, status="open", updated_at="2025-06-02T10:00:00+00:00")
    assert row is not None
    assert row.scope == store_scope(ingest_hub.default_store)


def test_wrong_or_missing_signature_is_401(http: httpx.Client) -> None:
    body = raw(event("product.viewed", "2025-06-02T10:00:00Z", {"sku": "LAP-APP-0001"}))
    for headers in (
        {"X-Clienteling-Signature": sign_hex("not the secret", body)},
        {"X-Clienteling-Signature": "garbage!"},
        {},
    ):
        response = http.post("/api/v1/ingest/webshop", content=body, headers=headers)
        assert response.status_code == 401, response.text
        assert response.json()["code"] == "bad_signature"
    # Signed over other bytes (the body was changed on the way).
    response = http.post(
        "/api/v1/ingest/webshop",
        content=body + b" ",
        headers={"X-Clienteling-Signature": sign_hex(SECRET, body)},
    )
    assert response.status_code == 401


def test_per_source_secret_wins(http: httpx.Client) -> None:
    viewed = event("product.viewed", "2025-06-02T10:00:00Z", {"sku": "LAP-APP-0001"})
    refused = send(http, viewed, source="outlet", secret=SECRET)
    assert refused.status_code == 401
    assert refused.json()["code"] == "bad_signature"
    ok(send(http, viewed, source="outlet", secret=OUTLET_SECRET))


def test_shopify_bad_hmac_is_401(http: httpx.Client) -> None:
    response = send_shopify(http, "orders/create", {"id": 1}, secret="wrong")
    assert response.status_code == 401
    assert response.json()["code"] == "bad_signature"


# --- idempotency and order ---------------------------------------------------------------


def test_replay_answers_200_and_changes_nothing(ingest_hub: IngestHub, http: httpx.Client) -> None:
    scope = store_scope(ingest_hub.default_store)
    placed = event(
        "order.placed",
        "2025-06-02T11:00:00Z",
        {
            "order_id": new_id(),
            "customer": customer_payload(),
            "currency": "EUR",
            "lines": [line(qty=2)],
        },
    )
    ok(send(http, placed))
    with ingest_hub.engine.connect() as conn:
        version = versions.current(conn, scope)
        count = conn.execute(sa.select(sa.func.count()).select_from(orders)).scalar_one()
    again = ok(send(http, placed), "duplicate")
    assert again["event_id"] == placed["event_id"]
    with ingest_hub.engine.connect() as conn:
        assert versions.current(conn, scope) == version
        assert conn.execute(sa.select(sa.func.count()).select_from(orders)).scalar_one() == count


def test_late_cart_update_never_resurrects_an_ordered_cart(
    ingest_hub: IngestHub, http: httpx.Client
) -> None:
    cart_id, order_id = new_id(), new_id()
    who = customer_payload()
    cart = {"cart_id": cart_id, "customer": who, "currency": "EUR", "lines": [line()]}
    ok(send(http, event("cart.updated", "2025-06-02T09:00:00Z", cart)))
    abandoned = {"cart_id": cart_id, "step": "shipping"}
    ok(send(http, event("checkout.abandoned", "2025-06-02T09:30:00Z", abandoned)))
    row = cart_row(ingest_hub, customer_id=_customer_id(ingest_hub, who["email"]))
    assert (row.status, row.checkout_step) == ("abandoned", "shipping")

    order = {
        "order_id": order_id,
        "customer": who,
        "currency": "EUR",
        "lines": [line()],
        "cart_id": cart_id,
    }
    ok(send(http, event("order.placed", "2025-06-02T10:00:00Z", order)))
    assert cart_row(ingest_hub, id=row.id).status == "ordered"

    late = {**cart, "lines": [line(qty=3)]}
    ignored = ok(send(http, event("cart.updated", "2025-06-02T09:45:00Z", late)), "ignored")
    assert "ordered" in ignored["detail"]
    ok(send(http, event("cart.updated", "2025-06-02T12:00:00Z", late)), "ignored")
    final = cart_row(ingest_hub, id=row.id)
    assert final.status == "ordered"
    assert final.lines[0]["qty"] == 1


def test_older_cart_event_is_ignored(ingest_hub: IngestHub, http: httpx.Client) -> None:
    cart_id = new_id()
    who = customer_payload()
    newer = {"cart_id": cart_id, "customer": who, "currency": "EUR", "lines": [line(qty=2)]}
    older = {**newer, "lines": [line(qty=1)]}
    ok(send(http, event("cart.updated", "2025-06-02T10:05:00Z", newer)))
    ok(send(http, event("cart.updated", "2025-06-02T10:00:00Z", older)), "ignored")
    row = cart_row(ingest_hub, customer_id=_customer_id(ingest_hub, who["email"]))
    assert row.lines[0]["qty"] == 2


def test_order_status_only_moves_forward(ingest_hub: IngestHub, http: httpx.Client) -> None:
    order_id = new_id()
    who = customer_payload()
    lines = [line(), line(sku="HPH-SON-0007", qty=2, price=39900)]
    ok(
        send(
            http,
            event(
                "order.placed",
                "2025-06-01T10:00:00Z",
                {"order_id": order_id, "customer": who, "currency": "EUR", "lines": lines},
            ),
        )
    )
    ok(send(http, event("order.delivered", "2025-06-04T10:00:00Z", {"order_id": order_id})))
    ok(
        send(http, event("order.fulfilled", "2025-06-02T10:00:00Z", {"order_id": order_id})),
        "ignored",
    )
    (row,) = orders_of_email(ingest_hub, who["email"])
    assert row.status == "delivered"
    assert row.total_minor == 129900 + 2 * 39900
    ok(
        send(
            http,
            event(
                "order.returned",
                "2025-06-10T10:00:00Z",
                {"order_id": order_id, "lines": [{"sku": "HPH-SON-0007", "qty": 1}]},
            ),
        )
    )
    (row,) = orders_of_email(ingest_hub, who["email"])
    assert row.status == "partially_returned"
    ok(send(http, event("order.returned", "2025-06-11T10:00:00Z", {"order_id": order_id})))
    (row,) = orders_of_email(ingest_hub, who["email"])
    assert row.status == "returned"
    assert all(item["returned_qty"] == item["qty"] for item in row.lines)
    # Each step is kept at its own time for the timeline; the ignored late one is not.
    names = [item["name"] for item in row.lines]
    assert [(e["status"], e["at"][:19], e.get("items")) for e in row.events] == [
        ("delivered", "2025-06-04T10:00:00", None),
        ("partially_returned", "2025-06-10T10:00:00", [names[1]]),
        ("returned", "2025-06-11T10:00:00", names),
    ]


def test_known_email_attaches_to_the_existing_customer(
    ingest_hub: IngestHub, http: httpx.Client
) -> None:
    other_store = ingest_hub.summary["store_ids"][1]
    with ingest_hub.engine.connect() as conn:
        existing = next(
            row
            for row in conn.execute(
                sa.select(customers).where(customers.c.home_store_id == other_store)
            )
            if row.emails
        )
        before = conn.execute(sa.select(sa.func.count()).select_from(customers)).scalar_one()
    shouting = f"  {existing.emails[0].upper()} "
    ok(
        send(
            http,
            event(
                "order.placed",
                "2025-06-02T10:00:00Z",
                {
                    "order_id": new_id(),
                    "customer": {"email": shouting},
                    "currency": "EUR",
                    "lines": [line()],
                },
            ),
        )
    )
    with ingest_hub.engine.connect() as conn:
        after = conn.execute(sa.select(sa.func.count()).select_from(customers)).scalar_one()
        row = conn.execute(
            sa.select(orders)
            .where(orders.c.customer_id == existing.id)
            .order_by(orders.c.version.desc())
        ).first()
    assert after == before
    assert row is not None and row.scope == store_scope(other_store)
    assert row.channel == "web"


# --- malformed input ---------------------------------------------------------------------


def test_malformed_json_is_400_with_a_clear_message(http: httpx.Client) -> None:
    body = b'{"event_id": "x", "type": '
    response = http.post(
        "/api/v1/ingest/webshop",
        content=body,
        headers={"X-Clienteling-Signature": sign_hex(SECRET, body)},
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_json"
    assert "not valid JSON" in response.json()["message"]
    shopify = send_shopify(http, "orders/create", None, body=b"\xff\xfe not json")
    assert shopify.status_code == 400
    assert shopify.json()["code"] == "invalid_json"


def test_invalid_generic_event_is_422(http: httpx.Client) -> None:
    bad = [
        {
            "event_id": "e1",
            "type": "cart.exploded",
            "occurred_at": "2025-06-02T10:00:00Z",
            "data": {},
        },
        {"event_id": "e2", "type": "cart.updated", "occurred_at": "yesterday", "data": {}},
        event("order.placed", "2025-06-02T10:00:00Z", {"order_id": "o", "lines": "many"}),
        ["not", "an", "object"],
    ]
    for item in bad:
        body = raw(item)
        response = http.post(
            "/api/v1/ingest/webshop",
            content=body,
            headers={"X-Clienteling-Signature": sign_hex(SECRET, body)},
        )
        assert response.status_code == 422, response.text
        assert response.json()["code"] == "invalid_event"
        assert response.json()["message"]


# --- Shopify -----------------------------------------------------------------------------


def _customer_id(hub: IngestHub, email: str) -> str:
    with hub.engine.connect() as conn:
        for row in conn.execute(sa.select(customers.c.id, customers.c.emails)):
            if email.lower() in [e.lower() for e in row.emails]:
                return str(row.id)
    raise AssertionError(f"no customer with {email}")


def _pull(http: httpx.Client, device: str, scope: str, cursor: str | None) -> PullResponse:
    response = http.post(
        "/api/v1/sync/pull",
        json={
            "device_id": device,
            "schema_version": 1,
            "scope": scope,
            "cursor": cursor,
            "limit": 1000,
        },
    )
    assert response.status_code == 200, response.text
    return PullResponse.model_validate(response.json())


def _caught_up(http: httpx.Client, device: str, scope: str) -> str:
    cursor = None
    while True:
        page = _pull(http, device, scope, cursor)
        cursor = page.cursor
        if not page.has_more:
            return cursor


def test_shopify_journey_cart_checkout_order_refund_reaches_the_terminal(
    ingest_hub: IngestHub, http: httpx.Client
) -> None:
    """carts/create (anonymous) -> checkouts/create (names the customer) -> orders/create ->
    late carts/update (ignored) -> refunds/create; the terminal of the customer's store
    pulls the cart and the order."""
    terminal = httpx.Client(base_url=ingest_hub.url, timeout=30)
    body, device = sign_in(terminal)
    scope = store_scope(body["associate"]["store_id"])
    assert scope == store_scope(ingest_hub.default_store)
    cursor = _caught_up(terminal, device, scope)

    cart = fixture("shopify_carts_create.json")
    ok(send_shopify(http, "carts/create", cart))
    checkout = fixture("shopify_checkouts_create.json")
    ok(send_shopify(http, "checkouts/create", checkout))
    email = checkout["email"]
    customer_id = _customer_id(ingest_hub, email)
    row = cart_row(ingest_hub, customer_id=customer_id)
    assert (row.status, row.checkout_step) == ("open", "shipping")
    assert row.lines[0]["unit_price_minor"] == 129900

    order = fixture("shopify_orders_create.json")
    webhook_id = new_id()
    ok(send_shopify(http, "orders/create", order, webhook_id=webhook_id))
    ok(send_shopify(http, "orders/create", order, webhook_id=webhook_id), "duplicate")
    late_cart = {**cart, "updated_at": "2025-06-02T12:30:00.000Z"}
    ok(send_shopify(http, "carts/update", late_cart), "ignored")

    page = _pull(terminal, device, scope, cursor)
    by_entity = {(c.entity, c.id): c for c in page.changes}
    placed = [c for c in page.changes if c.entity == "order"]
    assert len(placed) == 1
    data = placed[0].data
    assert data is not None
    assert data["customer_id"] == customer_id
    assert data["status"] == "placed"
    assert data["placed_at"] == "2025-06-02T12:12:03+00:00"
    assert data["total_minor"] == 164800
    assert data["currency"] == "EUR"
    assert [(li["sku"], li["qty"], li["unit_price_minor"]) for li in data["lines"]] == [
        ("LAP-APP-0001", 1, 129900),
        ("ACC-SLV-13-GRY", 2, 17450),
    ]
    with ingest_hub.engine.connect() as conn:
        product_id = conn.execute(
            sa.select(products.c.id).where(products.c.sku == "LAP-APP-0001")
        ).scalar_one_or_none()
    assert data["lines"][0]["product_id"] == (product_id or "")
    assert by_entity[("cart", row.id)].data["status"] == "ordered"  # type: ignore[index]
    customer = by_entity[("customer", customer_id)].data
    assert customer is not None
    assert customer["emails"] == ["camille.rousseau@example.fr"]
    assert customer["phones"] == ["+33612345678"]
    assert customer["display_name"] == "Camille Rousseau"
    assert customer["language"] == "fr"
    # One purchase; its date decides between trial and (for this old fixture) later stages.
    placed_at = datetime.fromisoformat(data["placed_at"])
    assert customer["lifecycle_stage"] == stage_for([placed_at], now=datetime.now(UTC))
    assert customer["clv_minor"] == 164800

    ok(send_shopify(http, "refunds/create", fixture("shopify_refunds_create.json")))
    page = _pull(terminal, device, scope, page.cursor)
    (refunded,) = [c for c in page.changes if c.entity == "order"]
    assert refunded.data is not None
    assert refunded.data["status"] == "partially_returned"
    assert [li["returned_qty"] for li in refunded.data["lines"]] == [0, 1]
    terminal.close()


def test_shopify_unknown_topic_is_acknowledged(
    ingest_hub: IngestHub, http: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    webhook_id = new_id()
    with caplog.at_level(logging.INFO, logger="clienteling.hub.ingest.apply"):
        body = ok(
            send_shopify(http, "app/uninstalled", {"id": 1, "name": "x"}, webhook_id=webhook_id),
            "unknown_topic",
        )
    assert "app/uninstalled" in body["detail"]
    logged = [r.getMessage() for r in caplog.records if webhook_id in r.getMessage()]
    assert logged and "unknown topic 'app/uninstalled'" in logged[0]
    with ingest_hub.engine.connect() as conn:
        status = conn.execute(
            sa.select(ingest_events.c.status).where(ingest_events.c.event_id == webhook_id)
        ).scalar_one()
    assert status == "unknown_topic"


def test_shopify_unreadable_payload_is_acknowledged_as_rejected(http: httpx.Client) -> None:
    body = ok(send_shopify(http, "orders/create", {"id": 7, "currency": "euros"}), "rejected")
    assert "currency" in body["detail"]


def test_shopify_needs_topic_and_webhook_id(http: httpx.Client) -> None:
    content = raw({"id": 1})
    response = http.post(
        "/api/v1/ingest/shopify",
        content=content,
        headers={"X-Shopify-Hmac-Sha256": sign_base64(SHOPIFY_SECRET, content)},
    )
    assert response.status_code == 400
    assert response.json()["code"] == "missing_header"


def test_customer_events_and_product_views(ingest_hub: IngestHub, http: httpx.Client) -> None:
    who = customer_payload()
    ok(send(http, event("customer.created", "2025-06-02T10:00:00Z", {"customer": who})))
    renamed = {**who, "family_name": "Trần", "phone": "06 12 34 56 79"}
    ok(send(http, event("customer.updated", "2025-06-03T10:00:00Z", {"customer": renamed})))
    stale = {**who, "family_name": "Lê"}
    ok(
        send(http, event("customer.updated", "2025-06-02T12:00:00Z", {"customer": stale})),
        "ignored",
    )
    customer_id = _customer_id(ingest_hub, who["email"])
    with ingest_hub.engine.connect() as conn:
        row = conn.execute(sa.select(customers).where(customers.c.id == customer_id)).one()
    assert row.display_name == "Lan Trần"
    assert row.phones == ["+33612345679"]
    assert row.home_store_id == ingest_hub.default_store

    viewed = {"sku": "LAP-APP-0001", "customer": {"email": who["email"].upper()}}
    ok(send(http, event("product.viewed", "2025-06-03T11:00:00Z", viewed)))
