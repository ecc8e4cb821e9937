"""Which tables each scope carries, and how a row becomes its wire shape
(`protocol.entities`): the table columns are named exactly as the entity fields."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import sqlalchemy as sa

from clienteling.hub import tables
from clienteling.protocol.entities import CATALOG_SCOPE

_FEED_COLUMNS = {"scope", "version"}
# Bookkeeping the terminals do not need; `token`: a feedback answer's survey link, which
# opens the survey page, stays on the hub.
_HUB_ONLY_COLUMNS = {"net_minor", "token"}


@dataclass(frozen=True, slots=True)
class EntityKind:
    name: str
    table: sa.Table

    @property
    def data_columns(self) -> list[sa.Column[Any]]:
        return [c for c in self.table.columns if c.name not in _FEED_COLUMNS | _HUB_ONLY_COLUMNS]

    def to_data(self, row: sa.RowMapping) -> dict[str, Any]:
        return {name: row[name] for name in _data_names(self.table)}


@cache
def _data_names(table: sa.Table) -> tuple[str, ...]:
    """Computed once per table: list endpoints call `to_data` for every row."""
    return tuple(c.name for c in table.columns if c.name not in _FEED_COLUMNS)


LOCATION = EntityKind("location", tables.locations)
PRODUCT = EntityKind("product", tables.products)
INVENTORY = EntityKind("inventory", tables.inventory)
CUSTOMER = EntityKind("customer", tables.customers)
CONSENT = EntityKind("consent", tables.consents)
ORDER = EntityKind("order", tables.orders)
CART = EntityKind("cart", tables.carts)
RECENT_VIEW = EntityKind("recent_view", tables.recent_views)
FEEDBACK = EntityKind("feedback", tables.feedback)
NOTE = EntityKind("note", tables.notes)
CUSTOMER_MERGE = EntityKind("customer_merge", tables.customer_merges)
VISIT = EntityKind("visit", tables.visits)
FOLLOWUP = EntityKind("followup", tables.followups)
RESERVATION = EntityKind("reservation", tables.reservations)
OFFER = EntityKind("offer", tables.offers)
TASK = EntityKind("task", tables.tasks)
REPLY = EntityKind("reply", tables.replies)
APPOINTMENT = EntityKind("appointment", tables.appointments)

CATALOG_KINDS = (LOCATION, PRODUCT, INVENTORY)
STORE_KINDS = (
    CUSTOMER,
    CONSENT,
    ORDER,
    CART,
    RECENT_VIEW,
    NOTE,
    CUSTOMER_MERGE,
    VISIT,
    FOLLOWUP,
    RESERVATION,
    OFFER,
    TASK,
    REPLY,
    APPOINTMENT,
    FEEDBACK,
)


def kinds_for(scope: str) -> tuple[EntityKind, ...]:
    """The entity kinds a scope carries, in snapshot order (parents before children)."""
    return CATALOG_KINDS if scope == CATALOG_SCOPE else STORE_KINDS
