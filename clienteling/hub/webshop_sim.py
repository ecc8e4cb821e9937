"""A pretend web shop for the demo: shoppers of one store fill, change and abandon online
carts (viewing each product before adding it), and now and then order, so the terminal's
profiles show carts and recently viewed products changing live.

Events are our generic ingest format (`hub.ingest.generic`), applied in-process through
the same `ingest` as `POST /api/v1/ingest/{source}` (source "webshop-demo"), so the demo
exercises the real path from shop event to terminal: versions, the change feed, sync.
Shoppers are found by email, as a real shop would send them.
"""

from __future__ import annotations

import logging
import random
import threading
import uuid
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.hub import listing
from clienteling.hub.db import make_engine, read_tx
from clienteling.hub.ingest import generic
from clienteling.hub.ingest.apply import ingest
from clienteling.hub.ingest.events import BadEventError
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import customers, products
from clienteling.protocol.entities import store_scope

log = logging.getLogger(__name__)

SOURCE = "webshop-demo"
_SHOPPERS = 12
_STEPS = ("shipping", "payment")


class WebShopSimulator:
    def __init__(
        self,
        engine: Engine,
        settings: HubSettings,
        *,
        store_id: str,
        interval_s: float = 4.0,
        seed: int = 1,
    ) -> None:
        self._engine = engine
        self._settings = settings
        self._store_id = store_id
        self._interval_s = interval_s
        self._rng = random.Random(seed)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._carts: dict[str, list[dict[str, Any]]] = {}  # email -> lines

    @property
    def store_id(self) -> str:
        return self._store_id

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="webshop-demo", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def _run(self) -> None:
        shoppers, catalogue = self._load()
        if not shoppers or not catalogue:
            return
        while not self._stop.wait(self._interval_s):
            try:
                self.step(shoppers, catalogue)
            except BadEventError as exc:  # a demo glitch must not stop the demo
                log.warning("demo web shop: event refused: %s", exc)

    def _load(self) -> tuple[list[str], list[dict[str, Any]]]:
        with read_tx(self._engine) as conn:
            rows = conn.execute(
                sa.select(customers.c.emails)
                .where(customers.c.scope == store_scope(self._store_id))
                .order_by(customers.c.id)
                .limit(200)
            ).all()
            catalogue = [
                dict(r._mapping)
                for r in conn.execute(
                    sa.select(products.c.sku, products.c.name, products.c.price_minor)
                    .where(listing.offered())
                    .order_by(products.c.id)
                    .limit(60)
                )
            ]
        emails = [str(r.emails[0]) for r in rows if r.emails]
        return self._rng.sample(emails, min(_SHOPPERS, len(emails))), catalogue

    def step(self, shoppers: list[str], catalogue: list[dict[str, Any]]) -> str:
        """One shopper does one thing; returns the event type sent."""
        email = self._rng.choice(shoppers)
        lines = self._carts.setdefault(email, [])
        roll = self._rng.random()
        kind: str
        data: dict[str, Any]
        if not lines or roll < 0.55:
            product = self._rng.choice(catalogue)
            self._send("product.viewed", {"sku": product["sku"], "customer": {"email": email}})
            known = next((line for line in lines if line["sku"] == product["sku"]), None)
            if known is not None:
                known["qty"] = min(3, known["qty"] + 1)
            else:
                lines.append(
                    {
                        "sku": product["sku"],
                        "name": product["name"],
                        "qty": 1,
                        "unit_price_minor": product["price_minor"],
                    }
                )
            kind, data = "cart.updated", {"currency": "EUR", "lines": lines}
        elif roll < 0.75 and len(lines) > 1:
            lines.pop(self._rng.randrange(len(lines)))
            kind, data = "cart.updated", {"currency": "EUR", "lines": lines}
        elif roll < 0.92:
            kind, data = "checkout.abandoned", {"step": self._rng.choice(_STEPS)}
        else:
            order = f"demo-{uuid.uuid4().hex[:10]}"
            kind = "order.placed"
            data = {"order_id": order, "currency": "EUR", "lines": lines}
            self._carts[email] = []
        self._send(kind, {"cart_id": f"demo-cart-{email}", "customer": {"email": email}} | data)
        return kind

    def _send(self, kind: str, data: dict[str, Any]) -> None:
        envelope = {
            "event_id": str(uuid.uuid4()),
            "type": kind,
            "occurred_at": datetime.now(UTC).isoformat(),
            "data": data,
        }
        event_id, topic, event = generic.parse(envelope)
        ingest(
            self._engine, self._settings, source=SOURCE, event_id=event_id, topic=topic, event=event
        )


class DemoWebShop:
    """The simulator on its own engine, for the demo launcher (`with DemoWebShop(...)`)."""

    def __init__(self, settings: HubSettings, *, store_id: str | None) -> None:
        self._engine = make_engine(settings.db)
        self._shop = (
            WebShopSimulator(self._engine, settings, store_id=store_id) if store_id else None
        )

    def __enter__(self) -> DemoWebShop:
        if self._shop is not None:
            self._shop.start()
            log.info("demo web shop: shoppers of store %s are filling carts", self._shop.store_id)
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._shop is not None:
            self._shop.stop()
        self._engine.dispose()
