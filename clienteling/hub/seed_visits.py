"""Demo store visits: a year of buyers and non-buyers, known customers and anonymous ones.

Every in-store sale of the last year gets its visit (the customer tried what they bought);
anonymous sales and visits that ended without a purchase are added around them so each
store converts 30-35% of its visits, as stores do. Visits follow the calendar (busier
weekends, November and December) and opening hours; the reasons for not buying are
skewed as associates report them (browsers and price first). Deterministic for a given
`seed` and `now`, and written with one executemany in one transaction.
"""

from __future__ import annotations

import base64
import bisect
import functools
import random
from datetime import datetime, timedelta
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.domain.ids import seeded_uuid
from clienteling.domain.visits import Outcome, Reason
from clienteling.hub import tables, versions, visit_rollup
from clienteling.hub.clock import iso
from clienteling.hub.db import write_tx
from clienteling.protocol.entities import store_scope

_T = TypeVar("_T")

DAYS = 365
ANONYMOUS_BUYERS_PER_KNOWN = 0.8  # many buyers at the till never give a card
KNOWN_SHARE_OF_NON_BUYERS = 0.3  # most visitors who buy nothing stay anonymous
CONVERSION = (0.31, 0.34)

# Visits per month (January sales, summer lull, the year-end rush) and per weekday.
_MONTH_WEIGHT = {1: 1.1, 2: 0.8, 3: 0.85, 4: 0.9, 5: 0.9, 6: 1.0}
_MONTH_WEIGHT |= {7: 1.05, 8: 0.8, 9: 0.9, 10: 1.0, 11: 1.45, 12: 1.9}
_WEEKDAY_WEIGHT = (0.8, 0.75, 0.85, 0.9, 1.1, 1.7, 0.5)
# UTC hours of a Paris store day (10:00-20:00 local), busiest late afternoon.
_HOUR_WEIGHT = {8: 3, 9: 5, 10: 7, 11: 9, 12: 8, 13: 8, 14: 9, 15: 11, 16: 12, 17: 10, 18: 6}

_NON_BUYER_OUTCOMES: tuple[tuple[Outcome, int], ...] = (
    ("left_without_buying", 55),
    ("will_come_back", 30),
    ("will_buy_online", 15),
)
_REASONS: dict[Outcome, tuple[tuple[Reason, int], ...]] = {
    "left_without_buying": (
        ("just_browsing", 45),
        ("price", 25),
        ("size_colour_missing", 15),
        ("wants_to_compare", 8),
        ("delivery_options", 2),
        ("other", 5),
    ),
    "will_come_back": (
        ("wants_to_compare", 35),
        ("price", 20),
        ("size_colour_missing", 22),
        ("just_browsing", 13),
        ("other", 10),
    ),
    "will_buy_online": (
        ("delivery_options", 30),
        ("size_colour_missing", 30),
        ("price", 15),
        ("wants_to_compare", 15),
        ("just_browsing", 5),
        ("other", 5),
    ),
}
_OTHER_TEXTS = (
    "Cherche un cadeau, revient avec son conjoint",
    "Voulait un paiement en plusieurs fois",
    "Attend le retour de la démonstration",
    "Préfère attendre le Black Friday",
    "Pas le temps aujourd'hui",
)


def seed_visits(
    engine: Engine,
    *,
    seed: int,
    now: datetime,
    stores: list[dict[str, Any]],
    products: list[dict[str, Any]],
    associates: list[dict[str, Any]],
    customers: list[dict[str, Any]],
    orders: list[dict[str, Any]],
) -> int:
    """Write the visits of the year before `now`; returns how many."""
    maker = _Visits(seed=seed, now=now, products=products, associates=associates)
    rows: list[dict[str, Any]] = []
    scope_of = {c["id"]: c["scope"] for c in customers}
    since = now - timedelta(days=DAYS)
    for store in stores:
        store_orders = [
            o
            for o in orders
            if o["channel"] == "store"
            and o["store_id"] == store["id"]
            and datetime.fromisoformat(o["placed_at"]) >= since
        ]
        for order in store_orders:
            rows.append(maker.buyer(store, order, scope=scope_of[order["customer_id"]]))
        known_buyers = len(store_orders)
        anonymous_buyers = round(known_buyers * ANONYMOUS_BUYERS_PER_KNOWN)
        conversion = maker.rng.uniform(*CONVERSION)
        buyers = known_buyers + anonymous_buyers
        non_buyers = max(0, round(buyers / conversion) - buyers)
        regulars = [c for c in customers if c["home_store_id"] == store["id"]]
        for _ in range(anonymous_buyers):
            rows.append(maker.visit(store, customer=None, outcome="bought_here"))
        for _ in range(non_buyers):
            known = regulars and maker.rng.random() < KNOWN_SHARE_OF_NON_BUYERS
            customer = maker.rng.choice(regulars) if known else None
            outcome = _pick(maker.rng, _NON_BUYER_OUTCOMES)
            rows.append(maker.visit(store, customer=customer, outcome=outcome))
    _insert(engine, rows)
    return len(rows)


@functools.cache
def _cumulative(table: tuple[tuple[_T, int], ...]) -> tuple[list[_T], list[int]]:
    values, running, total = [], [], 0
    for value, weight in table:
        total += weight
        values.append(value)
        running.append(total)
    return values, running


def _pick(rng: random.Random, table: tuple[tuple[_T, int], ...]) -> _T:
    """A weighted draw; the running totals are worked out once per table."""
    values, running = _cumulative(table)
    return values[bisect.bisect_right(running, rng.random() * running[-1])]


class _Visits:
    """The randomness of the visits, apart from the rest of the seed (its own stream)."""

    def __init__(
        self,
        *,
        seed: int,
        now: datetime,
        products: list[dict[str, Any]],
        associates: list[dict[str, Any]],
    ) -> None:
        self.rng = random.Random(seed * 7919 + 3)
        self.now = now
        self.products = products
        self.by_category: dict[str, list[dict[str, Any]]] = {}
        for product in products:
            self.by_category.setdefault(product["category"], []).append(product)
        self.staff: dict[str, list[dict[str, Any]]] = {}
        for person in associates:
            if person["store_id"] is not None:
                self.staff.setdefault(person["store_id"], []).append(person)
        self.days = [now - timedelta(days=d) for d in range(DAYS, 0, -1)]
        weights = [_MONTH_WEIGHT[d.month] * _WEEKDAY_WEIGHT[d.weekday()] for d in self.days]
        total = 0.0
        self.day_cum: list[float] = []
        for weight in weights:
            total += weight
            self.day_cum.append(total)
        self.hours = tuple(_HOUR_WEIGHT.items())

    def moment(self) -> datetime:
        at = bisect.bisect_right(self.day_cum, self.rng.random() * self.day_cum[-1])
        day = self.days[min(at, len(self.days) - 1)]
        hour = _pick(self.rng, self.hours)
        return day.replace(hour=hour, minute=0, second=0) + timedelta(
            seconds=self.rng.randrange(3600)
        )

    def token(self) -> str:
        raw = self.rng.getrandbits(128).to_bytes(16, "big")
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    def associate(self, store_id: str, preferred: str | None = None) -> dict[str, Any] | None:
        people = self.staff.get(store_id, [])
        for person in people:
            if person["id"] == preferred:
                return person
        return self.rng.choice(people) if people else None

    def tried(self, count: int) -> list[dict[str, str]]:
        """`count` products of one category, as an associate shows alternatives."""
        if count == 0:
            return []
        category = self.rng.choice(list(self.by_category))
        pool = self.by_category[category]
        picked = self.rng.sample(pool, min(count, len(pool)))
        return [{"product_id": p["id"], "sku": p["sku"], "name": p["name"]} for p in picked]

    def _row(
        self,
        store: dict[str, Any],
        *,
        at: datetime,
        customer_id: str | None,
        scope: str,
        outcome: Outcome,
        reason: Reason | None,
        products: list[dict[str, str]],
        associate_id: str | None = None,
    ) -> dict[str, Any]:
        person = self.associate(store["id"], associate_id)
        return {
            "id": seeded_uuid(self.rng.getrandbits(74), ms=int(at.timestamp() * 1000)),
            "customer_id": customer_id,
            "store_id": store["id"],
            "associate_id": person["id"] if person else "",
            "associate_name": person["display_name"] if person else "",
            "at": iso(at),
            "outcome": outcome,
            "reason": reason,
            "reason_text": self.rng.choice(_OTHER_TEXTS) if reason == "other" else "",
            "products": products,
            "survey_token": self.token(),
            "scope": scope,
        }

    def buyer(self, store: dict[str, Any], order: dict[str, Any], *, scope: str) -> dict[str, Any]:
        """The visit behind an in-store sale: what was bought, perhaps one more tried."""
        bought = [
            {"product_id": line["product_id"], "sku": line["sku"], "name": line["name"]}
            for line in order["lines"]
        ]
        if self.rng.random() < 0.3:
            extra = self.tried(1)
            if extra and all(extra[0]["product_id"] != p["product_id"] for p in bought):
                bought += extra
        return self._row(
            store,
            at=datetime.fromisoformat(order["placed_at"]),
            customer_id=order["customer_id"],
            scope=scope,
            outcome="bought_here",
            reason=None,
            products=bought,
            associate_id=order["associate_id"],
        )

    def visit(
        self, store: dict[str, Any], *, customer: dict[str, Any] | None, outcome: Outcome
    ) -> dict[str, Any]:
        reason: Reason | None = None
        if outcome != "bought_here":
            reason = _pick(self.rng, _REASONS[outcome])
        if reason == "just_browsing":
            count = _pick(self.rng, ((0, 60), (1, 40)))
        else:
            count = _pick(self.rng, ((1, 50), (2, 35), (3, 15)))
        return self._row(
            store,
            at=self.moment(),
            customer_id=customer["id"] if customer else None,
            scope=customer["scope"] if customer else store_scope(store["id"]),
            outcome=outcome,
            reason=reason,
            products=self.tried(count),
        )


def _insert(engine: Engine, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    rows.sort(key=lambda row: row["at"])
    with write_tx(engine) as conn:
        versions.number(conn, rows)
        conn.execute(sa.insert(tables.visits), rows)
        visit_rollup.rebuild(conn)  # the dashboard's per-day counts, set-based
