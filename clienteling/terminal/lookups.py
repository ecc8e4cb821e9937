"""Finding customers on the hub that this terminal does not hold (`Terminal.search_hub`).

The hub decides what a search may reach (`hub.lookups`): other stores' customers only by
their exact phone, email or card. A hit remembers the query that found it: pulling the
customer in proves that identifier to the hub again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from clienteling.domain.lookup_rule import identifier_kind


@dataclass(frozen=True, slots=True)
class HubHit:
    id: str
    display_name: str
    phone: str | None  # first phone, E.164
    email: str | None
    loyalty_card: str | None
    lifecycle_stage: str
    home_store_id: str
    store_name: str | None  # the home store, as cached here
    own_store: bool  # a customer of this terminal's store (not synced here yet)
    identifier: str  # the query that found it (pull_in proves it to the hub)


def may_reach_other_stores(query: str) -> bool:
    """Whether a hub search of `query` can find other stores' customers (else: names find
    this store's only, which the cache holds once the first sync is done)."""
    return identifier_kind(query) is not None


def hub_hits(
    items: list[dict[str, Any]],
    *,
    query: str,
    store_names: dict[str, str],
    own_store_id: str | None,
    cached: set[str],
) -> list[HubHit]:
    """The hub's answer as hits, without the customers this terminal already holds."""
    hits = []
    for item in items:
        customer_id = str(item.get("id", ""))
        if not customer_id or customer_id in cached:
            continue
        phones = item.get("phones") or []
        emails = item.get("emails") or []
        home = str(item.get("home_store_id", ""))
        hits.append(
            HubHit(
                id=customer_id,
                display_name=str(item.get("display_name", "")),
                phone=str(phones[0]) if phones else None,
                email=str(emails[0]) if emails else None,
                loyalty_card=item.get("loyalty_card"),
                lifecycle_stage=str(item.get("lifecycle_stage", "")),
                home_store_id=home,
                store_name=store_names.get(home),
                own_store=home == own_store_id,
                identifier=query.strip(),
            )
        )
    return hits
