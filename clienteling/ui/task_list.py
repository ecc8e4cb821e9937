"""The store's tasks (Ctrl+T), keyboard first: today's appointments on top (time,
customer, with whom; the signed-in associate's in bold), then the tasks. Enter opens the
customer, Ctrl+D marks the task done (with the outcome note typed below, if any), Ctrl+F
starts the follow-up with the task's suggested message, Ctrl+Shift+S snoozes it until
tomorrow, Ctrl+Shift+X dismisses it with a reason. On an appointment, Ctrl+Shift+A moves
it and Ctrl+Shift+C cancels it. Overdue tasks stand out; the header counts appointments,
open, overdue and done-but-not-yet-synced tasks. The list refreshes after a sync and
keeps the selected row.

Also `CustomerTasks`, the line on the profile that names the customer's open tasks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clienteling.terminal.appointment_views import AppointmentView
from clienteling.terminal.facade import Terminal
from clienteling.terminal.task_views import TaskView, count_tasks
from clienteling.ui.appointment_dialog import AppointmentDialog, open_appointment_dialog
from clienteling.ui.appointment_labels import describe, dismiss_reason_label, time_span
from clienteling.ui.dismiss_dialog import DismissDialog
from clienteling.ui.labels import local_time, template_label
from clienteling.ui.operations import run_in_background

TASK_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "task" or "appointment"
APPOINTMENT_BACKGROUND = QColor("#e3effd")
OVERDUE_BACKGROUND = QColor("#fde2e1")
OVERDUE_TEXT = QColor("#9b1c1c")
WAITING_TEXT = QColor("#6b7280")
SNOOZE_FOR = timedelta(days=1)


def task_kind_label(kind: str) -> str:
    labels = {
        "welcome": QCoreApplication.translate("Tasks", "Welcome the new customer"),
        "second_purchase": QCoreApplication.translate("Tasks", "Encourage a second purchase"),
        "vip_thanks": QCoreApplication.translate("Tasks", "Thank a VIP customer"),
        "at_risk": QCoreApplication.translate("Tasks", "Check in: customer at risk"),
        "win_back": QCoreApplication.translate("Tasks", "Win back a lapsed customer"),
        "birthday": QCoreApplication.translate("Tasks", "Wish a happy birthday"),
        "back_in_stock": QCoreApplication.translate(
            "Tasks", "A wished product is back in stock here"
        ),
        "cart_available": QCoreApplication.translate(
            "Tasks", "Online cart available here today, no shipping"
        ),
        "post_purchase": QCoreApplication.translate("Tasks", "Ask how delivery and packaging went"),
    }
    return labels.get(kind, kind)


def priority_label(priority: int) -> str:
    labels = {
        1: QCoreApplication.translate("Tasks", "High"),
        2: QCoreApplication.translate("Tasks", "Normal"),
        3: QCoreApplication.translate("Tasks", "Low"),
    }
    return labels.get(priority, str(priority))


class TaskList(QDialog):
    customer_will_open = Signal(str)  # customer id
    followup_will_compose = Signal(str, str, str)  # task id, customer id, template
    tasks_did_show = Signal()  # the list was (re)drawn (tests, screenshots)
    task_did_mark = Signal(str)  # task id marked done, snoozed or dismissed
    appointment_did_change = Signal(str)  # appointment id moved or cancelled

    COLUMNS = range(5)
    DUE, PRIORITY, CUSTOMER, TASK, MESSAGE = COLUMNS

    def __init__(self, terminal: Terminal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.terminal = terminal
        self.tasks: list[TaskView] = []
        self.appointments: list[AppointmentView] = []
        self.timezone = "UTC"
        self._seq = 0
        self.setWindowTitle(self.tr("Tasks"))
        self.resize(980, 560)
        self._build()
        self._keys()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("taskCounts")
        layout.addWidget(self.counts_label)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("taskList")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(
            [
                self.tr("Due"),
                self.tr("Priority"),
                self.tr("Customer"),
                self.tr("Task"),
                self.tr("Suggested message"),
            ]
        )
        self.tree.setAccessibleName(self.tr("Tasks of the store"))
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.TASK, QHeaderView.ResizeMode.Stretch)
        self.tree.itemActivated.connect(lambda _item, _col: self.open_customer())
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.tree.installEventFilter(self)
        layout.addWidget(self.tree, 1)

        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("taskOutcome")
        self.note_edit.setPlaceholderText(
            self.tr("What came of it? (optional; Enter or Ctrl+D marks the task done)")
        )
        self.note_edit.setAccessibleName(self.tr("Outcome note"))
        self.note_edit.returnPressed.connect(self.mark_done)
        layout.addWidget(self.note_edit)

        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open customer (Enter)"), self)
        self.open_button.clicked.connect(self.open_customer)
        self.followup_button = QPushButton(self.tr("Send follow-up (Ctrl+F)"), self)
        self.followup_button.setObjectName("taskFollowup")
        self.followup_button.clicked.connect(self.compose_followup)
        self.snooze_button = QPushButton(self.tr("Snooze until tomorrow (Ctrl+Shift+S)"), self)
        self.snooze_button.clicked.connect(self.snooze)
        self.dismiss_button = QPushButton(self.tr("Dismiss… (Ctrl+Shift+X)"), self)
        self.dismiss_button.setObjectName("taskDismiss")
        self.dismiss_button.clicked.connect(self.dismiss)
        self.move_button = QPushButton(self.tr("Move appointment (Ctrl+Shift+A)"), self)
        self.move_button.clicked.connect(self.move_appointment)
        self.cancel_button = QPushButton(self.tr("Cancel appointment (Ctrl+Shift+C)"), self)
        self.cancel_button.clicked.connect(self.cancel_appointment)
        self.done_button = QPushButton(self.tr("Mark done (Ctrl+D)"), self)
        self.done_button.setObjectName("taskDone")
        self.done_button.clicked.connect(self.mark_done)
        for button in (
            self.open_button,
            self.followup_button,
            self.snooze_button,
            self.dismiss_button,
            self.move_button,
            self.cancel_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.done_button)
        layout.addLayout(row)
        self._update_buttons()

    def _keys(self) -> None:
        for keys, slot in (
            ("Ctrl+D", self.mark_done),
            ("Ctrl+F", self.compose_followup),
            ("Ctrl+Shift+S", self.snooze),
            ("Ctrl+Shift+X", self.dismiss),
            ("Ctrl+Shift+A", self.move_appointment),
            ("Ctrl+Shift+C", self.cancel_appointment),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.tree
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_customer()
            return True
        return super().eventFilter(watched, event)

    # -- data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload from the cache (on the DB worker); the selected row stays selected."""
        self._seq += 1
        seq = self._seq
        terminal = self.terminal

        def load() -> tuple[list[AppointmentView], list[TaskView], str]:
            return terminal.today_appointments(), terminal.store_tasks(), terminal.store_timezone()

        run_in_background(load, success=lambda found: self._show(seq, *found), parent=self)

    def _show(
        self, seq: int, appointments: list[AppointmentView], tasks: list[TaskView], timezone: str
    ) -> None:
        if seq != self._seq:
            return  # an older refresh answered late
        current = self.tree.currentItem()
        keep = current.data(0, TASK_ROLE) if current is not None else None
        keep_row = self.tree.indexOfTopLevelItem(current) if current is not None else 0
        self.tasks = tasks
        self.appointments = appointments
        self.timezone = timezone
        self.tree.clear()
        for appointment in appointments:
            self.tree.addTopLevelItem(self._appointment_item(appointment))
        for task in tasks:
            self.tree.addTopLevelItem(self._item(task))
        ids = [a.id for a in appointments] + [t.id for t in tasks]
        if ids:
            row = ids.index(keep) if keep in ids else keep_row
            item = self.tree.topLevelItem(min(max(row, 0), len(ids) - 1))
            if item is not None:
                self.tree.setCurrentItem(item)
        self._show_counts()
        self._update_buttons()
        self.tasks_did_show.emit()

    def _item(self, task: TaskView) -> QTreeWidgetItem:
        due = local_time(task.due_at)
        if task.overdue:
            due = self.tr("%1 (overdue)").replace("%1", due)
        what = task_kind_label(task.kind)
        if task.done_pending:
            what = self.tr("✓ Done, waiting to sync: %1").replace("%1", what)
        elif task.dismiss_pending:
            what = (
                self.tr("Dismissed (%1), waiting to sync: %2")
                .replace("%1", dismiss_reason_label(task.dismiss_reason or ""))
                .replace("%2", what)
            )
        item = QTreeWidgetItem(
            [
                due,
                priority_label(task.priority),
                task.customer_name or task.customer_id,
                what,
                template_label(task.template),
            ]
        )
        item.setData(0, TASK_ROLE, task.id)
        item.setData(0, KIND_ROLE, "task")
        if task.outcome_note:
            item.setToolTip(self.TASK, task.outcome_note)
        if task.overdue:
            for column in self.COLUMNS:
                item.setBackground(column, QBrush(OVERDUE_BACKGROUND))
                item.setForeground(column, QBrush(OVERDUE_TEXT))
            font = QFont(item.font(self.DUE))
            font.setBold(True)
            item.setFont(self.DUE, font)
        elif task.waiting:
            for column in self.COLUMNS:
                item.setForeground(column, QBrush(WAITING_TEXT))
        if task.priority == 1:
            font = QFont(item.font(self.PRIORITY))
            font.setBold(True)
            item.setFont(self.PRIORITY, font)
        return item

    def _appointment_item(self, appointment: AppointmentView) -> QTreeWidgetItem:
        session = self.terminal.session
        mine = session is not None and session.associate_id == appointment.associate_id
        item = QTreeWidgetItem(
            [
                time_span(appointment, self.timezone),
                self.tr("Appointment"),
                appointment.customer_name or appointment.customer_id,
                describe(appointment, self.timezone, with_time=False),
                "",
            ]
        )
        item.setData(0, TASK_ROLE, appointment.id)
        item.setData(0, KIND_ROLE, "appointment")
        if appointment.note:
            item.setToolTip(self.TASK, appointment.note)
        for column in self.COLUMNS:
            item.setBackground(column, QBrush(APPOINTMENT_BACKGROUND))
            if appointment.pending:
                item.setForeground(column, QBrush(WAITING_TEXT))
            elif appointment.refused is not None or appointment.change_refused is not None:
                item.setForeground(column, QBrush(OVERDUE_TEXT))
        if mine:
            for column in self.COLUMNS:
                font = QFont(item.font(column))
                font.setBold(True)
                item.setFont(column, font)
        return item

    def _show_counts(self) -> None:
        counts = count_tasks(self.tasks)
        booked = [a for a in self.appointments if a.refused is None]
        text = self.tr("%1 appointments today").replace("%1", str(len(booked))) + " · "
        text += (
            self.tr("%1 open · %2 overdue")
            .replace("%1", str(counts.open))
            .replace("%2", str(counts.overdue))
        )
        if counts.waiting:
            text += " · " + self.tr("%1 done, waiting to sync").replace("%1", str(counts.waiting))
        self.counts_label.setText(text)

    def current_task(self) -> TaskView | None:
        item = self.tree.currentItem()
        if item is None or item.data(0, KIND_ROLE) != "task":
            return None
        task_id = item.data(0, TASK_ROLE)
        return next((t for t in self.tasks if t.id == task_id), None)

    def current_appointment(self) -> AppointmentView | None:
        item = self.tree.currentItem()
        if item is None or item.data(0, KIND_ROLE) != "appointment":
            return None
        appointment_id = item.data(0, TASK_ROLE)
        return next((a for a in self.appointments if a.id == appointment_id), None)

    def _update_buttons(self) -> None:
        task = self.current_task()
        appointment = self.current_appointment()
        self.open_button.setEnabled(task is not None or appointment is not None)
        self.followup_button.setEnabled(task is not None)
        for button in (self.done_button, self.snooze_button, self.dismiss_button):
            button.setEnabled(task is not None and not task.waiting)
        changeable = appointment is not None and not appointment.pending
        for button in (self.move_button, self.cancel_button):
            button.setEnabled(changeable and appointment is not None and not appointment.refused)

    # -- actions ------------------------------------------------------------------------

    def open_customer(self) -> None:
        chosen = self.current_task() or self.current_appointment()
        if chosen is not None:
            self.customer_will_open.emit(chosen.customer_id)

    def compose_followup(self) -> None:
        task = self.current_task()
        if task is not None:
            self.followup_will_compose.emit(task.id, task.customer_id, task.template)

    def mark_done(self) -> None:
        task = self.current_task()
        if task is None or task.waiting:
            return
        note = self.note_edit.text()
        terminal = self.terminal

        def done(_none: None) -> None:
            self.note_edit.clear()
            self.task_did_mark.emit(task.id)
            self.refresh()
            terminal.request_sync()

        run_in_background(
            lambda: terminal.mark_task_done(task.id, outcome_note=note),
            success=done,
            parent=self,
        )

    def snooze(self) -> None:
        task = self.current_task()
        if task is None or task.waiting:
            return
        terminal = self.terminal
        until = datetime.now(UTC) + SNOOZE_FOR

        def snoozed(_none: None) -> None:
            self.task_did_mark.emit(task.id)
            self.refresh()
            terminal.request_sync()

        run_in_background(
            lambda: terminal.snooze_task(task.id, until=until), success=snoozed, parent=self
        )

    def dismiss(self) -> DismissDialog | None:
        """Ask why (Ctrl+Shift+X), then dismiss; the task waits to sync like a done one."""
        task = self.current_task()
        if task is None or task.waiting:
            return None
        dialog = DismissDialog(task_kind_label(task.kind), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        terminal = self.terminal

        def chosen() -> None:
            reason, text = dialog.reason(), dialog.text()

            def dismissed(_none: None) -> None:
                self.task_did_mark.emit(task.id)
                self.refresh()
                terminal.request_sync()

            run_in_background(
                lambda: terminal.dismiss_task(task.id, reason=reason, text=text),
                success=dismissed,
                parent=self,
            )

        dialog.accepted.connect(chosen)
        self.dismiss_dialog = dialog
        dialog.open()
        return dialog

    def move_appointment(self) -> AppointmentDialog | None:
        """Another time or associate for the selected appointment (Ctrl+Shift+A)."""
        appointment = self.current_appointment()
        if appointment is None or appointment.pending or appointment.refused is not None:
            return None
        dialog = open_appointment_dialog(
            self.terminal,
            customer_id=appointment.customer_id,
            customer_name=appointment.customer_name,
            timezone=self.timezone,
            appointment=appointment,
            parent=self,
        )
        dialog.appointment_did_book.connect(self._appointment_changed)
        self.appointment_dialog = dialog
        return dialog

    def cancel_appointment(self) -> None:
        """Cancel the selected appointment (Ctrl+Shift+C); queued, gone from the list."""
        appointment = self.current_appointment()
        if appointment is None or appointment.pending or appointment.refused is not None:
            return
        terminal = self.terminal
        run_in_background(
            lambda: terminal.cancel_appointment(appointment.id),
            success=lambda _none: self._appointment_changed(appointment.id),
            parent=self,
        )

    def _appointment_changed(self, appointment_id: str) -> None:
        self.appointment_did_change.emit(appointment_id)
        self.refresh()
        self.terminal.request_sync()


def open_task_list(terminal: Terminal, *, parent: QWidget | None) -> TaskList:
    dialog = TaskList(terminal, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
    dialog.refresh()
    return dialog


class CustomerTasks(QLabel):
    """On the profile: the customer's open tasks in one line (hidden when none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerTasks")
        self.setWordWrap(True)
        self.hide()

    def show_tasks(self, tasks: list[TaskView]) -> None:
        parts = []
        for task in tasks:
            text = task_kind_label(task.kind)
            if task.waiting:
                text = self.tr("✓ %1 (waiting to sync)").replace("%1", text)
            elif task.overdue:
                text = self.tr("%1 (overdue)").replace("%1", text)
            parts.append(text)
        self.setText(self.tr("Tasks: %1").replace("%1", " · ".join(parts)))
        self.setVisible(bool(parts))
        overdue = any(t.overdue for t in tasks)
        self.setStyleSheet(f"color: {OVERDUE_TEXT.name()}; font-weight: bold;" if overdue else "")
