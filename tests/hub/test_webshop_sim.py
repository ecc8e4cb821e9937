"""The demo's pretend web shop drives real carts through the ingest code."""

from __future__ import annotations

from collections import Counter

import sqlalchemy as sa

from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import make_engine, migrate
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import carts, ingest_events, recent_views
from clienteling.hub.webshop_sim import SOURCE, WebShopSimulator


def test_shoppers_change_carts_of_the_store(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    store = seed_demo_data(engine, customers=30)["store_ids"][0]
    shop = WebShopSimulator(engine, HubSettings(db=db_url), store_id=store, seed=3)
    shoppers, catalogue = shop._load()
    assert shoppers and catalogue
    started = iso(utc_now())
    kinds = Counter(shop.step(shoppers, catalogue) for _ in range(40))
    assert kinds["cart.updated"] > 10
    with engine.connect() as conn:
        statuses = Counter(
            conn.execute(sa.select(ingest_events.c.status).where(ingest_events.c.source == SOURCE))
            .scalars()
            .all()
        )
        demo_carts = conn.execute(
            sa.select(carts.c.scope, carts.c.status).where(carts.c.updated_at >= started)
        ).all()
        viewed = conn.execute(
            sa.select(recent_views.c.scope).where(recent_views.c.viewed_at >= started)
        ).all()
    assert statuses["applied"] >= 30
    assert demo_carts and {c.scope for c in demo_carts} == {f"store:{store}"}
    assert viewed and {v.scope for v in viewed} == {f"store:{store}"}  # viewed, then added
    engine.dispose()
