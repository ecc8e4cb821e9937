"""The task list on a real terminal synced with the real hub, driven by the keyboard:
Ctrl+T opens it, arrows move, Enter opens the customer, an outcome note and Enter mark
the task done (waiting to sync, then gone after the sync), Ctrl+F starts the follow-up
with the suggested message, a sync refresh keeps the selected task, and the profile
names the customer's open tasks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clienteling.terminal.facade import Terminal
from clienteling.ui.main_window import MainWindow
from clienteling.ui.task_list import OVERDUE_BACKGROUND, TaskList, task_kind_label

from .conftest import type_text

TIMEOUT_MS = 20_000


def _open(qtbot: QtBot, window: MainWindow) -> TaskList:
    qtbot.keyClick(window.search_box, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window, "task_list", None) is not None, timeout=TIMEOUT_MS)
    tasks = window.task_list
    qtbot.waitUntil(lambda: bool(tasks.tasks), timeout=TIMEOUT_MS)
    return tasks


def _first_task_row(tasks: TaskList) -> int:
    """Today's appointments come first, then the tasks."""
    return len(tasks.appointments)


def test_keyboard_flow(qtbot: QtBot, window: MainWindow, terminal: Terminal) -> None:
    tasks = _open(qtbot, window)
    below = _first_task_row(tasks)
    assert tasks.tree.topLevelItemCount() == below + len(tasks.tasks)
    opened = len([t for t in tasks.tasks if not t.done_pending])
    assert f" · {opened} open" in tasks.counts_label.text()
    overdue = [below + i for i, t in enumerate(tasks.tasks) if t.overdue]
    if overdue:
        item = tasks.tree.topLevelItem(overdue[0])
        assert item is not None
        assert item.background(0).color() == OVERDUE_BACKGROUND

    # Arrows move, Enter opens the customer in the main window.
    tasks.tree.setFocus()
    for _ in range(below + 1):
        qtbot.keyClick(tasks.tree, Qt.Key.Key_Down)
    chosen = tasks.current_task()
    assert chosen is not None and chosen.id == tasks.tasks[1].id
    with qtbot.waitSignal(window.profile_did_load, timeout=TIMEOUT_MS) as loaded:
        qtbot.keyClick(tasks.tree, Qt.Key.Key_Return)
    assert loaded.args == [chosen.customer_id]
    strip = window.profile_view.task_strip
    qtbot.waitUntil(strip.isVisible, timeout=TIMEOUT_MS)
    assert task_kind_label(chosen.kind) in strip.text()

    # An outcome note, Enter: done, waiting to sync, the note kept with the mark.
    marking = [tasks.task_did_mark, tasks.tasks_did_show]
    with qtbot.waitSignals(marking, order="strict", timeout=TIMEOUT_MS):
        type_text(tasks.note_edit, "Đã gọi, cuối tuần ghé")
        qtbot.keyClick(tasks.note_edit, Qt.Key.Key_Return)
    marked = next(t for t in tasks.tasks if t.id == chosen.id)
    assert marked.done_pending and marked.outcome_note == "Đã gọi, cuối tuần ghé"
    assert tasks.note_edit.text() == ""
    assert "1" in tasks.counts_label.text().split("·")[-1]  # one waiting to sync
    assert tasks.current_task() is not None and tasks.current_task().id == chosen.id
    assert not tasks.done_button.isEnabled()

    # After the sync the hub has it: gone from the list; the selection stays in place.
    terminal.sync_once()
    with qtbot.waitSignal(tasks.tasks_did_show, timeout=TIMEOUT_MS):
        window._bridge.changes_did_apply.emit({"task"})
    assert chosen.id not in [t.id for t in tasks.tasks]


def test_refresh_keeps_the_selected_task(qtbot: QtBot, window: MainWindow) -> None:
    tasks = _open(qtbot, window)
    assert len(tasks.tasks) >= 3
    third = tasks.tree.topLevelItem(_first_task_row(tasks) + 2)
    assert third is not None
    tasks.tree.setCurrentItem(third)
    selected = tasks.current_task()
    assert selected is not None
    with qtbot.waitSignal(tasks.tasks_did_show, timeout=TIMEOUT_MS):
        window._bridge.changes_did_apply.emit({"customer"})
    again = tasks.current_task()
    assert again is not None and again.id == selected.id


def test_ctrl_f_starts_the_follow_up_with_the_suggested_message(
    qtbot: QtBot, window: MainWindow
) -> None:
    tasks = _open(qtbot, window)
    first = tasks.tree.topLevelItem(_first_task_row(tasks))
    assert first is not None
    tasks.tree.setCurrentItem(first)
    task = tasks.current_task()
    assert task is not None
    tasks.tree.setFocus()
    qtbot.keyClick(tasks.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window, "followup_composer", None) is not None)
    composer = window.followup_composer
    qtbot.waitUntil(lambda: composer.context is not None, timeout=TIMEOUT_MS)
    assert composer.customer_id == task.customer_id
    assert composer.template_combo.currentData() == task.template
    composer.reject()
