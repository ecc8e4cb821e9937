"""The REST reads of a customer's journey beyond the profile: visits, follow-ups, survey
answers and the consent log (issue 4, "REST API": visits, follow-ups, feedback, consent).
Every row of the seeded customer, newest first, paged without gaps or repeats, and the
read audited. Another store's customer is 404 (`test_scope_matrix`). Both backends."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
import sqlalchemy as sa

from clienteling.hub.tables import audit, consents, customers, feedback, followups, visits
from clienteling.protocol.entities import store_scope

from .api_support import role_clients
from .conftest import SeededHub
from .test_api_resources import all_pages

RESOURCES = {
    "visits": (visits, visits.c.at),
    "followups": (followups, followups.c.created_at),
    "feedback": (feedback, feedback.c.created_at),
    "consents": (consents, consents.c.at),
}


@pytest.fixture(scope="module")
def clients(hub: SeededHub) -> Iterator[dict[str, httpx.Client]]:
    with role_clients(hub) as signed_in:
        yield signed_in


def busiest_customer(hub: SeededHub, table: sa.Table) -> tuple[str, list[tuple[str, str]]]:
    """The Paris customer with the most rows in `table`, and those rows' (time, id)."""
    paris = store_scope(hub.summary["store_ids"][0])
    (_, time) = RESOURCES[table.name]
    with hub.engine.connect() as conn:
        customer = conn.execute(
            sa.select(table.c.customer_id)
            .join(customers, customers.c.id == table.c.customer_id)
            .where(customers.c.scope == paris)
            .group_by(table.c.customer_id)
            .order_by(sa.func.count().desc(), table.c.customer_id)
            .limit(1)
        ).scalar_one()
        rows = conn.execute(
            sa.select(time, table.c.id).where(table.c.customer_id == customer)
        ).all()
    return str(customer), sorted(((str(t), str(i)) for t, i in rows), reverse=True)


@pytest.mark.parametrize("resource", sorted(RESOURCES))
def test_every_row_newest_first_in_pages_and_audited(
    clients: dict[str, httpx.Client], hub: SeededHub, resource: str
) -> None:
    table, _ = RESOURCES[resource]
    customer, expected = busiest_customer(hub, table)
    assert expected, f"the seed has no {resource} of a Paris customer"
    http = clients["associate"]
    pages = all_pages(http, f"/api/v1/customers/{customer}/{resource}", limit=1)
    assert len(pages) == len(expected)
    assert [item["id"] for page in pages for item in page] == [i for _, i in expected]
    with hub.engine.connect() as conn:
        read = conn.execute(
            sa.select(sa.func.count()).where(
                audit.c.customer_id == customer, audit.c.detail.contains(resource)
            )
        ).scalar_one()
    assert read >= len(pages)


def test_a_visit_carries_its_products_and_reason(
    clients: dict[str, httpx.Client], hub: SeededHub
) -> None:
    customer, _ = busiest_customer(hub, visits)
    items = clients["manager"].get(f"/api/v1/customers/{customer}/visits").json()["items"]
    with hub.engine.connect() as conn:
        row = conn.execute(sa.select(visits).where(visits.c.id == items[0]["id"])).one()
    assert items[0]["products"] == row.products
    assert (items[0]["outcome"], items[0]["reason"]) == (row.outcome, row.reason)
    assert items[0]["store_id"] == row.store_id


def test_an_unknown_customer_is_404(clients: dict[str, httpx.Client]) -> None:
    for resource in RESOURCES:
        response = clients["admin"].get(f"/api/v1/customers/no-such-customer/{resource}")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
