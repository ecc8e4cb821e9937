"""A real terminal and a real hub fed by Shopify's products/update: a product set to draft
or archived in Shopify is gone from the terminal's product search and stock lookup after
the next sync (the hub sends tombstones; nothing changes on the terminal), and comes
back when set to active again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from clienteling.hub import listing, recent_views
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import make_engine, write_tx
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import customers
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from tests.hub.test_ingest import SHOPIFY_SECRET, fixture, ok, send_shopify
from tests.hub.test_ingest_shopify_catalog import a_new_product
from tests.integration.conftest import PASSWORD, USER


@pytest.fixture
def shop_hub(hub_db: Path) -> Iterator[str]:
    settings = HubSettings(db=str(hub_db), port=0, shopify_webhook_secret=SHOPIFY_SECRET)
    with HubServer(settings=settings) as server:
        yield server.url


def test_a_draft_product_leaves_the_terminal_and_comes_back_when_active(
    shop_hub: str, tmp_path: Path
) -> None:
    terminal = Terminal(data_dir=tmp_path / "t", hub_url=shop_hub, secrets=MemorySecretStore())
    shop = httpx.Client(base_url=shop_hub, timeout=30)
    try:
        terminal.sign_in(USER, PASSWORD)
        payload = a_new_product()
        sku = payload["variants"][0]["sku"]
        ok(send_shopify(shop, "products/create", payload))
        terminal.sync_once()
        (hit,) = [p for p in terminal.find_products(sku) if p.sku == sku]
        assert terminal.product_stock(hit.id) is not None

        def update(status: str, at: str) -> None:
            body = fixture("shopify_products_update_archived.json")
            body |= {"id": payload["id"], "status": status, "updated_at": at}
            body["variants"] = payload["variants"]
            ok(send_shopify(shop, "products/update", body))

        update("draft", "2025-06-03T08:00:00Z")
        terminal.sync_once()
        assert [p for p in terminal.find_products(sku) if p.sku == sku] == []
        assert hit.id not in {p.id for p in terminal.find_products("Trench Iéna", limit=500)}
        assert terminal.product_stock(hit.id) is None

        update("active", "2025-06-04T08:00:00Z")
        terminal.sync_once()
        assert [p.id for p in terminal.find_products(sku) if p.sku == sku] == [hit.id]
    finally:
        shop.close()
        terminal.close()


def test_a_hold_and_a_viewed_product_keep_their_name_once_the_product_leaves_the_catalog(
    hub_db: Path, tmp_path: Path
) -> None:
    """The shop stops offering a held and viewed product: the terminal drops it from its
    catalog, and the hold, its timeline entry and the recently viewed line still say
    which product (name, SKU, variant), also on a terminal that never had it cached."""
    settings = HubSettings(db=str(hub_db), port=0, shopify_webhook_secret=SHOPIFY_SECRET)
    with HubServer(settings=settings) as server:
        terminal = Terminal(
            data_dir=tmp_path / "t", hub_url=server.url, secrets=MemorySecretStore()
        )
        fresh = Terminal(data_dir=tmp_path / "f", hub_url=server.url, secrets=MemorySecretStore())
        engine = make_engine(str(hub_db))
        try:
            terminal.sign_in(USER, PASSWORD)
            terminal.sync_once()
            worn = [
                p
                for p in terminal.find_products("a", limit=500)
                if p.size and p.colour and (p.stock_here or 0) >= 1
            ]
            product = worn[0]
            customer = terminal.search("a", limit=1)[0].id
            hold_id = terminal.hold_for_customer(customer, product.id)
            context = terminal.followup_composer(customer)
            assert context is not None
            allowed = [c.channel for c in context.channels if c.allowed] or ["email"]
            followup_id = terminal.queue_followup(
                customer_id=customer,
                channel=allowed[0],
                template="products_tried",
                language=context.language,
                product_ids=[product.id],
                personal_line="",
            )
            terminal.sync_once()
            with write_tx(engine) as conn:
                scope = conn.execute(
                    sa.select(customers.c.scope).where(customers.c.id == customer)
                ).scalar_one()
                assert recent_views.note_view(
                    conn,
                    customer_id=customer,
                    scope=str(scope),
                    product_id=product.id,
                    sku=product.sku,
                    at=iso(utc_now()),
                    now=utc_now(),
                )
            terminal.sync_once()
            with write_tx(engine) as conn:  # as a products/update to draft does
                assert listing.unlist(conn, product.id)
            terminal.sync_once()
            assert product.id not in {p.id for p in terminal.find_products(product.sku)}

            for each in (terminal, fresh):
                if each is fresh:
                    fresh.sign_in(USER, PASSWORD)
                    fresh.sync_once()
                holds = {h.id: h for h in each.customer_holds(customer)}
                held = holds[hold_id]
                assert (held.status, held.product_name, held.sku) == (
                    "held",
                    product.name,
                    product.sku,
                )
                assert (held.size, held.colour) == (product.size, product.colour)
                (entry,) = [
                    e for e in each.customer_timeline(customer, kinds={"hold"}) if e.id == hold_id
                ]
                assert entry.items == [f"1 × {product.name}"]
                seen = each.customer(customer)
                assert seen is not None
                (viewed,) = [v for v in seen.recent_views if v.product_id == product.id]
                assert (viewed.name, viewed.sku) == (product.name, product.sku)
                assert (viewed.size, viewed.colour) == (product.size, product.colour)
                assert viewed.price_minor is None  # not for sale: no price shown
                (sent,) = [f for f in each.followups(customer) if f.id == followup_id]
                assert sent.product_names == [product.name]  # the pick, named by the hold
        finally:
            engine.dispose()
            terminal.close()
            fresh.close()
