"""Background work runs off the GUI thread; its result and errors come back on it."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clienteling.ui.operations import Pool, run_in_background


@pytest.mark.parametrize("on", [Pool.DB, Pool.NETWORK])
def test_result_arrives_on_the_gui_thread(qtbot: QtBot, on: Pool) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def op() -> int:
        seen["op"] = threading.get_ident()
        return 42

    results: list[int] = []

    def success(value: int) -> None:
        seen["success"] = threading.get_ident()
        results.append(value)

    run_in_background(op, success=success, parent=parent, on=on)
    qtbot.waitUntil(lambda: results == [42])
    assert seen["op"] != gui
    assert seen["success"] == gui


def test_errors_go_to_failure_on_the_gui_thread(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    failures: list[tuple[BaseException, int]] = []

    def op() -> None:
        raise ValueError("nope")

    run_in_background(
        op,
        success=lambda _r: pytest.fail("no success expected"),
        failure=lambda exc: failures.append((exc, threading.get_ident())),
        parent=parent,
    )
    qtbot.waitUntil(lambda: bool(failures))
    exc, thread = failures[0]
    assert isinstance(exc, ValueError) and thread == threading.get_ident()


def test_db_work_runs_in_order(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    order: list[int] = []
    for n in range(5):
        run_in_background(lambda n=n: n, success=order.append, parent=parent)
    qtbot.waitUntil(lambda: len(order) == 5)
    assert order == [0, 1, 2, 3, 4]
