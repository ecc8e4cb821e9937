"""Single-use offers and the reserve-for-pickup page on a real hub, both backends: a
follow-up carries its code and reserve link into the message; the code is redeemed once
(at the till or online, never twice, also when two tills try at the same moment); the
customer's reservation from the link is a hold on the store's stock."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from clienteling.domain.ids import uuid7
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import insert_ignoring_conflicts, write_tx
from clienteling.hub.delivery.worker import run_pass
from clienteling.hub.devsinks import SmtpSink
from clienteling.hub.ingest.apply import ingest
from clienteling.hub.ingest.events import CustomerRef, Line, OrderEvent
from clienteling.hub.settings import HubSettings
from clienteling.hub.stats.offers import offer_counts
from clienteling.hub.tables import (
    followup_links,
    ingest_links,
    offers,
    orders,
    products,
    reservations,
)

from .conftest import SeededHub, sign_in
from .followup_kit import (
    NOON,
    Device,
    customer_with_contacts,
    delivery_settings,
    queue_args,
    set_consent,
)
from .test_holds import hold_hub, stock, stock_of

__all__ = ["hold_hub"]  # the module's own hub (its stock changes here)


@pytest.fixture
def device(hold_hub: SeededHub) -> Iterator[Device]:
    with httpx.Client(base_url=hold_hub.url, timeout=30) as http:
        body, device_id = sign_in(http)
        yield Device(http=http, device_id=device_id, store_id=body["associate"]["store_id"])


def queued(device: Device, hub: SeededHub, products: list[str], **extra: Any) -> dict[str, Any]:
    customer = customer_with_contacts(hub.engine, device.store_id)
    args = queue_args(customer, products, **extra)
    assert device.push(("followup.queue", args))[0]["status"] == "applied"
    return args


def offer_of(hub: SeededHub, followup_id: str) -> Any:
    with hub.engine.connect() as conn:
        return conn.execute(sa.select(offers).where(offers.c.followup_id == followup_id)).one()


def reserve_token(hub: SeededHub, followup_id: str) -> str:
    with hub.engine.connect() as conn:
        return str(
            conn.execute(
                sa.select(followup_links.c.token).where(
                    followup_links.c.followup_id == followup_id,
                    followup_links.c.kind == "reserve",
                )
            ).scalar_one()
        )


def landing_token(hub: SeededHub, followup_id: str) -> str:
    with hub.engine.connect() as conn:
        return str(
            conn.execute(
                sa.select(followup_links.c.token).where(
                    followup_links.c.followup_id == followup_id,
                    followup_links.c.kind == "landing",
                )
            ).scalar_one()
        )


def redeem(http: httpx.Client, code: str) -> httpx.Response:
    return http.post(f"/api/v1/offers/{code}/redeem")


def test_the_message_carries_the_code_and_the_reserve_link(
    device: Device, hold_hub: SeededHub
) -> None:
    _store, product = stock_of(hold_hub, on_hand=4)
    args = queued(device, hold_hub, [product], offer="store_gift", reserve=True, language="ru")
    set_consent(hold_hub.engine, args["customer_id"], "email", True)
    offer = offer_of(hold_hub, args["id"])
    assert offer.status == "issued" and offer.valid_in == "store"
    assert len(offer.code) == 11 and offer.code[5] == "-"
    with SmtpSink() as sink:
        run_pass(
            hold_hub.engine,
            delivery_settings(hold_hub.url, smtp_url=sink.url),
            public_url=hold_hub.url,
            now=NOON,
        )
        mail = next(m for m in sink.snapshot() if offer.code in m.body("plain"))
    text = mail.body("plain")
    assert "В магазине вас ждёт подарок." in text
    assert f"/r/{reserve_token(hold_hub, args['id'])}" in text
    assert offer.code in mail.body("html")


def test_a_store_code_is_redeemed_once_at_the_till(device: Device, hold_hub: SeededHub) -> None:
    args = queued(device, hold_hub, [], offer="store_cashback")
    code = offer_of(hold_hub, args["id"]).code

    first = redeem(device.http, code.lower().replace("-", " "))  # as typed at the till
    second = redeem(device.http, code)

    assert first.status_code == 200, first.text
    assert first.json()["redeemed_channel"] == "store"
    assert second.status_code == 409
    assert second.json()["code"] == "offer_redeemed"
    assert redeem(device.http, "ZZZZZ-ZZZZZ").json()["code"] == "unknown_offer"
    assert redeem(device.http, "not a code").status_code == 404


def test_an_online_code_is_refused_at_the_till_and_redeemed_once_online(
    device: Device, hold_hub: SeededHub
) -> None:
    _store, product = stock_of(hold_hub, on_hand=2)
    args = queued(device, hold_hub, [product], offer="free_delivery")
    code = offer_of(hold_hub, args["id"]).code
    till = redeem(device.http, code)
    assert till.status_code == 409 and till.json()["code"] == "offer_wrong_channel"
    page = f"/f/{landing_token(hold_hub, args['id'])}"
    with httpx.Client(base_url=hold_hub.url, timeout=30) as shopper:
        shopper.post(f"{page}/cart", data={"product_id": product})
        cart = shopper.get(f"{page}/cart")
        assert 'id="offer-code"' in cart.text
        first = shopper.post(f"{page}/offer", data={"code": code})
        second = shopper.post(f"{page}/offer", data={"code": code})
    assert first.status_code == 200
    assert "livraison offerte" in first.text  # the customer's language (fr)
    assert second.status_code == 409 and "déjà été utilisé" in second.text
    assert offer_of(hold_hub, args["id"]).redeemed_channel == "online"


def test_two_tills_entering_the_same_code_at_once_redeem_it_once(
    hold_hub: SeededHub, device: Device
) -> None:
    code = offer_of(hold_hub, queued(device, hold_hub, [], offer="store_gift")["id"]).code
    tills = [httpx.Client(base_url=hold_hub.url, timeout=30) for _ in range(2)]
    for till, name in zip(tills, ("demo-associate", "demo-manager"), strict=True):
        sign_in(till, username=name)
    barrier = threading.Barrier(2)
    answers: list[int] = []

    def attempt(till: httpx.Client) -> None:
        barrier.wait()
        answers.append(redeem(till, code).status_code)

    threads = [threading.Thread(target=attempt, args=(t,)) for t in tills]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for till in tills:
        till.close()
    assert sorted(answers) == [200, 409]


def test_an_expired_code_is_refused(device: Device, hold_hub: SeededHub) -> None:
    args = queued(device, hold_hub, [], offer="store_gift")
    with hold_hub.engine.begin() as conn:
        conn.execute(
            sa.update(offers)
            .where(offers.c.followup_id == args["id"])
            .values(expires_at=iso(utc_now() - timedelta(minutes=1)))
        )
    answer = redeem(device.http, offer_of(hold_hub, args["id"]).code)
    assert answer.status_code == 409 and answer.json()["code"] == "offer_expired"


def test_the_reserve_page_holds_the_picks_at_the_store(device: Device, hold_hub: SeededHub) -> None:
    store, plenty = stock_of(hold_hub, on_hand=3)
    _store, last = stock_of(hold_hub, on_hand=1)
    args = queued(device, hold_hub, [plenty, last], reserve=True, language="vi")
    page = f"/r/{reserve_token(hold_hub, args['id'])}"
    with httpx.Client(base_url=hold_hub.url, timeout=30) as shopper:
        shown = shopper.get(page)
        assert shown.status_code == 200
        assert shown.headers["content-type"] == "text/html; charset=utf-8"
        assert "Giữ hàng để nhận" in shown.text
        # Meanwhile the last unit of the second pick sells online.
        with hold_hub.engine.begin() as conn:
            conn.execute(
                sa.text("UPDATE inventory SET reserved = on_hand WHERE id = :id"),
                {"id": f"{store}:{last}"},
            )
        done = shopper.post(page, data={"product_id": [plenty, last]})
        again = shopper.post(page, data={"product_id": [plenty]})
        assert shopper.get("/r/" + "x" * 43).status_code == 404
    assert done.status_code == 200
    assert "Được giữ cho bạn đến" in done.text
    assert "đã hết hàng" in done.text  # the last unit went meanwhile
    assert "Đã được giữ cho bạn đến" in again.text
    assert stock(hold_hub, store, plenty) == (3, 1)
    with hold_hub.engine.connect() as conn:
        rows = conn.execute(
            sa.select(reservations).where(reservations.c.followup_id == args["id"])
        ).all()
    assert [(r.product_id, r.source, r.status) for r in rows] == [(plenty, "link", "held")]


def test_offer_counts_by_channel(device: Device, hold_hub: SeededHub) -> None:
    start = iso(utc_now() - timedelta(minutes=5))
    with hold_hub.engine.connect() as conn:
        before = offer_counts(conn, store_id=device.store_id, start=start, end="9999")
    store_offer = queued(device, hold_hub, [], offer="store_cashback")
    queued(device, hold_hub, [], offer="free_pickup")
    redeem(device.http, offer_of(hold_hub, store_offer["id"]).code)
    with hold_hub.engine.connect() as conn:
        after = offer_counts(conn, store_id=device.store_id, start=start, end="9999")
    assert after.issued == before.issued + 2
    assert after.redeemed == before.redeemed + 1
    assert after.by_channel.get("store", 0) == before.by_channel.get("store", 0) + 1
    assert after.by_kind["free_pickup"][0] >= 1


def test_a_storefront_order_records_the_offer_code_and_a_web_shop_order_redeems_one(
    device: Device, hold_hub: SeededHub
) -> None:
    start = iso(utc_now() - timedelta(minutes=5))
    with hold_hub.engine.connect() as conn:
        before = offer_counts(conn, store_id=device.store_id, start=start, end="9999")
    _store, product = stock_of(hold_hub, on_hand=3)
    customer = customer_with_contacts(hold_hub.engine, device.store_id, skip=1)
    args = queue_args(customer, [product], offer="free_delivery")
    assert device.push(("followup.queue", args))[0]["status"] == "applied"
    code = offer_of(hold_hub, args["id"]).code
    page = f"/f/{landing_token(hold_hub, args['id'])}"
    with httpx.Client(base_url=hold_hub.url, timeout=30, follow_redirects=True) as shopper:
        shopper.post(f"{page}/cart", data={"product_id": product})
        assert shopper.post(f"{page}/offer", data={"code": code}).status_code == 200
        cart = shopper.get(f"{page}/cart")
        assert 'id="offer-applied"' in cart.text and code in cart.text
        assert shopper.post(f"{page}/checkout").status_code == 200
    with hold_hub.engine.connect() as conn:
        order = conn.execute(
            sa.select(orders)
            .where(orders.c.customer_id == customer, orders.c.channel == "web")
            .order_by(orders.c.placed_at.desc())
        ).first()
    assert order is not None and order.offer_code == code
    used = offer_of(hold_hub, args["id"])
    assert (used.status, used.redeemed_channel, used.order_id) == ("redeemed", "online", order.id)

    # Another shop (any source) sends an order with a code nobody applied yet: redeemed
    # for that order; a code that is not ours is ignored.
    other = queue_args(customer, [], offer="free_pickup")
    device.push(("followup.queue", other))
    fresh = offer_of(hold_hub, other["id"]).code
    with hold_hub.engine.connect() as conn:
        sku = conn.execute(sa.select(products.c.sku).where(products.c.id == product)).scalar_one()
    event = OrderEvent(
        kind="order.placed",
        occurred_at=iso(utc_now()),
        order_key=f"shop-order-{uuid7()}",
        customer=CustomerRef(external_id=customer),
        currency="EUR",
        lines=[Line(sku=sku, name="x", qty=1, unit_price_minor=1000)],
        offer_codes=("SUMMER10", fresh.lower()),
    )
    link_customer(hold_hub, customer)
    ingest(
        hold_hub.engine,
        HubSettings(db=hold_hub.url),
        source="storefront",
        event_id=uuid7(),
        topic="order.placed",
        event=event,
    )
    second = offer_of(hold_hub, other["id"])
    assert second.status == "redeemed" and second.order_id is not None
    with hold_hub.engine.connect() as conn:
        assert (
            conn.execute(
                sa.select(orders.c.offer_code).where(orders.c.id == second.order_id)
            ).scalar_one()
            == fresh
        )
        after = offer_counts(conn, store_id=device.store_id, start=start, end="9999")
    assert after.by_channel.get("online", 0) == before.by_channel.get("online", 0) + 2


def link_customer(hub: SeededHub, customer_id: str) -> None:
    """The storefront source knows customers by our id (as `hub.storefront` links them)."""
    with write_tx(hub.engine) as conn:
        insert_ignoring_conflicts(
            conn,
            ingest_links,
            {
                "source": "storefront",
                "kind": "customer",
                "external_id": customer_id,
                "internal_id": customer_id,
                "occurred_at": "",
            },
        )
