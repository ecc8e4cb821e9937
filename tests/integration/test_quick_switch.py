"""Quick switch on a shared terminal against the real hub: a PIN resumes a session that
its associate opened here with their password, and every mutation stays its author's on
the hub, whoever is active when the outbox is pushed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from clienteling.domain.errors import HubUnreachableError
from clienteling.domain.pins import MAX_PIN_FAILURES, PinDisabledError, WeakPinError, WrongPinError
from clienteling.hub.db import make_engine
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import notes
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from tests.integration.conftest import PASSWORD, USER

MANAGER = "demo-manager"
PIN_A, PIN_B = "2580", "97531"


def hub_note_authors(hub_db: Path, note_ids: list[str]) -> dict[str, str]:
    engine = make_engine(str(hub_db))
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.select(notes.c.id, notes.c.associate_id).where(notes.c.id.in_(note_ids))
            ).all()
    finally:
        engine.dispose()
    return {str(r.id): str(r.associate_id) for r in rows}


def test_authorship_survives_a_switch(
    terminal: Terminal, hub_url: str, tmp_path: Path, secrets: MemorySecretStore
) -> None:
    a = terminal.sign_in(USER, PASSWORD)
    terminal.sync_once()
    terminal.set_pin(PIN_A)
    customer = terminal.search("a", limit=1)[0].id
    by_a = terminal.add_note(customer, "written by A, pushed after the switch")

    b = terminal.sign_in(MANAGER, PASSWORD)  # B at the lock screen, with the password
    assert terminal.session == b and a.associate_id != b.associate_id
    terminal.set_pin(PIN_B)
    by_b = terminal.add_note(customer, "written by B")
    report = terminal.sync_once()  # B is active: A's note still goes with A's token
    assert report.pushed == 2 and report.pending == 0

    assert terminal.unlock_with_pin(a.associate_id, PIN_A) == a
    again_a = terminal.add_note(customer, "A again, after switching back")
    assert terminal.unlock_with_pin(b.associate_id, PIN_B) == b
    terminal.sync_once()

    authors = hub_note_authors(tmp_path / "hub.sqlite3", [by_a.id, by_b.id, again_a.id])
    assert authors == {
        by_a.id: a.associate_id,
        by_b.id: b.associate_id,
        again_a.id: a.associate_id,
    }
    # Each session's refresh token has exactly one home in the keyring.
    refresh_values = [v for k, v in secrets._values.items() if k.startswith("refresh:")]
    assert len(refresh_values) == 2 and len(set(refresh_values)) == 2


def test_the_cache_keeps_a_slow_hash_never_the_pin_nor_a_token(
    synced: Terminal, secrets: MemorySecretStore
) -> None:
    pin = "48151623"  # long enough not to turn up by chance among the cached data
    synced.set_pin(pin)
    with sqlite3.connect(synced.cache_path) as conn:
        (pin_hash,) = conn.execute("SELECT pin_hash FROM pins").fetchone()
        dump = "\n".join(conn.iterdump())
    assert pin_hash.startswith("$argon2")
    assert pin not in dump.replace(pin_hash, "")
    for value in secrets._values.values():
        assert value not in dump


@pytest.mark.parametrize("pin", ["0000", "1234", "12", "abcd"])
def test_trivial_pins_are_refused(synced: Terminal, pin: str) -> None:
    with pytest.raises(WeakPinError):
        synced.set_pin(pin)
    assert not synced.has_pin()


def test_wrong_pins_disable_the_pin_until_the_password(synced: Terminal) -> None:
    me = synced.session
    assert me is not None
    synced.set_pin(PIN_A)
    for left in range(MAX_PIN_FAILURES - 1, 0, -1):
        with pytest.raises(WrongPinError) as wrong:
            synced.unlock_with_pin(me.associate_id, "1357")
        assert wrong.value.attempts_left == left
    with pytest.raises(PinDisabledError):
        synced.unlock_with_pin(me.associate_id, "1357")
    with pytest.raises(PinDisabledError):  # now even the right PIN is refused
        synced.unlock_with_pin(me.associate_id, PIN_A)
    assert [h.disabled for h in synced.pin_holders()] == [True]

    synced.sign_in(USER, PASSWORD)
    assert synced.unlock_with_pin(me.associate_id, PIN_A) == me
    assert [h.disabled for h in synced.pin_holders()] == [False]


def test_a_right_pin_resets_the_count(synced: Terminal) -> None:
    me = synced.session
    assert me is not None
    synced.set_pin(PIN_A)
    for _ in range(MAX_PIN_FAILURES - 1):
        with pytest.raises(WrongPinError):
            synced.unlock_with_pin(me.associate_id, "1357")
    synced.unlock_with_pin(me.associate_id, PIN_A)
    with pytest.raises(WrongPinError) as wrong:
        synced.unlock_with_pin(me.associate_id, "1357")
    assert wrong.value.attempts_left == MAX_PIN_FAILURES - 1


def test_offline_the_switch_works_and_the_token_is_refreshed_later(
    hub_db: Path, tmp_path: Path
) -> None:
    """The hub goes away: B still unlocks with the cached session and writes; when the
    hub is back (with every access token expired) the notes go up as their authors'."""
    settings = HubSettings(db=str(hub_db), port=0, purge_interval_s=0)
    with HubServer(settings=settings) as hub:
        url = hub.url
        terminal = Terminal(data_dir=tmp_path / "t", hub_url=url, secrets=MemorySecretStore())
        b = terminal.sign_in(MANAGER, PASSWORD)
        terminal.set_pin(PIN_B)
        a = terminal.sign_in(USER, PASSWORD)
        terminal.sync_once()
        customer = terminal.search("a", limit=1)[0].id
    port = url.rsplit(":", 1)[1]
    try:
        by_a = terminal.add_note(customer, "offline, by A")
        with pytest.raises(HubUnreachableError):
            terminal.sync_once()
        assert terminal.unlock_with_pin(b.associate_id, PIN_B) == b
        by_b = terminal.add_note(customer, "offline, by B")
        assert terminal.status().pending == 2

        engine = make_engine(str(hub_db))
        with engine.begin() as conn:  # a long day offline: every access token expired
            conn.execute(sa.text("UPDATE sessions SET expires_at = '2000-01-01T00:00:00+00:00'"))
        engine.dispose()
        with HubServer(settings=settings.model_copy(update={"port": int(port)})):
            report = terminal.sync_once()
        assert report.pending == 0
    finally:
        terminal.close()
    authors = hub_note_authors(hub_db, [by_a.id, by_b.id])
    assert authors == {by_a.id: a.associate_id, by_b.id: b.associate_id}
