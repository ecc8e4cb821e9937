"""The shop's catalog (Shopify products/*): each variant is one product of ours.

A variant is found by its link (source, "variant", "<product id>:<variant id>"), else by
its SKU (a catalog loaded before keeps its ids and its stock), else created. Its inventory
item is linked to the product ("inventory_item"), which is how inventory_levels/update
finds it. The shop's product remembers the time of the newest event applied ("product"
link): an older products/update is ignored, and so is any update after a deletion.

The product's status (`CatalogEvent.offered`) lists or unlists every variant it carries
(`hub.listing`); the newest-event rule above is what keeps a late, older update from
undoing a newer status.

A variant that disappears (products/delete, or gone from the product's `variants`) is
retired: its stock becomes 0 at every location through the same path as every stock
change (feed versions, holds, back-in-stock), it is no longer offered, its links are
forgotten, and the product row stays: carts, orders, holds and wishes that name it keep
working. Its inventory item stays linked to nothing (""), so a late level of it is
ignored.

A level of an inventory item no products/* webhook has named yet (Shopify does not
promise the order of deliveries) is kept ("stock_pending": the units in `internal_id`,
the level's time in `occurred_at`) and applied when the item is linked.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from clienteling.domain.ids import uuid7
from clienteling.hub import listing, versions
from clienteling.hub.ingest.events import CatalogEvent, ShopStockEvent, Variant, to_minor
from clienteling.hub.tables import ingest_links, inventory, products
from clienteling.protocol.entities import CATALOG_SCOPE

if TYPE_CHECKING:
    from clienteling.hub.ingest.apply import _Ingest

log = logging.getLogger(__name__)

_NEVER = ""


def apply_product(work: _Ingest, event: CatalogEvent) -> str | None:
    """Apply products/* in the event's transaction; None, or why it was ignored."""
    work._make_link("product", event.product_key, event.product_key, _NEVER)
    link = work._link("product", event.product_key, lock=True)
    if link is not None and link.occurred_at > event.occurred_at:
        return "a newer event of this product was applied already"
    work._touch_link("product", event.product_key, event.occurred_at)
    prefix = f"{event.product_key}:"
    known = {
        str(row.external_id): str(row.internal_id)
        for row in work.conn.execute(
            sa.select(ingest_links.c.external_id, ingest_links.c.internal_id).where(
                ingest_links.c.source == work.source,
                ingest_links.c.kind == "variant",
                ingest_links.c.external_id.startswith(prefix, autoescape=True),
            )
        )
    }
    kept: set[str] = set()
    for variant in event.variants:
        key = prefix + variant.key
        product_id = _save_variant(work, event, variant, known.get(key))
        if event.offered is True and listing.relist(work.conn, product_id):
            log.info("ingest %s: product %s offered again", work.source, product_id)
        elif event.offered is False and listing.unlist(work.conn, product_id):
            log.info("ingest %s: product %s no longer offered", work.source, product_id)
        _set_link(work, "variant", key, product_id, event.occurred_at)
        if variant.inventory_item:
            _set_link(work, "inventory_item", variant.inventory_item, product_id, _NEVER)
            _apply_held_levels(work, variant.inventory_item, product_id)
        kept.add(product_id)
    for key, product_id in known.items():
        if product_id not in kept:
            _retire(work, key, product_id, at=event.occurred_at)
    return None


def _link_is(work: _Ingest, kind: str, external_id: str) -> sa.ColumnElement[bool]:
    return sa.and_(
        ingest_links.c.source == work.source,
        ingest_links.c.kind == kind,
        ingest_links.c.external_id == external_id,
    )


def _set_link(work: _Ingest, kind: str, external_id: str, internal_id: str, at: str) -> None:
    """Link `external_id` to `internal_id`, replacing what it was linked to."""
    if work._make_link(kind, external_id, internal_id, at) != internal_id:
        work.conn.execute(
            sa.update(ingest_links)
            .where(_link_is(work, kind, external_id))
            .values(internal_id=internal_id)
        )


def _save_variant(
    work: _Ingest, event: CatalogEvent, variant: Variant, product_id: str | None
) -> str:
    """Our product of the variant, created or updated; its id."""
    row = None
    if product_id is not None:
        row = work.conn.execute(sa.select(products).where(products.c.id == product_id)).first()
    if row is None:
        row = work.conn.execute(sa.select(products).where(products.c.sku == variant.sku)).first()
    currency = str(row.currency) if row is not None else str(work._default_store().currency)
    values: dict[str, Any] = {
        "sku": variant.sku,
        "name": variant.name or variant.sku,
        "price_minor": to_minor(variant.price, currency, "variants[].price"),
    }
    # What the shop leaves empty keeps what we knew (a catalog loaded before).
    for column, value in (
        ("barcode", variant.barcode),
        ("brand", event.brand),
        ("category", event.category),
        ("size", variant.size),
        ("colour", variant.colour),
    ):
        if value:
            values[column] = value
    if row is None:
        new_id = uuid7()
        work.conn.execute(
            sa.insert(products).values(
                {"barcode": "", "brand": "", "category": "", "size": None, "colour": None}
                | values
                | {
                    "id": new_id,
                    "currency": currency,
                    "scope": CATALOG_SCOPE,
                    "version": versions.allocate(work.conn, CATALOG_SCOPE),
                }
            )
        )
        log.info("ingest %s created product %s", work.source, new_id)
        return new_id
    if values["sku"] != row.sku and _sku_taken(work, values["sku"], row.id):
        log.warning("ingest %s: SKU of product %s not changed: taken", work.source, row.id)
        values["sku"] = row.sku
    changes = {column: value for column, value in values.items() if row._mapping[column] != value}
    if changes:
        work.conn.execute(
            sa.update(products)
            .where(products.c.id == row.id)
            .values(**changes, version=versions.allocate(work.conn, CATALOG_SCOPE))
        )
    return str(row.id)


def _sku_taken(work: _Ingest, sku: str, product_id: str) -> bool:
    found = work.conn.execute(
        sa.select(products.c.id).where(products.c.sku == sku, products.c.id != product_id)
    ).first()
    return found is not None


def _retire(work: _Ingest, variant_key: str, product_id: str, *, at: str) -> None:
    """The variant is gone from the shop: no stock anywhere, links forgotten, row kept."""
    sku = work.conn.execute(
        sa.select(products.c.sku).where(products.c.id == product_id)
    ).scalar_one_or_none()
    if sku is not None:
        stocked = work.conn.execute(
            sa.select(inventory.c.location_id).where(
                inventory.c.product_id == product_id, inventory.c.on_hand > 0
            )
        ).scalars()
        for location_id in list(stocked):
            work._set_stock(
                product_id=product_id, sku=str(sku), location_id=str(location_id), on_hand=0, at=at
            )
    listing.unlist(work.conn, product_id)
    work.conn.execute(sa.delete(ingest_links).where(_link_is(work, "variant", variant_key)))
    work.conn.execute(
        sa.update(ingest_links)
        .where(
            ingest_links.c.source == work.source,
            ingest_links.c.kind == "inventory_item",
            ingest_links.c.internal_id == product_id,
        )
        .values(internal_id="")
    )
    log.info("ingest %s retired product %s (gone from the shop)", work.source, product_id)


_HELD = "stock_pending"


def hold_level(work: _Ingest, event: ShopStockEvent, location_id: str) -> None:
    """Keep the level of an item not linked yet (the newest per item and location)."""
    assert event.available is not None
    key = f"{event.inventory_item}@{location_id}"
    units = str(event.available)
    work._make_link(_HELD, key, units, event.occurred_at)
    work.conn.execute(
        sa.update(ingest_links)
        .where(_link_is(work, _HELD, key), ingest_links.c.occurred_at < event.occurred_at)
        .values(internal_id=units, occurred_at=event.occurred_at)
    )


def _apply_held_levels(work: _Ingest, item: str, product_id: str) -> None:
    prefix = f"{item}@"
    held = work.conn.execute(
        sa.select(
            ingest_links.c.external_id, ingest_links.c.internal_id, ingest_links.c.occurred_at
        )
        .where(
            ingest_links.c.source == work.source,
            ingest_links.c.kind == _HELD,
            ingest_links.c.external_id.startswith(prefix, autoescape=True),
        )
        .with_for_update()
    ).all()
    if not held:
        return
    sku = str(
        work.conn.execute(sa.select(products.c.sku).where(products.c.id == product_id)).scalar_one()
    )
    for row in held:
        work._set_stock(
            product_id=product_id,
            sku=sku,
            location_id=str(row.external_id)[len(prefix) :],
            on_hand=int(row.internal_id),
            at=str(row.occurred_at),
        )
    work.conn.execute(
        sa.delete(ingest_links).where(
            ingest_links.c.source == work.source,
            ingest_links.c.kind == _HELD,
            ingest_links.c.external_id.in_([row.external_id for row in held]),
        )
    )
