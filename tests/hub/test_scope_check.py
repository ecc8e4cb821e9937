"""`/sync/check`: per kind, the scope's row count and version sum once a cursor is caught up."""

from __future__ import annotations

from collections import defaultdict

import httpx

from clienteling.protocol.models import PullResponse, ScopeCheckResponse

from .conftest import SeededHub, sign_in
from .test_sync_pull import pull, push_note, snapshot


def check(http: httpx.Client, *, device: str, scope: str, cursor: str) -> httpx.Response:
    return http.post(
        "/api/v1/sync/check",
        json={"device_id": device, "schema_version": 1, "scope": scope, "cursor": cursor},
    )


def checked(http: httpx.Client, *, device: str, scope: str, cursor: str) -> ScopeCheckResponse:
    response = check(http, device=device, scope=scope, cursor=cursor)
    assert response.status_code == 200, response.text
    return ScopeCheckResponse.model_validate(response.json())


def figures(pages: list[PullResponse]) -> dict[str, tuple[int, int]]:
    """What a terminal holding exactly these pages counts: the last version of each row."""
    latest: dict[tuple[str, str], int | None] = {}
    for page in pages:
        for change in page.changes:
            latest[(change.entity, change.id)] = change.version if change.op == "upsert" else None
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (entity, _id), version in latest.items():
        if version is not None:
            out[entity][0] += 1
            out[entity][1] += version
    return {entity: (n, total) for entity, (n, total) in out.items()}


def test_a_caught_up_terminal_gets_the_figures_of_what_it_pulled(
    client: httpx.Client, hub: SeededHub
) -> None:
    body, device = sign_in(client)
    scope = body["scopes"][1]
    pages, cursor = snapshot(client, device=device, scope=scope, limit=500)

    answer = checked(client, device=device, scope=scope, cursor=cursor)
    assert answer.caught_up
    hub_figures = {k: (f.count, f.version_sum) for k, f in answer.kinds.items() if f.count}
    assert hub_figures == figures(pages)

    note_id = push_note(client, device=device, mutation_id=1, customer_id=hub.customer_of(0))
    stale = checked(client, device=device, scope=scope, cursor=cursor)
    assert (stale.caught_up, stale.kinds) == (False, {})  # pull first

    after = pull(client, device=device, scope=scope, cursor=cursor)
    assert [c.id for c in after.changes] == [note_id]
    again = checked(client, device=device, scope=scope, cursor=after.cursor)
    assert again.caught_up
    note_before = answer.kinds["note"]
    assert again.kinds["note"].count == note_before.count + 1
    assert again.kinds["note"].version_sum == note_before.version_sum + after.changes[0].version


def test_a_snapshot_cursor_is_not_caught_up(client: httpx.Client) -> None:
    body, device = sign_in(client)
    scope = body["scopes"][1]
    first = pull(client, device=device, scope=scope, cursor=None, limit=5)
    assert first.has_more
    assert not checked(client, device=device, scope=scope, cursor=first.cursor).caught_up


def test_an_unreadable_or_foreign_cursor_is_400(client: httpx.Client) -> None:
    body, device = sign_in(client)
    catalogue, store = body["scopes"][0], body["scopes"][1]
    _pages, cursor = snapshot(client, device=device, scope=catalogue, limit=5000)
    for scope, bad in ((store, "not-a-cursor"), (store, cursor)):
        response = check(client, device=device, scope=scope, cursor=bad)
        assert response.status_code == 400, response.text
        assert response.json()["code"] == "invalid_cursor"
