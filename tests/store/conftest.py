"""A fresh, migrated cache file per test, and builders for pulled changes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from clienteling.protocol.models import Change
from clienteling.store.cache import open_cache

STORE_ID = "store-1"
SCOPE = f"store:{STORE_ID}"


@pytest.fixture
def cache_path(tmp_path: Path) -> Path:
    return tmp_path / "cache.sqlite3"


@pytest.fixture
def db(cache_path: Path) -> Iterator[Database]:
    database = open_cache(cache_path)
    yield database
    database.close()


def customer(
    customer_id: str,
    *,
    given: str,
    family: str,
    phones: list[str] | None = None,
    emails: list[str] | None = None,
    card: str | None = None,
    version: int = 1,
    **extra: Any,
) -> Change:
    data: dict[str, Any] = {
        "id": customer_id,
        "given_name": given,
        "family_name": family,
        "display_name": f"{given} {family}",
        "phones": phones or [],
        "emails": emails or [],
        "loyalty_card": card,
        "loyalty_tier": None,
        "loyalty_points": 0,
        "home_store_id": STORE_ID,
        "preferred_channel": "email",
        "language": "fr",
        "lifecycle_stage": "loyalty",
        "clv_minor": 120_00,
        "currency": "EUR",
        "created_at": "2025-01-02T10:00:00+00:00",
        "updated_at": "2025-01-02T10:00:00+00:00",
    }
    data.update(extra)
    return Change(entity="customer", op="upsert", id=customer_id, version=version, data=data)


def change(entity: str, data: dict[str, Any], *, version: int = 1) -> Change:
    return Change(entity=entity, op="upsert", id=data["id"], version=version, data=data)


def delete(entity: str, entity_id: str, *, version: int = 99) -> Change:
    return Change(entity=entity, op="delete", id=entity_id, version=version)
