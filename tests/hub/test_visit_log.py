"""`visit.log`: store visits of buyers and non-buyers, customers and anonymous visitors,
recorded once, refused with a reason the associate can read, and pulled by the store."""

from __future__ import annotations

import secrets
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from clienteling.domain.ids import uuid7
from clienteling.hub.tables import customers, products, visits

from .conftest import SeededHub, sign_in
from .test_customer_create import pull_all
from .test_sync_push import push

AT = "2025-06-01T10:00:00+00:00"


def a_product(hub: SeededHub, offset: int = 0) -> dict[str, Any]:
    with hub.engine.connect() as conn:
        row = conn.execute(
            sa.select(products.c.id, products.c.sku, products.c.name)
            .order_by(products.c.id)
            .offset(offset)
            .limit(1)
        ).one()
    return {"product_id": row.id, "sku": row.sku, "name": row.name}


def visit_args(**overrides: Any) -> dict[str, Any]:
    args: dict[str, Any] = {
        "id": uuid7(),
        "customer_id": None,
        "at": AT,
        "outcome": "left_without_buying",
        "reason": "price",
        "reason_text": "",
        "products": [],
        "survey_token": secrets.token_urlsafe(16),
    }
    args.update(overrides)
    return args


def mutation(mutation_id: int, args: dict[str, Any]) -> dict[str, Any]:
    return {"id": mutation_id, "name": "visit.log", "args": args, "created_at": AT}


def stored(hub: SeededHub, visit_id: str) -> sa.Row[Any] | None:
    with hub.engine.connect() as conn:
        return conn.execute(sa.select(visits).where(visits.c.id == visit_id)).first()


def test_a_non_buyer_visit_is_stored_with_the_session_associate(
    client: httpx.Client, hub: SeededHub
) -> None:
    body, device = sign_in(client)
    customer = hub.customer_of(0)
    laptop, other = a_product(hub, 0), a_product(hub, 1)
    # The terminal's snapshot may be stale; the hub stores its own catalogue names.
    args = visit_args(
        customer_id=customer,
        outcome="will_come_back",
        reason="wants_to_compare",
        products=[laptop, {**other, "name": "old name"}],
    )
    response = push(client, device, [mutation(1, args)])
    assert response.status_code == 200, response.text
    assert response.json()["results"][0]["status"] == "applied"

    row = stored(hub, args["id"])
    assert row is not None
    assert row.customer_id == customer
    assert row.store_id == body["associate"]["store_id"]
    assert row.associate_id == body["associate"]["id"]
    assert row.associate_name == body["associate"]["display_name"]
    assert (row.outcome, row.reason, row.reason_text) == ("will_come_back", "wants_to_compare", "")
    assert row.products == [laptop, other]
    assert row.survey_token == args["survey_token"]
    with hub.engine.connect() as conn:
        scope = conn.execute(
            sa.select(customers.c.scope).where(customers.c.id == customer)
        ).scalar_one()
    assert row.scope == scope


def test_an_anonymous_visit_goes_to_the_store_scope_and_is_pulled(
    client: httpx.Client, hub: SeededHub
) -> None:
    body, device = sign_in(client)
    scope = f"store:{body['associate']['store_id']}"
    _, cursor = pull_all(client, device, scope)
    args = visit_args(outcome="bought_here", reason=None, products=[a_product(hub, 2)])
    assert push(client, device, [mutation(1, args)]).json()["results"][0]["status"] == "applied"

    row = stored(hub, args["id"])
    assert row is not None and row.customer_id is None and row.scope == scope
    changes, _ = pull_all(client, device, scope, cursor)
    pulled = [c for c in changes if c["entity"] == "visit"]
    assert [c["id"] for c in pulled] == [args["id"]]
    assert pulled[0]["data"]["customer_id"] is None
    assert pulled[0]["data"]["outcome"] == "bought_here"
    assert pulled[0]["data"]["survey_token"] == args["survey_token"]


def test_a_visit_sent_again_changes_nothing(client: httpx.Client, hub: SeededHub) -> None:
    _, device = sign_in(client)
    args = visit_args(reason="just_browsing")
    assert push(client, device, [mutation(1, args)]).json()["results"][0]["status"] == "applied"
    before = stored(hub, args["id"])

    again = push(client, device, [mutation(1, args)])
    assert again.json()["results"][0]["status"] == "duplicate"
    # The same visit under a new mutation id (e.g. after the outbox was realigned).
    changed = {**args, "outcome": "bought_here", "reason": None}
    assert push(client, device, [mutation(2, changed)]).json()["results"][0]["status"] == "applied"
    assert stored(hub, args["id"]) == before
    with hub.engine.connect() as conn:
        count = conn.execute(
            sa.select(sa.func.count()).where(visits.c.id == args["id"])
        ).scalar_one()
    assert count == 1


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"outcome": "sold"}, "unknown visit outcome"),
        ({"reason": None}, "say why nothing was bought"),
        ({"reason": "weather"}, "unknown reason"),
        ({"reason": "other", "reason_text": "  "}, "describe the reason"),
        ({"outcome": "bought_here", "reason": "price"}, "ended in a purchase has no reason"),
        ({"products": [{"product_id": "nope", "sku": "X", "name": "X"}]}, "unknown product"),
        ({"survey_token": "short"}, "survey token"),
        ({"at": "yesterday"}, "not a valid time"),
        ({"at": "2999-01-01T00:00:00+00:00"}, "in the future"),
        ({"customer_id": "no-such-customer"}, "unknown customer"),
        ({"outcome": 3}, "invalid visit arguments"),
    ],
)
def test_invalid_visits_are_refused_with_a_reason(
    client: httpx.Client, hub: SeededHub, overrides: dict[str, Any], reason: str
) -> None:
    _, device = sign_in(client)
    args = visit_args(**overrides)
    result = push(client, device, [mutation(1, args)]).json()["results"][0]
    assert result["status"] == "rejected"
    assert reason in result["reason"]
    assert stored(hub, args["id"]) is None


def test_too_many_products_are_refused(client: httpx.Client, hub: SeededHub) -> None:
    _, device = sign_in(client)
    many = [a_product(hub, i) for i in range(21)]
    result = push(client, device, [mutation(1, visit_args(products=many))]).json()["results"][0]
    assert result["status"] == "rejected"
    assert "at most 20 products" in result["reason"]


def test_a_customer_of_another_store_is_refused(client: httpx.Client, hub: SeededHub) -> None:
    _, device = sign_in(client)
    args = visit_args(customer_id=hub.customer_of(1))
    result = push(client, device, [mutation(1, args)]).json()["results"][0]
    assert result["status"] == "rejected"
    assert "another store" in result["reason"]


def test_a_survey_token_belongs_to_one_visit(client: httpx.Client, hub: SeededHub) -> None:
    _, device = sign_in(client)
    first = visit_args()
    second = visit_args(survey_token=first["survey_token"])
    results = push(client, device, [mutation(1, first), mutation(2, second)]).json()["results"]
    assert [r["status"] for r in results] == ["applied", "rejected"]
    assert "another visit" in results[1]["reason"]


def test_the_seed_converts_a_third_of_store_visits(hub: SeededHub) -> None:
    with hub.engine.connect() as conn:
        rows = conn.execute(
            sa.select(visits.c.store_id, visits.c.outcome, visits.c.reason, visits.c.customer_id)
            .where(visits.c.associate_id != "")
            .where(visits.c.at < hub.summary["now"])
        ).all()
    assert len(rows) >= hub.summary["visits"] * 0.9
    for store_id in hub.summary["store_ids"]:
        mine = [r for r in rows if r.store_id == store_id]
        bought = sum(r.outcome == "bought_here" for r in mine)
        assert 0.28 <= bought / len(mine) <= 0.37
    assert all((r.reason is None) == (r.outcome == "bought_here") for r in rows)
    assert any(r.customer_id is None for r in rows)
    assert any(r.customer_id is not None and r.outcome != "bought_here" for r in rows)


def test_a_survey_follow_up_asks_about_its_visit(client: httpx.Client, hub: SeededHub) -> None:
    """`followup.queue` with `visit_id` (the visit form's "send by SMS"): its survey link
    counts answers as that visit's, a buyer's when the visit ended in a purchase; a visit
    the hub does not have in this store refuses the follow-up."""
    from clienteling.hub.delivery.compose import compose
    from clienteling.hub.tables import followups, survey_links

    from .followup_kit import queue_args

    _body, device = sign_in(client)
    customer = hub.customer_of(0)
    bought = visit_args(customer_id=customer, outcome="bought_here", reason=None)
    survey = queue_args(customer, [], channel="sms", template="visit_survey", visit_id=bought["id"])
    unknown = queue_args(customer, [], channel="sms", template="visit_survey", visit_id=uuid7())
    answer = push(
        client,
        device,
        [
            mutation(1, bought),
            {"id": 2, "name": "followup.queue", "args": survey, "created_at": AT},
            {"id": 3, "name": "followup.queue", "args": unknown, "created_at": AT},
        ],
    )
    results = answer.json()["results"]
    assert [r["status"] for r in results] == ["applied", "applied", "rejected"]
    assert "unknown visit" in results[2]["reason"]

    with hub.engine.connect() as conn:
        links = conn.execute(
            sa.select(survey_links).where(survey_links.c.visit_id == bought["id"])
        ).all()
        row = conn.execute(sa.select(followups).where(followups.c.id == survey["id"])).one()
        message = compose(conn, row, public_url="https://shop.example")
    assert len(links) == 2 and {link.buyer for link in links} == {True}
    sms_link = next(link for link in links if link.token != bought["survey_token"])
    assert f"https://shop.example/s/{sms_link.token}" in message.short
    assert "/f/" not in message.short  # the survey, not the picks' landing page
