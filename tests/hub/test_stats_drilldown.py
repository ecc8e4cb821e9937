"""The rows behind dashboard numbers: as many as the number says, and only for managers."""

from __future__ import annotations

from datetime import UTC, date, datetime

import httpx
import pytest
import sqlalchemy as sa

from clienteling.domain.metrics import FUNNEL_STEPS, Period
from clienteling.hub.db import read_tx
from clienteling.hub.stats.dashboard import store_dashboard
from clienteling.hub.stats.drilldown import NO_ASSOCIATE, UnknownFigureError, drilldown
from clienteling.hub.tables import audit
from clienteling.protocol.dashboard import DrillDown
from tests.hub.conftest import SeededHub, sign_in

NOW = datetime(2026, 6, 30, 12, tzinfo=UTC)
YEAR = Period(date(2024, 6, 1), date(2025, 6, 1))


def test_every_number_has_as_many_rows_as_it_counts(hub: SeededHub) -> None:
    store_id = hub.summary["store_ids"][0]
    with read_tx(hub.engine) as conn:
        board = store_dashboard(conn, store_id=store_id, period=YEAR, now=NOW)

        def total(figure: str, key: str | None = None) -> int:
            found = drilldown(
                conn,
                store_id=store_id,
                period=YEAR,
                figure=figure,
                key=key,
                now=NOW,
                limit=5,
            )
            assert len(found.rows) == min(5, found.total)
            return found.total

        expected: dict[tuple[str, str | None], int] = {
            ("funnel", step.step): step.count for step in board.funnel
        }
        expected |= {("reason", r.reason): r.visits for r in board.no_purchase_reasons}
        expected |= {("stage", s.stage): s.customers for s in board.lifecycle}
        expected |= {("associate", a.associate_id): a.orders for a in board.associates}
        expected[("associate", NO_ASSOCIATE)] = board.unattributed_in_store.orders
        expected[("in_store_orders", None)] = board.current.in_store.orders
        expected[("online_orders", None)] = board.current.online.orders
        expected[("attributed_orders", None)] = board.current.attributed_online.orders
        expected[("new_customers", None)] = board.current.new_customers
        assert {key for key in expected if key[0] == "funnel"} == {
            ("funnel", step) for step in FUNNEL_STEPS
        }
        assert sum(expected.values()) > 0
        found = {key: total(*key) for key in expected}
    assert found == expected


def test_rows_are_newest_first_and_page(hub: SeededHub) -> None:
    store_id = hub.summary["store_ids"][0]
    with read_tx(hub.engine) as conn:
        first = drilldown(
            conn, store_id=store_id, period=YEAR, figure="funnel", key="visits", now=NOW, limit=10
        )
        second = drilldown(
            conn,
            store_id=store_id,
            period=YEAR,
            figure="funnel",
            key="visits",
            now=NOW,
            limit=10,
            offset=10,
        )
        with pytest.raises(UnknownFigureError):
            drilldown(
                conn, store_id=store_id, period=YEAR, figure="stage", key="x", now=NOW, limit=1
            )
    assert first.total == second.total > 20
    times = [r.at for r in first.rows + second.rows]
    assert times == sorted(times, reverse=True)
    assert all(r.kind == "visit" and r.code for r in first.rows)


@pytest.mark.parametrize(
    ("username", "store_index", "status"),
    [
        ("demo-manager", 0, 200),
        ("demo-manager", 1, 403),
        ("demo-associate", 0, 403),
        ("demo-admin", 1, 200),
    ],
)
def test_who_may_list_the_rows_behind_a_number(
    client: httpx.Client, hub: SeededHub, username: str, store_index: int, status: int
) -> None:
    sign_in(client, username=username)
    store_id = hub.summary["store_ids"][store_index]
    response = client.get(
        f"/api/v1/stats/stores/{store_id}/drilldown",
        params={"start": "2024-06-01", "end": "2025-05-31", "figure": "new_customers"},
    )
    assert response.status_code == status, response.text
    if status != 200:
        return
    found = DrillDown.model_validate_json(response.content)
    assert found.total > 0 and found.rows[0].customer_name
    with read_tx(hub.engine) as conn:
        details = conn.execute(
            sa.select(audit.c.detail).where(audit.c.action == "stats.drilldown")
        ).scalars()
        assert f"{store_id} new_customers: 2024-06-01..2025-05-31" in set(details)


def test_an_unknown_figure_is_refused(client: httpx.Client) -> None:
    body, _device = sign_in(client, username="demo-manager")
    store_id = body["associate"]["store_id"]
    for params in ({"figure": "revenue"}, {"figure": "funnel", "key": "nope"}):
        response = client.get(
            f"/api/v1/stats/stores/{store_id}/drilldown",
            params={"start": "2025-05-01", "end": "2025-05-31", **params},
        )
        assert response.status_code == 422, response.text
        assert response.json()["code"] == "unknown_figure"
