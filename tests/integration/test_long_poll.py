"""Long-poll pulls (`PullRequest.wait`): an online terminal hears of a hub change at once
instead of at its next timer tick, and a hub answers a caught-up wait with an empty page."""

from __future__ import annotations

import logging
import shutil
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.protocol.models import PullRequest
from clienteling.store.schema import SCHEMA_VERSION
from clienteling.sync.abortable import AbortableTransport
from clienteling.sync.client import HubClient
from clienteling.sync.watch import HubWatcher
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from tests.integration.conftest import PASSWORD, USER

# With this interval the timer alone would not sync again for five minutes.
INTERVAL_S = 300.0


def _terminal(tmp_path: Path, name: str, hub_url: str) -> Terminal:
    term = Terminal(data_dir=tmp_path / name, hub_url=hub_url, secrets=MemorySecretStore())
    term.sign_in(USER, PASSWORD)
    term.sync_once()
    return term


def test_a_note_written_elsewhere_reaches_an_online_terminal_before_its_timer(
    tmp_path: Path, hub_url: str
) -> None:
    listening = _terminal(tmp_path, "listening", hub_url)
    writing = _terminal(tmp_path, "writing", hub_url)
    changed = threading.Condition()
    kinds: list[set[str]] = []
    statuses: list[object] = []

    def on_changes(k: set[str]) -> None:
        with changed:
            kinds.append(k)
            changed.notify_all()

    def on_status(status: object) -> None:
        with changed:
            statuses.append(status)
            changed.notify_all()

    try:
        listening.start_auto_sync(interval_s=INTERVAL_S, on_status=on_status, on_changes=on_changes)
        with changed:  # the pass made at start; the next one would be minutes away
            assert changed.wait_for(lambda: bool(statuses), timeout=30)
        customer = writing.search("a", limit=1)[0].id
        note = writing.add_note(customer, "written on the other counter")
        assert writing.sync_once().pushed == 1

        def arrived() -> bool:
            profile = listening.customer(customer)
            return profile is not None and note.id in {n.id for n in profile.notes}

        with changed:  # woken by each pass's report of changed kinds
            assert changed.wait_for(arrived, timeout=60)
        assert any("note" in k for k in kinds)
    finally:
        listening.stop_auto_sync()
        listening.close()
        writing.close()


class _Reading(httpx.HTTPTransport):
    """httpx's transport, telling when a request sits waiting for the hub's answer (its
    thread blocked reading) and when it ended, however it ended."""

    def __init__(self) -> None:
        super().__init__()
        self.reading = threading.Event()
        self.ended = threading.Event()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        outer = request.extensions.get("trace")

        def trace(event: str, info: dict[str, Any]) -> None:
            if event == "http11.receive_response_headers.started":
                self.reading.set()
            if outer is not None:
                outer(event, info)

        request.extensions = {**request.extensions, "trace": trace}
        try:
            return super().handle_request(request)
        finally:
            self.ended.set()


def test_a_stopped_watcher_ends_its_long_poll_at_once_and_the_hub_lets_it_go(
    tmp_path: Path, seeded_hub_db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    wait_s = 30.0  # the long-poll's own timeout at the hub
    db = tmp_path / "hub.sqlite3"
    shutil.copyfile(seeded_hub_db, db)
    hub = HubServer(settings=HubSettings(db=str(db), port=0)).start()
    term: Terminal | None = None
    try:
        term = _terminal(tmp_path, "t", hub.url)
        scope, cursor, _done = next(p for p in term.sync_positions() if p[0].startswith("store:"))
        assert cursor is not None
        position = (term._credentials()[1], scope, cursor)
        reading = _Reading()
        transport = AbortableTransport(reading)
        watcher = HubWatcher(
            client=HubClient(hub.url, transport=transport),
            device_id=term.device_id,
            schema_version=SCHEMA_VERSION,
            position=lambda: position,
            on_change=lambda: None,
            abort=transport.abort,
            wait_s=wait_s,
        )
        watcher.start()
        watcher.arm()
        assert reading.reading.wait(timeout=wait_s / 2)  # caught up: the hub holds it
        assert not reading.ended.is_set()
        # Closing the client alone left the read blocked until the hub answered.
        watcher.stop(timeout_s=wait_s / 2)
        assert reading.ended.is_set()  # long before the hub would have answered
    finally:
        if term is not None:
            term.close()
        with caplog.at_level(logging.INFO, logger="uvicorn.error"):
            hub.stop()
    # The hub saw the terminal hang up and ended the wait itself: its shutdown had no
    # request left to wait for (or to cancel when its grace period ran out).
    assert not [r for r in caplog.records if "graceful shutdown exceeded" in r.getMessage()]


def test_a_caught_up_wait_ends_with_an_empty_page_and_the_same_position(
    tmp_path: Path, hub_url: str
) -> None:
    term = _terminal(tmp_path, "t", hub_url)
    scope, cursor, done = next(p for p in term.sync_positions() if p[0].startswith("store:"))
    assert done and cursor is not None
    client = HubClient(hub_url)
    try:
        token = term._credentials()[1]
        page = client.pull(
            token,
            PullRequest(
                device_id=term.device_id,
                schema_version=SCHEMA_VERSION,
                scope=scope,
                cursor=cursor,
                wait=0.5,
            ),
        )
        assert page.changes == [] and not page.has_more and not page.snapshot
        assert page.cursor == cursor
        # A snapshot is never held back: the wait applies to a caught-up cursor only.
        first = client.pull(
            token,
            PullRequest(
                device_id=term.device_id,
                schema_version=SCHEMA_VERSION,
                scope=scope,
                cursor=None,
                limit=5,
                wait=30,
            ),
        )
        assert first.snapshot and len(first.changes) == 5
    finally:
        client.close()
        term.close()


def test_a_pull_without_wait_sends_no_wait_field() -> None:
    """A hub from before long-poll refuses unknown fields: plain pulls must not carry it."""
    plain = PullRequest(device_id="d", schema_version=1, scope="catalog")
    assert "wait" not in plain.model_dump_json()
    assert '"wait":2.0' in plain.model_copy(update={"wait": 2.0}).model_dump_json()
