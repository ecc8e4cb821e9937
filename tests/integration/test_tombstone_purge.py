"""Issue 5, scenario 6: a terminal offline for longer than the tombstone retention comes
back, resyncs its store in full (the hub answers `cursor_purged`), keeps the note it
wrote offline, and rows deleted on the hub meanwhile stay deleted."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.hub import versions
from clienteling.hub.db import make_engine, write_tx
from clienteling.hub.purge import purge_tombstones, purged_before
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import notes, tombstones
from clienteling.store.cache import connect_cache
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from tests.integration.conftest import PASSWORD, USER

RETENTION = timedelta(days=30)


@pytest.fixture
def hub_engine(hub_db: Path) -> Iterator[Engine]:
    engine = make_engine(str(hub_db))
    yield engine
    engine.dispose()


def delete_note_on_hub(engine: Engine, scope: str) -> str:
    """What a hub-side delete does: the row goes, a tombstone with a new version stays."""
    with write_tx(engine) as conn:
        note_id = str(
            conn.execute(
                sa.select(notes.c.id).where(notes.c.scope == scope).order_by(notes.c.id)
            ).scalar()
        )
        conn.execute(sa.delete(notes).where(notes.c.id == note_id))
        conn.execute(
            sa.insert(tombstones).values(
                entity="note",
                entity_id=note_id,
                scope=scope,
                version=versions.allocate(conn, scope),
            )
        )
    return note_id


def cached_note_ids(terminal: Terminal) -> set[str]:
    db = connect_cache(terminal.cache_path)
    try:
        return {row[0] for row in db.conn.execute("SELECT id FROM notes")}
    finally:
        db.close()


def test_offline_longer_than_the_retention_resyncs_and_deletes_stay_deleted(
    hub_db: Path, hub_engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = HubSettings(db=str(hub_db), port=0, purge_interval_s=0)
    with HubServer(settings=settings) as hub:
        terminal = Terminal(
            data_dir=tmp_path / "terminal", hub_url=hub.url, secrets=MemorySecretStore()
        )
        try:
            session = terminal.sign_in(USER, PASSWORD)
            assert session.store_id is not None
            scope = f"store:{session.store_id}"
            terminal.sync_once()
            before = cached_note_ids(terminal)

            # Offline: the associate writes a note; on the hub a note is deleted.
            customer = terminal.search("a", limit=1)[0].id
            written = terminal.add_note(customer, "écrit hors ligne, gardé")
            gone = delete_note_on_hub(hub_engine, scope)
            assert gone in before
            # The purge job runs now and again past the retention: the tombstone goes.
            now = datetime.now(UTC)
            purge_tombstones(hub_engine, retention=RETENTION, now=now)
            deleted = purge_tombstones(hub_engine, retention=RETENTION, now=now + RETENTION * 2)
            assert deleted == {scope: 1}
            with hub_engine.connect() as conn:
                assert purged_before(conn, scope) > 0

            with caplog.at_level(logging.INFO, logger="clienteling.sync.engine"):
                report = terminal.sync_once()
            assert report.pending == 0 and report.pushed == 1
            assert any("cursor_purged" in r.getMessage() for r in caplog.records)
            after = cached_note_ids(terminal)
            assert gone not in after  # deleted stays deleted
            assert after == (before - {gone}) | {written.id}
            profile = terminal.customer(customer)
            assert profile is not None
            assert [n.pending for n in profile.notes if n.text == "écrit hors ligne, gardé"] == [
                False
            ]
            assert terminal.status().ready
            # And the next pass is an ordinary increment again.
            assert terminal.sync_once().pulled == 0
        finally:
            terminal.close()
