"""The status bar's pending count follows a change saved at the counter at once, not only
after the push that may take a slow hub's whole timeout (the associate would read
"Pending changes: 0" beside a note marked "pending")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from clienteling.ui.main_window import MainWindow
from tests.support.fault_proxy import Fault, FaultProxy

PUSH_DELAY_S = 20.0


@pytest.fixture
def proxy(hub_url: str) -> Iterator[FaultProxy]:
    with FaultProxy(hub_url) as p:
        yield p


def test_pending_count_shows_before_the_slow_push_ends(
    qtbot: QtBot, proxy: FaultProxy, tmp_path: Path
) -> None:
    terminal = Terminal(
        data_dir=tmp_path / "terminal", hub_url=proxy.url, secrets=MemorySecretStore()
    )
    try:
        terminal.sign_in("demo-associate", "demo")
        terminal.sync_once()
        window = MainWindow(terminal)
        qtbot.addWidget(window)
        window.show()
        window.start(interval_s=300)
        qtbot.waitUntil(lambda: "0" in window.status_bar.pending_label.text(), timeout=10_000)
        push = proxy.arm(Fault.delay(PUSH_DELAY_S), path="/api/v1/sync/push")
        customer_id = terminal.search("a", limit=1)[0].id
        terminal.add_note(customer_id, "Essaie la taille 40 samedi")
        terminal.request_sync()
        qtbot.waitUntil(lambda: push.hits == 1, timeout=10_000)  # the push is under way
        qtbot.waitUntil(
            lambda: window.status_bar.pending_label.text() == "Pending changes: 1",
            timeout=5_000,
        )
        assert not push.fired.is_set()  # ...and still held by the proxy
        window.close()
    finally:
        terminal.close()
