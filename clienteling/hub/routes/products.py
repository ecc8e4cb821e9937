"""The catalogue: products, their one price, and stock per location. Every signed-in
associate may read all of it (it is the terminals' `catalog` scope). The lists hold the
products on sale; one product by id is found also when no longer offered (orders and
visits name it), with `offered` false (`hub.listing`)."""

from __future__ import annotations

from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Query

from clienteling.hub import listing, pagination
from clienteling.hub.access import not_found
from clienteling.hub.db import read_tx
from clienteling.hub.deps import HubDep, IdPath, SessionDep
from clienteling.hub.entities import PRODUCT
from clienteling.hub.pagination import LimitQuery, NextQuery, Page
from clienteling.hub.schemas import PricePublic, ProductPublic
from clienteling.hub.tables import products
from clienteling.protocol.entities import CATALOG_SCOPE

router = APIRouter(prefix="/api/v1", tags=["products"])

_KEY = (products.c.sku, products.c.id)
_PRODUCTS = pagination.Keyset("products", _KEY)
_PRICES = pagination.Keyset("prices", _KEY)


@router.get("/products")
def list_products(
    hub: HubDep,
    _session: SessionDep,
    barcode: Annotated[str | None, Query(max_length=32, description="Exact EAN/UPC.")] = None,
    sku: Annotated[str | None, Query(max_length=64, description="Exact SKU.")] = None,
    category: Annotated[str | None, Query(max_length=120)] = None,
    limit: LimitQuery = pagination.DEFAULT_LIMIT,
    next: NextQuery = None,
) -> Page[ProductPublic]:
    """Products on sale by SKU; `barcode` finds the product a scanner read."""
    where: list[sa.ColumnElement[bool]] = [listing.offered()]
    for column, value in (
        (products.c.barcode, barcode),
        (products.c.sku, sku),
        (products.c.category, category),
    ):
        if value is not None:
            where.append(column == value)
    with read_tx(hub.engine) as conn:
        items, token = pagination.fetch(
            conn, sa.select(products).where(*where), _PRODUCTS, limit=limit, next=next
        )
    return Page(items=[_product(r) for r in items], next=token)


def _product(row: sa.Row[tuple[object, ...]]) -> ProductPublic:
    public: ProductPublic = ProductPublic.from_row(PRODUCT, row)
    public.offered = row._mapping["scope"] == CATALOG_SCOPE
    return public


@router.get("/products/{product_id}")
def get_product(product_id: IdPath, hub: HubDep, _session: SessionDep) -> ProductPublic:
    with read_tx(hub.engine) as conn:
        row = conn.execute(sa.select(products).where(products.c.id == product_id)).first()
    if row is None:
        raise not_found("product")
    return _product(row)


def _price(row: sa.Row[tuple[object, ...]]) -> PricePublic:
    m = row._mapping
    return PricePublic(
        product_id=m["id"], sku=m["sku"], price_minor=m["price_minor"], currency=m["currency"]
    )


@router.get("/prices")
def list_prices(
    hub: HubDep,
    _session: SessionDep,
    limit: LimitQuery = pagination.DEFAULT_LIMIT,
    next: NextQuery = None,
) -> Page[PricePublic]:
    """Every product on sale's one price (the same online and in store), by SKU."""
    query = sa.select(
        products.c.id, products.c.sku, products.c.price_minor, products.c.currency
    ).where(listing.offered())
    with read_tx(hub.engine) as conn:
        items, token = pagination.fetch(conn, query, _PRICES, limit=limit, next=next)
    return Page(items=[_price(r) for r in items], next=token)


@router.get("/products/{product_id}/price")
def get_price(product_id: IdPath, hub: HubDep, _session: SessionDep) -> PricePublic:
    with read_tx(hub.engine) as conn:
        row = conn.execute(sa.select(products).where(products.c.id == product_id)).first()
    if row is None:
        raise not_found("product")
    return _price(row)
