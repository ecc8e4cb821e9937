"""The store dashboard on small hand-made data with known answers, on both backends, and
who may read it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.domain.metrics import Period, order_net_minor
from clienteling.hub import followup_days, purchase_facts, visit_rollup
from clienteling.hub.db import make_engine, migrate, read_tx, write_tx
from clienteling.hub.identity import merge_customers
from clienteling.hub.stats.dashboard import store_dashboard
from clienteling.hub.stats.funnel import VisitTally, visit_tallies
from clienteling.hub.stats.lifecycle import NEW_STAGE
from clienteling.hub.tables import (
    associates,
    attribution_touches,
    customers,
    feedback,
    followups,
    locations,
    offers,
    order_attributions,
    orders,
    visits,
)
from tests.hub.conftest import SEED_NOW, SeededHub, sign_in

PARIS = "Europe/Paris"
NOW = datetime(2026, 6, 30, 12, tzinfo=UTC)
JUNE = Period(date(2026, 6, 1), date(2026, 7, 1))


class _Data:
    """Two stores in Paris; ids say what they are."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._n = 0
        with write_tx(engine) as conn:
            for store in ("s1", "s2"):
                conn.execute(
                    sa.insert(locations).values(
                        id=store,
                        kind="store",
                        name=store.upper(),
                        city="Paris",
                        timezone=PARIS,
                        currency="EUR",
                        scope="catalog",
                        version=self.n(),
                    )
                )
            conn.execute(
                sa.insert(associates).values(
                    id="a1",
                    username="a1",
                    display_name="Anna",
                    password_hash="!",
                    role="associate",
                    store_id="s1",
                )
            )

    def n(self) -> int:
        self._n += 1
        return self._n

    def customer(self, cid: str, *, store: str = "s1", created: str = "2024-01-01") -> None:
        with write_tx(self.engine) as conn:
            conn.execute(
                sa.insert(customers).values(
                    id=cid,
                    given_name="G",
                    family_name="F",
                    display_name="G F",
                    phones=[],
                    emails=[],
                    loyalty_points=0,
                    home_store_id=store,
                    preferred_channel="email",
                    language="fr",
                    lifecycle_stage="trial",
                    clv_minor=0,
                    currency="EUR",
                    created_at=f"{created}T10:00:00+00:00",
                    updated_at="x",
                    scope=f"store:{store}",
                    version=self.n(),
                )
            )

    def order(
        self,
        cid: str,
        at: str,
        *,
        channel: str = "store",
        store: str | None = "s1",
        associate: str | None = None,
        qty: int = 1,
        returned: int = 0,
        price: int = 10_000,
    ) -> None:
        lines = [
            {
                "product_id": "p",
                "sku": "s",
                "name": "n",
                "qty": qty,
                "unit_price_minor": price,
                "returned_qty": returned,
            }
        ]
        status = (
            "returned" if returned >= qty else "partially_returned" if returned else "fulfilled"
        )
        with write_tx(self.engine) as conn:
            conn.execute(
                sa.insert(orders).values(
                    id=f"o{self.n()}",
                    customer_id=cid,
                    channel=channel,
                    store_id=store,
                    associate_id=associate,
                    placed_at=at,
                    status=status,
                    total_minor=qty * price,
                    net_minor=order_net_minor(lines, status),
                    currency="EUR",
                    lines=lines,
                    scope="store:s1",
                    version=self.n(),
                )
            )
            purchase_facts.refresh(conn, [cid])  # as every order write does

    def visit(
        self, at: str, outcome: str, reason: str | None = None, cid: str | None = None
    ) -> None:
        n = self.n()
        with write_tx(self.engine) as conn:
            conn.execute(
                sa.insert(visits).values(
                    id=f"v{n}",
                    customer_id=cid,
                    store_id="s1",
                    associate_id="a1",
                    associate_name="Anna",
                    at=at,
                    outcome=outcome,
                    reason=reason,
                    reason_text="",
                    products=[],
                    survey_token=f"token-{n:020d}",
                    scope="store:s1",
                    version=n,
                )
            )
            visit_rollup.add(  # as every visit write does
                conn, [{"store_id": "s1", "at": at, "outcome": outcome, "reason": reason}]
            )

    def followup(self, cid: str, status: str, at: str = "2026-06-10T09:00:00+00:00") -> str:
        n = self.n()
        with write_tx(self.engine) as conn:
            conn.execute(
                sa.insert(followups).values(
                    id=f"f{n}",
                    customer_id=cid,
                    associate_id="a1",
                    associate_name="Anna",
                    store_id="s1",
                    channel="email",
                    template="products_tried",
                    language="fr",
                    product_ids=[],
                    personal_line="",
                    status=status,
                    status_reason=None,
                    created_at=at,
                    updated_at=at,
                    scope="store:s1",
                    version=n,
                )
            )
            followup_days.add(  # as every follow-up write does
                conn,
                [
                    {
                        "store_id": "s1",
                        "created_at": at,
                        "template": "products_tried",
                        "channel": "email",
                        "status": status,
                    }
                ],
            )
        return f"f{n}"

    def dashboard(self, period: Period = JUNE, store: str = "s1") -> Any:
        with read_tx(self.engine) as conn:
            return store_dashboard(conn, store_id=store, period=period, now=NOW)


@pytest.fixture
def data(db_url: str) -> Any:
    engine = make_engine(db_url)
    migrate(engine)
    yield _Data(engine)
    engine.dispose()


def test_an_empty_period_has_counts_of_zero_and_rates_of_none(data: _Data) -> None:
    board = data.dashboard()
    assert board.current.in_store.orders == 0
    assert board.current.in_store.revenue_minor == 0
    assert board.omnichannel.value_uplift is None
    assert board.omnichannel.omnichannel.retention_rate is None
    assert board.associates == []
    assert {s.stage: s.customers for s in board.lifecycle} == {
        "acquisition": 0,
        "trial": 0,
        "loyalty": 0,
        "retention": 0,
        "recovery": 0,
    }


def test_in_store_sales_are_net_of_returns_and_credited_to_associates(data: _Data) -> None:
    data.customer("c1")
    data.customer("c2")
    data.order("c1", "2026-06-03T09:00:00+00:00", associate="a1", qty=3, returned=1)  # 200.00
    data.order("c1", "2026-06-04T09:00:00+00:00", associate="a1", qty=1, returned=1)  # all back
    data.order("c2", "2026-06-05T09:00:00+00:00", qty=1)  # nobody credited: 100.00
    data.order("c2", "2026-06-05T10:00:00+00:00", store="s2")  # another store's counter
    board = data.dashboard()
    assert board.current.in_store.orders == 2
    assert board.current.in_store.revenue_minor == 30_000
    assert board.current.in_store.customers == 2
    (anna,) = board.associates
    assert (anna.display_name, anna.orders, anna.revenue_minor) == ("Anna", 1, 20_000)
    assert anna.revenue_share == pytest.approx(2 / 3)
    assert board.unattributed_in_store.revenue_minor == 10_000
    # The chain average: s1 sold 300.00, s2 100.00.
    assert board.chain_average.in_store.revenue_minor == 20_000
    assert board.stores_in_chain == 2


def test_period_bounds_are_the_store_s_local_midnight(data: _Data) -> None:
    """Paris is UTC+2 in summer: 30 June 23:30 local is 21:30 UTC (in June); 1 July 00:30
    local is 30 June 22:30 UTC (in July, although UTC still says June)."""
    data.customer("c1")
    data.order("c1", "2026-06-30T21:30:00+00:00")
    data.order("c1", "2026-06-30T22:30:00+00:00")
    data.order("c1", "2026-05-31T22:30:00+00:00")  # 1 June 00:30 local: in June
    data.order("c1", "2026-05-31T21:30:00+00:00")  # 31 May 23:30 local: the previous period
    board = data.dashboard()
    assert board.current.in_store.orders == 2
    assert board.previous.in_store.orders == 1


def test_online_orders_count_for_the_home_store_and_attribution_for_the_credited_one(
    data: _Data,
) -> None:
    data.customer("c1")
    data.customer("c9", store="s2")
    data.order("c1", "2026-06-10T09:00:00+00:00", channel="web", store=None)
    data.order("c9", "2026-06-10T09:00:00+00:00", channel="web", store="s1")  # via s1's link
    board = data.dashboard()
    assert board.current.online.orders == 1
    assert board.current.attributed_online.orders == 1
    assert board.current.attributed_online.customers == 1


def test_omnichannel_customers_are_compared_with_single_channel_ones(data: _Data) -> None:
    for cid in ("omni", "store_only", "web_only"):
        data.customer(cid)
    data.order("omni", "2025-01-10T09:00:00+00:00", price=30_000)
    data.order("omni", "2025-03-10T09:00:00+00:00", channel="web", store=None, price=30_000)
    data.order("store_only", "2025-02-10T09:00:00+00:00", price=20_000)
    data.order("web_only", "2026-06-01T09:00:00+00:00", channel="web", store=None, price=20_000)
    board = data.dashboard()
    omni, single = board.omnichannel.omnichannel, board.omnichannel.single_channel
    assert (omni.customers, single.customers) == (1, 2)
    assert omni.average_value_minor == 60_000
    assert single.average_value_minor == 20_000
    assert board.omnichannel.value_uplift == pytest.approx(2.0)
    # Retention: omni bought again within 12 months; store_only did not; web_only's first
    # purchase is too recent to judge.
    assert (omni.retention_eligible, omni.retention_rate) == (1, 1.0)
    assert (single.retention_eligible, single.retention_rate) == (1, 0.0)
    assert board.omnichannel.published_retention_omnichannel == 0.89


def test_omnichannel_figures_come_from_the_rollup_whatever_was_bought_later(
    data: _Data,
) -> None:
    for cid in ("omni", "store_only", "web_only"):
        data.customer(cid)
    data.order("omni", "2025-01-10T09:00:00+00:00", price=30_000)
    data.order("omni", "2025-03-10T09:00:00+00:00", channel="web", store=None, price=30_000)
    data.order("store_only", "2025-02-10T09:00:00+00:00", price=20_000)
    data.order("web_only", "2026-06-01T09:00:00+00:00", channel="web", store=None, price=20_000)
    # After June: store_only becomes omnichannel and web_only bought again, which June's
    # figures must not see.
    data.order("store_only", "2026-07-02T09:00:00+00:00", channel="web", store=None)
    data.order("web_only", "2026-07-03T09:00:00+00:00", channel="web", store=None)
    board = data.dashboard()
    omni, single = board.omnichannel.omnichannel, board.omnichannel.single_channel
    assert (omni.customers, single.customers) == (1, 2)
    assert (omni.average_value_minor, single.average_value_minor) == (60_000, 20_000)
    assert (omni.retention_eligible, omni.retention_rate) == (1, 1.0)
    assert (single.retention_eligible, single.retention_rate) == (1, 0.0)
    # Paris midnight is a whole hour: the store's rollup of the facts is read, and only
    # the two who bought after the end are read from their facts and orders (the
    # lifecycle counts read the three customers' facts rows besides).
    assert board.rows_scanned["store_omni_days"] >= 3
    assert board.rows_scanned["customer_purchase_facts"] == 2 + 3
    assert board.rows_scanned["orders"] == 2


def test_lifecycle_stages_and_moves_in_the_period(data: _Data) -> None:
    data.customer("first_buy")  # acquisition -> trial
    data.order("first_buy", "2026-06-10T09:00:00+00:00")
    data.customer("second_buy")  # trial -> loyalty
    data.order("second_buy", "2026-05-20T09:00:00+00:00")
    data.order("second_buy", "2026-06-12T09:00:00+00:00")
    data.customer("newcomer", created="2026-06-15")  # joined in June, no purchase
    data.customer("idle")  # bought long ago: recovery at both ends, no move
    data.order("idle", "2024-02-01T09:00:00+00:00")
    board = data.dashboard()
    stages = {s.stage: s.customers for s in board.lifecycle}
    assert stages == {"acquisition": 1, "trial": 1, "loyalty": 1, "retention": 0, "recovery": 1}
    moves = {(m.from_stage, m.to_stage): m.customers for m in board.lifecycle_moves}
    assert moves == {
        ("acquisition", "trial"): 1,
        ("trial", "loyalty"): 1,
        (NEW_STAGE, "acquisition"): 1,
    }
    assert board.current.new_customers == 1


def test_the_funnel_goes_from_visits_to_credited_online_orders(data: _Data) -> None:
    data.customer("c1")
    data.customer("c9", store="s2")
    for outcome, reason in (
        ("bought_here", None),
        ("left_without_buying", "price"),
        ("left_without_buying", "price"),
        ("will_buy_online", "delivery_options"),
    ):
        data.visit("2026-06-05T10:00:00+00:00", outcome, reason)
    data.visit("2026-05-20T10:00:00+00:00", "left_without_buying", "just_browsing")  # May
    sent = [data.followup("c1", s) for s in ("sent", "opened", "clicked", "converted")]
    data.followup("c1", "refused_no_consent")
    with write_tx(data.engine) as conn:
        conn.execute(
            sa.insert(attribution_touches).values(
                id="t1",
                customer_id="c9",
                followup_id=sent[3],
                associate_id="a1",
                store_id="s1",
                kind="cart",
                at="2026-06-11T09:00:00+00:00",
            )
        )
    # c9 belongs to s2 but ordered from s1's follow-up: credited to s1 through the
    # attribution, not through the order row.
    data.order("c9", "2026-06-12T09:00:00+00:00", channel="web", store=None, price=15_000)
    with write_tx(data.engine) as conn:
        order_id = conn.execute(
            sa.select(orders.c.id).where(orders.c.customer_id == "c9")
        ).scalar_one()
        conn.execute(
            sa.insert(order_attributions).values(
                order_id=order_id,
                followup_id=sent[3],
                associate_id="a1",
                store_id="s1",
                touched_at="2026-06-11T09:00:00+00:00",
                attributed_at="2026-06-12T09:00:00+00:00",
            )
        )
        purchase_facts.refresh(conn, ["c9"])  # as the ingest does after crediting an order
    board = data.dashboard()
    steps = {s.step: s for s in board.funnel}
    assert [s.step for s in board.funnel] == [
        "visits",
        "bought_here",
        "followups_sent",
        "opened",
        "clicked",
        "online_cart",
        "online_order",
    ]
    counts = {k: v.count for k, v in steps.items()}
    assert counts == {
        "visits": 4,
        "bought_here": 1,
        "followups_sent": 4,
        "opened": 3,
        "clicked": 2,
        "online_cart": 1,
        "online_order": 1,
    }
    assert steps["bought_here"].rate == pytest.approx(0.25)
    assert steps["followups_sent"].rate is None  # a journey of its own starts there
    assert steps["opened"].rate == pytest.approx(0.75)
    assert steps["online_order"].revenue_minor == 15_000
    assert steps["visits"].previous_count == 1
    assert board.current.attributed_online.revenue_minor == 15_000
    reasons = [(r.reason, r.visits, r.previous_visits) for r in board.no_purchase_reasons]
    assert reasons == [
        ("price", 2, 0),
        ("delivery_options", 1, 0),
        ("just_browsing", 0, 1),
    ]
    assert board.no_purchase_reasons[0].share == pytest.approx(2 / 3)


def test_feedback_by_touchpoint_and_follow_up_effects(data: _Data) -> None:
    data.customer("c1")
    with write_tx(data.engine) as conn:
        for n, (point, buyer, score, text) in enumerate(
            [
                ("staff", True, 5, ""),
                ("staff", True, 4, "Très bon accueil"),
                ("price", False, 2, "Trop cher"),
                ("price", False, None, ""),
            ]
        ):
            conn.execute(
                sa.insert(feedback).values(
                    id=f"fb{n}",
                    token="tok1" if buyer else "tok2",
                    store_id="s1",
                    customer_id=None,
                    visit_id=None,
                    buyer=buyer,
                    touchpoint=point,
                    score=score,
                    text=text,
                    created_at=f"2026-06-0{n + 1}T10:00:00+00:00",
                    scope="store:s1",
                    version=n + 1,
                )
            )
    data.visit("2026-06-05T10:00:00+00:00", "bought_here")
    data.visit("2026-06-05T11:00:00+00:00", "left_without_buying", "price")
    converted = data.followup("c1", "converted")
    data.followup("c1", "opened")
    data.order("c1", "2026-06-12T09:00:00+00:00", channel="web", store=None, price=9_000)
    with write_tx(data.engine) as conn:
        order_id = conn.execute(
            sa.select(orders.c.id).where(orders.c.channel == "web")
        ).scalar_one()
        conn.execute(
            sa.insert(order_attributions).values(
                order_id=order_id,
                followup_id=converted,
                associate_id="a1",
                store_id="s1",
                touched_at="2026-06-11T09:00:00+00:00",
                attributed_at="2026-06-12T09:00:00+00:00",
            )
        )
        purchase_facts.refresh(conn, ["c1"])  # as the ingest does after crediting an order
    board = data.dashboard()
    found = {(f.touchpoint, f.buyer): (f.answers, f.average_score) for f in board.feedback}
    assert found == {("staff", True): (2, 4.5), ("price", False): (2, 2.0)}
    assert [f.touchpoint for f in board.feedback] == ["staff", "price"]  # journey order
    assert board.surveys_answered == 2
    assert board.survey_response_rate == pytest.approx(2 / 4)  # 2 visits + 2 sent
    assert [c.text for c in board.latest_comments] == ["Trop cher", "Très bon accueil"]
    (effect,) = board.followup_effects
    assert (effect.template, effect.channel) == ("products_tried", "email")
    assert (effect.queued, effect.sent, effect.opened, effect.clicked, effect.converted) == (
        2,
        2,
        2,
        1,
        1,
    )
    assert effect.revenue_minor == 9_000


def test_the_totals_reconcile_with_the_raw_rows(hub: SeededHub) -> None:
    """On the seeded demo chain: the dashboard's in-store revenue for a year equals a plain
    sum over the order rows of the same instants."""
    store_id = hub.summary["store_ids"][0]
    period = Period(date(2024, 6, 1), date(2025, 6, 1))
    with read_tx(hub.engine) as conn:
        board = store_dashboard(conn, store_id=store_id, period=period, now=NOW)
        timezone = conn.execute(
            sa.select(locations.c.timezone).where(locations.c.id == store_id)
        ).scalar_one()
        start, end = (t.isoformat() for t in period.utc_bounds(timezone))
        raw = conn.execute(
            sa.select(orders.c.status, orders.c.lines).where(
                orders.c.channel == "store",
                orders.c.store_id == store_id,
                orders.c.placed_at >= start,
                orders.c.placed_at < end,
            )
        ).all()
    kept = [r for r in raw if r.status != "returned"]
    assert board.current.in_store.orders == len(kept) > 0
    assert board.current.in_store.revenue_minor == sum(
        order_net_minor(r.lines, r.status) for r in raw
    )
    assert sum(s.customers for s in board.lifecycle) > 0


@pytest.mark.parametrize(
    ("username", "store_index", "status"),
    [
        ("demo-manager", 0, 200),
        ("demo-manager", 1, 403),  # a manager sees only their own store
        ("demo-associate", 0, 403),  # associates do not see store statistics
        ("demo-admin", 1, 200),
    ],
)
def test_who_may_read_a_store_s_dashboard(
    client: httpx.Client, hub: SeededHub, username: str, store_index: int, status: int
) -> None:
    sign_in(client, username=username)
    store_id = hub.summary["store_ids"][store_index]
    response = client.get(
        f"/api/v1/stats/stores/{store_id}/dashboard",
        params={"start": "2025-05-01", "end": "2025-05-31"},
    )
    assert response.status_code == status, response.text
    if status == 200:
        assert response.json()["store_id"] == store_id
    else:
        assert response.json()["code"] in {"forbidden_role", "forbidden_store"}


def test_a_period_that_ends_before_it_starts_is_refused(client: httpx.Client) -> None:
    body, _device = sign_in(client, username="demo-manager")
    store_id = body["associate"]["store_id"]
    response = client.get(
        f"/api/v1/stats/stores/{store_id}/dashboard",
        params={"start": "2025-05-31", "end": "2025-05-01"},
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_period"


def test_merged_customers_are_counted_once(data: _Data) -> None:
    """The same person created on two terminals is merged: one new customer, one buyer,
    both purchases kept."""
    data.customer("c1", created="2026-06-02")
    data.customer("c2", created="2026-06-03")
    data.order("c1", "2026-06-04T10:00:00+00:00", associate="a1")
    data.order("c2", "2026-06-05T10:00:00+00:00", associate="a1")
    assert data.dashboard().current.new_customers == 2
    with write_tx(data.engine) as conn:
        merge_customers(conn, merged_id="c2", survivor_id="c1", matched_on="phone", actor=None)
    board = data.dashboard()
    assert board.current.new_customers == 1
    assert board.current.in_store.orders == 2
    assert board.current.in_store.customers == 1
    assert [(a.orders, a.customers) for a in board.associates] == [(2, 1)]
    assert sum(s.customers for s in board.lifecycle) == 1
    assert [(m.from_stage, m.to_stage, m.customers) for m in board.lifecycle_moves] == [
        (NEW_STAGE, "loyalty", 1)
    ]


def test_tasks_and_offers_of_the_period_reconcile_with_their_rows(hub: SeededHub) -> None:
    """The seeded chain's tasks and offers of the last year, as the dashboard counts them."""
    store_id = hub.summary["store_ids"][0]
    today = SEED_NOW.date()
    period = Period(date(today.year - 1, today.month, 1), today + timedelta(days=1))
    with read_tx(hub.engine) as conn:
        board = store_dashboard(conn, store_id=store_id, period=period, now=SEED_NOW)
        timezone = conn.execute(
            sa.select(locations.c.timezone).where(locations.c.id == store_id)
        ).scalar_one()
        start, end = (t.isoformat() for t in period.utc_bounds(timezone))
        in_period = sa.and_(offers.c.store_id == store_id, offers.c.created_at >= start)
        issued, redeemed = conn.execute(
            sa.select(sa.func.count(), sa.func.count(offers.c.redeemed_at)).where(
                in_period, offers.c.created_at < end
            )
        ).one()
    assert board.tasks is not None and board.tasks.total.created > 0
    assert sum(a.created for a in board.tasks.associates) == board.tasks.total.created
    assert board.tasks.total.done <= board.tasks.total.created
    assert (board.offers.issued, board.offers.redeemed) == (issued, redeemed)
    assert board.offers.issued > 0
    assert sum(k.issued for k in board.offers.kinds) == issued
    assert board.offers.redeemed_in_store + board.offers.redeemed_online == redeemed


def test_visits_without_a_reason_count_with_the_other_reason(data: _Data) -> None:
    data.visit("2026-06-05T10:00:00+00:00", "left_without_buying", "other")
    data.visit("2026-06-06T10:00:00+00:00", "left_without_buying", None)
    data.visit("2026-06-07T10:00:00+00:00", "left_without_buying", "price")
    reasons = {r.reason: r.visits for r in data.dashboard().no_purchase_reasons}
    assert reasons == {"other": 2, "price": 1}


def test_one_pass_over_the_visits_tallies_each_period_as_counting_it_alone(data: _Data) -> None:
    """`visit_tallies` of several periods at once (disjoint, in any order, empty or
    overlapping) equals each period counted on its own from the raw visits."""
    for at, outcome, reason in (
        ("2026-05-31T21:59:59+00:00", "left_without_buying", "price"),
        ("2026-05-31T22:00:00+00:00", "bought_here", None),  # Paris midnight, 1 June
        ("2026-06-03T10:00:00+00:00", "left_without_buying", None),
        ("2026-06-03T11:00:00+00:00", "left_without_buying", "other"),
        ("2026-06-04T10:00:00+00:00", "left_without_buying", "price"),
        ("2026-06-30T21:59:59+00:00", "bought_here", None),
        ("2026-06-30T22:00:00+00:00", "left_without_buying", "just_browsing"),
    ):
        data.visit(at, outcome, reason)
    june = ("2026-05-31T22:00:00+00:00", "2026-06-30T22:00:00+00:00")
    may = ("2026-04-30T22:00:00+00:00", "2026-05-31T22:00:00+00:00")
    july = ("2026-06-30T22:00:00+00:00", "2026-07-31T22:00:00+00:00")
    empty = ("2026-06-03T00:00:00+00:00", "2026-06-03T00:00:00+00:00")
    overlapping = ("2026-06-03T00:00:00+00:00", "2026-06-04T00:00:00+00:00")

    def alone(period: tuple[str, str]) -> VisitTally:
        start, end = period
        with read_tx(data.engine) as conn:
            rows = conn.execute(
                sa.select(visits.c.outcome, visits.c.reason).where(
                    visits.c.store_id == "s1", visits.c.at >= start, visits.c.at < end
                )
            ).all()
        reasons: dict[str, int] = {}
        for outcome, reason in rows:
            if outcome != "bought_here":
                reasons[reason or "other"] = reasons.get(reason or "other", 0) + 1
        bought = sum(1 for outcome, _ in rows if outcome == "bought_here")
        return VisitTally(visits=len(rows), bought_here=bought, reasons=reasons)

    for periods in ([june, may], [may, july, june], [june, empty], [june, overlapping], [empty]):
        with read_tx(data.engine) as conn:
            found = visit_tallies(conn, store_id="s1", periods=periods)
        assert found == [alone(p) for p in periods], periods
    assert alone(june) == VisitTally(
        visits=5, bought_here=2, reasons={"price": 1, "other": 2}
    )  # the no-reason visit counts as "other", with the one saying "other"
