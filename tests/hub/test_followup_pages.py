"""The pages behind follow-up links: landing with picks, the storefront cart and checkout
(the same ingest events as a web shop, attributed to the associate), preferences (an
opt-out that wins), and the survey (by touchpoint, anonymous allowed)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from clienteling.domain.ids import uuid7
from clienteling.domain.money import format_money
from clienteling.hub.db import write_tx
from clienteling.hub.delivery.worker import run_pass
from clienteling.hub.devsinks import SmtpSink
from clienteling.hub.surveys import register_survey_link
from clienteling.hub.tables import (
    attribution_touches,
    carts,
    consents,
    feedback,
    followup_links,
    order_attributions,
    orders,
    products,
    survey_links,
)

from .conftest import SeededHub, sign_in
from .followup_kit import (
    NOON,
    Device,
    customer_with_contacts,
    delivery_settings,
    queue_args,
    set_consent,
    some_products,
    status_of,
)


@pytest.fixture
def device(client: httpx.Client) -> Device:
    body, device_id = sign_in(client)
    return Device(http=client, device_id=device_id, store_id=body["associate"]["store_id"])


@pytest.fixture
def sink() -> Iterator[SmtpSink]:
    with SmtpSink() as running:
        yield running


def token_of(hub: SeededHub, followup_id: str, kind: str) -> str:
    with hub.engine.connect() as conn:
        return str(
            conn.execute(
                sa.select(followup_links.c.token).where(
                    followup_links.c.followup_id == followup_id, followup_links.c.kind == kind
                )
            ).scalar_one()
        )


def sent_followup(
    device: Device, hub: SeededHub, sink: SmtpSink, *, skip: int, **overrides: Any
) -> dict[str, Any]:
    customer = customer_with_contacts(hub.engine, device.store_id, skip=skip)
    set_consent(hub.engine, customer, "email", True)
    args = queue_args(customer, some_products(hub.engine, 2), **overrides)
    device.push(("followup.queue", args))
    run_pass(
        hub.engine, delivery_settings(hub.url, smtp_url=sink.url), public_url=hub.url, now=NOON
    )
    assert status_of(hub.engine, args["id"])[0] == "sent"
    return args


def test_unknown_or_malformed_tokens_are_404_pages(client: httpx.Client) -> None:
    for path in (
        "/f/" + "A" * 43,
        "/f/short",
        "/u/" + "B" * 43,
        "/s/" + "C" * 43,
        "/s/" + "é" * 20,
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"] == "text/html; charset=utf-8"


def test_landing_cart_checkout_attributed_to_the_associate(
    device: Device, hub: SeededHub, sink: SmtpSink
) -> None:
    args = sent_followup(device, hub, sink, skip=20, language="vi", personal_line="<b>Chào</b> bạn")
    token = token_of(hub, args["id"], "landing")
    http = httpx.Client(base_url=hub.url, timeout=30, follow_redirects=True)  # no sign-in
    page = http.get(f"/f/{token}")
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert '<meta charset="utf-8">' in page.text and 'lang="vi"' in page.text
    assert "Thêm vào giỏ" in page.text
    assert "&lt;b&gt;Chào&lt;/b&gt; bạn" in page.text
    with hub.engine.connect() as conn:
        price, currency = conn.execute(
            sa.select(products.c.price_minor, products.c.currency).where(
                products.c.id == args["product_ids"][0]
            )
        ).one()
    shown = format_money(price, currency, "vi")
    assert shown != format_money(price, currency)  # "935,99 EUR", not "935.99 EUR"
    assert shown in page.text  # the price as the reader writes numbers
    assert status_of(hub.engine, args["id"])[0] == "clicked"

    added = http.post(f"/f/{token}/cart", data={"product_id": args["product_ids"][0]})
    assert added.status_code == 200 and "× 1" in added.text  # followed to the cart page
    http.post(f"/f/{token}/cart/all")
    with hub.engine.connect() as conn:
        cart = conn.execute(
            sa.select(carts).where(
                carts.c.customer_id == args["customer_id"], carts.c.status == "open"
            )
        ).one()
    assert sorted(line["qty"] for line in cart.lines) == [1, 2]
    assert cart.scope == f"store:{device.store_id}"

    done = http.post(f"/f/{token}/checkout")
    assert done.status_code == 200 and 'id="ordered"' in done.text
    with hub.engine.connect() as conn:
        credit = conn.execute(
            sa.select(order_attributions, orders.c.channel, orders.c.total_minor)
            .join(orders, orders.c.id == order_attributions.c.order_id)
            .where(orders.c.customer_id == args["customer_id"])
        ).one()
        cart_after = conn.execute(
            sa.select(carts.c.status).where(carts.c.id == cart.id)
        ).scalar_one()
    assert credit.followup_id == args["id"]
    assert credit.associate_id == device_associate(device)
    assert credit.store_id == device.store_id and credit.channel == "web"
    assert cart_after == "ordered"
    assert status_of(hub.engine, args["id"])[0] == "converted"
    http.close()


def device_associate(device: Device) -> str:
    me = device.http.post(
        "/api/v1/auth/sign-in",
        json={"username": "demo-associate", "password": "demo", "device_id": device.device_id},
    )
    return str(me.json()["associate"]["id"])


def test_an_order_with_no_touch_in_the_window_is_not_attributed(hub: SeededHub) -> None:
    from datetime import timedelta

    from clienteling.hub.attribution import attribute_order

    customer = hub.customer_of(1)
    with write_tx(hub.engine) as conn:
        conn.execute(
            sa.insert(attribution_touches).values(
                id=uuid7(),
                customer_id=customer,
                followup_id="f-old",
                associate_id="a-old",
                store_id=None,
                kind="click",
                at=(NOON - timedelta(days=15)).isoformat(),
            )
        )
        assert not attribute_order(
            conn, order_id=uuid7(), customer_id=customer, at=NOON, window_days=14
        )
        assert attribute_order(
            conn, order_id=uuid7(), customer_id=customer, at=NOON, window_days=16
        )


def test_opt_out_on_the_page_wins_and_stops_queued_followups(
    device: Device, hub: SeededHub, sink: SmtpSink
) -> None:
    first = sent_followup(device, hub, sink, skip=21)
    customer = first["customer_id"]
    set_consent(hub.engine, customer, "sms", True)
    queued = queue_args(customer, [], template="win_back")
    device.push(("followup.queue", queued))  # waiting to be sent
    token = token_of(hub, first["id"], "unsubscribe")
    http = httpx.Client(base_url=hub.url, timeout=30, follow_redirects=True)
    page = http.get(f"/u/{token}")
    assert page.status_code == 200 and 'id="unsubscribe-email"' in page.text
    done = http.post(f"/u/{token}", data={"channel": "email"})
    assert done.status_code == 200 and 'id="done"' in done.text
    assert 'id="unsubscribe-email"' not in done.text and 'id="unsubscribe-sms"' in done.text
    with hub.engine.connect() as conn:
        newest = conn.execute(
            sa.select(consents.c.granted, consents.c.source)
            .where(consents.c.customer_id == customer, consents.c.channel == "email")
            .order_by(consents.c.version.desc())
            .limit(1)
        ).one()
    assert (newest.granted, newest.source) == (False, "preferences_page")
    before = len(sink.snapshot())
    report = run_pass(
        hub.engine, delivery_settings(hub.url, smtp_url=sink.url), public_url=hub.url, now=NOON
    )
    assert queued["id"] in report.refused
    assert len(sink.snapshot()) == before
    # RFC 8058 one-click from the mail client: the follow-up's channel (email) again is a
    # no-op; the page still answers.
    one_click = http.post(f"/u/{token}", data={"List-Unsubscribe": "One-Click"})
    assert one_click.status_code == 200
    http.close()


def test_email_carries_one_click_unsubscribe_headers(
    device: Device, hub: SeededHub, sink: SmtpSink
) -> None:
    args = sent_followup(device, hub, sink, skip=22)
    token = token_of(hub, args["id"], "unsubscribe")
    mail = next(m for m in sink.snapshot() if token in str(m.message["List-Unsubscribe"]))
    assert mail.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_survey_by_touchpoint_and_anonymous(hub: SeededHub, client: httpx.Client) -> None:
    customer = hub.customer_of(0)
    # Tokens of any URL-safe shape (other parts register their own).
    named, anonymous, non_buyer = "D" * 43, "receipt-E-0001-short", "F" * 64
    with write_tx(hub.engine) as conn:
        for token, buyer in ((named, True), (anonymous, True), (non_buyer, False)):
            register_survey_link(
                conn, token=token, store_id=None, customer_id=customer, visit_id="v1", buyer=buyer
            )
            register_survey_link(  # idempotent
                conn, token=token, store_id=None, customer_id=customer, visit_id="v1", buyer=buyer
            )
    page = client.get(f"/s/{named}")
    assert page.status_code == 200 and 'name="score_packaging"' in page.text
    assert 'name="score_packaging"' not in client.get(f"/s/{non_buyer}").text
    client.post(
        f"/s/{named}",
        data={
            "score_staff": "5",
            "score_delivery": "2",
            "text": "Carton abîmé",
            "text_touchpoint": "packaging",
        },
    )
    client.post(f"/s/{anonymous}", data={"score_price": "4", "anonymous": "1"})
    with hub.engine.connect() as conn:
        rows = conn.execute(
            sa.select(feedback)
            .where(feedback.c.token.in_([named, anonymous]))
            .order_by(feedback.c.touchpoint)
        ).all()
        links = conn.execute(
            sa.select(sa.func.count())
            .select_from(survey_links)
            .where(survey_links.c.token == named)
        ).scalar_one()
    got = {(r.token == named, r.touchpoint, r.score, r.text, r.customer_id) for r in rows}
    assert got == {
        (True, "delivery", 2, "", customer),
        (True, "packaging", None, "Carton abîmé", customer),
        (True, "staff", 5, "", customer),
        (False, "price", 4, "", None),
    }
    assert links == 1
    assert all(r.buyer is True and r.visit_id in ("v1", None) for r in rows)


def test_demo_outbox_is_not_served_outside_the_demo(client: httpx.Client) -> None:
    assert client.get("/demo/outbox").status_code == 404


def test_an_order_from_any_web_shop_is_credited_to_the_last_touch(
    device: Device, hub: SeededHub, sink: SmtpSink
) -> None:
    from clienteling.hub.ingest.apply import ingest
    from clienteling.hub.ingest.events import CustomerRef, Line, OrderEvent
    from clienteling.hub.settings import HubSettings
    from clienteling.hub.tables import customers

    args = sent_followup(device, hub, sink, skip=23)
    with httpx.Client(base_url=hub.url, timeout=30) as http:
        assert http.get(f"/f/{token_of(hub, args['id'], 'landing')}").status_code == 200
    with hub.engine.connect() as conn:
        email = conn.execute(
            sa.select(customers.c.emails).where(customers.c.id == args["customer_id"])
        ).scalar_one()[0]
    placed = NOON.isoformat()  # NOON is tomorrow: within the window after today's click
    result = ingest(
        hub.engine,
        HubSettings(db=hub.url),
        source="webshop",
        event_id=uuid7(),
        topic="order.placed",
        event=OrderEvent(
            kind="order.placed",
            occurred_at=placed,
            order_key=f"W-{uuid7()}",
            customer=CustomerRef(email=email),
            currency="EUR",
            lines=[Line(sku="X-1", name="Parka", qty=1, unit_price_minor=199_00)],
        ),
    )
    assert result.status == "applied"
    with hub.engine.connect() as conn:
        credit = conn.execute(
            sa.select(order_attributions.c.followup_id, orders.c.customer_id)
            .join(orders, orders.c.id == order_attributions.c.order_id)
            .where(order_attributions.c.followup_id == args["id"])
        ).one()
    assert credit.customer_id == args["customer_id"]
    assert status_of(hub.engine, args["id"])[0] == "converted"


def _touch(hub: SeededHub, customer: str, *, associate: str, at: str) -> str:
    followup_id = f"f-{uuid7()}"
    with write_tx(hub.engine) as conn:
        conn.execute(
            sa.insert(attribution_touches).values(
                id=uuid7(),
                customer_id=customer,
                followup_id=followup_id,
                associate_id=associate,
                store_id=None,
                kind="click",
                at=at,
            )
        )
    return followup_id


def _web_order(hub: SeededHub, customer: str, *, window_days: int) -> str | None:
    """A web order of `customer` at NOON through ingest; the follow-up it is credited to."""
    from clienteling.hub.ingest.apply import ingest
    from clienteling.hub.ingest.events import CustomerRef, Line, OrderEvent
    from clienteling.hub.settings import HubSettings
    from clienteling.hub.tables import customers

    with hub.engine.connect() as conn:
        email = conn.execute(
            sa.select(customers.c.emails).where(customers.c.id == customer)
        ).scalar_one()[0]

    def order_ids() -> set[str]:
        with hub.engine.connect() as conn:
            found = conn.execute(sa.select(orders.c.id).where(orders.c.customer_id == customer))
            return {str(i) for i in found.scalars()}

    before = order_ids()
    result = ingest(
        hub.engine,
        HubSettings(db=hub.url, attribution_window_days=window_days),
        source="webshop",
        event_id=uuid7(),
        topic="order.placed",
        event=OrderEvent(
            kind="order.placed",
            occurred_at=NOON.isoformat(),
            order_key=f"W-{uuid7()}",
            customer=CustomerRef(email=email),
            currency="EUR",
            lines=[Line(sku="X-2", name="Scarf", qty=1, unit_price_minor=49_00)],
        ),
    )
    assert result.status == "applied"
    (order_id,) = order_ids() - before
    with hub.engine.connect() as conn:
        return conn.execute(
            sa.select(order_attributions.c.followup_id).where(
                order_attributions.c.order_id == order_id
            )
        ).scalar_one_or_none()


def test_the_last_touch_wins_within_the_configured_window(device: Device, hub: SeededHub) -> None:
    from datetime import timedelta

    # The store's last customers with contacts: no other test touches them.
    two_touches = customer_with_contacts(hub.engine, device.store_id, skip=-1)
    older = _touch(
        hub, two_touches, associate="a-first", at=(NOON - timedelta(hours=5)).isoformat()
    )
    newer = _touch(hub, two_touches, associate="a-last", at=(NOON - timedelta(hours=1)).isoformat())
    assert older != newer
    assert _web_order(hub, two_touches, window_days=14) == newer

    five_days = customer_with_contacts(hub.engine, device.store_id, skip=-2)
    _touch(hub, five_days, associate="a-old", at=(NOON - timedelta(days=5)).isoformat())
    assert _web_order(hub, five_days, window_days=3) is None  # CLIENTELING_ATTRIBUTION_...
