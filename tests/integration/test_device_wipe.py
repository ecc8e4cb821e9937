"""Issue 8: an admin revokes a terminal; at its next contact it pushes what it still
owes, then wipes its customer data and is signed out. Unreachable or refused: the data
stays until it is pushed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from clienteling.domain.errors import DeviceRevokedError, HubUnreachableError, TerminalWipedError
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.store.encryption import file_kind
from clienteling.terminal.cache_key import cache_key_entry
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from clienteling.terminal.wipe import wiped_paths
from tests.integration.conftest import PASSWORD, USER
from tests.support.fault_proxy import FaultProxy

NOTE = "Revocation test note: wants the blue scarf"


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


def _revoke(url: str, device_id: str, **params: str) -> None:
    with _admin(url) as admin:
        answer = admin.post(f"/api/v1/devices/{device_id}/revoke", params=params)
        assert answer.status_code == 200, answer.text


def _some_customer(terminal: Terminal) -> tuple[str, str]:
    hit = terminal.search("a", limit=1)[0]
    return hit.id, hit.display_name


def _files_mention(folder: Path, text: str) -> list[str]:
    needle = text.encode()
    return [p.name for p in folder.iterdir() if p.is_file() and needle in p.read_bytes()]


def test_revoked_terminal_pushes_its_notes_then_wipes(
    synced: Terminal, hub_url: str, secrets: MemorySecretStore
) -> None:
    terminal = synced
    customer_id, name = _some_customer(terminal)
    note = terminal.add_note(customer_id, NOTE)
    terminal.save_note_draft(customer_id, "half-typed draft about the scarf")
    (terminal.cache_path.parent / "layout.ini").write_text("[profile]\ncustomer=" + customer_id)
    old_device = terminal.device_id
    assert terminal.status().pending == 1
    assert _files_mention(terminal.cache_path.parent, name)
    _revoke(hub_url, old_device)

    with pytest.raises(TerminalWipedError):
        terminal.sync_once()

    # The queued note reached the hub before the wipe.
    with _admin(hub_url) as admin:
        notes = admin.get(f"/api/v1/customers/{customer_id}/notes").json()["items"]
        assert note.id in {n["id"] for n in notes}
        device = admin.get(f"/api/v1/devices/{old_device}").json()
        assert device["revoked_at"]
    # Nothing of the customers is left beside the cache; the layout is gone.
    folder = terminal.cache_path.parent
    assert _files_mention(folder, name) == []
    assert _files_mention(folder, "scarf") == []
    assert not (folder / "layout.ini").exists()
    assert terminal.search(name.split()[0]) == []
    assert terminal.customer(customer_id) is None
    assert terminal.note_draft(customer_id) == ""
    # Signed out, a new device id, no keyring entry of the old device.
    assert terminal.session is None
    assert terminal.restore_session() is None
    assert terminal.device_id != old_device
    assert secrets.get(f"token:{terminal.hub_url}:{old_device}") is None
    assert secrets.get(f"refresh:{terminal.hub_url}:{old_device}") is None
    assert terminal.status().error_code == "device_wiped"
    assert terminal.status().pending == 0
    # A new sign-in works (a new device; enrollment decides whether it may).
    assert terminal.sign_in(USER, PASSWORD).username == USER


def test_revoked_terminal_with_nothing_to_push_wipes_at_its_next_pull(
    synced: Terminal, hub_url: str
) -> None:
    _customer_id, name = _some_customer(synced)
    _revoke(hub_url, synced.device_id)
    with pytest.raises(TerminalWipedError):
        synced.sync_once()
    assert _files_mention(synced.cache_path.parent, name) == []
    assert synced.session is None


def test_the_final_push_token_opens_nothing_else(synced: Terminal, hub_url: str) -> None:
    """After the revocation, the device's token still pushes but reads nothing; once the
    device reports the wipe, it pushes nothing either."""
    token = synced.restore_session() and synced._secrets.get(synced._token_key())
    assert token
    device = synced.device_id
    _revoke(hub_url, device)
    with httpx.Client(base_url=hub_url, timeout=30) as http:
        http.headers["Authorization"] = f"Bearer {token}"
        read = http.get("/api/v1/customers")
        assert read.status_code == 401
        assert read.json()["code"] == "device_revoked"
        assert read.json()["detail"] == {"final_push": True, "discard_unsent": False}
        pull = http.post(
            "/api/v1/sync/pull",
            json={"device_id": device, "schema_version": 1, "scope": "catalog"},
        )
        assert pull.status_code == 401
        push = http.post(
            "/api/v1/sync/push", json={"device_id": device, "schema_version": 1, "mutations": []}
        )
        assert push.status_code == 200
        assert push.json()["device_revoked"] is True
        assert http.post("/api/v1/devices/self/wiped").status_code == 204
        again = http.post(
            "/api/v1/sync/push", json={"device_id": device, "schema_version": 1, "mutations": []}
        )
        assert again.status_code == 401


def test_admin_may_wipe_without_the_final_push(synced: Terminal, hub_url: str) -> None:
    customer_id, name = _some_customer(synced)
    note = synced.add_note(customer_id, NOTE)
    _revoke(hub_url, synced.device_id, discard_unsent="true")
    with pytest.raises(TerminalWipedError):
        synced.sync_once()
    assert _files_mention(synced.cache_path.parent, name) == []
    with _admin(hub_url) as admin:
        notes = admin.get(f"/api/v1/customers/{customer_id}/notes").json()["items"]
        assert note.id not in {n["id"] for n in notes}


@pytest.fixture
def hub(hub_db: Path) -> Iterator[HubServer]:
    with HubServer(settings=HubSettings(db=str(hub_db), port=0)) as server:
        yield server


def test_unreachable_revoked_terminal_keeps_its_data(
    hub: HubServer, tmp_path: Path, secrets: MemorySecretStore
) -> None:
    with FaultProxy(hub.url) as proxy:
        terminal = Terminal(data_dir=tmp_path / "t", hub_url=proxy.url, secrets=secrets)
        try:
            terminal.sign_in(USER, PASSWORD)
            terminal.sync_once()
            customer_id, name = _some_customer(terminal)
            terminal.add_note(customer_id, NOTE)
            _revoke(hub.url, terminal.device_id)
            proxy.cut()
            with pytest.raises(HubUnreachableError):
                terminal.sync_once()
            assert terminal.session is not None
            assert terminal.status().pending == 1
            assert terminal.customer(customer_id) is not None
            assert _files_mention(terminal.cache_path.parent, name)
            # The network comes back: the note goes, then the data.
            proxy.restore()
            with pytest.raises(TerminalWipedError):
                terminal.sync_once()
            assert _files_mention(terminal.cache_path.parent, name) == []
        finally:
            terminal.close()


def test_refused_final_push_keeps_the_data_until_an_admin_decides(
    hub_db: Path, tmp_path: Path, secrets: MemorySecretStore
) -> None:
    """A terminal back after its sign-in would have expired: the hub takes no final push,
    so the unsent note keeps the data here; an admin's "discard unsent" then wipes it."""
    settings = HubSettings(db=str(hub_db), port=0, refresh_token_ttl_days=0)
    with HubServer(settings=settings) as hub:
        terminal = Terminal(data_dir=tmp_path / "t", hub_url=hub.url, secrets=secrets)
        try:
            terminal.sign_in(USER, PASSWORD)
            terminal.sync_once()
            customer_id, name = _some_customer(terminal)
            terminal.add_note(customer_id, NOTE)
            device = terminal.device_id
            _revoke(hub.url, device)
            with pytest.raises(DeviceRevokedError) as refused:
                terminal.sync_once()
            assert not isinstance(refused.value, TerminalWipedError)
            assert refused.value.pending == 1
            assert terminal.status().error_code == "device_revoked"
            assert terminal.customer(customer_id) is not None
            assert all(p.exists() for p in wiped_paths(terminal.cache_path)[:1])
            _revoke(hub.url, device, discard_unsent="true")
            with pytest.raises(TerminalWipedError):
                terminal.sync_once()
            assert _files_mention(terminal.cache_path.parent, name) == []
        finally:
            terminal.close()


def test_an_encrypted_terminal_gets_a_new_key_with_its_new_cache(
    hub: HubServer, tmp_path: Path, secrets: MemorySecretStore
) -> None:
    """The old key goes with the wiped file (nothing could read a copy of it later); the
    new empty cache is encrypted with a key of its own and syncs again."""
    terminal = Terminal(
        data_dir=tmp_path / "t", hub_url=hub.url, secrets=secrets, encrypt_cache=True
    )
    try:
        terminal.sign_in(USER, PASSWORD)
        terminal.sync_once()
        entry = cache_key_entry(terminal.cache_path)
        old_key = secrets.get(entry)
        assert old_key
        _revoke(hub.url, terminal.device_id)
        with pytest.raises(TerminalWipedError):
            terminal.sync_once()
        new_key = secrets.get(entry)
        assert new_key and new_key != old_key
        assert file_kind(terminal.cache_path) == "encrypted"
        terminal.sign_in(USER, PASSWORD)
        terminal.sync_once()
        assert terminal.search("a", limit=1)
    finally:
        terminal.close()
