"""Qt offscreen for the UI tests, real read-model objects to render, and a signed-in
terminal and main window on the session's real hub."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from clienteling.terminal.views import (
    CartLineView,
    CartView,
    ConsentView,
    CustomerHit,
    CustomerProfile,
    NoteView,
    OrderLineView,
    OrderView,
)
from clienteling.ui.main_window import MainWindow
from clienteling.ui.operations import wait_for_all

NOW = datetime(2025, 11, 20, 9, 30, tzinfo=UTC)


def make_profile(*, cart: bool = True) -> CustomerProfile:
    return CustomerProfile(
        id="c-1",
        given_name="Ánh",
        family_name="Nguyễn",
        display_name="Nguyễn Văn Ánh",
        phones=["+84901234567"],
        emails=["anh.nguyen@example.vn"],
        loyalty_card="2900000012345",
        loyalty_tier="gold",
        loyalty_points=12450,
        home_store_name="Hà Nội – Tràng Tiền",
        preferred_channel="whatsapp",
        language="vi",
        lifecycle_stage="loyalty",
        clv_minor=48_900_000,
        currency="VND",
        consents=[
            ConsentView(channel="email", granted=True, at=NOW - timedelta(days=200)),
            ConsentView(channel="sms", granted=False, at=NOW - timedelta(days=20)),
            ConsentView(channel="whatsapp", granted=True, at=NOW - timedelta(days=200)),
        ],
        orders=[
            OrderView(
                id="o-2",
                channel="web",
                store_name=None,
                placed_at=NOW - timedelta(days=12),
                status="delivered",
                total_minor=25_990_000,
                currency="VND",
                lines=[OrderLineView("p-1", "Laptop Aero 14", 1, 25_990_000, 0)],
            ),
            OrderView(
                id="o-1",
                channel="store",
                store_name="Hà Nội – Tràng Tiền",
                placed_at=NOW - timedelta(days=90),
                status="partially_returned",
                total_minor=1_780_000,
                currency="VND",
                lines=[
                    OrderLineView("p-2", "Chuột không dây", 2, 490_000, 1),
                    OrderLineView("p-3", 'Túi chống sốc 14"', 1, 800_000, 0),
                ],
            ),
        ],
        cart=CartView(
            id="cart-1",
            status="abandoned",
            checkout_step="shipping",
            updated_at=NOW - timedelta(hours=5),
            currency="VND",
            lines=[
                CartLineView(
                    "p-9",
                    "SKU-HEAD-01",
                    "Tai nghe Sonic Pro",
                    1,
                    3_490_000,
                    4,
                    stock_other_stores=12,
                    stock_web=1250,
                ),
                CartLineView("p-8", "SKU-CASE-07", "Ốp lưng Ждун", 2, 250_000, 0),
            ],
        )
        if cart
        else None,
        notes=[
            NoteView(
                "n-2",
                "Lan Trần",
                "Muốn thử màu xanh khi có hàng.",
                NOW - timedelta(hours=1),
                pending=True,
            ),
            NoteView(
                "n-1",
                "Minh Lê",
                'Asked about the 16" model.',
                NOW - timedelta(days=3),
                pending=False,
            ),
        ],
    )


def make_hits() -> list[CustomerHit]:
    return [
        CustomerHit(
            "c-1",
            "Nguyễn Văn Ánh",
            "+84901234567",
            "anh.nguyen@example.vn",
            "2900000012345",
            "loyalty",
            "Hà Nội",
        ),
        CustomerHit("c-2", "Nguyễn Thị Hoa", "+84912000111", None, None, "trial", "Hà Nội"),
        CustomerHit(
            "c-3", "Élodie Nguyen", None, "elodie@example.fr", "2900000099999", "recovery", "Lyon"
        ),
    ]


@pytest.fixture
def profile() -> CustomerProfile:
    return make_profile()


@pytest.fixture
def hits() -> list[CustomerHit]:
    return make_hits()


@pytest.fixture
def terminal(hub_url: str, tmp_path: Path) -> Iterator[Terminal]:
    """A terminal on the session's real hub, signed in as the demo associate, first sync
    done (test modules that need another terminal define their own)."""
    term = Terminal(data_dir=tmp_path / "terminal", hub_url=hub_url, secrets=MemorySecretStore())
    term.sign_in("demo-associate", "demo")
    term.sync_once()
    try:
        yield term
    finally:
        wait_for_all()
        term.close()


@pytest.fixture
def window(qtbot: QtBot, terminal: Terminal) -> MainWindow:
    """The main window on `terminal`, shown and exposed."""
    win = MainWindow(terminal)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    # Keys reach shortcuts and focus only in the active window: wait for it, or a test
    # typing at once can race the window manager (offscreen activates on show, later).
    # Asked again while waiting: a box a previous test's window left open may have taken
    # the activation first.
    qtbot.waitUntil(lambda: win.activateWindow() or QApplication.activeWindow() is win)
    return win


def type_text(widget: QWidget, text: str) -> None:
    """Type like a keyboard: one key event per character, any script (pytest-qt's
    `keyClicks` aborts on non-ASCII text)."""
    widget.setFocus()
    for ch in text:
        QApplication.sendEvent(
            widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch)
        )
