"""When the store's network comes back, queued work goes at once: the sync loop probes
the hub while it backs off, instead of sleeping out a backoff of tens of seconds."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from tests.support.fault_proxy import FaultProxy

# A backoff this long would make the test wait minutes without the probe.
INTERVAL_S = 120.0


@pytest.fixture
def proxy(hub_db: Path) -> Iterator[FaultProxy]:
    with (
        HubServer(settings=HubSettings(db=str(hub_db), port=0)) as hub,
        FaultProxy(hub.url) as p,
    ):
        yield p


def test_the_outbox_goes_as_soon_as_the_hub_answers_again(
    tmp_path: Path, proxy: FaultProxy
) -> None:
    term = Terminal(data_dir=tmp_path / "terminal", hub_url=proxy.url, secrets=MemorySecretStore())
    statuses: list[Any] = []
    changed = threading.Condition()

    def on_status(status: Any) -> None:
        with changed:
            statuses.append(status)
            changed.notify_all()

    def wait_for(predicate: Any, timeout: float) -> bool:
        with changed:
            return changed.wait_for(lambda: predicate(statuses), timeout=timeout)

    try:
        term.sign_in("demo-associate", "demo")
        term.sync_once()
        customer = term.search("a", limit=1)[0].id
        proxy.cut()
        term.add_note(customer, "written while the network is down")
        term.start_auto_sync(interval_s=INTERVAL_S, on_status=on_status, on_changes=lambda _k: None)
        # The first pass fails; the loop now backs off (a minute or more at this interval).
        assert wait_for(lambda s: any(x.online is False for x in s), timeout=30)
        assert term.status().pending == 1
        proxy.restore()
        # The probe notices the hub within seconds and the note goes.
        assert wait_for(lambda s: s[-1].online is True and s[-1].pending == 0, timeout=30)
        assert [x.online for x in statuses] == [False, True]  # no pass in between
    finally:
        term.close()
