"""The store's tasks (Ctrl+T), keyboard first: Enter opens the customer, Ctrl+D marks the
task done (with the outcome note typed below, if any), Ctrl+F starts the follow-up with
the task's suggested message, Ctrl+Shift+S snoozes it until tomorrow. Overdue tasks stand
out; the header counts open, overdue and done-but-not-yet-synced tasks. The list
refreshes after a sync and keeps the selected task.

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

from clienteling.terminal.facade import Terminal
from clienteling.terminal.task_views import TaskView, count_tasks
from clienteling.ui.labels import local_time, template_label
from clienteling.ui.operations import run_in_background

TASK_ROLE = Qt.ItemDataRole.UserRole
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
    task_did_mark = Signal(str)  # task id marked done or snoozed

    COLUMNS = range(5)
    DUE, PRIORITY, CUSTOMER, TASK, MESSAGE = COLUMNS

    def __init__(self, terminal: Terminal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.terminal = terminal
        self.tasks: list[TaskView] = []
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
        self.done_button = QPushButton(self.tr("Mark done (Ctrl+D)"), self)
        self.done_button.setObjectName("taskDone")
        self.done_button.clicked.connect(self.mark_done)
        for button in (self.open_button, self.followup_button, self.snooze_button):
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
        """Reload from the cache (on the DB worker); the selected task stays selected."""
        self._seq += 1
        seq = self._seq
        run_in_background(
            self.terminal.store_tasks,
            success=lambda tasks: self._show(seq, tasks),
            parent=self,
        )

    def _show(self, seq: int, tasks: list[TaskView]) -> None:
        if seq != self._seq:
            return  # an older refresh answered late
        keep = self.current_task()
        current = self.tree.currentItem()
        keep_row = self.tree.indexOfTopLevelItem(current) if current is not None else 0
        self.tasks = tasks
        self.tree.clear()
        for task in tasks:
            self.tree.addTopLevelItem(self._item(task))
        ids = [t.id for t in tasks]
        if tasks:
            row = ids.index(keep.id) if keep is not None and keep.id in ids else keep_row
            item = self.tree.topLevelItem(min(max(row, 0), len(tasks) - 1))
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
        if task.outcome_note:
            item.setToolTip(self.TASK, task.outcome_note)
        if task.overdue:
            for column in self.COLUMNS:
                item.setBackground(column, QBrush(OVERDUE_BACKGROUND))
                item.setForeground(column, QBrush(OVERDUE_TEXT))
            font = QFont(item.font(self.DUE))
            font.setBold(True)
            item.setFont(self.DUE, font)
        elif task.done_pending:
            for column in self.COLUMNS:
                item.setForeground(column, QBrush(WAITING_TEXT))
        if task.priority == 1:
            font = QFont(item.font(self.PRIORITY))
            font.setBold(True)
            item.setFont(self.PRIORITY, font)
        return item

    def _show_counts(self) -> None:
        counts = count_tasks(self.tasks)
        text = (
            self.tr("%1 open · %2 overdue")
            .replace("%1", str(counts.open))
            .replace("%2", str(counts.overdue))
        )
        if counts.waiting:
            text += " · " + self.tr("%1 done, waiting to sync").replace("%1", str(counts.waiting))
        self.counts_label.setText(text)

    def current_task(self) -> TaskView | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        task_id = item.data(0, TASK_ROLE)
        return next((t for t in self.tasks if t.id == task_id), None)

    def _update_buttons(self) -> None:
        task = self.current_task()
        for button in (self.open_button, self.followup_button):
            button.setEnabled(task is not None)
        for button in (self.done_button, self.snooze_button):
            button.setEnabled(task is not None and not task.done_pending)

    # -- actions ------------------------------------------------------------------------

    def open_customer(self) -> None:
        task = self.current_task()
        if task is not None:
            self.customer_will_open.emit(task.customer_id)

    def compose_followup(self) -> None:
        task = self.current_task()
        if task is not None:
            self.followup_will_compose.emit(task.id, task.customer_id, task.template)

    def mark_done(self) -> None:
        task = self.current_task()
        if task is None or task.done_pending:
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
        if task is None or task.done_pending:
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
            if task.done_pending:
                text = self.tr("✓ %1 (waiting to sync)").replace("%1", text)
            elif task.overdue:
                text = self.tr("%1 (overdue)").replace("%1", text)
            parts.append(text)
        self.setText(self.tr("Tasks: %1").replace("%1", " · ".join(parts)))
        self.setVisible(bool(parts))
        overdue = any(t.overdue for t in tasks)
        self.setStyleSheet(f"color: {OVERDUE_TEXT.name()}; font-weight: bold;" if overdue else "")
