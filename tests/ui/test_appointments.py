"""Appointments and dismissals at the counter, on a terminal synced with the real hub,
keyboard only: Ctrl+Shift+A on the profile books (time typed, duration and associate
chosen with arrows, purpose typed, Ctrl+Enter), the booking shows on the profile as
waiting to sync and then in the task list among today's appointments; the same slot again
is refused at once with the associate's name; Ctrl+Shift+X in the task list dismisses a
task with a reason (waiting to sync, then gone after the sync)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clienteling.terminal.facade import Terminal
from clienteling.ui.appointment_dialog import AppointmentDialog
from clienteling.ui.main_window import MainWindow
from clienteling.ui.task_list import KIND_ROLE, TaskList

from .conftest import type_text

TIMEOUT_MS = 20_000
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _open_profile(qtbot: QtBot, window: MainWindow, terminal: Terminal) -> str:
    customer = terminal.store_tasks()[0].customer_id
    with qtbot.waitSignal(window.profile_did_load, timeout=TIMEOUT_MS):
        window.open_customer(customer)
    return customer


def _booking(qtbot: QtBot, window: MainWindow) -> AppointmentDialog:
    window.appointment_dialog = None  # type: ignore[assignment]
    _press(qtbot, window, Qt.Key.Key_A, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.appointment_dialog is not None, timeout=TIMEOUT_MS)
    dialog = window.appointment_dialog
    qtbot.waitUntil(lambda: dialog.associate_combo.count() > 0, timeout=TIMEOUT_MS)
    qtbot.waitUntil(dialog.date_edit.hasFocus, timeout=TIMEOUT_MS)
    return dialog


def _type_time(qtbot: QtBot, dialog: AppointmentDialog, text: str) -> None:
    """Tab through the date's parts to the time (its hour selected) and type HH:MM. The
    date is today while that time is still ahead in the store, else tomorrow (the
    profile lists the appointments that have not ended)."""
    zone = ZoneInfo(dialog.timezone or "UTC")
    now = datetime.now(zone)
    hour, minute = (int(part) for part in text.split(":"))
    day = now.date() if (now.hour, now.minute) < (hour - 1, minute) else now.date() + timedelta(1)
    dialog.date_edit.setDate(QDate(day.year, day.month, day.day))
    for _ in range(5):
        if dialog.time_edit.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget() or dialog.date_edit, Qt.Key.Key_Tab)
    assert dialog.time_edit.hasFocus()
    qtbot.keyClicks(dialog.time_edit, text)


def test_book_from_the_profile_by_keyboard(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    customer = _open_profile(qtbot, window, terminal)
    dialog = _booking(qtbot, window)
    session = terminal.session
    assert session is not None
    assert dialog.chosen_associate() is not None
    assert dialog.chosen_associate().id == session.associate_id  # type: ignore[union-attr]
    _type_time(qtbot, dialog, "15:30")
    assert dialog.time_edit.time().toString("HH:mm") == "15:30"
    qtbot.keyClick(dialog.time_edit, Qt.Key.Key_Tab)
    assert dialog.duration_combo.hasFocus()
    qtbot.keyClick(dialog.duration_combo, Qt.Key.Key_Down)  # 30 -> 45 minutes
    assert dialog.duration_combo.currentData() == 45
    qtbot.keyClick(dialog.duration_combo, Qt.Key.Key_Tab)
    assert dialog.associate_combo.hasFocus()
    qtbot.keyClick(dialog.associate_combo, Qt.Key.Key_Tab)
    assert dialog.purpose_edit.hasFocus()
    type_text(dialog.purpose_edit, "Thử áo khoác, cỡ M")
    start = dialog.start_utc()
    zone = ZoneInfo(terminal.store_timezone())
    assert start.astimezone(zone).strftime("%H:%M") == "15:30"
    with qtbot.waitSignal(dialog.appointment_did_book, timeout=TIMEOUT_MS) as booked:
        qtbot.keyClick(dialog.purpose_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    appointment_id = booked.args[0]
    mine = {a.id: a for a in terminal.customer_appointments(customer)}
    made = mine[appointment_id]
    assert made.pending and made.starts_at == start and made.duration_minutes == 45
    assert made.purpose == "Thử áo khoác, cỡ M" and made.associate_id == session.associate_id
    strip = window.profile_view.appointment_strip
    qtbot.waitUntil(lambda: "Thử áo khoác" in strip.text(), timeout=TIMEOUT_MS)
    assert strip.isVisible()

    # The same slot again: said at once, with whom, and nothing is queued.
    pending = terminal.status().pending
    again = _booking(qtbot, window)
    _type_time(qtbot, again, "15:45")
    qtbot.keyClick(again.time_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(again.error_label.isVisible, timeout=TIMEOUT_MS)
    assert session.display_name in again.error_label.text()
    assert again.isVisible() and terminal.status().pending == pending
    again.reject()

    # After the sync the hub has it; today's appointments are on top of the task list.
    terminal.sync_once()
    assert not {a.id: a for a in terminal.customer_appointments(customer)}[appointment_id].pending
    today = datetime.now(zone).date()
    if start.astimezone(zone).date() == today:
        tasks = _open_tasks(qtbot, window)
        qtbot.waitUntil(
            lambda: appointment_id in [a.id for a in tasks.appointments], timeout=TIMEOUT_MS
        )
        row = [a.id for a in tasks.appointments].index(appointment_id)
        item = tasks.tree.topLevelItem(row)
        assert item is not None and item.data(0, KIND_ROLE) == "appointment"
        assert item.font(0).bold()  # the signed-in associate's own
        assert "Thử áo khoác" in item.text(TaskList.TASK)


def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """A window shortcut, typed in the search box once the window is active again."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT_MS)
    qtbot.keyClick(window.search_box, key, modifiers)


def _open_tasks(qtbot: QtBot, window: MainWindow) -> TaskList:
    _press(qtbot, window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window, "task_list", None) is not None, timeout=TIMEOUT_MS)
    tasks = window.task_list
    qtbot.waitUntil(lambda: bool(tasks.tasks), timeout=TIMEOUT_MS)
    return tasks


def test_appointments_on_top_of_the_task_list(qtbot: QtBot, window: MainWindow) -> None:
    tasks = _open_tasks(qtbot, window)
    assert tasks.appointments, "the demo store has appointments today"
    kinds = [
        tasks.tree.topLevelItem(i).data(0, KIND_ROLE)  # type: ignore[union-attr]
        for i in range(tasks.tree.topLevelItemCount())
    ]
    first_task = kinds.index("task")
    assert set(kinds[:first_task]) == {"appointment"} and "appointment" not in kinds[first_task:]
    starts = [a.starts_at for a in tasks.appointments]
    assert starts == sorted(starts)
    top = tasks.tree.topLevelItem(0)
    assert top is not None and tasks.appointments[0].customer_name == top.text(TaskList.CUSTOMER)
    assert "–" in top.text(TaskList.DUE)
    assert tasks.counts_label.text().startswith(f"{len(tasks.appointments)} ")
    tasks.tree.setFocus()
    tasks.tree.setCurrentItem(top)
    first = tasks.appointments[0]
    assert tasks.current_appointment() == first
    assert tasks.move_button.isEnabled() and not tasks.done_button.isEnabled()
    with qtbot.waitSignal(tasks.appointment_did_change, timeout=TIMEOUT_MS):
        qtbot.keyClick(tasks.tree, Qt.Key.Key_C, CTRL_SHIFT)  # cancel the appointment
    qtbot.waitUntil(lambda: first.id not in [a.id for a in tasks.appointments], timeout=TIMEOUT_MS)
    assert len(tasks.appointments) == len(starts) - 1


def test_dismiss_a_task_with_a_reason(qtbot: QtBot, window: MainWindow, terminal: Terminal) -> None:
    tasks = _open_tasks(qtbot, window)
    tasks.tree.setFocus()
    for _ in range(len(tasks.appointments)):  # below today's appointments
        qtbot.keyClick(tasks.tree, Qt.Key.Key_Down)
    chosen = tasks.current_task()
    assert chosen is not None and not chosen.waiting
    qtbot.keyClick(tasks.tree, Qt.Key.Key_X, CTRL_SHIFT)
    qtbot.waitUntil(lambda: getattr(tasks, "dismiss_dialog", None) is not None)
    dialog = tasks.dismiss_dialog
    qtbot.waitExposed(dialog)
    # "Other" with no words: refused in the dialog, which stays open.
    dialog.buttons["other"].setFocus()
    qtbot.keyClick(dialog.buttons["other"], Qt.Key.Key_Space)
    qtbot.keyClick(dialog.buttons["other"], Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert dialog.focusWidget() is dialog.text_edit
    type_text(dialog.text_edit, "Переехала в Лион")
    with qtbot.waitSignals([tasks.task_did_mark, tasks.tasks_did_show], timeout=TIMEOUT_MS):
        qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)
    marked = next(t for t in tasks.tasks if t.id == chosen.id)
    assert marked.dismiss_pending and marked.dismiss_reason == "other"
    assert marked.outcome_note == "Переехала в Лион"
    assert not tasks.dismiss_button.isEnabled() and not tasks.done_button.isEnabled()
    assert "1" in tasks.counts_label.text().split("·")[-1]  # one waiting to sync
    row = len(tasks.appointments) + [t.id for t in tasks.tasks].index(chosen.id)
    item = tasks.tree.topLevelItem(row)
    assert item is not None and "Other" in item.text(TaskList.TASK)

    terminal.sync_once()
    with qtbot.waitSignal(tasks.tasks_did_show, timeout=TIMEOUT_MS):
        window._bridge.changes_did_apply.emit({"task"})
    assert chosen.id not in [t.id for t in tasks.tasks]
