"""A hub that no longer accepts this terminal's protocol: the terminal keeps working,
pushes nothing (not even after a restart) and sends its outbox once the hub accepts it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from clienteling.domain.errors import UpdateNeededError
from clienteling.hub.db import make_engine
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import devices, notes
from clienteling.protocol.models import PROTOCOL_VERSION
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore

NEWER_ONLY = {"protocol_version_min": PROTOCOL_VERSION + 1}


class RecordingTransport(httpx.HTTPTransport):
    """A real HTTP transport that remembers the paths it sent (what went on the wire)."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        return super().handle_request(request)


class Hub:
    """The hub on one fixed port, restarted with other settings ("the hub was updated")."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.server = HubServer(settings=HubSettings(db=str(db), port=0)).start()
        self.port = int(self.server.url.rsplit(":", 1)[1])
        self.url = self.server.url

    def restart(self, **settings: int) -> None:
        self.server.stop()
        self.server = HubServer(
            settings=HubSettings(db=str(self.db), port=self.port, **settings)
        ).start()

    def device_last_mutation(self, device_id: str) -> int:
        engine = make_engine(str(self.db))
        try:
            with engine.connect() as conn:
                value = conn.execute(
                    sa.select(devices.c.last_mutation_id).where(devices.c.id == device_id)
                ).scalar_one_or_none()
            return int(value or 0)
        finally:
            engine.dispose()

    def has_note(self, note_id: str) -> bool:
        engine = make_engine(str(self.db))
        try:
            with engine.connect() as conn:
                return (
                    conn.execute(sa.select(notes.c.id).where(notes.c.id == note_id)).first()
                    is not None
                )
        finally:
            engine.dispose()


@pytest.fixture
def hub(hub_db: Path) -> Iterator[Hub]:
    running = Hub(hub_db)
    try:
        yield running
    finally:
        running.server.stop()


def open_terminal(
    data_dir: Path, hub: Hub, secrets: MemorySecretStore
) -> tuple[Terminal, RecordingTransport]:
    transport = RecordingTransport()
    return Terminal(
        data_dir=data_dir, hub_url=hub.url, secrets=secrets, transport=transport
    ), transport


def test_update_needed_pushes_nothing_until_the_hub_accepts_the_protocol(
    hub: Hub, tmp_path: Path
) -> None:
    secrets = MemorySecretStore()
    terminal, wire = open_terminal(tmp_path / "t", hub, secrets)
    terminal.sign_in("demo-associate", "demo")
    terminal.sync_once()
    customer_id = terminal.search("a")[0].id
    before = hub.device_last_mutation(terminal.device_id)

    hub.restart(**NEWER_ONLY)  # the hub now wants a newer app
    note = terminal.add_note(customer_id, "Rappeler pour la taille 40")
    wire.paths.clear()
    with pytest.raises(UpdateNeededError):
        terminal.sync_once()
    assert wire.paths == ["/api/v1/sync/push"]  # refused before anything was applied
    status = terminal.status()
    assert (status.update_needed, status.error_code, status.pending) == (True, "update_needed", 1)

    # Work goes on; further passes only ask (read-only) and push nothing.
    terminal.add_note(customer_id, "Préfère être appelée le matin")
    wire.paths.clear()
    with pytest.raises(UpdateNeededError):
        terminal.sync_once()
    assert wire.paths == ["/api/v1/sync/pull"]
    terminal.close()

    # A restart of the same (not updated) app keeps the refusal: still no push.
    terminal, wire = open_terminal(tmp_path / "t", hub, secrets)
    terminal.restore_session()
    assert terminal.update_needed() and terminal.status().update_needed
    with pytest.raises(UpdateNeededError):
        terminal.sync_once()
    assert "/api/v1/sync/push" not in wire.paths
    assert hub.device_last_mutation(terminal.device_id) == before
    assert not hub.has_note(note.id)
    assert terminal.status().pending == 2

    hub.restart()  # the hub accepts this protocol again
    report = terminal.sync_once()
    assert (report.pushed, report.pending) == (2, 0)
    assert not terminal.update_needed() and not terminal.status().update_needed
    assert hub.has_note(note.id)
    assert hub.device_last_mutation(terminal.device_id) == before + 2
    terminal.close()
