"""Everything the hub holds about one customer, as JSON (a privacy access request).

The tables come from the schema itself: every table with a `customer_id` column is in the
export unless `LEFT_OUT` says why not, so a table added later cannot be forgotten (a
test holds the export against the metadata). Rows are keyed by table name and
ordered by primary key; rows of the customer's merged-away ids count as theirs. Link
tokens (unsubscribe, survey) are capabilities, not data about the person: left out.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling import __version__
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.mutation_kit import ERASED_SCOPE
from clienteling.hub.tables import (
    customer_merges,
    customers,
    delivery_attempts,
    followups,
    ingest_links,
    metadata,
    order_attributions,
    orders,
)

EXPORT_FORMAT = "clienteling.customer-export/1"

LEFT_OUT: dict[str, str] = {
    "customers": "the profile section",
    "customer_search": "the hub's search index, derived from the profile",
    "customer_search_terms": "the hub's search index, derived from the profile",
    "customer_erasures": "an erased customer has nothing left to export",
    "customer_purchase_facts": "the dashboard's summary of the orders (exported in full)",
    "customer_purchase_gaps": "the dashboard's summary of the orders (exported in full)",
    "followup_credits": "the dashboard's summary of the credited orders (exported in full)",
}
"""Tables with a `customer_id` column that are not under `records`, and why."""

RELATED: dict[str, str] = {
    "customer_merges": "survivor_id",
    "order_attributions": "order_id of the customer's orders",
    "delivery_attempts": "followup_id of the customer's follow-ups",
    "ingest_links": "internal_id (the web shop's ids of the customer)",
}
"""Tables that name the customer through another column, also under `records`."""

HIDDEN_COLUMNS = frozenset({"scope", "version", "token", "token_hash", "survey_token"})


def customer_tables() -> list[sa.Table]:
    """Every table of the schema with a `customer_id` column."""
    return [t for t in metadata.sorted_tables if "customer_id" in t.c]


def _rows(conn: Connection, table: sa.Table, condition: Any) -> list[dict[str, Any]]:
    query = sa.select(table).where(condition).order_by(*table.primary_key.columns)
    return [
        {k: v for k, v in row._mapping.items() if k not in HIDDEN_COLUMNS}
        for row in conn.execute(query)
    ]


def merged_ids(conn: Connection, customer_id: str) -> list[str]:
    """The ids merged into this customer (they resolve to it)."""
    query = sa.select(customer_merges.c.id).where(customer_merges.c.survivor_id == customer_id)
    return sorted(str(r[0]) for r in conn.execute(query))


def export_customer(conn: Connection, customer_id: str) -> dict[str, Any] | None:
    """The export of `customer_id` (already resolved to the survivor), or None when the
    hub holds no such customer (or only the shell of an erased one)."""
    profile = conn.execute(sa.select(customers).where(customers.c.id == customer_id)).first()
    if profile is None or profile.scope == ERASED_SCOPE:
        return None
    ids = [customer_id, *merged_ids(conn, customer_id)]
    records: dict[str, list[dict[str, Any]]] = {}
    for table in customer_tables():
        if table.name not in LEFT_OUT:
            records[table.name] = _rows(conn, table, table.c.customer_id.in_(ids))
    order_ids = sa.select(orders.c.id).where(orders.c.customer_id.in_(ids))
    followup_ids = sa.select(followups.c.id).where(followups.c.customer_id.in_(ids))
    records["customer_merges"] = _rows(
        conn, customer_merges, customer_merges.c.survivor_id == customer_id
    )
    records["order_attributions"] = _rows(
        conn, order_attributions, order_attributions.c.order_id.in_(order_ids)
    )
    records["delivery_attempts"] = _rows(
        conn, delivery_attempts, delivery_attempts.c.followup_id.in_(followup_ids)
    )
    records["ingest_links"] = _rows(
        conn,
        ingest_links,
        sa.and_(ingest_links.c.kind == "customer", ingest_links.c.internal_id.in_(ids)),
    )
    return {
        "format": EXPORT_FORMAT,
        "app_version": __version__,
        "exported_at": iso(utc_now()),
        "customer_id": customer_id,
        "merged_ids": ids[1:],
        "profile": {k: v for k, v in profile._mapping.items() if k not in HIDDEN_COLUMNS},
        "records": dict(sorted(records.items())),
    }
