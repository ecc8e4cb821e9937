"""The status bar mirrors a SyncStatus; Sync now asks for a sync."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from clienteling.terminal.facade import SyncStatus
from clienteling.ui.status_bar import SyncStatusBar


def _bar(qtbot: QtBot) -> SyncStatusBar:
    bar = SyncStatusBar()
    qtbot.addWidget(bar)
    bar.show()
    return bar


def test_online_with_nothing_pending(qtbot: QtBot) -> None:
    bar = _bar(qtbot)
    bar.show_status(
        SyncStatus(
            online=True,
            last_sync_at=datetime(2025, 11, 20, 9, 0, tzinfo=UTC),
            pending=0,
            rejected=0,
            ready=True,
        )
    )
    assert bar.online_badge.text().endswith("Online")
    assert bar.online_badge.property("value") == "online"
    assert bar.last_sync_label.text().startswith("Last sync ")
    assert bar.pending_label.text() == "Pending changes: 0"
    assert not bar.rejected_label.isVisible()


def test_offline_with_pending_and_refused_changes(qtbot: QtBot) -> None:
    bar = _bar(qtbot)
    bar.show_status(
        SyncStatus(
            online=False,
            last_sync_at=None,
            pending=3,
            rejected=2,
            ready=False,
            error_code="hub_unreachable",
        )
    )
    assert bar.online_badge.text().endswith("Offline")
    assert bar.online_badge.property("value") == "offline"
    assert bar.last_sync_label.text() == "Not synced yet"
    assert bar.pending_label.text() == "Pending changes: 3"
    assert bar.rejected_label.isVisible()
    assert bar.rejected_label.text() == "Refused by the hub: 2"


def test_sync_now_button_requests_a_sync(qtbot: QtBot) -> None:
    bar = _bar(qtbot)
    with qtbot.waitSignal(bar.sync_requested):
        bar.sync_button.click()


def test_a_pending_count_between_passes_keeps_the_rest(qtbot: QtBot) -> None:
    bar = _bar(qtbot)
    bar.show_status(SyncStatus(online=False, last_sync_at=None, pending=0, rejected=0, ready=True))
    bar.show_pending(2, 1)
    assert bar.pending_label.text() == "Pending changes: 2"
    assert bar.rejected_label.isVisible()
    assert bar.rejected_label.text() == "Refused by the hub: 1"
    assert bar.online_badge.text().endswith("Offline")  # untouched by a count
    assert bar.status is not None and (bar.status.pending, bar.status.online) == (2, False)
