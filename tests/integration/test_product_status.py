"""A real terminal and a real hub fed by Shopify's products/update: a product set to draft
or archived in Shopify is gone from the terminal's product search and stock lookup after
the next sync (the hub sends tombstones; nothing changes on the terminal), and comes
back when set to active again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
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
