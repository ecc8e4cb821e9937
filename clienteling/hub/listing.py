"""Whether a product is offered: on sale, in the terminals' catalog, addable online.

A product the shop stopped offering (Shopify `status` draft or archived, a product or
variant deleted in the shop) keeps its row, so the orders, cart lines, visits, views,
holds and wishes that name it keep working, but the row leaves the catalog scope for
`UNLISTED_SCOPE`, which no terminal pulls, and the catalog feed carries a tombstone: the
terminals drop it from their product search, stock lookup and follow-up picks (their
history rows carry the SKU and name they need). The hub's own pages and API filter with
`offered()`. Offered again (back to active): the row returns to the catalog with a new
version and its tombstone goes, so every terminal pulls it again, snapshot or not.

Writes allocate catalog versions: call inside a transaction that may write the catalog.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub import versions
from clienteling.hub.db import insert_ignoring_conflicts
from clienteling.hub.tables import products, tombstones
from clienteling.protocol.entities import CATALOG_SCOPE

UNLISTED_SCOPE = "unlisted"
_ENTITY = "product"


def offered() -> sa.ColumnElement[bool]:
    """WHERE clause: the product is on sale (in the catalog scope)."""
    return products.c.scope == CATALOG_SCOPE


def is_offered(conn: Connection, product_id: str) -> bool:
    found = conn.execute(
        sa.select(products.c.id).where(products.c.id == product_id, offered())
    ).first()
    return found is not None


def snapshot(conn: Connection, product_id: str) -> dict[str, str | None]:
    """What a hold or a recently viewed line keeps of the product it names (`sku`,
    `product_name`, `size`, `colour`), so it still says what it is once the product left
    the catalog; all None for a product the hub does not know."""
    p = products.c
    row = conn.execute(sa.select(p.sku, p.name, p.size, p.colour).where(p.id == product_id)).first()
    if row is None:
        return {"sku": None, "product_name": None, "size": None, "colour": None}
    return {"sku": row.sku, "product_name": row.name, "size": row.size, "colour": row.colour}


def unlisted_skus(conn: Connection, skus: Iterable[str]) -> set[str]:
    """Those of `skus` whose product is no longer offered (an unknown SKU is not)."""
    wanted = sorted(set(skus))
    if not wanted:
        return set()
    return {
        str(sku)
        for sku in conn.execute(
            sa.select(products.c.sku).where(
                products.c.sku.in_(wanted), products.c.scope == UNLISTED_SCOPE
            )
        ).scalars()
    }


def unlist(conn: Connection, product_id: str) -> bool:
    """Stop offering the product (row kept, terminals get a tombstone); True if it was
    offered until now."""
    if not is_offered(conn, product_id):
        return False
    version = versions.allocate(conn, CATALOG_SCOPE)
    conn.execute(
        sa.update(products)
        .where(products.c.id == product_id)
        .values(scope=UNLISTED_SCOPE, version=version)
    )
    values = {"entity": _ENTITY, "entity_id": product_id, "scope": CATALOG_SCOPE}
    if not insert_ignoring_conflicts(conn, tombstones, values | {"version": version}):
        conn.execute(
            sa.update(tombstones)
            .where(tombstones.c.entity == _ENTITY, tombstones.c.entity_id == product_id)
            .values(scope=CATALOG_SCOPE, version=version)
        )
    return True


def relist(conn: Connection, product_id: str) -> bool:
    """Offer the product again; True if it was not offered until now."""
    scope = conn.execute(
        sa.select(products.c.scope).where(products.c.id == product_id)
    ).scalar_one_or_none()
    if scope != UNLISTED_SCOPE:
        return False
    conn.execute(
        sa.update(products)
        .where(products.c.id == product_id)
        .values(scope=CATALOG_SCOPE, version=versions.allocate(conn, CATALOG_SCOPE))
    )
    conn.execute(
        sa.delete(tombstones).where(
            tombstones.c.entity == _ENTITY, tombstones.c.entity_id == product_id
        )
    )
    return True
