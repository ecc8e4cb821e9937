"""Issue 8: 'Export customer data…' on the profile, for managers and admins only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from clienteling.ui.customer_export import export_to
from clienteling.ui.main_window import MainWindow
from clienteling.ui.operations import wait_for_all


@pytest.fixture
def manager(hub_url: str, tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(data_dir=tmp_path / "manager", hub_url=hub_url, secrets=MemorySecretStore())
    term.sign_in("demo-manager", "demo")
    term.sync_once()
    try:
        yield term
    finally:
        wait_for_all()
        term.close()


def test_associates_see_no_export(qtbot: QtBot, window: MainWindow) -> None:
    hit = window.terminal.search("a", limit=1)[0]
    window.open_customer(hit.id)
    qtbot.waitUntil(lambda: window.profile_view.profile is not None)
    assert not window.profile_view.export_button.isVisible()


def test_manager_exports_a_customer_to_json(
    qtbot: QtBot, manager: Terminal, tmp_path: Path
) -> None:
    window = MainWindow(manager)
    qtbot.addWidget(window)
    window.show()
    hit = manager.search("a", limit=1)[0]
    window.open_customer(hit.id)
    qtbot.waitUntil(lambda: window.profile_view.profile is not None)
    assert window.profile_view.export_button.isVisible()

    target = tmp_path / "export.json"
    export_to(window, manager, hit.id, target)
    qtbot.waitUntil(lambda: "export.json" in window.statusBar().currentMessage(), timeout=15_000)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["customer_id"] == hit.id
    assert data["profile"]["display_name"] == hit.display_name
    assert "orders" in data["records"] and "notes" in data["records"]
    assert not (tmp_path / "export.json.partial").exists()
