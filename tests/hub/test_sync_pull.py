"""Pull: paged snapshot, then increments by version; scope enforcement; epoch reset."""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import sqlalchemy as sa

from clienteling.domain.ids import uuid7
from clienteling.hub.entities import kinds_for
from clienteling.protocol.models import PullResponse

from .conftest import SeededHub, sign_in


def pull(
    http: httpx.Client, *, device: str, scope: str, cursor: str | None, limit: int = 500
) -> PullResponse:
    response = http.post(
        "/api/v1/sync/pull",
        json={
            "device_id": device,
            "schema_version": 1,
            "scope": scope,
            "cursor": cursor,
            "limit": limit,
        },
    )
    assert response.status_code == 200, response.text
    return PullResponse.model_validate(response.json())


def snapshot(
    http: httpx.Client, *, device: str, scope: str, limit: int
) -> tuple[list[PullResponse], str]:
    pages = []
    cursor = None
    while True:
        page = pull(http, device=device, scope=scope, cursor=cursor, limit=limit)
        pages.append(page)
        cursor = page.cursor
        # Not "done == total": kinds with no rows may still follow the last row sent.
        if not page.snapshot or not page.has_more:
            return pages, cursor


def rows_in_scope(hub: SeededHub, scope: str) -> int:
    with hub.engine.connect() as conn:
        return sum(
            conn.execute(
                sa.select(sa.func.count()).select_from(k.table).where(k.table.c.scope == scope)
            ).scalar_one()
            for k in kinds_for(scope)
        )


def push_note(http: httpx.Client, *, device: str, mutation_id: int, customer_id: str) -> str:
    note_id = uuid7()
    response = http.post(
        "/api/v1/sync/push",
        json={
            "device_id": device,
            "schema_version": 1,
            "mutations": [
                {
                    "id": mutation_id,
                    "name": "note.add",
                    "args": {
                        "id": note_id,
                        "customer_id": customer_id,
                        "text": "Essaie deux ordinateurs, revient samedi.",
                        "created_at": "2025-06-01T10:00:00+00:00",
                    },
                    "created_at": "2025-06-01T10:00:00+00:00",
                }
            ],
        },
    )
    assert response.status_code == 200, response.text
    assert response.json()["results"][0]["status"] == "applied"
    return note_id


def test_store_snapshot_pages_then_incremental_note_once(
    client: httpx.Client, hub: SeededHub
) -> None:
    body, device = sign_in(client)
    scope = body["scopes"][1]
    expected = rows_in_scope(hub, scope)
    pages, cursor = snapshot(client, device=device, scope=scope, limit=97)

    assert len(pages) > 2
    assert all(p.snapshot for p in pages)
    assert all(p.has_more for p in pages[:-1])
    assert [p.snapshot_total for p in pages] == [expected] * len(pages)
    ids = [(c.entity, c.id) for p in pages for c in p.changes]
    assert len(ids) == len(set(ids)) == expected
    assert {e for e, _ in ids} >= {"customer", "consent", "order"}
    customer = next(c for p in pages for c in p.changes if c.entity == "customer")
    assert customer.data is not None and customer.data["home_store_id"] == body["store"]["id"]
    assert "scope" not in customer.data and "version" not in customer.data

    quiet = pull(client, device=device, scope=scope, cursor=cursor)
    assert (quiet.changes, quiet.snapshot, quiet.has_more) == ([], False, False)

    note_id = push_note(client, device=device, mutation_id=1, customer_id=hub.customer_of(0))
    after = pull(client, device=device, scope=scope, cursor=quiet.cursor)
    assert [(c.entity, c.id) for c in after.changes] == [("note", note_id)]
    assert after.changes[0].data is not None
    assert after.changes[0].data["author_name"] == body["associate"]["display_name"]
    assert after.last_mutation_id == 1
    again = pull(client, device=device, scope=scope, cursor=after.cursor)
    assert again.changes == []


def test_rows_written_during_a_snapshot_arrive_after_it(
    client: httpx.Client, hub: SeededHub
) -> None:
    body, device = sign_in(client)
    scope = body["scopes"][1]
    first = pull(client, device=device, scope=scope, cursor=None, limit=50)
    assert first.has_more
    note_id = push_note(client, device=device, mutation_id=1, customer_id=hub.customer_of(0))
    cursor = first.cursor
    seen: list[str] = []
    while True:
        page = pull(client, device=device, scope=scope, cursor=cursor, limit=500)
        seen += [c.id for c in page.changes]
        cursor = page.cursor
        if not page.has_more:
            break
    assert note_id in seen


def test_catalog_snapshot_carries_locations_products_inventory(
    client: httpx.Client, hub: SeededHub
) -> None:
    _, device = sign_in(client)
    pages, _ = snapshot(client, device=device, scope="catalog", limit=5000)
    kinds: dict[str, int] = {}
    for change in (c for p in pages for c in p.changes):
        kinds[change.entity] = kinds.get(change.entity, 0) + 1
    assert kinds == {"location": 4, "product": 120, "inventory": 480}


def test_other_stores_scope_is_403_forbidden_scope(client: httpx.Client, hub: SeededHub) -> None:
    _, device = sign_in(client)
    lyon = hub.summary["store_ids"][1]
    response = client.post(
        "/api/v1/sync/pull",
        json={"device_id": device, "schema_version": 1, "scope": f"store:{lyon}"},
    )
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden_scope"


def test_admin_may_pull_any_store(client: httpx.Client, hub: SeededHub) -> None:
    body, device = sign_in(client, username="demo-admin")
    assert body["store"] is None and body["scopes"] == ["catalog"]
    lyon = f"store:{hub.summary['store_ids'][1]}"
    page = pull(client, device=device, scope=lyon, cursor=None, limit=10)
    assert page.snapshot and page.changes


def _recode(cursor: str, **changes: Any) -> str:
    body = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    body |= changes
    return base64.urlsafe_b64encode(json.dumps(body).encode()).decode().rstrip("=")


def test_cursor_from_another_epoch_resets_to_a_snapshot(client: httpx.Client) -> None:
    _, device = sign_in(client)
    first = pull(client, device=device, scope="catalog", cursor=None, limit=10)
    stale = _recode(first.cursor, e="an-old-epoch")
    page = pull(client, device=device, scope="catalog", cursor=stale, limit=10)
    assert page.reset is True
    assert page.snapshot is True
    assert page.snapshot_done == len(page.changes) == 10


def test_unreadable_or_foreign_cursor_is_400(client: httpx.Client, hub: SeededHub) -> None:
    body, device = sign_in(client)
    first = pull(client, device=device, scope="catalog", cursor=None, limit=10)
    for cursor in ("garbage!", first.cursor):
        response = client.post(
            "/api/v1/sync/pull",
            json={
                "device_id": device,
                "schema_version": 1,
                "scope": body["scopes"][1],
                "cursor": cursor,
            },
        )
        assert response.status_code == 400
        assert response.json()["code"] == "invalid_cursor"
