"""Issue 8: a customer erased on the hub leaves every terminal at its next pull (real hub,
real terminal), and a change queued offline about them is refused, not resurrected."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from clienteling.terminal.facade import Terminal


@contextmanager
def _admin(url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=url, timeout=30) as client:
        answer = client.post(
            "/api/v1/auth/sign-in",
            json={"username": "demo-admin", "password": "demo", "device_id": "admin-console"},
        )
        assert answer.status_code == 200, answer.text
        client.headers["Authorization"] = f"Bearer {answer.json()['token']}"
        yield client


def _cached_rows(terminal: Terminal, customer_id: str) -> dict[str, int]:
    conn = sqlite3.connect(terminal.cache_path)
    try:
        counts = {}
        for table in ("customers", "consents", "orders", "carts", "notes", "visits", "followups"):
            column = "id" if table == "customers" else "customer_id"
            counts[table] = conn.execute(
                f"SELECT count(*) FROM {table} WHERE {column} = ?", (customer_id,)
            ).fetchone()[0]
        return counts
    finally:
        conn.close()


def test_erased_customer_leaves_the_terminal_at_its_next_sync(
    synced: Terminal, hub_url: str
) -> None:
    terminal = synced
    hit = next(h for h in terminal.search("a", limit=50) if terminal.customer(h.id).orders)
    customer_id, name = hit.id, hit.display_name
    terminal.add_note(customer_id, "prefers the linen range")
    terminal.sync_once()
    terminal.save_note_draft(customer_id, "half a sentence about them")
    before = _cached_rows(terminal, customer_id)
    assert before["customers"] == 1 and before["orders"] >= 1 and before["notes"] >= 1

    with _admin(hub_url) as admin:
        answer = admin.post(f"/api/v1/customers/{customer_id}/erase")
        assert answer.status_code == 200, answer.text
        assert answer.json()["already_erased"] is False
    # A note written before the terminal heard of it is refused, not resurrected.
    late = terminal.add_note(customer_id, "written while the erasure travelled")
    report = terminal.sync_once()

    assert len(report.rejected) == 1
    assert "erased" in report.rejected[0][1]
    assert terminal.customer(customer_id) is None
    assert all(h.id != customer_id for h in terminal.search(name))
    assert _cached_rows(terminal, customer_id) == dict.fromkeys(before, 0)
    # The refused entry carried the note's text: it goes too, as do the drafts.
    assert terminal.status().rejected == 0
    assert terminal.note_draft(customer_id) == ""
    with _admin(hub_url) as admin:
        assert admin.get(f"/api/v1/notes/{late.id}").status_code == 404
        again = admin.post(f"/api/v1/customers/{customer_id}/erase")
        assert again.json()["already_erased"] is True
