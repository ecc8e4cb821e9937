"""The terminal against a real hub: sign-in, snapshot, notes round trip, increments."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from clienteling.domain.errors import NotSignedInError, SignInError
from clienteling.hub.db import make_engine
from clienteling.hub.tables import customers
from clienteling.store import outbox
from clienteling.store.cache import connect_cache
from clienteling.store.meta import set_meta
from clienteling.sync.engine import SyncProgress
from clienteling.terminal.facade import SyncStatus, Terminal
from clienteling.terminal.secrets import MemorySecretStore
from tests.integration.conftest import PASSWORD, USER


def hub_customer_count(hub_db: Path, store_id: str) -> int:
    engine = make_engine(str(hub_db))
    try:
        with engine.connect() as conn:
            query = sa.select(sa.func.count()).where(customers.c.home_store_id == store_id)
            return int(conn.execute(query.select_from(customers)).scalar_one())
    finally:
        engine.dispose()


def cached_customer_count(terminal: Terminal) -> int:
    db = connect_cache(terminal.cache_path)
    try:
        return int(db.conn.execute("SELECT count(*) FROM customers").fetchone()[0])
    finally:
        db.close()


def hub_notes(hub_url: str, token: str, customer_id: str) -> list[dict[str, object]]:
    response = httpx.get(
        f"{hub_url}/api/v1/customers/{customer_id}",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    notes: list[dict[str, object]] = response.json()["notes"]
    return notes


def token_of(terminal: Terminal, secrets: MemorySecretStore) -> str:
    token = secrets.get(f"token:{terminal.hub_url}:{terminal.device_id}")
    assert token is not None
    return token


def test_sign_in_keeps_the_token_in_the_secret_store_only(
    terminal: Terminal, secrets: MemorySecretStore
) -> None:
    assert terminal.session is None
    session = terminal.sign_in(USER, PASSWORD)
    assert session.username == USER
    assert session.store_id is not None and session.store_name
    token = token_of(terminal, secrets)
    raw = terminal.cache_path.read_bytes()
    assert token.encode() not in raw
    assert PASSWORD.encode() not in raw.replace(b"demo-associate", b"")


def test_wrong_password(terminal: Terminal) -> None:
    with pytest.raises(SignInError):
        terminal.sign_in(USER, "not-the-password")
    assert terminal.session is None
    status = terminal.status()
    assert status.online is True and status.error_code == "sign_in_failed"


def test_sync_needs_a_session(terminal: Terminal) -> None:
    with pytest.raises(NotSignedInError):
        terminal.sync_once()


def test_first_sync_fills_the_cache_then_increments_pull_nothing(
    terminal: Terminal, hub_url: str
) -> None:
    session = terminal.sign_in(USER, PASSWORD)
    assert not terminal.status().ready
    seen: list[SyncProgress] = []
    report = terminal.sync_once(progress=seen.append)
    assert report.pulled > 0
    assert {"customer", "product", "location"} <= report.kinds
    assert any(p.phase == "pull" and p.total for p in seen)
    status = terminal.status()
    assert status.ready and status.online and status.last_sync_at is not None
    assert status.pending == 0 and status.error_code is None
    hits = terminal.search("a", limit=5)
    assert hits
    profile = terminal.customer(hits[0].id)
    assert profile is not None and profile.home_store_name == session.store_name

    again = terminal.sync_once()
    assert (again.pulled, again.pushed) == (0, 0)


def test_note_reaches_the_hub_and_comes_back_acknowledged(
    synced: Terminal, hub_url: str, secrets: MemorySecretStore
) -> None:
    customer_id = synced.search("a", limit=1)[0].id
    note = synced.add_note(customer_id, "Tried two laptops, will think about it")
    assert note.pending
    assert synced.status().pending == 1

    report = synced.sync_once()
    assert report.pushed == 1 and report.pending == 0 and "note" in report.kinds
    texts = [n["text"] for n in hub_notes(hub_url, token_of(synced, secrets), customer_id)]
    assert texts.count("Tried two laptops, will think about it") == 1
    profile = synced.customer(customer_id)
    assert profile is not None
    mine = [n for n in profile.notes if n.id == note.id]
    assert len(mine) == 1 and not mine[0].pending
    assert synced.status().pending == 0

    # Sending again changes nothing on the hub.
    assert synced.sync_once().pushed == 0
    texts = [n["text"] for n in hub_notes(hub_url, token_of(synced, secrets), customer_id)]
    assert texts.count("Tried two laptops, will think about it") == 1


def test_refused_mutation_is_kept_with_its_reason_and_does_not_block(synced: Terminal) -> None:
    db = connect_cache(synced.cache_path)
    try:
        with db.atomic():
            outbox.enqueue(
                db,
                "note.add",
                {"id": "n-x", "customer_id": "nobody", "text": "x", "created_at": "2025-01-01"},
            )
    finally:
        db.close()
    customer_id = synced.search("a", limit=1)[0].id
    synced.add_note(customer_id, "after the bad one")
    report = synced.sync_once()
    assert report.rejected == [(1, "unknown customer")]
    assert report.pushed == 1
    status = synced.status()
    assert (status.pending, status.rejected) == (0, 1)
    assert synced.rejected_changes() == [(1, "unknown customer")]


def test_hub_that_lost_mutations_gets_them_again(synced: Terminal, hub_url: str) -> None:
    """The terminal believes 1..4 were acknowledged; the hub has none (restored backup)."""
    db = connect_cache(synced.cache_path)
    try:
        set_meta(db, outbox.LAST_ACK_KEY, "4")
    finally:
        db.close()
    customer_id = synced.search("a", limit=1)[0].id
    synced.add_note(customer_id, "sent as 5, applied as 1")
    report = synced.sync_once()
    assert report.pushed == 1 and report.pending == 0


def test_cancelled_snapshot_resumes_where_it_stopped(
    terminal: Terminal, hub_url: str, seeded_hub_db: Path
) -> None:
    session = terminal.sign_in(USER, PASSWORD)
    cancel = threading.Event()
    report = terminal.sync_once(progress=lambda _p: cancel.set(), cancel=cancel)
    assert report.cancelled
    assert not terminal.status().ready
    partial = cached_customer_count(terminal)

    terminal.sync_once()
    assert terminal.status().ready
    assert session.store_id is not None
    expected = hub_customer_count(seeded_hub_db, session.store_id)
    assert partial < expected == cached_customer_count(terminal)


def test_session_is_restored_by_a_new_terminal(
    synced: Terminal, tmp_path: Path, hub_url: str, secrets: MemorySecretStore
) -> None:
    device = synced.device_id
    synced.close()
    again = Terminal(data_dir=tmp_path / "terminal", hub_url=hub_url, secrets=secrets)
    try:
        assert again.device_id == device
        restored = again.restore_session()
        assert restored is not None and restored.username == USER
        assert again.search("a", limit=1)
        assert again.sync_once().pulled == 0
    finally:
        again.close()


def test_no_session_to_restore_without_a_token(tmp_path: Path, hub_url: str) -> None:
    secrets = MemorySecretStore()
    term = Terminal(data_dir=tmp_path / "t", hub_url=hub_url, secrets=secrets)
    try:
        term.sign_in(USER, PASSWORD)
        secrets.delete(f"token:{term.hub_url}:{term.device_id}")
        assert term.restore_session() is None
    finally:
        term.close()


def test_auto_sync_reports_changes_and_status(synced: Terminal) -> None:
    kinds: list[set[str]] = []
    statuses: list[SyncStatus] = []
    synced.start_auto_sync(interval_s=30, on_status=statuses.append, on_changes=kinds.append)
    customer_id = synced.search("a", limit=1)[0].id
    synced.add_note(customer_id, "auto")  # wakes the sync thread at once
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not (
        any("note" in k for k in kinds) and statuses and statuses[-1].pending == 0
    ):
        time.sleep(0.05)
    synced.stop_auto_sync()
    assert any("note" in k for k in kinds)
    assert statuses[-1].pending == 0 and statuses[-1].online


def test_the_pending_count_follows_the_outbox_between_passes(synced: Terminal) -> None:
    """The status bar's count must not wait for a pass to end (a pull can take minutes):
    a save reports the grown outbox at once, on the saving thread, and a pass reports
    the pushed outbox before its own status."""
    events: list[tuple[str, int]] = []
    lock = threading.Lock()

    def on_pending(pending: int, _rejected: int) -> None:
        with lock:
            events.append(("pending", pending))

    def on_status(status: SyncStatus) -> None:
        with lock:
            events.append(("status", status.pending))

    synced.start_auto_sync(
        interval_s=30, on_status=on_status, on_changes=lambda _k: None, on_pending=on_pending
    )
    try:
        customer_id = synced.search("a", limit=1)[0].id
        synced.add_note(customer_id, "counted at once")
        with lock:
            assert ("pending", 1) in events  # reported before add_note returned
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with lock:
                if ("status", 0) in events:
                    break
            time.sleep(0.05)
    finally:
        synced.stop_auto_sync()
    with lock:
        seen = list(events)
    status_at = seen.index(("status", 0))
    assert ("pending", 0) in seen[:status_at], seen  # the push was reported first


def test_recently_viewed_products_reach_the_profile_with_stock_and_leave_again(
    synced: Terminal, tmp_path: Path
) -> None:
    """A web-shop view on the hub -> the customer 360 after a sync, with the one price and
    the stock here, in the other stores and online; the 21st product's view drops the
    oldest, which the terminal then forgets (the tombstone is pulled and applied)."""
    from datetime import UTC, datetime, timedelta

    from clienteling.hub.clock import iso
    from clienteling.hub.ingest.apply import ingest
    from clienteling.hub.ingest.events import CustomerRef, ProductViewEvent
    from clienteling.hub.recent_views import KEEP
    from clienteling.hub.settings import HubSettings
    from clienteling.hub.tables import inventory, locations, products

    assert synced.session is not None and synced.session.store_id is not None
    store_id = synced.session.store_id
    engine = make_engine(str(tmp_path / "hub.sqlite3"))  # the file the running hub serves
    try:
        with engine.connect() as conn:
            person = conn.execute(
                sa.select(customers.c.id, customers.c.emails)
                .where(customers.c.home_store_id == store_id, customers.c.emails != "[]")
                .order_by(customers.c.id.desc())
                .limit(1)
            ).one()
            web = conn.execute(
                sa.select(locations.c.id).where(locations.c.kind == "web")
            ).scalar_one()
            here = sa.select(inventory.c.product_id).where(
                inventory.c.location_id == store_id, inventory.c.on_hand > inventory.c.reserved
            )
            online = sa.select(inventory.c.product_id).where(inventory.c.location_id == web)
            skus = list(
                conn.execute(
                    sa.select(products.c.sku)
                    .where(products.c.id.in_(here), products.c.id.in_(online))
                    .order_by(products.c.sku)
                    .limit(KEEP + 1)
                ).scalars()
            )
        assert len(skus) == KEEP + 1
        customer_id, email = str(person.id), str(person.emails[0])
        start = datetime.now(UTC) - timedelta(minutes=1)  # after every seeded view

        def view(sku: str, minute: int) -> None:
            event = ProductViewEvent(
                occurred_at=iso(start + timedelta(minutes=minute)),
                sku=sku,
                customer=CustomerRef(email=email),
            )
            result = ingest(
                engine,
                HubSettings(db=str(tmp_path / "hub.sqlite3")),
                source="webshop",
                event_id=f"view-{sku}-{minute}",
                topic="product.viewed",
                event=event,
            )
            assert result.status == "applied", result

        view(skus[0], 0)
        synced.sync_once()
        profile = synced.customer(customer_id)
        assert profile is not None
        first = profile.recent_views[0]
        assert first.sku == skus[0] and first.view_count == 1
        assert first.price_minor is not None and first.price_minor > 0
        assert first.stock_here is not None and first.stock_here > 0
        assert first.stock_web is not None and first.stock_other_stores is not None

        for minute, sku in enumerate(skus[1:], start=1):
            view(sku, minute)
        synced.sync_once()
        profile = synced.customer(customer_id)
        assert profile is not None
        shown = [v.sku for v in profile.recent_views]
        assert shown == list(reversed(skus[1:]))  # newest first; the first one gone
        db = connect_cache(synced.cache_path)
        try:
            left = db.conn.execute(
                "SELECT count(*) FROM recent_views WHERE customer_id = ?", (customer_id,)
            ).fetchone()[0]
        finally:
            db.close()
        assert left == KEEP
    finally:
        engine.dispose()
